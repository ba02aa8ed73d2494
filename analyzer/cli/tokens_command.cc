#include <iostream>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace clausegap::cli {

// Not built yet: see the issue that introduces `clausegap tokens`.
Runner SetupTokens(CLI::App* sub) {
  (void)sub;
  return [] {
    std::cerr << "clausegap tokens: not available in this build\n";
    return kExitError;
  };
}

}  // namespace clausegap::cli
