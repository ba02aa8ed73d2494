// Tests of the project configuration (.clausegap.json), waiver files and the
// policy they apply to reports.
#include "cli/config.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

namespace clausegap::cli {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "clausegap-config-XXXXXX").string();
    path_ = fs::path(mkdtemp(pattern.data()));
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path Write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<engine::RequirementInfo> Pack() {
  return {{"redelegation", "再委託", engine::Severity::kRequired},
          {"liability", "損害賠償", engine::Severity::kRequired},
          {"audit", "監査", engine::Severity::kRecommended},
          {"data-location", "保管場所", engine::Severity::kRecommended}};
}

engine::RequirementResult Result(std::string id, engine::Severity severity, engine::Status status) {
  engine::RequirementResult r;
  r.id = std::move(id);
  r.severity = severity;
  r.status = status;
  return r;
}

TEST_CASE("the nearest .clausegap.json is found walking up") {
  TempDir dir;
  dir.Write(".clausegap.json", "{}");
  fs::create_directories(dir.path() / "a" / "b");
  CHECK(FindConfig(dir.path() / "a" / "b") == (dir.path() / ".clausegap.json").string());
  dir.Write("a/.clausegap.json", "{}");
  CHECK(FindConfig(dir.path() / "a" / "b") == (dir.path() / "a" / ".clausegap.json").string());
}

TEST_CASE("a full config is read; rule paths are relative to the config's folder") {
  TempDir dir;
  fs::path file = dir.Write("legal/.clausegap.json", R"({
    // the legal team's gate
    "rules": ["packs/playbook.jsonc"],
    "disable": ["data-location"],
    "require": ["audit"],
    "fail_on": "weak",
    "format": "json",
    "max_warnings": 3,
    "waivers": [{"file": "acme/*.docx", "requirement": "liability", "reason": "cap agreed 2026-10"}]
  })");
  auto config = LoadConfig(file.string());
  REQUIRE(config);
  CHECK(config->rules == std::vector<std::string>{(dir.path() / "legal/packs/playbook.jsonc").string()});
  CHECK(config->disable == std::vector<std::string>{"data-location"});
  CHECK(config->require == std::vector<std::string>{"audit"});
  CHECK(config->fail_on == report::FailOn::kWeak);
  CHECK(config->format == report::Format::kJson);
  CHECK(config->max_warnings == 3);
  REQUIRE(config->waivers.size() == 1);
  CHECK(config->waivers[0].reason == "cap agreed 2026-10");
  CHECK(config->waivers[0].origin == file.string() + ":9");
}

TEST_CASE("config errors name the file and line") {
  TempDir dir;
  fs::path typo = dir.Write("typo.json", "{\n  \"rules\": [],\n  \"fail-on\": \"weak\"\n}");
  auto bad_key = LoadConfig(typo.string());
  REQUIRE_FALSE(bad_key);
  CHECK(bad_key.error().message ==
        typo.string() + ":3: unknown key \"fail-on\" (did you mean \"fail_on\"?)");

  fs::path level = dir.Write("level.json", "{\n\"fail_on\": \"sometimes\"}");
  auto bad_level = LoadConfig(level.string());
  REQUIRE_FALSE(bad_level);
  CHECK(bad_level.error().message ==
        level.string() + ":2: fail_on must be \"missing\", \"weak\" or \"never\"");

  fs::path syntax = dir.Write("syntax.json", "{\n\"rules\": [\n}");
  auto bad_json = LoadConfig(syntax.string());
  REQUIRE_FALSE(bad_json);
  CHECK(bad_json.error().message ==
        syntax.string() + ":3: invalid JSON: syntax error while parsing value - unexpected '}'; "
                          "expected '[', '{', or a literal");

  // Deep nesting is refused before anything walks it (bounded memory).
  fs::path deep = dir.Write("deep.json", "{\"rules\":" + std::string(100000, '[') + std::string(100000, ']') + "}");
  auto bad_deep = LoadConfig(deep.string());
  REQUIRE_FALSE(bad_deep);
  CHECK(bad_deep.error().message == deep.string() + ":1: JSON nested deeper than 16 levels");

  fs::path waiver = dir.Write("w.json", "{\"waivers\": [\n {\"file\": \"x.docx\", \"reason\": \"r\"}]}");
  auto bad_waiver = LoadWaivers(waiver.string());
  REQUIRE_FALSE(bad_waiver);
  CHECK(bad_waiver.error().message ==
        waiver.string() + ":2: a waiver needs a non-empty \"requirement\"");

  auto missing = LoadConfig((dir.path() / "none.json").string());
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message == (dir.path() / "none.json").string() + ": cannot read");
}

TEST_CASE("unknown requirement ids in the policy are refused") {
  Policy policy;
  policy.require = {"audits"};
  auto valid = ValidatePolicy(policy, Pack());
  REQUIRE_FALSE(valid);
  CHECK(valid.error().message == "require: unknown requirement \"audits\" (did you mean \"audit\"?)");
  policy.require = {"audit"};
  policy.waivers = {{"*.docx", "liabilty", "r", "w.json:4"}};
  CHECK(ValidatePolicy(policy, Pack()).error().message ==
        "w.json:4: unknown requirement \"liabilty\" (did you mean \"liability\"?)");
  policy.waivers[0].requirement = "*";
  CHECK(ValidatePolicy(policy, Pack()));
}

TEST_CASE("waiver file patterns match the name or a trailing part of it") {
  Waiver w{"acme/*.docx", "liability", "r", ""};
  CHECK(WaiverMatches(w, "acme/nda.docx", "liability"));
  CHECK(WaiverMatches(w, "/share/contracts/acme/nda.docx", "liability"));
  CHECK(WaiverMatches(w, "all.zip!acme/nda.docx", "liability"));
  CHECK_FALSE(WaiverMatches(w, "/share/notacme/nda.docx", "liability"));
  CHECK_FALSE(WaiverMatches(w, "acme/nda.docx", "redelegation"));
  Waiver any{"old.docx", "*", "r", ""};
  CHECK(WaiverMatches(any, "x/old.docx", "audit"));
}

TEST_CASE("the policy disables, raises and waives") {
  Policy policy;
  policy.disable = {"data-location"};
  policy.require = {"audit"};
  policy.waivers = {{"*vendor.docx", "liability", "cap negotiated", "w:1"}};
  engine::DocumentReport report;
  report.file = "in/vendor.docx";
  report.requirements = {Result("redelegation", engine::Severity::kRequired, engine::Status::kPresent),
                         Result("liability", engine::Severity::kRequired, engine::Status::kWeak),
                         Result("audit", engine::Severity::kRecommended, engine::Status::kMissing),
                         Result("data-location", engine::Severity::kRecommended, engine::Status::kMissing)};
  ApplyPolicy(policy, &report);
  REQUIRE(report.requirements.size() == 3);
  CHECK(report.requirements[1].waived);
  CHECK(report.requirements[1].waiver_reason == "cap negotiated");
  CHECK_FALSE(report.requirements[0].waived);  // present: nothing to waive
  CHECK(report.requirements[2].severity == engine::Severity::kRequired);
  CHECK(ReportedIds(policy, Pack()) == std::vector<std::string>{"redelegation", "liability", "audit"});

  // The waived weak liability neither fails the gate nor counts as a warning;
  // the raised, missing audit does fail it.
  report::Summary summary;
  summary.fail_on = report::FailOn::kWeak;
  report::AddToSummary(report, &summary);
  CHECK(summary.waived == 1);
  CHECK(summary.warnings == 0);
  CHECK(summary.failed == 1);
  report.requirements.pop_back();
  report::Summary without_audit;
  without_audit.fail_on = report::FailOn::kWeak;
  report::AddToSummary(report, &without_audit);
  CHECK(without_audit.failed == 0);
}

TEST_CASE("--max-warnings fails the gate past N weak findings") {
  report::Summary s;
  s.documents = 2;
  s.warnings = 3;
  CHECK(report::Decide(s) == report::Outcome::kPass);
  s.max_warnings = 3;
  CHECK(report::Decide(s) == report::Outcome::kPass);
  s.max_warnings = 2;
  CHECK(report::Decide(s) == report::Outcome::kGaps);
}

}  // namespace
}  // namespace clausegap::cli

namespace clausegap::cli {
namespace {

TEST_CASE("the project's packs come before the command line's; its lists fill the policy") {
  ProjectConfig project;
  project.rules = {"/team/playbook.jsonc"};
  project.disable = {"data-location"};
  project.require = {"audit"};
  project.waivers = {{"x.docx", "audit", "r", "w:1"}};
  std::vector<std::string> rules = {"mine.json"};
  Policy policy;
  MergeProject(project, &rules, &policy);
  CHECK(rules == std::vector<std::string>{"/team/playbook.jsonc", "mine.json"});
  CHECK(policy.disable == project.disable);
  CHECK(policy.require == project.require);
  CHECK(policy.waivers.empty());  // waivers are the caller's to apply
}

}  // namespace
}  // namespace clausegap::cli
