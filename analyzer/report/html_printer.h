// The HTML printer: one self-contained page for people who would rather look
// than read — no external asset, link, font or script source; inline CSS and
// a few lines of inline script (sorting the table) under a Content Security
// Policy that forbids loading anything.
//
// Layout: a title; a cover block with the audit trail (date and time of the
// check, clausegap and rule-pack versions with the pack's SHA-256, gate
// level, config and waiver files) and the run's totals; a summary table with one row per
// contract and one column per requirement (first-seen order), each cell
// ✓ present / △ weak / ✗ missing in green / amber / red and linking to the
// explanation (faded when a waiver accepted the gap), plus the number of
// required gaps not waived (click a header to sort);
// then one section per contract: its cover (title, file name, SHA-256, size,
// document kind, parties and their roles; a notice when the document is not
// of a kind the catalogue covers), a risk summary (each requirement that
// fails the gate, with why it matters — 個人情報保護法第25条 for
// re-delegation …), whether it passes the gate, its gaps (status, severity, reasons,
// elements not found, the evidence quoted with links into the text, the
// suggested clause), pending revisions, the present requirements, and the
// contract's text (DocumentReport::text, one paragraph per block, with its
// citation label) with every evidence sentence highlighted in the colour of
// its requirement's status. A report without text (NeedsText ignored by the
// caller) shows the evidence quotes only.
// Every label is in the report's language (PrinterOptions::lang). A print
// stylesheet lays the page out on A4 portrait: the summary table fits the
// page width (fixed layout, vertical requirement headers), nothing scrolls
// or is cut, findings are not split across pages.
// Every piece of document text — file names, titles, sentences, messages —
// goes through HtmlEscape: a contract containing markup stays inert text.
// Written whole by End. Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_HTML_PRINTER_H_
#define CLAUSEGAP_REPORT_HTML_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/printer.h"

namespace clausegap::report {

/// Returns |text| safe inside HTML text and quoted attribute values: & < > "
/// ' become entities; invalid UTF-8 and control characters become U+FFFD.
std::string HtmlEscape(std::string_view text);

/// Collects the reports and writes the HTML page to |out| at End.
class HtmlPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit HtmlPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;
  /// Returns true: the page shows the contract's text.
  bool NeedsText() const override { return true; }

 private:
  /// A requirement column of the summary table.
  struct Column {
    std::string id;
    std::string title;
    engine::Severity severity;
  };
  /// Writes the section of document |index|.
  void Section(std::size_t index, const engine::DocumentReport& report);
  /// Writes the contract's text of document |index| with evidence highlighted.
  void Text(std::size_t index, const engine::DocumentReport& report);

  /// Writes the cover block of the run.
  void Cover(const Summary& summary);
  /// Writes the cover and risk summary of document |report|.
  void DocumentCover(const engine::DocumentReport& report);

  std::ostream& out_;
  PrinterOptions options_;
  std::vector<engine::DocumentReport> reports_;
  std::vector<Column> columns_;
  FailOn fail_on_ = FailOn::kWeak;  ///< the run's gate, known at End
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_HTML_PRINTER_H_
