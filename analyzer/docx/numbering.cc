#include "docx/numbering.h"

#include <cstring>
#include <vector>

#include "docx/styles.h"
#include "docx/xml_util.h"

namespace clausegap::docx {
namespace {

// Splits a UTF-8 string of single characters into its characters.
std::vector<std::string_view> Chars(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

// Renders n (≥ 1) by cycling through |alphabet|, repeating the symbol once
// more on every pass (A … Z, AA … ZZ), as Word does for letters.
std::string Cycle(int n, std::string_view alphabet) {
  if (n <= 0) return std::to_string(n);
  const std::vector<std::string_view> chars = Chars(alphabet);
  const int size = static_cast<int>(chars.size());
  std::string_view symbol = chars[static_cast<std::size_t>((n - 1) % size)];
  std::string out;
  for (int i = 0; i <= (n - 1) / size; ++i) out.append(symbol);
  return out;
}

std::string Roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const struct { int value; const char* upper; const char* lower; } kTable[] = {
      {1000, "M", "m"}, {900, "CM", "cm"}, {500, "D", "d"}, {400, "CD", "cd"},
      {100, "C", "c"},  {90, "XC", "xc"},  {50, "L", "l"},  {40, "XL", "xl"},
      {10, "X", "x"},   {9, "IX", "ix"},   {5, "V", "v"},   {4, "IV", "iv"},
      {1, "I", "i"}};
  std::string out;
  for (const auto& row : kTable) {
    while (n >= row.value) {
      out += upper ? row.upper : row.lower;
      n -= row.value;
    }
  }
  return out;
}

// Kanji counting below 10000: 一 … 九, 十, 百, 千, with the digit 1 written
// before a unit only when |one_before_unit| (japaneseLegal writes 壱拾).
std::string KanjiBelow10000(int n, const char* const digits[10], const char* const units[3],
                            bool one_before_unit) {
  std::string out;
  const int divisors[3] = {1000, 100, 10};
  const int unit_index[3] = {2, 1, 0};
  for (int i = 0; i < 3; ++i) {
    int d = n / divisors[i] % 10;
    if (d == 0) continue;
    if (d > 1 || one_before_unit) out += digits[d];
    out += units[unit_index[i]];
  }
  if (n % 10 != 0) out += digits[n % 10];
  return out;
}

std::string KanjiCounting(int n, bool legal) {
  static const char* const kDigits[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kLegalDigits[10] = {"〇", "壱", "弐", "参", "四", "伍", "六", "七", "八", "九"};
  static const char* const kUnits[3] = {"十", "百", "千"};
  static const char* const kLegalUnits[3] = {"拾", "百", "阡"};
  const char* const* digits = legal ? kLegalDigits : kDigits;
  const char* const* units = legal ? kLegalUnits : kUnits;
  if (n <= 0) return n == 0 ? "〇" : std::to_string(n);
  if (n >= 100000000) return std::to_string(n);
  std::string out;
  if (n >= 10000) {
    out = KanjiBelow10000(n / 10000, digits, units, legal);
    out += legal ? "萬" : "万";
  }
  out += KanjiBelow10000(n % 10000, digits, units, legal);
  return out;
}

// Positional kanji digits (一〇 for 10); |ten_thousand| inserts 万 every four digits.
std::string KanjiDigits(int n, bool ten_thousand) {
  static const char* const kDigits[10] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0) return std::to_string(n);
  std::string decimal = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < decimal.size(); ++i) {
    out += kDigits[decimal[i] - '0'];
    std::size_t remaining = decimal.size() - i - 1;
    if (ten_thousand && remaining > 0 && remaining % 4 == 0) out += "万";
  }
  return out;
}

std::string Enclosed(int n, char32_t first, int count) {
  if (n < 1 || n > count) return std::to_string(n);
  std::string out;
  AppendUtf8(&out, first + static_cast<char32_t>(n - 1));
  return out;
}

std::string Ordinal(int n) {
  int mod100 = n % 100;
  const char* suffix = "th";
  if (mod100 < 11 || mod100 > 13) {
    switch (n % 10) {
      case 1: suffix = "st"; break;
      case 2: suffix = "nd"; break;
      case 3: suffix = "rd"; break;
      default: break;
    }
  }
  return std::to_string(n) + suffix;
}

constexpr std::string_view kAiueoFull =
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
constexpr std::string_view kAiueoHalf =
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
constexpr std::string_view kIrohaFull =
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス";
constexpr std::string_view kIrohaHalf =
    "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳヰﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼヱﾋﾓｾｽ";
constexpr std::string_view kUpper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view kLower = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kTraditional = "甲乙丙丁戊己庚辛壬癸";
constexpr std::string_view kZodiac = "子丑寅卯辰巳午未申酉戌亥";

// Bullets in Symbol/Wingdings fonts are private-use code points; render the
// usual ones as the Unicode character a reader sees.
std::string MapBullet(std::string_view text) {
  struct Pair { std::string_view pua; const char* shown; };
  static const Pair kPairs[] = {
      {"\xEF\x82\xB7", "•"}, {"\xEF\x82\xA7", "▪"}, {"\xEF\x83\x98", "➢"}, {"\xEF\x83\xBC", "✓"},
      {"\xEF\x81\xAC", "●"}, {"\xEF\x81\xAE", "■"}, {"\xEF\x81\xB5", "◆"}, {"\xEF\x81\xB6", "❖"},
      {"\xEF\x82\x9F", "•"}, {"\xEF\x81\x9F", "◦"}};
  std::string out(text);
  for (const Pair& pair : kPairs) {
    for (std::size_t at = out.find(pair.pua); at != std::string::npos; at = out.find(pair.pua, at)) {
      out.replace(at, pair.pua.size(), pair.shown);
    }
  }
  return out;
}

Numbering::Level ParseLevel(pugi::xml_node lvl, const NsScope& ns, const Numbering::Level* base) {
  Numbering::Level level = base != nullptr ? *base : Numbering::Level{};
  for (pugi::xml_node child = lvl.first_child(); child; child = child.next_sibling()) {
    std::string_view local;
    if (child.type() != pugi::node_element || ns.Element(child, &local) != Ns::kW) continue;
    const char* val = ns.Attr(child, Ns::kW, "val");
    if (local == "start") {
      level.start = ToInt(val, 0);
    } else if (local == "numFmt") {
      // Strict may give w:format for custom formats; w:val is the standard one.
      if (val != nullptr) level.format = val;
    } else if (local == "lvlText") {
      level.text = val != nullptr ? val : "";
    } else if (local == "lvlRestart") {
      level.restart = ToInt(val, -1);
    } else if (local == "isLgl") {
      level.legal = OnOff(val, true);
    } else if (local == "pStyle") {
      level.style = val != nullptr ? val : "";
    }
  }
  return level;
}

}  // namespace

std::string FormatNumber(int n, std::string_view format) {
  if (format == "decimal" || format == "decimalHalfWidth") return std::to_string(n);
  if (format == "none") return {};
  if (format == "decimalZero") return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
  if (format == "decimalFullWidth" || format == "decimalFullWidth2") {
    std::string out;
    for (char c : std::to_string(n)) {
      AppendUtf8(&out, c == '-' ? U'－' : static_cast<char32_t>(U'０' + (c - '0')));
    }
    return out;
  }
  if (format == "japaneseCounting" || format == "chineseCounting" ||
      format == "chineseCountingThousand" || format == "taiwaneseCounting" ||
      format == "taiwaneseCountingThousand" || format == "koreanCounting") {
    return KanjiCounting(n, false);
  }
  if (format == "japaneseLegal") return KanjiCounting(n, true);
  if (format == "japaneseDigitalTenThousand") return KanjiDigits(n, true);
  if (format == "ideographDigital" || format == "taiwaneseDigital" || format == "koreanDigital") {
    return KanjiDigits(n, false);
  }
  if (format == "decimalEnclosedCircle" || format == "decimalEnclosedCircleChinese") {
    return Enclosed(n, U'①', 20);
  }
  if (format == "decimalEnclosedFullstop") return Enclosed(n, U'⒈', 20);
  if (format == "decimalEnclosedParen") return Enclosed(n, U'⑴', 20);
  if (format == "ideographEnclosedCircle") return Enclosed(n, U'㈠', 10);
  if (format == "ideographTraditional") {
    return n >= 1 && n <= 10 ? Cycle(n, kTraditional) : std::to_string(n);
  }
  if (format == "ideographZodiac") return n >= 1 && n <= 12 ? Cycle(n, kZodiac) : std::to_string(n);
  if (format == "aiueo") return Cycle(n, kAiueoHalf);
  if (format == "aiueoFullWidth") return Cycle(n, kAiueoFull);
  if (format == "iroha") return Cycle(n, kIrohaHalf);
  if (format == "irohaFullWidth") return Cycle(n, kIrohaFull);
  if (format == "upperLetter") return Cycle(n, kUpper);
  if (format == "lowerLetter") return Cycle(n, kLower);
  if (format == "upperRoman") return Roman(n, true);
  if (format == "lowerRoman") return Roman(n, false);
  if (format == "ordinal") return Ordinal(n);
  return std::to_string(n);
}

void Numbering::Parse(pugi::xml_node root, const NsScope& ns) {
  if (!root) return;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    std::string_view local;
    if (node.type() != pugi::node_element || ns.Element(node, &local) != Ns::kW) continue;
    if (local == "abstractNum") {
      int id = ToInt(ns.Attr(node, Ns::kW, "abstractNumId"), -1);
      if (id < 0) continue;
      Abstract abstract;
      for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (ns.Is(child, Ns::kW, "lvl")) {
          int ilvl = ToInt(ns.Attr(child, Ns::kW, "ilvl"), -1);
          if (ilvl >= 0 && ilvl < kLevels) abstract.levels[ilvl] = ParseLevel(child, ns, nullptr);
        } else if (ns.Is(child, Ns::kW, "numStyleLink")) {
          if (const char* v = ns.Attr(child, Ns::kW, "val")) abstract.num_style_link = v;
        }
      }
      abstracts_.emplace(id, std::move(abstract));
    } else if (local == "num") {
      int id = ToInt(ns.Attr(node, Ns::kW, "numId"), -1);
      if (id < 0) continue;
      Num num;
      for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (ns.Is(child, Ns::kW, "abstractNumId")) {
          num.abstract_id = ToInt(ns.Attr(child, Ns::kW, "val"), -1);
        } else if (ns.Is(child, Ns::kW, "lvlOverride")) {
          int ilvl = ToInt(ns.Attr(child, Ns::kW, "ilvl"), -1);
          if (ilvl < 0 || ilvl >= kLevels) continue;
          if (pugi::xml_node start = ns.Child(child, Ns::kW, "startOverride")) {
            num.start_override[ilvl] = ToInt(ns.Attr(start, Ns::kW, "val"), 0);
          }
          if (pugi::xml_node lvl = ns.Child(child, Ns::kW, "lvl")) {
            num.level_override[ilvl] = ParseLevel(lvl, ns, nullptr);
          }
        }
      }
      nums_.emplace(id, std::move(num));
    }
  }
}

const Numbering::Abstract* Numbering::FindAbstract(int num_id, const Styles& styles,
                                                   int* abstract_id) const {
  // w:numStyleLink sends the list to the numbering of a style; a few hops at most.
  for (int hops = 0; hops < 4; ++hops) {
    auto num = nums_.find(num_id);
    if (num == nums_.end()) return nullptr;
    auto abstract = abstracts_.find(num->second.abstract_id);
    if (abstract == abstracts_.end()) return nullptr;
    if (abstract->second.num_style_link.empty()) {
      *abstract_id = abstract->first;
      return &abstract->second;
    }
    NumPr linked = styles.Numbering(abstract->second.num_style_link, nullptr);
    if (linked.num_id <= 0 || linked.num_id == num_id) {
      *abstract_id = abstract->first;
      return &abstract->second;
    }
    num_id = linked.num_id;
  }
  return nullptr;
}

std::optional<Numbering::Resolved> Numbering::Resolve(int num_id, const Styles& styles) const {
  if (num_id <= 0) return std::nullopt;
  auto num = nums_.find(num_id);
  if (num == nums_.end()) return std::nullopt;
  int abstract_id = -1;
  const Abstract* abstract = FindAbstract(num_id, styles, &abstract_id);
  if (abstract == nullptr) return std::nullopt;
  Resolved out;
  bool overridden = false;
  for (int i = 0; i < kLevels; ++i) {
    const auto& level_override = num->second.level_override[i];
    out.levels[i] = level_override ? &*level_override
                    : abstract->levels[i] ? &*abstract->levels[i] : nullptr;
    out.start_override[i] = num->second.start_override[i];
    overridden = overridden || out.start_override[i].has_value();
  }
  // Lists of one abstract definition continue each other unless a w:num
  // restarts with a w:startOverride, which makes it a list of its own (a
  // w:lvl override alone changes how the level looks, not its count).
  out.instance = overridden ? "n" + std::to_string(num_id) : "a" + std::to_string(abstract_id);
  return out;
}

int Numbering::LevelForStyle(int num_id, std::string_view style, const Styles& styles) const {
  if (style.empty()) return -1;
  int abstract_id = -1;
  const Abstract* abstract = FindAbstract(num_id, styles, &abstract_id);
  if (abstract == nullptr) return -1;
  for (int i = 0; i < kLevels; ++i) {
    if (abstract->levels[i] && abstract->levels[i]->style == style) return i;
  }
  return -1;
}

std::string NumberingCounter::Next(int num_id, int ilvl) {
  std::optional<Numbering::Resolved> list = numbering_.Resolve(num_id, styles_);
  if (!list) return {};
  if (ilvl < 0) ilvl = 0;
  if (ilvl >= Numbering::kLevels) ilvl = Numbering::kLevels - 1;
  const Numbering::Level* level = list->levels[ilvl];
  if (level == nullptr) return {};
  State& state = states_[list->instance];
  auto start_of = [&](int i) {
    if (list->start_override[i]) return *list->start_override[i];
    return list->levels[i] != nullptr ? list->levels[i]->start : 0;
  };
  // Lower levels restart when this one advances, unless their w:lvlRestart
  // names a level above this one (0: never restart).
  for (int k = ilvl + 1; k < Numbering::kLevels; ++k) {
    const Numbering::Level* lower = list->levels[k];
    int restart = lower != nullptr ? lower->restart : -1;
    if (restart == 0) continue;
    if (restart < 0 || ilvl < restart) state.started[k] = false;
  }
  if (state.started[ilvl]) {
    ++state.count[ilvl];
  } else {
    state.count[ilvl] = start_of(ilvl);
    state.started[ilvl] = true;
  }
  if (level->format == "bullet") return MapBullet(level->text);
  std::string out;
  const std::string& text = level->text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
      int ref = text[i + 1] - '1';
      ++i;
      int value = state.started[ref] ? state.count[ref] : start_of(ref);
      const Numbering::Level* referenced = list->levels[ref];
      std::string_view format = referenced != nullptr ? std::string_view(referenced->format) : "decimal";
      if (level->legal && format != "none") format = "decimal";
      if (format == "bullet") continue;
      out += FormatNumber(value, format);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace clausegap::docx
