#include "report/jsonl_printer.h"

#include <string_view>

#include "report/json_printer.h"

namespace clausegap::report {
namespace {

using Json = nlohmann::ordered_json;

Error FieldError(std::string_view what, std::string_view field) {
  return Error{ErrorCode::kUsage, std::string(what) + ": \"" + std::string(field) +
                                      "\" is missing or of the wrong type"};
}

// Reads the integer |field| of |line| into |*out|; false when it is not one.
bool ReadInt(const nlohmann::ordered_json& line, const char* field, int* out) {
  auto it = line.find(field);
  if (it == line.end() || !it->is_number_integer()) return false;
  *out = it->get<int>();
  return true;
}

bool ReadString(const nlohmann::ordered_json& line, const char* field, std::string* out) {
  auto it = line.find(field);
  if (it == line.end() || !it->is_string()) return false;
  *out = it->get<std::string>();
  return true;
}

}  // namespace

void JsonlPrinter::Document(const engine::DocumentReport& report) {
  line_ = "{\"schema\":\"";
  line_ += kReportSchema;
  line_ += "\",";
  // The object opens with '{': the schema goes first, before "file".
  const std::size_t object = line_.size();
  AppendDocumentJson(report, {options_.lang, options_.fail_on, &options_.run}, &strings_, &line_);
  line_.erase(object, 1);
  line_ += '\n';
  out_ << line_;
  out_.flush();
}

const char* OutcomeName(const Summary& summary) {
  if (summary.documents == 0) return "empty";
  switch (Decide(summary)) {
    case Outcome::kPass: return "pass";
    case Outcome::kGaps: return "gaps";
    case Outcome::kUnreadable: return "unreadable";
  }
  return "unreadable";
}

std::string SummaryLine(const SummaryRecord& record) {
  const Summary& summary = record.summary;
  Json line = Json::object();
  line["schema"] = kSummarySchema;
  line["tool_version"] = record.tool_version;
  line["rules_sha256"] = record.rules_sha256;
  line["parts"] = record.parts;
  line["outcome"] = OutcomeName(summary);
  // The totals exactly as the json format's "summary" writes them.
  const Json totals = Json::parse(SummaryToJson(summary));
  for (const auto& [key, value] : totals.items()) line[key] = value;
  Json codes = Json::object();
  for (const auto& [code, count] : summary.error_codes) codes[code] = count;
  line["error_codes"] = std::move(codes);
  Json duplicates = Json::array();
  for (const auto& [file, count] : record.duplicates) duplicates.push_back({{"file", file}, {"count", count}});
  line["duplicates"] = std::move(duplicates);
  return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Expected<SummaryRecord> ParseSummaryLine(const nlohmann::ordered_json& line) {
  constexpr std::string_view kWhat = "summary line";
  SummaryRecord record;
  Summary& s = record.summary;
  if (!ReadString(line, "tool_version", &record.tool_version)) return tl::unexpected(FieldError(kWhat, "tool_version"));
  if (!ReadString(line, "rules_sha256", &record.rules_sha256)) return tl::unexpected(FieldError(kWhat, "rules_sha256"));
  std::string fail_on;
  if (!ReadString(line, "fail_on", &fail_on) || !ParseFailOn(fail_on)) {
    return tl::unexpected(FieldError(kWhat, "fail_on"));
  }
  s.fail_on = *ParseFailOn(fail_on);
  const std::pair<const char*, int*> counts[] = {
      {"parts", &record.parts},  {"documents", &s.documents}, {"errors", &s.errors},
      {"failed", &s.failed},     {"skipped", &s.skipped},     {"litter", &s.litter},
      {"warnings", &s.warnings}, {"waived", &s.waived}};
  for (const auto& [field, out] : counts) {
    if (!ReadInt(line, field, out)) return tl::unexpected(FieldError(kWhat, field));
  }
  if (!ReadInt(line, "max_warnings", &s.max_warnings)) s.max_warnings = -1;  // null: no limit
  auto codes = line.find("error_codes");
  if (codes == line.end() || !codes->is_object()) return tl::unexpected(FieldError(kWhat, "error_codes"));
  for (const auto& [code, count] : codes->items()) {
    if (!count.is_number_integer()) return tl::unexpected(FieldError(kWhat, "error_codes"));
    s.error_codes.emplace_back(code, count.get<int>());
  }
  auto requirements = line.find("requirements");
  if (requirements == line.end() || !requirements->is_object()) {
    return tl::unexpected(FieldError(kWhat, "requirements"));
  }
  for (const auto& [id, c] : requirements->items()) {
    RequirementCounts counts{id};
    if (!c.is_object() || !ReadInt(c, "present", &counts.present) || !ReadInt(c, "weak", &counts.weak) ||
        !ReadInt(c, "missing", &counts.missing)) {
      return tl::unexpected(FieldError(kWhat, "requirements"));
    }
    s.requirements.push_back(std::move(counts));
  }
  auto duplicates = line.find("duplicates");
  if (duplicates != line.end() && duplicates->is_array()) {
    for (const auto& d : *duplicates) {
      std::string file;
      int count = 0;
      if (!d.is_object() || !ReadString(d, "file", &file) || !ReadInt(d, "count", &count)) {
        return tl::unexpected(FieldError(kWhat, "duplicates"));
      }
      record.duplicates.emplace_back(std::move(file), count);
    }
  }
  return record;
}

Expected<engine::DocumentReport> ParseDocumentLine(const nlohmann::ordered_json& line) {
  constexpr std::string_view kWhat = "report line";
  engine::DocumentReport report;
  std::string status;
  if (!ReadString(line, "file", &report.file)) return tl::unexpected(FieldError(kWhat, "file"));
  if (!ReadString(line, "status", &status)) return tl::unexpected(FieldError(kWhat, "status"));
  report.ok = status == "ok";
  ReadString(line, "sha256", &report.sha256);  // null for a file that cannot be read
  if (!report.ok) {
    ReadString(line, "error_code", &report.error_code);
    ReadString(line, "error", &report.error);
    return report;
  }
  auto requirements = line.find("requirements");
  if (requirements == line.end() || !requirements->is_array()) {
    return tl::unexpected(FieldError(kWhat, "requirements"));
  }
  for (const auto& r : *requirements) {
    engine::RequirementResult result;
    std::string severity, verdict;
    auto waived = r.find("waived");
    if (!r.is_object() || !ReadString(r, "id", &result.id) || !ReadString(r, "severity", &severity) ||
        !ReadString(r, "status", &verdict) || waived == r.end() || !waived->is_boolean()) {
      return tl::unexpected(FieldError(kWhat, "requirements"));
    }
    result.severity = severity == "required" ? engine::Severity::kRequired : engine::Severity::kRecommended;
    result.status = verdict == "present" ? engine::Status::kPresent
                    : verdict == "weak"  ? engine::Status::kWeak
                                         : engine::Status::kMissing;
    result.waived = waived->get<bool>();
    report.requirements.push_back(std::move(result));
  }
  return report;
}

}  // namespace clausegap::report
