// End-to-end tests of the pre-signature gate's policy: .clausegap.json found
// from the working directory, waivers and --max-warnings.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Runs clausegap with |args| in |dir|.
RunResult RunIn(const fs::path& dir, const std::string& args) {
  return RunCommand({"sh", "-c", "cd \"$1\" && exec \"$0\" " + args, CLAUSEGAP_EXE, dir.string()});
}

Json Requirement(const Json& document, const std::string& id) {
  for (const Json& r : document["requirements"]) {
    if (r["id"] == id) return r;
  }
  return Json();
}

TEST_CASE("a .clausegap.json in a parent folder sets format, fail_on and disabled rules") {
  ScratchDir scratch;
  fs::create_directories(scratch.path() / "contracts" / "2026");
  fs::copy_file(SamplePath("data-entry"), scratch.path() / "contracts" / "2026" / "data-entry.docx");
  WriteFileBytes(scratch.path() / ".clausegap.json",
                 R"({"format": "json", "fail_on": "missing", "disable": ["data-location"]})");
  // data-entry has weak required clauses only: the config's lenient fail_on passes it.
  RunResult r = RunIn(scratch.path() / "contracts" / "2026", "check data-entry.docx");
  CHECK(r.exit_code == 0);
  Json report = Json::parse(r.out);
  CHECK(report["summary"]["fail_on"] == "missing");
  CHECK(Requirement(report["documents"][0], "data-location").is_null());
  CHECK(report["documents"][0]["requirements"].size() == 14);
  // A flag on the command line wins over the config.
  RunResult flag = RunIn(scratch.path() / "contracts" / "2026", "check --fail-on weak data-entry.docx");
  CHECK(flag.exit_code == 1);
  // --no-config ignores it: the default gate (weak) fails it.
  RunResult none = RunIn(scratch.path() / "contracts" / "2026", "check --no-config data-entry.docx");
  CHECK(none.exit_code == 1);
  CHECK(none.out.rfind("{", 0) != 0);  // the text report again
}

TEST_CASE("an invalid config stops the run with file and line") {
  ScratchDir scratch;
  WriteFileBytes(scratch.path() / ".clausegap.json", "{\n  \"formt\": \"json\"\n}");
  fs::copy_file(SamplePath("nda-gaps"), scratch.path() / "nda.docx");
  RunResult r = RunIn(scratch.path(), "check nda.docx");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "clausegap: " + (scratch.path() / ".clausegap.json").string() +
                     ":2: unknown key \"formt\" (did you mean \"format\"?)\n");
  WriteFileBytes(scratch.path() / ".clausegap.json", R"({"require": ["audits"]})");
  RunResult unknown = RunIn(scratch.path(), "check nda.docx");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown requirement \"audits\" (did you mean \"audit\"?)") !=
        std::string::npos);
}

TEST_CASE("waived gaps are reported as waived and do not fail the gate") {
  ScratchDir scratch;
  fs::copy_file(SamplePath("nda-gaps"), scratch.path() / "vendor-nda.docx");
  // nda-gaps misses redelegation and breach-notification by design.
  RunResult gate = RunIn(scratch.path(), "check --format json vendor-nda.docx");
  CHECK(gate.exit_code == 1);
  WriteFileBytes(scratch.path() / "waivers.json", R"({"waivers": [
    {"file": "vendor-*.docx", "requirement": "redelegation", "reason": "vendor works alone; accepted by legal"},
    {"file": "vendor-*.docx", "requirement": "breach-notification", "reason": "covered by the master agreement"}
  ]})");
  // Its weak required clauses are left to the lenient gate here.
  RunResult waived = RunIn(scratch.path(),
                           "check --format json --fail-on missing --waivers waivers.json vendor-nda.docx");
  CHECK(waived.exit_code == 0);
  Json report = Json::parse(waived.out);
  Json redelegation = Requirement(report["documents"][0], "redelegation");
  CHECK(redelegation["status"] == "missing");  // still reported as it is
  CHECK(redelegation["waived"] == true);
  CHECK(redelegation["waiver_reason"] == "vendor works alone; accepted by legal");
  CHECK(report["summary"]["waived"] == 2);
  RunResult text = RunIn(scratch.path(), "check --lang en --waivers waivers.json vendor-nda.docx");
  CHECK(text.out.find("Waived: covered by the master agreement") != std::string::npos);
  RunResult ja = RunIn(scratch.path(), "check --waivers waivers.json vendor-nda.docx");
  CHECK(ja.out.find("免除: covered by the master agreement（合否判定の対象外）") != std::string::npos);
}

TEST_CASE("--max-warnings fails the gate past N weak findings") {
  ScratchDir scratch;
  RunResult count = RunClausegap({"check", "--format", "json", "--fail-on", "missing", SamplePath("data-entry")});
  REQUIRE(count.exit_code == 0);
  int warnings = Json::parse(count.out)["summary"]["warnings"];
  REQUIRE(warnings > 0);
  CHECK(RunClausegap({"check", "--fail-on", "missing", "--max-warnings", std::to_string(warnings),
                      SamplePath("data-entry")})
            .exit_code == 0);
  CHECK(RunClausegap({"check", "--fail-on", "missing", "--max-warnings", std::to_string(warnings - 1),
                      SamplePath("data-entry")})
            .exit_code == 1);
}

}  // namespace
}  // namespace clausegap::e2e
