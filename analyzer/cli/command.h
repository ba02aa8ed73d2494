// Subcommands of the clausegap CLI.
//
// Each subcommand lives in its own file: a Setup function that defines its
// flags (once, with their documentation) on the CLI11 subcommand and returns
// the function that runs it once the command line is parsed. The table in
// main.cc is the one place that lists them all.
#ifndef CLAUSEGAP_CLI_COMMAND_H_
#define CLAUSEGAP_CLI_COMMAND_H_

#include <functional>

namespace CLI {
class App;
}

namespace clausegap::cli {

/// Exit codes shared by every subcommand.
enum ExitCode {
  kExitOk = 0,        ///< success; for check: no gap at the --fail-on level
  kExitGaps = 1,      ///< check: a required requirement is below the --fail-on level
  kExitError = 2,     ///< usage error or unreadable input
};

/// Runs a parsed subcommand and returns its exit code.
using Runner = std::function<int()>;

/// One entry of the dispatch table.
struct Command {
  const char* name;
  const char* description;
  Runner (*setup)(CLI::App* sub);
};

Runner SetupExtract(CLI::App* sub);    ///< extract_command.cc
Runner SetupStructure(CLI::App* sub);  ///< structure_command.cc
Runner SetupTokens(CLI::App* sub);     ///< tokens_command.cc
Runner SetupCheck(CLI::App* sub);      ///< check_command.cc
Runner SetupDiff(CLI::App* sub);       ///< diff_command.cc
Runner SetupAnnotate(CLI::App* sub);   ///< annotate_command.cc
Runner SetupSummarize(CLI::App* sub);  ///< summarize_command.cc

/// Parses |argv| and runs the chosen subcommand; returns the exit code.
int Main(int argc, char** argv);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_COMMAND_H_
