// The text printer: the gap report as a lawyer reads it in a terminal.
//
// Per document: a header line (file — title), one line per requirement (a
// mark ✓ present / △ weak / ✗ missing, severity, id, title, status and the
// labels of the clauses relied on), a count line, then a "Gaps" section with
// the details of every weak or missing requirement (reasons, elements not
// found, the evidence quoted with its label and heading, the suggested model
// clause, pending revisions) and a "Notes" section for present requirements
// with findings (recommended elements not found, pending revisions). When more
// than one document was checked, End prints a totals line. ANSI colour only
// when PrinterOptions::color is set. Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_TEXT_PRINTER_H_
#define CLAUSEGAP_REPORT_TEXT_PRINTER_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "report/printer.h"

namespace clausegap::report {

/// Returns the number of terminal columns |utf8| takes: 2 for East Asian
/// wide and full-width characters, 0 for combining marks, 1 otherwise.
std::size_t DisplayWidth(std::string_view utf8);

/// Returns the mark of |status|: "✓" present, "△" weak, "✗" missing.
const char* StatusMark(engine::Status status);

/// Writes the text report to |out|.
class TextPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  TextPrinter(std::ostream& out, const PrinterOptions& options)
      : out_(out), options_(options) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  /// Returns |text| wrapped in the ANSI SGR |code| when colour is on.
  std::string Paint(std::string_view text, std::string_view code) const;
  /// Writes the one-line verdict of |r|, its columns padded to the widths.
  void Row(const engine::RequirementResult& r, std::size_t id_width,
           std::size_t title_width);
  /// Writes the details of |r|: for a |gap| reasons, unfound elements,
  /// evidence and suggestion; otherwise only unfound recommended elements.
  /// Pending revisions in both cases.
  void Details(const engine::RequirementResult& r, bool gap);

  std::ostream& out_;
  PrinterOptions options_;
  int documents_ = 0;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_TEXT_PRINTER_H_
