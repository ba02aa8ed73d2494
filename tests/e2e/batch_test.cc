// End-to-end tests of batch scanning: `clausegap check` on a folder and a
// .zip archive that mix good contracts, hostile files and non-contracts.
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"
#include "pdf/pdf_writer.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

const char* const kGood[] = {"itaku-callcenter", "nda-gaps", "auto-numbering", "tracked-changes",
                             "special-provisions-table"};

// Fills |dir| with the good samples, hostile files and non-contracts; returns
// the expected error code per hostile file name.
std::map<std::string, std::string> FillMixedFolder(const fs::path& dir) {
  fs::create_directories(dir / "sub");
  for (const char* name : kGood) {
    fs::copy_file(SamplePath(name), dir / (std::string(name) + ".docx"));
  }
  std::string sample = ReadFileBytes(SamplePath("itaku-callcenter"));
  WriteFileBytes(dir / "sub" / "truncated.docx", sample.substr(0, sample.size() / 2));
  WriteFileBytes(dir / "sub" / "legacy.doc", OleFile(Utf16Le("WordDocument")));
  WriteFileBytes(dir / "sub" / "encrypted.docx",
                 OleFile(Utf16Le("EncryptionInfo") + std::string(40, '\0') + Utf16Le("EncryptedPackage")));
  WriteFileBytes(dir / "sub" / "not-a-zip.docx", "this is plain text, not a package");
  DeflatedEntry bomb;
  bomb.prefix = "<?xml version=\"1.0\"?><w:document xmlns:w=\""
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";
  bomb.data = std::string(1 << 20, 'a');
  bomb.repeat = 80;
  bomb.suffix = "</w:t></w:r></w:p></w:body></w:document>";
  WriteDeflatedPackage(dir / "sub" / "bomb.docx", bomb);
  WriteFileBytes(dir / "notes.txt", "not a contract");
  WriteFileBytes(dir / "sub" / "scan.pdf", testing::MakePdf({{}}));  // a page with no text
  return {{"truncated.docx", "corrupt-zip"}, {"legacy.doc", "legacy-doc"}, {"scan.pdf", "no-text-layer"},
          {"encrypted.docx", "encrypted"},   {"not-a-zip.docx", "not-zip"},
          {"bomb.docx", "too-large"}};
}

// Returns the documents of a report/v1 JSON run keyed by file name's last part.
std::map<std::string, Json> ByName(const Json& documents) {
  std::map<std::string, Json> out;
  for (const Json& d : documents) {
    std::string file = d["file"];
    out[file.substr(file.find_last_of("/!") + 1)] = d;
  }
  return out;
}

void CheckMixedResults(const std::map<std::string, Json>& docs,
                       const std::map<std::string, std::string>& hostile) {
  for (const char* name : kGood) {
    auto it = docs.find(std::string(name) + ".docx");
    REQUIRE_MESSAGE(it != docs.end(), name);
    CHECK(it->second["status"] == "ok");
    CHECK(it->second["requirements"].size() == 15);
  }
  for (const auto& [name, code] : hostile) {
    auto it = docs.find(name);
    REQUIRE_MESSAGE(it != docs.end(), name);
    CHECK(it->second["status"] == "error");
    CHECK_MESSAGE(it->second["error_code"] == code, name);
    CHECK(std::string(it->second["error"]).find(name) != std::string::npos);
  }
  CHECK(docs.size() == std::size(kGood) + hostile.size());
}

TEST_CASE("a folder mixing contracts, hostile files and other files") {
  ScratchDir scratch;
  auto hostile = FillMixedFolder(scratch.path() / "in");
  RunResult r = RunClausegap({"check", "--format", "json", "--jobs", "2",
                              (scratch.path() / "in").string()}, 120);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 1);  // gaps and unreadable files fail the gate
  Json report = Json::parse(r.out);
  CheckMixedResults(ByName(report["documents"]), hostile);
  CHECK(report["summary"]["documents"] == std::size(kGood) + hostile.size());
  CHECK(report["summary"]["errors"] == hostile.size());
  // Every unreadable file is named on stderr with its cause.
  for (const auto& [name, code] : hostile) CHECK(r.err.find(name) != std::string::npos);
}

TEST_CASE("a .zip archive with a nested archive: members streamed, same verdicts") {
  ScratchDir scratch;
  fs::path in = scratch.path() / "in";
  auto hostile = FillMixedFolder(in);
  // The archive holds every file of the folder; the hostile ones sit in a
  // nested archive.
  std::vector<ZipEntry> inner, outer;
  for (const auto& entry : fs::recursive_directory_iterator(in)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = fs::relative(entry.path(), in).string();
    (rel.rfind("sub/", 0) == 0 ? inner : outer).push_back({rel, ReadFileBytes(entry.path())});
  }
  outer.push_back({"hostile.zip", StoredZip(inner)});
  fs::path archive = scratch.path() / "contracts.zip";
  REQUIRE(WriteFileBytes(archive, StoredZip(outer)));
  RunResult r = RunClausegap({"check", "--format", "jsonl", archive.string()}, 120);
  REQUIRE_FALSE(r.timed_out);
  CHECK(r.exit_code == 1);
  std::vector<Json> lines;
  std::istringstream stream(r.out);
  for (std::string line; std::getline(stream, line);) lines.push_back(Json::parse(line));
  auto docs = ByName(Json(lines));
  CheckMixedResults(docs, hostile);
  CHECK(std::string(docs["truncated.docx"]["file"]) ==
        archive.string() + "!hostile.zip!sub/truncated.docx");
  // Nothing was extracted next to the archive.
  CHECK(scratch.List() == std::vector<std::string>{"contracts.zip", "in"});
}

TEST_CASE("output order is the input order whatever the number of jobs") {
  ScratchDir scratch;
  FillMixedFolder(scratch.path() / "in");
  std::string dir = (scratch.path() / "in").string();
  RunResult one = RunClausegap({"check", "--format", "csv", "--jobs", "1", dir}, 120);
  RunResult many = RunClausegap({"check", "--format", "csv", "--jobs", "4", dir}, 120);
  CHECK(one.exit_code == 1);
  CHECK(one.out == many.out);
  // The CSV has a header and one row per contract.
  std::size_t rows = 0;
  for (char c : one.out) rows += c == '\n';
  CHECK(rows == 1 + std::size(kGood) + 6);
}

TEST_CASE("--files-from - reads inputs from standard input; --summary counts skipped files") {
  ScratchDir scratch;
  FillMixedFolder(scratch.path() / "in");
  fs::path list = scratch.path() / "list.txt";
  WriteFileBytes(list, SamplePath("nda-gaps") + "\n\n" + (scratch.path() / "in").string() + "\n");
  RunResult r = RunCommand({"sh", "-c", std::string("\"$0\" check --lang en --format jsonl --summary "
                                                    "--files-from - < \"$1\""),
                            CLAUSEGAP_EXE, list.string()},
                           120);
  CHECK(r.exit_code == 1);
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == 1 + std::size(kGood) + 6);
  CHECK(r.err.find("skipped (not contracts) 1") != std::string::npos);
  CHECK(r.err.find("redelegation") != std::string::npos);
}

TEST_CASE("--output writes the report atomically; an unwritable path is exit 2") {
  ScratchDir scratch;
  fs::path out = scratch.path() / "report.json";
  RunResult r = RunClausegap({"check", "--format", "json", "--output", out.string(),
                              SamplePath("itaku-callcenter")});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  Json report = Json::parse(ReadFileBytes(out));
  CHECK(report["documents"].size() == 1);
  CHECK(scratch.List() == std::vector<std::string>{"report.json"});  // no temporary left

  RunResult bad = RunClausegap({"check", "--output", "/nonexistent-dir/x.json",
                                SamplePath("itaku-callcenter")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("/nonexistent-dir/x.json: cannot create output file") != std::string::npos);
}

TEST_CASE("exit 2 only when nothing could be read; --fail-on never forgives read errors") {
  ScratchDir scratch;
  fs::path junk = scratch.path() / "junk.docx";
  WriteFileBytes(junk, "junk");
  RunResult only_bad = RunClausegap({"check", "--format", "json", junk.string()});
  CHECK(only_bad.exit_code == 2);
  RunResult mixed = RunClausegap({"check", "--format", "json", "--fail-on", "never", junk.string(),
                                  SamplePath("itaku-callcenter")});
  CHECK(mixed.exit_code == 0);
  RunResult gate = RunClausegap({"check", "--format", "json", junk.string(),
                                 SamplePath("itaku-callcenter")});
  CHECK(gate.exit_code == 1);
  RunResult empty = RunClausegap({"check", scratch.path().string() + "/nothing-here"});
  CHECK(empty.exit_code == 2);
}

TEST_CASE("Ctrl-C stops the run cleanly, says how far it got, leaves no output file") {
  ScratchDir scratch;
  fs::path in = scratch.path() / "many";
  fs::create_directories(in);
  for (int i = 0; i < 400; ++i) {
    fs::copy_file(SamplePath("itaku-callcenter"), in / ("c" + std::to_string(i) + ".docx"));
  }
  fs::path out = scratch.path() / "out.jsonl";
  // SIGINT after a short while; the run cannot have finished 400 documents
  // on a loaded 2-core machine in 0.3 s, and must stop within the timeout.
  RunResult r = RunCommand({"sh", "-c",
                            "\"$0\" check --lang en --jobs 1 --format jsonl --output \"$1\" \"$2\" & "
                            "pid=$!; sleep 0.3; kill -INT $pid; wait $pid",
                            CLAUSEGAP_EXE, out.string(), in.string()},
                           60);
  REQUIRE_FALSE(r.timed_out);
  if (r.exit_code == 130) {
    CHECK(r.err.find("interrupted after") != std::string::npos);
    CHECK(r.err.find(out.string() + " was not written") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    std::vector<std::string> names = scratch.List();
    CHECK(names == std::vector<std::string>{"many"});  // no temporary file left
  } else {
    // The machine was fast enough to finish first: then the output is whole.
    CHECK(r.exit_code == 0);
    CHECK(fs::exists(out));
  }
}

}  // namespace
}  // namespace clausegap::e2e
