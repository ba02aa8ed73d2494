#include "cli/annotate_command.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include <CLI/CLI.hpp>

#include "api/analyzer.h"
#include "base/file.h"
#include "batch/atomic_file.h"
#include "cli/flags.h"
#include "cli/output_guard.h"
#include "docx/annotate.h"
#include "docx/reader.h"
#include "engine/rule_pack.h"
#include "i18n/messages.h"
#include "structure/structure.h"
#include "text/normalize.h"
#include "text/numerals.h"

#ifndef CLAUSEGAP_VERSION
#define CLAUSEGAP_VERSION "0.0.0"
#endif

namespace clausegap::cli {
namespace {

using engine::RequirementResult;
using engine::Severity;
using engine::Status;

// ---------------------------------------------------------------------------
// Every text annotate writes, from the message catalogue (i18n/).
class Wording {
 public:
  explicit Wording(i18n::Lang lang) : lang_(lang) {}

  std::string Text(i18n::Msg key) const { return std::string(i18n::Text(lang_, key)); }
  std::string Format(i18n::Msg key, std::initializer_list<std::string_view> args) const {
    return i18n::Format(lang_, key, args);
  }
  std::string StatusName(Status status) const {
    switch (status) {
      case Status::kPresent: return Text(i18n::Msg::kStatusPresent);
      case Status::kWeak: return Text(i18n::Msg::kStatusWeak);
      case Status::kMissing: return Text(i18n::Msg::kStatusMissing);
    }
    return {};
  }
  std::string SeverityName(Severity severity) const {
    return Text(severity == Severity::kRequired ? i18n::Msg::kSeverityRequired : i18n::Msg::kSeverityRecommended);
  }
  // "【clausegap】再委託の禁止・制限（必須）：不十分"
  std::string Finding(const RequirementResult& r) const {
    return Format(i18n::Msg::kAnnotateFinding, {r.title, SeverityName(r.severity), StatusName(r.status)});
  }
  std::string Bullet(const std::string& text) const { return Format(i18n::Msg::kAnnotateBullet, {text}); }
  std::string Labelled(i18n::Msg label, const std::string& text) const {
    return Format(i18n::Msg::kAnnotateLabel, {Text(label), text});
  }
  std::string SummaryTitle(const std::vector<engine::PackInfo>& packs) const {
    std::string list;
    for (const engine::PackInfo& p : packs) {
      if (!list.empty()) list += Text(i18n::Msg::kListSeparator);
      const std::string name = p.name.empty() ? p.file : p.name;
      list += p.version.empty() ? name : Format(i18n::Msg::kAnnotatePackVersion, {name, p.version});
    }
    return Format(i18n::Msg::kAnnotateSummaryTitle, {CLAUSEGAP_VERSION, list});
  }
  std::string Counts(Severity severity, int present, int weak, int missing) const {
    return Format(i18n::Msg::kAnnotateCounts,
                  {SeverityName(severity), std::to_string(present + weak + missing),
                   Format(i18n::Msg::kCounts, {std::to_string(present), std::to_string(weak), std::to_string(missing)})});
  }
  std::string Gate(bool fails, report::FailOn level) const {
    return Format(i18n::Msg::kGateLine,
                  {Text(fails ? i18n::Msg::kGateFail : i18n::Msg::kGatePass), report::FailOnName(level)});
  }

 private:
  i18n::Lang lang_;
};

// ---------------------------------------------------------------------------
// Where things go in the contract.

std::string TrimSpaces(std::string_view s) {
  auto space_at = [&](std::size_t i) -> std::size_t {
    if (i < s.size() && (s[i] == ' ' || s[i] == '\t')) return 1;
    if (s.compare(i, 3, "\u3000") == 0) return 3;
    return 0;
  };
  std::size_t i = 0;
  while (std::size_t n = space_at(i)) i += n;
  return std::string(s.substr(i));
}

// |s| without its trailing white space (ASCII, ideographic, line breaks).
std::string TrimSpacesEnd(std::string_view s) {
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) {
      s.remove_suffix(1);
    } else if (s.size() >= 3 && s.substr(s.size() - 3) == "\u3000") {
      s.remove_suffix(3);
    } else {
      return std::string(s);
    }
  }
}

// The typed article number at the start of |text| ("第12条", "第十二条",
// "第５条の２"), or "".
std::string LiteralArticle(std::string_view text) {
  if (text.rfind("第", 0) != 0) return {};
  std::size_t jo = text.find("条");
  if (jo == std::string_view::npos || jo > 3 + 8 * 3) return {};
  std::size_t end = jo + 3;
  if (text.compare(end, 3, "の") == 0) {
    std::size_t length = 0;
    if (text::ReadNumeral(text.substr(end + 3), &length) >= 0) end += 3 + length;
  }
  return std::string(text.substr(0, end));
}

// |n| written in the digits |like| uses (kanji, full-width or ASCII).
std::string NumberLike(int n, std::string_view like) {
  static const char* kKanji[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  bool kanji = false, full_width = false;
  for (std::size_t i = 0; i < like.size();) {
    char32_t cp = 0;
    std::size_t length = text::DecodeAt(like, i, &cp);
    if (length == 0) break;
    if (cp >= U'０' && cp <= U'９') full_width = true;
    if (std::string_view("〇一二三四五六七八九十百").find(like.substr(i, length)) != std::string_view::npos &&
        length == 3) {
      kanji = true;
    }
    i += length;
  }
  if (kanji && n <= 10) return kKanji[n];
  std::string ascii = std::to_string(n);
  if (!full_width) return ascii;
  std::string out;
  for (char c : ascii) out += std::string("０１２３４５６７８９").substr(static_cast<std::size_t>(c - '0') * 3, 3);
  return out;
}

// The brackets the contract puts around article headings.
struct Brackets {
  std::string open, close;
};
Brackets HeadingBrackets(std::string_view rest) {
  std::string trimmed = TrimSpaces(rest);
  if (trimmed.rfind("（", 0) == 0) return {"（", "）"};
  if (trimmed.rfind("(", 0) == 0) return {"(", ")"};
  if (trimmed.rfind("【", 0) == 0) return {"【", "】"};
  return {"", ""};
}

// Where and how the suggested clauses of missing requirements are inserted.
struct InsertPlan {
  int after_block = -1;      // -1: at the end of the body
  std::string where;         // "第9条" or "" (end of body)
  int heading_style = -1;
  int body_style = -1;
  bool auto_numbered = false;  // the heading's number comes from Word numbering
  bool one_paragraph = false;  // heading and text share a paragraph, as in the article
  std::string separator;       // between the heading and the text in that paragraph
  std::string literal;         // the typed number of the article ("第9条"), when not auto
  Brackets brackets;
  int next_branch = 2;         // 第9条の2, の3 …
  docx::NewParagraphs paragraphs;
};

class Planner {
 public:
  Planner(const model::Document& document, const structure::Structure& structure)
      : document_(document), structure_(structure) {}

  // The article whose heading names one of |cues| (main text first), or -1.
  int RelatedArticle(const std::vector<std::string>& cues) const {
    int found = -1;
    for (std::size_t a = 0; a < structure_.articles.size(); ++a) {
      const structure::Article& article = structure_.articles[a];
      if (article.heading.empty()) continue;
      std::string heading = text::Normalize(article.heading).text;
      for (const std::string& cue : cues) {
        if (cue.empty() || heading.find(cue) == std::string::npos) continue;
        if (article.section.empty()) return static_cast<int>(a);
        if (found < 0) found = static_cast<int>(a);
      }
    }
    return found;
  }

  // The last article of the main text (or of the whole contract), or -1.
  int LastMainArticle() const {
    for (std::size_t a = structure_.articles.size(); a-- > 0;) {
      if (structure_.articles[a].section.empty()) return static_cast<int>(a);
    }
    return structure_.articles.empty() ? -1 : static_cast<int>(structure_.articles.size()) - 1;
  }

  // The last block of |article| (its heading or any of its sentences).
  int LastBlock(int article) const {
    const structure::Article& a = structure_.articles[static_cast<std::size_t>(article)];
    int last = a.heading_block;
    for (int s = a.first_sentence; s < a.end_sentence; ++s) {
      last = std::max(last, structure_.sentences[static_cast<std::size_t>(s)].block);
    }
    return last;
  }

  InsertPlan Plan(int article) const {
    InsertPlan plan;
    if (article < 0) return plan;
    const structure::Article& a = structure_.articles[static_cast<std::size_t>(article)];
    plan.after_block = LastBlock(article);
    plan.where = a.written_label;
    plan.heading_style = a.heading_block;
    plan.body_style = a.heading_block;
    if (a.heading_block >= 0) {
      const model::Block& heading = document_.blocks[static_cast<std::size_t>(a.heading_block)];
      plan.auto_numbered = !heading.label.empty();
      plan.literal = plan.auto_numbered ? "" : LiteralArticle(heading.text);
      plan.brackets = HeadingBrackets(std::string_view(heading.text).substr(plan.literal.size()));
    }
    bool first = true;
    for (int s = a.first_sentence; s < a.end_sentence; ++s) {
      const structure::Sentence& sentence = structure_.sentences[static_cast<std::size_t>(s)];
      if (first && sentence.block == a.heading_block) {
        plan.one_paragraph = true;
        const std::string& text = document_.blocks[static_cast<std::size_t>(sentence.block)].text;
        std::string head = text.substr(0, std::min(sentence.begin, text.size()));
        plan.separator = head.substr(head.size() - (head.size() - TrimSpacesEnd(head).size()));
      }
      first = false;
      const model::Block& block = document_.blocks[static_cast<std::size_t>(sentence.block)];
      if (sentence.block != a.heading_block && block.label.empty() &&
          block.kind == model::BlockKind::kParagraph) {
        plan.body_style = sentence.block;
        break;
      }
    }
    return plan;
  }

  // Adds the heading and text of a new article after |plan|'s article.
  static void AddArticle(InsertPlan* plan, const std::string& title, const std::string& text) {
    std::string heading;
    if (!plan->literal.empty()) {
      heading = plan->literal + "の" + NumberLike(plan->next_branch++, plan->literal) +
                (plan->brackets.open.empty() ? "　" : "");
    }
    heading += plan->brackets.open + title + plan->brackets.close;
    if (plan->after_block < 0) {
      plan->paragraphs.paragraphs.push_back({heading, -1});
      plan->paragraphs.paragraphs.push_back({text, -1});
    } else if (plan->one_paragraph) {
      plan->paragraphs.paragraphs.push_back({heading + plan->separator + text, plan->heading_style});
    } else {
      plan->paragraphs.paragraphs.push_back({heading, plan->heading_style});
      plan->paragraphs.paragraphs.push_back({text, plan->body_style});
    }
  }

 private:
  const model::Document& document_;
  const structure::Structure& structure_;
};

// The span of the evidence sentences |sentences| (indices, one article).
docx::CommentRange RangeOf(const structure::Structure& structure, const std::vector<int>& sentences) {
  docx::CommentRange range;
  const structure::Sentence& first = structure.sentences[static_cast<std::size_t>(sentences.front())];
  const structure::Sentence& last = structure.sentences[static_cast<std::size_t>(sentences.back())];
  range.begin = {first.block, first.begin};
  range.end = {last.block, last.begin + last.text.size()};
  return range;
}

docx::CommentRange WholeBlock(int block) {
  docx::CommentRange range;
  range.begin = {block, 0};
  range.end = {block, std::string::npos};
  return range;
}

std::string Now() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long value = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0' && value >= 0) now = static_cast<std::time_t>(value);
  }
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string InitialsOf(const std::string& author) {
  if (author == "clausegap") return "CG";
  char32_t cp = 0;
  std::size_t length = text::DecodeAt(author, 0, &cp);
  return author.substr(0, length);
}

}  // namespace

int RunAnnotate(const AnnotateConfig& config, std::ostream& out, std::ostream& err) {
  const Wording words(config.lang);
  if (config.output.empty()) {
    err << "clausegap: " << words.Text(i18n::Msg::kAnnotateNoOutput) << '\n';
    return kExitError;
  }
  if (auto guarded = OutputGuard(config.output, config.lang).Check(config.input); !guarded) {
    err << "clausegap: " << guarded.error().message << '\n';
    return kExitError;
  }
  api::Options load;
  load.default_rules = config.default_rules;
  load.rules = config.rules;
  auto analyzer = api::Analyzer::Load(load);
  if (!analyzer) {
    err << "clausegap: " << analyzer.error().message << '\n';
    return kExitError;
  }
  if (auto valid = ValidatePolicy(config.policy, engine::EnabledRequirements(analyzer->pack())); !valid) {
    err << "clausegap: " << valid.error().message << '\n';
    return kExitError;
  }
  docx::ReadOptions options;
  auto bytes = ReadFileCapped(config.input, options.limits.max_package_bytes);
  if (!bytes) {
    err << "clausegap: " << bytes.error().message << '\n';
    return kExitError;
  }
  if (bytes->rfind("%PDF-", 0) == 0) {
    err << "clausegap: " << words.Format(i18n::Msg::kAnnotateNotWord, {config.input}) << '\n';
    return kExitError;
  }
  auto document = docx::ReadDocxBytes(*bytes, config.input, options);
  if (!document) {
    err << "clausegap: " << document.error().message << '\n';
    return kExitError;
  }
  structure::Structure structure = structure::Analyze(*document);
  engine::DocumentReport report = analyzer->Evaluate(*document, structure, config.input);
  ApplyPolicy(config.policy, &report);

  const std::string date = config.date.empty() ? Now() : config.date;
  const std::string initials = InitialsOf(config.author);
  auto comment = [&](docx::CommentRange range, std::string text) {
    docx::NewComment c;
    c.range = range;
    c.author = config.author;
    c.initials = initials;
    c.date = date;
    c.text = std::move(text);
    return c;
  };
  const int title_block = structure.title_block >= 0 ? structure.title_block
                                                     : (document->blocks.empty() ? -1 : 0);
  docx::Annotations annotations;
  Planner planner(*document, structure);
  std::map<int, InsertPlan> plans;  // by article (-1: end of body)
  int findings = 0;
  int inserted = 0;

  for (const RequirementResult& r : report.requirements) {
    if (r.status == Status::kPresent) continue;
    if ((r.severity == Severity::kRequired && !config.required) ||
        (r.severity == Severity::kRecommended && !config.recommended)) {
      continue;
    }
    std::string text = words.Finding(r);
    if (r.waived) text += "\n" + words.Bullet(words.Format(i18n::Msg::kWaived, {r.waiver_reason}));
    if (r.status == Status::kMissing) {
      text += "\n" + words.Bullet(words.Format(i18n::Msg::kReasonNoClause, {r.title}));
    } else {
      for (const std::string& reason : r.reasons) text += "\n" + words.Bullet(reason);
    }
    for (const engine::PendingRevision& p : r.pending_revisions) {
      text += "\n" + words.Bullet(words.Labelled(i18n::Msg::kPendingRevision, p.message));
    }

    // The evidence sentences, grouped by article in reading order.
    std::vector<std::vector<int>> groups;
    std::vector<int> sentences;
    for (const engine::Evidence& e : r.evidence) {
      if (e.sentence >= 0 && static_cast<std::size_t>(e.sentence) < structure.sentences.size()) {
        sentences.push_back(e.sentence);
      }
    }
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
    for (int s : sentences) {
      int article = structure.sentences[static_cast<std::size_t>(s)].article;
      if (groups.empty() || structure.sentences[static_cast<std::size_t>(groups.back().back())].article != article) {
        groups.emplace_back();
      }
      groups.back().push_back(s);
    }

    int related = -1;
    if (r.status == Status::kMissing) {
      related = planner.RelatedArticle(engine::RequirementCues(analyzer->pack(), r.id));
    }
    if (!r.suggestion.empty()) {
      if (config.suggest_as_revision && r.status == Status::kMissing && !r.waived) {
        int article = related >= 0 ? related : planner.LastMainArticle();
        auto it = plans.find(article);
        if (it == plans.end()) {
          it = plans.emplace(article, planner.Plan(article)).first;
          it->second.paragraphs.after_block = it->second.after_block;
          it->second.paragraphs.author = config.author;
          it->second.paragraphs.date = date;
        }
        Planner::AddArticle(&it->second, r.title, r.suggestion);
        ++inserted;
        text += "\n" + words.Labelled(i18n::Msg::kSuggestion, r.suggestion) + "\n" +
                words.Format(i18n::Msg::kAnnotateInserted,
                             {it->second.where.empty() ? words.Text(i18n::Msg::kAnnotateEndOfBody)
                                                       : words.Format(i18n::Msg::kAnnotateAfter, {it->second.where})});
      } else {
        text += "\n" + words.Labelled(i18n::Msg::kSuggestion, r.suggestion);
      }
    }

    docx::CommentRange range;
    if (!groups.empty()) {
      range = RangeOf(structure, groups.front());
    } else if (related >= 0 && structure.articles[static_cast<std::size_t>(related)].heading_block >= 0) {
      range = WholeBlock(structure.articles[static_cast<std::size_t>(related)].heading_block);
    } else {
      range = WholeBlock(title_block);
    }
    annotations.comments.push_back(comment(range, text));
    ++findings;
    const std::string& first_label =
        structure.sentences[static_cast<std::size_t>(groups.empty() ? 0 : groups.front().front())].written_label;
    for (std::size_t g = 1; g < groups.size(); ++g) {
      annotations.comments.push_back(comment(RangeOf(structure, groups[g]), words.Format(i18n::Msg::kAnnotateAlsoHere, {r.title, first_label})));
    }
  }
  for (auto& [article, plan] : plans) annotations.insertions.push_back(std::move(plan.paragraphs));

  // The summary on the title, first among the comments.
  int counts[2][3] = {};
  for (const RequirementResult& r : report.requirements) {
    ++counts[r.severity == Severity::kRequired ? 0 : 1][static_cast<int>(r.status)];
  }
  std::string summary = words.SummaryTitle(engine::LoadedPacks(analyzer->pack()));
  for (Severity severity : {Severity::kRequired, Severity::kRecommended}) {
    const int* c = counts[severity == Severity::kRequired ? 0 : 1];
    summary += "\n" + words.Counts(severity, c[0], c[1], c[2]);
  }
  summary += "\n" + words.Gate(report::FailsGate(report, config.fail_on), config.fail_on);
  summary += "\n" + words.Format(i18n::Msg::kAnnotateTotals, {std::to_string(findings), std::to_string(inserted)});
  annotations.comments.insert(annotations.comments.begin(), comment(WholeBlock(title_block), summary));

  auto annotated = docx::AnnotateDocx(*bytes, config.input, *document, annotations, options.limits);
  if (!annotated) {
    err << "clausegap: " << annotated.error().message << '\n';
    return kExitError;
  }
  auto file = batch::AtomicFile::Create(config.output);
  if (!file) {
    err << "clausegap: " << file.error().message << '\n';
    return kExitError;
  }
  (*file)->stream().write(annotated->bytes.data(), static_cast<std::streamsize>(annotated->bytes.size()));
  if (auto committed = (*file)->Commit(); !committed) {
    err << "clausegap: " << committed.error().message << '\n';
    return kExitError;
  }
  int exact = 0;
  for (std::size_t i = 1; i < annotated->placements.size(); ++i) {
    if (annotated->placements[i] == docx::Placement::kExact) ++exact;
  }
  out << words.Format(i18n::Msg::kAnnotateWritten, {config.output, std::to_string(annotations.comments.size()),
                                                     std::to_string(exact), std::to_string(inserted)})
      << '\n';
  return kExitOk;
}

Runner SetupAnnotate(CLI::App* sub) {
  auto raw = std::make_shared<AnnotateConfig>();
  auto severities = std::make_shared<std::vector<std::string>>();
  auto lang = std::make_shared<std::string>();
  auto fail_on = std::make_shared<std::string>("missing");
  auto no_default_rules = std::make_shared<bool>(false);
  auto config_path = std::make_shared<std::string>();
  auto no_config = std::make_shared<bool>(false);

  sub->add_option("input", raw->input, "The contract to annotate (.docx/.docm/.dotx)")->required();
  sub->add_option("--output,-o", raw->output,
                  "Write the annotated copy to FILE (atomically; never the input)")
      ->required();
  sub->add_option("--severity", *severities,
                  "Annotate findings of these severities: required, recommended (comma-separated or "
                  "repeated). Default: both")
      ->delimiter(',')
      ->check(CLI::IsMember({"required", "recommended"}));
  CLI::Option* lang_flag = sub->add_option("--lang", *lang,
                                           "Language of the comments and messages: ja or en. Default: the "
                                           "config's \"lang\", else ja")
                               ->check(Checked(i18n::ParseLang, "LANG"));
  sub->add_option("--author", raw->author, "Author of the comments and insertions. Default: clausegap");
  sub->add_flag("--suggest-as-revision", raw->suggest_as_revision,
                "Insert the suggested clause of each missing requirement as a tracked insertion");
  sub->add_option("--fail-on", *fail_on,
                  "Gate level shown in the summary comment: missing, weak or never. Default: missing "
                  "(or the config's \"fail_on\")")
      ->check(CLI::IsMember({"missing", "weak", "never"}));
  sub->add_option("--rules", raw->rules,
                  "Extra rule pack (.json/.jsonc file or directory), loaded after the default pack; "
                  "repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--no-default-rules", *no_default_rules, "Do not load the default rule pack (use only --rules)");
  sub->add_option("--config", *config_path,
                  "Project configuration file (its rules, disable, require, waivers and fail_on apply). "
                  "Default: the nearest .clausegap.json");
  sub->add_flag("--no-config", *no_config, "Do not look for a .clausegap.json");

  return [=] {
    AnnotateConfig config = *raw;
    auto project = ResolveConfig(*config_path, *no_config);
    if (!project) {
      std::cerr << "clausegap: " << project.error().message << '\n';
      return static_cast<int>(kExitError);
    }
    MergeProject(*project, &config.rules, &config.policy);
    config.policy.waivers = project->waivers;
    if (!severities->empty()) {
      config.required = std::find(severities->begin(), severities->end(), "required") != severities->end();
      config.recommended =
          std::find(severities->begin(), severities->end(), "recommended") != severities->end();
    }
    config.lang = lang_flag->count() > 0 ? *i18n::ParseLang(*lang) : project->lang.value_or(i18n::Lang::kJa);
    bool fail_on_given = sub->get_option("--fail-on")->count() > 0;
    config.fail_on = fail_on_given || !project->fail_on ? *report::ParseFailOn(*fail_on) : *project->fail_on;
    config.default_rules = !*no_default_rules;
    return RunAnnotate(config, std::cout, std::cerr);
  };
}

}  // namespace clausegap::cli
