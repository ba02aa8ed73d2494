// Evaluation of a compiled rule pack on one document.
#include "engine/engine.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rule_pack_internal.h"
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

const char* SeverityName(Severity severity) {
  return severity == Severity::kRequired ? "required" : "recommended";
}

namespace {

// What the matchers see of one sentence.
struct SentenceView {
  std::string normalized;  // NFKC text
  std::string bases;       // token base forms, concatenated
  unsigned modality = 0;
  int article = -1;
  int paragraph = 0;
  bool proviso = false;
  int proviso_of = -1;
  std::vector<int> provisos;  // sentences that are provisos of this one
};

// The evaluation state of one document: sentence views and memoised term hits.
class Context {
 public:
  Context(const RulePack& pack, std::vector<SentenceView> sentences, std::vector<std::string> headings,
          std::vector<std::pair<int, int>> article_ranges)
      : pack_(pack),
        sentences_(std::move(sentences)),
        headings_(std::move(headings)),
        ranges_(std::move(article_ranges)),
        hits_(sentences_.size() * pack.terms.size(), -1),
        heading_hits_(headings_.size() * pack.terms.size(), -1) {}

  int size() const { return static_cast<int>(sentences_.size()); }
  const SentenceView& sentence(int i) const { return sentences_[i]; }

  /// Returns whether term |t| occurs in sentence |s| (surface or base forms).
  bool Hit(int s, int t) const {
    int8_t& h = hits_[static_cast<std::size_t>(s) * pack_.terms.size() + t];
    if (h < 0) {
      const std::string& term = pack_.terms[t];
      const SentenceView& v = sentences_[s];
      h = v.normalized.find(term) != std::string::npos || v.bases.find(term) != std::string::npos;
    }
    return h;
  }

  bool HitAny(int s, const TermSet& set) const {
    for (int t : set)
      if (Hit(s, t)) return true;
    return false;
  }

  bool HeadingHitAny(int article, const TermSet& set) const {
    if (article < 0 || article >= static_cast<int>(headings_.size())) return false;
    for (int t : set) {
      int8_t& h = heading_hits_[static_cast<std::size_t>(article) * pack_.terms.size() + t];
      if (h < 0) h = headings_[article].find(pack_.terms[t]) != std::string::npos;
      if (h) return true;
    }
    return false;
  }

  /// Returns the sentences |scope| covers around |anchor|.
  std::vector<int> ScopeOf(int anchor, Scope scope) const {
    std::vector<int> out;
    const SentenceView& a = sentences_[anchor];
    switch (scope) {
      case Scope::kSentence:
        out.push_back(anchor);
        break;
      case Scope::kClause: {
        int main = a.proviso && a.proviso_of >= 0 ? a.proviso_of : anchor;
        out.push_back(main);
        for (int p : sentences_[main].provisos) out.push_back(p);
        if (std::find(out.begin(), out.end(), anchor) == out.end()) out.push_back(anchor);
        break;
      }
      case Scope::kParagraph:
      case Scope::kArticle: {
        if (a.article < 0 || a.article >= static_cast<int>(ranges_.size())) {
          out.push_back(anchor);
          break;
        }
        auto [first, end] = ranges_[a.article];
        for (int i = std::max(first, 0); i < std::min(end, size()); ++i) {
          if (scope == Scope::kParagraph && sentences_[i].paragraph != a.paragraph) continue;
          out.push_back(i);
        }
        if (out.empty()) out.push_back(anchor);
        break;
      }
      case Scope::kDocument:
        for (int i = 0; i < size(); ++i) out.push_back(i);
        break;
    }
    return out;
  }

  /// Returns whether |m| holds at |anchor|; adds the sentences whose terms
  /// made it hold to |witness| when given.
  bool Match(const Matcher& m, int anchor, std::vector<int>* witness = nullptr) const {
    const SentenceView& a = sentences_[anchor];
    if (m.modality != 0 && (a.modality & m.modality) == 0) return false;
    if (m.proviso && !a.proviso) return false;
    if (m.not_proviso && a.proviso) return false;
    if (!m.heading.empty() && !HeadingHitAny(a.article, m.heading)) return false;
    if (!m.heading_none.empty() && HeadingHitAny(a.article, m.heading_none)) return false;
    std::vector<int> local;
    if (!m.all.empty() || !m.any.empty() || !m.none.empty()) {
      std::vector<int> scope = ScopeOf(anchor, m.scope);
      for (const TermSet& set : m.all) {
        bool found = false;
        for (int s : scope) {
          if (HitAny(s, set)) {
            found = true;
            local.push_back(s);
            break;
          }
        }
        if (!found) return false;
      }
      if (!m.any.empty()) {
        bool found = false;
        for (int s : scope) {
          if (HitAny(s, m.any)) {
            found = true;
            local.push_back(s);
            break;
          }
        }
        if (!found) return false;
      }
      for (int s : scope)
        if (HitAny(s, m.none)) return false;
    }
    for (const Matcher& c : m.all_of)
      if (!Match(c, anchor, &local)) return false;
    if (!m.any_of.empty()) {
      bool found = false;
      for (const Matcher& c : m.any_of) {
        if (Match(c, anchor, &local)) {
          found = true;
          break;
        }
      }
      if (!found) return false;
    }
    for (const Matcher& c : m.none_of)
      if (Match(c, anchor)) return false;
    if (witness) witness->insert(witness->end(), local.begin(), local.end());
    return true;
  }

 private:
  const RulePack& pack_;
  std::vector<SentenceView> sentences_;
  std::vector<std::string> headings_;
  std::vector<std::pair<int, int>> ranges_;
  mutable std::vector<int8_t> hits_;
  mutable std::vector<int8_t> heading_hits_;
};

// Concatenates the base forms of |text|'s tokens.
std::string Bases(tokenize::Tagger& tagger, const std::string& text) {
  std::string out;
  for (const tokenize::Token& t : tagger.Tokenize(text)) out += t.base.empty() ? t.surface : t.base;
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

bool IsDeletion(model::RevisionKind kind) {
  return kind == model::RevisionKind::kDeletion || kind == model::RevisionKind::kMoveFrom ||
         kind == model::RevisionKind::kParagraphDeletion;
}

}  // namespace

Engine::Engine(std::shared_ptr<const RulePack> pack) : pack_(std::move(pack)) {}

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
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const structure::Sentence& s = st.sentences[groups[g].front()];
    SentenceView& v = views[g];
    for (int i : groups[g]) {
      const structure::Sentence& part = st.sentences[i];
      v.normalized += part.normalized.empty() && !part.text.empty() ? text::Normalize(part.text).text : part.normalized;
    }
    v.bases = Bases(tagger, v.normalized);
    v.modality = DetectModality(v.normalized);
    v.article = s.article;
    v.paragraph = s.paragraph;
    v.proviso = s.proviso;
    v.proviso_of = s.proviso_of >= 0 && s.proviso_of < static_cast<int>(group_of.size()) ? group_of[s.proviso_of] : -1;
    if (v.proviso && v.proviso_of >= 0 && v.proviso_of != static_cast<int>(g))
      views[v.proviso_of].provisos.push_back(static_cast<int>(g));
  }
  // Adds the evidence of logical sentence |g| unless listed already.
  auto add_evidence = [&](std::vector<Evidence>& list, int g) {
    for (const Evidence& e : list)
      if (e.sentence == groups[g].front()) return;
    list.push_back(MakeEvidence(st, groups[g]));
  };
  std::vector<std::string> headings;
  std::vector<std::pair<int, int>> ranges;
  for (const structure::Article& a : st.articles) {
    headings.push_back(text::Normalize(a.heading).text);
    auto to_group = [&](int sentence) {
      if (sentence >= static_cast<int>(group_of.size())) return static_cast<int>(groups.size());
      return sentence < 0 ? 0 : group_of[sentence];
    };
    int first = to_group(a.first_sentence);
    int end = a.end_sentence > a.first_sentence ? to_group(a.end_sentence - 1) + 1 : first;
    ranges.emplace_back(first, end);
  }
  Context ctx(pack, std::move(views), std::move(headings), std::move(ranges));

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
      auto qualified = pick([](const Candidate& c) { return !c.weak_hits.empty(); });
      if (req.decide == Decide::kWorst && qualified != candidates.end()) chosen = &*qualified;
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
      for (std::size_t e = 0; e < req.elements.size(); ++e) {
        const Element& el = req.elements[e];
        if (el.essential && !chosen->element_found[e])
          result.reasons.push_back(el.reason.empty() ? "essential element missing: " + el.description : el.reason);
      }
      add_evidence(result.evidence, chosen->sentence);
      for (int p : ctx.sentence(chosen->sentence).provisos) add_evidence(result.evidence, p);
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
        if (chosen) where.push_back(chosen);
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
    if (result.status != Status::kPresent) result.suggestion = req.suggestion;

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
        bool touches = false;
        for (std::size_t s = 0; s < st.sentences.size() && rev.block >= 0; ++s) {
          if (st.sentences[s].block != rev.block) continue;
          int a = st.sentences[s].article;
          if (a >= 0 && std::find(articles.begin(), articles.end(), a) != articles.end()) {
            touches = true;
            label = st.articles[a].label;
            break;
          }
        }
        if (!touches && IsDeletion(rev.kind) && !rev.text.empty()) {
          // The deleted text is not in the signed view: would it have been a clause?
          SentenceView v;
          v.normalized = text::Normalize(rev.text).text;
          v.bases = Bases(tagger, v.normalized);
          v.modality = DetectModality(v.normalized);
          Context one(pack, {v}, {}, {});
          Matcher sentence_only = req.clause;
          touches = one.Match(sentence_only, 0);
          if (touches && rev.block >= 0 && rev.block < static_cast<int>(document.blocks.size())) {
            for (const structure::Sentence& s : st.sentences)
              if (s.block == rev.block && s.article >= 0) label = st.articles[s.article].label;
          }
        }
        if (!touches) continue;
        PendingRevision pr;
        pr.kind = model::RevisionKindName(rev.kind);
        pr.author = rev.author.empty() ? "an unknown author" : rev.author;
        pr.date = rev.date;
        pr.label = label;
        pr.text = rev.text;
        std::string what = label.empty() ? "a clause on " + req.title : label;
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
