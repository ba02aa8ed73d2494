// Evaluation of a compiled rule pack on one document.
#include "engine/engine.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/frames.h"
#include "engine/parties.h"
#include "engine/rule_pack_internal.h"
#include "engine/term_index.h"
#include "text/contains.h"
#include "text/normalize.h"

namespace clausegap::engine {

const char* StatusName(Status status) {
  switch (status) {
    case Status::kPresent: return "present";
    case Status::kWeak: return "weak";
    case Status::kMissing: return "missing";
  }
  return "missing";
}

const char* PartyRoleName(PartyRole role) {
  switch (role) {
    case PartyRole::kClient: return "client";
    case PartyRole::kVendor: return "vendor";
    case PartyRole::kMutual: return "mutual";
    case PartyRole::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* SeverityName(Severity severity) {
  return severity == Severity::kRequired ? "required" : "recommended";
}

namespace {

// What the matchers see of one sentence.
struct SentenceView {
  std::string normalized;  // NFKC text
  std::string bases;       // token base forms, concatenated
  int article = -1;
  int paragraph = 0;
  int item = 0;
  int lead_in = -1;        // for a 号 item: the sentence that introduces the list (柱書)
  bool proviso = false;
  int proviso_of = -1;
  std::vector<int> provisos;  // sentences that are provisos of this one
};

}  // namespace

namespace {

// Returns whether a 号 item states no predicate of its own (「…すること。」,
// a noun phrase), so that it takes its lead-in's modality.
bool ItemWithoutPredicate(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '.')) s.remove_suffix(1);
  for (std::string_view end : {"。", "、", ";", "；"})
    if (s.size() >= end.size() && s.substr(s.size() - end.size()) == end) s.remove_suffix(end.size());
  auto ends = [&](std::string_view t) { return s.size() >= t.size() && s.substr(s.size() - t.size()) == t; };
  if (ends("ないこと") || ends("なければならない") || ends("ものとする") || ends("できる") || ends("てはならない"))
    return false;
  return ends("こと") || ends("行為") || ends("事項") || (DetectModality(s) == kObligation && !ends("する"));
}

// Reads every sentence as a duty. A sentence that names no party takes the
// party of the sentence before it in the same article (Japanese drops a
// subject it has just named); a 号 item takes its lead-in's party, and its
// modality when it states none (「乙は、次の行為をしてはならない。一 …すること。」).
// The evaluation state of one document: sentence views and the terms each
// sentence and heading contains (found in one pass per text).
class Context {
 public:
  Context(const TermIndex& index, std::vector<SentenceView> sentences,
          std::vector<std::string> headings, std::vector<std::pair<int, int>> article_ranges,
          const PartyMap& parties)
      : parties_(parties),
        words_(index.words),
        sentences_(std::move(sentences)),
        headings_(std::move(headings)),
        ranges_(std::move(article_ranges)),
        hits_(sentences_.size() * words_, 0),
        heading_hits_(headings_.size() * words_, 0),
        frames_(sentences_.size()),
        framed_(sentences_.size(), 0) {
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
      index.Scan(sentences_[s].normalized, &hits_[s * words_]);
      index.Scan(sentences_[s].bases, &hits_[s * words_]);
    }
    // A 号 item is read together with its lead-in: 「乙は、個人情報について次の
    // 事項を遵守しなければならない。」 gives its items their object and party.
    // A ただし書 is read with the sentence it qualifies: 「…保持することができる。
    // ただし、開示者の請求があったときは、これを返還する。」 returns 秘密情報.
    for (std::size_t s = 0; s < sentences_.size(); ++s) {
      int lead = sentences_[s].lead_in;
      if (lead < 0 && sentences_[s].proviso) lead = sentences_[s].proviso_of;
      if (lead < 0 || lead >= static_cast<int>(s)) continue;
      for (std::size_t w = 0; w < words_; ++w) hits_[s * words_ + w] |= hits_[lead * words_ + w];
    }
    for (std::size_t h = 0; h < headings_.size(); ++h) index.Scan(headings_[h], &heading_hits_[h * words_]);
  }

  int size() const { return static_cast<int>(sentences_.size()); }
  const SentenceView& sentence(int i) const { return sentences_[i]; }

  /// Returns whether a term of |set| occurs in sentence |s| (surface or base forms).
  bool HitAny(int s, const TermSet& set) const {
    return RowHitsAny(&hits_[static_cast<std::size_t>(s) * words_], set);
  }

  // Returns whether |row| (a hit row: one bit per term) has a term of |set|.
  static bool RowHitsAny(const std::uint64_t* row, const TermSet& set) {
    if (set.words.empty() && !set.empty()) {  // not sealed
      for (int t : set)
        if (t >= 0 && ((row[t >> 6] >> (t & 63)) & 1)) return true;
      return false;
    }
    for (const TermSet::Word& w : set.words)
      if (row[w.index] & w.bits) return true;
    return false;
  }

  bool HeadingHitAny(int article, const TermSet& set) const {
    if (article < 0 || article >= static_cast<int>(headings_.size())) return false;
    return RowHitsAny(&heading_hits_[static_cast<std::size_t>(article) * words_], set);
  }

  /// Returns the first sentence that |scope| covers around |anchor| (in the
  /// order: the anchor's clause first, then its provisos; else reading order)
  /// for which |pred| holds, or -1.
  template <typename Pred>
  int FindInScope(int anchor, Scope scope, Pred pred) const {
    const SentenceView& a = sentences_[anchor];
    switch (scope) {
      case Scope::kSentence:
        return pred(anchor) ? anchor : -1;
      case Scope::kClause: {
        int main = a.proviso && a.proviso_of >= 0 ? a.proviso_of : anchor;
        if (pred(main)) return main;
        bool anchor_seen = main == anchor;
        for (int p : sentences_[main].provisos) {
          if (pred(p)) return p;
          anchor_seen = anchor_seen || p == anchor;
        }
        return !anchor_seen && pred(anchor) ? anchor : -1;
      }
      case Scope::kParagraph:
      case Scope::kArticle: {
        if (a.article < 0 || a.article >= static_cast<int>(ranges_.size())) {
          return pred(anchor) ? anchor : -1;
        }
        auto [first, end] = ranges_[a.article];
        bool any = false;
        for (int i = std::max(first, 0); i < std::min(end, size()); ++i) {
          if (scope == Scope::kParagraph && sentences_[i].paragraph != a.paragraph) continue;
          any = true;
          if (pred(i)) return i;
        }
        return !any && pred(anchor) ? anchor : -1;
      }
      case Scope::kDocument:
        for (int i = 0; i < size(); ++i)
          if (pred(i)) return i;
        return -1;
    }
    return -1;
  }

  /// Returns whether |m| holds at |anchor|; adds the sentences whose terms
  /// made it hold to |witness| when given.
  bool Match(const Matcher& m, int anchor, std::vector<int>* witness = nullptr) const {
    const SentenceView& a = sentences_[anchor];
    if (m.proviso && !a.proviso) return false;
    if (m.not_proviso && a.proviso) return false;
    if (m.test_need && !HitAny(anchor, m.need)) return false;
    if (!m.heading.empty() && !HeadingHitAny(a.article, m.heading)) return false;
    if (!m.heading_none.empty() && HeadingHitAny(a.article, m.heading_none)) return false;
    // Witnesses are collected only when asked for: most calls only test.
    std::vector<int> local;
    std::vector<int>* sink = witness ? &local : nullptr;
    auto note = [sink](int i) {
      if (sink) sink->push_back(i);
    };
    for (const TermSet& set : m.all) {
      int s = FindInScope(anchor, m.scope, [&](int i) { return HitAny(i, set); });
      if (s < 0) return false;
      note(s);
    }
    if (!m.any.empty()) {
      int s = FindInScope(anchor, m.scope, [&](int i) { return HitAny(i, m.any); });
      if (s < 0) return false;
      note(s);
    }
    if (!m.none.empty() &&
        FindInScope(anchor, m.scope, [&](int i) { return HitAny(i, m.none); }) >= 0) {
      return false;
    }
    // The duty frame is read only for sentences whose terms already match,
    // and only for a matcher that asks something of it.
    if (m.modality != 0 && (FrameOf(anchor).modality & m.modality) == 0) return false;
    if (AsksFrame(m) && !FrameMatch(m, FrameOf(anchor))) return false;
    if (!m.provisos.empty()) {
      const int main = a.proviso && a.proviso_of >= 0 ? a.proviso_of : anchor;
      bool found = false;
      for (int p : sentences_[main].provisos) {
        if (p != anchor && Match(m.provisos.front(), p)) {
          found = true;
          note(p);
          break;
        }
      }
      if (!found) return false;
    }
    for (const Matcher& c : m.all_of)
      if (!Match(c, anchor, sink)) return false;
    if (!m.any_of.empty()) {
      bool found = false;
      for (const Matcher& c : m.any_of) {
        if (Match(c, anchor, sink)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    for (const Matcher& c : m.none_of)
      if (Match(c, anchor)) return false;
    for (const Matcher& c : m.cites) {
      int cited = -1;
      int s = FindInScope(anchor, m.scope, [&](int i) { return (cited = CitedMatch(c, i)) >= 0; });
      if (s < 0) return false;
      note(s);
      note(cited);
    }
    if (witness) witness->insert(witness->end(), local.begin(), local.end());
    return true;
  }

  /// Returns sentence |g| read as a duty (engine/frames.h), read on first
  /// use. A sentence that names no party takes the party of the sentence
  /// before it in the same article (Japanese drops a subject it has just
  /// named); a 号 item takes its lead-in's party, and its modality when it
  /// states none (「乙は、次の行為をしてはならない。一 …すること。」).
  const Frame& FrameOf(int g) const {
    if (framed_[g]) return frames_[g];
    const SentenceView& v = sentences_[g];
    Frame f = ReadFrame(v.normalized, parties_);
    if (v.lead_in >= 0 && v.lead_in < g) {
      const Frame& in = FrameOf(v.lead_in);
      if (f.subject.empty()) {
        f.subject = in.subject;
        f.bound = in.bound;
        f.inherited = true;
      }
      if (ItemWithoutPredicate(v.normalized) && in.modality != 0) f.modality = in.modality;
      if (f.consent == Consent::kNone) f.consent = in.consent;
      f.triggers |= in.triggers;
    } else if (f.subject.empty() && g > 0 && sentences_[g - 1].article == v.article && v.article >= 0) {
      const int before = v.proviso && v.proviso_of >= 0 && v.proviso_of < g ? v.proviso_of : g - 1;
      const Frame& b = FrameOf(before);
      f.subject = b.subject;
      f.bound = b.bound;
      f.inherited = !f.subject.empty();
    }
    frames_[g] = std::move(f);
    framed_[g] = 1;
    return frames_[g];
  }

  /// Returns whether |m| has frame constraints (FrameMatch holds for any
  /// frame when it has none).
  static bool AsksFrame(const Matcher& m) {
    return m.bound != 0 || m.consent != 0 || m.trigger != 0 || m.notice_only >= 0;
  }

  /// Returns whether the frame constraints of |m| hold for |f|. A new
  /// constraint here belongs in AsksFrame too.
  static bool FrameMatch(const Matcher& m, const Frame& f) {
    if (m.bound != 0) {
      bool ok = ((m.bound & kBoundVendor) && (f.bound & kRoleVendor)) ||
                ((m.bound & kBoundClient) && (f.bound & kRoleClient)) || ((m.bound & kBoundNone) && f.bound == 0);
      if (!ok) return false;
    }
    if (m.consent != 0) {
      unsigned bit = f.consent == Consent::kRequired      ? kConsentRequired
                     : f.consent == Consent::kNotRequired ? kConsentNotRequired
                                                          : kConsentNone;
      if ((m.consent & bit) == 0) return false;
    }
    if (m.trigger != 0 && (m.trigger & f.triggers) == 0) return false;
    if (m.notice_only >= 0 && f.notice_only != (m.notice_only == 1)) return false;
    return true;
  }

  /// Sets the articles' numbers and sections (structure::Article), which
  /// "cites" matchers resolve citations against.
  void SetArticleNumbers(std::vector<std::string> numbers, std::vector<std::string> sections, bool numbered_clauses) {
    numbers_ = std::move(numbers);
    sections_ = std::move(sections);
    numbered_clauses_ = numbered_clauses;
  }

  /// Returns a sentence of an article that sentence |s| cites at which |m|
  /// holds, or -1. A citation resolves in the citing article's section first,
  /// then in the main text; in numbered clauses "5." also means 5.1, 5.2 ….
  int CitedMatch(const Matcher& m, int s) const {
    const int own = sentences_[s].article;
    for (const CitedArticle& c : CitedArticles(sentences_[s].normalized, numbered_clauses_)) {
      std::vector<int> targets;
      if (c.number.empty()) {
        if (own >= 0 && own + c.offset >= 0) targets.push_back(own + c.offset);
      } else {
        const std::string& section = own >= 0 && own < static_cast<int>(sections_.size()) ? sections_[own] : "";
        for (const std::string& in : {section, std::string()}) {
          for (int a = 0; a < static_cast<int>(numbers_.size()); ++a) {
            const std::string& n = numbers_[a];
            bool same = n == c.number || (numbered_clauses_ && n.size() > c.number.size() &&
                                          n.compare(0, c.number.size(), c.number) == 0 && n[c.number.size()] == '.');
            if (same && sections_[a] == in) targets.push_back(a);
          }
          if (!targets.empty() || in.empty()) break;
        }
      }
      for (int a : targets) {
        if (a >= static_cast<int>(ranges_.size())) continue;
        for (int i = std::max(ranges_[a].first, 0); i < std::min(ranges_[a].second, size()); ++i)
          if (Match(m, i)) return i;
      }
    }
    return -1;
  }

 private:
  const PartyMap& parties_;
  const std::size_t words_;
  std::vector<SentenceView> sentences_;
  std::vector<std::string> headings_;
  std::vector<std::pair<int, int>> ranges_;
  std::vector<std::uint64_t> hits_;          // words_ per sentence
  std::vector<std::uint64_t> heading_hits_;  // words_ per article heading
  mutable std::vector<Frame> frames_;        // per sentence, valid where framed_
  mutable std::vector<char> framed_;
  std::vector<std::string> numbers_;         // per article: structure::Article::number
  std::vector<std::string> sections_;        // per article: structure::Article::section
  bool numbered_clauses_ = false;
};

// Concatenates the base forms of |text|'s tokens; |tokens| is scratch space.
std::string Bases(tokenize::Tagger& tagger, const std::string& text,
                  std::vector<tokenize::Token>* tokens) {
  tagger.TokenizeInto(text, tokens);
  auto form = [](const tokenize::Token& t) -> const std::string& { return t.base.empty() ? t.surface : t.base; };
  std::size_t size = 0;
  for (const tokenize::Token& t : *tokens) size += form(t).size();
  std::string out(size, '\0');  // one allocation, then the forms copied in
  char* at = out.data();
  for (const tokenize::Token& t : *tokens) {
    const std::string& f = form(t);
    std::memcpy(at, f.data(), f.size());
    at += f.size();
  }
  return out;
}

// Returns whether |next| continues |prev|: same place, and |prev| was cut
// without a sentence end, or |next| starts with a closing bracket.
bool Continues(const structure::Sentence& prev, const structure::Sentence& next) {
  if (prev.zone != next.zone || prev.article != next.article || prev.paragraph != next.paragraph ||
      prev.item != next.item || prev.sub_item != next.sub_item || next.proviso)
    return false;
  if (next.block != prev.block + 1 && next.block != prev.block) return false;
  std::string_view p = prev.normalized;
  while (!p.empty() && (p.back() == ' ' || p.back() == '\t')) p.remove_suffix(1);
  std::string_view n = next.normalized;
  for (std::string_view close : {")", "」", "』", "）"})
    if (n.substr(0, close.size()) == close) return true;
  if (next.block == prev.block) return false;
  if (p.empty()) return false;
  for (std::string_view end : {"。", ".", ")", "）", "」", ":", "："})
    if (p.size() >= end.size() && p.substr(p.size() - end.size()) == end) return false;
  return true;
}

Evidence MakeEvidence(const structure::Structure& st, const std::vector<int>& members) {
  Evidence e;
  int s = members.front();
  const structure::Sentence& sentence = st.sentences[s];
  e.label = sentence.label;
  e.written_label = sentence.written_label;
  if (sentence.article >= 0 && sentence.article < static_cast<int>(st.articles.size()))
    e.heading = st.articles[sentence.article].heading;
  for (int m : members) e.text += st.sentences[m].text;
  e.sentence = s;
  e.block = sentence.block;
  return e;
}

// One candidate clause and what was found at it.
struct Candidate {
  int sentence = -1;
  std::vector<bool> element_found;            // per element
  std::vector<std::vector<int>> element_witness;
  std::vector<int> weak_hits;                 // indices into weak_if
  bool essentials = true;
  bool present() const { return essentials && weak_hits.empty(); }
};

// Returns whether |s| introduces a list: 「次の各号に掲げる事項」「以下のとおり」, or a colon.
bool IntroducesList(std::string_view s) {
  // Every cue but 各号 starts with 次, 以 or 下: one look for each first.
  if (text::Contains(s, "次") && (text::Contains(s, "次の") || text::Contains(s, "次に"))) return true;
  if (text::Contains(s, "以下") &&
      (text::Contains(s, "以下の") || text::Contains(s, "以下に定める") || text::Contains(s, "以下に掲げる")))
    return true;
  if (text::Contains(s, "下記の") || text::Contains(s, "各号")) return true;
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s.size() >= 1 && (s.back() == ':' || (s.size() >= 3 && s.substr(s.size() - 3) == "："));
}

// Returns the first marker of the inline enumeration that |s| starts with
// ("(i)" for "(iii) …", "(a)" for "(b) …", "(1)" for "(2) …"), or "" when |s|
// starts with none or with a first marker. Translated contracts run their
// lists inside a paragraph: 「…の際、(i) …終了し、(ii) …。(iii) …。」.
std::string_view InlineContinuation(std::string_view s) {
  if (s.size() < 3 || s[0] != '(') return {};
  std::size_t close = s.find(')');
  if (close == std::string_view::npos || close < 2 || close > 5) return {};
  std::string_view inner = s.substr(1, close - 1);
  auto all_of = [&](std::string_view chars) { return inner.find_first_not_of(chars) == std::string_view::npos; };
  if (all_of("ivx")) return inner == "i" ? std::string_view() : "(i)";
  if (inner.size() == 1 && inner[0] >= 'b' && inner[0] <= 'h') return "(a)";
  if (all_of("0123456789")) return inner == "1" ? std::string_view() : "(1)";
  return {};
}

void LinkLeadIns(std::vector<SentenceView>& views) {
  int lead = -1;  // the latest sentence outside items that introduces a list
  for (std::size_t g = 0; g < views.size(); ++g) {
    SentenceView& v = views[g];
    if (v.item > 0 && lead >= 0 && views[lead].article == v.article && views[lead].paragraph == v.paragraph)
      v.lead_in = lead;
    if (v.item == 0 && !v.proviso) lead = IntroducesList(v.normalized) ? static_cast<int>(g) : -1;
    // An inline list continued in a later sentence of the same paragraph is
    // read with the sentence that opened it.
    if (v.item == 0 && v.lead_in < 0) {
      std::string_view first = InlineContinuation(v.normalized);
      for (int k = static_cast<int>(g) - 1; !first.empty() && k >= 0 && k + 6 >= static_cast<int>(g); --k) {
        if (views[k].article != v.article || views[k].paragraph != v.paragraph) break;
        if (views[k].normalized.find(first) == std::string::npos) continue;
        v.lead_in = views[k].lead_in >= 0 ? views[k].lead_in : k;
        break;
      }
    }
  }
}

// Replaces {vendor}, {client}, {work} and {info} in a pack's model clause by
// the document's own names.
std::string FillSuggestion(std::string text, const PartyMap& parties) {
  const std::pair<std::string_view, const std::string*> slots[] = {
      {"{vendor}", &parties.vendor}, {"{client}", &parties.client}, {"{work}", &parties.work}, {"{info}", &parties.info}};
  for (auto [slot, value] : slots) {
    for (std::size_t at = text.find(slot); at != std::string::npos; at = text.find(slot, at + value->size()))
      text.replace(at, slot.size(), *value);
  }
  return text;
}

bool IsDeletion(model::RevisionKind kind) {
  return kind == model::RevisionKind::kDeletion || kind == model::RevisionKind::kMoveFrom ||
         kind == model::RevisionKind::kParagraphDeletion;
}

}  // namespace

Engine::Engine(std::shared_ptr<const RulePack> pack, EngineOptions options)
    : pack_(std::move(pack)),
      index_(std::make_shared<const TermIndex>(pack_->terms)),
      options_(std::move(options)) {}

DocumentReport Engine::Evaluate(const model::Document& document, const structure::Structure& st,
                                tokenize::Tagger& tagger) const {
  const RulePack& pack = *pack_;
  DocumentReport report;
  report.file = document.file;
  report.title = st.title;

  // Logical sentences: a sentence cut by a hard line break (PDF-extracted
  // text: one line per paragraph) is joined with its continuation.
  std::vector<std::vector<int>> groups;
  std::vector<int> group_of(st.sentences.size(), -1);
  for (std::size_t i = 0; i < st.sentences.size(); ++i) {
    const structure::Sentence& s = st.sentences[i];
    if (!groups.empty() && Continues(st.sentences[groups.back().back()], s)) {
      groups.back().push_back(static_cast<int>(i));
    } else {
      groups.push_back({static_cast<int>(i)});
    }
    group_of[i] = static_cast<int>(groups.size()) - 1;
  }
  std::vector<SentenceView> views(groups.size());
  std::vector<tokenize::Token> tokens;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const structure::Sentence& s = st.sentences[groups[g].front()];
    SentenceView& v = views[g];
    for (int i : groups[g]) {
      const structure::Sentence& part = st.sentences[i];
      v.normalized += part.normalized.empty() && !part.text.empty() ? text::NormalizeText(part.text) : part.normalized;
    }
    v.bases = Bases(tagger, v.normalized, &tokens);
    v.article = s.article;
    v.paragraph = s.paragraph;
    v.item = s.item;
    v.proviso = s.proviso;
    v.proviso_of = s.proviso_of >= 0 && s.proviso_of < static_cast<int>(group_of.size()) ? group_of[s.proviso_of] : -1;
    if (v.proviso && v.proviso_of >= 0 && v.proviso_of != static_cast<int>(g))
      views[v.proviso_of].provisos.push_back(static_cast<int>(g));
  }
  // Who is who: parties from the title, preamble and the first articles.
  std::vector<std::string_view> texts;
  texts.reserve(views.size());
  std::size_t opening = views.size();
  for (std::size_t g = 0; g < views.size(); ++g) {
    texts.push_back(views[g].normalized);
    if (opening == views.size() && views[g].article >= 3) opening = g;
  }
  // Without articles, the opening is the first page or so.
  opening = std::min<std::size_t>(opening, 40);
  const PartyMap parties = ResolveParties(texts, opening, options_.vendor);
  LinkLeadIns(views);
  // Adds the evidence of logical sentence |g| unless listed already.
  auto add_evidence = [&](std::vector<Evidence>& list, int g) {
    for (const Evidence& e : list)
      if (e.sentence == groups[g].front()) return;
    list.push_back(MakeEvidence(st, groups[g]));
  };
  std::vector<std::string> headings;
  std::vector<std::pair<int, int>> ranges;
  for (const structure::Article& a : st.articles) {
    headings.push_back(text::NormalizeText(a.heading));
    auto to_group = [&](int sentence) {
      if (sentence >= static_cast<int>(group_of.size())) return static_cast<int>(groups.size());
      return sentence < 0 ? 0 : group_of[sentence];
    };
    int first = to_group(a.first_sentence);
    int end = a.end_sentence > a.first_sentence ? to_group(a.end_sentence - 1) + 1 : first;
    ranges.emplace_back(first, end);
  }
  report.parties = parties.parties;
  report.vendor = parties.vendor;
  report.client = parties.client;
  Context ctx(*index_, std::move(views), std::move(headings), std::move(ranges), parties);
  {
    std::vector<std::string> numbers, sections;
    for (const structure::Article& a : st.articles) {
      numbers.push_back(a.number);
      sections.push_back(a.section);
    }
    ctx.SetArticleNumbers(std::move(numbers), std::move(sections), st.numbered_clauses);
  }

  for (const Requirement& req : pack.requirements) {
    if (!req.enabled) continue;
    RequirementResult result;
    result.id = req.id;
    result.title = req.title;
    result.severity = req.severity;

    std::vector<Candidate> candidates;
    for (int s = 0; s < ctx.size(); ++s) {
      structure::Zone zone = st.sentences[groups[s].front()].zone;
      if (zone == structure::Zone::kTitle || zone == structure::Zone::kSignature) continue;
      if (!ctx.Match(req.clause, s)) continue;
      bool excluded = false;
      for (const Matcher& x : req.exclude) excluded = excluded || ctx.Match(x, s);
      if (excluded) continue;
      // The same duty on the other party only does not count.
      const unsigned bound = ctx.FrameOf(s).bound;
      if (req.binds == Binds::kVendor && bound != 0 && (bound & kRoleVendor) == 0) continue;
      if (req.binds == Binds::kClient && bound != 0 && (bound & kRoleClient) == 0) continue;
      Candidate c;
      c.sentence = s;
      for (const Element& e : req.elements) {
        std::vector<int> witness;
        bool found = ctx.Match(e.match, s, &witness);
        c.element_found.push_back(found);
        c.element_witness.push_back(std::move(witness));
        if (e.essential && !found) c.essentials = false;
      }
      for (std::size_t w = 0; w < req.weak_if.size(); ++w)
        if (ctx.Match(req.weak_if[w].match, s)) c.weak_hits.push_back(static_cast<int>(w));
      candidates.push_back(std::move(c));
    }

    const Candidate* chosen = nullptr;
    const Candidate* best_present = nullptr;
    if (!candidates.empty()) {
      // Among equals, a clause in an article whose heading names the subject
      // is the better evidence.
      auto cued = [&](const Candidate& c) { return ctx.HeadingHitAny(ctx.sentence(c.sentence).article, req.cues); };
      auto pick = [&](auto predicate) {
        auto best = candidates.end();
        for (auto it = candidates.begin(); it != candidates.end(); ++it) {
          if (!predicate(*it)) continue;
          if (best == candidates.end()) best = it;
          if (cued(*it)) return it;
        }
        return best;
      };
      auto present = pick([](const Candidate& c) { return c.present(); });
      if (present != candidates.end()) best_present = &*present;
      auto qualified = pick([](const Candidate& c) { return !c.weak_hits.empty(); });
      auto overriding = pick([&](const Candidate& c) {
        return std::any_of(c.weak_hits.begin(), c.weak_hits.end(), [&](int w) { return req.weak_if[w].overrides; });
      });
      if (req.decide == Decide::kWorst && qualified != candidates.end()) chosen = &*qualified;
      else if (overriding != candidates.end()) chosen = &*overriding;
      else if (present != candidates.end()) chosen = &*present;
      else if (qualified != candidates.end()) chosen = &*qualified;
      else chosen = &candidates.front();
    }

    if (!chosen) {
      result.status = Status::kMissing;
      result.reasons.push_back("no clause on " + req.title + " was found");
    } else {
      result.status = chosen->present() ? Status::kPresent : Status::kWeak;
      for (int w : chosen->weak_hits) result.reasons.push_back(req.weak_if[w].reason);
      // Under "worst", a clause that qualifies another one elsewhere (a ban in
      // one article, a permission without consent in the next) is reported
      // beside it: the essentials are there, the qualification weakens them.
      const bool overridden = best_present != nullptr && chosen != best_present;
      if (overridden) add_evidence(result.evidence, best_present->sentence);
      for (std::size_t e = 0; e < req.elements.size(); ++e) {
        const Element& el = req.elements[e];
        if (el.essential && !chosen->element_found[e] && !overridden)
          result.reasons.push_back(el.reason.empty() ? "essential element missing: " + el.description : el.reason);
      }
      const SentenceView& at = ctx.sentence(chosen->sentence);
      if (at.lead_in >= 0) add_evidence(result.evidence, at.lead_in);
      add_evidence(result.evidence, chosen->sentence);
      const int main = at.proviso && at.proviso_of >= 0 ? at.proviso_of : chosen->sentence;
      if (main != chosen->sentence) add_evidence(result.evidence, main);
      for (int p : ctx.sentence(main).provisos) add_evidence(result.evidence, p);
      const Frame& deciding = ctx.FrameOf(chosen->sentence);
      if (!deciding.subject.empty()) result.bound = parties.Display(deciding.subject);
    }

    for (std::size_t e = 0; e < req.elements.size(); ++e) {
      const Element& el = req.elements[e];
      ElementResult er;
      er.id = el.id;
      er.description = el.description;
      er.essential = el.essential;
      // Essential elements are judged at the chosen clause; recommended ones
      // anywhere in a clause on the subject.
      std::vector<const Candidate*> where;
      if (el.essential) {
        // A clause qualified elsewhere keeps the essentials of its best clause.
        if (best_present && chosen && chosen != best_present) where.push_back(best_present);
        else if (chosen) where.push_back(chosen);
      } else {
        for (const Candidate& c : candidates) where.push_back(&c);
      }
      for (const Candidate* c : where) {
        if (!c->element_found[e]) continue;
        er.found = true;
        std::vector<int> witness = c->element_witness[e];
        if (witness.empty()) witness.push_back(c->sentence);
        std::sort(witness.begin(), witness.end());
        witness.erase(std::unique(witness.begin(), witness.end()), witness.end());
        for (int s : witness) add_evidence(er.evidence, s);
        break;
      }
      result.elements.push_back(std::move(er));
    }
    if (result.status != Status::kPresent) result.suggestion = FillSuggestion(req.suggestion, parties);

    // Pending tracked changes that touch a required clause.
    if (req.severity == Severity::kRequired) {
      std::vector<int> articles;
      for (const Candidate& c : candidates) {
        int a = ctx.sentence(c.sentence).article;
        if (a >= 0) articles.push_back(a);
      }
      for (const model::Revision& rev : document.revisions) {
        if (rev.kind == model::RevisionKind::kFormat) continue;
        std::string label;
        std::string written;
        bool touches = false;
        for (std::size_t s = 0; s < st.sentences.size() && rev.block >= 0; ++s) {
          if (st.sentences[s].block != rev.block) continue;
          int a = st.sentences[s].article;
          if (a >= 0 && std::find(articles.begin(), articles.end(), a) != articles.end()) {
            touches = true;
            label = st.articles[a].label;
            written = st.articles[a].written_label;
            break;
          }
        }
        if (!touches && IsDeletion(rev.kind) && !rev.text.empty()) {
          // The deleted text is not in the signed view: would it have been a clause?
          SentenceView v;
          v.normalized = text::NormalizeText(rev.text);
          v.bases = Bases(tagger, v.normalized, &tokens);
          Context one(*index_, {v}, {}, {}, parties);
          Matcher sentence_only = req.clause;
          touches = one.Match(sentence_only, 0);
          if (touches && rev.block >= 0 && rev.block < static_cast<int>(document.blocks.size())) {
            for (const structure::Sentence& s : st.sentences)
              if (s.block == rev.block && s.article >= 0) {
                label = st.articles[s.article].label;
                written = st.articles[s.article].written_label;
              }
          }
        }
        if (!touches) continue;
        PendingRevision pr;
        pr.kind = model::RevisionKindName(rev.kind);
        pr.author = rev.author.empty() ? "an unknown author" : rev.author;
        pr.date = rev.date;
        pr.label = label;
        pr.written_label = written;
        pr.text = rev.text;
        std::string what = written.empty() ? "a clause on " + req.title : written;
        pr.message = what + (IsDeletion(rev.kind) ? " is deleted" : " is changed") + " in a pending revision by " +
                     pr.author;
        if (!rev.date.empty()) pr.message += " (" + rev.date.substr(0, 10) + ")";
        pr.author = rev.author;
        result.pending_revisions.push_back(std::move(pr));
      }
    }
    report.requirements.push_back(std::move(result));
  }
  return report;
}

}  // namespace clausegap::engine
