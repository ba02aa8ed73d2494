#include "report/csv_printer.h"

#include "report/localize.h"

namespace clausegap::report {

using i18n::Msg;

std::string CsvField(std::string_view field) {
  std::string value = SanitizeUtf8(field);
  std::size_t lead = value.find_first_not_of("\t\r");
  if (lead != std::string::npos &&
      (value[lead] == '=' || value[lead] == '+' || value[lead] == '-' || value[lead] == '@')) {
    value.insert(0, 1, '\'');
  }
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

namespace {

// Returns "clausegap-default 1; playbook 2" for the run's packs.
std::string PackNames(const RunInfo& run) {
  std::string out;
  for (const RulePackInfo& pack : run.packs) {
    if (!out.empty()) out += "; ";
    out += pack.name.empty() ? pack.path : pack.name;
    if (!pack.version.empty()) out += " " + pack.version;
  }
  return out;
}

}  // namespace

void CsvPrinter::Begin() {
  const Lang lang = options_.lang;
  if (options_.csv_bom) out_ << "\xEF\xBB\xBF";
  for (Msg key : {Msg::kCsvFile, Msg::kCsvRead, Msg::kCsvErrorCode, Msg::kCsvError, Msg::kCsvTitle,
                  Msg::kCsvKind, Msg::kCsvParties, Msg::kCsvClient, Msg::kCsvVendor}) {
    out_ << CsvField(i18n::Text(lang, key)) << ',';
  }
  out_ << CsvField(i18n::Format(lang, Msg::kCsvGate, {FailOnName(options_.fail_on)}));
  for (std::size_t i = 0; i < options_.requirement_ids.size(); ++i) {
    const std::string& id = options_.requirement_ids[i];
    std::string name = lang == Lang::kJa && i < options_.requirement_titles.size() &&
                               !options_.requirement_titles[i].empty()
                           ? options_.requirement_titles[i]
                           : id;
    out_ << ',' << CsvField(name) << ',' << CsvField(i18n::Format(lang, Msg::kCsvArticleOf, {name}));
  }
  std::string pack(i18n::Text(lang, Msg::kCsvRulePack));
  out_ << ',' << CsvField(i18n::Text(lang, Msg::kCsvSha256)) << ','
       << CsvField(i18n::Text(lang, Msg::kCsvSize)) << ',' << CsvField(pack) << ','
       << CsvField(pack + " SHA-256") << ',' << CsvField(i18n::Text(lang, Msg::kCsvTool)) << "\r\n";
}

void CsvPrinter::Document(const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  Msg gate = !report.ok                              ? Msg::kCsvUnreadable
             : FailsGate(report, options_.fail_on) ? Msg::kCsvFail
                                                   : Msg::kCsvPass;
  out_ << CsvField(report.file) << ','
       << CsvField(i18n::Text(lang, report.ok ? Msg::kCsvReadOk : Msg::kCsvReadError)) << ','
       << CsvField(report.error_code) << ',' << CsvField(report.error) << ','
       << CsvField(report.title) << ',' << CsvField(KindText(lang, report.kind)) << ','
       << CsvField(PartiesText(lang, report)) << ',' << CsvField(report.client) << ','
       << CsvField(report.vendor) << ',' << CsvField(i18n::Text(lang, gate));
  for (const std::string& id : options_.requirement_ids) {
    const engine::RequirementResult* found = nullptr;
    for (const engine::RequirementResult& r : report.requirements) {
      if (r.id == id) found = &r;
    }
    if (!report.ok || found == nullptr) {
      out_ << ",,";
      continue;
    }
    out_ << ',' << CsvField(StatusText(lang, found->status)) << ','
         << CsvField(PlacesText(lang, found->evidence));
  }
  out_ << ',' << CsvField(report.sha256) << ','
       << (report.size >= 0 ? std::to_string(report.size) : std::string()) << ','
       << CsvField(PackNames(options_.run)) << ',' << CsvField(options_.run.rules_sha256) << ','
       << CsvField(options_.run.tool_version) << "\r\n";
  out_.flush();
}

}  // namespace clausegap::report
