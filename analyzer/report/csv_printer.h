// The CSV printer (`--format csv`): one row per contract for spreadsheets.
//
// Columns: file, status (ok / error), error_code, error, title, then one
// column per requirement of the pack (header = requirement id) holding
// present / weak / missing (empty for unreadable files). RFC 4180 quoting;
// a field that a spreadsheet would run as a formula (starting with = + - @)
// is prefixed with a single quote. Rows are flushed as they are written.
#ifndef CLAUSEGAP_REPORT_CSV_PRINTER_H_
#define CLAUSEGAP_REPORT_CSV_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/printer.h"

namespace clausegap::report {

/// Returns |field| quoted for CSV when it needs to be, formula-safe.
std::string CsvField(std::string_view field);

class CsvPrinter : public Printer {
 public:
  /// |requirement_ids| are the columns, in order.
  CsvPrinter(std::ostream& out, std::vector<std::string> requirement_ids)
      : out_(out), ids_(std::move(requirement_ids)) {}
  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  std::vector<std::string> ids_;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_CSV_PRINTER_H_
