// Replays every input the fuzzers ever reported (fuzz/README.md), stored
// under tests/regressions/data/: docx/* are packages (docx_reader_fuzzer),
// xml/* are NUL-separated OOXML parts (docx_xml_fuzzer, wrapped by
// fuzz/package_builder.h exactly as the fuzzer does), rules/* are rule packs
// (rule_pack_fuzzer, cut at the first NUL into two files). Each must give a
// result or a clean error whose message starts with the input's name.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../../fuzz/package_builder.h"
#include "docx/reader.h"
#include "engine/rule_pack.h"
#include "structure/structure.h"

namespace clausegap {
namespace {

namespace fs = std::filesystem;

const fs::path kData = fs::path(CLAUSEGAP_SOURCE_DIR) / "tests" / "regressions" / "data";

// Returns the regular files of data/|kind|, sorted by name.
std::vector<fs::path> Inputs(const char* kind) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(kData / kind, ec))
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Reads |bytes| in both views and segments what reads; checks the error
// channel otherwise. Returns the number of views that read.
int ReadBothViews(const std::string& bytes, const std::string& name) {
  int ok = 0;
  for (model::View view : {model::View::kSigned, model::View::kOriginal}) {
    docx::ReadOptions options;
    options.view = view;
    auto doc = docx::ReadDocxBytes(bytes, name, options);
    if (doc) {
      structure::Structure s = structure::Analyze(*doc);
      for (const structure::Sentence& sentence : s.sentences) {
        CHECK(sentence.block >= 0);
        CHECK(static_cast<std::size_t>(sentence.block) < doc->blocks.size());
      }
      ++ok;
    } else {
      CHECK(doc.error().message.rfind(name + ": ", 0) == 0);
    }
  }
  return ok;
}

TEST_CASE("stored docx_reader_fuzzer inputs read or fail cleanly") {
  for (const fs::path& p : Inputs("docx")) {
    INFO(p.filename().string());
    ReadBothViews(Slurp(p), p.filename().string());
  }
}

TEST_CASE("stored docx_xml_fuzzer inputs read or fail cleanly") {
  for (const fs::path& p : Inputs("xml")) {
    INFO(p.filename().string());
    ReadBothViews(fuzz::PackageFromXmlParts(Slurp(p)), p.filename().string());
  }
}

TEST_CASE("stored rule_pack_fuzzer inputs load or fail cleanly") {
  const fs::path dir = fs::temp_directory_path() / "clausegap_regressions_replay";
  fs::create_directories(dir);
  for (const fs::path& p : Inputs("rules")) {
    INFO(p.filename().string());
    const std::string text = Slurp(p);
    const std::size_t nul = text.find('\0');
    std::vector<std::string> paths = {(dir / (p.filename().string() + ".base.json")).string()};
    std::ofstream(paths[0], std::ios::binary) << text.substr(0, nul);
    if (nul != std::string::npos) {
      paths.push_back((dir / (p.filename().string() + ".overlay.json")).string());
      std::ofstream(paths[1], std::ios::binary) << text.substr(nul + 1);
    }
    auto pack = engine::LoadRulePacks(paths);
    if (pack) {
      for (const auto& r : engine::EnabledRequirements(**pack)) CHECK_FALSE(r.id.empty());
    } else {
      CHECK(pack.error().code == ErrorCode::kInvalidRules);
      CHECK(pack.error().message.find(".json") != std::string::npos);
    }
  }
}

// The package builder itself: what the XML fuzzer reads is a valid package.
TEST_CASE("the fuzzers' package builder makes a readable package") {
  const std::string document =
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>第1条（目的）</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>本契約は、委託について定める。</w:t></w:r></w:p></w:body></w:document>";
  auto doc = docx::ReadDocxBytes(fuzz::PackageFromXmlParts(document), "built.docx");
  REQUIRE_MESSAGE(doc, (doc ? "" : doc.error().message));
  structure::Structure s = structure::Analyze(*doc);
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].heading == "目的");
  REQUIRE(s.sentences.size() == 1);
  CHECK(s.sentences[0].label == "第1条");
  // A NUL moves on to styles.xml: a broken one is reported by part name.
  auto bad = docx::ReadDocxBytes(fuzz::PackageFromXmlParts(document + std::string(1, '\0') + "<w:styles"),
                                 "built.docx");
  REQUIRE(!bad);
  CHECK(bad.error().code == ErrorCode::kMalformedXml);
  CHECK(bad.error().message.find("word/styles.xml") != std::string::npos);
}

}  // namespace
}  // namespace clausegap
