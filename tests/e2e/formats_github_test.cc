// End to end: `clausegap check --format github` prints one workflow command
// per gap, each on one line.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST_CASE("check --format github annotates each gap of nda-gaps") {
  std::string file = e2e::SamplePath("nda-gaps");
  e2e::RunResult r = e2e::RunClausegap({"check", "--format", "github", file});
  CHECK(r.exit_code == 1);
  std::vector<std::string> lines = Lines(r.out);
  REQUIRE(lines.size() >= 2);
  // samples/README.md: 4 required gaps and 6 recommended ones, more or less;
  // the four required ones are certain.
  int errors = 0, warnings = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string& line = lines[i];
    bool error = line.rfind("::error file=", 0) == 0;
    bool warning = line.rfind("::warning file=", 0) == 0;
    bool notice = line.rfind("::notice file=", 0) == 0;
    CHECK_MESSAGE((error || warning || notice), line);
    CHECK(line.find(",title=") != std::string::npos);
    CHECK(line.find("::", 2) != std::string::npos);
    errors += error;
    warnings += warning;
  }
  CHECK(errors >= 2);
  CHECK(warnings >= 2);
  CHECK(r.out.find("title=再委託の禁止・制限 (redelegation)%3A 不足::") != std::string::npos);
  CHECK(r.out.find("title=契約終了時の返還・廃棄・消去 (return-deletion)%3A 不十分::") !=
        std::string::npos);
  CHECK(lines.back().rfind("clausegap: 1件の文書を確認: 不合格 1件", 0) == 0);
}

TEST_CASE("a well-drafted contract prints no error command") {
  e2e::RunResult r =
      e2e::RunClausegap({"check", "--format", "github", e2e::SamplePath("itaku-callcenter")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("::error") == std::string::npos);
}

}  // namespace
