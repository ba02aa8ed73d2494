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

Evidence MakeEvidence(const structure::Structure& st, int s) {
  Evidence e;
  const structure::Sentence& sentence = st.sentences[s];
  e.label = sentence.label;
  if (sentence.article >= 0 && sentence.article < static_cast<int>(st.articles.size()))
    e.heading = st.articles[sentence.article].heading;
  e.text = sentence.text;
  e.sentence = s;
  e.block = sentence.block;
  return e;
}

void AddEvidence(std::vector<Evidence>& list, const structure::Structure& st, int s) {
  for (const Evidence& e : list)
    if (e.sentence == s) return;
  list.push_back(MakeEvidence(st, s));
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

  std::vector<SentenceView> views(st.sentences.size());
  for (std::size_t i = 0; i < st.sentences.size(); ++i) {
    const structure::Sentence& s = st.sentences[i];
    SentenceView& v = views[i];
    v.normalized = s.normalized.empty() && !s.text.empty() ? text::Normalize(s.text).text : s.normalized;
    v.bases = Bases(tagger, v.normalized);
    v.modality = DetectModality(v.normalized);
    v.article = s.article;
    v.paragraph = s.paragraph;
    v.proviso = s.proviso;
    v.proviso_of = s.proviso_of;
    if (s.proviso && s.proviso_of >= 0 && s.proviso_of < static_cast<int>(views.size()))
      views[s.proviso_of].provisos.push_back(static_cast<int>(i));
  }
  std::vector<std::string> headings;
  std::vector<std::pair<int, int>> ranges;
  for (const structure::Article& a : st.articles) {
    headings.push_back(text::Normalize(a.heading).text);
    ranges.emplace_back(a.first_sentence, a.end_sentence);
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
      structure::Zone zone = st.sentences[s].zone;
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
      auto present = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.present(); });
      auto qualified = std::find_if(candidates.begin(), candidates.end(),
                                    [](const Candidate& c) { return !c.weak_hits.empty(); });
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
      AddEvidence(result.evidence, st, chosen->sentence);
      for (int p : ctx.sentence(chosen->sentence).provisos) AddEvidence(result.evidence, st, p);
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
        for (int s : witness) AddEvidence(er.evidence, st, s);
        break;
      }
      result.elements.push_back(std::move(er));
    }
    if (result.status != Status::kPresent) result.suggestion = req.suggestion;

    // Pending tracked changes that touch a required clause.
    if (req.severity == Severity::kRequired) {
      std::vector<int> articles;
      for (const Candidate& c : candidates) {
        int a = st.sentences[c.sentence].article;
        if (a >= 0) articles.push_back(a);
      }
      for (const model::Revision& rev : document.revisions) {
        if (rev.kind == model::RevisionKind::kFormat) continue;
        std::string label;
        bool touches = false;
        for (int s = 0; s < ctx.size() && rev.block >= 0; ++s) {
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
