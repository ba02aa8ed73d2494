// End-to-end checks on the shared development corpus: the sentences that the
// labelling notes cite are found under the label the notes use. Skipped when
// the corpus (CLAUSEGAP_SHARED_DIR) is absent.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "docx/reader.h"
#include "structure/structure.h"

namespace clausegap::structure {
namespace {

namespace fs = std::filesystem;

struct Citation {
  const char* fragment;  // a piece of the cited sentence
  const char* label;     // the label it must carry
};

// Returns the labels of the sentences containing |fragment|.
std::vector<std::string> LabelsOf(const Structure& s, const std::string& fragment) {
  std::vector<std::string> labels;
  for (const Sentence& sentence : s.sentences) {
    if (sentence.text.find(fragment) != std::string::npos) labels.push_back(sentence.label);
  }
  return labels;
}

void CheckFile(const fs::path& path, const std::vector<Citation>& citations) {
  if (!fs::exists(path)) return;
  CAPTURE(path.string());
  Expected<model::Document> doc = docx::ReadDocx(path.string());
  REQUIRE_MESSAGE(doc.has_value(), (doc ? "" : doc.error().message));
  Structure s = Analyze(*doc);
  for (const Citation& c : citations) {
    CAPTURE(c.fragment);
    std::vector<std::string> labels = LabelsOf(s, c.fragment);
    std::string found;
    for (const std::string& l : labels) found += l + " ";
    CAPTURE(found);
    CHECK(std::find(labels.begin(), labels.end(), c.label) != labels.end());
  }
  for (const Sentence& sentence : s.sentences) {
    const std::string& text = doc->blocks[sentence.block].text;
    REQUIRE(text.compare(sentence.begin, sentence.text.size(), sentence.text) == 0);
  }
}

void CheckProducers(const std::string& id, const std::vector<Citation>& citations) {
  const fs::path dir = fs::path(CLAUSEGAP_SHARED_DIR) / "eval/dev/docx";
  for (const char* producer : {"word", "lo", "pandoc"}) {
    CheckFile(dir / (id + "." + producer + ".docx"), citations);
  }
}

bool HaveCorpus() { return fs::exists(fs::path(CLAUSEGAP_SHARED_DIR) / "eval/dev"); }

TEST_CASE("006: a master agreement with 60 articles and numbered 項" * doctest::skip(!HaveCorpus())) {
  CheckProducers("006-routeflags-gyomu-itaku-kihon-waterfall",
                 {{"ユーザの事前の承諾を受けた場合", "第42条第5項"},
                  {"相手方の責めに帰すべき事由により損害を被った場合", "第57条第1項"},
                  {"契約金額を限度とする", "第57条第2項"},
                  {"同様の義務を、再委託先に負わせる", "第7条第3項"}});
}

TEST_CASE("010: items after a list-introducing sentence are 号" * doctest::skip(!HaveCorpus())) {
  CheckProducers("010-h13-nda-sample", {{"第三者への開示、漏洩を防止", "第2条第1号"},
                                        {"必要最小限の従業員", "第2条第3号"},
                                        {"本契約終了後も3年間継続", "第5条"}});
}

TEST_CASE("011 / 023 / 009: markdown contracts" * doctest::skip(!HaveCorpus())) {
  CheckProducers("011-h13-service-agreement-sample", {{"報酬総額", "第8条第2項"}});
  CheckProducers("023-h13-employment-contract-sample", {{"第三者に漏洩してはならない", "第12条"}});
  CheckProducers("009-routeflags-app-riyou-kiyaku",
                 {{"一切の責任を負いません", "第10条第2項"}, {"適切に管理するものとします", "第3条第1項"}});
}

TEST_CASE("016 / 017: PDF text cut into lines, numbered clauses" * doctest::skip(!HaveCorpus())) {
  CheckProducers("016-supota-gyomu-itaku-pdf", {{"本契約の終了後も効力を有する", "第5条第3項"},
                                                {"甲乙双方は、前項の情報", "第5条第2項"}});
  CheckProducers("017-supota-himitsu-hoji-seiyakusho-pdf",
                 {{"直ちに貴社に報", "2(1)"}, {"委託終了日まで", "4"}});
}

TEST_CASE("019: HTML line breaks and (1) paragraphs" * doctest::skip(!HaveCorpus())) {
  CheckProducers("019-cabaweb-web-seisaku-itaku", {{"第三者に再委託することができる", "第14条(1)"},
                                                   {"本契約終了後においても存続", "第15条(2)"},
                                                   {"是正要求を受けた後", "第19条(2)"}});
}

TEST_CASE("008 / 012: schedules and 特記事項" * doctest::skip(!HaveCorpus())) {
  const fs::path dir = fs::path(CLAUSEGAP_SHARED_DIR) / "eval/dev/docx";
  for (const char* producer : {"word", "lo", "pandoc"}) {
    fs::path path = dir / (std::string("008-routeflags-kobetsu-keiyaku-agile-besshi.") + producer + ".docx");
    if (!fs::exists(path)) continue;
    CAPTURE(path.string());
    Expected<model::Document> doc = docx::ReadDocx(path.string());
    REQUIRE(doc.has_value());
    Structure s = Analyze(*doc);
    bool found = false;
    for (const Article& a : s.articles) {
      if (a.label == "別紙 第8") {
        found = true;
        CHECK(a.heading == "損害賠償限度額");
      }
    }
    CHECK(found);
  }
  CheckProducers("012-agreedoc-kobetsu-keiyaku", {{"報酬支払日:", "特記事項 第6号"},
                                                  {"本契約は準委任業務委託契約である", "第2条"}});
}

TEST_CASE("real files with automatic numbering" * doctest::skip(!HaveCorpus())) {
  const fs::path dir = fs::path(CLAUSEGAP_SHARED_DIR) / "eval/dev/real";
  CheckFile(dir / "R01-freelance-kit-gyomu-itaku-kihon.docx",
            {{"甲の承諾を得て", "第3条第1項"}, {"すみやかに", "第5条第4項"}, {"再生不可能な形で消去", "第11条"}});
  CheckFile(dir / "R02-freelance-kit-himitsu-hoji.docx",
            {{"本件業務に関係のない第三者", "第3条第2項"}, {"弁護士", "第3条第2項第1号"}});
  CheckFile(dir / "R03-jyoho-mamoru-gyomu-itaku.docx",
            {{"再委託することができる", "第4条第2項"}, {"契約終了後も5年間", "第9条第2項"}});
  CheckFile(dir / "R06-smashmatch-riyou-kiyaku-draft.docx", {{"直ちに", "第8条第5項"}});
}

}  // namespace
}  // namespace clausegap::structure
