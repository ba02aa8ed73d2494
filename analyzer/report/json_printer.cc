#include "report/json_printer.h"

#include <nlohmann/json.hpp>

#include "report/localize.h"

namespace clausegap::report {
namespace {

using Json = nlohmann::ordered_json;

// Returns |s| as a JSON string, or null when it is empty.
Json StringOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json StringList(const std::vector<std::string>& strings) {
  Json list = Json::array();
  for (const std::string& s : strings) list.push_back(s);
  return list;
}

Json RequirementJson(const engine::RequirementResult& r, Lang lang) {
  Json out = Json::object();
  out["id"] = r.id;
  out["title"] = r.title;
  out["severity"] = engine::SeverityName(r.severity);
  out["status"] = engine::StatusName(r.status);
  out["reasons"] = StringList(r.reasons);
  Json elements = Json::array();
  for (const engine::ElementResult& e : r.elements) {
    Json element = Json::object();
    element["id"] = e.id;
    element["found"] = e.found;
    element["essential"] = e.essential;
    element["description"] = e.description;
    element["evidence"] = EvidenceToJson(e.evidence);
    elements.push_back(std::move(element));
  }
  out["elements"] = std::move(elements);
  out["evidence"] = EvidenceToJson(r.evidence);
  out["suggestion"] = StringOrNull(r.suggestion);
  Json revisions = Json::array();
  for (const engine::PendingRevision& p : r.pending_revisions) {
    Json revision = Json::object();
    revision["kind"] = p.kind;
    revision["author"] = p.author;
    revision["date"] = p.date;
    revision["label"] = p.label;
    revision["label_as_written"] = CitedLabel(p);
    revision["text"] = p.text;
    revision["message"] = p.message;
    revisions.push_back(std::move(revision));
  }
  out["pending_revisions"] = std::move(revisions);
  out["waived"] = r.waived;
  out["waiver_reason"] = r.waived ? Json(r.waiver_reason) : Json(nullptr);
  out["status_text"] = std::string(StatusText(lang, r.status));
  out["severity_text"] = std::string(SeverityText(lang, r.severity));
  out["reasons_text"] = StringList(Reasons(lang, r));
  out["message"] = r.status == engine::Status::kPresent ? Json(nullptr) : Json(GapMessage(r, lang));
  out["bound"] = r.bound;
  return out;
}

// Serialises compactly, keeping UTF-8 as is and replacing invalid bytes
// (a document's text is untrusted) instead of throwing.
std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

Json EvidenceToJson(const std::vector<engine::Evidence>& evidence) {
  Json list = Json::array();
  for (const engine::Evidence& e : evidence) {
    Json item = Json::object();
    item["label"] = e.label;
    item["label_as_written"] = CitedLabel(e);
    item["heading"] = e.heading;
    item["text"] = e.text;
    if (e.page > 0) item["page"] = e.page;  // PDFs only
    list.push_back(std::move(item));
  }
  return list;
}

Json RunToJson(const RunInfo& run, Lang lang) {
  Json out = Json::object();
  out["tool"] = "clausegap";
  out["tool_version"] = run.tool_version;
  Json packs = Json::array();
  for (const RulePackInfo& pack : run.packs) {
    Json item = Json::object();
    item["path"] = pack.path;
    item["name"] = pack.name;
    item["version"] = pack.version;
    item["sha256"] = pack.sha256;
    packs.push_back(std::move(item));
  }
  out["rule_packs"] = std::move(packs);
  out["rules_sha256"] = run.rules_sha256;
  out["config"] = StringOrNull(run.config);
  out["waiver_files"] = StringList(run.waiver_files);
  out["checked_at"] = run.started_at;
  out["view"] = run.view;
  out["lang"] = i18n::LangName(lang);
  return out;
}

Json DocumentJson(const engine::DocumentReport& report, const DocumentJsonOptions& options) {
  const Lang lang = options.lang;
  Json doc = Json::object();
  doc["file"] = report.file;
  doc["status"] = report.ok ? "ok" : "error";
  doc["error"] = report.ok ? Json(nullptr) : Json(report.error);
  doc["error_code"] = report.ok ? Json(nullptr) : StringOrNull(report.error_code);
  doc["title"] = report.title;
  doc["sha256"] = StringOrNull(report.sha256);
  doc["size"] = report.size >= 0 ? Json(report.size) : Json(nullptr);
  doc["kind"] = StringOrNull(report.kind);
  doc["kind_text"] = report.kind.empty() ? Json(nullptr) : Json(std::string(KindText(lang, report.kind)));
  doc["kind_covered"] = KindCovered(report.kind);
  Json parties = Json::array();
  for (const engine::Party& party : report.parties) {
    Json item = Json::object();
    item["name"] = party.name;
    item["full_name"] = party.full_name;
    item["role"] = engine::PartyRoleName(party.role);
    item["role_text"] = std::string(RoleText(lang, party.role));
    item["aliases"] = StringList(party.aliases);
    parties.push_back(std::move(item));
  }
  doc["parties"] = std::move(parties);
  doc["client"] = report.client;
  doc["vendor"] = report.vendor;
  doc["gate"] = !report.ok ? "error" : FailsGate(report, options.fail_on) ? "fail" : "pass";
  doc["gate_text"] = std::string(i18n::Text(
      lang, !report.ok ? i18n::Msg::kGateUnreadable
                       : FailsGate(report, options.fail_on) ? i18n::Msg::kGateFail : i18n::Msg::kGatePass));
  if (!report.converted_from.empty()) doc["converted_from"] = report.converted_from;
  Json requirements = Json::array();
  if (report.ok) {
    for (const engine::RequirementResult& r : report.requirements) {
      requirements.push_back(RequirementJson(r, lang));
    }
  }
  doc["requirements"] = std::move(requirements);
  if (options.run != nullptr) doc["run"] = RunToJson(*options.run, lang);
  return doc;
}

std::string DocumentToJson(const engine::DocumentReport& report, const DocumentJsonOptions& options) {
  return Dump(DocumentJson(report, options));
}

std::string SummaryToJson(const Summary& summary) {
  Json out = Json::object();
  out["documents"] = summary.documents;
  out["errors"] = summary.errors;
  out["failed"] = summary.failed;
  out["fail_on"] = FailOnName(summary.fail_on);
  out["warnings"] = summary.warnings;
  out["max_warnings"] = summary.max_warnings < 0 ? Json(nullptr) : Json(summary.max_warnings);
  out["waived"] = summary.waived;
  out["skipped"] = summary.skipped;
  out["litter"] = summary.litter;
  Json requirements = Json::object();
  for (const RequirementCounts& c : summary.requirements) {
    Json counts = Json::object();
    counts["present"] = c.present;
    counts["weak"] = c.weak;
    counts["missing"] = c.missing;
    requirements[c.id] = std::move(counts);
  }
  out["requirements"] = std::move(requirements);
  return Dump(out);
}

void JsonPrinter::Begin() {
  out_ << "{\"schema\":\"" << kReportSchema << "\",\"run\":"
       << Dump(RunToJson(options_.run, options_.lang)) << ",\"documents\":[";
}

void JsonPrinter::Document(const engine::DocumentReport& report) {
  out_ << (documents_++ == 0 ? "\n" : ",\n")
       << DocumentToJson(report, {options_.lang, options_.fail_on, nullptr});
}

void JsonPrinter::End(const Summary& summary) {
  out_ << (documents_ == 0 ? "" : "\n") << "],\"summary\":" << SummaryToJson(summary) << "}\n";
  out_.flush();
}

}  // namespace clausegap::report
