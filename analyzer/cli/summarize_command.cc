#include "cli/summarize_command.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/flags.h"
#include "report/jsonl_printer.h"

namespace clausegap::cli {
namespace {

using i18n::Msg;

// What the parts say about how they were made; all parts must agree.
struct Provenance {
  std::string tool_version;
  std::string rules_sha256;
  std::string fail_on;  // "" for document lines (they do not say it)
};

// Merges parts into one record and collects what does not fit together.
class Merger {
 public:
  Merger(const SummarizeConfig& config, std::ostream& err) : config_(config), err_(err) {
    pending_.fail_on = config.fail_on;
  }

  // Reads one part; false when it cannot be read or holds a foreign line
  // (reported on |err_|).
  bool ReadPart(const std::string& where, std::istream& in) {
    std::string text;
    int line_number = 0;
    while (std::getline(in, text)) {
      ++line_number;
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto line = nlohmann::ordered_json::parse(text, nullptr, /*allow_exceptions=*/false);
      const std::string at = std::to_string(line_number);
      if (line.is_discarded() || !line.is_object()) {
        return Fail(i18n::Format(config_.lang, Msg::kSummarizeNotJson, {where, at}));
      }
      auto schema = line.find("schema");
      if (schema != line.end() && *schema == report::kSummarySchema) {
        auto record = report::ParseSummaryLine(line);
        if (!record) return Fail(where + ":" + at + ": " + record.error().message);
        CloseWithSummary(where, std::move(*record));
      } else if (line.contains("file")) {
        auto document = report::ParseDocumentLine(line);
        if (!document) return Fail(where + ":" + at + ": " + document.error().message);
        AddDocument(where, line, *document);
      } else {
        return Fail(i18n::Format(config_.lang, Msg::kSummarizeUnknownLine, {where, at}));
      }
    }
    if (in.bad()) return Fail(i18n::Format(config_.lang, Msg::kSummarizeCannotRead, {where}));
    CloseWithoutSummary(where);
    return true;
  }

  // Returns the merged record with its duplicates; reports them on |err_|.
  report::SummaryRecord Finish() {
    for (const std::string& name : order_) {
      int count = seen_[name];
      if (count < 2) continue;
      merged_.duplicates.emplace_back(name, count);
      Problem(i18n::Format(config_.lang, Msg::kSummarizeDuplicate, {name, std::to_string(count)}));
    }
    merged_.parts = parts_;
    if (provenance_) {
      merged_.tool_version = provenance_->tool_version;
      merged_.rules_sha256 = provenance_->rules_sha256;
    }
    return merged_;
  }

  bool problems() const { return problems_; }

 private:
  bool Fail(const std::string& message) {
    err_ << "clausegap: " << message << '\n';
    return false;
  }

  void Problem(const std::string& message) {
    err_ << "clausegap: " << message << '\n';
    problems_ = true;
  }

  // Checks one field of |seen| against the first part's.
  void Agree(const std::string& where, const char* field, const std::string& first,
             const std::string& seen) {
    if (seen.empty() || first.empty() || seen == first) return;
    Problem(i18n::Format(config_.lang, Msg::kSummarizeMixed, {where, field, seen, first}));
  }

  void CheckProvenance(const std::string& where, const Provenance& seen) {
    if (!provenance_) {
      provenance_ = seen;
      return;
    }
    Agree(where, "tool_version", provenance_->tool_version, seen.tool_version);
    Agree(where, "rules_sha256", provenance_->rules_sha256, seen.rules_sha256);
    Agree(where, "fail_on", provenance_->fail_on, seen.fail_on);
    if (provenance_->fail_on.empty()) provenance_->fail_on = seen.fail_on;
  }

  void AddDocument(const std::string& where, const nlohmann::ordered_json& line,
                   const engine::DocumentReport& document) {
    if (seen_[document.file]++ == 0) order_.push_back(document.file);
    report::AddToSummary(document, &pending_);
    auto run = line.find("run");
    if (run != line.end() && run->is_object()) {
      CheckProvenance(where, Provenance{run->value("tool_version", ""), run->value("rules_sha256", ""), ""});
    }
  }

  void CloseWithSummary(const std::string& where, report::SummaryRecord record) {
    if (pending_.documents > 0 && pending_.documents != record.summary.documents) {
      Problem(i18n::Format(config_.lang, Msg::kSummarizeCountMismatch,
                           {where, std::to_string(pending_.documents),
                            std::to_string(record.summary.documents)}));
    }
    CheckProvenance(where, Provenance{record.tool_version, record.rules_sha256,
                                      report::FailOnName(record.summary.fail_on)});
    Add(record.summary);
    // A merged line carries the duplicates it found; they stay duplicates.
    for (const auto& [name, count] : record.duplicates) {
      if (seen_[name] == 0) order_.push_back(name);
      seen_[name] = std::max(seen_[name], count);
    }
    parts_ += record.parts;
    pending_ = report::Summary{};
    pending_.fail_on = config_.fail_on;
  }

  void CloseWithoutSummary(const std::string& where) {
    if (pending_.documents == 0) return;
    err_ << "clausegap: "
         << i18n::Format(config_.lang, Msg::kSummarizeNoSummary, {where, std::to_string(pending_.documents)})
         << '\n';
    Add(pending_);
    ++parts_;
    pending_ = report::Summary{};
    pending_.fail_on = config_.fail_on;
  }

  void Add(const report::Summary& part) {
    if (parts_ == 0) {
      merged_.summary.fail_on = part.fail_on;
      merged_.summary.max_warnings = part.max_warnings;
    }
    report::MergeSummary(part, &merged_.summary);
  }

  const SummarizeConfig& config_;
  std::ostream& err_;
  report::SummaryRecord merged_;
  report::Summary pending_;  // document lines not yet closed by a summary line
  int parts_ = 0;
  std::optional<Provenance> provenance_;
  std::map<std::string, int> seen_;
  std::vector<std::string> order_;
  bool problems_ = false;
};

}  // namespace

int RunSummarize(const SummarizeConfig& config, std::istream& in, std::ostream& out,
                 std::ostream& err) {
  Merger merger(config, err);
  for (const std::string& part : config.parts) {
    if (part == "-") {
      if (!merger.ReadPart("standard input", in)) return kExitError;
      continue;
    }
    std::ifstream file(part, std::ios::binary);
    if (!file) {
      err << "clausegap: " << i18n::Format(config.lang, Msg::kSummarizeCannotRead, {part}) << '\n';
      return kExitError;
    }
    if (!merger.ReadPart(part, file)) return kExitError;
  }
  report::SummaryRecord merged = merger.Finish();
  if (config.json) {
    out << report::SummaryLine(merged) << '\n';
  } else {
    out << i18n::Format(config.lang, Msg::kSummarizeParts, {std::to_string(merged.parts)}) << '\n';
    report::PrintSummaryTable(merged.summary, out, config.lang);
  }
  out.flush();
  return merger.problems() ? kExitGaps : kExitOk;
}

Runner SetupSummarize(CLI::App* sub) {
  auto raw = std::make_shared<SummarizeConfig>();
  auto format = std::make_shared<std::string>("text");
  auto fail_on = std::make_shared<std::string>("weak");
  auto lang = std::make_shared<std::string>();
  sub->add_option("parts", raw->parts,
                  "Outputs of `check --mapper` (jsonl with a summary line) or --summary-json "
                  "files, one per partition or concatenated; '-': standard input")
      ->required();
  sub->add_option("--format", *format,
                  "text (the --summary table) or json (one clausegap/summary/v1 line). Default: text")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_option("--fail-on", *fail_on,
                  "Gate level for report lines that have no summary line: weak, missing or never. "
                  "Default: weak")
      ->check(Checked(report::ParseFailOn, "LEVEL"));
  CLI::Option* lang_flag =
      sub->add_option("--lang", *lang,
                      "Language of the table and messages: ja or en. Default: LC_ALL / "
                      "LC_MESSAGES / LANG when English or Japanese, else ja")
          ->check(Checked(i18n::ParseLang, "LANG"));
  return [=] {
    SummarizeConfig config = *raw;
    config.json = *format == "json";
    config.fail_on = *report::ParseFailOn(*fail_on);
    config.lang = lang_flag->count() > 0
                      ? *i18n::ParseLang(*lang)
                      : i18n::LangFromEnvironment(std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"),
                                                  std::getenv("LANG"));
    return RunSummarize(config, std::cin, std::cout, std::cerr);
  };
}

}  // namespace clausegap::cli
