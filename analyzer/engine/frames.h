// Duty frames: a clause read as a duty — which party must / must not / may /
// need not do something, on which trigger, unless which condition holds.
//
// Read from one NFKC-normalised sentence: 括弧書き is set aside for the
// subject and the predicate (「乙（再委託先を含む。）は」 binds 乙), the modality
// comes from the main predicate, and the consent condition's polarity from
// the phrase together with the modality (「承諾なく…してはならない」 requires
// consent, 「承諾なく…できる」 does not). Pure functions, thread-safe.
#ifndef CLAUSEGAP_ENGINE_FRAMES_H_
#define CLAUSEGAP_ENGINE_FRAMES_H_

#include <string>
#include <string_view>

#include "engine/parties.h"

namespace clausegap::engine {

/// Whether an act needs the other party's consent.
enum class Consent {
  kNone,         ///< the sentence says nothing of consent
  kRequired,     ///< 承諾を得て / 承諾を得た場合を除き…してはならない / 承諾なく…してはならない
  kNotRequired,  ///< 承諾なく…できる / 承諾を要しない / 承諾は不要
};

/// Trigger bits: when the duty arises.
enum TriggerBit : unsigned {
  kTriggerEnd = 1u << 0,         ///< 終了・満了・解除・完了
  kTriggerRequest = 1u << 1,     ///< the other party's 請求・指示・求め
  kTriggerDiscretion = 1u << 2,  ///< the bound party's own judgement (不要と判断したとき)
  kTriggerIncident = 1u << 3,    ///< 漏えい・滅失・不正アクセス等の事故
};

/// One sentence read as a duty.
struct Frame {
  std::string subject;    ///< the bound party as written ("乙", "甲及び乙"); empty when none
  unsigned bound = 0;     ///< RoleBit mask of the bound party; 0 when no party is named
  bool inherited = false; ///< |subject| comes from the sentence before or the list's lead-in
  unsigned modality = 0;  ///< ModalityBit of the main predicate (0 when none is recognised)
  Consent consent = Consent::kNone;
  bool notice_only = false;  ///< notice (通知・事後報告) stands in for consent
  unsigned triggers = 0;     ///< TriggerBit mask
};

/// Returns whether a name at byte |at| of |s| starts a word: one after a
/// kanji or katakana is the tail of a longer word (再受託者 is not 受託者,
/// 甲府 is not 甲).
bool WordStartsAt(std::string_view s, std::size_t at);

/// Returns |s| without bracketed asides: (…) and （…） at any depth. A
/// 「」 quotation is kept. An unbalanced bracket keeps the rest as it is.
std::string StripParentheses(std::string_view s);

/// Returns the bound party of |stripped| (a sentence without asides): the
/// first party name (or chain 甲及び乙) used as topic (は, も), else as
/// subject (が); |roles| gets its role bits. Empty when no party is named.
std::string FindSubject(std::string_view stripped, const PartyMap& parties, unsigned* roles);

/// Reads |normalized| as a duty. Never fails; an unknown part stays empty.
Frame ReadFrame(std::string_view normalized, const PartyMap& parties);

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_FRAMES_H_
