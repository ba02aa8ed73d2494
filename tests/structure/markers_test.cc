#include "structure/markers.h"

#include <doctest/doctest.h>

#include "structure/sentences.h"

namespace clausegap::structure {
namespace {

TEST_CASE("article heads in their written forms") {
  ArticleHead h = ParseArticleHead("第1条（目的）");
  REQUIRE(h.ok);
  CHECK(h.Label() == "第1条");
  CHECK(h.heading == "目的");

  h = ParseArticleHead("第十二条（秘密保持）");
  REQUIRE(h.ok);
  CHECK(h.Label() == "第12条");

  h = ParseArticleHead("第百条");
  REQUIRE(h.ok);
  CHECK(h.Number() == "100");
  CHECK(h.heading.empty());

  h = ParseArticleHead("第１２条　目的");
  REQUIRE(h.ok);
  CHECK(h.Label() == "第12条");
  CHECK(h.heading == "目的");

  h = ParseArticleHead("第5条の2（再委託）");
  REQUIRE(h.ok);
  CHECK(h.Label() == "第5条の2");
  CHECK(h.Number() == "5の2");

  h = ParseArticleHead("### 第3条 (定義)");
  REQUIRE(h.ok);
  CHECK(h.heading == "定義");

  std::string body_line = "第２条　甲は、乙に対し本業務を委託し、乙はこれを受託する。";
  h = ParseArticleHead(body_line);
  REQUIRE(h.ok);
  CHECK(h.heading.empty());
  CHECK(body_line.substr(h.body).rfind("甲は", 0) == 0);

  std::string with_body = "第1条（目的）本契約は、業務の委託について定める。";
  h = ParseArticleHead(with_body);
  REQUIRE(h.ok);
  CHECK(h.heading == "目的");
  CHECK(with_body.substr(h.body).rfind("本契約は", 0) == 0);

  h = ParseArticleHead("第1 開発対象機能");
  REQUIRE(h.ok);
  CHECK(h.Label() == "第1");
  CHECK(h.heading == "開発対象機能");

  h = ParseArticleHead("第１条（目的）<br />");
  REQUIRE(h.ok);
  CHECK(h.heading == "目的");
}

TEST_CASE("sentences that start with a reference are no article heads") {
  CHECK_FALSE(ParseArticleHead("第5条の規定は、本契約終了後も効力を有する。").ok);
  CHECK_FALSE(ParseArticleHead("第5条及び第6条の規定は存続する。").ok);
  CHECK_FALSE(ParseArticleHead("第三者に開示してはならない。").ok);
  CHECK_FALSE(ParseArticleHead("第7条（再委託）第1項の規定にかかわらず、再委託してはならない。").ok);
  CHECK_FALSE(ParseArticleHead("第1回の支払い").ok);
  CHECK_FALSE(ParseArticleHead("第1章　総則").ok);
  CHECK(IsChapterHead("## 第1章　総則"));
  CHECK_FALSE(IsChapterHead("第1条（目的）"));
}

TEST_CASE("paragraph and item markers") {
  Marker m = ParseMarker("２　乙は、", false);
  CHECK(m.kind == MarkerKind::kArabic);
  CHECK(m.value == 2);
  CHECK(m.body == 6);  // after "２" and the ideographic space

  m = ParseMarker("2. 本規約は", false);
  CHECK(m.kind == MarkerKind::kArabic);
  CHECK(m.value == 2);

  m = ParseMarker("１．本契約は", false);
  CHECK(m.kind == MarkerKind::kArabic);
  CHECK(m.value == 1);

  m = ParseMarker("（１）甲は", false);
  CHECK(m.kind == MarkerKind::kParen);
  CHECK(m.value == 1);
  CHECK(m.literal == "（１）");

  m = ParseMarker("(12) 乙は", false);
  CHECK(m.kind == MarkerKind::kParen);
  CHECK(m.value == 12);

  m = ParseMarker("一　金銭債務", false);
  CHECK(m.kind == MarkerKind::kKanji);
  CHECK(m.value == 1);
  m = ParseMarker("十一、手形", false);
  CHECK(m.kind == MarkerKind::kKanji);
  CHECK(m.value == 11);

  m = ParseMarker("①業務に関し", false);
  CHECK(m.kind == MarkerKind::kCircled);
  CHECK(m.value == 1);

  m = ParseMarker("イ　個人情報", false);
  CHECK(m.kind == MarkerKind::kIroha);
  m = ParseMarker("(ロ) 個人情報", false);
  CHECK(m.kind == MarkerKind::kIroha);
  CHECK(m.value == 2);
  m = ParseMarker("(a) personal data", false);
  CHECK(m.kind == MarkerKind::kLatin);
  m = ParseMarker("1) 乙は", false);
  CHECK(m.kind == MarkerKind::kHalfParen);
  m = ParseMarker("1.2 乙は", false);
  CHECK(m.kind == MarkerKind::kDecimal);
  CHECK(m.value == 1);
  CHECK(m.sub_value == 2);
  m = ParseMarker("- 法令に違反する行為", false);
  CHECK(m.kind == MarkerKind::kBullet);
  m = ParseMarker("・法令に違反する行為", false);
  CHECK(m.kind == MarkerKind::kBullet);
}

TEST_CASE("words that look like markers are text") {
  CHECK(ParseMarker("3か月前までに", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("一方当事者は", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("一切の責任", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("イベントの", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("2025年1月1日", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("（目的）", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("-1", false).kind == MarkerKind::kNone);
  CHECK(ParseMarker("1.5倍", false).kind == MarkerKind::kNone);
}

TEST_CASE("Word labels are whole markers") {
  CHECK(ParseMarker("２", true).kind == MarkerKind::kArabic);
  CHECK(ParseMarker("2.", true).value == 2);
  CHECK(ParseMarker("(3)", true).kind == MarkerKind::kParen);
  CHECK(ParseMarker("三", true).kind == MarkerKind::kKanji);
  CHECK(ParseMarker("第2項", true).kind == MarkerKind::kArabic);
  CHECK(ParseMarker("第3号", true).kind == MarkerKind::kKanji);
  CHECK(ParseMarker("•", true).kind == MarkerKind::kBullet);
  CHECK(ParseMarker("2 乙", true).kind == MarkerKind::kNone);
}

TEST_CASE("heading lines, sections, titles, signatures") {
  std::string heading;
  CHECK(ParseHeadingLine("（目的）", &heading));
  CHECK(heading == "目的");
  CHECK(ParseHeadingLine("(契約の目的)", &heading));
  CHECK(heading == "契約の目的");
  CHECK(ParseHeadingLine("【秘密保持】", &heading));
  CHECK_FALSE(ParseHeadingLine("（１）", &heading));
  CHECK_FALSE(ParseHeadingLine("（目的）本契約は", &heading));
  CHECK_FALSE(ParseHeadingLine("（甲）と（乙）", &heading));

  SectionHead s = ParseSectionHead("別紙１　個人情報の取扱いに関する特記事項");
  REQUIRE(s.ok);
  CHECK(s.name == "別紙1");
  CHECK(s.title == "個人情報の取扱いに関する特記事項");
  s = ParseSectionHead("【特記事項】");
  REQUIRE(s.ok);
  CHECK(s.name == "特記事項");
  CHECK(s.title.empty());
  s = ParseSectionHead("別表第一（第3条関係）");
  REQUIRE(s.ok);
  CHECK(s.name == "別表第1");
  CHECK(ParseSectionHead("別記").ok);
  CHECK_FALSE(ParseSectionHead("別紙のとおりとする。").ok);
  CHECK_FALSE(ParseSectionHead("別紙に定める業務を委託する").ok);

  CHECK(IsTitleText("業務委託契約書"));
  CHECK(IsTitleText("# 利用規約"));
  CHECK_FALSE(IsTitleText("本契約は、甲乙間の業務委託契約について定める。"));

  CHECK(IsSignatureStart("以上"));
  CHECK(IsSignatureStart("以上、本契約の成立を証するため、本書2通を作成する。"));
  CHECK(IsSignatureStart("本契約の成立を証するため、本書２通を作成し、甲乙記名押印のうえ各１通を保有する。"));
  CHECK(IsSignatureStart("令和　　年　　月　　日"));
  CHECK(IsSignatureStart("＿＿＿＿年＿＿月＿＿日"));
  CHECK(IsSignatureStart("（甲）東京都千代田区"));
  CHECK(IsSignatureStart("住所：東京都"));
  CHECK_FALSE(IsSignatureStart("以上の定めにかかわらず、甲は解除できる。"));
  CHECK_FALSE(IsSignatureStart("住所変更の届出"));
}

TEST_CASE("sentence splitting respects brackets") {
  std::string text = "甲は、乙（以下「受託者」という。）に委託する。ただし、書面による。";
  auto spans = SplitSentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) ==
        "甲は、乙（以下「受託者」という。）に委託する。");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "ただし、書面による。");
  CHECK(IsProviso("ただし、書面による。"));
  CHECK(IsProviso("但し書面による。"));
  CHECK_FALSE(IsProviso("なお、書面による。"));

  // Quotes nested in parentheses, a stray closer, an unclosed opener.
  text = "「甲（委託者をいう。）は定める。」と書く。）丙も同様。（未完。次";
  spans = SplitSentences(text);
  REQUIRE(spans.size() == 3);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) ==
        "「甲（委託者をいう。）は定める。」と書く。");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "）丙も同様。");
  CHECK(text.substr(spans[2].begin, spans[2].end - spans[2].begin) == "（未完。次");

  // Every bracket pair holds its 。; the half-width ｡ ends a sentence too.
  text = "【注。】〔注。〕［注。］｛注。｝{注。}『注。』第一｡第二。";
  spans = SplitSentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) ==
        "【注。】〔注。〕［注。］｛注。｝{注。}『注。』第一｡");

  text = "　一行目\n二行目。  ";
  spans = SplitSentences(text);
  REQUIRE(spans.size() == 2);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "一行目");
  CHECK(text.substr(spans[1].begin, spans[1].end - spans[1].begin) == "二行目。");
  CHECK(SplitSentences("").empty());
  CHECK(SplitSentences("　 ").empty());
}

}  // namespace
}  // namespace clausegap::structure
