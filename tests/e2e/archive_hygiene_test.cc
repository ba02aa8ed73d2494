// End-to-end tests of archive hygiene: Shift-JIS member names, Office lock
// files and OS litter skipped and counted, and a clear message when a run
// finds nothing to check.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

TEST_CASE("a zip from Japanese Windows: CP932 names decoded, litter skipped apart from errors") {
  ScratchDir scratch;
  std::string sample = ReadFileBytes(SamplePath("itaku-callcenter"));
  // 委託契約書.docx in CP932, stored without the UTF-8 flag as Windows' zip does.
  const std::string sjis_name = "\x88\xcf\x91\xf5\x8c\x5f\x96\xf1\x8f\x91.docx";
  fs::path archive = scratch.path() / "archive.zip";
  REQUIRE(WriteFileBytes(archive, StoredZip({{sjis_name, sample},
                                             {"~$" + sjis_name, std::string(162, '\0')},
                                             {"__MACOSX/._" + sjis_name, "fork"},
                                             {".DS_Store", "ds"},
                                             {"readme.txt", "r"}})));
  fs::path folder = scratch.path() / "folder";
  fs::create_directories(folder);
  REQUIRE(WriteFileBytes(folder / "~$契約書.docx", std::string(162, '\0')));
  REQUIRE(WriteFileBytes(folder / "Thumbs.db", "t"));
  fs::copy_file(SamplePath("nda-gaps"), folder / "契約書.docx");

  RunResult r = RunClausegap({"check", "--lang", "en", "--format", "json", "--fail-on", "never", "--summary",
                              archive.string(), folder.string()});
  CHECK(r.exit_code == 0);  // lock files are not unreadable contracts
  Json report = Json::parse(r.out);
  REQUIRE(report["documents"].size() == 2);
  CHECK(report["documents"][0]["file"] == archive.string() + "!委託契約書.docx");
  CHECK(report["documents"][0]["status"] == "ok");
  CHECK(report["documents"][1]["file"] == (folder / "契約書.docx").string());
  CHECK(report["summary"]["errors"] == 0);
  CHECK(report["summary"]["skipped"] == 1);
  CHECK(report["summary"]["litter"] == 5);
  CHECK(r.err.find("skipped (lock files, OS litter) 5") != std::string::npos);
  CHECK(r.err.find("~$") == std::string::npos);
}

TEST_CASE("nothing to check: the run says where it looked and what it skipped") {
  ScratchDir scratch;
  fs::path empty = scratch.path() / "empty";
  fs::create_directories(empty);
  RunResult r = RunClausegap({"check", empty.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no contracts found in " + empty.string() +
                   " (skipped: other files 0, lock files and OS litter 0)") !=
        std::string::npos);

  fs::path litter = scratch.path() / "litter";
  fs::create_directories(litter);
  REQUIRE(WriteFileBytes(litter / "~$a.docx", "lock"));
  REQUIRE(WriteFileBytes(litter / ".DS_Store", "ds"));
  REQUIRE(WriteFileBytes(litter / "memo.txt", "memo"));
  RunResult csv = RunClausegap({"check", "--format", "csv", litter.string()});
  CHECK(csv.exit_code == 2);
  CHECK(csv.err.find("no contracts found in " + litter.string() +
                     " (skipped: other files 1, lock files and OS litter 2)") !=
        std::string::npos);
}

}  // namespace
}  // namespace clausegap::e2e
