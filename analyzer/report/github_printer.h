// The GitHub printer: GitHub Actions workflow commands, so that a `check`
// step in a workflow annotates the contracts in the run's summary and in
// pull requests.
//
// One line per gap, in input and pack order:
//   ::error file=<path>,title=<title (id): status>::<GapMessage>
// Commands: required + missing → ::error; required + weak and recommended +
// missing → ::warning; recommended + weak → ::notice (the SARIF levels).
// A gap accepted by a waiver is a ::notice titled "… (waived)" whose message
// starts "Waived: <reason>. ". Present requirements print nothing. An unreadable input prints
//   ::error file=<path>,title=clausegap: could not be read (<code>)::<error>
// GitHub shows at most 10 annotations of each kind per step and drops the
// rest: the first kGithubAnnotationCap errors and warnings (and one notice
// fewer, to leave room for the summary) are commands; later findings are
// plain log lines "<file>: <title>: <message>", so none is lost. End prints
// the totals as a plain line and, when findings went to the log, a ::notice
// saying how many and where. Titles and messages are in the report's language.
// Escaping (EscapeData / EscapeProperty) follows the workflow-command rules,
// so no text of a contract can end the command or start another one.
// Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_GITHUB_PRINTER_H_
#define CLAUSEGAP_REPORT_GITHUB_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>

#include "report/printer.h"

namespace clausegap::report {

/// Returns |text| escaped as a command's message: % → %25, CR → %0D,
/// LF → %0A (invalid UTF-8 replaced by U+FFFD).
std::string EscapeData(std::string_view text);

/// Returns |text| escaped as a property value: EscapeData plus : → %3A and
/// , → %2C.
std::string EscapeProperty(std::string_view text);

/// Returns the workflow command of a gap: "error", "warning" or "notice";
/// "" for a present requirement.
const char* GithubCommand(engine::Severity severity, engine::Status status);

/// Annotations GitHub shows per kind and step.
inline constexpr int kGithubAnnotationCap = 10;

/// Writes one workflow command per gap to |out| as documents arrive.
class GithubPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit GithubPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  /// Writes "::<command> file=<file>,title=<title>::<message>\n".
  void Command(std::string_view command, std::string_view file, std::string_view title,
               std::string_view message);

  std::ostream& out_;
  PrinterOptions options_;
  int errors_ = 0, warnings_ = 0, notices_ = 0;  ///< annotations written, per kind
  int findings_ = 0;                             ///< every gap and unreadable input
  int overflow_ = 0;                             ///< findings written as plain lines
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_GITHUB_PRINTER_H_
