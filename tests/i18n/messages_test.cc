// The message catalogue: every key in both languages, once, with the same
// placeholders; language selection from flags and the environment.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "i18n/messages.h"

namespace {

using clausegap::i18n::Entry;
using clausegap::i18n::Lang;
using clausegap::i18n::Msg;
namespace i18n = clausegap::i18n;

// Returns the placeholders ("{0}", "{3}") of |text|, sorted.
std::multiset<std::string> Placeholders(std::string_view text) {
  std::multiset<std::string> out;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] == '{' && text[i + 2] == '}' && text[i + 1] >= '0' && text[i + 1] <= '9') {
      out.insert(std::string(text.substr(i, 3)));
    }
  }
  return out;
}

// Returns the text of each key in |table|, failing on duplicates and gaps.
std::vector<std::string> Check(const Entry* table, std::size_t size, const char* language) {
  std::vector<std::string> texts(i18n::kMessageCount);
  std::vector<int> seen(i18n::kMessageCount, 0);
  for (std::size_t i = 0; i < size; ++i) {
    auto k = static_cast<std::size_t>(table[i].key);
    REQUIRE(k < i18n::kMessageCount);
    ++seen[k];
    texts[k] = table[i].text == nullptr ? "" : table[i].text;
  }
  for (std::size_t k = 0; k < i18n::kMessageCount; ++k) {
    INFO(language << " key " << i18n::MsgName(static_cast<Msg>(k)));
    CHECK_MESSAGE(seen[k] == 1, "missing or duplicated");
    CHECK_FALSE(texts[k].empty());
  }
  return texts;
}

TEST_CASE("every key is in the Japanese and the English table, with the same placeholders") {
  std::vector<std::string> ja = Check(i18n::kJapanese, i18n::kJapaneseSize, "ja");
  std::vector<std::string> en = Check(i18n::kEnglish, i18n::kEnglishSize, "en");
  for (std::size_t k = 0; k < i18n::kMessageCount; ++k) {
    INFO("key " << i18n::MsgName(static_cast<Msg>(k)));
    CHECK(Placeholders(ja[k]) == Placeholders(en[k]));
    // Text() finds it: no "[Name]" fallback in either language.
    CHECK(i18n::Text(Lang::kJa, static_cast<Msg>(k)) == ja[k]);
    CHECK(i18n::Text(Lang::kEn, static_cast<Msg>(k)) == en[k]);
  }
}

TEST_CASE("Japanese labels are Japanese") {
  CHECK(i18n::Text(Lang::kJa, Msg::kStatusMissing) == "不足");
  CHECK(i18n::Text(Lang::kJa, Msg::kStatusWeak) == "不十分");
  CHECK(i18n::Text(Lang::kJa, Msg::kStatusPresent) == "充足");
  CHECK(i18n::Text(Lang::kJa, Msg::kReason) == "理由");
  CHECK(i18n::Text(Lang::kJa, Msg::kEvidence) == "根拠");
  CHECK(i18n::Text(Lang::kJa, Msg::kSuggestion) == "修正案");
}

TEST_CASE("Format fills placeholders in order and leaves unknown ones") {
  CHECK(i18n::Format(Lang::kEn, Msg::kCounts, {"1", "2", "3"}) == "1 present, 2 weak, 3 missing");
  CHECK(i18n::Format(Lang::kJa, Msg::kCounts, {"1", "2", "3"}) == "充足 1件、不十分 2件、不足 3件");
  CHECK(i18n::Format(Lang::kEn, Msg::kCounts, {"1"}) == "1 present, {1} weak, {2} missing");
}

TEST_CASE("--lang values and the environment choose the language; Japanese by default") {
  CHECK(*i18n::ParseLang("ja") == Lang::kJa);
  CHECK(*i18n::ParseLang("en") == Lang::kEn);
  CHECK(*i18n::ParseLang("en_US.UTF-8") == Lang::kEn);
  CHECK_FALSE(i18n::ParseLang("fr").has_value());
  CHECK(i18n::LangFromEnvironment(nullptr, nullptr, nullptr) == Lang::kJa);
  CHECK(i18n::LangFromEnvironment(nullptr, nullptr, "C.UTF-8") == Lang::kJa);
  CHECK(i18n::LangFromEnvironment(nullptr, nullptr, "en_US.UTF-8") == Lang::kEn);
  CHECK(i18n::LangFromEnvironment("ja_JP.UTF-8", nullptr, "en_US.UTF-8") == Lang::kJa);
  CHECK(i18n::LangFromEnvironment("", "en_GB.UTF-8", "ja_JP.UTF-8") == Lang::kEn);
}

}  // namespace
