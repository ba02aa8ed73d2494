// Structure cases from real archives (issue 10): a spaced-out title, an
// article heading written 「第 3 条:見出し」 with 「1.」 items, and 「２．」 under a
// heading that carries a note.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "structure/structure.h"

namespace clausegap::structure {
namespace {

model::Document Doc(const std::vector<std::string>& paragraphs) {
  model::Document doc;
  doc.file = "archive.docx";
  for (const std::string& text : paragraphs) {
    model::Block b;
    b.part = "word/document.xml";
    b.index = static_cast<int>(doc.blocks.size());
    b.text = text;
    doc.blocks.push_back(std::move(b));
  }
  return doc;
}

std::vector<std::string> Labels(const Structure& s) {
  std::vector<std::string> out;
  for (const Sentence& sentence : s.sentences) out.push_back(sentence.label);
  return out;
}

TEST_CASE("a title spaced out for layout is the title") {
  Structure s = Analyze(Doc({"利　用　規　約", "第1条（目的）", "本規約は、利用条件を定める。"}));
  CHECK(s.title == "利　用　規　約");
  CHECK(s.title_block == 0);
}

TEST_CASE("「第 3 条:見出し」 followed by 「1.」 items is an article with 項") {
  Structure s = Analyze(Doc({"第 3 条:禁止事項", "1. 利用者は、次の行為をしてはならない。",
                             "2. 利用者は、第三者に再委託してはならない。"}));
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].heading == "禁止事項");
  CHECK(Labels(s) == std::vector<std::string>{"第3条第1項", "第3条第2項"});
}

TEST_CASE("「２．」 under a heading with a note is a 項") {
  Structure s = Analyze(Doc({"第5条（報告）（注：本条は改正予定）", "乙は、事故を甲に報告する。",
                             "２．乙は、再発防止策を講じる。"}));
  REQUIRE(s.articles.size() == 1);
  std::vector<std::string> labels = Labels(s);
  REQUIRE_FALSE(labels.empty());
  CHECK(labels.back() == "第5条第2項");
}

}  // namespace
}  // namespace clausegap::structure
