// Citations in the document's own numerals: every format people read shows
// Evidence::written_label (第十二条第２項); machine fields keep the canonical
// label (第12条第2項) and add "label_as_written".
#include <sstream>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/report_fixtures.h"
#include "report/summary.h"

namespace clausegap::report {
namespace {

using json = nlohmann::json;

std::string Print(Format format, const engine::DocumentReport& doc, i18n::Lang lang = i18n::Lang::kJa) {
  std::ostringstream out;
  PrinterOptions options;
  options.lang = lang;
  options.requirement_ids = {"breach-notification"};  // the CSV's columns
  auto printer = MakePrinter(format, out, options);
  printer->Begin();
  printer->Document(doc);
  printer->End(Summarize({doc}, FailOn::kWeak));
  return out.str();
}

bool Contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// A weak requirement cited at 第十二条第２項 and a pending deletion of 第八条,
// in a contract that writes its numbers in kanji and full-width digits.
engine::DocumentReport KanjiReport() {
  engine::DocumentReport doc;
  doc.file = "漢数字.docx";
  auto r = testing::Requirement("breach-notification", "漏えい等の事故発生時の報告", engine::Severity::kRequired,
                                engine::Status::kWeak);
  engine::Evidence e{"第12条第2項", "事故時の対応", "乙は、漏えいが生じたときは、甲に報告する。", 0, 0};
  e.written_label = "第十二条第２項";
  r.evidence.push_back(e);
  r.elements.push_back({"report-duty", "事故を相手方に報告する", true, true, {e}});
  r.reasons.push_back("報告義務に期限がない。");
  engine::PendingRevision revision{"deletion", "山田", "2026-11-01", "第8条", "削除された文。",
                                   "第八条 is deleted in a pending revision by 山田"};
  revision.written_label = "第八条";
  r.pending_revisions.push_back(revision);
  doc.requirements.push_back(r);
  engine::Passage passage{"第12条第2項", "事故時の対応", e.text, 0, 0};
  passage.written_label = e.written_label;
  doc.text.push_back(passage);
  return doc;
}

TEST_CASE("people's formats cite the article as the document writes it") {
  const engine::DocumentReport doc = KanjiReport();
  for (Format format : {Format::kText, Format::kHtml, Format::kCsv, Format::kJunit, Format::kGithub}) {
    std::string out = Print(format, doc);
    INFO(FormatName(format), "\n", out);
    CHECK(Contains(out, "第十二条第２項"));
    CHECK_FALSE(Contains(out, "第12条"));
  }
  std::string text = Print(Format::kText, doc);
  CHECK(Contains(text, "第十二条第２項（事故時の対応）"));
  CHECK(Contains(text, "第八条"));
  CHECK_FALSE(Contains(text, "第8条"));
}

TEST_CASE("JSON keeps the canonical label and adds label_as_written") {
  const engine::DocumentReport doc = KanjiReport();
  for (Format format : {Format::kJson, Format::kJsonl}) {
    std::string out = Print(format, doc);
    json report = json::parse(out.substr(0, out.find('\n', format == Format::kJsonl ? 0 : out.size())));
    const json& document = format == Format::kJson ? report["documents"][0] : report;
    const json& requirement = document["requirements"][0];
    CHECK(requirement["evidence"][0]["label"] == "第12条第2項");
    CHECK(requirement["evidence"][0]["label_as_written"] == "第十二条第２項");
    CHECK(requirement["elements"][0]["evidence"][0]["label_as_written"] == "第十二条第２項");
    CHECK(requirement["pending_revisions"][0]["label"] == "第8条");
    CHECK(requirement["pending_revisions"][0]["label_as_written"] == "第八条");
    // The human sentence in the JSON cites the document's form.
    CHECK(Contains(requirement["message"].get<std::string>(), "第十二条第２項"));
  }
}

TEST_CASE("SARIF names the logical location as written") {
  json log = json::parse(Print(Format::kSarif, KanjiReport(), i18n::Lang::kEn));
  const json& logical = log["runs"][0]["results"][0]["locations"][0]["logicalLocations"][0];
  CHECK(logical["name"] == "第十二条第２項");
  CHECK(logical["fullyQualifiedName"] == "第十二条第２項（事故時の対応）");
}

TEST_CASE("evidence without a written label falls back to the canonical one") {
  engine::DocumentReport doc = KanjiReport();
  doc.requirements[0].evidence[0].written_label.clear();
  std::string text = Print(Format::kText, doc);
  CHECK(Contains(text, "第12条第2項（事故時の対応）"));
  json report = json::parse(Print(Format::kJson, doc));
  CHECK(report["documents"][0]["requirements"][0]["evidence"][0]["label_as_written"] == "第12条第2項");
}

}  // namespace
}  // namespace clausegap::report
