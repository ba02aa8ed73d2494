// Flag validation shared by the subcommands: CLI11 validators built from the
// parsers that return Expected<T>, so that every flag reports its error in
// one form ("--format: unknown format 'x' (valid: …)", never the flag twice).
#ifndef CLAUSEGAP_CLI_FLAGS_H_
#define CLAUSEGAP_CLI_FLAGS_H_

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "base/error.h"

namespace clausegap::cli {

/// Returns a CLI11 validator that accepts what |parse| accepts and reports
/// its error message otherwise, without the parser's own "--flag: " prefix
/// (CLI11 names the option itself).
template <typename Parse>
CLI::Validator Checked(Parse parse, const std::string& description) {
  return CLI::Validator(
      [parse](std::string& value) -> std::string {
        auto parsed = parse(value);
        if (parsed) return std::string();
        std::string message = parsed.error().message;
        std::size_t colon = message.find(": ");
        if (message.rfind("--", 0) == 0 && colon != std::string::npos) message.erase(0, colon + 2);
        return message;
      },
      description);
}

/// Parses a count flag (--jobs, --max-warnings): a whole number from 0 to
/// 100000. The error is in the environment's language (LC_ALL / LANG).
Expected<int> ParseCount(std::string_view text);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_FLAGS_H_
