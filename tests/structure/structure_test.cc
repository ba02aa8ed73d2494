#include "structure/structure.h"

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace clausegap::structure {
namespace {

// One paragraph of a test document: optional Word label and numbering level.
struct P {
  std::string text;
  std::string label = "";
  int level = -1;
  std::string style = "";
};

model::Document Doc(std::initializer_list<P> paragraphs) {
  model::Document doc;
  doc.file = "test.docx";
  int index = 0;
  for (const P& p : paragraphs) {
    model::Block b;
    b.part = "word/document.xml";
    b.index = index++;
    b.text = p.text;
    b.label = p.label;
    b.num_level = p.label.empty() ? -1 : (p.level < 0 ? 0 : p.level);
    b.style = p.style;
    doc.blocks.push_back(std::move(b));
  }
  return doc;
}

// Returns the label of the first sentence whose text starts with |prefix|,
// or "<none>".
std::string LabelOf(const Structure& s, const std::string& prefix) {
  for (const Sentence& sentence : s.sentences) {
    if (sentence.text.rfind(prefix, 0) == 0) return sentence.label;
  }
  return "<none>";
}

const Sentence* Find(const Structure& s, const std::string& prefix) {
  for (const Sentence& sentence : s.sentences) {
    if (sentence.text.rfind(prefix, 0) == 0) return &sentence;
  }
  return nullptr;
}

TEST_CASE("typed articles, paragraphs, items and provisos") {
  model::Document doc = Doc({
      {"業務委託契約書"},
      {"甲と乙は、次のとおり契約を締結する。"},
      {"第1条（目的）"},
      {"本契約は、業務の委託について定める。"},
      {"第２条　再委託"},
      {"乙は、本業務を第三者に再委託してはならない。ただし、甲の事前の書面による承諾を得た場合はこの限りでない。"},
      {"２　乙は、再委託先に本契約と同等の義務を負わせる。"},
      {"３　甲は、次の各号のいずれかに該当するときは、本契約を解除できる。"},
      {"一　本契約に違反したとき"},
      {"二　支払を停止したとき"},
      {"第十二条（秘密保持）乙は、秘密情報を第三者に開示してはならない。"},
      {"以上、本契約の成立を証するため、本書2通を作成する。"},
      {"令和　　年　　月　　日"},
  });
  Structure s = Analyze(doc);
  CHECK(s.title == "業務委託契約書");
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[0].label == "第1条");
  CHECK(s.articles[0].heading == "目的");
  CHECK(s.articles[1].label == "第2条");
  CHECK(s.articles[1].heading == "再委託");
  CHECK(s.articles[2].label == "第12条");
  CHECK(s.articles[2].heading == "秘密保持");

  CHECK(Find(s, "業務委託契約書")->zone == Zone::kTitle);
  CHECK(Find(s, "甲と乙は")->zone == Zone::kPreamble);
  CHECK(LabelOf(s, "本契約は、業務") == "第1条");
  CHECK(LabelOf(s, "乙は、本業務") == "第2条第1項");
  CHECK(LabelOf(s, "乙は、再委託先") == "第2条第2項");
  CHECK(LabelOf(s, "甲は、次の各号") == "第2条第3項");
  CHECK(LabelOf(s, "本契約に違反") == "第2条第3項第1号");
  CHECK(LabelOf(s, "支払を停止") == "第2条第3項第2号");
  CHECK(LabelOf(s, "乙は、秘密情報") == "第12条");
  CHECK(Find(s, "以上、")->zone == Zone::kSignature);
  CHECK(Find(s, "令和")->zone == Zone::kSignature);
  CHECK(Find(s, "以上、")->label.empty());

  const Sentence* proviso = Find(s, "ただし、甲の事前");
  REQUIRE(proviso != nullptr);
  CHECK(proviso->proviso);
  REQUIRE(proviso->proviso_of >= 0);
  CHECK(s.sentences[proviso->proviso_of].text.rfind("乙は、本業務", 0) == 0);
  CHECK(proviso->label == "第2条第1項");

  // Offsets: the text is an exact substring of its block at |begin|.
  for (const Sentence& sentence : s.sentences) {
    const std::string& block = doc.blocks[sentence.block].text;
    CHECK(block.compare(sentence.begin, sentence.text.size(), sentence.text) == 0);
  }
  // The marker is not part of the sentence.
  CHECK(Find(s, "２　") == nullptr);
  CHECK(Find(s, "一　") == nullptr);
  // Normalised text uses half-width forms.
  CHECK(Find(s, "以上、")->normalized.find("本書2通") != std::string::npos);
}

// A block is cut into lines at "\n" and at HTML line breaks (<br>, <br/>,
// <br />); other markup that starts with '<' stays text. Each line's
// sentences keep their offsets in the block.
TEST_CASE("blocks are cut into lines at line breaks and <br>, nowhere else") {
  const std::string text =
      "甲は、<b>次の</b>とおり定める<br>乙は、通知する<br/>丙は、<<br />"
      "丁は、<brx>確認する\n戊は、<br  />己は、報告する<br";
  model::Document doc = Doc({{"第1条（目的）"}, {text}});
  Structure s = Analyze(doc);
  std::vector<std::string> got;
  for (const Sentence& sentence : s.sentences) {
    if (sentence.block != 1) continue;
    got.push_back(sentence.text);
    CHECK(text.compare(sentence.begin, sentence.text.size(), sentence.text) == 0);
  }
  const std::vector<std::string> expected = {"甲は、<b>次の</b>とおり定める", "乙は、通知する", "丙は、<",
                                             "丁は、<brx>確認する", "戊は、", "己は、報告する<br"};
  CHECK(got == expected);
}

TEST_CASE("articles from Word numbering with headings as text") {
  model::Document doc = Doc({
      {"（目的）", "第1条"},
      {"本契約は、目的を定める。"},
      {"目的外利用の禁止", "第２条"},
      {"乙は、目的外に利用しない。"},
      {"乙は、複製しない。", "２"},
      {"", "第三条"},
      {"（再委託）"},
      {"乙は、再委託しない。"},
      {"甲は、次の事項を求めることができる。", "2", 0},
      {"報告", "(1)", 1},
      {"監査", "(2)", 1},
  });
  Structure s = Analyze(doc);
  REQUIRE(s.articles.size() == 3);
  CHECK(s.articles[0].heading == "目的");
  CHECK(s.articles[1].label == "第2条");
  CHECK(s.articles[1].heading == "目的外利用の禁止");
  CHECK(s.articles[2].label == "第3条");
  CHECK(s.articles[2].heading == "再委託");
  CHECK(LabelOf(s, "本契約は") == "第1条");
  CHECK(LabelOf(s, "乙は、目的外") == "第2条第1項");
  CHECK(LabelOf(s, "乙は、複製") == "第2条第2項");
  CHECK(LabelOf(s, "乙は、再委託") == "第3条第1項");
  CHECK(LabelOf(s, "報告") == "第3条第2項第1号");
  CHECK(LabelOf(s, "監査") == "第3条第2項第2号");
  // Heading blocks carry no sentence.
  CHECK(Find(s, "（再委託）") == nullptr);
  CHECK(Find(s, "目的外利用の禁止") == nullptr);
}

TEST_CASE("a heading line before the article and pandoc-style headings") {
  model::Document doc = Doc({
      {"秘密保持契約書", "", -1, "Title"},
      {"（定義）"},
      {"第1条　本契約において秘密情報とは、以下の情報をいう："},
      {"技術情報", "1."},
      {"営業情報", "2."},
      {"第2条（秘密情報の取扱い）", "", -1, "Heading2"},
      {"本規約は、適用される。", "1."},
      {"当社は、定めることがある。", "2."},
  });
  Structure s = Analyze(doc);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].heading == "定義");
  CHECK(LabelOf(s, "本契約において") == "第1条");
  CHECK(LabelOf(s, "技術情報") == "第1条第1号");
  CHECK(LabelOf(s, "営業情報") == "第1条第2号");
  CHECK(LabelOf(s, "本規約は") == "第2条第1項");
  CHECK(LabelOf(s, "当社は") == "第2条第2項");
}

TEST_CASE("第N条のM, items with sub-items, bullets") {
  model::Document doc = Doc({
      {"第5条の2（個人情報）"},
      {"乙は、次に掲げる措置を講ずる。"},
      {"(1) 組織的措置"},
      {"イ　責任者の設置"},
      {"ロ　規程の整備"},
      {"(2) 技術的措置"},
      {"第6条（禁止事項）"},
      {"ユーザーは、以下の行為をしてはならない。"},
      {"- 法令に違反する行為"},
      {"- 犯罪行為に関連する行為"},
  });
  Structure s = Analyze(doc);
  CHECK(s.articles[0].label == "第5条の2");
  CHECK(s.articles[0].number == "5の2");
  CHECK(LabelOf(s, "乙は、次に") == "第5条の2");
  CHECK(LabelOf(s, "組織的措置") == "第5条の2第1号");
  CHECK(LabelOf(s, "責任者の設置") == "第5条の2第1号イ");
  CHECK(LabelOf(s, "規程の整備") == "第5条の2第1号ロ");
  CHECK(LabelOf(s, "技術的措置") == "第5条の2第2号");
  CHECK(LabelOf(s, "法令に違反") == "第6条第1号");
  CHECK(LabelOf(s, "犯罪行為") == "第6条第2号");
}

TEST_CASE("parenthesised numbers as an article's only paragraphs are cited literally") {
  model::Document doc = Doc({
      {"第１４条（再委託）"},
      {"（１）乙は、本業務を第三者に再委託することができる。"},
      {"（２）乙は、再委託先と連帯して責任を負う。"},
  });
  Structure s = Analyze(doc);
  CHECK(LabelOf(s, "乙は、本業務") == "第14条(1)");
  CHECK(LabelOf(s, "乙は、再委託先") == "第14条(2)");
}

TEST_CASE("appendices carry their own articles") {
  model::Document doc = Doc({
      {"第1条（目的）"},
      {"本契約は、委託について定める。"},
      {"以上"},
      {"甲　株式会社A"},
      {"別紙　個人情報の取扱いに関する特記事項"},
      {"乙は、以下を遵守する。"},
      {"第1条（管理）"},
      {"乙は、個人情報を適切に管理する。"},
      {"第３条（返還）"},
      {"乙は、終了時に個人情報を返還する。"},
      {"【特記事項】"},
      {"- 業務委託: 事務処理"},
  });
  Structure s = Analyze(doc);
  CHECK(Find(s, "甲　株式会社A")->zone == Zone::kSignature);
  REQUIRE(s.sections.size() == 2);
  CHECK(s.sections[0].name == "別紙");
  CHECK(s.sections[0].title == "個人情報の取扱いに関する特記事項");
  CHECK(s.sections[1].name == "特記事項");
  CHECK(LabelOf(s, "乙は、以下を遵守") == "別紙");
  CHECK(LabelOf(s, "乙は、個人情報を適切") == "別紙 第1条");
  CHECK(LabelOf(s, "乙は、終了時") == "別紙 第3条");
  CHECK(LabelOf(s, "業務委託: 事務処理") == "特記事項 第1号");
  CHECK(Find(s, "乙は、終了時")->zone == Zone::kArticle);
  CHECK(s.articles[Find(s, "乙は、終了時")->article].section == "別紙");
}

TEST_CASE("numbered clauses without 第N条") {
  model::Document doc = Doc({
      {"秘密保持誓約書"},
      {"私は、下記事項を遵守することを誓約します。"},
      {"記"},
      {"１（秘密保持の誓約）"},
      {"次に示す情報を秘密として保持します。"},
      {"①業務に関し秘密とされた情報"},
      {"②顧客に関する一切の情報"},
      {"２（秘密の報告等）"},
      {"（１）秘密情報の得喪に関わった場合には、直ちに報"},
      {"告いたします。"},
      {"（２）帰属を確認いたします。"},
      {"＿＿＿＿年＿＿月＿＿日"},
      {"住所"},
  });
  Structure s = Analyze(doc);
  CHECK(s.numbered_clauses);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[0].label == "1");
  CHECK(s.articles[0].heading == "秘密保持の誓約");
  CHECK(LabelOf(s, "次に示す") == "1");
  CHECK(LabelOf(s, "業務に関し") == "1①");
  CHECK(LabelOf(s, "顧客に関する") == "1②");
  CHECK(LabelOf(s, "秘密情報の得喪") == "2(1)");
  CHECK(LabelOf(s, "告いたします") == "2(1)");
  CHECK(Find(s, "秘密情報の得喪")->continued);
  CHECK_FALSE(Find(s, "告いたします")->continued);
  CHECK(LabelOf(s, "帰属を確認") == "2(2)");
  CHECK(Find(s, "住所")->zone == Zone::kSignature);
  CHECK(Find(s, "記")->zone == Zone::kPreamble);
}

TEST_CASE("decimal clauses") {
  model::Document doc = Doc({
      {"1. 目的"},
      {"1.1 本契約は、委託について定める。"},
      {"1.2 甲は、乙に委託する。"},
      {"2. 秘密保持"},
      {"2.1 乙は、秘密を保持する。"},
  });
  Structure s = Analyze(doc);
  CHECK(s.numbered_clauses);
  REQUIRE(s.articles.size() == 2);
  CHECK(s.articles[1].heading == "秘密保持");
  CHECK(LabelOf(s, "本契約は") == "1.1");
  CHECK(LabelOf(s, "甲は") == "1.2");
  CHECK(LabelOf(s, "乙は") == "2.1");
}

TEST_CASE("headers and footers are kOther; odd input does not break") {
  model::Document doc = Doc({
      {"第1条（目的）"},
      {std::string("本契約は\xFF\x01定める。ただし"), ""},
      {"\xE3\x80"},
  });
  model::Block header;
  header.kind = model::BlockKind::kHeader;
  header.text = "CONFIDENTIAL 第1条";
  doc.blocks.push_back(header);
  Structure s = Analyze(doc);
  const Sentence* h = Find(s, "CONFIDENTIAL");
  REQUIRE(h != nullptr);
  CHECK(h->zone == Zone::kOther);
  CHECK(h->label.empty());
  CHECK(s.articles.size() == 1);
  for (const Sentence& sentence : s.sentences) {
    const std::string& block = doc.blocks[sentence.block].text;
    CHECK(block.compare(sentence.begin, sentence.text.size(), sentence.text) == 0);
  }
  CHECK(Analyze(model::Document{}).sentences.empty());
}

}  // namespace
}  // namespace clausegap::structure
