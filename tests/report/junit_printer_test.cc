#include "report/junit_printer.h"

#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

// Prints |reports| as JUnit and parses the XML back; fails the test when it
// is not well-formed.
std::string Print(const std::vector<engine::DocumentReport>& reports, pugi::xml_document* doc) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kJunit, out, testing::EnglishOptions());
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, FailOn::kMissing));
  pugi::xml_parse_result parsed = doc->load_string(out.str().c_str());
  REQUIRE_MESSAGE(parsed, parsed.description());
  return out.str();
}

int Count(pugi::xml_node node, const char* name) {
  int n = 0;
  for (pugi::xml_node child : node.children(name)) {
    (void)child;
    ++n;
  }
  return n;
}

TEST_CASE("a suite per contract, a test case per requirement, a failure per required gap") {
  pugi::xml_document doc;
  std::string raw = Print({testing::MixedReport(), testing::CompleteReport()}, &doc);
  CHECK(raw.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites", 0) == 0);
  pugi::xml_node root = doc.child("testsuites");
  REQUIRE(root);
  CHECK(std::string(root.attribute("name").value()) == "clausegap");
  CHECK(root.attribute("tests").as_int() == 6);
  CHECK(root.attribute("failures").as_int() == 2);
  CHECK(root.attribute("errors").as_int() == 0);
  REQUIRE(Count(root, "testsuite") == 2);

  pugi::xml_node suite = root.child("testsuite");
  CHECK(std::string(suite.attribute("name").value()) == "samples/業務委託.docx");
  CHECK(suite.attribute("tests").as_int() == 4);
  CHECK(suite.attribute("failures").as_int() == 2);
  CHECK(suite.attribute("errors").as_int() == 0);
  CHECK(suite.attribute("skipped").as_int() == 0);
  CHECK(std::string(suite.child("properties").find_child_by_attribute("property", "name", "title")
                        .attribute("value").value()) == "業務委託契約書");
  CHECK(std::string(suite.child("properties").find_child_by_attribute("property", "name", "fail-on")
                        .attribute("value").value()) == "missing");
  REQUIRE(Count(suite, "testcase") == 4);

  pugi::xml_node present = suite.child("testcase");
  CHECK(std::string(present.attribute("classname").value()) == "samples/業務委託.docx");
  CHECK(std::string(present.attribute("name").value()) == "redelegation: 再委託の禁止・制限");
  CHECK_FALSE(present.child("failure"));

  pugi::xml_node weak = present.next_sibling("testcase");
  pugi::xml_node failure = weak.child("failure");
  REQUIRE(failure);
  CHECK(std::string(failure.attribute("type").value()) == "weak");
  CHECK(std::string(failure.attribute("message").value()) ==
        "漏えい等の事故発生時の報告 (breach-notification): weak");
  std::string details = failure.text().get();
  CHECK(details.find("Reason: 報告義務に期限（直ちに、速やかに等）がない。\n") != std::string::npos);
  CHECK(details.find("Not found (essential): timeliness — 直ちに・速やかに等の期限\n") !=
        std::string::npos);
  CHECK(details.find("Evidence: 第10条第2項（事故時の対応） 「乙は、漏えいが生じたときは、甲に報告する。」") !=
        std::string::npos);
  CHECK(details.find("Suggested clause:\n乙は、秘密情報の漏えい等の事故が発生したときは、直ちに甲に報告し、\n甲の指示に従うものとする。") !=
        std::string::npos);

  pugi::xml_node missing = weak.next_sibling("testcase");
  CHECK(std::string(missing.child("failure").attribute("type").value()) == "missing");
  CHECK(std::string(missing.child("failure").text().get())
            .find("No clause was found, so there is no place in the text to show.") != std::string::npos);

  // A present recommended requirement with findings passes, with a note.
  pugi::xml_node audit = missing.next_sibling("testcase");
  CHECK_FALSE(audit.child("failure"));
  std::string note = audit.child("system-out").text().get();
  CHECK(note.find("Not found (recommended): on-site — 立入検査") != std::string::npos);
  CHECK(note.find("Pending revision: 第12条 is deleted in a pending revision by 山田") !=
        std::string::npos);

  // The suggestion of a present requirement is never shown.
  CHECK(raw.find("SHOULD-NOT-APPEAR") == std::string::npos);
}

TEST_CASE("a recommended gap passes with its details in system-out") {
  engine::DocumentReport doc = testing::CompleteReport();
  doc.requirements[1].status = engine::Status::kMissing;
  doc.requirements[1].reasons = {"監査の条項がない。"};
  pugi::xml_document xml;
  Print({doc}, &xml);
  pugi::xml_node suite = xml.child("testsuites").child("testsuite");
  CHECK(suite.attribute("failures").as_int() == 0);
  pugi::xml_node audit = suite.find_child_by_attribute("testcase", "name", "audit: 監査");
  REQUIRE(audit);
  CHECK_FALSE(audit.child("failure"));
  CHECK(std::string(audit.child("system-out").text().get())
            .rfind("Recommended requirement is missing.\nReason: 監査の条項がない。", 0) == 0);
}

TEST_CASE("an unreadable input is a suite with one error") {
  pugi::xml_document doc;
  Print({testing::ErrorReport()}, &doc);
  pugi::xml_node root = doc.child("testsuites");
  CHECK(root.attribute("tests").as_int() == 1);
  CHECK(root.attribute("errors").as_int() == 1);
  pugi::xml_node suite = root.child("testsuite");
  CHECK(suite.attribute("errors").as_int() == 1);
  pugi::xml_node testcase = suite.child("testcase");
  CHECK(std::string(testcase.attribute("name").value()) == "read");
  pugi::xml_node error = testcase.child("error");
  CHECK(std::string(error.attribute("type").value()) == "legacy-doc");
  CHECK(std::string(error.attribute("message").value()) ==
        "old.doc: a Word 97-2003 .doc file, not .docx");
}

TEST_CASE("markup, quotes and control characters in contract text stay text") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.file = "a&b\"<c>.docx";
  doc.requirements[1].reasons = {"</failure><injected/> ]]> 'q' \x01\x1b bad \xFF"};
  pugi::xml_document xml;
  std::string raw = Print({doc}, &xml);
  pugi::xml_node suite = xml.child("testsuites").child("testsuite");
  CHECK(std::string(suite.attribute("name").value()) == "a&b\"<c>.docx");
  CHECK(raw.find("<injected") == std::string::npos);
  std::string details = suite.find_child_by_attribute("testcase", "name",
                                                      "breach-notification: 漏えい等の事故発生時の報告")
                            .child("failure").text().get();
  CHECK(details.find("Reason: </failure><injected/> ]]> 'q' \xEF\xBF\xBD\xEF\xBF\xBD bad \xEF\xBF\xBD\n") !=
        std::string::npos);
  CHECK(raw.find('\x01') == std::string::npos);
  CHECK(raw.find('\x1b') == std::string::npos);
}

}  // namespace
}  // namespace clausegap::report

namespace clausegap::report {
namespace {

TEST_CASE("a waived required gap is skipped, not failed") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.requirements[2].waived = true;
  doc.requirements[2].waiver_reason = "承認済み";
  pugi::xml_document xml;
  Print({doc}, &xml);
  pugi::xml_node root = xml.child("testsuites");
  CHECK(root.attribute("failures").as_int() == 1);
  CHECK(root.attribute("skipped").as_int() == 1);
  pugi::xml_node suite = root.child("testsuite");
  CHECK(suite.attribute("skipped").as_int() == 1);
  pugi::xml_node liability =
      suite.find_child_by_attribute("testcase", "name", "liability: 損害賠償の範囲・責任分担");
  CHECK_FALSE(liability.child("failure"));
  CHECK(std::string(liability.child("skipped").attribute("message").value()) == "waived: 承認済み");
  CHECK(std::string(liability.child("system-out").text().get()).find("損害賠償の条項が見当たらない。") !=
        std::string::npos);
}

}  // namespace
}  // namespace clausegap::report
