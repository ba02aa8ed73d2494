// End to end: `clausegap check --format sarif` on the samples, validated
// against the SARIF 2.1.0 JSON schema.
//
// The schema check needs python3 with jsonschema (Debian: python3-jsonschema)
// and the schema file: $CLAUSEGAP_SARIF_SCHEMA, else
// <build>/third_party/sarif/sarif-2.1.0-rtm.5.json, which this test fetches
// once with `npm pack @microsoft/jest-sarif@1.0.0-beta.0` (the package ships
// the 2.1.0 schema as lib/schemas/sarif-2.1.0-rtm.5.json). Without them the
// schema case is skipped with a message saying what is missing; the
// structural cases always run.
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;
namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kSchemaPackage[] = "@microsoft/jest-sarif@1.0.0-beta.0";
constexpr char kSchemaMember[] = "package/lib/schemas/sarif-2.1.0-rtm.5.json";

// Returns the schema's path, fetching it into the build tree when needed;
// "" (with |why| set) when it cannot be had.
std::string SchemaPath(std::string* why) {
  if (const char* env = std::getenv("CLAUSEGAP_SARIF_SCHEMA"); env != nullptr && *env != '\0') {
    if (fs::exists(env)) return env;
    *why = std::string("CLAUSEGAP_SARIF_SCHEMA=") + env + ": no such file";
    return "";
  }
  fs::path dir = fs::path(CLAUSEGAP_BINARY_DIR) / "third_party" / "sarif";
  fs::path schema = dir / "sarif-2.1.0-rtm.5.json";
  if (fs::exists(schema)) return schema.string();
  std::error_code ec;
  fs::create_directories(dir, ec);
  e2e::RunResult pack = e2e::RunCommand(
      {"npm", "pack", kSchemaPackage, "--pack-destination", dir.string(), "--silent"}, 180);
  if (pack.exit_code != 0) {
    *why = std::string("npm pack ") + kSchemaPackage + " failed (exit " +
           std::to_string(pack.exit_code) + "): " + pack.err.substr(0, 300);
    return "";
  }
  std::string tarball = (dir / "microsoft-jest-sarif-1.0.0-beta.0.tgz").string();
  e2e::RunResult untar = e2e::RunCommand(
      {"tar", "-xzf", tarball, "-C", dir.string(), "--strip-components=3", kSchemaMember}, 60);
  if (untar.exit_code != 0 || !fs::exists(schema)) {
    *why = "could not extract " + std::string(kSchemaMember) + " from " + tarball + ": " + untar.err;
    return "";
  }
  return schema.string();
}

// Validates |log_path| against |schema_path| with python3-jsonschema.
// Returns 0 when valid, 1 with the errors in |out| when not, 3 when
// jsonschema is not installed.
int Validate(const std::string& log_path, const std::string& schema_path, std::string* out) {
  static const char kScript[] =
      "import json, sys\n"
      "try:\n"
      "    import jsonschema\n"
      "except ImportError:\n"
      "    sys.exit(3)\n"
      "schema = json.load(open(sys.argv[1], encoding='utf-8'))\n"
      "log = json.load(open(sys.argv[2], encoding='utf-8'))\n"
      "validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())\n"
      "errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))\n"
      "for e in errors[:20]:\n"
      "    print('/'.join(str(p) for p in e.path) + ': ' + e.message)\n"
      "sys.exit(1 if errors else 0)\n";
  e2e::RunResult r = e2e::RunCommand({"python3", "-c", kScript, schema_path, log_path}, 120);
  *out = r.out + r.err;
  return r.exit_code;
}

const std::vector<std::string> kSamples = {"itaku-callcenter", "nda-gaps", "data-entry",
                                           "tracked-changes", "special-provisions-table"};

std::vector<std::string> SampleArgs() {
  std::vector<std::string> args = {"check", "--format", "sarif"};
  for (const std::string& s : kSamples) args.push_back(e2e::SamplePath(s));
  return args;
}

TEST_CASE("check --format sarif gives one run with a result per gap") {
  e2e::RunResult r = e2e::RunClausegap(SampleArgs(), 300);
  CHECK(r.exit_code == 1);  // nda-gaps and others fail the gate
  json log = json::parse(r.out);
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"].size() == 1);
  const json& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "clausegap");
  CHECK(run["tool"]["driver"]["rules"].size() == 15);
  CHECK(run["invocations"][0]["executionSuccessful"] == true);

  // nda-gaps (samples/README.md): redelegation and breach-notification
  // missing, return-deletion and liability weak, among the required ones.
  std::string nda_uri = e2e::SamplePath("nda-gaps");
  std::map<std::string, std::string> levels;
  for (const json& result : run["results"]) {
    const json& location = result["locations"][0]["physicalLocation"]["artifactLocation"];
    if (location["uri"] != "file://" + nda_uri && location["uri"] != nda_uri) continue;
    levels[result["ruleId"]] = result["level"];
    if (result["ruleId"] == "return-deletion") {
      CHECK(result["locations"][0]["logicalLocations"][0]["name"] == "第6条");
    }
    if (result["ruleId"] == "redelegation") {
      CHECK(std::string(result["message"]["text"]).find("該当する条項がないため、本文中の位置はない") != std::string::npos);
      CHECK_FALSE(result["locations"][0].contains("logicalLocations"));
    }
  }
  CHECK(levels["redelegation"] == "error");
  CHECK(levels["breach-notification"] == "error");
  CHECK(levels["return-deletion"] == "warning");
  CHECK(levels["liability"] == "warning");
  CHECK(levels.count("confidentiality") == 0);  // present: no result
}

TEST_CASE("an unreadable input makes the invocation unsuccessful") {
  e2e::ScratchDir dir;
  fs::path bad = dir.path() / "broken.docx";
  REQUIRE(e2e::WriteFileBytes(bad, "not a zip"));
  e2e::RunResult r =
      e2e::RunClausegap({"check", "--format", "sarif", e2e::SamplePath("nda-gaps"), bad.string()});
  json log = json::parse(r.out);
  const json& invocation = log["runs"][0]["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  CHECK(std::string(invocation["toolExecutionNotifications"][0]["message"]["text"])
            .find("broken.docx") != std::string::npos);
}

TEST_CASE("the SARIF output validates against the SARIF 2.1.0 schema") {
  std::string why;
  std::string schema = SchemaPath(&why);
  if (schema.empty()) {
    MESSAGE("skipped: no SARIF 2.1.0 schema (" << why << ")");
    return;
  }
  e2e::ScratchDir dir;
  fs::path bad = dir.path() / "broken.docx";
  REQUIRE(e2e::WriteFileBytes(bad, "PK\x03\x04 truncated"));
  std::vector<std::string> args = SampleArgs();
  args.push_back(bad.string());  // a notification must validate too
  e2e::RunResult r = e2e::RunClausegap(args, 300);
  fs::path log = dir.path() / "out.sarif";
  REQUIRE(e2e::WriteFileBytes(log, r.out));
  std::string errors;
  int status = Validate(log.string(), schema, &errors);
  if (status == 3) {
    MESSAGE("skipped: python3 jsonschema is not installed (apt-get install python3-jsonschema)");
    return;
  }
  CHECK_MESSAGE(status == 0, errors);

  // The validator must be able to fail: a result without a message is invalid.
  json broken = json::parse(r.out);
  broken["runs"][0]["results"][0].erase("message");
  REQUIRE(e2e::WriteFileBytes(log, broken.dump()));
  CHECK(Validate(log.string(), schema, &errors) == 1);
}

}  // namespace
