// Tests of the summary line (clausegap/summary/v1), of merging partition
// totals, and of reading jsonl document lines back for `summarize`.
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/json_printer.h"
#include "report/jsonl_printer.h"
#include "report/report_fixtures.h"
#include "report/summary.h"

namespace clausegap::report {
namespace {

std::vector<engine::DocumentReport> Corpus() {
  return {testing::MixedReport(), testing::CompleteReport(), testing::ErrorReport(),
          testing::MixedReport(), testing::ErrorReport()};
}

// Compares every total the summary line carries.
void CheckSameTotals(const Summary& a, const Summary& b) {
  CHECK(a.documents == b.documents);
  CHECK(a.errors == b.errors);
  CHECK(a.failed == b.failed);
  CHECK(a.skipped == b.skipped);
  CHECK(a.litter == b.litter);
  CHECK(a.warnings == b.warnings);
  CHECK(a.waived == b.waived);
  CHECK(a.error_codes == b.error_codes);
  REQUIRE(a.requirements.size() == b.requirements.size());
  for (std::size_t i = 0; i < a.requirements.size(); ++i) {
    CHECK(a.requirements[i].id == b.requirements[i].id);
    CHECK(a.requirements[i].present == b.requirements[i].present);
    CHECK(a.requirements[i].weak == b.requirements[i].weak);
    CHECK(a.requirements[i].missing == b.requirements[i].missing);
  }
}

TEST_CASE("the totals of partitions merged equal the totals of the whole") {
  std::vector<engine::DocumentReport> all = Corpus();
  Summary whole = Summarize(all, FailOn::kWeak);
  whole.skipped = 3;
  whole.litter = 1;
  // Split as a cluster would: an empty partition, an all-unreadable one, the rest.
  Summary empty = Summarize({}, FailOn::kWeak);
  Summary unreadable = Summarize({all[2], all[4]}, FailOn::kWeak);
  unreadable.skipped = 3;
  Summary rest = Summarize({all[0], all[1], all[3]}, FailOn::kWeak);
  rest.litter = 1;
  Summary merged;
  for (const Summary* part : {&empty, &unreadable, &rest}) MergeSummary(*part, &merged);
  CheckSameTotals(merged, whole);
  CHECK(whole.errors == 2);
  CHECK(whole.failed > 0);
}

TEST_CASE("a summary line says its schema, provenance and outcome, and reads back") {
  SummaryRecord record;
  record.summary = Summarize(Corpus(), FailOn::kMissing);
  record.tool_version = "0.1.0";
  record.rules_sha256 = std::string(64, 'a');
  record.summary.skipped = 2;
  record.summary.max_warnings = 5;
  std::string text = SummaryLine(record);
  CHECK(text.find('\n') == std::string::npos);
  auto line = nlohmann::ordered_json::parse(text);
  CHECK(line["schema"] == "clausegap/summary/v1");
  CHECK(line["tool_version"] == "0.1.0");
  CHECK(line["outcome"] == "gaps");
  CHECK(line["error_codes"]["legacy-doc"] == 2);
  CHECK(line["duplicates"].empty());
  auto parsed = ParseSummaryLine(line);
  REQUIRE(parsed);
  CheckSameTotals(parsed->summary, record.summary);
  CHECK(parsed->summary.fail_on == FailOn::kMissing);
  CHECK(parsed->summary.max_warnings == 5);
  CHECK(parsed->rules_sha256 == record.rules_sha256);
  CHECK(parsed->parts == 1);

  line.erase("requirements");
  auto broken = ParseSummaryLine(line);
  REQUIRE_FALSE(broken);
  CHECK(broken.error().message == "summary line: \"requirements\" is missing or of the wrong type");
}

TEST_CASE("outcome names: empty, unreadable, pass") {
  CHECK(std::string(OutcomeName(Summary{})) == "empty");
  CHECK(std::string(OutcomeName(Summarize({testing::ErrorReport()}, FailOn::kWeak))) == "unreadable");
  CHECK(std::string(OutcomeName(Summarize({testing::CompleteReport()}, FailOn::kWeak))) == "pass");
}

TEST_CASE("jsonl lines open with the schema and carry the run; read back, they give the same totals") {
  std::ostringstream out;
  PrinterOptions options = testing::EnglishOptions();
  options.run.rules_sha256 = std::string(64, 'b');
  auto printer = MakePrinter(Format::kJsonl, out, options);
  printer->Begin();
  for (const engine::DocumentReport& report : Corpus()) printer->Document(report);
  printer->End(Summary{});
  std::istringstream lines(out.str());
  std::string text;
  Summary reread;
  int count = 0;
  while (std::getline(lines, text)) {
    ++count;
    CHECK(text.rfind("{\"schema\":\"clausegap/report/v1\",\"file\":", 0) == 0);
    auto line = nlohmann::ordered_json::parse(text);
    CHECK(line["run"]["rules_sha256"] == options.run.rules_sha256);
    CHECK(line["run"]["tool_version"] == options.run.tool_version);
    auto document = ParseDocumentLine(line);
    REQUIRE(document);
    AddToSummary(*document, &reread);
  }
  CHECK(count == 5);
  CheckSameTotals(reread, Summarize(Corpus(), FailOn::kWeak));
}

}  // namespace
}  // namespace clausegap::report
