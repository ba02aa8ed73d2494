// api::Analyzer: one load, documents from paths and from bytes (a .docx, a
// PDF through the isolated reader, garbage), the same reports from a
// Session and from the pool on several threads, and load errors as values.
#include "api/analyzer.h"

#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "pdf/pdf_writer.h"

namespace clausegap::api {
namespace {

std::string Sample(const std::string& name) {
  return std::string(CLAUSEGAP_SOURCE_DIR) + "/samples/" + name + ".docx";
}

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

const Analyzer& Shared() {
  static const Analyzer analyzer = [] {
    Options options;
    options.data_dir = CLAUSEGAP_BINARY_DIR;  // rules/ and legal.dic, as in an install
    options.pdf_helper = CLAUSEGAP_PDF_HELPER;  // PDFs are read by the built helper
    auto loaded = Analyzer::Load(options);
    REQUIRE_MESSAGE(loaded, (loaded ? "" : loaded.error().message));
    return *loaded;
  }();
  return analyzer;
}

std::string Statuses(const engine::DocumentReport& report) {
  std::string out;
  for (const engine::RequirementResult& r : report.requirements) {
    out += r.id + "=" + std::string(engine::StatusName(r.status)) + " ";
  }
  return out;
}

TEST_CASE("a document from bytes gets the report of the same file read from disk") {
  const std::string path = Sample("nda-gaps");
  const std::string bytes = ReadBytes(path);
  engine::DocumentReport from_path = Shared().Analyse({path, path, {}});
  engine::DocumentReport from_bytes = Shared().Analyse({"upload/nda.docx", "", bytes});
  REQUIRE(from_path.ok);
  REQUIRE(from_bytes.ok);
  CHECK(from_bytes.file == "upload/nda.docx");
  CHECK(from_path.file == path);
  CHECK(from_bytes.size == static_cast<std::int64_t>(bytes.size()));
  CHECK(from_bytes.sha256 == from_path.sha256);
  CHECK(from_bytes.sha256.size() == 64);
  CHECK(from_bytes.kind == "nda");
  CHECK(Statuses(from_bytes) == Statuses(from_path));
  CHECK(Statuses(from_bytes).find("redelegation=missing") != std::string::npos);
  from_path.file = from_bytes.file;
  CHECK(ToJson(from_bytes) == ToJson(from_path));
  CHECK(from_bytes.text.empty());
  ReadOptions with_text;
  with_text.with_text = true;
  CHECK_FALSE(Shared().Analyse({"n", "", bytes}, with_text).text.empty());
}

TEST_CASE("PDF bytes go through the isolated reader and cite pages") {
  std::string body =
      "業務委託契約書 第1条（目的）本契約は、甲が乙に委託する業務について定める。"
      "第2条（再委託の禁止）乙は、甲の書面による事前の承諾を得ないで、本業務を第三者に再委託してはならない。";
  std::string pdf = testing::MakePdf({testing::Wrap(body, 40, 72)});
  engine::DocumentReport report = Shared().Analyse({"scan/contract.pdf", "", pdf});
  REQUIRE_MESSAGE(report.ok, report.error);
  CHECK(report.file == "scan/contract.pdf");
  CHECK(report.size == static_cast<std::int64_t>(pdf.size()));
  bool cited = false;
  for (const engine::RequirementResult& r : report.requirements) {
    for (const engine::Evidence& e : r.evidence) cited = cited || e.page == 1;
  }
  CHECK(cited);
}

TEST_CASE("unreadable bytes give an error report with the fingerprint") {
  const std::string garbage = "PK\x03\x04 this is no zip archive";
  engine::DocumentReport report = Shared().Analyse({"broken.docx", "", garbage});
  CHECK_FALSE(report.ok);
  CHECK(report.file == "broken.docx");
  CHECK(report.error_code == "corrupt-zip");
  CHECK(report.error.rfind("broken.docx: ", 0) == 0);
  CHECK(report.size == static_cast<std::int64_t>(garbage.size()));
  CHECK(report.requirements.empty());
}

TEST_CASE("threads sharing one Analyzer, with Sessions or the pool, get the same reports") {
  std::vector<std::string> names = {"nda-gaps", "itaku-callcenter", "payroll", "data-entry"};
  std::vector<std::string> expected;
  for (const std::string& name : names) expected.push_back(ToJson(Shared().Analyse({name, Sample(name), {}})));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      Session session(Shared());
      for (int round = 0; round < 3; ++round) {
        for (const std::string& name : names) {
          got[static_cast<std::size_t>(t)].push_back(
              ToJson(t % 2 == 0 ? Shared().Analyse({name, Sample(name), {}}, {}, session)
                                : Shared().Analyse({name, Sample(name), {}})));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& list : got) {
    REQUIRE(list.size() == 3 * names.size());
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i] == expected[i % names.size()]);
  }
}

TEST_CASE("load failures are values naming the cause") {
  Options missing;
  missing.data_dir = CLAUSEGAP_BINARY_DIR;
  missing.rules = {"/nonexistent/playbook.jsonc"};
  auto bad = Analyzer::Load(missing);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == ErrorCode::kInvalidRules);
  CHECK(bad.error().message.find("/nonexistent/playbook.jsonc") != std::string::npos);

  Options none;
  none.default_rules = false;
  auto empty = Analyzer::Load(none);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == ErrorCode::kUsage);

}

TEST_CASE("run_info names the packs loaded and their digest") {
  report::RunInfo run = Shared().run_info();
  REQUIRE(run.packs.size() == 1);
  CHECK(run.packs[0].name == "clausegap-default");
  CHECK(run.packs[0].sha256.size() == 64);
  CHECK(run.rules_sha256 == EffectivePackDigest(run.packs));
  CHECK(Shared().rule_paths().size() == 1);
}

}  // namespace
}  // namespace clausegap::api
