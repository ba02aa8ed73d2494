// `clausegap check`: the resolved configuration and the run, apart from
// CLI11 so that tests can call them in-process.
//
// Inputs may be any mix of .docx files, folders (walked recursively in name
// order) and .zip archives (members streamed, nested archives followed,
// nothing extracted), plus --files-from, plus documents as bytes on standard
// input (--stdin frames: batch/inputs.h's clausegap-frame/1 records; --stdin
// zip: one .zip archive); they are analysed on --jobs worker
// threads (one MeCab tagger each over one shared model) and reported in input
// order whatever the number of jobs.
//
// Exit-code policy (ExitCodeFor, from report::Decide):
//   2 — a usage error, a rule pack or dictionary that does not load, or no
//       input could be read at all (every input failed, or there was none);
//   1 — some document has a requirement of severity `required` at or below
//       the --fail-on level (weak, the default: weak or missing; missing:
//       status missing; never: nothing fails), or some input could not be
//       read (a gate must not pass a file it could not check) unless
//       --fail-on never;
//   0 — otherwise.
// --mapper (cluster jobs) changes only the exit code: 0 whenever the run
// itself worked, whatever the documents (their gaps and errors are lines of
// the report, and an empty or all-unreadable partition is a summary line
// with "outcome" "empty" / "unreadable"); 2 when the tool cannot run (no
// pack or dictionary, a bad flag, an output it cannot write) or when a
// --stdin frames stream breaks its framing (the records after the break are
// lost: the partition must be run again); 130 when interrupted.
// An --output that is one of the inputs (same file, hard or symbolic link,
// a document inside an input folder, a rule pack, the config, a waiver file
// or the --files-from list) is refused with exit 2 and nothing written.
// Unreadable inputs appear in the report (status "error") and get a
// "clausegap: path: cause" line on stderr; the run goes on. Ctrl-C stops the
// run cleanly: what was printed so far stays, --output is not written, the
// exit code is 130.
// RunCheck is not thread-safe with itself (it writes to the given streams).
#ifndef CLAUSEGAP_CLI_CHECK_COMMAND_H_
#define CLAUSEGAP_CLI_CHECK_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/config.h"
#include "i18n/messages.h"
#include "model/document.h"
#include "report/printer.h"
#include "report/summary.h"

namespace clausegap::cli {

/// The flags of `check`, parsed and validated once.
struct CheckConfig {
  /// The inputs (files, folders, .zip archives), in the order given.
  /// Default: none (at least one input or --files-from is required).
  std::vector<std::string> files;
  /// A file listing one input per line, "-" for standard input (--files-from).
  /// Default: none.
  std::string files_from;
  /// The --files-from list is NUL-separated (--null). Default: lines.
  bool null_separated = false;
  /// Documents as bytes on standard input (--stdin): "frames"
  /// (clausegap-frame/1 records) or "zip" (one archive). Default: "" (none).
  std::string stdin_format;
  /// Exit 0 whenever the run itself worked (--mapper). Default: false.
  bool mapper = false;
  /// Write the clausegap/summary/v1 line (report/jsonl_printer.h) to this
  /// file, atomically; "-": as the last line of the jsonl report
  /// (--summary-json). Default: "" (none; "-" with --mapper).
  std::string summary_json;
  /// Worker threads (--jobs); 0 means the default of batch::DefaultJobs
  /// (CLAUSEGAP_JOBS, OMP_NUM_THREADS, CPU affinity, cgroup quota). Default: 0.
  int jobs = 0;
  /// Write the report to this file atomically instead of stdout (--output).
  /// Default: stdout.
  std::string output;
  /// Print per-requirement totals at the end (--summary). Default: false.
  bool summary = false;
  /// Never draw the progress line (--quiet). Default: false.
  bool quiet = false;
  /// Fail when more than this many weak findings (--max-warnings); -1: no
  /// limit. Default: -1.
  int max_warnings = -1;
  /// Disabled / raised requirements and waivers (config file, --waivers).
  /// Default: none.
  Policy policy;
  /// Whether stderr is a terminal (the progress line is drawn only then).
  bool err_is_terminal = false;
  /// Output format (--format). Default: text.
  report::Format format = report::Format::kText;
  /// Extra rule packs, loaded after the default pack (--rules). Default: none.
  std::vector<std::string> rules;
  /// Load the default pack first (off with --no-default-rules). Default: true.
  bool default_rules = true;
  /// The vendor / recipient as the clauses name it (--vendor), for contracts
  /// that leave it unclear. Default: empty (the preamble decides).
  std::string vendor;
  /// Gate level (--fail-on). Default: weak (a required clause that is weak
  /// fails; `missing` is the lenient mode).
  report::FailOn fail_on = report::FailOn::kWeak;
  /// Language of the report and messages (--lang, config "lang", LC_ALL /
  /// LC_MESSAGES / LANG). Default: Japanese.
  i18n::Lang lang = i18n::Lang::kJa;
  /// Start CSV output with a UTF-8 byte-order mark (--csv-bom). Default: true.
  bool csv_bom = true;
  /// The project configuration file used, for the audit trail; "" for none.
  std::string config_path;
  /// Waiver files read (--waivers and the config's waivers_file).
  std::vector<std::string> waiver_files;
  /// Colour of the text report (--color). Default: auto.
  report::ColorChoice color = report::ColorChoice::kAuto;
  /// Which text is evaluated (--original: changes rejected). Default: signed.
  model::View view = model::View::kSigned;
  /// Convert legacy .doc / .rtf with LibreOffice (--convert-legacy). Default: false.
  bool convert_legacy = false;
};

/// Returns the exit code of |outcome| (the policy above).
ExitCode ExitCodeFor(report::Outcome outcome);

/// Runs `check` with |config|: loads the rules and dictionaries once, then
/// reads, analyses, evaluates and prints each file to |out| in order. Errors
/// go to |err| as "clausegap: path: cause". |out_is_terminal| feeds the
/// --color auto decision. Returns the exit code.
int RunCheck(const CheckConfig& config, std::ostream& out, std::ostream& err,
             bool out_is_terminal);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_CHECK_COMMAND_H_
