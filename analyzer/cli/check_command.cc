#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace clausegap::cli {

// Not built yet: see the issue that introduces `clausegap check`.
Runner SetupCheck(CLI::App* sub) {
  (void)sub;
  return [] {
    std::cerr << "clausegap check: not available in this build\n";
    return kExitError;
  };
}

}  // namespace clausegap::cli
