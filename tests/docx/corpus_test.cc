// The development corpus (CLAUSEGAP_CORPUS_DIR, absent from users' checkouts): every
// file reads, and the labels equal those LibreOffice renders, as recorded in
// testdata/labels/*.labels by testdata/make_label_fixtures.py.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "docx/read_helpers.h"

namespace clausegap {
namespace {

namespace fs = std::filesystem;

std::string RightTrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

TEST_CASE("labels of the development corpus match LibreOffice") {
  fs::path shared = CLAUSEGAP_SHARED_DIR;
  fs::path fixtures = fs::path(CLAUSEGAP_SOURCE_DIR) / "tests/docx/testdata/labels";
  if (!fs::is_directory(shared / "eval/dev")) {
    MESSAGE("skipped: " << (shared / "eval/dev").string() << " is absent");
    return;
  }
  int compared = 0;
  for (const char* folder : {"eval/dev/docx", "eval/dev/real"}) {
    for (const fs::directory_entry& entry : fs::directory_iterator(shared / folder)) {
      if (entry.path().extension() != ".docx") continue;
      std::string stem = entry.path().stem().string();
      bool word = stem.size() > 5 && stem.substr(stem.size() - 5) == ".word";
      if (std::string(folder) == "eval/dev/docx" && !word) continue;
      fs::path fixture = fixtures / (stem + ".labels");
      if (!fs::exists(fixture)) continue;  // LibreOffice could not load it either
      CAPTURE(stem);
      auto document = docx::ReadDocx(entry.path().string());
      REQUIRE_MESSAGE(document.has_value(), (document ? "" : document.error().message));
      std::vector<std::string> ours;
      for (const model::Block& block : document->blocks) {
        if (block.part == document->main_part && !block.label.empty()) ours.push_back(RightTrim(block.label));
      }
      std::vector<std::string> expected;
      std::ifstream in(fixture);
      for (std::string line; std::getline(in, line);) expected.push_back(line);
      CHECK(ours == expected);
      ++compared;
    }
  }
  CHECK(compared >= 15);
}

TEST_CASE("every file of the development corpus reads or fails with a clear error") {
  fs::path shared = CLAUSEGAP_SHARED_DIR;
  if (!fs::is_directory(shared / "eval/dev")) return;
  for (const char* folder : {"eval/dev/docx", "eval/dev/real"}) {
    for (const fs::directory_entry& entry : fs::directory_iterator(shared / folder)) {
      if (entry.path().extension() != ".docx") continue;
      CAPTURE(entry.path().string());
      auto document = docx::ReadDocx(entry.path().string());
      REQUIRE_MESSAGE(document.has_value(), (document ? "" : document.error().message));
      CHECK_FALSE(document->blocks.empty());
    }
  }
}

}  // namespace
}  // namespace clausegap
