#include "text/numerals.h"

namespace clausegap::text {
namespace {

constexpr int kMaxValue = 999999;

// Value of a kanji digit, or -1; units (十百千) are handled by the caller.
int KanjiDigit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': case U'壱': return 1;
    case U'二': case U'弐': return 2;
    case U'三': case U'参': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int KanjiUnit(char32_t cp) {
  switch (cp) {
    case U'十': case U'拾': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    default: return 0;
  }
}

}  // namespace

std::size_t DecodeAtSlow(std::string_view s, std::size_t pos, char32_t* cp) {
  if (pos >= s.size()) {
    *cp = 0;
    return 0;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  const std::size_t left = s.size() - pos;
  const unsigned char c = p[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, value = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, value = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, value = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (len > left) {
    *cp = 0xFFFD;
    return 1;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (p[i] & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = value;
  return len;
}

int DigitValue(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= U'０' && cp <= U'９') return static_cast<int>(cp - U'０');
  return -1;
}

int ReadNumeral(std::string_view s, std::size_t* length) {
  *length = 0;
  char32_t cp = 0;
  std::size_t len = DecodeAt(s, 0, &cp);
  if (len == 0) return -1;
  if (DigitValue(cp) >= 0) {
    long value = 0;
    std::size_t pos = 0;
    while ((len = DecodeAt(s, pos, &cp)) > 0 && DigitValue(cp) >= 0) {
      value = value * 10 + DigitValue(cp);
      if (value > kMaxValue) return -1;
      pos += len;
    }
    *length = pos;
    return static_cast<int>(value);
  }
  if (KanjiDigit(cp) < 0 && KanjiUnit(cp) == 0) return -1;
  // Kanji: 十二 = 12, 百五 = 105, 二千三十 = 2030; a run of digits without
  // units (二〇, 一二) is positional.
  long total = 0;
  long current = -1;  // pending digit run, -1 when none
  int last_unit = 100000;
  std::size_t pos = 0;
  while ((len = DecodeAt(s, pos, &cp)) > 0) {
    int digit = KanjiDigit(cp);
    int unit = KanjiUnit(cp);
    if (digit >= 0) {
      current = current < 0 ? digit : current * 10 + digit;
      if (current > kMaxValue) return -1;
    } else if (unit > 0) {
      if (unit >= last_unit) break;  // 十十 or 十百: not one numeral
      total += (current < 0 ? 1 : current) * unit;
      current = -1;
      last_unit = unit;
    } else {
      break;
    }
    pos += len;
  }
  if (current > 0) total += current;
  if (total > kMaxValue) return -1;
  *length = pos;
  return static_cast<int>(total);
}

int ParseNumeral(std::string_view s) {
  std::size_t length = 0;
  int value = ReadNumeral(s, &length);
  return length == s.size() && length > 0 ? value : -1;
}

int EnclosedNumber(char32_t cp) {
  if (cp >= 0x2460 && cp <= 0x2473) return static_cast<int>(cp - 0x2460) + 1;  // ①-⑳
  if (cp >= 0x3251 && cp <= 0x325F) return static_cast<int>(cp - 0x3251) + 21;  // ㉑-㉟
  if (cp >= 0x32B1 && cp <= 0x32BF) return static_cast<int>(cp - 0x32B1) + 36;  // ㊱-㊿
  if (cp >= 0x2474 && cp <= 0x2487) return static_cast<int>(cp - 0x2474) + 1;  // ⑴-⒇
  if (cp >= 0x2488 && cp <= 0x249B) return static_cast<int>(cp - 0x2488) + 1;  // ⒈-⒛
  if (cp >= 0x2776 && cp <= 0x277F) return static_cast<int>(cp - 0x2776) + 1;  // ❶-❿
  return -1;
}

int IrohaIndex(char32_t cp) {
  static constexpr char32_t kFull[] = U"イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
  static constexpr char32_t kHalf[] = U"ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳ";
  for (int i = 0; kFull[i] != 0; ++i) {
    if (kFull[i] == cp) return i + 1;
  }
  for (int i = 0; kHalf[i] != 0; ++i) {
    if (kHalf[i] == cp) return i + 1;
  }
  return -1;
}

}  // namespace clausegap::text
