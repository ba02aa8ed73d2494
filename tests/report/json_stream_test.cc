// DocumentToJson writes the document object as it goes; DocumentJson builds
// it as a JSON value (the Python module's form). Both must give the same text.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/json_printer.h"
#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

std::string ViaValue(const engine::DocumentReport& report, const DocumentJsonOptions& options) {
  return DocumentJson(report, options).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

// A report that sets every field the document object can carry, with text
// that needs escaping and bytes that are not UTF-8.
engine::DocumentReport FullReport() {
  engine::DocumentReport doc = testing::MixedReport();
  doc.sha256 = std::string(64, 'a');
  doc.size = 123456;
  doc.kind = "outsourcing";
  doc.converted_from = "doc";
  doc.client = "甲";
  doc.vendor = "乙";
  doc.parties.push_back({"甲", "株式会社\"引用\"", engine::PartyRole::kClient, {"委託者", "発注者"}});
  doc.parties.push_back({"乙", "乙社\\支店", engine::PartyRole::kVendor, {}});
  engine::RequirementResult& first = doc.requirements.front();
  first.bound = "乙（受託者）";
  first.evidence.front().page = 3;
  first.evidence.front().written_label = "第八条";
  first.evidence.front().text = "改行\nタブ\t制御\x01 不正\xff\xfe 終わり";
  doc.requirements[1].waived = true;
  doc.requirements[1].waiver_reason = "承認済み </script>";
  return doc;
}

TEST_CASE("the streamed document object is the JSON value's serialisation") {
  RunInfo run;
  run.tool_version = "9.9.9";
  run.packs.push_back({"rules/default.jsonc", "default", "1", std::string(64, 'b')});
  run.rules_sha256 = std::string(64, 'c');
  run.waiver_files = {"waivers.json"};
  run.started_at = "2026-12-04T00:00:00Z";
  const std::vector<engine::DocumentReport> reports = {FullReport(), testing::MixedReport(),
                                                       testing::CompleteReport(), testing::ErrorReport(),
                                                       engine::DocumentReport{}};
  for (i18n::Lang lang : {i18n::Lang::kJa, i18n::Lang::kEn}) {
    for (FailOn fail_on : {FailOn::kMissing, FailOn::kWeak, FailOn::kNever}) {
      for (const RunInfo* with_run : std::vector<const RunInfo*>{nullptr, &run}) {
        const DocumentJsonOptions options{lang, fail_on, with_run};
        JsonStringCache shared;  // kept across the documents, as a printer keeps it
        for (const engine::DocumentReport& report : reports) {
          CAPTURE(report.file);
          const std::string expected = ViaValue(report, options);
          CHECK(DocumentToJson(report, options) == expected);
          std::string appended = "prefix";
          AppendDocumentJson(report, options, &shared, &appended);
          CHECK(appended == "prefix" + expected);
        }
      }
    }
  }
}

TEST_CASE("the kept serialised strings stay right past the cache's bounds") {
  // More distinct strings than the cache keeps, some longer than it keeps,
  // each seen twice.
  engine::DocumentReport doc = testing::CompleteReport();
  engine::RequirementResult& r = doc.requirements.front();
  for (int i = 0; i < 6000; ++i) {
    std::string text = "条項" + std::to_string(i) + (i % 7 == 0 ? std::string(3000, 'x') : "");
    r.evidence.push_back({"第1条", "", text, 0, 0});
    r.evidence.push_back({"第1条", "", text, 0, 0});
  }
  JsonStringCache cache;
  std::string out;
  AppendDocumentJson(doc, {}, &cache, &out);
  CHECK(out == ViaValue(doc, {}));
}

}  // namespace
}  // namespace clausegap::report
