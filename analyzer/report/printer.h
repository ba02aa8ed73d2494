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
#include "i18n/messages.h"
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

/// Returns clausegap's version ("0.1.0").
const char* ToolVersion();

/// A rule pack file loaded by the run.
struct RulePackInfo {
  std::string path;     ///< the file as found
  std::string name;     ///< its "pack" value; "" when it has none
  std::string version;  ///< its "version" value as written; "" when none
  std::string sha256;   ///< SHA-256 of the file's bytes
};

/// What a run used and when, so that a report can be reproduced and defended
/// later: the audit trail of the machine formats and the HTML cover.
struct RunInfo {
  std::string tool_version = ToolVersion();
  /// The pack files in load order (the effective pack is their merge).
  std::vector<RulePackInfo> packs;
  /// SHA-256 of the pack files' bytes concatenated in load order: equal
  /// digests mean the same effective pack. "" when unknown.
  std::string rules_sha256;
  std::string config;                     ///< the .clausegap.json used; "" for none
  std::vector<std::string> waiver_files;  ///< --waivers files and the config's waivers_file
  std::string started_at;                 ///< UTC, ISO 8601 ("2026-12-03T18:40:05Z"); "" unknown
  std::string view = "signed";            ///< "signed" or "original" (--original)
};

/// Options common to all printers; a printer ignores those it has no use for.
struct PrinterOptions {
  /// Emit ANSI colour escapes (text). Default: false.
  bool color = false;
  /// The enabled requirement ids of the pack, in report order (csv columns).
  /// Default: none.
  std::vector<std::string> requirement_ids;
  /// The titles of |requirement_ids|, same order (csv headers); may be
  /// shorter, in which case the id is the header. Default: none.
  std::vector<std::string> requirement_titles;
  /// The language of labels, messages and headings. Default: Japanese.
  i18n::Lang lang = i18n::Lang::kJa;
  /// The run's gate level, known before the first document (csv). Default: weak.
  FailOn fail_on = FailOn::kWeak;
  /// Start the CSV with a UTF-8 byte-order mark (Excel). Default: true.
  bool csv_bom = true;
  /// The audit trail. Default: the tool version only.
  RunInfo run;
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

/// Returns the one-paragraph explanation of a gap shared by the SARIF, GitHub
/// and JSON printers, in |lang|: "<title> (<id>) is missing: no clause was
/// found, so there is no text location." or "<title> (<id>) is weak at
/// 第5条第2項.", then each reason, each pending revision and "Suggested
/// clause: …" (「修正案: …」).
std::string GapMessage(const engine::RequirementResult& r, i18n::Lang lang = i18n::Lang::kJa);

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
