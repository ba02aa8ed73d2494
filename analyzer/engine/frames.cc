// Duty frames from one sentence: subject, modality, consent, triggers.
#include "engine/frames.h"

#include <utf8proc.h>

#include <array>
#include <string>
#include <string_view>

#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

bool StartsWith(std::string_view s, std::size_t at, std::string_view prefix) {
  return s.size() >= at + prefix.size() && s.compare(at, prefix.size(), prefix) == 0;
}

template <std::size_t N>
std::size_t StartsWithAny(std::string_view s, std::size_t at, const std::array<std::string_view, N>& list) {
  for (std::string_view p : list)
    if (StartsWith(s, at, p)) return p.size();
  return 0;
}


// Returns the code point that ends just before byte |at| (0 at the start).
utf8proc_int32_t PreviousCodePoint(std::string_view s, std::size_t at) {
  if (at == 0) return 0;
  std::size_t begin = at - 1;
  while (begin > 0 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) --begin;
  utf8proc_int32_t cp = 0;
  utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + begin),
                   static_cast<utf8proc_ssize_t>(at - begin), &cp);
  return cp;
}

// Returns the length of the party name at |at| (longest first), 0 if none.
std::size_t NameAt(std::string_view s, std::size_t at, const PartyMap& parties, unsigned* roles) {
  if ((static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) return 0;  // inside a character
  const int i = parties.index.At(s, at);
  if (i < 0 || !WordStartsAt(s, at)) return 0;
  const PartyMap::Name& n = parties.names[static_cast<std::size_t>(i)];
  *roles = n.roles;
  return n.name.size();
}

constexpr std::array<std::string_view, 9> kJoiners = {"及び", "および", "並びに", "又は", "または", "若しくは",
                                                      "もしくは", "・", "と"};

}  // namespace

bool WordStartsAt(std::string_view s, std::size_t at) {
  utf8proc_int32_t cp = PreviousCodePoint(s, at);
  bool kanji = (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || cp == 0x3005;
  bool katakana = cp >= 0x30A1 && cp <= 0x30FA;
  return !kanji && !katakana;
}

std::string StripParentheses(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int depth = 0;
  std::size_t open_out = 0, open_in = 0;  // where the outermost aside starts
  std::size_t copy_from = 0;              // start of the text not yet copied (depth 0)
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c != '(' && c != ')' && c != '\xEF') {
      ++i;
      continue;
    }
    const bool open = c == '(' || StartsWith(s, i, "（");
    const bool close = c == ')' || StartsWith(s, i, "）");
    const std::size_t width = c == '\xEF' ? 3 : 1;
    if (open) {
      if (depth == 0) {
        out.append(s.substr(copy_from, i - copy_from));
        open_out = out.size();
        open_in = i;
      }
      ++depth;
    } else if (close && depth > 0) {
      if (--depth == 0) copy_from = i + width;
    }
    i += (open || close) ? width : 1;
  }
  if (depth > 0) {
    // Unbalanced: an opening bracket that never closes is kept with the rest.
    out.resize(open_out);
    out.append(s.substr(open_in));
  } else {
    out.append(s.substr(copy_from));
  }
  return out;
}

std::string FindSubject(std::string_view s, const PartyMap& parties, unsigned* roles) {
  std::string first_ga;
  unsigned first_ga_roles = 0;
  for (std::size_t i = 0; i < s.size();) {
    unsigned r = 0;
    std::size_t len = NameAt(s, i, parties, &r);
    if (len == 0) {
      const auto lead = static_cast<unsigned char>(s[i]);
      i += lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      continue;
    }
    // A chain of names: 甲及び乙, 甲又は乙, 甲・乙.
    std::size_t end = i + len;
    unsigned chain = r;
    while (true) {
      std::size_t j = StartsWithAny(s, end, kJoiners);
      if (j == 0) break;
      unsigned r2 = 0;
      std::size_t len2 = NameAt(s, end + j, parties, &r2);
      if (len2 == 0) break;
      chain |= r2;
      end += j + len2;
    }
    if (StartsWith(s, end, "、")) {
      // 「甲、乙は」 is rare; a comma after a name ends the chain.
    }
    std::string name(s.substr(i, end - i));
    if (end < s.size() && s[end] == ' ') ++end;  // 「GitHub は」
    bool topic = (StartsWith(s, end, "は") && !StartsWith(s, end, "はじめ")) || StartsWith(s, end, "も、") ||
                 StartsWith(s, end, "においては") || StartsWith(s, end, "としては");
    if (topic) {
      *roles = chain;
      return name;
    }
    if (first_ga.empty() && StartsWith(s, end, "が") && !StartsWith(s, end, "が有する") &&
        !StartsWith(s, end, "が保有") && !StartsWith(s, end, "が指定") && !StartsWith(s, end, "が定め")) {
      first_ga = name;
      first_ga_roles = chain;
    }
    i = end;
  }
  *roles = first_ga_roles;
  return first_ga;
}

namespace {

// What happens to the information in an incident (the incident trigger).
constexpr std::array<const char*, 10> kIncidentWords = {"漏えい", "漏洩", "滅失", "毀損", "き損",
                                                        "紛失", "盗難", "不正アクセス", "改ざん", "事故"};

// Returns whether |judged|, the words a judgement (と認め, と判断) is about,
// name an incident, or that one may have happened: 「漏えいのおそれがあると
// 認めたとき」 is knowing, not choosing.
bool IsIncidentJudgement(std::string_view judged) {
  for (std::string_view word : {"おそれ", "恐れ", "発生", "生じ"})
    if (judged.find(word) != std::string_view::npos) return true;
  for (std::string_view word : kIncidentWords)
    if (judged.find(word) != std::string_view::npos) return true;
  return false;
}

}  // namespace

Frame ReadFrame(std::string_view normalized, const PartyMap& parties) {
  Frame f;
  std::string stripped = StripParentheses(normalized);
  f.subject = FindSubject(stripped, parties, &f.bound);
  f.modality = DetectModality(stripped);

  // Every cue of the sentence in one pass: consent words (and what follows
  // them), notice-only phrases, triggers and judgements.
  enum Cue { kConsentWord, kApprovedVerb, kNotice, kEndWord, kOwnEnd, kRequestWord, kDiscretionWord,
             kIncidentWord, kJudgeWord };
  struct Cues {
    PhraseSet set;
    std::vector<Cue> cue;
  };
  static const Cues cues = [] {
    const std::pair<Cue, std::vector<std::string>> groups[] = {
        {kConsentWord, {"承諾", "同意", "許諾", "承認", "許可", "了承", "了解"}},
        // 甲が書面により認めた場合を除き: approval written as a verb.
        {kApprovedVerb, {"が認めた場合", "が認めたとき", "が書面により認め", "が書面で認め", "が事前に認め", "が予め認め"}},
        {kNotice, {"通知することにより", "通知することによって", "通知した上で", "通知したうえで", "通知すれば足り",
                   "通知をもって", "届け出ることにより", "届け出れば足り", "報告すれば足り", "事後に報告", "事後報告",
                   "事後の報告", "事後に通知", "事後の通知"}},
        {kEndWord, {"終了", "満了", "解除", "解約", "完了", "失効", "契約期間の末日", "終結", "廃止", "取り消"}},
        // 「使用を終了したとき」 is the recipient's own choice, not the end of the contract.
        {kOwnEnd, {"使用を終了", "利用を終了", "使用の終了", "利用の終了"}},
        {kRequestWord, {"請求", "求めに", "求めが", "求める", "要求", "要請", "指示があ", "指示した", "指示する時", "申出",
                        "求められた"}},
        {kDiscretionWord, {"不要と判断", "なったと判断", "なくなったと判断", "と自ら判断", "必要がないと判断",
                           "必要でないと判断", "不要と認め", "必要がないと認め", "使用を終了した", "利用を終了した",
                           "使用しなくなった", "利用しなくなった", "自らの判断", "自己の判断", "任意の時期"}},
        {kIncidentWord, {kIncidentWords.begin(), kIncidentWords.end()}},
        // 「必要と判断した場合」, and 「不要になったと乙が判断したとき」 with the judge
        // between: any 判断 is read for who judges.
        {kJudgeWord, {"判断", "と認め", "と考え"}},
    };
    Cues c;
    std::vector<std::string> phrases;
    for (const auto& [cue, list] : groups)
      for (const std::string& p : list) {
        phrases.push_back(p);
        c.cue.push_back(cue);
      }
    c.set = PhraseSet(std::move(phrases));
    return c;
  }();
  // Consent absent: 承諾なく / 承諾を得ずに / 承諾を要せず / 承諾は不要.
  static constexpr std::array<std::string_view, 30> kWithout = {
      "なく", "なしに", "無く", "無しに", "なしで", "を得ず", "を得ないで", "を得ることなく", "を得ることなしに",
      "を要せず", "を要することなく", "を要しない", "を要さず", "は不要", "を不要", "は要しない", "は必要とせず",
      "を必要とせず", "を必要とすることなく", "を必要としない", "は必要ない", "は必要としない", "を得る必要なく",
      "を得る必要はな", "を得る必要がな", "を受けずに", "を受けることなく", "を求めることなく", "を経ずに",
      "を経ることなく"};
  // Consent as a condition: 承諾を得て / 承諾を得た場合に限り / 承諾があるときを除き.
  static constexpr std::array<std::string_view, 22> kWith = {
      "なき限り", "のない限り", "がない限り", "を得て", "を得た", "を得なければ", "を得ない限り", "を得るものと",
      "を得る場合", "を得ること", "を得る", "を受けて", "を受けた", "を受けなければ", "を受ける", "がある",
      "があった", "のある", "を条件", "した場合", "したとき", "する場合"};
  bool with = false, without = false, notice = false, judged = false;
  std::size_t own_end_until = 0;  // an end word before this offset is part of 「使用を終了」
  cues.set.ForEach(normalized, [&](int i, std::size_t at) {
    const std::size_t end = at + cues.set.phrase(i).size();
    switch (cues.cue[static_cast<std::size_t>(i)]) {
      case kConsentWord: {
        std::size_t next = end;
        if (StartsWith(normalized, next, "書")) next += 3;  // 承諾書
        if (StartsWithAny(normalized, next, kWithout)) without = true;
        else if (StartsWithAny(normalized, next, kWith)) with = true;
        break;
      }
      case kApprovedVerb: with = true; break;
      case kNotice: notice = true; break;
      case kOwnEnd: own_end_until = std::max(own_end_until, end); break;
      case kEndWord:
        if (at >= own_end_until) f.triggers |= kTriggerEnd;
        break;
      case kRequestWord: f.triggers |= kTriggerRequest; break;
      case kDiscretionWord: f.triggers |= kTriggerDiscretion; break;
      case kIncidentWord: f.triggers |= kTriggerIncident; break;
      case kJudgeWord: judged = true; break;
    }
    return true;
  });
  const bool prohibition = (f.modality & kProhibition) != 0;
  if (without && prohibition) {
    f.consent = Consent::kRequired;  // 承諾なく…してはならない
  } else if (without) {
    f.consent = Consent::kNotRequired;  // 承諾なく…できる / 承諾は不要とする
  } else if (with) {
    f.consent = Consent::kRequired;
  }
  f.notice_only = f.consent != Consent::kRequired && notice;

  // 「乙が必要と判断した場合」: a judgement of the bound vendor (or of a vendor
  // named as the judge) leaves the duty to it.
  if (judged) {
    for (std::string_view judge : {"判断", "と認め", "と考え"}) {
      for (std::size_t at = stripped.find(judge); at != std::string::npos; at = stripped.find(judge, at + 1)) {
        unsigned who = 0;
        // The judge: the last party name before it followed by が / の / において / は.
        for (std::size_t i = 0; i < at; ++i) {
          unsigned r = 0;
          std::size_t len = NameAt(stripped, i, parties, &r);
          if (len == 0) continue;
          if (StartsWith(stripped, i + len, "が") || StartsWith(stripped, i + len, "の") ||
              StartsWith(stripped, i + len, "において") || StartsWith(stripped, i + len, "は"))
            who = r;
          i += len - 1;
        }
        if (who == 0) who = f.bound;
        // 「漏えいし、又はそのおそれがあると認めたとき」 judges that an incident
        // happened: the trigger is knowing of it, not a choice left to the vendor.
        std::size_t clause_start = stripped.rfind("、", at);
        clause_start = clause_start == std::string::npos ? 0 : clause_start;
        const std::string_view judged_what = std::string_view(stripped).substr(clause_start, at - clause_start);
        if (IsIncidentJudgement(judged_what)) continue;
        if ((who & kRoleVendor) && !(who & kRoleClient)) f.triggers |= kTriggerDiscretion;
      }
    }
  }
  return f;
}

}  // namespace clausegap::engine
