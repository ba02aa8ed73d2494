// End to end: `clausegap check --format junit` gives JUnit XML that a
// standard XML parser (python3's ElementTree) reads back with the expected
// suites, cases and failures.
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

// Parses the JUnit file at |path| with ElementTree and returns its shape as
// JSON: {"tests", "failures", "errors", "suites": [{"name", "tests",
// "failures", "errors", "cases": [{"name", "failure": type | null,
// "error": type | null}]}]}.
json Shape(const fs::path& path) {
  static const char kScript[] =
      "import json, sys, xml.etree.ElementTree as ET\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "def case(c):\n"
      "    f, e = c.find('failure'), c.find('error')\n"
      "    return {'name': c.get('name'), 'classname': c.get('classname'),\n"
      "            'failure': None if f is None else f.get('type'),\n"
      "            'error': None if e is None else e.get('type')}\n"
      "out = {'tag': root.tag, 'tests': int(root.get('tests')), 'failures': int(root.get('failures')),\n"
      "       'errors': int(root.get('errors')), 'suites': [\n"
      "  {'name': s.get('name'), 'tests': int(s.get('tests')), 'failures': int(s.get('failures')),\n"
      "   'errors': int(s.get('errors')), 'cases': [case(c) for c in s.findall('testcase')]}\n"
      "  for s in root.findall('testsuite')]}\n"
      "print(json.dumps(out, ensure_ascii=False))\n";
  e2e::RunResult r = e2e::RunCommand({"python3", "-c", kScript, path.string()});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  return json::parse(r.out);
}

TEST_CASE("check --format junit: a suite per contract, a case per requirement") {
  e2e::ScratchDir dir;
  fs::path bad = dir.path() / "old.docx";
  REQUIRE(e2e::WriteFileBytes(bad, "plain text, not a package"));
  std::string nda = e2e::SamplePath("nda-gaps");
  std::string itaku = e2e::SamplePath("itaku-callcenter");
  e2e::RunResult r =
      e2e::RunClausegap({"check", "--format", "junit", itaku, nda, bad.string()});
  CHECK(r.exit_code != 0);
  fs::path xml = dir.path() / "out.xml";
  REQUIRE(e2e::WriteFileBytes(xml, r.out));
  json shape = Shape(xml);
  CHECK(shape["tag"] == "testsuites");
  REQUIRE(shape["suites"].size() == 3);

  const json& good = shape["suites"][0];
  CHECK(good["name"] == itaku);
  CHECK(good["tests"] == 15);
  CHECK(good["failures"] == 0);
  CHECK(good["cases"].size() == 15);
  CHECK(good["cases"][0]["classname"] == itaku);
  CHECK(good["cases"][0]["name"] == "redelegation: 再委託の禁止・制限");

  const json& gaps = shape["suites"][1];
  CHECK(gaps["tests"] == 15);
  CHECK(gaps["failures"] == 4);  // the four required requirements of nda-gaps
  std::map<std::string, std::string> failures;
  for (const json& c : gaps["cases"]) {
    if (!c["failure"].is_null()) failures[c["name"]] = c["failure"];
  }
  CHECK(failures["redelegation: 再委託の禁止・制限"] == "missing");
  CHECK(failures["breach-notification: 漏えい等の事故発生時の報告"] == "missing");
  CHECK(failures["return-deletion: 契約終了時の返還・廃棄・消去"] == "weak");
  CHECK(failures["liability: 損害賠償の範囲・責任分担"] == "weak");

  const json& unreadable = shape["suites"][2];
  CHECK(unreadable["errors"] == 1);
  REQUIRE(unreadable["cases"].size() == 1);
  CHECK(unreadable["cases"][0]["name"] == "read");
  CHECK(unreadable["cases"][0]["error"].is_string());

  CHECK(shape["tests"] == 31);
  CHECK(shape["failures"] == 4);
  CHECK(shape["errors"] == 1);
}

}  // namespace
