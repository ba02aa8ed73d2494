#include "report/sarif_printer.h"

#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

using json = nlohmann::json;

json PrintAndParse(const std::vector<engine::DocumentReport>& reports, std::string* raw = nullptr) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kSarif, out, testing::EnglishOptions());
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, FailOn::kMissing));
  if (raw != nullptr) *raw = out.str();
  return json::parse(out.str());
}

TEST_CASE("a SARIF 2.1.0 log with one run naming the tool and every requirement as a rule") {
  std::string raw;
  json log = PrintAndParse({testing::MixedReport()}, &raw);
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"] == kSarifSchemaUri);
  REQUIRE(log["runs"].size() == 1);
  const json& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "clausegap");
  CHECK(driver["version"].is_string());
  CHECK_FALSE(driver.contains("informationUri"));
  REQUIRE(driver["rules"].size() == 4);
  CHECK(driver["rules"][0]["id"] == "redelegation");
  CHECK(driver["rules"][0]["shortDescription"]["text"] == "再委託の禁止・制限");
  CHECK(driver["rules"][0]["defaultConfiguration"]["level"] == "error");
  CHECK(driver["rules"][3]["id"] == "audit");
  CHECK(driver["rules"][3]["defaultConfiguration"]["level"] == "warning");
  CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
  CHECK_FALSE(log["runs"][0]["invocations"][0].contains("toolExecutionNotifications"));
  CHECK(raw.back() == '\n');
}

TEST_CASE("one result per gap with the rule, level, message and locations") {
  json results = PrintAndParse({testing::MixedReport()})["runs"][0]["results"];
  // Present requirements (redelegation, audit) give no result.
  REQUIRE(results.size() == 2);

  const json& weak = results[0];
  CHECK(weak["ruleId"] == "breach-notification");
  CHECK(weak["ruleIndex"] == 1);
  CHECK(weak["level"] == "warning");
  std::string text = weak["message"]["text"];
  CHECK(text.rfind("漏えい等の事故発生時の報告 (breach-notification) is weak at 第10条第2項.", 0) == 0);
  CHECK(text.find("報告義務に期限（直ちに、速やかに等）がない。") != std::string::npos);
  CHECK(text.find("Suggested clause: 乙は、秘密情報の漏えい等") != std::string::npos);
  REQUIRE(weak["locations"].size() == 1);
  CHECK(weak["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "samples/%E6%A5%AD%E5%8B%99%E5%A7%94%E8%A8%97.docx");
  const json& logical = weak["locations"][0]["logicalLocations"];
  REQUIRE(logical.size() == 1);
  CHECK(logical[0]["name"] == "第10条第2項");
  CHECK(logical[0]["fullyQualifiedName"] == "第10条第2項（事故時の対応）");
  CHECK(logical[0]["kind"] == "namespace");
  CHECK(weak["properties"]["status"] == "weak");
  CHECK(weak["properties"]["severity"] == "required");

  const json& missing = results[1];
  CHECK(missing["ruleId"] == "liability");
  CHECK(missing["ruleIndex"] == 2);
  CHECK(missing["level"] == "error");
  std::string missing_text = missing["message"]["text"];
  CHECK(missing_text.find("is missing: no clause was found, so there is no text location.") !=
        std::string::npos);
  CHECK(missing_text.find("損害賠償の条項が見当たらない。") != std::string::npos);
  REQUIRE(missing["locations"].size() == 1);
  CHECK(missing["locations"][0].contains("physicalLocation"));
  CHECK_FALSE(missing["locations"][0].contains("logicalLocations"));
}

TEST_CASE("levels follow severity and status") {
  using engine::Severity;
  using engine::Status;
  CHECK(std::string(SarifLevel(Severity::kRequired, Status::kMissing)) == "error");
  CHECK(std::string(SarifLevel(Severity::kRequired, Status::kWeak)) == "warning");
  CHECK(std::string(SarifLevel(Severity::kRecommended, Status::kMissing)) == "warning");
  CHECK(std::string(SarifLevel(Severity::kRecommended, Status::kWeak)) == "note");
  CHECK(std::string(SarifLevel(Severity::kRequired, Status::kPresent)) == "none");
}

TEST_CASE("one location per distinct article label") {
  engine::DocumentReport doc = testing::CompleteReport();
  auto& r = doc.requirements[0];
  r.status = engine::Status::kWeak;
  r.evidence.push_back({"第3条", "再委託", "二文目。", 7, 6});
  r.evidence.push_back({"", "", "前文の文。", 1, 0});
  json results = PrintAndParse({doc})["runs"][0]["results"];
  REQUIRE(results.size() == 1);
  REQUIRE(results[0]["locations"].size() == 2);
  CHECK(results[0]["locations"][0]["logicalLocations"][0]["name"] == "第3条");
  CHECK(results[0]["locations"][1]["logicalLocations"][0]["name"] == "(outside articles)");
  CHECK(std::string(results[0]["message"]["text"]).find("weak at 第3条, text outside articles.") !=
        std::string::npos);
}

TEST_CASE("an unreadable input is a tool execution notification") {
  json run = PrintAndParse({testing::MixedReport(), testing::ErrorReport()})["runs"][0];
  const json& invocation = run["invocations"][0];
  CHECK(invocation["executionSuccessful"] == false);
  REQUIRE(invocation["toolExecutionNotifications"].size() == 1);
  const json& n = invocation["toolExecutionNotifications"][0];
  CHECK(n["level"] == "error");
  CHECK(n["message"]["text"] == "old.doc: a Word 97-2003 .doc file, not .docx");
  CHECK(n["descriptor"]["id"] == "legacy-doc");
  CHECK(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "old.doc");
  CHECK(run["results"].size() == 2);  // the readable document's gaps are still there
}

TEST_CASE("an empty run is still a valid log") {
  json log = PrintAndParse({});
  CHECK(log["runs"][0]["results"] == json::array());
  CHECK(log["runs"][0]["tool"]["driver"]["rules"] == json::array());
  CHECK(log["runs"][0]["invocations"][0]["executionSuccessful"] == true);
}

TEST_CASE("file names become safe URI references") {
  CHECK(ArtifactUri("samples/nda.docx") == "samples/nda.docx");
  CHECK(ArtifactUri("a.zip!x.docx") == "a.zip%21x.docx");
  CHECK(ArtifactUri("/tmp/a b.docx") == "file:///tmp/a%20b.docx");
  CHECK(ArtifactUri("c:x.docx") == "c%3Ax.docx");  // not a scheme
  CHECK(ArtifactUri("50%#?.docx") == "50%25%23%3F.docx");
  CHECK(ArtifactUri("契約.docx") == "%E5%A5%91%E7%B4%84.docx");
  CHECK(ArtifactUri("dir\\x.docx") == "dir%5Cx.docx");
}

TEST_CASE("invalid UTF-8 in document text is replaced, the log stays JSON") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.requirements[1].reasons.push_back("bad \xC3\x28 byte");
  std::string raw;
  json log = PrintAndParse({doc}, &raw);
  std::string text = log["runs"][0]["results"][0]["message"]["text"];
  CHECK(text.find("bad \xEF\xBF\xBD( byte") != std::string::npos);
}

}  // namespace
}  // namespace clausegap::report

namespace clausegap::report {
namespace {

TEST_CASE("a waived gap is a suppressed result") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.requirements[2].waived = true;
  doc.requirements[2].waiver_reason = "法務部承認済み";
  json results = PrintAndParse({doc})["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  CHECK_FALSE(results[0].contains("suppressions"));
  REQUIRE(results[1]["suppressions"].size() == 1);
  CHECK(results[1]["suppressions"][0]["kind"] == "external");
  CHECK(results[1]["suppressions"][0]["status"] == "accepted");
  CHECK(results[1]["suppressions"][0]["justification"] == "法務部承認済み");
}

}  // namespace
}  // namespace clausegap::report
