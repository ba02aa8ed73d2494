// `clausegap diff OLD.docx NEW.docx`: the resolved configuration and the
// run, apart from CLI11 so that tests can call them in-process.
//
// Both versions are read and evaluated with the same rule pack, then
// compared requirement by requirement (report/diff.h). Exit-code policy:
//   2 — a usage error, a rule pack or dictionary that does not load, or
//       either version could not be read (each gets a "clausegap: path:
//       cause" line on stderr; nothing is printed on stdout);
//   1 — a requirement of severity `required` has a lower status in NEW
//       (removed or weakened): the redline makes the contract worse;
//   0 — otherwise.
// RunDiff is not thread-safe with itself (it writes to the given streams).
#ifndef CLAUSEGAP_CLI_DIFF_COMMAND_H_
#define CLAUSEGAP_CLI_DIFF_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/config.h"
#include "model/document.h"
#include "i18n/messages.h"
#include "report/diff.h"

namespace clausegap::cli {

/// The flags of `diff`, parsed and validated once.
struct DiffConfig {
  /// The earlier version. Default: none (required).
  std::string old_file;
  /// The later version. Default: none (required).
  std::string new_file;
  /// Output format (--format). Default: text.
  report::DiffFormat format = report::DiffFormat::kText;
  /// Extra rule packs, loaded after the default pack (--rules). Default: none.
  std::vector<std::string> rules;
  /// Load the default pack first (off with --no-default-rules). Default: true.
  bool default_rules = true;
  /// The vendor / recipient as the clauses name it (--vendor), for contracts
  /// that leave it unclear. Default: empty (the preamble decides).
  std::string vendor;
  /// Which text of both versions is evaluated (--original: changes
  /// rejected). Default: signed.
  model::View view = model::View::kSigned;
  /// Language of the text output (--lang, config, locale). Default: Japanese.
  i18n::Lang lang = i18n::Lang::kJa;
  /// Disabled and raised requirements from the project configuration
  /// (waivers do not apply to a comparison). Default: none.
  Policy policy;
};

/// Returns the exit code of |diff| (the policy above, for readable inputs).
ExitCode DiffExitCode(const report::Diff& diff);

/// Runs `diff` with |config|: loads the rules and dictionaries once, reads,
/// analyses and evaluates both versions, and prints the comparison to |out|.
/// Errors go to |err| as "clausegap: path: cause". Returns the exit code.
int RunDiff(const DiffConfig& config, std::ostream& out, std::ostream& err);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_DIFF_COMMAND_H_
