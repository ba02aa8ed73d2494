// The gap-report printers: one interface, one implementation per output
// format, and the one place (Format + MakePrinter) that knows them all.
//
// A printer turns engine results into bytes on a std::ostream and decides
// nothing about what matches. Calls come in the order Begin, Document once per
// input (in input order), End. A printer is not thread-safe: one per run,
// called from one thread.
#ifndef CLAUSEGAP_REPORT_PRINTER_H_
#define CLAUSEGAP_REPORT_PRINTER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "engine/result.h"
#include "report/summary.h"
#include "structure/structure.h"

namespace clausegap::report {

/// Every output format of `clausegap check --format`.
enum class Format {
  kText,  ///< a report for a person at a terminal (text_printer.h)
  kJson,  ///< the clausegap/report/v1 JSON document (json_printer.h)
  kJsonl,  ///< one report/v1 document object per line, streamed (jsonl_printer.h)
  kCsv,    ///< one row per contract, one column per requirement (csv_printer.h)
  kSarif,   ///< a SARIF 2.1.0 log for code-scanning tools (sarif_printer.h)
  kGithub,  ///< GitHub Actions workflow commands ::error / ::warning (github_printer.h)
  kJunit,   ///< JUnit XML, one test case per requirement (junit_printer.h)
  kHtml,    ///< one self-contained HTML page for people (html_printer.h)
};

/// Returns the --format name of |format| ("text", "json", "jsonl", "csv",
/// "sarif", "github", "junit", "html").
const char* FormatName(Format format);

/// Returns every format, in the order they are listed in help and errors.
const std::vector<Format>& AllFormats();

/// Parses a --format value. Returns kUsage naming the valid formats on error.
Expected<Format> ParseFormat(std::string_view name);

/// When to use ANSI colour (`--color`).
enum class ColorChoice {
  kAuto,    ///< on a terminal only, and not when NO_COLOR is set (default)
  kAlways,  ///< always, even when piped
  kNever,   ///< never
};

/// Parses a --color value ("auto", "always", "never"). Returns kUsage on error.
Expected<ColorChoice> ParseColorChoice(std::string_view name);

/// Returns whether to colour: kAuto colours only when |is_terminal| and
/// |no_color| (the NO_COLOR environment value, may be null) is null or empty,
/// and TERM (|term|, may be null) is not "dumb".
bool ResolveColor(ColorChoice choice, bool is_terminal, const char* no_color, const char* term);

/// Options common to all printers; a printer ignores those it has no use for.
struct PrinterOptions {
  /// Emit ANSI colour escapes (text). Default: false.
  bool color = false;
  /// The enabled requirement ids of the pack, in report order (csv columns).
  /// Default: none.
  std::vector<std::string> requirement_ids;
};

/// Receives the reports of one run and writes them in one format.
class Printer {
 public:
  virtual ~Printer() = default;

  /// Called once before the first document.
  virtual void Begin() = 0;
  /// Called once per input, readable or not (report.ok false for the latter).
  virtual void Document(const engine::DocumentReport& report) = 0;
  /// Called once after the last document with the run's totals.
  virtual void End(const Summary& summary) = 0;
  /// Returns true when the printer shows the contract's text, so the caller
  /// must fill DocumentReport::text (ContractText). Default: false.
  virtual bool NeedsText() const { return false; }
};

/// Returns the one-paragraph explanation of a gap shared by the SARIF and
/// GitHub printers: "<title> (<id>) is missing: no clause was found, so there
/// is no text location." or "<title> (<id>) is weak at 第5条第2項.", then each
/// reason, each pending revision's message and "Suggested clause: …".
std::string GapMessage(const engine::RequirementResult& r);

/// Returns |text| as valid UTF-8: each invalid byte becomes U+FFFD, and so
/// does each C0 control character but tab, line feed and carriage return
/// (XML 1.0 and HTML cannot carry them). Never fails.
std::string SanitizeUtf8(std::string_view text);

/// Returns every sentence of |structure| as a Passage, in reading order, for
/// DocumentReport::text. Never fails.
std::vector<engine::Passage> ContractText(const structure::Structure& structure);

/// Returns the printer for |format| writing to |out|, which must outlive it.
std::unique_ptr<Printer> MakePrinter(Format format, std::ostream& out,
                                     const PrinterOptions& options);

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_PRINTER_H_
