// `clausegap extract` over the development corpus in CLAUSEGAP_CORPUS_DIR/eval/dev
// (skipped when it is not given, as in a bare clone): every file
// reads, and where numbering is automatic the article labels 第N条 come out
// exactly as many times as the corpus says.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run.h"

namespace clausegap::e2e {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

fs::path CorpusDir() { return fs::path(CLAUSEGAP_SHARED_DIR) / "eval" / "dev"; }

std::vector<fs::path> Files(const fs::path& dir, std::string_view suffix) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

json ExtractJson(const fs::path& path) {
  RunResult run = RunClausegap({"extract", "--format", "json", path.string()});
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  json doc = json::parse(run.out, nullptr, false);
  REQUIRE_FALSE(doc.is_discarded());
  return doc;
}

// Returns whether |label| is 第N条 with N in ASCII, full-width or kanji digits.
bool IsArticleLabel(const std::string& label) {
  static const std::string kFirst = "第", kLast = "条";
  if (label.size() <= kFirst.size() + kLast.size()) return false;
  if (label.compare(0, kFirst.size(), kFirst) != 0) return false;
  if (label.compare(label.size() - kLast.size(), kLast.size(), kLast) != 0) return false;
  static const std::set<std::string> kDigits = {
      "０", "１", "２", "３", "４", "５", "６", "７", "８", "９", "〇", "一", "二", "三",
      "四", "五", "六", "七", "八", "九", "十", "百"};
  std::string number = label.substr(kFirst.size(), label.size() - kFirst.size() - kLast.size());
  for (std::size_t i = 0; i < number.size();) {
    if (number[i] >= '0' && number[i] <= '9') {
      ++i;
      continue;
    }
    if (i + 3 > number.size() || kDigits.count(number.substr(i, 3)) == 0) return false;
    i += 3;
  }
  return true;
}

}  // namespace

TEST_CASE("every corpus .docx extracts with the v1 schema") {
  if (!fs::is_directory(CorpusDir())) {
    MESSAGE("no corpus at " << CorpusDir().string() << ": skipped");
    return;
  }
  std::vector<fs::path> files = Files(CorpusDir() / "docx", ".docx");
  std::vector<fs::path> real = Files(CorpusDir() / "real", ".docx");
  files.insert(files.end(), real.begin(), real.end());
  CHECK(files.size() >= 10);
  for (const fs::path& file : files) {
    CAPTURE(file.string());
    json doc = ExtractJson(file);
    CHECK(doc.value("schema", "") == "clausegap/extract/v1");
    REQUIRE(doc.at("blocks").is_array());
    // Some corpus files hold the whole contract in one paragraph (w:br
    // between lines), so count text, not blocks.
    std::size_t body_bytes = 0;
    for (const json& block : doc["blocks"]) {
      if (block.value("part", "") == doc.value("main_part", "")) {
        body_bytes += block.value("text", "").size();
      }
    }
    CHECK(body_bytes >= 1000);
  }
}

TEST_CASE("corpus .word.docx files: one 第N条 label per automatically numbered article") {
  if (!fs::is_directory(CorpusDir())) {
    MESSAGE("no corpus at " << CorpusDir().string() << ": skipped");
    return;
  }
  int checked = 0;
  for (const fs::path& counts : Files(CorpusDir() / "docx", ".articles")) {
    fs::path docx = counts;
    docx.replace_extension(".word.docx");
    if (!fs::exists(docx)) continue;
    CAPTURE(docx.string());
    int expected = std::stoi(ReadFileBytes(counts));
    json doc = ExtractJson(docx);
    int labelled = 0;
    for (const json& block : doc.at("blocks")) {
      std::string label = block.value("label", "");
      if (block.value("part", "") == "word/document.xml" && IsArticleLabel(label)) {
        ++labelled;
      }
    }
    CHECK(labelled == expected);
    ++checked;
  }
  CHECK(checked >= 3);
}

}  // namespace clausegap::e2e
