#include "report/html_printer.h"

#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "report/report_fixtures.h"
#include "structure/structure.h"

namespace clausegap::report {
namespace {

std::string Print(const std::vector<engine::DocumentReport>& reports,
                  FailOn fail_on = FailOn::kMissing) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kHtml, out, testing::EnglishOptions());
  CHECK(printer->NeedsText());
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, fail_on));
  return out.str();
}

int Occurrences(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// Returns the names of every element the page opens.
std::set<std::string> Tags(const std::string& html) {
  std::set<std::string> tags;
  std::regex tag("<([a-zA-Z][a-zA-Z0-9]*)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator();
       ++it) {
    tags.insert((*it)[1]);
  }
  return tags;
}

// The MixedReport with its text: one passage per evidence sentence plus
// sentences that are evidence of nothing.
engine::DocumentReport MixedWithText() {
  engine::DocumentReport doc = testing::MixedReport();
  doc.text = {
      {"", "", "業務委託契約書", 0, 0},
      {"第8条", "再委託の禁止", "乙は、甲の事前の書面による承諾を得なければ、本業務を第三者に再委託してはならない。", 12, 20},
      {"第8条", "再委託の禁止", "非該当の二文目。", 13, 20},
      {"第10条第2項", "事故時の対応", "乙は、漏えいが生じたときは、甲に報告する。", 31, 30},
      {"第12条", "", "甲は、乙に対し、報告を求めることができる。", 50, 40},
  };
  // Evidence::sentence must point at the passages above.
  doc.requirements[1].evidence[0].sentence = 31;
  doc.requirements[1].elements[0].evidence[0].sentence = 31;
  doc.requirements[3].evidence[0].sentence = 50;
  return doc;
}

TEST_CASE("the page is one self-contained document") {
  std::string html = Print({MixedWithText(), testing::CompleteReport(), testing::ErrorReport()});
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  // Every link stays inside the page.
  std::regex href("href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), href); it != std::sregex_iterator();
       ++it) {
    CHECK(std::string((*it)[1]).rfind('#', 0) == 0);
  }
  CHECK(Occurrences(html, "<script") == 1);
  CHECK(html.ends_with("</html>\n"));
}

TEST_CASE("the summary table has a row per contract and a cell per requirement") {
  std::string html = Print({MixedWithText(), testing::CompleteReport(), testing::ErrorReport()});
  CHECK(Occurrences(html, "<tr><td class=\"file\">") == 3);
  // Columns: the requirement ids in first-seen order.
  std::regex th("<th class=\"req (required|recommended)\"[^>]*>([^<]*)</th>");
  std::vector<std::string> columns;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), th); it != std::sregex_iterator();
       ++it) {
    columns.push_back((*it)[2]);
  }
  CHECK(columns == std::vector<std::string>{"redelegation", "breach-notification", "liability",
                                            "audit"});
  // Row 1: present, weak, missing, present — each cell links to its explanation.
  CHECK(html.find("<td class=\"st-weak\" data-key=\"1\" title=\"漏えい等の事故発生時の報告: weak\">"
                  "<a href=\"#d0-r1\">△</a></td>") != std::string::npos);
  CHECK(html.find("<td class=\"st-missing\" data-key=\"2\" title=\"損害賠償の範囲・責任分担: "
                  "missing\"><a href=\"#d0-r2\">✗</a></td>") != std::string::npos);
  // Two present requirements in rows 1 and 2, and row 2's gap count 0.
  CHECK(Occurrences(html, "<td class=\"st-present\" data-key=\"0\"") == 2 + 2 + 1);
  // Row 2 lacks breach-notification and liability; row 3 could not be read.
  CHECK(Occurrences(html, "title=\"not evaluated\">–</td>") == 2);
  CHECK(Occurrences(html, "title=\"could not be read\">–</td>") == 4);
  // Every anchor a cell points to exists.
  CHECK(html.find("id=\"d0-r1\"") != std::string::npos);
  CHECK(html.find("id=\"d0-r2\"") != std::string::npos);
  CHECK(html.find("id=\"d1-r0\"") != std::string::npos);
}

TEST_CASE("each gap is explained with reasons, evidence and the suggested clause") {
  std::string html = Print({MixedWithText()});
  std::size_t weak = html.find("<div class=\"gap weak\" id=\"d0-r1\">");
  REQUIRE(weak != std::string::npos);
  std::size_t missing = html.find("<div class=\"gap missing\" id=\"d0-r2\">");
  REQUIRE(missing != std::string::npos);
  std::string weak_part = html.substr(weak, missing - weak);
  CHECK(weak_part.find("<li>報告義務に期限（直ちに、速やかに等）がない。</li>") != std::string::npos);
  CHECK(weak_part.find("Not found (essential): <code>timeliness</code>") != std::string::npos);
  CHECK(weak_part.find("<a href=\"#d0-s31\">第10条第2項（事故時の対応）</a>") != std::string::npos);
  CHECK(weak_part.find("直ちに甲に報告し、<br>甲の指示に従うものとする。") != std::string::npos);
  std::string missing_part = html.substr(missing, html.find("<h3>", missing) - missing);
  CHECK(missing_part.find("No clause was found, so there is no place in the text to show.") !=
        std::string::npos);
  CHECK(missing_part.find("<blockquote") == std::string::npos);
  CHECK(html.find("<span class=\"verdict fail\">Gate: fails the gate (--fail-on missing)</span> 2 "
                  "present, 1 weak, 1 missing") != std::string::npos);
  CHECK(Print({testing::CompleteReport()}).find("<span class=\"verdict pass\">Gate: passes the gate") !=
        std::string::npos);
  CHECK(Print({testing::CompleteReport()}).find("SHOULD-NOT-APPEAR") == std::string::npos);
}

TEST_CASE("the contract text is shown with the evidence highlighted") {
  std::string html = Print({MixedWithText()});
  std::size_t text = html.find("<h3>Contract text</h3>");
  REQUIRE(text != std::string::npos);
  std::string body = html.substr(text);
  CHECK(body.find("<mark class=\"ev ev-weak\" id=\"d0-s31\" title=\"breach-notification\">"
                  "乙は、漏えいが生じたときは、甲に報告する。") != std::string::npos);
  CHECK(body.find("<mark class=\"ev ev-present\" id=\"d0-s12\" title=\"redelegation\">") !=
        std::string::npos);
  CHECK(body.find("<mark class=\"ev ev-present\" id=\"d0-s50\" title=\"audit\">") !=
        std::string::npos);
  CHECK(body.find("<span id=\"d0-s13\">非該当の二文目。</span>") != std::string::npos);
  CHECK(Occurrences(body, "<mark") == 3);
  // One paragraph per block, labelled by its first sentence, heading once.
  CHECK(body.find("<p><span class=\"lbl\">第8条（再委託の禁止）</span><span class=\"body\">") !=
        std::string::npos);
  CHECK(Occurrences(body, "<p>") == 4);
}

TEST_CASE("a report without text says so and still quotes the evidence") {
  std::string html = Print({testing::MixedReport()});
  CHECK(html.find("The contract&#39;s text is not part of this report") != std::string::npos);
  CHECK(html.find("<b>第10条第2項（事故時の対応）</b>「乙は、漏えいが生じたときは、甲に報告する。」") !=
        std::string::npos);
}

TEST_CASE("contract text with markup stays inert") {
  engine::DocumentReport doc = MixedWithText();
  doc.file = "<img src=x onerror=alert(1)>.docx";
  doc.title = "<script>alert(1)</script>";
  doc.text[2].text = "\"onload=\"alert(2)\" '<b>x</b>' & <iframe>";
  doc.requirements[1].evidence[0].text = "</blockquote><script>alert(3)</script>";
  doc.requirements[1].reasons = {"<style>body{display:none}</style>"};
  doc.requirements[2].id = "x\"><svg onload=alert(4)>";
  std::string html = Print({doc});
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<iframe") == std::string::npos);
  CHECK(html.find("<svg") == std::string::npos);
  CHECK(html.find("\"onload=") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;.docx") != std::string::npos);
  CHECK(html.find("&quot;onload=&quot;alert(2)&quot; &#39;&lt;b&gt;x&lt;/b&gt;&#39; &amp; "
                  "&lt;iframe&gt;") != std::string::npos);
  CHECK(html.find("x&quot;&gt;&lt;svg onload=alert(4)&gt;") != std::string::npos);
  CHECK(Occurrences(html, "<script") == 1);
  CHECK(Occurrences(html, "<style") == 1);
  // Only the page's own elements appear.
  std::set<std::string> allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2",
                                   "h3", "h4", "p", "div", "span", "table", "thead", "tbody",
                                   "tr", "th", "td", "a", "ul", "li", "code", "blockquote", "b",
                                   "br", "mark", "section", "script"};
  for (const std::string& tag : Tags(html)) CHECK_MESSAGE(allowed.count(tag) == 1, tag);
}

TEST_CASE("HtmlEscape escapes the five characters and repairs bad bytes") {
  CHECK(HtmlEscape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  CHECK(HtmlEscape("第5条") == "第5条");
  CHECK(HtmlEscape("x\xFF\x01y") == "x\xEF\xBF\xBD\xEF\xBF\xBDy");
  CHECK(HtmlEscape("\xE0\x80\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
}

TEST_CASE("an unreadable contract shows its error") {
  std::string html = Print({testing::ErrorReport()});
  CHECK(html.find("<span class=\"verdict error\">could not be read (legacy-doc)</span>") !=
        std::string::npos);
  CHECK(html.find("old.doc: a Word 97-2003 .doc file, not .docx") != std::string::npos);
  CHECK(html.find("0 failing --fail-on missing, 1 unreadable") != std::string::npos);
}

TEST_CASE("ContractText gives every sentence with its label, heading and block") {
  model::Document document;
  document.file = "t.docx";
  for (const char* text : {"業務委託契約書", "第1条（目的）", "本契約は、委託について定める。二文目である。",
                           "第2条（再委託）", "乙は、再委託してはならない。"}) {
    model::Block b;
    b.part = "word/document.xml";
    b.index = static_cast<int>(document.blocks.size());
    b.text = text;
    document.blocks.push_back(std::move(b));
  }
  structure::Structure s = structure::Analyze(document);
  std::vector<engine::Passage> text = ContractText(s);
  REQUIRE(text.size() == s.sentences.size());
  const engine::Passage* second = nullptr;
  const engine::Passage* redelegation = nullptr;
  for (const engine::Passage& p : text) {
    if (p.text == "二文目である。") second = &p;
    if (p.text == "乙は、再委託してはならない。") redelegation = &p;
  }
  REQUIRE(second != nullptr);
  CHECK(second->label == "第1条");
  CHECK(second->heading == "目的");
  CHECK(second->block == 2);
  CHECK(s.sentences[second->sentence].text == "二文目である。");
  REQUIRE(redelegation != nullptr);
  CHECK(redelegation->label == "第2条");
  CHECK(redelegation->heading == "再委託");
  CHECK(redelegation->block == 4);
}

}  // namespace
}  // namespace clausegap::report

namespace clausegap::report {
namespace {

TEST_CASE("a waived gap is marked and not counted") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.requirements[2].waived = true;
  doc.requirements[2].waiver_reason = "<b>承認</b>";
  std::string html = Print({doc});
  CHECK(html.find("<td class=\"st-missing waived\" data-key=\"2\" title=\"損害賠償の範囲・責任分担: "
                  "missing (waived)\">") != std::string::npos);
  CHECK(html.find("data-key=\"1\">1</td>") != std::string::npos);  // only breach-notification counts
  CHECK(html.find("<p class=\"note\">Accepted by a waiver: &lt;b&gt;承認&lt;/b&gt;</p>") !=
        std::string::npos);
}

}  // namespace
}  // namespace clausegap::report
