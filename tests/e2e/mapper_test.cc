// End-to-end tests of the mapper mode a cluster runs: documents as framed
// bytes or a .zip on standard input, one jsonl line per input plus a summary
// line, exit 0 whatever the documents, 2 only when the tool cannot run, and
// `summarize` merging partitions into the totals of one run.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string Frame(const std::string& name, const std::string& data) {
  return "clausegap-frame/1 " + std::to_string(name.size()) + " " + std::to_string(data.size()) +
         "\n" + name + data + "\n";
}

// Runs clausegap with |args| and standard input from |stdin_file|.
RunResult RunWithStdin(const std::vector<std::string>& args, const fs::path& stdin_file) {
  std::string script = "f=\"$1\"; shift; exec \"$0\" \"$@\" < \"$f\"";
  std::vector<std::string> argv = {"sh", "-c", script, CLAUSEGAP_EXE, stdin_file.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, 120);
}

struct Lines {
  std::vector<Json> documents;
  std::vector<Json> summaries;
};

Lines Parse(const std::string& out) {
  Lines lines;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    Json line = Json::parse(out.substr(start, end - start));
    (line["schema"] == "clausegap/summary/v1" ? lines.summaries : lines.documents).push_back(line);
    start = end == std::string::npos ? out.size() : end + 1;
  }
  return lines;
}

// The verdicts of a document line: requirement id → status.
std::map<std::string, std::string> Verdicts(const Json& document) {
  std::map<std::string, std::string> out;
  for (const Json& r : document["requirements"]) out[r["id"]] = r["status"];
  return out;
}

TEST_CASE("mapper: framed bytes on stdin get the verdicts of the same files read from disk") {
  ScratchDir scratch;
  std::string callcenter = ReadFileBytes(SamplePath("itaku-callcenter"));
  std::string nda = ReadFileBytes(SamplePath("nda-gaps"));
  WriteFileBytes(scratch.path() / "in.frames",
                 Frame("s3://bucket/委託 契約.docx", callcenter) + Frame("broken.docx", "not a package") +
                     Frame("batch.zip", StoredZip({{"nda.docx", nda}})));
  RunResult r = RunWithStdin({"check", "--mapper", "--stdin", "frames"}, scratch.path() / "in.frames");
  CHECK(r.exit_code == 0);
  Lines lines = Parse(r.out);
  REQUIRE(lines.documents.size() == 3);
  REQUIRE(lines.summaries.size() == 1);
  // The summary line comes last.
  CHECK(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1).rfind("{\"schema\":\"clausegap/summary/v1\"", 0) == 0);
  const Json& first = lines.documents[0];
  CHECK(first["schema"] == "clausegap/report/v1");
  CHECK(first["file"] == "s3://bucket/委託 契約.docx");
  CHECK(first["status"] == "ok");
  CHECK(first["size"] == callcenter.size());
  CHECK(first["run"]["tool_version"].is_string());
  CHECK(first["run"]["rules_sha256"].get<std::string>().size() == 64);
  CHECK(lines.documents[1]["status"] == "error");
  CHECK(lines.documents[1]["error_code"] == "not-zip");
  CHECK(lines.documents[2]["file"] == "batch.zip!nda.docx");

  RunResult disk = RunClausegap({"check", "--format", "jsonl", SamplePath("itaku-callcenter"),
                                 SamplePath("nda-gaps")});
  Lines from_disk = Parse(disk.out);
  REQUIRE(from_disk.documents.size() == 2);
  CHECK(Verdicts(first) == Verdicts(from_disk.documents[0]));
  CHECK(first["sha256"] == from_disk.documents[0]["sha256"]);
  CHECK(Verdicts(lines.documents[2]) == Verdicts(from_disk.documents[1]));

  const Json& summary = lines.summaries[0];
  CHECK(summary["documents"] == 3);
  CHECK(summary["errors"] == 1);
  CHECK(summary["error_codes"]["not-zip"] == 1);
  CHECK(summary["rules_sha256"] == first["run"]["rules_sha256"]);
  CHECK(summary["parts"] == 1);
}

TEST_CASE("mapper: an empty or all-unreadable partition exits 0 and says so; a plain check exits 2") {
  ScratchDir scratch;
  WriteFileBytes(scratch.path() / "empty.frames", "");
  WriteFileBytes(scratch.path() / "bad.frames", Frame("a.docx", "x") + Frame("b.doc", "y"));
  for (const char* part : {"empty.frames", "bad.frames"}) {
    CAPTURE(part);
    RunResult plain = RunWithStdin({"check", "--format", "jsonl", "--stdin", "frames"}, scratch.path() / part);
    CHECK(plain.exit_code == 2);
    RunResult mapper = RunWithStdin({"check", "--mapper", "--stdin", "frames"}, scratch.path() / part);
    CHECK(mapper.exit_code == 0);
    Lines lines = Parse(mapper.out);
    REQUIRE(lines.summaries.size() == 1);
    CHECK(lines.summaries[0]["outcome"] == (std::string(part) == "empty.frames" ? "empty" : "unreadable"));
    CHECK(lines.documents.size() == (std::string(part) == "empty.frames" ? 0u : 2u));
  }
}

TEST_CASE("mapper: non-zero only when the tool cannot run or the stream is broken") {
  ScratchDir scratch;
  WriteFileBytes(scratch.path() / "ok.frames", Frame("a.docx", ReadFileBytes(SamplePath("nda-gaps"))));
  WriteFileBytes(scratch.path() / "cut.frames", Frame("a.docx", "x") + "clausegap-frame/1 6 100\nb.docx");
  RunResult cut = RunWithStdin({"check", "--mapper", "--stdin", "frames"}, scratch.path() / "cut.frames");
  CHECK(cut.exit_code == 2);
  CHECK(cut.err.find("standard input: record 2 at byte 30: the stream ends inside the data of b.docx") !=
        std::string::npos);
  Lines lines = Parse(cut.out);
  REQUIRE(lines.documents.size() == 2);  // the break is a line too
  CHECK(lines.documents[1]["file"] == "standard input");

  fs::path in = scratch.path() / "ok.frames";
  CHECK(RunWithStdin({"check", "--mapper", "--stdin", "frames", "--rules", "/nonexistent/pack.json"}, in)
            .exit_code == 2);
  CHECK(RunWithStdin({"check", "--mapper", "--stdin", "frames", "--output",
                      (scratch.path() / "no-such-folder" / "out.jsonl").string()},
                     in)
            .exit_code == 2);
  CHECK(RunWithStdin({"check", "--mapper", "--stdin", "bytes"}, in).exit_code == 2);
  CHECK(RunWithStdin({"check", "--mapper", "--format", "csv", "--stdin", "frames"}, in).exit_code == 2);
  // A report that cannot be written (disk full) is a failed run.
  RunResult full = RunCommand({"sh", "-c", "exec \"$0\" check --lang en --mapper --stdin frames < \"$1\" > /dev/full",
                               CLAUSEGAP_EXE, in.string()});
  CHECK(full.exit_code == 2);
  CHECK(full.err.find("standard output: cannot write the report") != std::string::npos);
}

TEST_CASE("a .zip on stdin is walked like an archive") {
  ScratchDir scratch;
  WriteFileBytes(scratch.path() / "in.zip", StoredZip({{"b/nda.docx", ReadFileBytes(SamplePath("nda-gaps"))},
                                                      {"readme.txt", "r"}}));
  RunResult r = RunWithStdin({"check", "--mapper", "--stdin", "zip"}, scratch.path() / "in.zip");
  CHECK(r.exit_code == 0);
  Lines lines = Parse(r.out);
  REQUIRE(lines.documents.size() == 1);
  CHECK(lines.documents[0]["file"] == "stdin.zip!b/nda.docx");
  CHECK(lines.summaries[0]["skipped"] == 1);
}

TEST_CASE("summarize: partitions merge into the totals of one run; duplicates are found") {
  ScratchDir scratch;
  const fs::path& out_dir = scratch.path();
  const fs::path dir = out_dir / "corpus";  // the outputs stay outside it
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::create_directories(dir / "c");
  fs::copy_file(SamplePath("itaku-callcenter"), dir / "a" / "itaku-callcenter.docx");
  fs::copy_file(SamplePath("nda-gaps"), dir / "a" / "nda-gaps.docx");
  fs::copy_file(SamplePath("auto-numbering"), dir / "b" / "auto-numbering.docx");
  WriteFileBytes(dir / "b" / "broken.docx", "garbage");
  WriteFileBytes(dir / "b" / "notes.txt", "not a contract");
  const fs::path tracked = dir / "c" / "tracked-changes.docx";
  fs::copy_file(SamplePath("tracked-changes"), tracked);
  // The local run over the whole folder.
  RunResult whole = RunClausegap({"check", "--format", "jsonl", "--summary-json",
                                  (out_dir / "whole.json").string(), dir.string()});
  CHECK(whole.exit_code == 1);
  // Partitions: two folders by path, one document as framed bytes, one empty.
  auto mapper = [&](const std::string& out, const std::string& input) {
    return RunClausegap({"check", "--mapper", "--output", (out_dir / out).string(), (dir / input).string()})
        .exit_code;
  };
  CHECK(mapper("p1.jsonl", "a") == 0);
  CHECK(mapper("p2.jsonl", "b") == 0);
  WriteFileBytes(out_dir / "c.frames", Frame(tracked.string(), ReadFileBytes(tracked)));
  WriteFileBytes(out_dir / "empty.frames", "");
  for (const char* frames : {"c", "empty"}) {
    CHECK(RunWithStdin({"check", "--mapper", "--stdin", "frames", "--output",
                        (out_dir / (std::string(frames) + ".jsonl")).string()},
                       out_dir / (std::string(frames) + ".frames"))
              .exit_code == 0);
  }
  std::vector<std::string> parts;
  for (const char* p : {"p1.jsonl", "p2.jsonl", "c.jsonl", "empty.jsonl"}) parts.push_back((out_dir / p).string());
  std::vector<std::string> args = {"summarize", "--format", "json"};
  args.insert(args.end(), parts.begin(), parts.end());
  RunResult merged = RunClausegap(args);
  CHECK(merged.exit_code == 0);
  CHECK(merged.err.empty());
  Json totals = Json::parse(merged.out);
  Json local = Json::parse(ReadFileBytes(out_dir / "whole.json"));
  CHECK(totals["parts"] == 4);
  CHECK(totals["duplicates"].empty());
  for (const char* key : {"documents", "errors", "failed", "skipped", "warnings", "waived", "error_codes",
                          "requirements", "outcome", "rules_sha256", "fail_on"}) {
    CAPTURE(std::string(key));
    CHECK(totals[key] == local[key]);
  }
  CHECK(local["documents"] == 5);
  CHECK(local["skipped"] == 1);

  // A partition merged twice (a retried task whose first output was kept).
  RunResult twice = RunClausegap({"summarize", "--lang", "en", parts[0], parts[1], parts[0]});
  CHECK(twice.exit_code == 1);
  CHECK(twice.err.find((dir / "a" / "nda-gaps.docx").string() + ": reported 2 times") != std::string::npos);
  CHECK(twice.out.find("3 parts merged") != std::string::npos);
  // Concatenated outputs (what Spark's saveAsTextFile leaves) merge the same.
  WriteFileBytes(out_dir / "all.jsonl", ReadFileBytes(parts[0]) + ReadFileBytes(parts[1]) +
                                        ReadFileBytes(parts[2]) + ReadFileBytes(parts[3]));
  RunResult concatenated = RunClausegap({"summarize", "--format", "json", (out_dir / "all.jsonl").string()});
  CHECK(concatenated.exit_code == 0);
  CHECK(Json::parse(concatenated.out) == totals);
  // A part cut short: its summary line no longer matches its lines.
  std::string p1 = ReadFileBytes(parts[0]);
  WriteFileBytes(out_dir / "cut.jsonl", p1.substr(p1.find('\n') + 1));
  RunResult cut = RunClausegap({"summarize", "--lang", "en", (out_dir / "cut.jsonl").string()});
  CHECK(cut.exit_code == 1);
  CHECK(cut.err.find("1 report lines, but the summary line after them counts 2 documents") != std::string::npos);
  // Something that is not a clausegap line.
  WriteFileBytes(out_dir / "foreign.jsonl", "{\"hello\": 1}\n");
  RunResult foreign = RunClausegap({"summarize", "--lang", "en", (out_dir / "foreign.jsonl").string()});
  CHECK(foreign.exit_code == 2);
  CHECK(foreign.err.find("foreign.jsonl:1: neither a clausegap report line nor a summary line") !=
        std::string::npos);
}

}  // namespace
}  // namespace clausegap::e2e
