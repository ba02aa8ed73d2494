// `clausegap annotate CONTRACT.docx -o REVIEWED.docx`: checks one contract
// and writes the findings into a copy of it, for a reviewer who works in
// Word — a comment on the evidence of every weak or missing requirement
// (status, reason, suggested wording), a comment where a missing clause
// belongs (the article its heading cues point to, else the title), with
// --suggest-as-revision the suggested clause as a tracked insertion, and one
// summary comment on the title (counts, gate result, versions).
//
// The copy is written atomically next to the output path; the input is never
// written (an output naming the input, or the same file through another
// path, is refused). Exit codes: 0 written, 2 usage error, unreadable input,
// rules or dictionaries that do not load, or a write error. The gate result
// is in the summary comment, not in the exit code.
#ifndef CLAUSEGAP_CLI_ANNOTATE_COMMAND_H_
#define CLAUSEGAP_CLI_ANNOTATE_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/config.h"
#include "i18n/messages.h"
#include "report/summary.h"

namespace clausegap::cli {

/// The flags of `annotate`, parsed and validated once.
struct AnnotateConfig {
  /// The contract to annotate (.docx/.docm/.dotx). Required.
  std::string input;
  /// Where to write the annotated copy (--output). Required; never the input.
  std::string output;
  /// Annotate findings of severity required / recommended (--severity).
  /// Default: both.
  bool required = true;
  bool recommended = true;
  /// Language of the comments and messages (--lang). Default: Japanese.
  i18n::Lang lang = i18n::Lang::kJa;
  /// Author of the comments and insertions (--author). Default: "clausegap".
  std::string author = "clausegap";
  /// Insert the suggested clause of each missing requirement (not waived)
  /// as a tracked insertion (--suggest-as-revision). Default: false.
  bool suggest_as_revision = false;
  /// Date of the comments and insertions, ISO 8601. Default: now, or
  /// $SOURCE_DATE_EPOCH when set (reproducible output).
  std::string date;
  /// Extra rule packs, loaded after the default pack (--rules). Default: none.
  std::vector<std::string> rules;
  /// Load the default pack first (off with --no-default-rules). Default: true.
  bool default_rules = true;
  /// Disabled / raised requirements and waivers (config file). Default: none.
  Policy policy;
  /// Gate level reported in the summary comment (--fail-on). Default: missing.
  report::FailOn fail_on = report::FailOn::kMissing;
};

/// Runs `annotate` with |config|; prints what was written to |out| and errors
/// ("clausegap: path: cause") to |err|. Returns the exit code.
int RunAnnotate(const AnnotateConfig& config, std::ostream& out, std::ostream& err);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_ANNOTATE_COMMAND_H_
