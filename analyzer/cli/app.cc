#include <csignal>
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "batch/environment.h"
#include "cli/command.h"
#include "pdf/reader.h"

namespace clausegap::cli {
namespace {

// The dispatch table: every subcommand, its one-line description and setup.
const Command kCommands[] = {
    {"extract", "Print the document model of a .docx (paragraphs, numbering, tables, notes)",
     SetupExtract},
    {"structure", "Print the article tree (条/項/号) with labels, headings and sentences",
     SetupStructure},
    {"tokens", "Print MeCab tokens of a text, with the legal user dictionary", SetupTokens},
    {"check", "Report missing or weak security clauses", SetupCheck},
    {"diff", "Compare two versions of a contract requirement by requirement", SetupDiff},
    {"annotate", "Write the findings into a copy of the contract as Word comments and tracked insertions",
     SetupAnnotate},
    {"summarize", "Merge the totals of partition runs (check --mapper) into one run's totals",
     SetupSummarize},
};

}  // namespace

int Main(int argc, char** argv) {
  // A closed pipe (`clausegap … | head`) ends the output quietly.
  std::signal(SIGPIPE, SIG_DFL);
  // A parent's malloc tuning (Dask sets MALLOC_TRIM_THRESHOLD_) would make
  // every large buffer a fresh mmap here: see batch/environment.h.
  batch::NeutraliseMallocEnvironment();
  // PDFs are read by clausegap-pdf in a child process (pdf/reader.h), beside
  // this executable or in ../libexec/clausegap; when it is in neither, the
  // PDF's error names where it was expected.
  {
    std::error_code ec;
    std::filesystem::path dir = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
    std::string helper = pdf::FindHelper(dir.string());
    pdf::SetIsolationHelper(!helper.empty() ? helper
                                            : (dir.parent_path() / "libexec" / "clausegap" /
                                               pdf::kHelperExecutable).string());
  }

  CLI::App app{"clausegap: finds missing or weak information-security clauses in Japanese contracts"};
  app.set_version_flag("--version", "clausegap 0.1.0");
  app.require_subcommand(1);
  Runner runner;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    Runner run = command.setup(sub);
    sub->callback([&runner, run] { runner = run; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitError;
  }
  if (!runner) return kExitError;
  return runner();
}

}  // namespace clausegap::cli
