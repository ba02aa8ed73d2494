// Numerals as contracts write them: ASCII and full-width digits (12, １２),
// kanji numerals (十二, 百, 二〇, 壱拾), circled and parenthesised numbers
// (①, ⑴) and the iroha order (イ, ロ, ハ …). Pure functions, thread-safe.
#ifndef CLAUSEGAP_TEXT_NUMERALS_H_
#define CLAUSEGAP_TEXT_NUMERALS_H_

#include <cstddef>
#include <string_view>

namespace clausegap::text {

/// DecodeAt for every case: the out-of-line path of DecodeAt.
std::size_t DecodeAtSlow(std::string_view s, std::size_t pos, char32_t* cp);

/// Decodes the UTF-8 code point at |pos| of |s| into |*cp|; returns its byte
/// length (>= 1 while pos < s.size()). Invalid bytes decode as U+FFFD of
/// length 1; returns 0 at the end of |s|. ASCII and well-formed three-byte
/// sequences (nearly all Japanese text) are decoded inline.
inline std::size_t DecodeAt(std::string_view s, std::size_t pos, char32_t* cp) {
  if (pos < s.size()) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    if (p[0] < 0x80) {
      *cp = p[0];
      return 1;
    }
    if ((p[0] & 0xF0) == 0xE0 && s.size() - pos >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      const char32_t v = (char32_t{p[0] & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
        *cp = v;
        return 3;
      }
    }
  }
  return DecodeAtSlow(s, pos, cp);
}

/// Returns the value of a digit code point (0-9 ASCII or full-width), or -1.
int DigitValue(char32_t cp);

/// Reads the longest numeral at the start of |s|: a run of ASCII/full-width
/// digits, or a run of kanji numerals (〇零一壱二弐三参四五六七八九十拾百千).
/// Returns its value and sets |*length| to the bytes read, or returns -1 (and
/// sets 0) when |s| does not start with a numeral or the value exceeds 999999.
int ReadNumeral(std::string_view s, std::size_t* length);

/// Returns the value of |s| if the whole of it is one numeral, else -1.
int ParseNumeral(std::string_view s);

/// Returns 1-50 for ①-㊿, 1-20 for ⑴-⒇ and ⒈-⒛; else -1.
int EnclosedNumber(char32_t cp);

/// Returns the 1-based position of |cp| in the iroha order (イ=1, ロ=2, ハ=3 …,
/// katakana, full-width or half-width), or -1.
int IrohaIndex(char32_t cp);

}  // namespace clausegap::text

#endif  // CLAUSEGAP_TEXT_NUMERALS_H_
