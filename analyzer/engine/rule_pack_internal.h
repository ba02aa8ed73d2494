// The compiled form of a rule pack, shared by the loader and the engine.
//
// Private to engine/ (and its tests). Plain values, immutable once
// LoadRulePacks returns; safe to read from many threads.
#ifndef CLAUSEGAP_ENGINE_RULE_PACK_INTERNAL_H_
#define CLAUSEGAP_ENGINE_RULE_PACK_INTERNAL_H_

#include <cstdint>
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "engine/rule_pack.h"

namespace clausegap::engine {

/// Sentence modality bits (a matcher's "modality" is a mask of these).
enum ModalityBit : unsigned {
  kProhibition = 1u << 0,  ///< 〜してはならない / 〜しないものとする / 禁止する / できない
  kObligation = 1u << 1,   ///< 〜しなければならない / 〜ものとする / 〜する (affirmative)
  kPermission = 1u << 2,   ///< 〜することができる / 差し支えない / 妨げない
  kException = 1u << 3,    ///< 〜この限りでない / 適用しない (a proviso's carve-out)
  kNotRequired = 1u << 4,  ///< 〜する必要はない / 要しない / 義務を負わない / 責任を負わない
  kEffort = 1u << 5,       ///< 〜するよう努めるものとする (an obligation that protects little)
  kDeemed = 1u << 6,       ///< 〜したものとみなす
};

/// Modality names as rule packs spell them, in bit order.
inline constexpr const char* kModalityNames[] = {"prohibition", "obligation", "permission", "exception",
                                                 "not-required", "effort", "deemed"};

/// Where a matcher looks, around the sentence it is anchored at.
enum class Scope {
  kSentence,   ///< the sentence alone
  kClause,     ///< the sentence, its provisos and (for a proviso) the sentence it qualifies
  kParagraph,  ///< every sentence of the same 項 (or the article when it has no 項)
  kArticle,    ///< every sentence of the same 条
  kDocument,   ///< every sentence of the document
};

/// Alternatives: hits when any of the interned terms occurs. The term ids,
/// and once sealed the same set as bit masks over the words of a hit row
/// (one per 64 terms), so that a test costs one AND per word it touches.
struct TermSet : std::vector<int> {
  using std::vector<int>::vector;
  struct Word {
    std::uint32_t index;  ///< the word: terms 64 * index … 64 * index + 63
    std::uint64_t bits;   ///< the set's terms in that word
  };
  std::vector<Word> words;  ///< valid after Seal(); empty before

  /// Builds |words| from the ids (call again after changing them).
  void Seal() {
    words.clear();
    for (int t : *this) {
      if (t < 0) continue;
      const auto w = static_cast<std::uint32_t>(t >> 6);
      auto it = std::find_if(words.begin(), words.end(), [w](const Word& x) { return x.index == w; });
      if (it == words.end()) it = words.insert(words.end(), Word{w, 0});
      it->bits |= std::uint64_t{1} << (t & 63);
    }
  }
};

/// A compiled matcher; every constraint given must hold (logical and).
struct Matcher {
  Scope scope = Scope::kSentence;
  std::vector<TermSet> all;       ///< each set must hit somewhere in the scope
  TermSet any;                    ///< one must hit (ignored when empty)
  TermSet none;                   ///< none may hit in the scope
  TermSet heading;                ///< the article heading contains one (ignored when empty)
  TermSet heading_none;           ///< the article heading contains none
  unsigned modality = 0;          ///< the anchor sentence's modality is in the mask (0: any)
  bool proviso = false;           ///< the anchor must be a proviso (ただし…)
  bool not_proviso = false;       ///< the anchor must not be a proviso
  std::vector<Matcher> all_of;    ///< every child holds
  std::vector<Matcher> any_of;    ///< one child holds (ignored when empty)
  std::vector<Matcher> none_of;   ///< no child holds
  std::vector<Matcher> cites;     ///< (0 or 1) holds at a sentence of an article the scope cites (第7条, 前条)
  // Duty-frame constraints on the anchor sentence (engine/frames.h); 0 / -1: any.
  unsigned bound = 0;             ///< BoundBit mask: the party the anchor binds
  unsigned consent = 0;           ///< ConsentBit mask
  unsigned trigger = 0;           ///< TriggerBit mask: one of them is the anchor's trigger
  int notice_only = -1;           ///< 1: notice stands in for consent; 0: it does not
  std::vector<Matcher> provisos;  ///< (0 or 1) holds at one of the anchor's provisos (ただし…)
  /// Derived when the pack is finalised, for a matcher that looks at its
  /// anchor sentence alone: the matcher can hold only where a term of |need|
  /// occurs (its first "all" set, its "any" set, an "all_of" child's need, or
  /// the union of its "any_of" children's). |has_need| says it is known;
  /// |test_need| that Match tests it first, which pays where the need comes
  /// from the children: one test of a hit row instead of one call per child.
  TermSet need;
  bool has_need = false;
  bool test_need = false;
};

/// Bound-party bits of a matcher's "bound".
enum BoundBit : unsigned {
  kBoundVendor = 1u << 0,  ///< binds the vendor / recipient (alone or with the client)
  kBoundClient = 1u << 1,  ///< binds the client / discloser (alone or with the vendor)
  kBoundNone = 1u << 2,    ///< names no party (passive, or a party whose role is open)
};

/// Consent bits of a matcher's "consent" (engine/frames.h Consent).
enum ConsentBit : unsigned {
  kConsentRequired = 1u << 0,
  kConsentNotRequired = 1u << 1,
  kConsentNone = 1u << 2,
};

/// Which party's duty (or right) a requirement needs.
enum class Binds {
  kVendor,  ///< a duty of the vendor / recipient (most requirements)
  kClient,  ///< a right of the client / discloser over the vendor (audit, termination)
  kEither,  ///< either party (the pack's matchers decide)
};

/// One essential or recommended element of a requirement.
struct Element {
  std::string id;
  std::string description;
  std::string reason;  ///< why weak when an essential element is missing
  bool essential = false;
  Matcher match;       ///< anchored at a candidate clause sentence
};

/// A pattern that makes a candidate clause weak.
struct WeakIf {
  std::string id;
  std::string reason;
  Matcher match;       ///< anchored at a candidate clause sentence
  /// The qualification reaches the whole contract: a clause it hits is
  /// chosen over clauses that meet the requirement elsewhere (「前条の規定に
  /// かかわらず」, consent deemed given for the whole contract).
  bool overrides = false;
};

/// How several candidate clauses combine into one verdict.
enum class Decide {
  kBest,   ///< the best candidate counts (whole-contract rule)
  kWorst,  ///< any weak candidate makes the requirement weak
};

/// One requirement of the catalogue.
struct Requirement {
  std::string id;
  std::string title;
  Severity severity = Severity::kRecommended;
  bool enabled = true;
  Decide decide = Decide::kBest;
  Binds binds = Binds::kVendor;   ///< a candidate binding only the other party does not count
  TermSet cues;                   ///< heading words that make an article about the subject
  Matcher clause;                 ///< a sentence on the subject
  std::vector<Matcher> exclude;   ///< a candidate matching one is not on the subject
  std::vector<Element> elements;
  std::vector<WeakIf> weak_if;
  std::string suggestion;         ///< model clause for gaps
  std::string origin;             ///< "file:line" of its definition
};

struct RulePack {
  std::vector<std::string> terms;           ///< interned, NFKC-normalised term strings
  std::vector<Requirement> requirements;    ///< every requirement, in pack order (also disabled ones)
  std::vector<std::string> files;           ///< the files loaded, in order
  std::vector<PackInfo> packs;              ///< each file's declared name and version, in order
};

/// Returns the modality bits of a normalised sentence (0 when none is recognised).
unsigned DetectModality(std::string_view normalized);

/// An article cited in a sentence: |number| as in structure::Article::number
/// ("7", "5の2", "7.3"), or empty for a relative citation (|offset| -1 for 前条,
/// 0 for 本条).
struct CitedArticle {
  std::string number;
  int offset = 0;
};

/// Returns the articles a normalised sentence cites, in order (第7条, ranges
/// 第7条から第9条まで, kanji 第十二条, 前条, 本条; with |numbered_clauses| also
/// 5. / 7.3). A statute's article (個人情報保護法第2条) is not returned. Never fails.
std::vector<CitedArticle> CitedArticles(std::string_view normalized, bool numbered_clauses);

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_RULE_PACK_INTERNAL_H_
