// The term index (engine/term_index.h) finds exactly the terms that
// std::string_view::find finds, whatever the text: Japanese, ASCII, terms of
// every length class, and bytes that are not UTF-8.
#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "engine/term_index.h"

namespace clausegap::engine {
namespace {

// The terms of |terms| that |index| reports in |text|.
std::vector<bool> Found(const TermIndex& index, std::string_view text) {
  std::vector<std::uint64_t> bits(index.words, 0);
  index.Scan(text, bits.data());
  std::vector<bool> out(index.terms.size());
  for (std::size_t t = 0; t < out.size(); ++t) out[t] = (bits[t >> 6] >> (t & 63)) & 1;
  return out;
}

void ExpectSameAsFind(const std::vector<std::string>& terms, std::string_view text) {
  TermIndex index(terms);
  std::vector<bool> found = Found(index, text);
  for (std::size_t t = 0; t < terms.size(); ++t) {
    INFO("term: " << terms[t] << " text: " << text);
    CHECK(found[t] == (text.find(terms[t]) != std::string_view::npos));
  }
}

TEST_CASE("term index: Japanese terms of every length class") {
  std::vector<std::string> terms = {"再委託", "委託", "乙", "承諾", "書面による事前の承諾", "ID", "I",
                                    "漏えい", "個人情報を含む秘密情報", "第三者", "者", "返還又は廃棄"};
  ExpectSameAsFind(terms, "乙は、甲の書面による事前の承諾なく、本業務を第三者に再委託してはならない。");
  ExpectSameAsFind(terms, "ユーザIDとパスワード");
  ExpectSameAsFind(terms, "");
  ExpectSameAsFind(terms, "者");
  ExpectSameAsFind(terms, "返還又は廃棄");
  ExpectSameAsFind(terms, "返還又は廃");  // a term cut by the end of the text
}

TEST_CASE("term index: agrees with find on random text, also where it is not UTF-8") {
  // Texts drawn from a small alphabet of whole characters and stray bytes,
  // so that terms both match and nearly match, at every alignment.
  const std::vector<std::string> alphabet = {"乙", "甲", "委", "託", "再", "の", "、", "。", "I", "D",
                                             "a", " ", "\x81", "\xE5", "\xA7\x94", "é"};
  std::mt19937 rng(20261203);
  auto draw = [&](std::size_t pieces) {
    std::string s;
    for (std::size_t i = 0; i < pieces; ++i) s += alphabet[rng() % alphabet.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> terms;
    for (int t = 0; t < 40; ++t) terms.push_back(draw(1 + rng() % 4));
    if (round % 2 == 0) terms.push_back("\xA7\x94委");  // a term starting inside a character
    ExpectSameAsFind(terms, draw(rng() % 60));
  }
}

}  // namespace
}  // namespace clausegap::engine
