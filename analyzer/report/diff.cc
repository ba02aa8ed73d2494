#include "report/diff.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "report/json_printer.h"
#include "report/localize.h"
#include "report/text_printer.h"

namespace clausegap::report {
namespace {

using Json = nlohmann::ordered_json;

// Returns the side of |r| as one version sees it.
DiffSide SideOf(const engine::RequirementResult* r) {
  DiffSide side;
  if (r == nullptr) return side;
  side.evaluated = true;
  side.status = r->status;
  side.evidence = r->evidence;
  side.reasons = r->reasons;
  return side;
}

const engine::RequirementResult* Find(const engine::DocumentReport& report,
                                      const std::string& id) {
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::set<std::string> Articles(const std::vector<engine::Evidence>& evidence) {
  std::set<std::string> articles;
  for (const engine::Evidence& e : evidence) articles.insert(ArticleOf(e.label));
  return articles;
}

std::vector<std::string> Texts(const std::vector<engine::Evidence>& evidence) {
  std::vector<std::string> texts;
  for (const engine::Evidence& e : evidence) texts.push_back(e.text);
  std::sort(texts.begin(), texts.end());
  return texts;
}

// Returns the elements found in |in| but not in |not_in| (absent counts as
// not found), with |in|'s evidence.
std::vector<engine::ElementResult> FoundOnlyIn(const engine::RequirementResult* in,
                                               const engine::RequirementResult* not_in) {
  std::vector<engine::ElementResult> out;
  if (in == nullptr) return out;
  for (const engine::ElementResult& e : in->elements) {
    if (!e.found) continue;
    bool found_there = false;
    if (not_in != nullptr) {
      for (const engine::ElementResult& other : not_in->elements) {
        if (other.id == e.id) found_there = other.found;
      }
    }
    if (!found_there) out.push_back(e);
  }
  return out;
}

// ------------------------------------------------------------------ JSON

Json SideJson(const DiffSide& side) {
  Json out = Json::object();
  out["status"] = side.evaluated ? engine::StatusName(side.status) : "not-evaluated";
  out["evidence"] = EvidenceToJson(side.evidence);
  Json reasons = Json::array();
  for (const std::string& reason : side.reasons) reasons.push_back(reason);
  out["reasons"] = std::move(reasons);
  return out;
}

Json ElementsJson(const std::vector<engine::ElementResult>& elements) {
  Json list = Json::array();
  for (const engine::ElementResult& e : elements) {
    Json item = Json::object();
    item["id"] = e.id;
    item["essential"] = e.essential;
    item["description"] = e.description;
    item["evidence"] = EvidenceToJson(e.evidence);
    list.push_back(std::move(item));
  }
  return list;
}

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// ------------------------------------------------------------------ text

// Returns |text| followed by spaces up to |width| columns.
std::string Pad(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string SideStatus(const DiffSide& side, i18n::Lang lang) {
  return std::string(side.evaluated ? StatusText(lang, side.status)
                                    : i18n::Text(lang, i18n::Msg::kDiffNotEvaluated));
}

// The change in |lang| (ChangeName's words in English).
std::string_view ChangeText(Change change, i18n::Lang lang) {
  using i18n::Msg;
  switch (change) {
    case Change::kUnchanged: return i18n::Text(lang, Msg::kChangeUnchanged);
    case Change::kStrengthened: return i18n::Text(lang, Msg::kChangeStrengthened);
    case Change::kWeakened: return i18n::Text(lang, Msg::kChangeWeakened);
    case Change::kRemoved: return i18n::Text(lang, Msg::kChangeRemoved);
    case Change::kAdded: return i18n::Text(lang, Msg::kChangeAdded);
    case Change::kMoved: return i18n::Text(lang, Msg::kChangeMoved);
    case Change::kTextChanged: return i18n::Text(lang, Msg::kChangeTextChanged);
  }
  return i18n::Text(lang, Msg::kChangeUnchanged);
}

const char* SideMark(const DiffSide& side) {
  return side.evaluated ? StatusMark(side.status) : "-";
}

// Returns the distinct article labels of |evidence| joined with ", ".
std::string ArticleList(const std::vector<engine::Evidence>& evidence, i18n::Lang lang) {
  std::string out;
  std::vector<std::string> seen;  // canonical article labels
  for (const engine::Evidence& e : evidence) {
    std::string article = ArticleOf(e.label);
    if (std::find(seen.begin(), seen.end(), article) != seen.end()) continue;
    std::string shown = article.empty() ? std::string(i18n::Text(lang, i18n::Msg::kOutsideArticles))
                                        : ArticleOf(CitedLabel(e));
    if (!out.empty()) out += ", ";
    out += shown;
    seen.push_back(std::move(article));
  }
  return out;
}

// Returns the ids of |elements| joined with ", ".
std::string ElementIds(const std::vector<engine::ElementResult>& elements) {
  std::string out;
  for (const engine::ElementResult& e : elements) {
    if (!out.empty()) out += ", ";
    out += e.id;
  }
  return out;
}

void SideDetails(std::ostream& out, i18n::Msg side_name, const DiffSide& side, i18n::Lang lang) {
  using i18n::Msg;
  std::string_view name = i18n::Text(lang, side_name);
  if (!side.evaluated) {
    out << "      " << i18n::Format(lang, Msg::kDiffSideNotEvaluated, {name}) << '\n';
    return;
  }
  if (side.evidence.empty()) out << "      " << i18n::Format(lang, Msg::kDiffSideNoClause, {name}) << '\n';
  for (const engine::Evidence& e : side.evidence) {
    out << "      " << name << ": " << PlaceText(lang, e) << " 「" << e.text << "」\n";
  }
  engine::RequirementResult r;
  r.status = side.status;
  r.reasons = side.reasons;
  for (const std::string& reason : Reasons(lang, r)) {
    // A missing requirement's only reason ("no clause on … was found") says
    // what the line above already says.
    if (side.status == engine::Status::kMissing && side.evidence.empty()) continue;
    out << "      " << i18n::Format(lang, Msg::kDiffSideReason, {name, reason}) << '\n';
  }
}

void ElementLines(std::ostream& out, i18n::Msg verb, const std::vector<engine::ElementResult>& elements,
                  i18n::Lang lang) {
  for (const engine::ElementResult& e : elements) {
    std::string what = e.id;
    if (!e.description.empty()) what += " — " + e.description;
    if (!e.evidence.empty()) what += " [" + PlaceText(lang, e.evidence.front()) + "]";
    out << "      "
        << i18n::Format(lang, i18n::Msg::kDiffElement,
                        {i18n::Text(lang, verb), SeverityText(lang, e.essential
                                                                        ? engine::Severity::kRequired
                                                                        : engine::Severity::kRecommended),
                         what})
        << '\n';
  }
}

}  // namespace

const char* ChangeName(Change change) {
  switch (change) {
    case Change::kUnchanged: return "unchanged";
    case Change::kStrengthened: return "strengthened";
    case Change::kWeakened: return "weakened";
    case Change::kRemoved: return "removed";
    case Change::kAdded: return "added";
    case Change::kMoved: return "moved";
    case Change::kTextChanged: return "text-changed";
  }
  return "unchanged";
}

int StatusRank(engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return 2;
    case engine::Status::kWeak: return 1;
    case engine::Status::kMissing: return 0;
  }
  return 0;
}

bool RequirementDiff::Worse() const {
  return StatusRank(new_side.status) < StatusRank(old_side.status);
}

bool RequirementDiff::Better() const {
  return StatusRank(new_side.status) > StatusRank(old_side.status);
}

bool RequirementDiff::Changed() const {
  return change != Change::kUnchanged || !elements_gained.empty() || !elements_lost.empty();
}

std::string ArticleOf(std::string_view label) {
  // 第N条 (typed or numbered, kanji or digits): up to the first 条.
  static constexpr std::string_view kJo = "条";
  if (label.starts_with("第")) {
    std::size_t jo = label.find(kJo);
    if (jo != std::string_view::npos) return std::string(label.substr(0, jo + kJo.size()));
  }
  // Decimal outline numbering: "6.2" / "6.2(1)" → "6".
  std::size_t digits = 0;
  while (digits < label.size() && label[digits] >= '0' && label[digits] <= '9') ++digits;
  if (digits > 0 && digits < label.size() && label[digits] == '.') {
    return std::string(label.substr(0, digits));
  }
  return std::string(label);
}

Change Classify(const DiffSide& old_side, const DiffSide& new_side) {
  int from = StatusRank(old_side.status), to = StatusRank(new_side.status);
  if (to < from) return new_side.status == engine::Status::kMissing ? Change::kRemoved
                                                                    : Change::kWeakened;
  if (to > from) return old_side.status == engine::Status::kMissing ? Change::kAdded
                                                                    : Change::kStrengthened;
  if (Articles(old_side.evidence) != Articles(new_side.evidence)) return Change::kMoved;
  if (Texts(old_side.evidence) != Texts(new_side.evidence)) return Change::kTextChanged;
  return Change::kUnchanged;
}

Expected<Diff> CompareReports(const engine::DocumentReport& old_report,
                              const engine::DocumentReport& new_report) {
  for (const engine::DocumentReport* report : {&old_report, &new_report}) {
    if (!report->ok) {
      return MakeError(ErrorCode::kUsage,
                       report->error.empty() ? report->file + ": could not be read"
                                             : report->error);
    }
  }
  Diff diff;
  diff.old_file = old_report.file;
  diff.new_file = new_report.file;
  diff.old_title = old_report.title;
  diff.new_title = new_report.title;

  std::vector<std::string> ids;
  for (const engine::RequirementResult& r : new_report.requirements) ids.push_back(r.id);
  for (const engine::RequirementResult& r : old_report.requirements) {
    if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
  }
  for (const std::string& id : ids) {
    const engine::RequirementResult* before = Find(old_report, id);
    const engine::RequirementResult* after = Find(new_report, id);
    const engine::RequirementResult* named = after != nullptr ? after : before;
    RequirementDiff d;
    d.id = id;
    d.title = named->title;
    d.severity = named->severity;
    d.old_side = SideOf(before);
    d.new_side = SideOf(after);
    d.change = Classify(d.old_side, d.new_side);
    d.elements_gained = FoundOnlyIn(after, before);
    d.elements_lost = FoundOnlyIn(before, after);

    if (d.Worse()) {
      ++diff.summary.worse;
      if (d.severity == engine::Severity::kRequired) ++diff.summary.required_worse;
    }
    if (d.Better()) ++diff.summary.better;
    if (d.Changed()) {
      ++diff.summary.changed;
    } else {
      ++diff.summary.unchanged;
    }
    diff.requirements.push_back(std::move(d));
  }
  return diff;
}

Expected<DiffFormat> ParseDiffFormat(std::string_view name) {
  if (name == "text") return DiffFormat::kText;
  if (name == "json") return DiffFormat::kJson;
  return MakeError(ErrorCode::kUsage,
                   "--format: unknown format '" + std::string(name) + "' (valid: text, json)");
}

std::string DiffToJson(const Diff& diff) {
  Json head = Json::object();
  head["schema"] = kDiffSchema;
  head["old"] = diff.old_file;
  head["new"] = diff.new_file;
  std::string out = Dump(head);
  out.pop_back();  // reopen the object after "new"
  out += ",\"requirements\":[";
  for (std::size_t i = 0; i < diff.requirements.size(); ++i) {
    const RequirementDiff& d = diff.requirements[i];
    Json r = Json::object();
    r["id"] = d.id;
    r["title"] = d.title;
    r["severity"] = engine::SeverityName(d.severity);
    r["old"] = SideJson(d.old_side);
    r["new"] = SideJson(d.new_side);
    r["change"] = ChangeName(d.change);
    r["elements_gained"] = ElementsJson(d.elements_gained);
    r["elements_lost"] = ElementsJson(d.elements_lost);
    out += (i == 0 ? "\n" : ",\n") + Dump(r);
  }
  Json summary = Json::object();
  summary["worse"] = diff.summary.worse;
  summary["better"] = diff.summary.better;
  summary["required_worse"] = diff.summary.required_worse;
  summary["changed"] = diff.summary.changed;
  summary["unchanged"] = diff.summary.unchanged;
  out += (diff.requirements.empty() ? "" : "\n");
  out += "],\"summary\":" + Dump(summary) + "}\n";
  return out;
}

std::string DiffToText(const Diff& diff, i18n::Lang lang) {
  using i18n::Msg;
  std::ostringstream out;
  out << i18n::Text(lang, Msg::kDiffOld) << ": " << diff.old_file;
  if (!diff.old_title.empty()) out << " — " << diff.old_title;
  out << '\n' << i18n::Text(lang, Msg::kDiffNew) << ": " << diff.new_file;
  if (!diff.new_title.empty()) out << " — " << diff.new_title;
  out << '\n';
  if (diff.requirements.empty()) {
    out << "  " << i18n::Text(lang, Msg::kNoRequirements) << "\n";
    return out.str();
  }

  std::size_t id_width = 0, title_width = 0, status_width = 0;
  for (const RequirementDiff& d : diff.requirements) {
    id_width = std::max(id_width, DisplayWidth(d.id));
    title_width = std::max(title_width, DisplayWidth(d.title));
    status_width = std::max(status_width, DisplayWidth(SideStatus(d.old_side, lang)));
  }
  const std::size_t severity_width = lang == i18n::Lang::kEn ? 13 : 6;
  for (const RequirementDiff& d : diff.requirements) {
    std::string severity = "[" + std::string(SeverityText(lang, d.severity)) + "]";
    std::string statuses = Pad(SideStatus(d.old_side, lang), status_width) + " → " +
                           SideStatus(d.new_side, lang);
    out << "  " << SideMark(d.old_side) << "→" << SideMark(d.new_side) << ' '
        << Pad(severity, severity_width) << ' ' << Pad(d.id, id_width) << "  "
        << Pad(d.title, title_width) << "  " << Pad(statuses, status_width + 3 + 13) << "  "
        << ChangeText(d.change, lang);
    if (d.change == Change::kMoved) {
      out << " (" << ArticleList(d.old_side.evidence, lang) << " → "
          << ArticleList(d.new_side.evidence, lang) << ")";
    }
    if (!d.elements_gained.empty()) out << i18n::Format(lang, Msg::kDiffGained, {ElementIds(d.elements_gained)});
    if (!d.elements_lost.empty()) out << i18n::Format(lang, Msg::kDiffLost, {ElementIds(d.elements_lost)});
    out << '\n';
  }
  out << "  "
      << i18n::Format(lang, Msg::kDiffTotals,
                      {std::to_string(diff.summary.worse), std::to_string(diff.summary.required_worse),
                       std::to_string(diff.summary.better), std::to_string(diff.summary.changed),
                       std::to_string(diff.summary.unchanged)})
      << '\n';

  bool header = false;
  for (const RequirementDiff& d : diff.requirements) {
    if (!d.Changed()) continue;
    if (!header) out << "\n  " << i18n::Text(lang, Msg::kDiffChanges) << "\n";
    header = true;
    out << "  " << d.id << "  "
        << i18n::Format(lang, Msg::kDiffDetailHead,
                        {d.title, ChangeText(d.change, lang), SideStatus(d.old_side, lang),
                         SideStatus(d.new_side, lang), SeverityText(lang, d.severity)})
        << '\n';
    SideDetails(out, Msg::kDiffSideOld, d.old_side, lang);
    SideDetails(out, Msg::kDiffSideNew, d.new_side, lang);
    ElementLines(out, Msg::kDiffElementGained, d.elements_gained, lang);
    ElementLines(out, Msg::kDiffElementLost, d.elements_lost, lang);
  }
  return out.str();
}

}  // namespace clausegap::report
