#include "text/numerals.h"

#include <doctest/doctest.h>

namespace clausegap::text {
namespace {

TEST_CASE("ParseNumeral reads ASCII, full-width and kanji numerals") {
  CHECK(ParseNumeral("12") == 12);
  CHECK(ParseNumeral("１２") == 12);
  CHECK(ParseNumeral("一") == 1);
  CHECK(ParseNumeral("十") == 10);
  CHECK(ParseNumeral("十二") == 12);
  CHECK(ParseNumeral("二十") == 20);
  CHECK(ParseNumeral("二十三") == 23);
  CHECK(ParseNumeral("百") == 100);
  CHECK(ParseNumeral("百五") == 105);
  CHECK(ParseNumeral("百二十一") == 121);
  CHECK(ParseNumeral("千二百三十四") == 1234);
  CHECK(ParseNumeral("二〇") == 20);
  CHECK(ParseNumeral("一二") == 12);
  CHECK(ParseNumeral("壱拾") == 10);
  CHECK(ParseNumeral("弐") == 2);
}

TEST_CASE("ParseNumeral rejects what is not one numeral") {
  CHECK(ParseNumeral("") == -1);
  CHECK(ParseNumeral("第1") == -1);
  CHECK(ParseNumeral("12a") == -1);
  CHECK(ParseNumeral("十十") == -1);
  CHECK(ParseNumeral("9999999") == -1);
  CHECK(ParseNumeral("三者") == -1);
}

TEST_CASE("ReadNumeral reads a prefix") {
  std::size_t length = 0;
  CHECK(ReadNumeral("十二条", &length) == 12);
  CHECK(length == 6);
  CHECK(ReadNumeral("５条の２", &length) == 5);
  CHECK(length == 3);
  CHECK(ReadNumeral("三者", &length) == 3);
  CHECK(length == 3);
  CHECK(ReadNumeral("条", &length) == -1);
  CHECK(length == 0);
}

TEST_CASE("enclosed numbers and iroha") {
  CHECK(EnclosedNumber(U'①') == 1);
  CHECK(EnclosedNumber(U'⑳') == 20);
  CHECK(EnclosedNumber(U'㉑') == 21);
  CHECK(EnclosedNumber(U'⑴') == 1);
  CHECK(EnclosedNumber(U'甲') == -1);
  CHECK(IrohaIndex(U'イ') == 1);
  CHECK(IrohaIndex(U'ロ') == 2);
  CHECK(IrohaIndex(U'ハ') == 3);
  CHECK(IrohaIndex(U'ﾊ') == 3);
  CHECK(IrohaIndex(U'ン') == -1);
}

TEST_CASE("DecodeAt handles invalid bytes") {
  char32_t cp = 0;
  CHECK(DecodeAt("\xE7\x94\xB2", 0, &cp) == 3);
  CHECK(cp == U'甲');
  CHECK(DecodeAt("\xE7\x94", 0, &cp) == 1);
  CHECK(cp == 0xFFFD);
  CHECK(DecodeAt("\xC0\xAF", 0, &cp) == 1);  // overlong
  CHECK(cp == 0xFFFD);
  CHECK(DecodeAt("\xED\xA0\x80", 0, &cp) == 1);  // surrogate
  CHECK(DecodeAt("", 0, &cp) == 0);
}

}  // namespace
}  // namespace clausegap::text
