#include "report/json_printer.h"

#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

using json = nlohmann::ordered_json;  // keeps key order, to check it

// Runs a JsonPrinter over |reports| and parses what it wrote.
json PrintAndParse(const std::vector<engine::DocumentReport>& reports,
                   FailOn fail_on = FailOn::kMissing, std::string* raw = nullptr) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kJson, out, testing::EnglishOptions(true));
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, fail_on));
  if (raw != nullptr) *raw = out.str();
  return json::parse(out.str());
}

std::vector<std::string> Keys(const json& object) {
  std::vector<std::string> keys;
  for (auto it = object.begin(); it != object.end(); ++it) keys.push_back(it.key());
  return keys;
}

TEST_CASE("the report object carries the schema, documents and summary") {
  std::string raw;
  json report = PrintAndParse({testing::MixedReport()}, FailOn::kMissing, &raw);
  CHECK(report["schema"] == "clausegap/report/v1");
  REQUIRE(report["documents"].is_array());
  CHECK(report["documents"].size() == 1);
  CHECK(report.contains("summary"));
  // Keys appear in contract order, and the JSON ends with one newline.
  CHECK(raw.rfind("{\"schema\":\"clausegap/report/v1\",\"run\":{\"tool\":\"clausegap\",", 0) == 0);
  CHECK(raw.find("},\"documents\":[") != std::string::npos);
  CHECK(raw.back() == '\n');
  // Japanese is written as UTF-8, not \u escapes.
  CHECK(raw.find("再委託の禁止・制限") != std::string::npos);
  // Colour never applies to JSON.
  CHECK(raw.find('\x1b') == std::string::npos);
}

TEST_CASE("a document has every contract field, in order") {
  json doc = PrintAndParse({testing::MixedReport()})["documents"][0];
  CHECK(Keys(doc) == std::vector<std::string>{"file", "status", "error", "error_code", "title",
                                              "sha256", "size", "kind", "kind_text", "kind_covered",
                                              "parties", "client", "vendor", "gate", "gate_text",
                                              "requirements"});
  CHECK(doc["file"] == "samples/業務委託.docx");
  CHECK(doc["status"] == "ok");
  CHECK(doc["error"].is_null());
  CHECK(doc["error_code"].is_null());
  CHECK(doc["title"] == "業務委託契約書");
  REQUIRE(doc["requirements"].size() == 4);

  const json& present = doc["requirements"][0];
  CHECK(Keys(present) == std::vector<std::string>{"id", "title", "severity", "status", "reasons",
                                                  "elements", "evidence", "suggestion",
                                                  "pending_revisions", "waived", "waiver_reason",
                                                  "status_text", "severity_text", "reasons_text",
                                                  "message", "bound"});
  CHECK(present["waived"] == false);
  CHECK(present["waiver_reason"].is_null());
  CHECK(present["id"] == "redelegation");
  CHECK(present["title"] == "再委託の禁止・制限");
  CHECK(present["severity"] == "required");
  CHECK(present["status"] == "present");
  CHECK(present["reasons"] == json::array());
  CHECK(present["suggestion"].is_null());
  CHECK(present["pending_revisions"] == json::array());
  REQUIRE(present["elements"].size() == 1);
  const json& element = present["elements"][0];
  CHECK(Keys(element) ==
        std::vector<std::string>{"id", "found", "essential", "description", "evidence"});
  CHECK(element["id"] == "prior-consent");
  CHECK(element["found"] == true);
  CHECK(element["essential"] == true);
  CHECK(element["description"] == "事前の承諾なく再委託しない");
  REQUIRE(element["evidence"].size() == 1);
  CHECK(element["evidence"][0]["label"] == "第8条");
  REQUIRE(present["evidence"].size() == 1);
  const json& evidence = present["evidence"][0];
  CHECK(Keys(evidence) == std::vector<std::string>{"label", "label_as_written", "heading", "text"});
  CHECK(evidence["label"] == "第8条");
  CHECK(evidence["label_as_written"] == "第8条");  // no written form given: the label
  CHECK(evidence["heading"] == "再委託の禁止");
  CHECK(evidence["text"] ==
        "乙は、甲の事前の書面による承諾を得なければ、本業務を第三者に再委託してはならない。");
}

TEST_CASE("weak and missing requirements carry reasons, unfound elements and a suggestion") {
  json reqs = PrintAndParse({testing::MixedReport()})["documents"][0]["requirements"];
  const json& weak = reqs[1];
  CHECK(weak["id"] == "breach-notification");
  CHECK(weak["status"] == "weak");
  CHECK(weak["reasons"] == json::array({"報告義務に期限（直ちに、速やかに等）がない。"}));
  REQUIRE(weak["elements"].size() == 2);
  CHECK(weak["elements"][1]["id"] == "timeliness");
  CHECK(weak["elements"][1]["found"] == false);
  CHECK(weak["elements"][1]["evidence"] == json::array());
  CHECK(weak["evidence"][0]["label"] == "第10条第2項");
  CHECK(weak["suggestion"] ==
        "乙は、秘密情報の漏えい等の事故が発生したときは、直ちに甲に報告し、\n甲の指示に従うものとする。");

  const json& missing = reqs[2];
  CHECK(missing["status"] == "missing");
  CHECK(missing["severity"] == "required");
  CHECK(missing["evidence"] == json::array());
  CHECK(missing["suggestion"].is_string());

  const json& audit = reqs[3];
  CHECK(audit["severity"] == "recommended");
  CHECK(audit["evidence"][0]["heading"] == "");
  REQUIRE(audit["pending_revisions"].size() == 1);
  const json& rev = audit["pending_revisions"][0];
  CHECK(Keys(rev) ==
        std::vector<std::string>{"kind", "author", "date", "label", "label_as_written", "text", "message"});
  CHECK(rev["kind"] == "deletion");
  CHECK(rev["author"] == "山田");
  CHECK(rev["date"] == "2024-05-01T10:00:00Z");
  CHECK(rev["label"] == "第12条");
  CHECK(rev["text"] == "甲は、乙に対し、報告を求めることができる。");
  CHECK(rev["message"] == "第12条 is deleted in a pending revision by 山田");
}

TEST_CASE("an unreadable document has status error, a message and a code") {
  json doc = PrintAndParse({testing::ErrorReport()})["documents"][0];
  CHECK(doc["file"] == "old.doc");
  CHECK(doc["status"] == "error");
  CHECK(doc["error"] == "old.doc: a Word 97-2003 .doc file, not .docx");
  CHECK(doc["error_code"] == "legacy-doc");
  CHECK(doc["title"] == "");
  CHECK(doc["requirements"] == json::array());
}

TEST_CASE("the summary object counts per requirement and names the gate level") {
  json summary = PrintAndParse({testing::MixedReport(), testing::CompleteReport(),
                                testing::ErrorReport()},
                               FailOn::kWeak)["summary"];
  CHECK(Keys(summary) ==
        std::vector<std::string>{"documents", "errors", "failed", "fail_on", "warnings", "max_warnings", "waived", "skipped", "litter", "requirements"});
  CHECK(summary["documents"] == 3);
  CHECK(summary["errors"] == 1);
  CHECK(summary["failed"] == 1);
  CHECK(summary["fail_on"] == "weak");
  CHECK(summary["requirements"]["redelegation"] ==
        json({{"present", 2}, {"weak", 0}, {"missing", 0}}));
  CHECK(summary["requirements"]["liability"] ==
        json({{"present", 0}, {"weak", 0}, {"missing", 1}}));
  CHECK(summary["requirements"]["audit"] == json({{"present", 2}, {"weak", 0}, {"missing", 0}}));
  CHECK(Keys(summary["requirements"]) ==
        std::vector<std::string>{"redelegation", "breach-notification", "liability", "audit"});
}

TEST_CASE("no documents still gives a valid report") {
  json report = PrintAndParse({});
  CHECK(report["documents"] == json::array());
  CHECK(report["summary"]["documents"] == 0);
  CHECK(report["summary"]["requirements"] == json::object());
}

TEST_CASE("invalid UTF-8 in document text is replaced, not thrown") {
  engine::DocumentReport doc = testing::CompleteReport();
  doc.requirements[0].evidence[0].text = "bad \xff\xfe byte";
  json report = PrintAndParse({doc});
  CHECK(report["documents"][0]["requirements"][0]["evidence"][0]["text"] ==
        "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
}

TEST_CASE("ParseFormat knows text and json and lists them on error") {
  CHECK(ParseFormat("text").value() == Format::kText);
  CHECK(ParseFormat("json").value() == Format::kJson);
  auto bad = ParseFormat("yaml");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == ErrorCode::kUsage);
  CHECK(bad.error().message == "--format: unknown format 'yaml' (valid: text, json, jsonl, csv, sarif, github, junit, html)");
  for (Format f : AllFormats()) CHECK(ParseFormat(FormatName(f)).value() == f);
}

}  // namespace
}  // namespace clausegap::report
