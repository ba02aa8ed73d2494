// Tests of the batch-friendly printers: CSV (one row per contract) and JSON
// Lines (one report/v1 document object per line).
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/csv_printer.h"
#include "report/jsonl_printer.h"
#include "report/printer.h"
#include "report_fixtures.h"

namespace clausegap::report {
namespace {

std::vector<std::string> Lines(const std::string& text, const std::string& eol) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find(eol, start)) != std::string::npos; start = end + eol.size()) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

TEST_CASE("CSV fields are quoted only when needed, and formula-safe") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(CsvField("+1") == "'+1");
  CHECK(CsvField("@cmd") == "'@cmd");
  CHECK(CsvField("業務委託契約書") == "業務委託契約書");
}

TEST_CASE("CSV: a header with two columns per requirement, then one row per contract") {
  std::ostringstream out;
  PrinterOptions options;
  options.requirement_ids = {"redelegation", "breach-notification", "liability", "audit"};
  options.lang = i18n::Lang::kEn;
  options.csv_bom = false;
  options.fail_on = FailOn::kMissing;
  options.run.rules_sha256 = std::string(64, 'a');
  options.run.packs = {RulePackInfo{"rules/default.jsonc", "clausegap-default", "1", ""}};
  auto printer = MakePrinter(Format::kCsv, out, options);
  printer->Begin();
  engine::DocumentReport mixed = testing::MixedReport();
  mixed.sha256 = std::string(64, 'b');
  mixed.size = 1234;
  printer->Document(mixed);
  printer->Document(testing::ErrorReport());
  printer->End(Summary{});
  std::vector<std::string> rows = Lines(out.str(), "\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] ==
        "file,read,error code,error,title,document kind,parties,client,vendor,gate (--fail-on missing),"
        "redelegation,redelegation (article),breach-notification,breach-notification (article),"
        "liability,liability (article),audit,audit (article),SHA-256,size (bytes),rule pack,"
        "rule pack SHA-256,clausegap");
  INFO(rows[1]);
  CHECK(rows[1].rfind("samples/業務委託.docx,ok,,,業務委託契約書,,,,,fail,present,", 0) == 0);
  CHECK(rows[1].find(",weak,") != std::string::npos);
  CHECK(rows[1].find("," + std::string(64, 'b') + ",1234,clausegap-default 1," + std::string(64, 'a') +
                     ",0.1.0") != std::string::npos);
  CHECK(rows[2].rfind("old.doc,error,legacy-doc,\"old.doc: a Word 97-2003 .doc file, not .docx\",,,,,,unreadable,,,,,,,,,", 0) == 0);
}

TEST_CASE("CSV in Japanese: a byte-order mark and requirement titles as headers") {
  std::ostringstream out;
  PrinterOptions options;
  options.requirement_ids = {"redelegation"};
  options.requirement_titles = {"再委託の禁止・制限"};
  auto printer = MakePrinter(Format::kCsv, out, options);
  printer->Begin();
  printer->Document(testing::MixedReport());
  printer->End(Summary{});
  std::string csv = out.str();
  CHECK(csv.rfind("\xEF\xBB\xBFファイル,読み取り,", 0) == 0);
  CHECK(csv.find(",再委託の禁止・制限,再委託の禁止・制限（該当条項）,") != std::string::npos);
  CHECK(csv.find(",充足,") != std::string::npos);
}

TEST_CASE("CSV fields that a spreadsheet would run as formulas are defused") {
  CHECK(CsvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(CsvField("\t=1+1") == "'\t=1+1");
  CHECK(CsvField("-5") == "'-5");
}

TEST_CASE("JSON Lines: each line is one report/v1 document object, no summary") {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kJsonl, out, testing::EnglishOptions());
  printer->Begin();
  printer->Document(testing::MixedReport());
  printer->Document(testing::ErrorReport());
  printer->End(Summary{});
  std::vector<std::string> lines = Lines(out.str(), "\n");
  REQUIRE(lines.size() == 2);
  auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["file"] == "samples/業務委託.docx");
  CHECK(first["status"] == "ok");
  CHECK(first["requirements"].size() == 4);
  CHECK(first["requirements"][0]["id"] == "redelegation");
  auto second = nlohmann::json::parse(lines[1]);
  CHECK(second["status"] == "error");
  CHECK(second["error_code"] == "legacy-doc");
  CHECK_FALSE(second.contains("summary"));
}

TEST_CASE("jsonl and csv are known formats") {
  CHECK(ParseFormat("jsonl"));
  CHECK(ParseFormat("csv"));
  CHECK(std::string(FormatName(Format::kCsv)) == "csv");
}

}  // namespace
}  // namespace clausegap::report
