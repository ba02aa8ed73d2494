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

TEST_CASE("CSV: a header with one column per requirement, then one row per contract") {
  std::ostringstream out;
  PrinterOptions options;
  options.requirement_ids = {"redelegation", "breach-notification", "liability", "audit"};
  auto printer = MakePrinter(Format::kCsv, out, options);
  printer->Begin();
  printer->Document(testing::MixedReport());
  printer->Document(testing::ErrorReport());
  printer->End(Summary{});
  std::vector<std::string> rows = Lines(out.str(), "\r\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0] == "file,status,error_code,error,title,redelegation,breach-notification,liability,audit");
  CHECK(rows[1] == "samples/業務委託.docx,ok,,,業務委託契約書,present,weak,missing,present");
  CHECK(rows[2] == "old.doc,error,legacy-doc,\"old.doc: a Word 97-2003 .doc file, not .docx\",,,,,");
}

TEST_CASE("JSON Lines: each line is one report/v1 document object, no summary") {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kJsonl, out, PrinterOptions{});
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
