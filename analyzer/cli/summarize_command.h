// `clausegap summarize PART…`: merges the totals of the runs a corpus was
// split into (each partition's `check --mapper` output or `--summary-json`
// file) into the totals of one run, and checks that they fit together.
//
// A PART is read line by line; "-" is standard input. Each line is a
// clausegap/report/v1 document line or a clausegap/summary/v1 summary line
// (report/jsonl_printer.h); a summary line closes the document lines before
// it, so concatenated partition outputs merge too. Document lines with no
// summary line after them are counted from the lines themselves (their
// skipped and litter counts are unknown, and said so). The merged totals of
// a complete split equal those of one `check` run over the whole corpus.
//
// Exit codes: 0 — merged; 1 — merged, but the parts do not fit together: a
// document name reported more than once (a partition run twice, or a
// document in two partitions), a partition whose report lines disagree with
// its summary line (cut short), or parts made by different tool versions,
// rule packs or --fail-on levels; 2 — a part cannot be read, a line is not
// a clausegap line, or a bad flag.
#ifndef CLAUSEGAP_CLI_SUMMARIZE_COMMAND_H_
#define CLAUSEGAP_CLI_SUMMARIZE_COMMAND_H_

#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include "i18n/messages.h"
#include "report/summary.h"

namespace clausegap::cli {

/// The flags of `summarize`, parsed once.
struct SummarizeConfig {
  /// The parts, in order; "-" is standard input. Default: none (required).
  std::vector<std::string> parts;
  /// Print the merged clausegap/summary/v1 line instead of the table
  /// (--format json). Default: false (the table).
  bool json = false;
  /// Gate level for document lines that have no summary line. Default: weak.
  report::FailOn fail_on = report::FailOn::kWeak;
  /// Language of the table and messages. Default: Japanese.
  i18n::Lang lang = i18n::Lang::kJa;
};

/// Merges |config|'s parts (|in| is "-") and prints the totals to |out|;
/// problems go to |err| as "clausegap: PART: cause". Returns the exit code.
int RunSummarize(const SummarizeConfig& config, std::istream& in, std::ostream& out,
                 std::ostream& err);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_SUMMARIZE_COMMAND_H_
