// `clausegap check`: the resolved configuration and the run, apart from
// CLI11 so that tests can call them in-process.
//
// Exit-code policy (ExitCodeFor, from report::Decide):
//   2 — a usage error, a rule pack or dictionary that does not load, or any
//       input that could not be read: a pre-signature gate must not pass on a
//       file it could not check;
//   1 — every input was read and some document has a requirement of
//       severity `required` at or below the --fail-on level (missing: status
//       missing; weak: weak or missing; never: nothing fails);
//   0 — otherwise.
// Unreadable inputs still appear in the report (status "error") and get a
// "clausegap: path: cause" line on stderr; the loop goes on.
// RunCheck is not thread-safe with itself (it writes to the given streams).
#ifndef CLAUSEGAP_CLI_CHECK_COMMAND_H_
#define CLAUSEGAP_CLI_CHECK_COMMAND_H_

#include <ostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "model/document.h"
#include "report/printer.h"
#include "report/summary.h"

namespace clausegap::cli {

/// The flags of `check`, parsed and validated once.
struct CheckConfig {
  /// The inputs, in the order given. Default: none (at least one is required).
  std::vector<std::string> files;
  /// Output format (--format). Default: text.
  report::Format format = report::Format::kText;
  /// Extra rule packs, loaded after the default pack (--rules). Default: none.
  std::vector<std::string> rules;
  /// Load the default pack first (off with --no-default-rules). Default: true.
  bool default_rules = true;
  /// Gate level (--fail-on). Default: missing.
  report::FailOn fail_on = report::FailOn::kMissing;
  /// Colour of the text report (--color). Default: auto.
  report::ColorChoice color = report::ColorChoice::kAuto;
  /// Which text is evaluated (--original: changes rejected). Default: signed.
  model::View view = model::View::kSigned;
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
