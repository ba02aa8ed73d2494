// End to end: `clausegap check --format html` writes one self-contained page
// with the contract's text, and a contract holding markup stays inert.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;
namespace fs = std::filesystem;

int Occurrences(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

TEST_CASE("check --format html: one page, summary table, text with evidence") {
  std::string nda = e2e::SamplePath("nda-gaps");
  std::string itaku = e2e::SamplePath("itaku-callcenter");
  e2e::RunResult r = e2e::RunClausegap({"check", "--format", "html", itaku, nda});
  CHECK(r.exit_code == 1);
  const std::string& html = r.out;
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(Occurrences(html, "<tr><td class=\"file\">") == 2);
  CHECK(Occurrences(html, "<th class=\"req ") == 15);
  CHECK(Occurrences(html, "<section id=\"d") == 2);
  // The contract's text is there, with nda-gaps' 第6条 highlighted as weak.
  CHECK(Occurrences(html, "<h3>契約書本文</h3>") == 2);
  CHECK(html.find("<mark class=\"ev ev-weak\"") != std::string::npos);
  CHECK(html.find("受領者は、開示者から請求があったときは、開示者の指示に従い") != std::string::npos);
  CHECK(html.find("The contract's text is not part of this report") == std::string::npos);
}

TEST_CASE("a contract containing markup is shown as text") {
  e2e::ScratchDir dir;
  fs::path docx = dir.path() / "markup.docx";
  e2e::DeflatedEntry document;
  document.name = "word/document.xml";
  document.data = e2e::MinimalDocumentXml(
      {"&lt;script&gt;alert(1)&lt;/script&gt;秘密保持契約書",
       "第1条（再委託&lt;img src=x onerror=alert(2)&gt;）",
       "乙は、本業務を第三者に再委託してはならない。\"onload=\"alert(3)\" &amp;amp;"});
  REQUIRE(e2e::WriteDeflatedPackage(docx, document));
  e2e::RunResult r = e2e::RunClausegap({"check", "--format", "html", docx.string()});
  REQUIRE(r.exit_code <= 1);
  const std::string& html = r.out;
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("\"onload=") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(html.find("&quot;onload=&quot;alert(3)&quot; &amp;amp;") != std::string::npos);
  CHECK(Occurrences(html, "<script") == 1);  // the page's own
}

}  // namespace
