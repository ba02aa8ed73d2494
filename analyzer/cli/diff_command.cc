#include "cli/diff_command.h"

#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <optional>

#include <CLI/CLI.hpp>

#include "api/analyzer.h"
#include "cli/config.h"
#include "cli/flags.h"
#include "docx/reader.h"
#include "engine/engine.h"
#include "engine/rule_pack.h"
#include "structure/structure.h"

namespace clausegap::cli {
namespace {

}  // namespace

ExitCode DiffExitCode(const report::Diff& diff) {
  return diff.summary.required_worse > 0 ? kExitGaps : kExitOk;
}

int RunDiff(const DiffConfig& config, std::ostream& out, std::ostream& err) {
  api::Options load;
  load.default_rules = config.default_rules;
  load.rules = config.rules;
  load.vendor = config.vendor;
  auto analyzer = api::Analyzer::Load(load);
  if (!analyzer) {
    err << "clausegap: " << analyzer.error().message << '\n';
    return kExitError;
  }
  if (auto valid = ValidatePolicy(config.policy, engine::EnabledRequirements(analyzer->pack()));
      !valid) {
    err << "clausegap: " << valid.error().message << '\n';
    return kExitError;
  }
  api::ReadOptions options;
  options.view = config.view;

  // Both versions are read even when the first fails, so that one run names
  // every unreadable input.
  engine::DocumentReport reports[2];
  bool unreadable = false;
  for (int i = 0; i < 2; ++i) {
    const std::string& file = i == 0 ? config.old_file : config.new_file;
    reports[i] = analyzer->Analyse({file, file, {}}, options);
    if (!reports[i].ok) {
      err << "clausegap: " << reports[i].error << '\n';
      unreadable = true;
    }
    ApplyPolicy(config.policy, &reports[i]);
  }
  if (unreadable) return kExitError;

  auto diff = report::CompareReports(reports[0], reports[1]);
  if (!diff) {
    err << "clausegap: " << diff.error().message << '\n';
    return kExitError;
  }
  out << (config.format == report::DiffFormat::kJson ? report::DiffToJson(*diff)
                                                     : report::DiffToText(*diff, config.lang));
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
      ->check(Checked(report::ParseDiffFormat, "FORMAT"));
  sub->add_option("--vendor", raw->vendor,
                  "The party that receives or processes the information, as the clauses name it "
                  "(乙, 受託者, 受領者…), when the contract leaves it unclear. Default: read from the "
                  "preamble and definitions");
  sub->add_option("--rules", raw->rules,
                  "Extra rule pack (.json/.jsonc file or directory), loaded after the default "
                  "pack; repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto config_path = std::make_shared<std::string>();
  auto no_config = std::make_shared<bool>(false);
  sub->add_option("--config", *config_path,
                  "Project configuration file (its rules, disable and require apply). Default: "
                  "the nearest .clausegap.json in the current directory or a parent");
  sub->add_flag("--no-config", *no_config, "Do not look for a .clausegap.json");
  sub->add_flag("--no-default-rules", *no_default_rules,
                "Do not load the default rule pack (use only --rules)");
  auto lang = std::make_shared<std::string>();
  CLI::Option* lang_flag =
      sub->add_option("--lang", *lang,
                      "Language of the text output: ja or en. Default: the config's \"lang\", "
                      "else LC_ALL / LC_MESSAGES / LANG when English or Japanese, else ja")
          ->check(Checked(i18n::ParseLang, "LANG"));
  sub->add_flag("--original", *original,
                "Compare the original texts (tracked changes rejected) instead of the texts as "
                "they will be signed");

  return [=] {
    // Resolve once; the validator above has already accepted the format.
    DiffConfig config = *raw;
    auto project = ResolveConfig(*config_path, *no_config);
    if (!project) {
      std::cerr << "clausegap: " << project.error().message << '\n';
      return static_cast<int>(kExitError);
    }
    MergeProject(*project, &config.rules, &config.policy);
    config.format = *report::ParseDiffFormat(*format);
    config.lang = lang_flag->count() > 0 ? *i18n::ParseLang(*lang)
                  : project->lang        ? *project->lang
                                         : i18n::LangFromEnvironment(std::getenv("LC_ALL"),
                                                                     std::getenv("LC_MESSAGES"),
                                                                     std::getenv("LANG"));
    config.default_rules = !*no_default_rules;
    config.view = *original ? model::View::kOriginal : model::View::kSigned;
    return RunDiff(config, std::cout, std::cerr);
  };
}

}  // namespace clausegap::cli
