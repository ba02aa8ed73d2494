// Who is who in a contract: the names its clauses use for the parties and
// the role each plays towards the protected information.
//
// Read from the preamble and the opening articles (「以下「乙」という。」,
// 「甲が乙に委託する」, 「一方の当事者（以下「開示者」という。）」) with a lexicon
// of role names (委託者 / 受託者, 開示者 / 受領者, 当社 / お客様 …). Plain
// values; ResolveParties is a pure function, safe to call from many threads.
#ifndef CLAUSEGAP_ENGINE_PARTIES_H_
#define CLAUSEGAP_ENGINE_PARTIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/phrase_set.h"
#include "engine/result.h"

namespace clausegap::engine {

/// Role bits of a party name: a name may stand for the client (who hands the
/// information over), the vendor (who receives or processes it), or both
/// (甲及び乙, 各当事者, and either party of a mutual contract).
enum RoleBit : unsigned {
  kRoleClient = 1u << 0,
  kRoleVendor = 1u << 1,
  kRoleBoth = kRoleClient | kRoleVendor,
};

/// The parties of one document, as the clauses name them.
struct PartyMap {
  /// A name a clause may use as its subject, with its role bits (0: a party
  /// whose role the document leaves open).
  struct Name {
    std::string name;  ///< NFKC-normalised ("乙", "受託者", "各当事者")
    unsigned roles = 0;
  };
  std::vector<Name> names;     ///< longest first, so 受託者 wins over 受託
  PhraseSet index;             ///< |names| for lookup; index i is names[i]
  std::vector<Party> parties;  ///< the parties for the report, in order of definition
  bool mutual = false;         ///< both parties disclose and receive (mutual NDA)
  bool reversed = false;       ///< 甲 is the vendor (乙が甲に委託する)
  std::string vendor;  ///< the vendor as the clauses name it ("乙", "受託者"); never empty
  std::string client;  ///< the client as the clauses name it ("甲", "委託者"); never empty
  std::string work;    ///< the defined work or purpose ("本業務", "本目的"); never empty
  std::string info;    ///< the defined protected information ("秘密情報", "個人情報"); never empty

  /// Returns the role bits of |name| (0 when it is not a party name).
  unsigned RolesOf(std::string_view name) const;
  /// Returns "乙（受託者）" for a name with a role alias, else the name.
  std::string Display(std::string_view name) const;
};

/// Resolves the parties from |sentences| (NFKC-normalised, reading order).
/// |opening| is how many leading sentences (title, preamble, first articles)
/// may define parties and state who entrusts whom. Never fails: without any
/// clue 甲 is the client and 乙 the vendor, as in most outsourcing contracts;
/// |vendor_override| (a name, e.g. from --vendor) makes that name the vendor
/// and the other party the client.
PartyMap ResolveParties(const std::vector<std::string_view>& sentences, std::size_t opening,
                        std::string_view vendor_override = {});

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_PARTIES_H_
