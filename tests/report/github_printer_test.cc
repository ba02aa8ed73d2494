#include "report/github_printer.h"

#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Print(const std::vector<engine::DocumentReport>& reports) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kGithub, out, testing::EnglishOptions());
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, FailOn::kMissing));
  return out.str();
}

// Undoes the workflow-command escaping, as the runner does.
std::string Unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      std::string code(s.substr(i, 3));
      if (code == "%25") { out += '%'; i += 2; continue; }
      if (code == "%0D") { out += '\r'; i += 2; continue; }
      if (code == "%0A") { out += '\n'; i += 2; continue; }
      if (code == "%3A") { out += ':'; i += 2; continue; }
      if (code == "%2C") { out += ','; i += 2; continue; }
    }
    out += s[i];
  }
  return out;
}

// A parsed "::cmd k=v,k=v::message" line.
struct Command {
  std::string name;
  std::vector<std::pair<std::string, std::string>> properties;
  std::string message;
};

// Parses |line| the way the runner does: properties end at the first "::",
// split at "," and then at the first "=".
bool Parse(const std::string& line, Command* command) {
  if (line.rfind("::", 0) != 0) return false;
  std::size_t end = line.find("::", 2);
  if (end == std::string::npos) return false;
  std::string head = line.substr(2, end - 2);
  command->message = Unescape(line.substr(end + 2));
  std::size_t space = head.find(' ');
  command->name = head.substr(0, space);
  if (space == std::string::npos) return true;
  std::string props = head.substr(space + 1);
  std::size_t start = 0;
  while (start <= props.size()) {
    std::size_t comma = props.find(',', start);
    if (comma == std::string::npos) comma = props.size();
    std::string item = props.substr(start, comma - start);
    std::size_t eq = item.find('=');
    if (eq == std::string::npos) return false;
    command->properties.emplace_back(item.substr(0, eq), Unescape(item.substr(eq + 1)));
    start = comma + 1;
  }
  return true;
}

TEST_CASE("escaping follows the workflow-command rules") {
  CHECK(EscapeData("a%b\r\nc:d,e") == "a%25b%0D%0Ac:d,e");
  CHECK(EscapeProperty("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce");
  // An already-escaped-looking sequence must not decode into a line break.
  CHECK(EscapeData("%0A") == "%250A");
  CHECK(EscapeProperty("::error file=x::") == "%3A%3Aerror file=x%3A%3A");
  CHECK(EscapeData("再委託") == "再委託");
  CHECK(EscapeData("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("one command per gap, levels from severity and status") {
  std::string out = Print({testing::MixedReport()});
  std::vector<std::string> lines = Lines(out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].rfind("::warning file=samples/業務委託.docx,title=漏えい等の事故発生時の報告 "
                       "(breach-notification)%3A weak::漏えい等の事故発生時の報告 "
                       "(breach-notification) is weak at 第10条第2項.",
                       0) == 0);
  // The two-line suggestion stays on one command line.
  CHECK(lines[0].find("直ちに甲に報告し、%0A甲の指示に従うものとする。") != std::string::npos);
  CHECK(lines[1].rfind("::error file=samples/業務委託.docx,title=損害賠償の範囲・責任分担 "
                       "(liability)%3A missing::",
                       0) == 0);
  CHECK(lines[1].find("no clause was found, so there is no text location.") != std::string::npos);
  CHECK(lines[2] == "clausegap: documents checked: 1; failing --fail-on missing: 1; unreadable: 0; findings: 2");

  using engine::Severity;
  using engine::Status;
  CHECK(std::string(GithubCommand(Severity::kRecommended, Status::kMissing)) == "warning");
  CHECK(std::string(GithubCommand(Severity::kRecommended, Status::kWeak)) == "notice");
  CHECK(std::string(GithubCommand(Severity::kRequired, Status::kPresent)).empty());
}

TEST_CASE("an unreadable input is an error on its file") {
  std::vector<std::string> lines = Lines(Print({testing::ErrorReport()}));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] ==
        "::error file=old.doc,title=clausegap%3A could not be read (legacy-doc)::old.doc: a Word "
        "97-2003 .doc file, not .docx");
}

TEST_CASE("hostile file names and texts cannot break out of the command") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.file = "evil,title=x::\n::error file=pwned::y%0A.docx";
  doc.requirements[2].title = "題\r\n::error::injected";
  doc.requirements[2].reasons = {"line1\nline2 100%"};
  std::string out = Print({doc});
  std::vector<std::string> lines = Lines(out);
  REQUIRE(lines.size() == 3);  // two commands and the totals: no extra line
  for (std::size_t i = 0; i < 2; ++i) {
    Command command;
    REQUIRE(Parse(lines[i], &command));
    REQUIRE(command.properties.size() == 2);
    CHECK(command.properties[0].first == "file");
    CHECK(command.properties[0].second == doc.file);
    CHECK(command.properties[1].first == "title");
  }
  Command missing;
  REQUIRE(Parse(lines[1], &missing));
  CHECK(missing.name == "error");
  CHECK(missing.properties[1].second == "題\r\n::error::injected (liability): missing");
  CHECK(missing.message.find("line1\nline2 100%") != std::string::npos);
  CHECK(out.find("\n::error file=pwned") == std::string::npos);
}

}  // namespace
}  // namespace clausegap::report

namespace clausegap::report {
namespace {

TEST_CASE("a waived gap is only a notice") {
  engine::DocumentReport doc = testing::MixedReport();
  doc.requirements[2].waived = true;
  doc.requirements[2].waiver_reason = "上限は交渉済み";
  std::vector<std::string> lines = Lines(Print({doc}));
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].rfind("::notice file=samples/業務委託.docx,title=損害賠償の範囲・責任分担 "
                       "(liability)%3A missing (waived)::Waived: 上限は交渉済み (does not fail the gate) ",
                       0) == 0);
}

}  // namespace
}  // namespace clausegap::report
