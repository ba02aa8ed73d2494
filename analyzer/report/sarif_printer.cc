#include "report/sarif_printer.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "report/json_printer.h"

#include "report/localize.h"

#ifndef CLAUSEGAP_DATADIR
#define CLAUSEGAP_DATADIR "/usr/local/share/clausegap"
#endif

namespace clausegap::report {
namespace {

using Json = nlohmann::ordered_json;

// Serialises compactly, replacing invalid UTF-8 (document text is untrusted).
std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json FileLocation(const std::string& file) {
  Json location = Json::object();
  location["physicalLocation"]["artifactLocation"]["uri"] = ArtifactUri(file);
  return location;
}


// Returns the distinct labels of |evidence| in order, "" for text outside articles.
std::vector<const engine::Evidence*> DistinctLabels(const std::vector<engine::Evidence>& evidence) {
  std::vector<const engine::Evidence*> out;
  for (const engine::Evidence& e : evidence) {
    bool seen = std::any_of(out.begin(), out.end(),
                            [&e](const engine::Evidence* o) { return o->label == e.label; });
    if (!seen) out.push_back(&e);
  }
  return out;
}

// The run's audit properties: rule packs and the effective pack's digest.
Json RunProperties(const RunInfo& run, Lang lang) {
  Json audit = RunToJson(run, lang);
  Json out = Json::object();
  out["rulePacks"] = audit["rule_packs"];
  out["rulesSha256"] = audit["rules_sha256"];
  out["view"] = audit["view"];
  out["lang"] = audit["lang"];
  return out;
}

}  // namespace

std::string ArtifactUri(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  bool absolute = !path.empty() && path[0] == '/';
  if (absolute) out = "file://";
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string SarifHelpUri(std::string_view id) {
  return ArtifactUri(std::string(CLAUSEGAP_DATADIR) + "/docs/requirements.md") + "#" +
         ArtifactUri(id);
}

const char* SarifLevel(engine::Severity severity, engine::Status status) {
  if (status == engine::Status::kPresent) return "none";
  if (severity == engine::Severity::kRequired) {
    return status == engine::Status::kMissing ? "error" : "warning";
  }
  return status == engine::Status::kMissing ? "warning" : "note";
}

int SarifPrinter::RuleIndex(const engine::RequirementResult& r) {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == r.id) return static_cast<int>(i);
  }
  rules_.push_back(Rule{r.id, r.title, r.severity});
  return static_cast<int>(rules_.size() - 1);
}

void SarifPrinter::Begin() {}

void SarifPrinter::Document(const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  if (!report.sha256.empty() || report.size >= 0) {
    Json artifact = Json::object();
    artifact["location"]["uri"] = ArtifactUri(report.file);
    if (report.size >= 0) artifact["length"] = report.size;
    if (!report.sha256.empty()) artifact["hashes"]["sha-256"] = report.sha256;
    Json properties = Json::object();
    if (!report.kind.empty()) properties["kind"] = report.kind;
    if (!report.parties.empty()) properties["parties"] = PartiesText(lang, report);
    if (!properties.empty()) artifact["properties"] = std::move(properties);
    artifacts_.push_back(Dump(artifact));
  }
  if (!report.ok) {
    Json notification = Json::object();
    notification["level"] = "error";
    notification["message"]["text"] = report.error.empty() ? report.file + ": could not be read"
                                                           : report.error;
    notification["locations"] = Json::array({FileLocation(report.file)});
    if (!report.error_code.empty()) notification["descriptor"]["id"] = report.error_code;
    notifications_.push_back(Dump(notification));
    return;
  }
  for (const engine::RequirementResult& r : report.requirements) {
    int rule_index = RuleIndex(r);
    if (r.status == engine::Status::kPresent) continue;
    Json result = Json::object();
    result["ruleId"] = r.id;
    result["ruleIndex"] = rule_index;
    result["level"] = SarifLevel(r.severity, r.status);
    result["message"]["text"] = GapMessage(r, lang);
    Json locations = Json::array();
    std::vector<const engine::Evidence*> labels = DistinctLabels(r.evidence);
    if (labels.empty()) locations.push_back(FileLocation(report.file));
    for (const engine::Evidence* e : labels) {
      Json location = FileLocation(report.file);
      Json logical = Json::object();
      logical["name"] = e->label.empty() ? std::string(i18n::Text(lang, i18n::Msg::kOutsideArticles))
                                         : CitedLabel(*e);
      logical["fullyQualifiedName"] = PlaceText(lang, *e);
      logical["kind"] = "namespace";
      location["logicalLocations"] = Json::array({std::move(logical)});
      locations.push_back(std::move(location));
    }
    result["locations"] = std::move(locations);
    if (r.waived) {
      // Accepted by a waiver: still reported, marked as suppressed.
      Json suppression = Json::object();
      suppression["kind"] = "external";
      suppression["status"] = "accepted";
      if (!r.waiver_reason.empty()) suppression["justification"] = r.waiver_reason;
      result["suppressions"] = Json::array({std::move(suppression)});
    }
    result["properties"]["status"] = engine::StatusName(r.status);
    result["properties"]["severity"] = engine::SeverityName(r.severity);
    result["properties"]["statusText"] = std::string(StatusText(lang, r.status));
    if (!r.suggestion.empty()) result["properties"]["suggestion"] = r.suggestion;
    if (!report.sha256.empty()) result["properties"]["sha256"] = report.sha256;
    if (!report.title.empty()) result["properties"]["contractTitle"] = report.title;
    results_.push_back(Dump(result));
  }
}

void SarifPrinter::End(const Summary& summary) {
  Json driver = Json::object();
  driver["name"] = "clausegap";
  driver["version"] = options_.run.tool_version;
  driver["semanticVersion"] = options_.run.tool_version;
  const Lang lang = options_.lang;
  Json rules = Json::array();
  for (const Rule& rule : rules_) {
    Json item = Json::object();
    item["id"] = rule.id;
    item["shortDescription"]["text"] = rule.title.empty() ? rule.id : rule.title;
    if (rule.severity == engine::Severity::kRequired) {
      item["fullDescription"]["text"] = std::string(WhyItMatters(lang, rule.id));
    }
    item["helpUri"] = SarifHelpUri(rule.id);
    item["help"]["text"] = (rule.title.empty() ? rule.id : rule.title) + " — " +
                           std::string(rule.severity == engine::Severity::kRequired
                                           ? WhyItMatters(lang, rule.id)
                                           : SeverityText(lang, rule.severity));
    item["defaultConfiguration"]["level"] =
        rule.severity == engine::Severity::kRequired ? "error" : "warning";
    item["properties"]["severity"] = engine::SeverityName(rule.severity);
    rules.push_back(std::move(item));
  }
  driver["rules"] = std::move(rules);

  // The run is assembled around the results, already serialised one per line.
  Json invocation = Json::object();
  invocation["executionSuccessful"] = summary.errors == 0 && notifications_.empty();
  if (!options_.run.started_at.empty()) invocation["startTimeUtc"] = options_.run.started_at;
  Json audit = RunToJson(options_.run, lang);
  invocation["properties"]["config"] = audit["config"];
  invocation["properties"]["waiverFiles"] = audit["waiver_files"];
  invocation["properties"]["failOn"] = FailOnName(summary.fail_on);
  std::string invocation_text = Dump(invocation);
  if (!notifications_.empty()) {
    invocation_text.pop_back();  // the closing brace
    invocation_text += ",\"toolExecutionNotifications\":[";
    for (std::size_t i = 0; i < notifications_.size(); ++i) {
      invocation_text += (i == 0 ? "\n" : ",\n") + notifications_[i];
    }
    invocation_text += "]}";
  }
  Json tool = Json::object();
  tool["driver"] = std::move(driver);

  out_ << "{\"$schema\":\"" << kSarifSchemaUri << "\",\"version\":\"2.1.0\",\"runs\":[{\n"
       << "\"tool\":" << Dump(tool) << ",\n"
       << "\"invocations\":[" << invocation_text << "],\n"
       << "\"properties\":" << Dump(RunProperties(options_.run, lang)) << ",\n"
       << "\"artifacts\":[";
  for (std::size_t i = 0; i < artifacts_.size(); ++i) {
    out_ << (i == 0 ? "\n" : ",\n") << artifacts_[i];
  }
  out_ << (artifacts_.empty() ? "" : "\n") << "],\n"
       << "\"results\":[";
  for (std::size_t i = 0; i < results_.size(); ++i) {
    out_ << (i == 0 ? "\n" : ",\n") << results_[i];
  }
  out_ << (results_.empty() ? "" : "\n") << "]}]}\n";
  out_.flush();
}

}  // namespace clausegap::report
