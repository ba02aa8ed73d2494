#include "text/contains.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace clausegap::text {
namespace {

TEST_CASE("Contains finds words anywhere, the first and last bytes included") {
  CHECK(Contains("乙は、次の各号に定める事項を遵守する。", "次の"));
  CHECK(Contains("次の", "次の"));
  CHECK(Contains("…以下に掲げる", "以下に掲げる"));
  CHECK(Contains("本契約の成立を証するため", "を証するため"));
  CHECK_FALSE(Contains("乙は、本業務を再委託してはならない。", "次の"));
  CHECK_FALSE(Contains("次", "次の"));
  CHECK_FALSE(Contains("", "次の"));
  CHECK(Contains("", ""));
  CHECK(Contains("abc", ""));
  CHECK(Contains("a:", ":"));
  CHECK_FALSE(Contains("a", "ab"));
}

// Text and words drawn from overlapping pieces (shared lead bytes, shared
// second bytes, bytes that are not UTF-8, NUL): Contains must answer
// exactly what find answers.
TEST_CASE("Contains agrees with find on random text") {
  const std::vector<std::string> pieces = {"次", "の", "に", "以", "下", "記", "各", "号", "証", "を", "。",
                                           "a", ":", "\xE6", "\xAC", "\xE3\x81", std::string(1, '\0'), "、"};
  std::mt19937 random(7);
  auto draw = [&](int most) {
    std::string out;
    for (int k = static_cast<int>(random() % (most + 1)); k > 0; --k) out += pieces[random() % pieces.size()];
    return out;
  };
  for (int round = 0; round < 50000; ++round) {
    const std::string s = draw(12);
    const std::string word = draw(3);
    CAPTURE(s);
    CAPTURE(word);
    REQUIRE(Contains(s, word) == (s.find(word) != std::string::npos));
  }
}

}  // namespace
}  // namespace clausegap::text
