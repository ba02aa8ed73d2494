// Automatic numbering: every number format, lvlText across levels, start,
// overrides, restarts, shared lists and style-linked numbering.
#include <doctest/doctest.h>

#include "docx/numbering.h"
#include "docx/read_helpers.h"

namespace clausegap {
namespace {

using docx::FormatNumber;
using testing::Lines;
using testing::MakeDocx;
using testing::P;
using testing::Read;
using testing::Strings;

TEST_CASE("every number format Japanese contracts use") {
  CHECK(FormatNumber(12, "decimal") == "12");
  CHECK(FormatNumber(7, "decimalZero") == "07");
  CHECK(FormatNumber(12, "decimalZero") == "12");
  CHECK(FormatNumber(12, "decimalFullWidth") == "１２");
  CHECK(FormatNumber(3, "decimalHalfWidth") == "3");
  CHECK(FormatNumber(1, "japaneseCounting") == "一");
  CHECK(FormatNumber(10, "japaneseCounting") == "十");
  CHECK(FormatNumber(12, "japaneseCounting") == "十二");
  CHECK(FormatNumber(21, "japaneseCounting") == "二十一");
  CHECK(FormatNumber(100, "japaneseCounting") == "百");
  CHECK(FormatNumber(305, "japaneseCounting") == "三百五");
  CHECK(FormatNumber(1234, "japaneseCounting") == "千二百三十四");
  CHECK(FormatNumber(20000, "japaneseCounting") == "二万");
  CHECK(FormatNumber(11, "japaneseLegal") == "壱拾壱");
  CHECK(FormatNumber(23, "japaneseLegal") == "弐拾参");
  CHECK(FormatNumber(10, "japaneseDigitalTenThousand") == "一〇");
  CHECK(FormatNumber(12345, "japaneseDigitalTenThousand") == "一万二三四五");
  CHECK(FormatNumber(1, "decimalEnclosedCircle") == "①");
  CHECK(FormatNumber(20, "decimalEnclosedCircle") == "⑳");
  CHECK(FormatNumber(21, "decimalEnclosedCircle") == "21");
  CHECK(FormatNumber(3, "decimalEnclosedFullstop") == "⒊");
  CHECK(FormatNumber(1, "decimalEnclosedParen") == "⑴");
  CHECK(FormatNumber(20, "decimalEnclosedParen") == "⒇");
  CHECK(FormatNumber(1, "aiueoFullWidth") == "ア");
  CHECK(FormatNumber(3, "aiueoFullWidth") == "ウ");
  CHECK(FormatNumber(46, "aiueoFullWidth") == "ン");
  CHECK(FormatNumber(2, "aiueo") == "ｲ");
  CHECK(FormatNumber(1, "irohaFullWidth") == "イ");
  CHECK(FormatNumber(3, "irohaFullWidth") == "ハ");
  CHECK(FormatNumber(2, "iroha") == "ﾛ");
  CHECK(FormatNumber(1, "upperLetter") == "A");
  CHECK(FormatNumber(26, "lowerLetter") == "z");
  CHECK(FormatNumber(28, "upperLetter") == "BB");
  CHECK(FormatNumber(4, "upperRoman") == "IV");
  CHECK(FormatNumber(1994, "upperRoman") == "MCMXCIV");
  CHECK(FormatNumber(9, "lowerRoman") == "ix");
  CHECK(FormatNumber(1, "ideographTraditional") == "甲");
  CHECK(FormatNumber(3, "ideographTraditional") == "丙");
  CHECK(FormatNumber(2, "ordinal") == "2nd");
  CHECK(FormatNumber(12, "ordinal") == "12th");
  CHECK(FormatNumber(5, "none") == "");
  CHECK(FormatNumber(5, "someFutureFormat") == "5");
}

std::string Lvl(int ilvl, const std::string& format, const std::string& text, int start = 1,
                const std::string& extra = "") {
  return "<w:lvl w:ilvl=\"" + std::to_string(ilvl) + "\"><w:start w:val=\"" + std::to_string(start) +
         "\"/><w:numFmt w:val=\"" + format + "\"/>" + extra + "<w:lvlText w:val=\"" + text +
         "\"/><w:suff w:val=\"space\"/></w:lvl>";
}

std::string Num(int num_id, int abstract_id, const std::string& overrides = "") {
  return "<w:num w:numId=\"" + std::to_string(num_id) + "\"><w:abstractNumId w:val=\"" +
         std::to_string(abstract_id) + "\"/>" + overrides + "</w:num>";
}

std::string NumPr(int num_id, int ilvl) {
  return "<w:numPr><w:ilvl w:val=\"" + std::to_string(ilvl) + "\"/><w:numId w:val=\"" +
         std::to_string(num_id) + "\"/></w:numPr>";
}

TEST_CASE("第%1条 with 項 and 号 levels, as Word shows them") {
  testing::DocxParts parts;
  parts.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "第%1条") +
                    Lvl(1, "decimalFullWidth", "%2") + Lvl(2, "japaneseCounting", "%3") +
                    Lvl(3, "decimalEnclosedParen", "%4") + "</w:abstractNum>" +
                    "<w:abstractNum w:abstractNumId=\"1\">" + Lvl(0, "japaneseCounting", "第%1条") +
                    // Without w:isLgl, %1 keeps level 0's kanji; with it, all decimal.
                    Lvl(1, "decimal", "%1.%2") + Lvl(2, "lowerLetter", "%1.%2.%3", 1, "<w:isLgl/>") +
                    "</w:abstractNum>" + Num(1, 0) + Num(2, 1);
  parts.body = P("（目的）", NumPr(1, 0)) + P("本文") + P("二項", NumPr(1, 1)) + P("一号", NumPr(1, 2)) +
               P("二号", NumPr(1, 2)) + P("小", NumPr(1, 3)) + P("三項", NumPr(1, 1)) +
               P("（定義）", NumPr(1, 0)) + P("再び二項", NumPr(1, 1)) + P("号", NumPr(1, 2)) +
               P("漢数字", NumPr(2, 0)) + P("x", NumPr(2, 1)) + P("法", NumPr(2, 2)) +
               P("十二", NumPr(2, 0));
  model::Document document = Read(MakeDocx(parts));
  CHECK(Lines(document) == Strings{"第1条 （目的）", "本文", "１ 二項", "一 一号", "二 二号", "⑴ 小",
                                   "２ 三項", "第2条 （定義）", "１ 再び二項", "一 号",
                                   "第一条 漢数字", "一.1 x", "1.1.1 法", "第二条 十二"});
  CHECK(document.blocks[0].num_level == 0);
  CHECK(document.blocks[3].num_level == 2);
  CHECK(document.blocks[1].num_level == -1);
}

TEST_CASE("thirty articles numbered by lvlText 第%1条 through a paragraph style") {
  testing::DocxParts parts;
  parts.styles =
      "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Article\"><w:name w:val=\"Article Heading\"/>"
      "<w:basedOn w:val=\"Normal\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr>"
      "<w:outlineLvl w:val=\"1\"/></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"Article2\"><w:name w:val=\"Article Heading 2\"/>"
      "<w:basedOn w:val=\"Article\"/></w:style>";
  parts.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimalFullWidth", "第%1条", 1,
                                                                   "<w:pStyle w:val=\"Article\"/>") +
                    "</w:abstractNum>" + Num(1, 0);
  std::string expected_first;
  for (int i = 1; i <= 30; ++i) {
    parts.body += P("見出し" + std::to_string(i), i == 30 ? "<w:pStyle w:val=\"Article2\"/>"
                                                          : "<w:pStyle w:val=\"Article\"/>");
    parts.body += P("本文");
  }
  parts.body += P("番号なし", "<w:pStyle w:val=\"Article\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
  model::Document document = Read(MakeDocx(parts));
  REQUIRE(document.blocks.size() == 61);
  CHECK(document.blocks[0].label == "第１条");
  CHECK(document.blocks[0].outline_level == 1);
  CHECK(document.blocks[0].style_name == "Article Heading");
  CHECK(document.blocks[2].label == "第２条");
  CHECK(document.blocks[22].label == "第１２条");
  CHECK(document.blocks[58].label == "第３０条");  // style based on Article
  CHECK(document.blocks[59].label == "");
  CHECK(document.blocks[60].label == "");  // numId 0 turns the style's numbering off
}

TEST_CASE("start, startOverride, shared lists and restart rules") {
  testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "decimal", "%1.", 5) +
      Lvl(1, "decimalEnclosedCircle", "%2") + Lvl(2, "aiueoFullWidth", "%3", 1, "<w:lvlRestart w:val=\"1\"/>") +
      "</w:abstractNum>"
      "<w:abstractNum w:abstractNumId=\"1\">" + Lvl(0, "upperRoman", "%1", 1) +
      Lvl(1, "irohaFullWidth", "%2", 1, "<w:lvlRestart w:val=\"0\"/>") + "</w:abstractNum>" +
      Num(1, 0) + Num(2, 0) +
      Num(3, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride>") +
      Num(4, 1) +
      Num(5, 0, "<w:lvlOverride w:ilvl=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/><w:numFmt w:val=\"upperLetter\"/>"
                "<w:lvlText w:val=\"(%1)\"/></w:lvl></w:lvlOverride>");
  parts.body = P("a", NumPr(1, 0)) + P("b", NumPr(1, 1)) + P("c", NumPr(1, 1)) +
               P("d", NumPr(1, 2)) + P("e", NumPr(1, 1)) + P("f", NumPr(1, 2)) +
               // numId 2 shares abstractNum 0 without an override: it continues.
               P("g", NumPr(2, 0)) + P("h", NumPr(2, 1)) +
               // numId 3 restarts at 1 and is a list of its own.
               P("i", NumPr(3, 0)) + P("j", NumPr(3, 0)) + P("k", NumPr(1, 0)) +
               // lvlRestart 0: level 1 never restarts.
               P("l", NumPr(4, 0)) + P("m", NumPr(4, 1)) + P("n", NumPr(4, 0)) + P("o", NumPr(4, 1)) +
               // A whole level redefined by lvlOverride, without w:startOverride:
               // it looks different but continues abstract list 0's count (5, 6, 7 → 8).
               P("p", NumPr(5, 0)) + P("q", NumPr(5, 0)) +
               // An undefined list gives no label.
               P("r", NumPr(99, 0));
  CHECK(Lines(Read(MakeDocx(parts))) ==
        Strings{"5. a", "① b", "② c", "ア d", "③ e", "イ f", "6. g", "① h", "1. i", "2. j", "7. k",
                "I l", "イ m", "II n", "ロ o", "(H) p", "(I) q", "r"});
}

TEST_CASE("bullets render their symbol") {
  testing::DocxParts parts;
  parts.numbering = "<w:abstractNum w:abstractNumId=\"0\">" + Lvl(0, "bullet", "\xEF\x82\xB7") +
                    Lvl(1, "bullet", "・") + "</w:abstractNum>" + Num(1, 0);
  parts.body = P("一", NumPr(1, 0)) + P("二", NumPr(1, 1));
  CHECK(Lines(Read(MakeDocx(parts))) == Strings{"• 一", "・ 二"});
}

}  // namespace
}  // namespace clausegap
