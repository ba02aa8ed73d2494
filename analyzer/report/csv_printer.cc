#include "report/csv_printer.h"

namespace clausegap::report {

std::string CsvField(std::string_view field) {
  std::string value = SanitizeUtf8(field);
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) {
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

void CsvPrinter::Begin() {
  out_ << "file,status,error_code,error,title";
  for (const std::string& id : ids_) out_ << ',' << CsvField(id);
  out_ << "\r\n";
}

void CsvPrinter::Document(const engine::DocumentReport& report) {
  out_ << CsvField(report.file) << ',' << (report.ok ? "ok" : "error") << ','
       << CsvField(report.error_code) << ',' << CsvField(report.error) << ','
       << CsvField(report.title);
  for (const std::string& id : ids_) {
    out_ << ',';
    if (!report.ok) continue;
    for (const engine::RequirementResult& r : report.requirements) {
      if (r.id == id) {
        out_ << engine::StatusName(r.status);
        break;
      }
    }
  }
  out_ << "\r\n";
  out_.flush();
}

}  // namespace clausegap::report
