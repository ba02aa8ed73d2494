#include "text/normalize.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace clausegap::text {
namespace {

// Checks that every byte of the normalised text maps into the original and
// that the map never goes backwards.
void CheckMap(std::string_view original, const NormalizedText& n) {
  REQUIRE(n.source.size() == n.text.size() + 1);
  CHECK(n.source.back() == original.size());
  for (std::size_t i = 0; i + 1 < n.source.size(); ++i) {
    CHECK(n.source[i] <= n.source[i + 1]);
    CHECK(n.source[i] < original.size());
  }
}

TEST_CASE("ASCII passes through with an identity map") {
  NormalizedText n = Normalize("abc 123");
  CHECK(n.text == "abc 123");
  CHECK(n.ToSource(0) == 0);
  CHECK(n.ToSource(4) == 4);
  CHECK(n.ToSource(99) == 7);
  CheckMap("abc 123", n);
}

TEST_CASE("full-width digits and Latin become half-width, mapped per character") {
  std::string original = "第１２条ＡＢ";
  NormalizedText n = Normalize(original);
  CHECK(n.text == "第12条AB");
  // "1" is byte 3 of the result and comes from byte 3 of the original; "2"
  // (byte 4) from byte 6.
  CHECK(n.ToSource(3) == 3);
  CHECK(n.ToSource(4) == 6);
  CHECK(OriginalText(original, n, 3, 5) == "１２");
  CheckMap(original, n);
}

TEST_CASE("half-width katakana with voiced marks compose to full-width") {
  std::string original = "ｶﾞｲﾄﾞﾗｲﾝ";  // ガイドライン
  NormalizedText n = Normalize(original);
  CHECK(n.text == "ガイドライン");
  // ガ (3 bytes) comes from ｶﾞ (6 bytes): quoting it gives both characters.
  CHECK(OriginalText(original, n, 0, 3) == "ｶﾞ");
  CHECK(OriginalText(original, n, 3, 6) == "ｲ");
  CHECK(OriginalText(original, n, 6, 9) == "ﾄﾞ");
  CheckMap(original, n);
}

TEST_CASE("combining marks after ASCII compose") {
  std::string original = "cafe\xCC\x81!";  // e + U+0301
  NormalizedText n = Normalize(original);
  CHECK(n.text == "caf\xC3\xA9!");
  CHECK(OriginalText(original, n, 3, 5) == "e\xCC\x81");
  CheckMap(original, n);
}

TEST_CASE("a compatibility character expanding to several maps to itself") {
  std::string original = "株式会社㈱甲";
  NormalizedText n = Normalize(original);
  CHECK(n.text == "株式会社(株)甲");
  std::size_t open = n.text.find('(');
  // A range ending inside the expansion widens to the whole ㈱.
  CHECK(OriginalText(original, n, open, open + 1) == "㈱");
  CHECK(OriginalText(original, n, open, open + 5) == "㈱");
  CheckMap(original, n);
}

TEST_CASE("ideographic space and full-width brackets") {
  NormalizedText n = Normalize("（目的）\u3000甲");
  CHECK(n.text == "(目的) 甲");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD per byte and still maps back") {
  std::string original = "甲\xFF\xC3乙\xE3\x81";  // stray byte, truncated sequences
  NormalizedText n = Normalize(original);
  CHECK(n.text == "甲\xEF\xBF\xBD\xEF\xBF\xBD乙\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(n.ToSource(3) == 3);
  CHECK(n.ToSource(6) == 4);
  CheckMap(original, n);
}

TEST_CASE("control characters are dropped, tab and newline kept") {
  std::string original = std::string("a\r\nb\x01\tc\x7f") + "\xC2\x85" + "d\x0c" + "e";
  NormalizedText n = Normalize(original);
  CHECK(n.text == "a\nb\tc\nd\ne");
  CheckMap(original, n);
}

TEST_CASE("zero-width and BOM characters are removed") {
  std::string original = "\xEF\xBB\xBF再\xE2\x80\x8B委託";
  NormalizedText n = Normalize(original);
  CHECK(n.text == "再委託");
  CHECK(OriginalText(original, n, 3, 6) == "委");
  CheckMap(original, n);
}

TEST_CASE("empty input") {
  NormalizedText n = Normalize("");
  CHECK(n.text.empty());
  REQUIRE(n.source.size() == 1);
  CHECK(n.ToSource(0) == 0);
  CHECK(OriginalText("", n, 0, 5).empty());
}

TEST_CASE("a mark with no base and a lone voiced mark do not break anything") {
  std::string original = "\xCC\x81ﾞ甲";
  NormalizedText n = Normalize(original);
  CHECK(n.text.find("甲") != std::string::npos);
  CheckMap(original, n);
}

// Normalize() copies runs of plain text (ASCII, stable kanji and kana)
// without asking utf8proc; NormalizeText() builds no map. Both must give
// exactly what the general path gives, on text mixing plain characters with
// everything that is not plain: marks that compose with the character
// before them, compatibility characters, controls, invalid and truncated
// UTF-8.
TEST_CASE("the shortcuts for plain text give what the general path gives") {
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "\t", "\n", "\r", "\x01", "\x7f", "\v", "\f", "甲", "乙", "あ", "カ",
      "、", "。", "「", "」", "【", "ー", "ｶ", "ﾞ", "ﾟ", "ﾊ", "\xE3\x82\x99", "\xE3\x82\x9A",
      "\xCC\x81", "e", "１", "Ａ", "㈱", "\u3000", "\u2028", "\xC2\x85", "\u200B", "\uFEFF",
      "\xFF", "\xE3\x81", "\xE3", "\x80", "\xF0\x9F\x98\x80", "\xEF\xA4\x80", "\xE0\x80\x80",
      "\xED\xA0\x80", "\xE3\x80\x80", "\xEF\xBD\xA1",
      // the ends of the CJK block and what lies beside them: ䷿ 一 鿿 ꀀ, and ・
      "\xE4\xB7\xBF", "\xE4\xB8\x80", "\xE9\xBF\xBF", "\xEA\x80\x80", "\xE3\x83\xBB"};
  std::mt19937 random(20261204);
  for (int round = 0; round < 4000; ++round) {
    std::string original;
    const int count = static_cast<int>(random() % 24);
    for (int k = 0; k < count; ++k) {
      // Mostly plain text, so that runs form, with the other pieces among it.
      const std::size_t pick = random() % 3 == 0 ? random() % pieces.size() : random() % 16;
      original += pieces[pick];
    }
    if (round % 5 == 0) {  // and arbitrary bytes, most of them in UTF-8's ranges
      for (int k = static_cast<int>(random() % 12); k > 0; --k) {
        const unsigned r = random() % 4;
        original += static_cast<char>(r == 0 ? random() % 0x80 : r == 1 ? 0xE3 : 0x80 + random() % 0x40);
      }
    }
    CAPTURE(original);
    const NormalizedText reference = NormalizeWithoutShortcuts(original);
    const NormalizedText fast = Normalize(original);
    REQUIRE(fast.text == reference.text);
    REQUIRE(fast.source == reference.source);
    REQUIRE(NormalizeText(original) == reference.text);
  }
}

}  // namespace
}  // namespace clausegap::text
