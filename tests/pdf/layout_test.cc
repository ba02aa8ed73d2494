// Tests of the PDF page layout: lines into paragraphs the Japanese way,
// running headers, footers and page numbers dropped, clause markers.
#include "pdf/layout.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace clausegap::pdf {
namespace {

// A word of full-width characters of |size| points starting at (x, y).
Word Wide(const std::string& text, double x, double y, double size = 10) {
  std::size_t chars = 0;
  for (char c : text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return Word{text, x, y, x + size * static_cast<double>(chars), y + size};
}

Page A4(std::vector<Word> words) { return Page{595, 842, std::move(words)}; }

std::vector<std::string> Texts(const std::vector<Paragraph>& paragraphs) {
  std::vector<std::string> out;
  for (const Paragraph& p : paragraphs) out.push_back(p.text);
  return out;
}

TEST_CASE("page numbers in their usual shapes") {
  for (const char* line : {"3", "- 3 -", "3 / 12", "(3)", "Page 3", "p. 3", "3ページ", "－３－", "３頁"}) {
    CHECK_MESSAGE(IsPageNumber(line), line);
  }
  for (const char* line : {"", "第3条", "2026年", "3 本契約", "- -"}) {
    CHECK_FALSE_MESSAGE(IsPageNumber(line), line);
  }
}

TEST_CASE("clause markers that open a paragraph") {
  for (const char* line : {"第1条（目的）", "第 12 条", "第十二条 定義", "２ 乙は", "2. 乙は", "（1）開示",
                           "(3) 乙", "① 甲は", "一、個人情報", "三 前各号", "ア 氏名", "別紙1",
                           "特記事項", "第2章 総則"}) {
    CHECK_MESSAGE(StartsWithMarker(line), line);
  }
  for (const char* line : {"乙は、甲の", "2026年4月1日", "第三者に開示", "（以下「甲」という。）は",
                           "一部を再委託", "12345 番地"}) {
    CHECK_FALSE_MESSAGE(StartsWithMarker(line), line);
  }
}

TEST_CASE("wrapped lines join without spaces; short lines and markers end paragraphs") {
  // Body from x 72 to 522 (45 characters of 10 pt); lines 18 pt apart.
  std::vector<Word> words = {
      Wide("業務委託契約書", 250, 60),
      Wide("第1条（目的）", 72, 100),
      Wide("本契約は、甲が乙に委託する業務の内容及び条件について定めることを目的とする。甲及", 72, 118),
      Wide("び乙は誠実に履行する。", 72, 136),
      Wide("2", 72, 154), Wide("乙は、前項の業務を自ら行う。", 92, 154),
  };
  auto paragraphs = LayoutParagraphs({A4(words)});
  CHECK(Texts(paragraphs) ==
        std::vector<std::string>{"業務委託契約書", "第1条（目的）",
                                 "本契約は、甲が乙に委託する業務の内容及び条件について定めることを目的とする。甲及び乙は誠実に履行する。",
                                 "2 乙は、前項の業務を自ら行う。"});
  CHECK(paragraphs[0].page == 1);
}

TEST_CASE("lines are read by position, whatever order the words come in") {
  // As poppler gives a numbered list: the column of labels after the first
  // item's text, then the other items.
  std::vector<Word> words = {Wide("一", 72, 100), Wide("発送物の封入", 102, 100),
                             Wide("二十六", 72, 118), Wide("五", 72, 136),
                             Wide("会員情報の変更の受付", 142, 118), Wide("申込書の受付", 102, 136)};
  CHECK(Texts(LayoutParagraphs({A4(words)})) ==
        std::vector<std::string>{"一 発送物の封入", "二十六 会員情報の変更の受付", "五 申込書の受付"});
}

TEST_CASE("a table row stands alone") {
  // A full-width row of three cells, then a full line of text.
  std::vector<Word> words = {Wide("項目", 72, 100), Wide("内容", 132, 100), Wide("期限は三十日とする", 412, 100),
                             Wide("乙は、前項の表に定める期限までに、その内容を書面に記載して甲に報告しなければならない。", 72, 118),
                             Wide("以上", 72, 136)};
  CHECK(Texts(LayoutParagraphs({A4(words)})) ==
        std::vector<std::string>{"項目 内容 期限は三十日とする",
                                 "乙は、前項の表に定める期限までに、その内容を書面に記載して甲に報告しなければならない。以上"});
}

TEST_CASE("close wide characters get no space; Latin words keep theirs") {
  std::vector<Word> words = {Wide("受託", 72, 100), Wide("者は", 93, 100),
                             Word{"ISO", 200, 100, 218, 110}, Word{"27001", 221, 100, 250, 110}};
  auto paragraphs = LayoutParagraphs({A4(words)});
  REQUIRE(paragraphs.size() == 1);
  CHECK(paragraphs[0].text == "受託者は ISO 27001");
}

TEST_CASE("running headers, footers and page numbers are dropped; paragraphs cross pages") {
  const std::string full = "乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、あらかじめ甲の書面";
  std::vector<Page> pages = {
      A4({Wide("社外秘", 480, 30), Wide("第6条（再委託）", 72, 100), Wide(full, 72, 780),
          Word{"- 1 -", 280, 810, 305, 820}}),
      A4({Wide("社外秘", 480, 30), Wide("による承諾を得た場合は、この限りでない。", 72, 100),
          Word{"- 2 -", 280, 810, 305, 820}}),
  };
  auto paragraphs = LayoutParagraphs(pages);
  REQUIRE(paragraphs.size() == 2);
  CHECK(paragraphs[0].text == "第6条（再委託）");
  CHECK(paragraphs[1].text == full + "による承諾を得た場合は、この限りでない。");
  CHECK(paragraphs[1].page == 1);
}

TEST_CASE("a line in the margin band that does not recur is kept (a title on page 1)") {
  std::vector<Page> pages = {A4({Wide("秘密保持契約書", 240, 40), Wide("第1条", 72, 100)}),
                             A4({Wide("第2条", 72, 100)})};
  CHECK(Texts(LayoutParagraphs(pages)) == std::vector<std::string>{"秘密保持契約書", "第1条", "第2条"});
}

}  // namespace
}  // namespace clausegap::pdf
