#include "i18n/messages.h"

#include <array>
#include <cctype>

namespace clausegap::i18n {
namespace {

constexpr const char* kNames[] = {
#define CLAUSEGAP_I18N_NAME(name) #name,
    CLAUSEGAP_I18N_KEYS(CLAUSEGAP_I18N_NAME)
#undef CLAUSEGAP_I18N_NAME
};

using Table = std::array<const char*, kMessageCount>;

Table Index(const Entry* entries, std::size_t size) {
  Table table{};
  for (std::size_t i = 0; i < size; ++i) {
    auto k = static_cast<std::size_t>(entries[i].key);
    if (k < kMessageCount) table[k] = entries[i].text;
  }
  return table;
}

const Table& TableOf(Lang lang) {
  static const Table ja = Index(kJapanese, kJapaneseSize);
  static const Table en = Index(kEnglish, kEnglishSize);
  return lang == Lang::kEn ? en : ja;
}

// Returns the language named by a locale value, or none.
bool LocaleLang(const char* value, Lang* lang) {
  if (value == nullptr || value[0] == '\0') return false;
  std::string_view v(value);
  if (v.starts_with("en")) {
    *lang = Lang::kEn;
  } else {
    *lang = Lang::kJa;  // ja, C, POSIX and every other language
  }
  return true;
}

}  // namespace

const char* LangName(Lang lang) { return lang == Lang::kEn ? "en" : "ja"; }

Expected<Lang> ParseLang(std::string_view name) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "ja" || lower.starts_with("ja_") || lower.starts_with("ja-")) return Lang::kJa;
  if (lower == "en" || lower.starts_with("en_") || lower.starts_with("en-")) return Lang::kEn;
  return MakeError(ErrorCode::kUsage,
                   "--lang: unknown language '" + std::string(name) + "' (valid: ja, en)");
}

Lang LangFromEnvironment(const char* lc_all, const char* lc_messages, const char* lang) {
  Lang out = Lang::kJa;
  for (const char* value : {lc_all, lc_messages, lang}) {
    if (LocaleLang(value, &out)) return out;
  }
  return Lang::kJa;
}

const char* MsgName(Msg key) {
  auto k = static_cast<std::size_t>(key);
  return k < kMessageCount ? kNames[k] : "?";
}

std::string_view Text(Lang lang, Msg key) {
  auto k = static_cast<std::size_t>(key);
  const char* text = k < kMessageCount ? TableOf(lang)[k] : nullptr;
  if (text != nullptr) return text;
  // Only reachable when a table lacks a key, which the catalogue test forbids.
  static const std::array<std::string, kMessageCount> missing = [] {
    std::array<std::string, kMessageCount> names;
    for (std::size_t i = 0; i < kMessageCount; ++i) names[i] = std::string("[") + kNames[i] + "]";
    return names;
  }();
  return k < kMessageCount ? std::string_view(missing[k]) : std::string_view("[?]");
}

std::string Format(Lang lang, Msg key, std::initializer_list<std::string_view> args) {
  std::string_view text = Text(lang, key);
  std::string out;
  out.reserve(text.size() + 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
        text[i + 1] <= '9') {
      auto n = static_cast<std::size_t>(text[i + 1] - '0');
      if (n < args.size()) {
        out.append(*(args.begin() + n));
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace clausegap::i18n
