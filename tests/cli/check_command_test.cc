// In-process tests of `clausegap check`: flag parsing, configuration errors
// and the exit-code policy. Runs on real files are in tests/e2e/check_*.
#include "cli/check_command.h"

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace clausegap::cli {
namespace {

// Redirects std::cout and std::cerr into strings while alive.
class CaptureStdStreams {
 public:
  CaptureStdStreams()
      : old_out_(std::cout.rdbuf(out_.rdbuf())), old_err_(std::cerr.rdbuf(err_.rdbuf())) {}
  ~CaptureStdStreams() {
    std::cout.rdbuf(old_out_);
    std::cerr.rdbuf(old_err_);
  }
  std::string out() const { return out_.str(); }
  std::string err() const { return err_.str(); }

 private:
  std::ostringstream out_, err_;
  std::streambuf* old_out_;
  std::streambuf* old_err_;
};

// Runs cli::Main on |args| (without the program name).
int RunMain(std::vector<std::string> args, CaptureStdStreams& capture) {
  (void)capture;
  args.insert(args.begin(), "clausegap");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return Main(static_cast<int>(args.size()), argv.data());
}

bool Has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("ExitCodeFor maps each outcome to its exit code") {
  CHECK(ExitCodeFor(report::Outcome::kPass) == 0);
  CHECK(ExitCodeFor(report::Outcome::kGaps) == 1);
  CHECK(ExitCodeFor(report::Outcome::kUnreadable) == 2);
}

TEST_CASE("check without a file is a usage error") {
  CaptureStdStreams capture;
  CHECK(RunMain({"check", "--lang", "en"}, capture) == kExitError);
  CHECK(Has(capture.err(), "clausegap: check: no input: name files, folders or .zip archives, or --files-from"));
  CHECK(capture.out().empty());
  CaptureStdStreams japanese;
  CHECK(RunMain({"check", "--lang", "ja"}, japanese) == kExitError);
  CHECK(Has(japanese.err(), "clausegap: check: 入力がありません。"));
}

TEST_CASE("an unknown --format is a usage error naming the valid formats") {
  CaptureStdStreams capture;
  CHECK(RunMain({"check", "--format", "yaml", "a.docx"}, capture) == kExitError);
  CHECK(Has(capture.err(), "--format: unknown format 'yaml' (valid: text, json, jsonl, csv, sarif, github, junit, html)"));
  CHECK_FALSE(Has(capture.err(), "--format: --format:"));
  CHECK(capture.out().empty());
}

TEST_CASE("an unknown --fail-on or --color is a usage error") {
  {
    CaptureStdStreams capture;
    CHECK(RunMain({"check", "--fail-on", "sometimes", "a.docx"}, capture) == kExitError);
    CHECK(Has(capture.err(), "--fail-on: unknown level 'sometimes' (valid: missing, weak, never)"));
  }
  {
    CaptureStdStreams capture;
    CHECK(RunMain({"check", "--color", "blue", "a.docx"}, capture) == kExitError);
    CHECK(Has(capture.err(), "--color: unknown choice 'blue' (valid: auto, always, never)"));
  }
}

TEST_CASE("an unknown flag is a usage error") {
  CaptureStdStreams capture;
  CHECK(RunMain({"check", "--frobnicate", "a.docx"}, capture) == kExitError);
}

TEST_CASE("--help lists every flag and exits 0") {
  CaptureStdStreams capture;
  CHECK(RunMain({"check", "--help"}, capture) == kExitOk);
  for (const char* flag : {"--format", "--rules", "--no-default-rules", "--fail-on", "--color",
                           "--original"}) {
    CAPTURE(flag);
    CHECK(Has(capture.out(), flag));
  }
}

TEST_CASE("--no-default-rules without --rules leaves no pack: exit 2, nothing printed") {
  CheckConfig config;
  config.files = {"a.docx"};
  config.default_rules = false;
  std::ostringstream out, err;
  CHECK(RunCheck(config, out, err, false) == kExitError);
  CHECK(err.str() == "clausegap: no rule pack: --no-default-rules needs --rules FILE|DIR\n");
  CHECK(out.str().empty());
}

TEST_CASE("a rule pack that does not load: exit 2 with the loader's message") {
  CheckConfig config;
  config.files = {"a.docx"};
  config.default_rules = false;
  config.rules = {"/nonexistent/clausegap-test-pack.json"};
  config.format = report::Format::kJson;
  std::ostringstream out, err;
  CHECK(RunCheck(config, out, err, false) == kExitError);
  CHECK(err.str().rfind("clausegap: ", 0) == 0);
  CHECK(Has(err.str(), "/nonexistent/clausegap-test-pack.json"));
  CHECK(out.str().empty());  // no half report when the run cannot start
}

}  // namespace
}  // namespace clausegap::cli
