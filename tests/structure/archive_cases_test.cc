// Structure cases from real archives (issue 10): a spaced-out title, an
// article heading written 「第 3 条:見出し」 with 「1.」 items, 「２．」 under a
// heading that carries a note, and citations in the document's own numerals.
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

std::vector<std::string> WrittenLabels(const Structure& s) {
  std::vector<std::string> out;
  for (const Sentence& sentence : s.sentences) out.push_back(sentence.written_label);
  return out;
}

TEST_CASE("a title spaced out for layout is the title") {
  Structure s = Analyze(Doc({"利　用　規　約", "第1条（目的）", "本規約は、利用条件を定める。"}));
  CHECK(s.title == "利　用　規　約");
  CHECK(s.title_block == 0);
  // サ is also an iroha marker (サ 本文): spaced out, the line is still the title.
  Structure kana = Analyze(Doc({"サ ー ビ ス 利 用 規 約", "第1条（目的）", "本規約は、利用条件を定める。"}));
  CHECK(kana.title == "サ ー ビ ス 利 用 規 約");
  // An iroha item with words after it is no title.
  Structure item = Analyze(Doc({"サ 本規約の改定", "第1条（目的）", "本規約は、利用条件を定める。"}));
  CHECK(item.title.empty());
}

TEST_CASE("「第 3 条:見出し」 followed by 「1.」 items is an article with 項") {
  Structure s = Analyze(Doc({"第 3 条:禁止事項", "1. 利用者は、次の行為をしてはならない。",
                             "2. 利用者は、第三者に再委託してはならない。"}));
  REQUIRE(s.articles.size() == 1);
  CHECK(s.articles[0].heading == "禁止事項");
  CHECK(Labels(s) == std::vector<std::string>{"第3条第1項", "第3条第2項"});
  CHECK(WrittenLabels(s) == std::vector<std::string>{"第3条第1項", "第3条第2項"});  // spaces dropped
}

TEST_CASE("「２．」 under a heading with a note is a 項") {
  Structure s = Analyze(Doc({"第5条（報告）（注：本条は改正予定）", "乙は、事故を甲に報告する。",
                             "２．乙は、再発防止策を講じる。"}));
  REQUIRE(s.articles.size() == 1);
  std::vector<std::string> labels = Labels(s);
  REQUIRE_FALSE(labels.empty());
  CHECK(labels.back() == "第5条第2項");
}

TEST_CASE("a citation keeps the document's numerals; the label stays canonical") {
  Structure s = Analyze(Doc({"第十二条（再委託）", "乙は、甲の承諾なく再委託しない。",
                             "２　乙は、次の各号を守る。", "一　再委託先を管理すること。",
                             "二　記録を残すこと。", "第１２条の２（監査）", "甲は、監査できる。",
                             "第13条（報告）", "乙は、報告する。", "2 乙は、記録を残す。"}));
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[0].label == "第12条");
  CHECK(s.articles[0].written_label == "第十二条");
  CHECK(s.articles[1].label == "第12条の2");
  CHECK(s.articles[1].written_label == "第１２条の２");
  CHECK(Labels(s) == std::vector<std::string>{"第12条第1項", "第12条第2項", "第12条第2項第1号",
                                              "第12条第2項第2号", "第12条の2", "第13条第1項", "第13条第2項"});
  // The unnumbered first 項 has no written number: it is cited in digits.
  CHECK(WrittenLabels(s) == std::vector<std::string>{"第十二条第1項", "第十二条第２項", "第十二条第２項第一号",
                                                     "第十二条第２項第二号", "第１２条の２", "第13条第1項",
                                                     "第13条第2項"});
}

TEST_CASE("written labels: (１) 項 as written, ① 号 in digits, sections as written, clauses canonical") {
  Structure paren = Analyze(Doc({"第五条（義務）", "（１）乙は、秘密を守る。", "（２）乙は、①記録を残す。"}));
  std::vector<std::string> written = WrittenLabels(paren);
  REQUIRE(written.size() == 2);
  CHECK(Labels(paren) == std::vector<std::string>{"第5条(1)", "第5条(2)"});
  CHECK(written == std::vector<std::string>{"第五条（１）", "第五条（２）"});

  Structure items = Analyze(Doc({"第三条（禁止）", "乙は、次の行為をしない。", "① 複製", "② 漏えい"}));
  CHECK(WrittenLabels(items).back() == "第三条第2号");

  Structure section = Analyze(Doc({"第一条（目的）", "本契約は、委託を定める。", "別紙１", "第二条（管理）",
                                   "乙は、管理する。"}));
  CHECK(section.articles.back().label == "別紙1 第2条");
  CHECK(section.articles.back().written_label == "別紙１ 第二条");
  CHECK(section.sections.back().name == "別紙1");
  Structure table = Analyze(Doc({"第1条（目的）", "本契約は、委託を定める。", "別表第一（委託業務）",
                                 "委託業務は、入力作業とする。"}));
  REQUIRE_FALSE(table.sentences.empty());
  CHECK(table.sentences.back().label == "別表第1");
  CHECK(table.sentences.back().written_label == "別表第一");

  Structure clauses = Analyze(Doc({"１．目的", "本契約は、委託を定める。", "２．秘密保持", "乙は、秘密を守る。"}));
  REQUIRE(clauses.numbered_clauses);
  for (const Sentence& sentence : clauses.sentences) CHECK(sentence.written_label == sentence.label);
}

TEST_CASE("a 特記事項 numbered 第１ with its text after the number, headings above") {
  Structure s = Analyze(Doc({"個人情報取扱特記事項", "（秘密の保持）",
                             "第１　受注者は、この契約による事務に関して知り得た個人情報をみだりに他人に知らせてはならない。",
                             "（再委託の禁止）", "第２　受注者は、発注者の承諾があるときを除き、第三者にその取扱いを委託してはならない。"}));
  CHECK(s.title == "個人情報取扱特記事項");
  // The whole document is the schedule 特記事項; its numbered clauses follow
  // the section's own (empty) pseudo-article.
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[1].heading == "秘密の保持");
  CHECK(s.articles[2].heading == "再委託の禁止");
  CHECK(s.articles[2].written_label == "特記事項 第２");
  REQUIRE(s.sentences.size() == 3);
  CHECK(s.sentences[2].text.rfind("受注者は、", 0) == 0);  // the number is not part of the text
  // 第三者 and 第1回 start sentences, not clauses.
  Structure text = Analyze(Doc({"業務委託契約書", "第三者に提供する場合は、あらかじめ通知する。", "第1回 打合せは、４月に行う。"}));
  CHECK(text.articles.empty());
}

TEST_CASE("decimal section heads number a contract written the Western way") {
  Structure s = Analyze(Doc({"サービス契約", "1.1 契約期間", "本契約は発効日に開始される。", "1.4 秘密保持",
                             "各当事者は、他方当事者の機密情報を秘密に保つものとする。", "３．２．１　データの削除、返却",
                             "GitHubは、終了後30日以内にデータを削除する。"}));
  REQUIRE(s.articles.size() == 3);
  CHECK(s.numbered_clauses);
  CHECK(s.articles[0].number == "1.1");
  CHECK(s.articles[1].heading == "秘密保持");
  CHECK(s.articles[1].label == "1.4");
  CHECK(s.articles[2].number == "3.2.1");
  CHECK(s.articles[2].heading == "データの削除、返却");
  CHECK(Labels(s) == std::vector<std::string>{"", "1.1", "1.4", "3.2.1"});  // the title, then the heads
  // A number in a sentence, a version and 第N条 contracts are left alone.
  Structure text = Analyze(Doc({"料金は1.5倍とする。", "2.0 版を使用する。", "本契約は、以下のとおりとする。"}));
  CHECK(text.articles.empty());
  Structure jo = Analyze(Doc({"第1条（目的）", "本契約は、目的を定める。", "1.2 詳細", "第2条（秘密保持）", "乙は秘密を守る。"}));
  REQUIRE(jo.articles.size() == 2);
  CHECK(jo.articles[1].label == "第2条");
}

}  // namespace
}  // namespace clausegap::structure
