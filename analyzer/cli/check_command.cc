#include "cli/check_command.h"

#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "docx/reader.h"
#include "engine/engine.h"
#include "engine/rule_pack.h"
#include "structure/structure.h"
#include "tokenize/tokenizer.h"

namespace clausegap::cli {
namespace {

// Returns a report for an input that could not be read.
engine::DocumentReport ErrorReport(const std::string& file, const Error& error) {
  engine::DocumentReport report;
  report.file = file;
  report.ok = false;
  report.error_code = std::string(ErrorCodeName(error.code));
  report.error = error.message;
  return report;
}

// Returns a CLI11 validator that accepts what |parse| accepts and reports
// its error message otherwise.
template <typename Parse>
CLI::Validator Checked(Parse parse, const std::string& description) {
  return CLI::Validator(
      [parse](std::string& value) -> std::string {
        auto parsed = parse(value);
        return parsed ? std::string() : parsed.error().message;
      },
      description);
}

}  // namespace

ExitCode ExitCodeFor(report::Outcome outcome) {
  switch (outcome) {
    case report::Outcome::kPass: return kExitOk;
    case report::Outcome::kGaps: return kExitGaps;
    case report::Outcome::kUnreadable: return kExitError;
  }
  return kExitError;
}

int RunCheck(const CheckConfig& config, std::ostream& out, std::ostream& err,
             bool out_is_terminal) {
  // Rules and dictionaries load once for the whole run.
  std::vector<std::string> rule_paths;
  if (config.default_rules) {
    auto dir = engine::FindDefaultRules();
    if (!dir) {
      err << "clausegap: " << dir.error().message << '\n';
      return kExitError;
    }
    rule_paths.push_back(*dir);
  }
  rule_paths.insert(rule_paths.end(), config.rules.begin(), config.rules.end());
  if (rule_paths.empty()) {
    err << "clausegap: no rule pack: --no-default-rules needs --rules FILE|DIR\n";
    return kExitError;
  }
  auto pack = engine::LoadRulePacks(rule_paths);
  if (!pack) {
    err << "clausegap: " << pack.error().message << '\n';
    return kExitError;
  }
  auto dictionaries = tokenize::FindDictionaries();
  if (!dictionaries) {
    err << "clausegap: " << dictionaries.error().message << '\n';
    return kExitError;
  }
  auto model = tokenize::Model::Load(*dictionaries);
  if (!model) {
    err << "clausegap: " << model.error().message << '\n';
    return kExitError;
  }
  const engine::Engine engine(*pack);
  tokenize::Tagger tagger(*model);

  report::PrinterOptions options;
  options.color = report::ResolveColor(config.color, out_is_terminal, std::getenv("NO_COLOR"),
                                       std::getenv("TERM"));
  std::unique_ptr<report::Printer> printer = report::MakePrinter(config.format, out, options);
  report::Summary summary;
  summary.fail_on = config.fail_on;
  docx::ReadOptions read_options;
  read_options.view = config.view;

  printer->Begin();
  for (const std::string& file : config.files) {
    engine::DocumentReport report;
    auto document = docx::ReadDocx(file, read_options);
    if (!document) {
      err << "clausegap: " << document.error().message << '\n';
      report = ErrorReport(file, document.error());
    } else {
      try {
        structure::Structure structure = structure::Analyze(*document);
        report = engine.Evaluate(*document, structure, tagger);
        report.file = file;
      } catch (const std::exception& e) {
        // The analysis never fails by contract; should it throw anyway, this
        // file is reported as unreadable and the run goes on.
        Error error{ErrorCode::kUnsupported, file + ": internal error: " + e.what()};
        err << "clausegap: " << error.message << '\n';
        report = ErrorReport(file, error);
      }
    }
    printer->Document(report);
    report::AddToSummary(report, &summary);
  }
  printer->End(summary);
  out.flush();
  return ExitCodeFor(report::Decide(summary));
}

Runner SetupCheck(CLI::App* sub) {
  auto raw = std::make_shared<CheckConfig>();
  auto format = std::make_shared<std::string>("text");
  auto fail_on = std::make_shared<std::string>("missing");
  auto color = std::make_shared<std::string>("auto");
  auto no_default_rules = std::make_shared<bool>(false);
  auto original = std::make_shared<bool>(false);

  sub->add_option("files", raw->files, "The .docx contracts to check")->required();
  sub->add_option("--format", *format, "Output format: text or json. Default: text")
      ->check(Checked(report::ParseFormat, "FORMAT"));
  sub->add_option("--rules", raw->rules,
                  "Extra rule pack (.json/.jsonc file or directory), loaded after the default "
                  "pack; repeatable")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--no-default-rules", *no_default_rules,
                "Do not load the default rule pack (use only --rules)");
  sub->add_option("--fail-on", *fail_on,
                  "Exit 1 when a required requirement is at or below this status: missing, "
                  "weak or never. Default: missing")
      ->check(Checked(report::ParseFailOn, "LEVEL"));
  sub->add_option("--color", *color,
                  "Colour the text report: auto (terminal and NO_COLOR unset), always or never. "
                  "Default: auto")
      ->check(Checked(report::ParseColorChoice, "WHEN"));
  sub->add_flag("--original", *original,
                "Evaluate the original text (tracked changes rejected) instead of the text as "
                "it will be signed");

  return [raw, format, fail_on, color, no_default_rules, original] {
    // Resolve once; the validators above have already accepted the values.
    CheckConfig config = *raw;
    config.format = *report::ParseFormat(*format);
    config.fail_on = *report::ParseFailOn(*fail_on);
    config.color = *report::ParseColorChoice(*color);
    config.default_rules = !*no_default_rules;
    config.view = *original ? model::View::kOriginal : model::View::kSigned;
    return RunCheck(config, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1);
  };
}

}  // namespace clausegap::cli
