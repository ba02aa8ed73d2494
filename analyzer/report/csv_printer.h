// The CSV printer (`--format csv`): one row per contract for spreadsheets,
// made to open cleanly in Excel on Japanese Windows.
//
// UTF-8 with a byte-order mark (PrinterOptions::csv_bom; `--csv-bom off`
// drops it), CRLF line ends, RFC 4180 quoting; a field that a spreadsheet
// would run as a formula (starting with = + - @, or a tab / carriage return
// before one) is prefixed with a single quote. Headers are in the report's
// language. Columns: file, read (ok / error), error code, error, title,
// document kind, parties, client, vendor, gate result (pass / fail /
// unreadable at the run's --fail-on), then per requirement of the pack its
// status (header: the requirement's title in Japanese, its id in English)
// and the article cited, then SHA-256 and size of the file, rule pack
// (name and version), the effective pack's SHA-256 and the clausegap
// version — so every row can be traced to the file and the rules that
// judged it. Rows are flushed as they are written.
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
  /// The columns are PrinterOptions::requirement_ids, in order.
  explicit CsvPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}
  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  PrinterOptions options_;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_CSV_PRINTER_H_
