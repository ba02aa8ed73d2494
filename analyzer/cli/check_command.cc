#include "cli/check_command.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ctime>
#include <optional>
#include <functional>
#include <thread>
#include <exception>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>

#include "api/analyzer.h"
#include "batch/atomic_file.h"
#include "batch/environment.h"
#include "batch/inputs.h"
#include "batch/ordered_pool.h"
#include "batch/progress.h"
#include "cli/audit.h"
#include "cli/flags.h"
#include "cli/output_guard.h"
#include "docx/reader.h"
#include "report/jsonl_printer.h"
#include "engine/engine.h"
#include "engine/rule_pack.h"
#include "structure/structure.h"

namespace clausegap::cli {
namespace {

}  // namespace

ExitCode ExitCodeFor(report::Outcome outcome) {
  switch (outcome) {
    case report::Outcome::kPass: return kExitOk;
    case report::Outcome::kGaps: return kExitGaps;
    case report::Outcome::kUnreadable: return kExitError;
  }
  return kExitError;
}

namespace {

// Set by SIGINT / SIGTERM; the run stops at the next document boundary.
std::atomic<bool> g_interrupted{false};

extern "C" void OnInterrupt(int) {
  g_interrupted.store(true);
  // A second Ctrl-C ends the process at once.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
}

// Walks every root of |list|, NUL-separated (git diff -z, find -print0):
// names may hold spaces, newlines and any other byte. Empty entries are
// skipped. Returns false when |emit| stopped the walk.
bool WalkNulList(batch::InputWalker& walker, std::istream& list, const batch::InputWalker::Emit& emit) {
  std::string entry;
  while (std::getline(list, entry, '\0')) {
    if (entry.empty()) continue;
    if (!walker.Walk(entry, emit)) return false;
  }
  return true;
}

// The name standard input has in messages and, for --stdin zip, in reports.
constexpr char kStdinName[] = "standard input";
constexpr char kStdinArchiveName[] = "stdin.zip";

// Walks what --stdin says standard input holds. Returns false when stopped.
bool WalkStdin(batch::InputWalker& walker, const std::string& format, std::istream& in,
               const batch::InputWalker::Emit& emit) {
  if (format == "frames") return walker.WalkFrames(in, kStdinName, emit);
  return walker.WalkArchiveStream(kStdinArchiveName, in, emit);
}

// Analyses one input. Never throws.
engine::DocumentReport AnalyseInput(batch::Input&& input, const api::Analyzer& analyzer,
                                    api::Session& session, const api::ReadOptions& options) {
  if (input.error) return api::ErrorReport(input.name, *input.error);
  return analyzer.Analyse({input.name, input.path, input.bytes}, options, session);
}

// Returns the message for a run that found no contract at all: which inputs
// were searched and what was skipped there, so an empty result is explained.
std::string NothingFoundMessage(const CheckConfig& config, const report::Summary& summary) {
  std::string where;
  for (const std::string& root : config.files) where += (where.empty() ? "" : ", ") + root;
  if (!config.files_from.empty()) {
    where += (where.empty() ? "" : ", ") + std::string("the list ") +
             (config.files_from == "-" ? "on standard input" : config.files_from);
  }
  if (!config.stdin_format.empty()) where += (where.empty() ? "" : ", ") + std::string("standard input");
  return "clausegap: no contracts found in " + where + " (skipped: other files " +
         std::to_string(summary.skipped) + ", lock files and OS litter " +
         std::to_string(summary.litter) +
         "); contracts are .docx, .docm, .dotx, .dotm, .pdf, .doc and .rtf files, in "
         "folders and .zip archives\n";
}

}  // namespace

int RunCheck(const CheckConfig& config, std::ostream& out, std::ostream& err,
             bool out_is_terminal) {
  const i18n::Lang lang = config.lang;
  if (config.files.empty() && config.files_from.empty() && config.stdin_format.empty()) {
    err << "clausegap: " << i18n::Text(lang, i18n::Msg::kNoInput) << '\n';
    return kExitError;
  }
  if (!config.stdin_format.empty() && config.files_from == "-") {
    err << "clausegap: " << i18n::Text(lang, i18n::Msg::kStdinTwice) << '\n';
    return kExitError;
  }
  if (config.summary_json == "-" && config.format != report::Format::kJsonl) {
    err << "clausegap: " << i18n::Text(lang, i18n::Msg::kSummaryJsonFormat) << '\n';
    return kExitError;
  }
  // Never write the report over something the run reads.
  OutputGuard guard(config.output, lang);
  {
    std::vector<std::string> read = config.files;
    read.insert(read.end(), config.rules.begin(), config.rules.end());
    read.insert(read.end(), config.waiver_files.begin(), config.waiver_files.end());
    if (!config.config_path.empty()) read.push_back(config.config_path);
    if (!config.files_from.empty() && config.files_from != "-") read.push_back(config.files_from);
    if (!config.summary_json.empty() && config.summary_json != "-") {
      // The summary file must not be an input either, nor the report itself.
      OutputGuard summary_guard(config.summary_json, lang);
      std::vector<std::string> summary_read = read;
      if (!config.output.empty()) summary_read.push_back(config.output);
      if (auto checked = summary_guard.CheckAll(summary_read); !checked) {
        err << "clausegap: " << checked.error().message << '\n';
        return kExitError;
      }
    }
    if (auto checked = guard.CheckAll(read); !checked) {
      err << "clausegap: " << checked.error().message << '\n';
      return kExitError;
    }
  }
  // Rules and dictionaries load once for the whole run.
  api::Options load;
  load.default_rules = config.default_rules;
  load.rules = config.rules;
  load.vendor = config.vendor;
  auto analyzer = api::Analyzer::Load(load);
  if (!analyzer) {
    err << "clausegap: " << analyzer.error().message << '\n';
    return kExitError;
  }
  std::unique_ptr<std::ifstream> list_file;
  if (!config.files_from.empty() && config.files_from != "-") {
    list_file = std::make_unique<std::ifstream>(config.files_from);
    if (!*list_file) {
      err << "clausegap: " << i18n::Format(lang, i18n::Msg::kCannotReadList, {config.files_from}) << '\n';
      return kExitError;
    }
  }
  std::unique_ptr<batch::AtomicFile> output_file;
  if (!config.output.empty()) {
    auto created = batch::AtomicFile::Create(config.output);
    if (!created) {
      err << "clausegap: " << created.error().message << '\n';
      return kExitError;
    }
    output_file = std::move(*created);
  }
  std::unique_ptr<batch::AtomicFile> summary_file;
  if (!config.summary_json.empty() && config.summary_json != "-") {
    auto created = batch::AtomicFile::Create(config.summary_json);
    if (!created) {
      err << "clausegap: " << created.error().message << '\n';
      return kExitError;
    }
    summary_file = std::move(*created);
  }
  std::ostream& sink = output_file ? output_file->stream() : out;

  const int jobs = config.jobs > 0 ? config.jobs : batch::DefaultJobs(batch::ReadJobHints()).jobs;
  std::vector<std::unique_ptr<api::Session>> sessions;
  for (int i = 0; i < jobs; ++i) sessions.push_back(std::make_unique<api::Session>(*analyzer));

  report::PrinterOptions options;
  options.color = !output_file && report::ResolveColor(config.color, out_is_terminal,
                                                       std::getenv("NO_COLOR"), std::getenv("TERM"));
  const std::vector<engine::RequirementInfo> requirements = engine::EnabledRequirements(analyzer->pack());
  if (auto valid = ValidatePolicy(config.policy, requirements); !valid) {
    err << "clausegap: " << valid.error().message << '\n';
    return kExitError;
  }
  options.requirement_ids = ReportedIds(config.policy, requirements);
  for (const std::string& id : options.requirement_ids) {
    auto it = std::find_if(requirements.begin(), requirements.end(),
                           [&id](const engine::RequirementInfo& r) { return r.id == id; });
    options.requirement_titles.push_back(it == requirements.end() ? id : it->title);
  }
  options.lang = lang;
  options.fail_on = config.fail_on;
  options.csv_bom = config.csv_bom;
  {
    options.run = analyzer->run_info();
    options.run.config = config.config_path;
    options.run.waiver_files = config.waiver_files;
    options.run.started_at = IsoUtc(std::time(nullptr));
    options.run.view = config.view == model::View::kOriginal ? "original" : "signed";
  }
  std::unique_ptr<report::Printer> printer = report::MakePrinter(config.format, sink, options);
  const bool needs_text = printer->NeedsText();
  report::Summary summary;
  summary.fail_on = config.fail_on;
  summary.max_warnings = config.max_warnings;
  api::ReadOptions read_options;
  read_options.view = config.view;
  read_options.convert_legacy = config.convert_legacy;
  read_options.with_text = needs_text;

  // The walk runs on the pool's feeder thread; these are read there and, for
  // the progress line, on this thread.
  std::atomic<std::uint64_t> found{0};
  std::atomic<bool> walk_done{false};
  batch::InputStats stats;
  std::optional<Error> clobber;  // set on the feeder thread, read after the run
  std::optional<Error> broken_stream;  // likewise: --stdin frames lost its framing
  batch::Progress progress(config.err_is_terminal && !config.quiet);

  // std::cin is tied to std::cout: untied, reading records does not flush
  // the report on every header byte.
  if (!config.stdin_format.empty() || config.files_from == "-") std::cin.tie(nullptr);
  g_interrupted.store(false);
  auto old_int = std::signal(SIGINT, OnInterrupt);
  auto old_term = std::signal(SIGTERM, OnInterrupt);

  printer->Begin();
  std::uint64_t done = batch::RunOrdered<batch::Input, engine::DocumentReport>(
      jobs, /*queued=*/static_cast<std::size_t>(jobs) * 2, /*window=*/256 + static_cast<std::size_t>(jobs) * 16,
      [&](const std::function<bool(batch::Input&&)>& push) {
        batch::InputWalker walker;
        auto emit = [&](batch::Input&& input) {
          // A file reached through a folder or a list may be the output too.
          if (!input.path.empty() && guard.active()) {
            if (auto checked = guard.Check(input.path); !checked) {
              clobber = checked.error();
              return false;
            }
          }
          found.fetch_add(1);
          return push(std::move(input));
        };
        bool go_on = true;
        for (const std::string& root : config.files) {
          if (!(go_on = walker.Walk(root, emit))) break;
        }
        if (go_on && !config.files_from.empty()) {
          std::istream& list = list_file ? static_cast<std::istream&>(*list_file) : std::cin;
          go_on = config.null_separated ? WalkNulList(walker, list, emit) : walker.WalkList(list, emit);
        }
        if (go_on && !config.stdin_format.empty()) go_on = WalkStdin(walker, config.stdin_format, std::cin, emit);
        stats = walker.stats();
        broken_stream = walker.stream_error();
        walk_done.store(go_on);
      },
      [&](batch::Input&& input, int worker) {
        engine::DocumentReport report =
            AnalyseInput(std::move(input), *analyzer, *sessions[static_cast<std::size_t>(worker)],
                         read_options);
        ApplyPolicy(config.policy, &report);
        return report;
      },
      [&](engine::DocumentReport&& report) {
        if (!report.ok) {
          progress.Clear();
          err << "clausegap: " << report.error << '\n';
        }
        printer->Document(report);
        report::AddToSummary(report, &summary);
        progress.Update(static_cast<std::uint64_t>(summary.documents),
                        static_cast<std::uint64_t>(summary.errors), found.load(), walk_done.load());
      },
      g_interrupted);
  progress.Clear();
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  summary.skipped = static_cast<int>(stats.skipped);
  summary.litter = static_cast<int>(stats.litter);
  if (clobber) {
    // The temporary output is discarded with |output_file|: nothing written.
    err << "clausegap: " << clobber->message << '\n';
    return kExitError;
  }

  if (g_interrupted.load()) {
    sink.flush();
    err << "clausegap: "
        << i18n::Format(lang, i18n::Msg::kInterrupted,
                        {std::to_string(done),
                         std::to_string(found.load()) + (walk_done.load() ? "" : "+")})
        << (output_file ? i18n::Format(lang, i18n::Msg::kNotWritten, {config.output}) : std::string())
        << '\n';
    return 130;
  }
  printer->End(summary);
  if (summary.documents == 0) {
    if (config.mapper) {
      err << "clausegap: " << i18n::Text(lang, i18n::Msg::kNothingInPartition) << '\n';
    } else {
      err << NothingFoundMessage(config, summary);
    }
  }
  if (!config.summary_json.empty()) {
    report::SummaryRecord record;
    record.summary = summary;
    record.tool_version = options.run.tool_version;
    record.rules_sha256 = options.run.rules_sha256;
    std::ostream& summary_out = summary_file ? summary_file->stream() : sink;
    summary_out << report::SummaryLine(record) << '\n';
  }
  if (config.summary) {
    // The table joins the report on a terminal-style text report; beside
    // machine-readable output it goes to stderr so the records stay clean.
    report::PrintSummaryTable(summary, config.format == report::Format::kText ? sink : err, lang);
  }
  sink.flush();
  if (!sink) {
    // A full disk or a closed descriptor: the report is incomplete.
    err << "clausegap: "
        << i18n::Format(lang, i18n::Msg::kCannotWriteReport,
                        {config.output.empty() ? std::string("standard output") : config.output})
        << '\n';
    return kExitError;
  }
  for (batch::AtomicFile* file : {output_file.get(), summary_file.get()}) {
    if (file == nullptr) continue;
    auto committed = file->Commit();
    if (!committed) {
      err << "clausegap: " << committed.error().message << '\n';
      return kExitError;
    }
  }
  // The records after a break in the framing are lost: the run failed.
  if (broken_stream) return kExitError;
  if (config.mapper) return kExitOk;
  return ExitCodeFor(report::Decide(summary));
}

Runner SetupCheck(CLI::App* sub) {
  auto raw = std::make_shared<CheckConfig>();
  auto format = std::make_shared<std::string>("text");
  auto fail_on = std::make_shared<std::string>("weak");
  auto lang = std::make_shared<std::string>();
  auto csv_bom = std::make_shared<std::string>("on");
  auto color = std::make_shared<std::string>("auto");
  auto no_default_rules = std::make_shared<bool>(false);
  auto original = std::make_shared<bool>(false);
  auto config_path = std::make_shared<std::string>();
  auto no_config = std::make_shared<bool>(false);
  auto waiver_files = std::make_shared<std::vector<std::string>>();

  sub->add_option("inputs", raw->files,
                  "Contracts to check: .docx files, folders (recursive) and .zip archives");
  sub->add_option("--files-from", raw->files_from,
                  "Also check every input listed in FILE, one per line ('-': standard input)");
  sub->add_flag("--null,-0", raw->null_separated,
                "The --files-from list is separated by NUL bytes, not lines (git diff -z, "
                "find -print0)");
  sub->add_option("--stdin", raw->stdin_format,
                  "Also check documents sent as bytes on standard input: 'frames' (records "
                  "\"clausegap-frame/1 NAME_BYTES DATA_BYTES\\n\" NAME DATA \"\\n\", see README) or "
                  "'zip' (one .zip archive, members reported as stdin.zip!NAME)")
      ->check(CLI::IsMember({"frames", "zip"}));
  sub->add_flag("--mapper", raw->mapper,
                "Cluster mode: jsonl report ending with the summary line, exit 0 whenever the run "
                "itself worked (documents' gaps and errors are lines), 2 only when it cannot run");
  CLI::Option* summary_json_flag =
      sub->add_option("--summary-json", raw->summary_json,
                      "Write the totals as one clausegap/summary/v1 JSON line to FILE (atomically); "
                      "'-': as the last line of the jsonl report. Default: none ('-' with --mapper)");
  sub->add_option("--jobs,-j", raw->jobs,
                  "Worker threads (0: the default). Default: CLAUSEGAP_JOBS, else OMP_NUM_THREADS, "
                  "else the CPUs this process may use (affinity mask and cgroup CPU quota)")
      ->check(Checked(ParseCount, "N"));
  sub->add_option("--output,-o", raw->output,
                  "Write the report to FILE (atomically: complete or not at all). Default: stdout");
  sub->add_flag("--summary", raw->summary,
                "Print per-requirement totals at the end (stderr for machine-readable formats)");
  sub->add_flag("--quiet,-q", raw->quiet, "No progress line on stderr");
  CLI::Option* format_flag = sub->add_option("--format", *format,
                  "Output format: text, json, jsonl, csv, sarif, github, junit or html. "
                  "Default: text (or the config's \"format\")")
      ->check(Checked(report::ParseFormat, "FORMAT"));
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
  sub->add_flag("--no-default-rules", *no_default_rules,
                "Do not load the default rule pack (use only --rules)");
  CLI::Option* fail_on_flag =
      sub->add_option("--fail-on", *fail_on,
                      "Exit 1 when a required requirement is at or below this status: weak "
                      "(weak or missing fails), missing (lenient: only missing fails) or never. "
                      "Default: weak (or the config's \"fail_on\")")
          ->check(Checked(report::ParseFailOn, "LEVEL"));
  CLI::Option* max_warnings_flag =
      sub->add_option("--max-warnings", raw->max_warnings,
                      "Exit 1 when there are more than N weak findings (not waived). "
                      "Default: no limit (or the config's \"max_warnings\")")
          ->check(Checked(ParseCount, "N"));
  sub->add_option("--config", *config_path,
                  "Project configuration file. Default: the nearest .clausegap.json in the "
                  "current directory or a parent");
  sub->add_flag("--no-config", *no_config, "Do not look for a .clausegap.json");
  sub->add_option("--waivers", *waiver_files,
                  "Waiver file listing accepted gaps (file, requirement, reason); repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--color", *color,
                  "Colour the text report: auto (terminal and NO_COLOR unset), always or never. "
                  "Default: auto")
      ->check(Checked(report::ParseColorChoice, "WHEN"));
  CLI::Option* convert_flag = sub->add_flag(
      "--convert-legacy", raw->convert_legacy,
      "Convert legacy .doc / .rtf files with LibreOffice (headless, in a temporary directory) "
      "and check the result. Default: off (or the config's \"convert_legacy\")");
  sub->add_flag("--original", *original,
                "Evaluate the original text (tracked changes rejected) instead of the text as "
                "it will be signed");
  CLI::Option* lang_flag =
      sub->add_option("--lang", *lang,
                      "Language of the report and messages: ja or en. Default: the config's "
                      "\"lang\", else LC_ALL / LC_MESSAGES / LANG when English or Japanese, else ja")
          ->check(Checked(i18n::ParseLang, "LANG"));
  CLI::Option* csv_bom_flag =
      sub->add_option("--csv-bom", *csv_bom,
                      "Start CSV output with a UTF-8 byte-order mark so that Excel reads it as "
                      "UTF-8: on or off. Default: on (or the config's \"csv_bom\")")
          ->check(CLI::IsMember({"on", "off"}));

  return [=] {
    // Resolve once; the validators above have already accepted the values.
    // Flags given on the command line win over the project configuration.
    CheckConfig config = *raw;
    auto resolved = ResolveConfig(*config_path, *no_config);
    if (!resolved) {
      std::cerr << "clausegap: " << resolved.error().message << '\n';
      return static_cast<int>(kExitError);
    }
    const ProjectConfig& project = *resolved;
    MergeProject(project, &config.rules, &config.policy);
    config.policy.waivers = project.waivers;
    config.config_path = project.path;
    if (!project.waivers_file.empty()) config.waiver_files.push_back(project.waivers_file);
    config.waiver_files.insert(config.waiver_files.end(), waiver_files->begin(), waiver_files->end());
    config.lang = lang_flag->count() > 0 ? *i18n::ParseLang(*lang)
                  : project.lang         ? *project.lang
                                         : i18n::LangFromEnvironment(std::getenv("LC_ALL"),
                                                                     std::getenv("LC_MESSAGES"),
                                                                     std::getenv("LANG"));
    config.csv_bom = csv_bom_flag->count() > 0 ? *csv_bom == "on" : project.csv_bom.value_or(true);
    for (const std::string& file : *waiver_files) {
      auto waivers = LoadWaivers(file);
      if (!waivers) {
        std::cerr << "clausegap: " << waivers.error().message << '\n';
        return static_cast<int>(kExitError);
      }
      config.policy.waivers.insert(config.policy.waivers.end(), waivers->begin(), waivers->end());
    }
    config.format = format_flag->count() > 0 || !project.format ? *report::ParseFormat(*format)
                                                                : *project.format;
    config.fail_on = fail_on_flag->count() > 0 || !project.fail_on
                         ? *report::ParseFailOn(*fail_on)
                         : *project.fail_on;
    if (max_warnings_flag->count() == 0) config.max_warnings = project.max_warnings.value_or(-1);
    config.color = *report::ParseColorChoice(*color);
    config.default_rules = !*no_default_rules;
    config.view = *original ? model::View::kOriginal : model::View::kSigned;
    if (convert_flag->count() == 0) config.convert_legacy = project.convert_legacy.value_or(false);
    config.err_is_terminal = isatty(STDERR_FILENO) == 1;
    if (config.mapper) {
      if (format_flag->count() > 0 && config.format != report::Format::kJsonl) {
        std::cerr << "clausegap: " << i18n::Format(config.lang, i18n::Msg::kMapperFormat, {*format}) << '\n';
        return static_cast<int>(kExitError);
      }
      config.format = report::Format::kJsonl;
      if (summary_json_flag->count() == 0) config.summary_json = "-";
      config.quiet = true;
    }
    return RunCheck(config, std::cout, std::cerr, isatty(STDOUT_FILENO) == 1);
  };
}

}  // namespace clausegap::cli
