// Sentence modality from the predicate at the sentence end.
#include <array>
#include <string_view>

#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <std::size_t N>
bool EndsWithAny(std::string_view s, const std::array<std::string_view, N>& suffixes) {
  for (std::string_view suffix : suffixes)
    if (EndsWith(s, suffix)) return true;
  return false;
}

// Drops trailing punctuation, closing brackets and spaces.
std::string_view TrimEnd(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kTrail = {
      "。", ".", "」", "』", ")", "）", " ", "　", "\n", "\t", "、", ";"};
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (std::string_view t : kTrail) {
      if (EndsWith(s, t)) {
        s.remove_suffix(t.size());
        changed = true;
      }
    }
  }
  return s;
}

}  // namespace

unsigned DetectModality(std::string_view normalized) {
  std::string_view s = TrimEnd(normalized);
  if (s.empty()) return 0;
  static constexpr std::array<std::string_view, 9> kExceptionEnds = {
      "この限りでない", "この限りではない", "この限りでありません", "この限りではありません",
      "この限りではないものとする", "適用しない", "適用しないものとする", "適用されない", "適用されないものとする"};
  if (EndsWithAny(s, kExceptionEnds)) return kException;
  static constexpr std::array<std::string_view, 32> kNotRequiredEnds = {
      "必要はない", "必要はありません", "必要がない", "必要はないものとする", "必要としない", "要しない",
      "要しないものとする", "要さない", "要しません", "義務を負わない", "義務を負わないものとする", "義務を負いません",
      "責任を負わない", "責任を負わないものとする", "責任を負いません", "責任を負いかねます", "責めを負わない",
      "責めを負わないものとする", "責を負わない", "不要とする", "不要とします", "不要である", "不要です", "には及ばない",
      "なくてもよい", "なくても差し支えない", "なくともよい", "ものではない", "ものではありません", "免責される",
      "責任を免れる", "義務を免れる"};
  if (EndsWithAny(s, kNotRequiredEnds)) return kNotRequired;
  static constexpr std::array<std::string_view, 10> kEffortEnds = {
      "努めるものとする", "努めるものとします", "努めなければならない", "努める", "努めます", "努力するものとする",
      "努力する", "努力しなければならない", "努めること", "努力すること"};
  if (EndsWithAny(s, kEffortEnds)) return kEffort;
  static constexpr std::array<std::string_view, 5> kDeemedEnds = {"みなす", "みなします", "みなされる", "見なす",
                                                                   "みなされます"};
  if (EndsWithAny(s, kDeemedEnds)) return kDeemed;
  static constexpr std::array<std::string_view, 8> kCannot = {
      "ことができない", "ことができません", "ことはできない", "ことはできません",
      "できないものとする", "できないものとします", "できない", "できません"};
  if (EndsWithAny(s, kCannot)) return kProhibition;
  static constexpr std::array<std::string_view, 16> kMay = {
      "できる", "できます", "できるものとする", "できるものとします", "差し支えない", "差し支えありません",
      "差支えない", "差支えありません", "てもよい", "ても良い", "でもよい", "てもよいものとする",
      "妨げない", "妨げられない", "可能とする", "可能です"};
  if (EndsWithAny(s, kMay)) return kPermission;
  static constexpr std::array<std::string_view, 6> kMust = {
      "なければならない", "なければなりません", "なくてはならない", "なくてはならないものとする",
      "なければならないものとする", "ねばならない"};
  if (EndsWithAny(s, kMust)) return kObligation;
  static constexpr std::array<std::string_view, 12> kMustNot = {
      "てはならない", "ではならない", "てはなりません", "ではなりません", "てはいけない", "てはいけません",
      "禁止する", "禁止します", "禁止とする", "禁止されている", "禁ずる", "禁じる"};
  if (EndsWithAny(s, kMustNot)) return kProhibition;
  static constexpr std::array<std::string_view, 8> kNegative = {
      "ないものとする", "ないものとします", "ないこと", "ない", "ません", "ず", "ぬ", "ないように"};
  if (EndsWithAny(s, kNegative)) return kProhibition;
  return kObligation;
}

}  // namespace clausegap::engine
