// Article citations in a sentence: 第7条, 第7条から第9条まで, 第十二条, 前条, 5.
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

constexpr std::string_view kDigitsKanji[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

bool StartsWith(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.size() >= at + prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

bool EndsWith(std::string_view s, std::size_t end, std::string_view suffix) {
  return end >= suffix.size() && s.compare(end - suffix.size(), suffix.size(), suffix) == 0;
}

// Reads a number (ASCII digits, or kanji numerals up to 千) at |*at|;
// advances |*at| past it and returns the value, or -1 when there is none.
int ReadNumber(std::string_view s, std::size_t* at) {
  std::size_t i = *at;
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && v < 100000) v = v * 10 + (s[i++] - '0');
    *at = i;
    return v;
  }
  int total = 0;
  int digit = -1;
  bool any = false;
  while (i < s.size()) {
    int d = -1;
    for (int k = 0; k < 10; ++k)
      if (StartsWith(s, i, kDigitsKanji[k])) d = k;
    if (d < 0 && StartsWith(s, i, "零")) d = 0;
    if (d >= 0) {
      digit = digit < 0 ? d : digit * 10 + d;  // 二〇 written digit by digit
      i += 3;
      any = true;
      continue;
    }
    int unit = StartsWith(s, i, "十") ? 10 : StartsWith(s, i, "百") ? 100 : StartsWith(s, i, "千") ? 1000 : 0;
    if (unit == 0) break;
    total += (digit < 0 ? 1 : digit) * unit;
    digit = -1;
    i += 3;
    any = true;
  }
  if (!any) return -1;
  if (digit > 0) total += digit;
  *at = i;
  return total;
}

// Skips 第N項 / 第N号 / 第N款 / 本文 / ただし書 parts after an article citation.
std::size_t SkipSubParts(std::string_view s, std::size_t i) {
  while (StartsWith(s, i, "第")) {
    std::size_t j = i + 3;
    if (ReadNumber(s, &j) < 0) break;
    if (!StartsWith(s, j, "項") && !StartsWith(s, j, "号") && !StartsWith(s, j, "款")) break;
    i = j + 3;
  }
  return i;
}

}  // namespace

std::vector<CitedArticle> CitedArticles(std::string_view s, bool numbered_clauses) {
  std::vector<CitedArticle> out;
  auto add = [&out](std::string number, int offset) { out.push_back(CitedArticle{std::move(number), offset}); };
  for (std::size_t i = 0; i < s.size();) {
    if (StartsWith(s, i, "前条")) {
      add("", -1);
      i += 6;
      continue;
    }
    if (StartsWith(s, i, "本条")) {
      add("", 0);
      i += 6;
      continue;
    }
    if (StartsWith(s, i, "第")) {
      std::size_t j = i + 3;
      int n = ReadNumber(s, &j);
      if (n < 0 || !StartsWith(s, j, "条")) {
        i += 3;
        continue;
      }
      j += 3;
      // A statute's article (個人情報保護法第2条, 民法第416条) is not one of this contract's.
      bool statute = EndsWith(s, i, "法") || EndsWith(s, i, "令") || EndsWith(s, i, "規則") || EndsWith(s, i, "法律");
      std::string number = std::to_string(n);
      if (StartsWith(s, j, "の")) {
        std::size_t k = j + 3;
        int branch = ReadNumber(s, &k);
        if (branch >= 0) {
          number += "の" + std::to_string(branch);
          j = k;
        }
      }
      if (!statute) add(number, 0);
      j = SkipSubParts(s, j);
      // A range: 第7条から第9条まで / 第7条乃至第9条 / 第7条～第9条.
      for (std::string_view link : {"から", "乃至", "ないし", "~", "〜", "～", "-", "－", "‐", "―"}) {
        if (!StartsWith(s, j, link) || !StartsWith(s, j + link.size(), "第")) continue;
        std::size_t k = j + link.size() + 3;
        int last = ReadNumber(s, &k);
        if (!statute && last > n && last - n <= 100 && StartsWith(s, k, "条") && number == std::to_string(n)) {
          for (int m = n + 1; m < last; ++m) add(std::to_string(m), 0);  // |last| is read as its own citation
        }
        break;
      }
      i = j;
      continue;
    }
    // Numbered clauses cite by number: 「5.、11.及び12.の規定」, 「7.3に定める」.
    if (numbered_clauses && s[i] >= '0' && s[i] <= '9' && (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
      std::size_t j = i;
      std::string number;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') number += s[j++];
      if (j < s.size() && s[j] == '.') {
        std::size_t k = j + 1;
        std::string sub;
        while (k < s.size() && s[k] >= '0' && s[k] <= '9') sub += s[k++];
        bool decimal = !sub.empty() && k < s.size() && s[k] == '.';  // 1.2.3: not a clause number here
        if (!decimal && number.size() <= 3) add(sub.empty() ? number : number + "." + sub, 0);
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace clausegap::engine
