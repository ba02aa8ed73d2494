#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "classify/classify.h"

namespace {

namespace classify = clausegap::classify;
namespace structure = clausegap::structure;
using classify::Kind;

// A structure with |title|, preamble sentences and article headings.
structure::Structure Make(std::string title, std::vector<std::string> preamble = {},
                          std::vector<std::string> headings = {}) {
  structure::Structure s;
  s.title = std::move(title);
  for (std::string& p : preamble) {
    structure::Sentence sentence;
    sentence.text = sentence.normalized = std::move(p);
    sentence.zone = structure::Zone::kPreamble;
    s.sentences.push_back(std::move(sentence));
  }
  for (std::string& h : headings) {
    structure::Article a;
    a.heading = std::move(h);
    s.articles.push_back(std::move(a));
  }
  return s;
}

TEST_CASE("the title names the kind; the more specific cue wins") {
  CHECK(classify::Classify(Make("業務委託契約書")) == Kind::kOutsourcing);
  CHECK(classify::Classify(Make("秘密保持契約書")) == Kind::kNda);
  CHECK(classify::Classify(Make("業務委託に関する秘密保持契約書")) == Kind::kNda);
  CHECK(classify::Classify(Make("個人情報の取扱いに関する特記事項")) == Kind::kMemorandum);
  CHECK(classify::Classify(Make("覚書")) == Kind::kMemorandum);
  CHECK(classify::Classify(Make("データ処理契約書")) == Kind::kDataProcessing);
  CHECK(classify::Classify(Make("〇〇サービス利用規約")) == Kind::kTerms);
  CHECK(classify::Classify(Make("雇用契約書")) == Kind::kEmployment);
}

TEST_CASE("a title that names no kind: the preamble, then the headings decide") {
  CHECK(classify::Classify(Make("契約書", {"甲は乙に対し、給与計算業務を委託し、乙はこれを受託する。"})) ==
        Kind::kOutsourcing);
  CHECK(classify::Classify(Make("契約書", {"甲及び乙は、相互に開示する秘密情報の取扱いについて合意する。"})) ==
        Kind::kNda);
  CHECK(classify::Classify(Make("", {}, {"目的", "再委託", "委託料"})) == Kind::kOutsourcing);
  CHECK(classify::Classify(Make("お知らせ", {"当社の営業時間を変更します。"})) == Kind::kOther);
}

TEST_CASE("kind ids round-trip and only vendor contracts are covered") {
  for (Kind kind : {Kind::kOutsourcing, Kind::kNda, Kind::kMemorandum, Kind::kDataProcessing,
                    Kind::kTerms, Kind::kEmployment, Kind::kOther}) {
    CHECK(classify::KindFromId(classify::KindId(kind)) == kind);
  }
  CHECK(classify::Covered(Kind::kOutsourcing));
  CHECK(classify::Covered(Kind::kMemorandum));
  CHECK_FALSE(classify::Covered(Kind::kTerms));
  CHECK_FALSE(classify::Covered(Kind::kEmployment));
  CHECK_FALSE(classify::Covered(Kind::kOther));
}

}  // namespace
