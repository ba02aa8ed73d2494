#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace clausegap::cli {

// Not built yet: see the issue that introduces `clausegap extract`.
Runner SetupExtract(CLI::App* sub) {
  (void)sub;
  return [] {
    std::cerr << "clausegap extract: not available in this build\n";
    return kExitError;
  };
}

}  // namespace clausegap::cli
