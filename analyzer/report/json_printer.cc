#include "report/json_printer.h"

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/localize.h"

namespace clausegap::report {
namespace {

using Json = nlohmann::ordered_json;
using i18n::Lang;

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

// Appends JSON text to a string: the structure as literals, every string
// value serialised by nlohmann::json (escaping, invalid UTF-8 replaced).
// Report strings repeat from document to document (titles, descriptions,
// model clauses, messages) and within one (evidence cited by several
// elements): their serialised form is kept, up to a bound.
class JsonText {
 public:
  explicit JsonText(std::string* out, JsonStringCache* cache) : out_(*out), cache_(*cache) {}

  JsonText& Raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // ,"key": (or "key": first in an object); |key| is a literal needing no escaping.
  JsonText& Key(std::string_view key) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += key;
    out_ += "\":";
    return *this;
  }
  JsonText& Open(char bracket) {
    out_ += bracket;
    first_ = true;
    return *this;
  }
  JsonText& Close(char bracket) {
    out_ += bracket;
    first_ = false;
    return *this;
  }
  JsonText& Item() {  // a comma before every array element but the first
    if (!first_) out_ += ',';
    first_ = false;
    return *this;
  }
  JsonText& String(std::string_view s) {
    out_ += cache_.Escaped(s);
    return *this;
  }
  JsonText& StringOrNull(std::string_view s) { return s.empty() ? Raw("null") : String(s); }
  JsonText& Bool(bool b) { return Raw(b ? "true" : "false"); }
  JsonText& Int(long long n) { return Raw(std::to_string(n)); }
  JsonText& Strings(const std::vector<std::string>& strings) {
    Open('[');
    for (const std::string& s : strings) Item().String(s);
    return Close(']');
  }
  // An array with one object per item, whose fields |fields| writes.
  template <typename T, typename Fields>
  JsonText& Objects(const std::vector<T>& items, Fields fields) {
    Open('[');
    for (const T& item : items) {
      Item().Open('{');
      fields(item);
      Close('}');
    }
    return Close(']');
  }

 private:
  std::string& out_;
  JsonStringCache& cache_;
  bool first_ = true;  // nothing written yet in the innermost object or array
};

void WriteEvidence(JsonText& j, const std::vector<engine::Evidence>& evidence) {
  j.Objects(evidence, [&j](const engine::Evidence& e) {
    j.Key("label").String(e.label);
    j.Key("label_as_written").String(CitedLabel(e));
    j.Key("heading").String(e.heading);
    j.Key("text").String(e.text);
    if (e.page > 0) j.Key("page").Int(e.page);  // PDFs only
  });
}

void WriteRequirement(JsonText& j, const engine::RequirementResult& r, Lang lang) {
  j.Open('{');
  j.Key("id").String(r.id);
  j.Key("title").String(r.title);
  j.Key("severity").String(engine::SeverityName(r.severity));
  j.Key("status").String(engine::StatusName(r.status));
  j.Key("reasons").Strings(r.reasons);
  j.Key("elements").Objects(r.elements, [&j](const engine::ElementResult& e) {
    j.Key("id").String(e.id);
    j.Key("found").Bool(e.found);
    j.Key("essential").Bool(e.essential);
    j.Key("description").String(e.description);
    WriteEvidence(j.Key("evidence"), e.evidence);
  });
  WriteEvidence(j.Key("evidence"), r.evidence);
  j.Key("suggestion").StringOrNull(r.suggestion);
  j.Key("pending_revisions").Objects(r.pending_revisions, [&j](const engine::PendingRevision& p) {
    j.Key("kind").String(p.kind);
    j.Key("author").String(p.author);
    j.Key("date").String(p.date);
    j.Key("label").String(p.label);
    j.Key("label_as_written").String(CitedLabel(p));
    j.Key("text").String(p.text);
    j.Key("message").String(p.message);
  });
  j.Key("waived").Bool(r.waived);
  j.Key("waiver_reason");
  if (r.waived) j.String(r.waiver_reason); else j.Raw("null");
  j.Key("status_text").String(StatusText(lang, r.status));
  j.Key("severity_text").String(SeverityText(lang, r.severity));
  j.Key("reasons_text").Strings(Reasons(lang, r));
  j.Key("message");
  if (r.status == engine::Status::kPresent) j.Raw("null"); else j.String(GapMessage(r, lang));
  j.Key("bound").String(r.bound);
  j.Close('}');
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

const std::string& JsonStringCache::Escaped(std::string_view s) {
  auto serialise = [](std::string_view text) {
    return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
  };
  if (s.size() > kMaxKeptBytes) {
    long_ = serialise(s);
    return long_;
  }
  auto it = kept_.find(s);
  if (it != kept_.end()) return it->second;
  if (kept_.size() >= kMaxKept) kept_.clear();
  return kept_.emplace(std::string(s), serialise(s)).first->second;
}

void AppendDocumentJson(const engine::DocumentReport& report, const DocumentJsonOptions& options,
                        JsonStringCache* cache, std::string* out) {
  const Lang lang = options.lang;
  JsonText j(out, cache);
  j.Open('{');
  j.Key("file").String(report.file);
  j.Key("status").String(report.ok ? "ok" : "error");
  j.Key("error");
  if (report.ok) j.Raw("null"); else j.String(report.error);
  j.Key("error_code");
  if (report.ok) j.Raw("null"); else j.StringOrNull(report.error_code);
  j.Key("title").String(report.title);
  j.Key("sha256").StringOrNull(report.sha256);
  j.Key("size");
  if (report.size >= 0) j.Int(report.size); else j.Raw("null");
  j.Key("kind").StringOrNull(report.kind);
  j.Key("kind_text");
  if (report.kind.empty()) j.Raw("null"); else j.String(KindText(lang, report.kind));
  j.Key("kind_covered").Bool(KindCovered(report.kind));
  j.Key("parties").Objects(report.parties, [&j, lang](const engine::Party& party) {
    j.Key("name").String(party.name);
    j.Key("full_name").String(party.full_name);
    j.Key("role").String(engine::PartyRoleName(party.role));
    j.Key("role_text").String(RoleText(lang, party.role));
    j.Key("aliases").Strings(party.aliases);
  });
  j.Key("client").String(report.client);
  j.Key("vendor").String(report.vendor);
  const bool fails = report.ok && FailsGate(report, options.fail_on);
  j.Key("gate").String(!report.ok ? "error" : fails ? "fail" : "pass");
  j.Key("gate_text").String(i18n::Text(lang, !report.ok ? i18n::Msg::kGateUnreadable
                                             : fails   ? i18n::Msg::kGateFail
                                                       : i18n::Msg::kGatePass));
  if (!report.converted_from.empty()) j.Key("converted_from").String(report.converted_from);
  j.Key("requirements").Open('[');
  if (report.ok) {
    for (const engine::RequirementResult& r : report.requirements) {
      j.Item();
      WriteRequirement(j, r, lang);
    }
  }
  j.Close(']');
  if (options.run != nullptr) j.Key("run").Raw(Dump(RunToJson(*options.run, lang)));
  j.Close('}');
}

std::string DocumentToJson(const engine::DocumentReport& report, const DocumentJsonOptions& options) {
  JsonStringCache cache;
  std::string out;
  AppendDocumentJson(report, options, &cache, &out);
  return out;
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
  line_ = documents_++ == 0 ? "\n" : ",\n";
  AppendDocumentJson(report, {options_.lang, options_.fail_on, nullptr}, &strings_, &line_);
  out_ << line_;
}

void JsonPrinter::End(const Summary& summary) {
  out_ << (documents_ == 0 ? "" : "\n") << "],\"summary\":" << SummaryToJson(summary) << "}\n";
  out_.flush();
}

}  // namespace clausegap::report
