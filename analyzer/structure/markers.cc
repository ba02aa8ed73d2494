#include "structure/markers.h"

#include <initializer_list>

#include "text/contains.h"
#include "text/numerals.h"

namespace clausegap::structure {
namespace {

using text::DecodeAt;

bool StartsWith(std::string_view s, std::size_t pos, std::string_view prefix) {
  return pos <= s.size() && s.substr(pos, prefix.size()) == prefix;
}

using text::Contains;

bool IsSpace(char32_t cp) {
  return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0x3000 || cp == 0xA0;
}

// Length of an HTML line break (<br>, <br/>, <br />) at |pos|, else 0.
std::size_t HtmlBreak(std::string_view s, std::size_t pos) {
  if (!StartsWith(s, pos, "<br")) return 0;
  std::size_t k = pos + 3;
  while (k < s.size() && s[k] == ' ') ++k;
  if (k < s.size() && s[k] == '/') ++k;
  if (k < s.size() && s[k] == '>') return k + 1 - pos;
  return 0;
}

char32_t CloserOf(char32_t open) {
  switch (open) {
    case U'（': return U'）';
    case U'(': return U')';
    case U'【': return U'】';
    case U'［': return U'］';
    case U'[': return U']';
    case U'〔': return U'〕';
    default: return 0;
  }
}

// Skips leading markdown decoration: '#', '*' and spaces.
std::size_t SkipDecoration(std::string_view s, std::size_t pos) {
  for (;;) {
    pos = SkipSpace(s, pos);
    if (pos < s.size() && (s[pos] == '#' || s[pos] == '*')) {
      ++pos;
      continue;
    }
    return pos;
  }
}

// Strips trailing '*' (markdown bold) and spaces.
std::string_view TrimDecoration(std::string_view s) {
  s = Trim(s);
  while (!s.empty() && s.back() == '*') s = Trim(s.substr(0, s.size() - 1));
  return s;
}

// True if |rest| starts the way a sentence that cites an article does
// (第5条の規定…, 第5条及び第6条…).
bool StartsWithParticle(std::string_view rest) {
  char32_t cp = 0;
  DecodeAt(rest, 0, &cp);
  switch (cp) {
    case U'の': case U'に': case U'を': case U'は': case U'が': case U'と': case U'で':
    case U'も': case U'へ': case U'、': case U'，': case U',': case U'。': case U'・':
      return true;
    default: break;
  }
  for (std::string_view word : {"及び", "又は", "並び", "乃至", "ないし", "から", "まで", "より", "第"}) {
    if (StartsWith(rest, 0, word)) return true;
  }
  return false;
}

}  // namespace

std::size_t ReadBracket(std::string_view s, std::size_t pos, std::string_view* inside) {
  char32_t open = 0;
  std::size_t len = DecodeAt(s, pos, &open);
  char32_t close = CloserOf(open);
  if (close == 0) return 0;
  std::size_t k = pos + len;
  int depth = 0;
  for (int count = 0; k < s.size() && count <= 40; ++count) {
    char32_t cp = 0;
    std::size_t n = DecodeAt(s, k, &cp);
    if (cp == U'。') return 0;
    if (cp == open) ++depth;
    if (cp == close) {
      if (depth == 0) {
        *inside = s.substr(pos + len, k - pos - len);
        return k + n;
      }
      --depth;
    }
    k += n;
  }
  return 0;
}

namespace {

int LatinIndex(char32_t cp) {
  if (cp >= U'a' && cp <= U'z') return static_cast<int>(cp - U'a') + 1;
  if (cp >= U'ａ' && cp <= U'ｚ') return static_cast<int>(cp - U'ａ') + 1;
  return -1;
}

bool IsBullet(char32_t cp) {
  switch (cp) {
    case U'・': case U'•': case U'●': case U'○': case U'■': case U'□': case U'◆': case U'◇':
    case U'-': case U'*': case U'‐': case U'－': case U'−': case U'–': case U'—': case U'▪':
    case U'➢': case U'✓': case U'･': case 0xF0B7: case 0xF0A7: case 0xF0FC: case 0xF076:
    case 0xF0D8:
      return true;
    default:
      return false;
  }
}

bool IsKanjiNumeralStart(char32_t cp) {
  switch (cp) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'十': case U'壱': case U'弐': case U'参':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::size_t SkipSpace(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    // Only these bytes start white space (U+3000 is E3 80 80, U+00A0 C2 A0)
    // or "<br": any other character ends the space without being decoded.
    const unsigned char lead = static_cast<unsigned char>(s[pos]);
    if (lead != ' ' && lead != '\t' && lead != '\n' && lead != '\r' && lead != 0xE3 && lead != 0xC2 &&
        lead != '<') {
      break;
    }
    char32_t cp = 0;
    std::size_t len = DecodeAt(s, pos, &cp);
    if (IsSpace(cp)) {
      pos += len;
    } else if (std::size_t br = HtmlBreak(s, pos)) {
      pos += br;
    } else {
      break;
    }
  }
  return pos;
}

std::string_view Trim(std::string_view s) {
  std::size_t begin = SkipSpace(s, 0);
  std::size_t end = s.size();
  while (end > begin) {
    unsigned char c = static_cast<unsigned char>(s[end - 1]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      --end;
    } else if (end - begin >= 3 && s.substr(end - 3, 3) == "\u3000") {
      end -= 3;
    } else if (end - begin >= 2 && s.substr(end - 2, 2) == "\u00a0") {
      end -= 2;
    } else if (c == '>') {
      std::size_t lt = s.rfind('<', end - 1);
      if (lt == std::string_view::npos || lt < begin || HtmlBreak(s, lt) != end - lt) break;
      end = lt;
    } else {
      break;
    }
  }
  return s.substr(begin, end - begin);
}

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool LooksLikeHeading(std::string_view s) {
  s = Trim(s);
  if (s.empty() || Contains(s, "。") || Contains(s, "、") || Contains(s, "，") || CodePoints(s) > 25) {
    return false;
  }
  return !(s.back() == ':' || (s.size() >= 3 && s.substr(s.size() - 3) == "："));
}

std::string ArticleHead::Number() const {
  std::string out = std::to_string(number);
  if (branch > 0) out += "の" + std::to_string(branch);
  return out;
}

std::string ArticleHead::Label() const {
  std::string out = "第" + std::to_string(number);
  if (jo) out += "条";
  if (branch > 0) out += "の" + std::to_string(branch);
  return out;
}

std::string ArticleHead::WrittenLabel() const {
  if (numeral.empty()) return Label();
  std::string out = "第" + numeral;
  if (jo) out += "条";
  if (branch > 0) out += "の" + (branch_numeral.empty() ? std::to_string(branch) : branch_numeral);
  return out;
}

std::string_view Marker::Numeral() const {
  std::string_view s = literal;
  std::size_t pos = SkipSpace(s, 0);
  if (StartsWith(s, pos, "第")) pos = SkipSpace(s, pos + 3);
  if (StartsWith(s, pos, "(")) {
    pos = SkipSpace(s, pos + 1);
  } else if (StartsWith(s, pos, "（")) {
    pos = SkipSpace(s, pos + 3);
  }
  std::size_t len = 0;
  if (text::ReadNumeral(s.substr(pos), &len) <= 0) return {};
  return s.substr(pos, len);
}

ArticleHead ParseArticleHead(std::string_view s) {
  ArticleHead head;
  std::size_t pos = SkipDecoration(s, 0);
  if (!StartsWith(s, pos, "第")) return head;
  pos = SkipSpace(s, pos + 3);
  std::size_t len = 0;
  int number = text::ReadNumeral(s.substr(pos), &len);
  if (number <= 0) return head;
  head.numeral = std::string(s.substr(pos, len));
  pos = SkipSpace(s, pos + len);
  head.number = number;
  head.body = s.size();
  if (StartsWith(s, pos, "条")) {
    pos += 3;
    if (StartsWith(s, pos, "の")) {
      int branch = text::ReadNumeral(s.substr(pos + 3), &len);
      if (branch > 0) {
        head.branch = branch;
        head.branch_numeral = std::string(s.substr(pos + 3, len));
        pos += 3 + len;
      }
    }
    while (pos < s.size() && s[pos] == '*') ++pos;
    if (pos >= s.size()) {
      head.ok = true;
      return head;
    }
    char32_t cp = 0;
    DecodeAt(s, pos, &cp);
    if (!IsSpace(cp) && CloserOf(cp) == 0 && cp != U'：' && cp != U':' && cp != U'．' &&
        cp != U'.' && HtmlBreak(s, pos) == 0) {
      return head;  // 第5条の規定…: a reference, not a head
    }
    if (cp == U'：' || cp == U':' || cp == U'．' || cp == U'.') pos += cp < 0x80 ? 1 : 3;
    pos = SkipDecoration(s, pos);
    std::string_view inside;
    if (std::size_t after = ReadBracket(s, pos, &inside)) {
      std::string_view rest = TrimDecoration(s.substr(after));
      if (!rest.empty() && StartsWithParticle(rest)) return head;
      head.heading = std::string(Trim(inside));
      head.body = rest.empty() ? s.size() : SkipDecoration(s, after);
      head.ok = true;
      return head;
    }
    std::string_view rest = TrimDecoration(s.substr(pos));
    if (rest.empty()) {
      head.ok = true;
      return head;
    }
    if (StartsWithParticle(rest)) return head;
    if (LooksLikeHeading(rest)) {
      head.heading = std::string(rest);
    } else {
      head.body = pos;
    }
    head.ok = true;
    return head;
  }
  // Schedule style: 第1 開発対象機能 / 第1（目的）.
  head.jo = false;
  std::string_view inside;
  if (std::size_t after = ReadBracket(s, pos, &inside)) {
    if (!TrimDecoration(s.substr(after)).empty()) return head;
    head.heading = std::string(Trim(inside));
    head.ok = !head.heading.empty();
    return head;
  }
  std::string_view rest = TrimDecoration(s.substr(pos));
  // The numeral must be followed by a space: 第1回 / 第三者 are no heads.
  std::string_view before = s.substr(0, pos);
  bool space_before = !before.empty() &&
                      (before.back() == ' ' || before.back() == '\t' ||
                       (before.size() >= 3 && before.substr(before.size() - 3) == "\u3000"));
  if (!space_before || rest.empty() || StartsWithParticle(rest)) return head;
  if (Contains(rest, "。") || CodePoints(rest) > 30) {
    // 「第1　受注者は、…しなければならない。」: a 特記事項 clause whose text
    // follows its number, under a bracketed heading on the line before.
    if (!Contains(rest, "、") || !Contains(rest, "。")) return head;
    head.body = SkipSpace(s, pos);
    head.ok = true;
    return head;
  }
  head.heading = std::string(rest);
  head.ok = true;
  return head;
}

bool IsChapterHead(std::string_view s) {
  std::size_t pos = SkipDecoration(s, 0);
  if (!StartsWith(s, pos, "第")) return false;
  pos = SkipSpace(s, pos + 3);
  std::size_t len = 0;
  if (text::ReadNumeral(s.substr(pos), &len) <= 0) return false;
  pos = SkipSpace(s, pos + len);
  for (std::string_view unit : {"章", "節", "編", "款", "部"}) {
    if (StartsWith(s, pos, unit)) {
      std::string_view rest = Trim(s.substr(pos + 3));
      return !Contains(rest, "。") && CodePoints(rest) <= 30 &&
             (rest.empty() || !StartsWithParticle(rest));
    }
  }
  return false;
}

bool ParseHeadingLine(std::string_view s, std::string* heading) {
  std::size_t pos = SkipDecoration(s, 0);
  std::string_view inside;
  std::size_t after = ReadBracket(s, pos, &inside);
  if (after == 0 || !TrimDecoration(s.substr(after)).empty()) return false;
  inside = Trim(inside);
  if (inside.empty() || CodePoints(inside) > 30) return false;
  // (1) / (イ) / (a) are markers, not headings.
  if (text::ParseNumeral(inside) >= 0) return false;
  char32_t cp = 0;
  std::size_t len = DecodeAt(inside, 0, &cp);
  if (len == inside.size() && (text::IrohaIndex(cp) > 0 || LatinIndex(cp) > 0)) return false;
  *heading = std::string(inside);
  return true;
}

Marker ParseMarker(std::string_view s, bool whole_label) {
  Marker m;
  std::size_t pos = SkipSpace(s, 0);
  std::size_t start = pos;
  char32_t cp = 0;
  std::size_t len = DecodeAt(s, pos, &cp);
  if (len == 0) return m;
  auto finish = [&](MarkerKind kind, int value, std::size_t end, bool need_space) -> Marker {
    std::size_t body = SkipSpace(s, end);
    if (whole_label && body != s.size()) return Marker{};
    if (!whole_label && need_space && body == end && end < s.size()) return Marker{};
    if (!whole_label && body == s.size() && need_space) return Marker{};
    Marker out;
    out.kind = kind;
    out.value = value;
    out.body = body;
    out.literal = std::string(Trim(s.substr(start, end - start)));
    return out;
  };
  if (whole_label && StartsWith(s, pos, "第")) {  // a label such as 第2項 / 第1号
    std::size_t k = SkipSpace(s, pos + 3);
    int value = text::ReadNumeral(s.substr(k), &len);
    if (value > 0) {
      k += len;
      if (StartsWith(s, k, "項")) return finish(MarkerKind::kArabic, value, k + 3, false);
      if (StartsWith(s, k, "号")) return finish(MarkerKind::kKanji, value, k + 3, false);
    }
    return m;
  }
  if (cp == U'(' || cp == U'（') {
    std::size_t k = SkipSpace(s, pos + len);
    char32_t inner = 0;
    std::size_t inner_len = DecodeAt(s, k, &inner);
    MarkerKind kind = MarkerKind::kNone;
    int value = text::ReadNumeral(s.substr(k), &inner_len);
    if (value > 0) {
      kind = MarkerKind::kParen;
    } else if ((value = text::IrohaIndex(inner)) > 0) {
      kind = MarkerKind::kIroha;
      inner_len = DecodeAt(s, k, &inner);
    } else if ((value = LatinIndex(inner)) > 0) {
      kind = MarkerKind::kLatin;
      inner_len = DecodeAt(s, k, &inner);
    } else {
      return m;
    }
    k = SkipSpace(s, k + inner_len);
    char32_t close = 0;
    std::size_t close_len = DecodeAt(s, k, &close);
    if (close != U')' && close != U'）') return m;
    return finish(kind, value, k + close_len, false);
  }
  if (int value = text::EnclosedNumber(cp); value > 0) {
    MarkerKind kind = cp >= 0x2474 && cp <= 0x2487   ? MarkerKind::kParen
                      : cp >= 0x2488 && cp <= 0x249B ? MarkerKind::kArabic
                                                     : MarkerKind::kCircled;
    std::size_t end = pos + len;
    char32_t next = 0;
    std::size_t next_len = DecodeAt(s, end, &next);
    if (next == U'、' || next == U'．' || next == U'.') end += next_len;
    return finish(kind, value, end, false);
  }
  if (text::DigitValue(cp) >= 0) {
    int value = text::ReadNumeral(s.substr(pos), &len);
    if (value <= 0) return m;
    std::size_t k = pos + len;
    char32_t next = 0;
    std::size_t next_len = DecodeAt(s, k, &next);
    if (next == U'.' || next == U'．') {
      std::size_t after = k + next_len;
      char32_t after_cp = 0;
      DecodeAt(s, after, &after_cp);
      if (text::DigitValue(after_cp) >= 0) {
        std::size_t sub_len = 0;
        int sub = text::ReadNumeral(s.substr(after), &sub_len);
        std::size_t end = after + sub_len;
        char32_t tail = 0;
        std::size_t tail_len = DecodeAt(s, end, &tail);
        if (tail == U'.' || tail == U'．') {
          end += tail_len;
          DecodeAt(s, end, &tail);
        }
        if (text::DigitValue(tail) >= 0) return m;  // 1.2.3: take no guess
        Marker out = finish(MarkerKind::kDecimal, value, end, false);
        if (out.kind == MarkerKind::kNone || (!whole_label && out.body == end && end < s.size() &&
                                              tail != 0 && !IsSpace(tail))) {
          // 1.5倍 is a number in the text, not a clause.
          if (!whole_label) return Marker{};
        }
        out.sub_value = sub;
        return out;
      }
      return finish(MarkerKind::kArabic, value, after, false);
    }
    if (next == U')' || next == U'）') return finish(MarkerKind::kHalfParen, value, k + next_len, false);
    if (next == U'、' || next == U',' || next == U'，') {
      return finish(MarkerKind::kArabic, value, k + next_len, false);
    }
    if (value > 99) return m;
    return finish(MarkerKind::kArabic, value, k, true);
  }
  if (IsKanjiNumeralStart(cp)) {
    int value = text::ReadNumeral(s.substr(pos), &len);
    if (value <= 0) return m;
    std::size_t k = pos + len;
    char32_t next = 0;
    std::size_t next_len = DecodeAt(s, k, &next);
    if (next == U'、' || next == U'，' || next == U'．' || next == U'.' || next == U',') {
      return finish(MarkerKind::kKanji, value, k + next_len, false);
    }
    return finish(MarkerKind::kKanji, value, k, true);
  }
  if (int value = text::IrohaIndex(cp); value > 0) {
    std::size_t k = pos + len;
    char32_t next = 0;
    std::size_t next_len = DecodeAt(s, k, &next);
    if (next == U'、' || next == U'．' || next == U'.' || next == U')' || next == U'）') {
      return finish(MarkerKind::kIroha, value, k + next_len, false);
    }
    return finish(MarkerKind::kIroha, value, k, true);
  }
  if (int value = LatinIndex(cp); value > 0) {
    std::size_t k = pos + len;
    char32_t next = 0;
    std::size_t next_len = DecodeAt(s, k, &next);
    if (next == U'.' || next == U')' || next == U'）' || next == U'．') {
      return finish(MarkerKind::kLatin, value, k + next_len, true);
    }
    if (whole_label) return finish(MarkerKind::kLatin, value, k, false);
    return m;
  }
  if (IsBullet(cp)) {
    bool needs_space = cp != U'・' && cp != U'･' && cp != U'●' && cp != U'■' && cp != U'◆';
    return finish(MarkerKind::kBullet, 0, pos + len, needs_space);
  }
  return m;
}

SectionHead ParseSectionHead(std::string_view s) {
  SectionHead head;
  std::string_view t = TrimDecoration(s);
  if (t.empty()) return head;
  std::size_t pos = SkipDecoration(t, 0);
  char32_t open = 0;
  std::size_t open_len = DecodeAt(t, pos, &open);
  char32_t close = CloserOf(open);
  if (close != 0) pos += open_len;
  std::string_view keyword;
  for (std::string_view word : {"別紙", "別記", "別表", "別添", "特記事項", "附属書", "付属書"}) {
    if (StartsWith(t, pos, word)) {
      keyword = word;
      break;
    }
  }
  // Checked after the keyword, which few lines have: both scan the line.
  if (keyword.empty() || Contains(t, "。") || CodePoints(t) > 40) return head;
  pos += keyword.size();
  std::string name(keyword);
  std::string written_name(keyword);
  std::size_t k = SkipSpace(t, pos);
  bool dai = StartsWith(t, k, "第");
  if (dai) k += 3;
  std::size_t len = 0;
  int number = text::ReadNumeral(t.substr(k), &len);
  if (number > 0) {
    name += dai ? "第" + std::to_string(number) : std::to_string(number);
    written_name += (dai ? "第" : "") + std::string(t.substr(k, len));
    pos = k + len;
  } else if (dai) {
    return head;
  }
  char32_t next = 0;
  std::size_t next_len = DecodeAt(t, pos, &next);
  if (close != 0 && next == close) {
    pos += next_len;
    close = 0;
    DecodeAt(t, pos, &next);
  }
  if (!(next == 0 || IsSpace(next) || next == U'：' || next == U':' || next == U'－' ||
        next == U'-' || next == U'—' || next == U'（' || next == U'(' || next == U'【' ||
        next == U'】' || next == U'」' || next == U'「' || next == close || next == U'・')) {
    return head;
  }
  std::size_t title_begin = SkipSpace(t, pos);
  while (title_begin < t.size()) {
    char32_t cp = 0;
    std::size_t n = DecodeAt(t, title_begin, &cp);
    if (cp != U'：' && cp != U':' && cp != U'－' && cp != U'-' && cp != U'—') break;
    title_begin = SkipSpace(t, title_begin + n);
  }
  std::string_view title = Trim(t.substr(title_begin));
  if (close != 0 && !title.empty()) {  // 【別紙 個人情報の取扱い】
    char32_t last = 0;
    std::size_t last_pos = title.size();
    while (last_pos > 0 && (static_cast<unsigned char>(title[last_pos - 1]) & 0xC0) == 0x80) --last_pos;
    if (last_pos > 0) --last_pos;
    DecodeAt(title, last_pos, &last);
    if (last == close) title = Trim(title.substr(0, last_pos));
  }
  head.ok = true;
  head.name = std::move(name);
  head.written_name = std::move(written_name);
  head.title = std::string(title);
  return head;
}

bool IsTitleText(std::string_view s) {
  std::string_view t = TrimDecoration(s.substr(SkipDecoration(s, 0)));
  if (t.empty() || Contains(t, "。") || CodePoints(t) > 40) return false;
  // YAML front matter ("title: …") is metadata, not the title line.
  std::size_t k = 0;
  while (k < t.size() && ((t[k] >= 'a' && t[k] <= 'z') || (t[k] >= 'A' && t[k] <= 'Z') || t[k] == '_')) ++k;
  if (k > 0 && k < t.size() && t[k] == ':') return false;
  // A title spaced out for layout (利　用　規　約) names its kind all the same.
  std::string packed;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == ' ') continue;
    if (StartsWith(t, i, "\u3000")) {
      i += 2;
      continue;
    }
    packed.push_back(t[i]);
  }
  for (std::string_view word : {"契約書", "契約", "規約", "覚書", "約款", "誓約書", "合意書", "同意書",
                                "規程", "念書", "特記事項"}) {
    if (Contains(packed, word)) return true;
  }
  return false;
}

bool IsSignatureStart(std::string_view s) {
  std::string_view t = TrimDecoration(s.substr(SkipDecoration(s, 0)));
  if (t.empty()) return false;
  if (StartsWith(t, 0, "以上")) {
    std::string_view rest = t.substr(6);
    if (rest.empty() || StartsWith(rest, 0, "、") || StartsWith(rest, 0, "，") ||
        StartsWith(rest, 0, "。") || StartsWith(rest, 0, " ") || StartsWith(rest, 0, "\u3000")) {
      return true;
    }
  }
  if (Contains(t, "を証するため") || Contains(t, "の証として") || StartsWith(t, 0, "本契約締結の証")) {
    return true;
  }
  // A date line: only digits, blanks and 年月日 / era names.
  if (Contains(t, "年") && Contains(t, "月") && Contains(t, "日") && CodePoints(t) <= 30) {
    bool date = true;
    std::string_view rest = t;
    for (std::string_view era : {"令和", "平成", "昭和", "西暦"}) {
      if (StartsWith(rest, 0, era)) rest = rest.substr(era.size());
    }
    for (std::size_t pos = 0; pos < rest.size() && date;) {
      char32_t cp = 0;
      pos += DecodeAt(rest, pos, &cp);
      date = text::DigitValue(cp) >= 0 || IsSpace(cp) || cp == U'年' || cp == U'月' || cp == U'日' ||
             cp == U'＿' || cp == U'_' || cp == U'○' || cp == U'〇' || cp == U'◯' || cp == U'元' ||
             cp == U'●' || cp == U'＊' || cp == U'*' || cp == U'　';
    }
    if (date) return true;
  }
  for (std::string_view party : {"（甲）", "(甲)", "【甲】", "甲：", "甲:", "（甲：", "(甲:", "（乙）", "(乙)",
                                 "乙：", "乙:", "（乙：", "（委託者）", "（受託者）"}) {
    if (StartsWith(t, 0, party)) return true;
  }
  for (std::string_view field : {"住所", "所在地", "氏名", "社名", "商号", "記名押印", "署名"}) {
    if (StartsWith(t, 0, field)) {
      std::string_view rest = t.substr(field.size());
      char32_t cp = 0;
      DecodeAt(rest, 0, &cp);
      if (rest.empty() || IsSpace(cp) || cp == U'：' || cp == U':' || cp == U'（' || cp == U'(') return true;
    }
  }
  return false;
}

bool IntroducesList(std::string_view s) {
  std::string_view t = Trim(s);
  if (t.empty()) return false;
  if (t.back() == ':' || (t.size() >= 3 && t.substr(t.size() - 3) == "：")) return true;
  for (std::string_view word : {"次の各号", "次に掲げる", "以下の", "下記の", "次の"}) {
    if (Contains(t, word)) return true;
  }
  return false;
}

}  // namespace clausegap::structure
