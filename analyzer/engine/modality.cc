// Sentence modality from the predicate at the sentence end.
#include <array>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Returns the last UTF-8 character of non-empty |s|.
std::string_view LastCharacter(std::string_view s) {
  std::size_t begin = s.size() - 1;
  while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
  return s.substr(begin);
}

// Drops trailing punctuation, closing brackets and spaces.
std::string_view TrimEnd(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kTrail = {"。", ".",  "」", "』", ")",  "）",
                                                              " ",  "　", "\n", "\t", "、", ";"};
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
  // Predicate endings in priority order (an exception before a negation, a
  // 必要はない before a plain ない …), bucketed by their last character so
  // that a sentence is compared only with the endings that can match it.
  struct Ending {
    std::string_view text;
    unsigned modality;
  };
  struct Table {
    std::map<std::string_view, std::vector<Ending>> by_last;  // last character → endings, in priority order
  };
  static const Table table = [] {
    const std::vector<std::pair<unsigned, std::vector<std::string_view>>> groups = {
        {kException,
         {"この限りでない", "この限りではない", "この限りでありません", "この限りではありません",
          "この限りではないものとする", "適用しない", "適用しないものとする", "適用されない",
          "適用されないものとする"}},
        {kNotRequired,
         {"必要はない",
          "必要はありません",
          "必要がない",
          "必要はないものとする",
          "必要としない",
          "要しない",
          "要しないものとする",
          "要さない",
          "要しません",
          "義務を負わない",
          "義務を負わないものとする",
          "義務を負いません",
          "責任を負わない",
          "責任を負わないものとする",
          "責任を負いません",
          "責任を負いかねます",
          "責めを負わない",
          "責めを負わないものとする",
          "責を負わない",
          "不要とする",
          "不要とします",
          "不要である",
          "不要です",
          "には及ばない",
          "なくてもよい",
          "なくても差し支えない",
          "なくともよい",
          "ものではない",
          "ものではありません",
          // A negated state, not a negated act: 「監査の対象にはなりません」.
          "対象にはならない",
          "対象にはなりません",
          "対象とはならない",
          "対象とはなりません",
          "対象とならない",
          "対象となりません",
          "対象にはならないものとする",
          "対象とはならないものとする",
          "対象とならないものとする",
          "対象外とする",
          "対象外とします",
          "免責される",
          "責任を免れる",
          "義務を免れる"}},
        {kEffort,
         {"努めるものとする", "努めるものとします", "努めなければならない", "努める", "努めます",
          "努力するものとする", "努力する", "努力しなければならない", "努めること",
          "努力すること"}},
        {kDeemed, {"みなす", "みなします", "みなされる", "見なす", "みなされます"}},
        {kProhibition,
         {"ことができない", "ことができません", "ことはできない", "ことはできません",
          "できないものとする", "できないものとします", "できない", "できません"}},
        {kPermission,
         {"できる", "できます", "できるものとする", "できるものとします", "差し支えない",
          "差し支えありません", "差支えない", "差支えありません", "てもよい", "ても良い",
          "でもよい", "てもよいものとする", "妨げない", "妨げられない", "可能とする", "可能です"}},
        {kObligation,
         {"なければならない", "なければなりません", "なくてはならない",
          "なくてはならないものとする", "なければならないものとする", "ねばならない"}},
        {kProhibition,
         {"てはならない", "ではならない", "てはなりません", "ではなりません", "てはいけない",
          "てはいけません", "禁止する", "禁止します", "禁止とする", "禁止されている", "禁ずる",
          "禁じる"}},
        {kProhibition,
         {"ないものとする", "ないものとします", "ないこと", "ない", "ません", "ず", "ぬ",
          "ないように"}},
    };
    Table t;
        for (const auto& [modality, endings] : groups)
      for (std::string_view e : endings)
        t.by_last[LastCharacter(e)].push_back({e, modality});
    return t;
  }();
  auto bucket = table.by_last.find(LastCharacter(s));
  if (bucket != table.by_last.end())
    for (const Ending& e : bucket->second)
      if (EndsWith(s, e.text)) return e.modality;
  return kObligation;
}

}  // namespace clausegap::engine
