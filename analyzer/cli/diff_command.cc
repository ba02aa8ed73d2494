#include "cli/diff_command.h"

#include <exception>
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "docx/reader.h"
#include "engine/engine.h"
#include "engine/rule_pack.h"
#include "structure/structure.h"
#include "tokenize/tokenizer.h"

namespace clausegap::cli {
namespace {

// What evaluating a document needs, loaded once per run.
struct Evaluator {
  std::shared_ptr<const engine::RulePack> pack;
  std::shared_ptr<const tokenize::Model> model;
};

// Loads the rule packs (the default one first unless |config| says not)
// and the dictionaries. Returns kInvalidRules, kDictionary or kUsage.
Expected<Evaluator> LoadEvaluator(const DiffConfig& config) {
  std::vector<std::string> rule_paths;
  if (config.default_rules) {
    auto dir = engine::FindDefaultRules();
    if (!dir) return tl::unexpected(dir.error());
    rule_paths.push_back(*dir);
  }
  rule_paths.insert(rule_paths.end(), config.rules.begin(), config.rules.end());
  if (rule_paths.empty()) {
    return MakeError(ErrorCode::kUsage, "no rule pack: --no-default-rules needs --rules FILE|DIR");
  }
  auto pack = engine::LoadRulePacks(rule_paths);
  if (!pack) return tl::unexpected(pack.error());
  auto dictionaries = tokenize::FindDictionaries();
  if (!dictionaries) return tl::unexpected(dictionaries.error());
  auto model = tokenize::Model::Load(*dictionaries);
  if (!model) return tl::unexpected(model.error());
  return Evaluator{*pack, *model};
}

// Reads, analyses and evaluates |file|. Returns the reader's error, or
// kUnsupported "path: internal error: …" should the analysis throw.
Expected<engine::DocumentReport> Evaluate(const std::string& file, const DiffConfig& config,
                                          const engine::Engine& engine,
                                          tokenize::Tagger& tagger) {
  docx::ReadOptions options;
  options.view = config.view;
  auto document = docx::ReadDocx(file, options);
  if (!document) return tl::unexpected(document.error());
  try {
    structure::Structure structure = structure::Analyze(*document);
    engine::DocumentReport report = engine.Evaluate(*document, structure, tagger);
    report.file = file;
    return report;
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kUnsupported, file + ": internal error: " + e.what());
  }
}

}  // namespace

ExitCode DiffExitCode(const report::Diff& diff) {
  return diff.summary.required_worse > 0 ? kExitGaps : kExitOk;
}

int RunDiff(const DiffConfig& config, std::ostream& out, std::ostream& err) {
  auto evaluator = LoadEvaluator(config);
  if (!evaluator) {
    err << "clausegap: " << evaluator.error().message << '\n';
    return kExitError;
  }
  const engine::Engine engine(evaluator->pack);
  tokenize::Tagger tagger(evaluator->model);

  // Both versions are read even when the first fails, so that one run names
  // every unreadable input.
  auto old_report = Evaluate(config.old_file, config, engine, tagger);
  auto new_report = Evaluate(config.new_file, config, engine, tagger);
  bool unreadable = false;
  for (const auto* report : {&old_report, &new_report}) {
    if (!*report) {
      err << "clausegap: " << report->error().message << '\n';
      unreadable = true;
    }
  }
  if (unreadable) return kExitError;

  auto diff = report::CompareReports(*old_report, *new_report);
  if (!diff) {
    err << "clausegap: " << diff.error().message << '\n';
    return kExitError;
  }
  out << (config.format == report::DiffFormat::kJson ? report::DiffToJson(*diff)
                                                     : report::DiffToText(*diff));
  out.flush();
  return DiffExitCode(*diff);
}

Runner SetupDiff(CLI::App* sub) {
  auto raw = std::make_shared<DiffConfig>();
  auto format = std::make_shared<std::string>("text");
  auto no_default_rules = std::make_shared<bool>(false);
  auto original = std::make_shared<bool>(false);

  sub->add_option("old", raw->old_file, "The earlier version (.docx)")->required();
  sub->add_option("new", raw->new_file, "The later version (.docx)")->required();
  sub->add_option("--format", *format, "Output format: text or json. Default: text")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            auto parsed = report::ParseDiffFormat(value);
            return parsed ? std::string() : parsed.error().message;
          },
          "FORMAT"));
  sub->add_option("--rules", raw->rules,
                  "Extra rule pack (.json/.jsonc file or directory), loaded after the default "
                  "pack; repeatable")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_flag("--no-default-rules", *no_default_rules,
                "Do not load the default rule pack (use only --rules)");
  sub->add_flag("--original", *original,
                "Compare the original texts (tracked changes rejected) instead of the texts as "
                "they will be signed");

  return [raw, format, no_default_rules, original] {
    // Resolve once; the validator above has already accepted the format.
    DiffConfig config = *raw;
    config.format = *report::ParseDiffFormat(*format);
    config.default_rules = !*no_default_rules;
    config.view = *original ? model::View::kOriginal : model::View::kSigned;
    return RunDiff(config, std::cout, std::cerr);
  };
}

}  // namespace clausegap::cli
