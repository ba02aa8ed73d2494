// Party roles from the preamble, the definitions and who entrusts whom.
#include "engine/parties.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/frames.h"
#include "engine/phrase_set.h"

namespace clausegap::engine {
namespace {

// Names whose role the word itself carries.
struct RoleWord {
  std::string_view word;
  unsigned roles;
};
constexpr std::array<RoleWord, 45> kRoleWords = {{
    {"ベンダ", kRoleVendor}, {"ベンダー", kRoleVendor}, {"受託会社", kRoleVendor}, {"委託会社", kRoleClient},
    {"サプライヤー", kRoleVendor},
    {"委託者", kRoleClient}, {"委託元", kRoleClient}, {"発注者", kRoleClient}, {"注文者", kRoleClient},
    {"委任者", kRoleClient}, {"開示者", kRoleClient}, {"開示当事者", kRoleClient}, {"情報開示者", kRoleClient},
    {"データ輸出者", kRoleClient}, {"管理者", kRoleClient}, {"個人情報取扱事業者", kRoleClient},
    {"お客様", kRoleClient}, {"利用者", kRoleClient}, {"ユーザー", kRoleClient}, {"ユーザ", kRoleClient},
    {"会員", kRoleClient}, {"契約者", kRoleClient}, {"顧客", kRoleClient}, {"発注元", kRoleClient},
    {"受託者", kRoleVendor}, {"受託事業者", kRoleVendor}, {"委託先", kRoleVendor}, {"受注者", kRoleVendor},
    {"請負者", kRoleVendor}, {"請負人", kRoleVendor}, {"受任者", kRoleVendor}, {"受領者", kRoleVendor},
    {"受領当事者", kRoleVendor}, {"情報受領者", kRoleVendor}, {"データ輸入者", kRoleVendor},
    {"処理者", kRoleVendor}, {"当社", kRoleVendor}, {"弊社", kRoleVendor}, {"提供者", kRoleVendor},
    {"サービス提供者", kRoleVendor}, {"受注先", kRoleVendor},
    // Both parties.
    {"各当事者", kRoleBoth}, {"両当事者", kRoleBoth}, {"当事者双方", kRoleBoth}, {"いずれの当事者", kRoleBoth},
}};

constexpr std::array<std::string_view, 4> kLetters = {"甲", "乙", "丙", "丁"};

unsigned LexiconRoles(std::string_view name) {
  for (const RoleWord& w : kRoleWords)
    if (w.word == name) return w.roles;
  return 0;
}

bool IsLetter(std::string_view name) {
  return std::find(kLetters.begin(), kLetters.end(), name) != kLetters.end();
}

// A defined party name: 「甲」, 「受託者」, 「当社」, or a short name defined
// right after a legal name that is not a defined thing (本業務, 秘密情報 …).
bool PartyLike(std::string_view name, std::string_view full) {
  if (IsLetter(name) || LexiconRoles(name) != 0) return true;
  if (name.empty() || name.size() > 15 || full.empty() || name.compare(0, 3, "本") == 0) return false;
  bool entity = false;
  for (std::string_view marker : {"会社", "法人", "組合", "機構", "団体", "協会", "財団", "大学", "病院", "市", "町", "村",
                                  "県", "都", "府", "庁", "省", "Inc", "Ltd", "LLC", "Corp", "GmbH", "株", "○", "〇", "_", "＿",
                                  "●", "[", "【", "{", "殿", "様", "氏"})
    entity = entity || full.find(marker) != std::string_view::npos;
  if (!entity) return false;
  for (std::string_view thing : {"契約", "業務", "情報", "資料", "データ", "サービス", "規約", "条件", "目的", "成果物",
                                 "委託料", "料金", "製品", "商品", "期間", "日", "書", "等", "物", "権", "法", "システム",
                                 "ソフトウェア", "プログラム", "システム", "番号", "者等", "場所"})
    if (name.find(thing) != std::string_view::npos) return false;
  return true;
}

struct Defined {
  std::string name;
  std::string full;                  // text before the definition: "株式会社A", "委託者である株式会社A"
  std::vector<std::string> aliases;  // other names in the same definition
  std::size_t begin = 0, end = 0;    // the legal name and its aside in the sentence
};

// Returns the names defined in |s| with 以下「X」という / 以下「X」又は「Y」という.
std::vector<Defined> Definitions(std::string_view s) {
  std::vector<Defined> out;
  for (std::size_t at = s.find("以下"); at != std::string_view::npos; at = s.find("以下", at + 1)) {
    std::size_t q = at + std::string_view("以下").size();
    // 以下「X」 / 以下、「X」 / 以下単に「X」.
    while (q < s.size() && (s.compare(q, 3, "、") == 0 || s.compare(q, 1, ",") == 0 || s.compare(q, 6, "単に") == 0))
      q += s.compare(q, 1, ",") == 0 ? 1 : s.compare(q, 3, "、") == 0 ? 3 : 6;
    std::vector<std::string> names;
    while (s.compare(q, 3, "「") == 0) {
      std::size_t close = s.find("」", q);
      if (close == std::string_view::npos || close - q > 40) break;
      names.emplace_back(s.substr(q + 3, close - q - 3));
      q = close + 3;
      for (std::string_view sep : {"又は", "または", "若しくは", "もしくは", "及び", "、", "・", "と"}) {
        if (s.compare(q, sep.size(), sep) == 0 && s.compare(q + sep.size(), 3, "「") == 0) {
          q += sep.size();
          break;
        }
      }
    }
    // The text before the opening bracket of this definition.
    std::size_t open = s.rfind("(", at);
    std::size_t end = open == std::string_view::npos ? at : open;
    std::size_t begin = 0;
    for (std::string_view stop : {"、", "。", ")", "」"}) {
      std::size_t p = s.rfind(stop, end == 0 ? 0 : end - 1);
      if (p != std::string_view::npos && p < end && p + stop.size() > begin) begin = p + stop.size();
    }
    std::string full(s.substr(begin, end - begin));
    for (std::string_view lead : {"と", "及び", "並びに"})
      if (full.compare(0, lead.size(), lead) == 0) full.erase(0, lead.size()), begin += lead.size();
    std::vector<std::string> party;
    for (const std::string& n : names)
      if (PartyLike(n, full)) party.push_back(n);
    if (party.empty()) continue;
    Defined d;
    d.begin = begin;
    d.end = q;
    // The aside closes after 「…という。」.
    if (open != std::string_view::npos) {
      int depth = 0;
      for (std::size_t i = open; i < s.size(); ++i) {
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) {
          d.end = i + 1;
          break;
        }
      }
    }
    d.name = party.front();
    d.full = full;
    d.aliases.assign(party.begin() + 1, party.end());
    out.push_back(std::move(d));
  }
  return out;
}

// Counts the occurrences of each of |terms| in |sentences| in one pass.
std::map<std::string, int> CountAll(std::span<const std::string_view> sentences, std::vector<std::string> terms) {
  const PhraseSet set(terms);
  std::vector<int> n(terms.size(), 0);
  for (std::string_view s : sentences)
    set.ForEach(s, [&](int i, std::size_t) {
      ++n[static_cast<std::size_t>(i)];
      return true;
    });
  std::map<std::string, int> counts;
  for (std::size_t i = 0; i < terms.size(); ++i) counts[terms[i]] += n[i];
  return counts;
}

int CountOf(std::span<const std::string_view> sentences, std::string_view name) {
  int n = 0;
  for (std::string_view s : sentences)
    for (std::size_t at = s.find(name); at != std::string::npos; at = s.find(name, at + name.size())) ++n;
  return n;
}

}  // namespace

unsigned PartyMap::RolesOf(std::string_view name) const {
  for (const Name& n : names)
    if (n.name == name) return n.roles;
  return 0;
}

std::string PartyMap::Display(std::string_view name) const {
  for (const Party& p : parties) {
    if (p.name == name) {
      for (const std::string& a : p.aliases)
        if (LexiconRoles(a) != 0) return std::string(name) + "（" + a + "）";
      return std::string(name);
    }
    for (const std::string& a : p.aliases)
      if (a == name) return std::string(name);
  }
  return std::string(name);
}

PartyMap ResolveParties(const std::vector<std::string_view>& sentences, std::size_t opening,
                        std::string_view vendor_override) {
  PartyMap map;
  opening = std::min(opening, sentences.size());
  // 1. Defined names and their legal names.
  std::vector<Defined> defined;
  for (std::size_t i = 0; i < opening; ++i)
    for (Defined& d : Definitions(sentences[i])) {
      bool seen = false;
      for (const Defined& e : defined) seen = seen || e.name == d.name;
      if (!seen) defined.push_back(std::move(d));
    }
  std::map<std::string, unsigned> roles;  // name → role bits
  for (const Defined& d : defined) {
    unsigned r = LexiconRoles(d.name);
    for (const std::string& a : d.aliases) r |= LexiconRoles(a);
    // 委託者である株式会社A（以下「甲」という。）
    if (r == 0)
      for (const RoleWord& w : kRoleWords)
        if (w.roles != kRoleBoth && d.full.find(w.word) != std::string::npos) {
          r = w.roles;
          break;
        }
    roles[d.name] = r;
    for (const std::string& a : d.aliases) roles[a] = r;
  }
  // Letters used in the clauses without a definition still name parties.
  for (std::string_view letter : {"甲", "乙"})
    if (!roles.count(std::string(letter)) && CountOf(sentences, std::string(letter) + "は") > 0)
      roles[std::string(letter)] = 0;

  // 2. Who entrusts whom: 「甲は、乙に対し…委託し」「乙は、甲から…受託する」.
  bool mutual = false;
  std::string client_letter, vendor_letter;
  for (std::size_t i = 0; i < opening; ++i) {
    // 「株式会社A（以下「甲」という。）は、株式会社B（以下「乙」という。）に対し」
    // reads as 「甲は、乙に対し」.
    std::string with_names(sentences[i]);
    std::vector<Defined> here = Definitions(with_names);
    for (auto d = here.rbegin(); d != here.rend(); ++d)
      if (d->end > d->begin && d->end <= with_names.size()) with_names.replace(d->begin, d->end - d->begin, d->name);
    std::string s = StripParentheses(with_names);
    if (s.find("相互に") != std::string::npos || s.find("一方の当事者") != std::string::npos ||
        s.find("一方当事者") != std::string::npos || s.find("相互の") != std::string::npos ||
        s.find("双方が") != std::string::npos)
      if (s.find("開示") != std::string::npos || s.find("秘密") != std::string::npos) mutual = true;
    if (!client_letter.empty()) continue;
    // 「XがYに(対し)…委託する」「XはYに…を委託し」: X entrusts Y. 「XはYから…受託する」:
    // Y entrusts X. 「XがYに開示する」: X discloses. The verb must follow both names.
    struct Verb {
      std::string_view word;
      bool from_other;  // the name before から is the client
    };
    for (const auto& [x, rx] : roles) {
      for (std::size_t at = s.find(x); at != std::string::npos && client_letter.empty(); at = s.find(x, at + 1)) {
        std::size_t after = at + x.size();
        if (!(s.substr(after).starts_with("が") || s.substr(after).starts_with("は"))) continue;
        if (at > 0 && !WordStartsAt(s, at)) continue;
        // 「甲と乙は」 names both parties, not one who entrusts.
        if ((at >= 3 && s.compare(at - 3, 3, "と") == 0) || (at >= 6 && s.compare(at - 6, 6, "及び") == 0)) continue;
        std::size_t window_end = std::min(s.size(), after + 90);
        for (const auto& [y, ry] : roles) {
          if (y == x) continue;
          for (std::string_view particle : {"に", "へ", "から"}) {
            std::size_t yat = s.find(y + std::string(particle), after);
            if (yat == std::string::npos || yat > window_end) continue;
            // 「甲に代わって」 is not the one entrusted.
            const std::string_view next = std::string_view(s).substr(yat + y.size() + particle.size());
            if (next.starts_with("代わ") || next.starts_with("代り"))
              continue;
            std::string_view rest = std::string_view(s).substr(yat, std::min<std::size_t>(150, s.size() - yat));
            bool entrust = false, receive = false, disclose = false;
            for (std::size_t v = rest.find("委託"); v != std::string_view::npos; v = rest.find("委託", v + 1))
              if (v < 3 || rest.compare(v - 3, 3, "再") != 0) entrust = true;
            for (std::string_view w : {"受託", "受任", "請け負", "受注"}) receive = receive || rest.find(w) != std::string_view::npos;
            disclose = rest.find("開示") != std::string_view::npos;
            if (particle == "から" && (receive || entrust)) {
              client_letter = y;
              vendor_letter = x;
            } else if (particle != "から" && (entrust || disclose)) {
              client_letter = x;
              vendor_letter = y;
            }
            if (!client_letter.empty()) break;
          }
          if (!client_letter.empty()) break;
        }
      }
      if (!client_letter.empty()) break;
    }
  }
  // Defined 開示者 / 受領者 as 一方 / 他方: each party receives.
  map.mutual = mutual;
  if (client_letter.empty()) {
    client_letter = "甲";
    vendor_letter = "乙";
  }
  map.reversed = client_letter == "乙";
  // Words a provider and a customer both use of themselves (当社, お客様)
  // yield to who entrusts whom.
  for (std::string_view word : {"当社", "弊社", "お客様", "利用者", "ユーザー", "ユーザ", "会員", "顧客", "契約者", "管理者"}) {
    auto it = roles.find(std::string(word));
    if (it == roles.end()) continue;
    if (it->first == client_letter) it->second = kRoleClient;
    if (it->first == vendor_letter) it->second = kRoleVendor;
  }
  for (auto& [name, r] : roles) {
    if (r != 0) continue;
    if (mutual && IsLetter(name)) r = kRoleBoth;
    else if (name == client_letter) r = kRoleClient;
    else if (name == vendor_letter) r = kRoleVendor;
  }
  // Aliases of a letter take its role when their own word is silent.
  for (const Defined& d : defined)
    for (const std::string& a : d.aliases)
      if (roles[a] == 0) roles[a] = roles[d.name];
  // Two defined parties, one of a known role: the other holds the other role
  // (「GitHub」 beside 「お客様」, a vendor named by its trade name).
  if (!mutual && defined.size() == 2 && defined[0].name != defined[1].name) {
    auto other = [](unsigned r) { return r == kRoleVendor ? kRoleClient : r == kRoleClient ? kRoleVendor : 0u; };
    unsigned& first = roles[defined[0].name];
    unsigned& second = roles[defined[1].name];
    if (first == 0) first = other(second);
    else if (second == 0) second = other(first);
  }
  if (!vendor_override.empty()) {
    std::string v(vendor_override);
    for (auto& [name, r] : roles) {
      if (r == kRoleBoth) continue;
      r = name == v ? kRoleVendor : kRoleClient;
    }
    for (const Defined& d : defined)
      for (const std::string& a : d.aliases)
        if (d.name == v || a == v) roles[a] = roles[d.name] = kRoleVendor;
    if (!roles.count(v)) roles[v] = kRoleVendor;
  }

  // 3. The names a clause may use as its subject.
  for (auto& [name, r] : roles) map.names.push_back({name, r});
  for (const RoleWord& w : kRoleWords)
    if (!roles.count(std::string(w.word))) map.names.push_back({std::string(w.word), w.roles});
  for (std::string_view both : {"甲及び乙", "甲又は乙", "甲乙", "乙及び甲", "当事者", "双方"})
    map.names.push_back({std::string(both), kRoleBoth});
  std::sort(map.names.begin(), map.names.end(),
            [](const PartyMap::Name& a, const PartyMap::Name& b) { return a.name.size() > b.name.size(); });
  std::vector<std::string> name_list;
  for (const PartyMap::Name& n : map.names) name_list.push_back(n.name);
  map.index = PhraseSet(std::move(name_list));

  // 4. The report's parties and the names suggestions use.
  for (const Defined& d : defined) {
    Party p;
    p.name = d.name;
    p.full_name = d.full;
    p.aliases = d.aliases;
    unsigned r = roles[d.name];
    p.role = mutual && (r == kRoleBoth || IsLetter(d.name)) ? PartyRole::kMutual
             : r == kRoleVendor                             ? PartyRole::kVendor
             : r == kRoleClient                             ? PartyRole::kClient
             : r == kRoleBoth                               ? PartyRole::kMutual
                                                            : PartyRole::kUnknown;
    map.parties.push_back(std::move(p));
  }
  std::vector<std::string> counted = {"本業務", "本件業務", "委託業務", "本目的", "秘密情報", "個人情報", "機密情報", "個人データ"};
  for (auto& [name, r] : roles) counted.push_back(name);
  // The names and terms a contract uses show in its first pages.
  const std::map<std::string, int> counts =
      CountAll(std::span(sentences).first(std::min<std::size_t>(sentences.size(), 150)), counted);
  auto best_name = [&](unsigned role, std::string_view fallback) {
    std::string best;
    int best_count = 0;
    for (auto& [name, r] : roles) {
      if (r != role) continue;
      int n = counts.at(name);
      if (n > best_count) best = name, best_count = n;
    }
    const auto opening = std::span(sentences).first(std::min<std::size_t>(sentences.size(), 150));
    if (best.empty() && CountOf(opening, fallback) == 0) {
      // No defined name holds the role and the contract does not use 甲/乙:
      // the role word it uses most (受注者 in a 特記事項 that defines no
      // names), counted only when needed.
      std::vector<std::string> words;
      for (const RoleWord& w : kRoleWords)
        if (w.roles == role) words.push_back(std::string(w.word));
      const std::map<std::string, int> used_words = CountAll(opening, words);
      for (const auto& [word, n] : used_words)
        if (n > best_count) best = word, best_count = n;
    }
    return best.empty() ? std::string(fallback) : best;
  };
  if (mutual) {
    map.vendor = roles.count("受領者") ? "受領者" : best_name(kRoleVendor, "受領者");
    map.client = roles.count("開示者") ? "開示者" : best_name(kRoleClient, "開示者");
  } else {
    map.vendor = best_name(kRoleVendor, vendor_letter);
    map.client = best_name(kRoleClient, client_letter);
  }
  auto used = [&](const char* term) { return counts.at(term) > 0; };
  map.work = used("本業務") ? "本業務" : used("本件業務") ? "本件業務" : used("委託業務") ? "委託業務"
           : used("本目的") ? "本目的に係る業務" : "本契約に基づく業務";
  map.info = used("秘密情報") ? "秘密情報" : used("個人情報") ? "個人情報" : used("機密情報") ? "機密情報"
           : used("個人データ") ? "個人データ" : "秘密情報";
  return map;
}

}  // namespace clausegap::engine
