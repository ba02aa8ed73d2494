// End-to-end tests of the debugging subcommands on real files: `structure`
// (the article tree, schema clausegap/structure/v1) and `tokens` (MeCab with
// the legal user dictionary).
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

using Json = nlohmann::json;

TEST_CASE("structure --format json: labels from Word numbering, sections, provisos") {
  RunResult r = RunClausegap({"structure", "--format", "json", SamplePath("auto-numbering")});
  REQUIRE(r.exit_code == 0);
  Json s = Json::parse(r.out);
  CHECK(s["schema"] == "clausegap/structure/v1");
  CHECK(s["title"] == "電話代行業務委託契約書");
  REQUIRE(s["articles"].size() > 5);
  CHECK(s["articles"][0]["label"] == "第1条");
  CHECK(s["articles"][0]["heading"] == "目的");
  // The re-delegation ban's prior-consent proviso stays in its 項 and points
  // back at the ban.
  bool proviso_found = false;
  for (const Json& sentence : s["sentences"]) {
    if (sentence["proviso"] == true) CHECK(sentence["proviso_of"].get<int>() >= 0);
    if (sentence["proviso"] == true && sentence["label"] == "第6条第1項") {
      proviso_found = true;
      const Json& ban = s["sentences"][sentence["proviso_of"].get<int>()];
      CHECK(std::string(ban["text"]).find("再委託してはならない") != std::string::npos);
    }
  }
  CHECK(proviso_found);

  RunResult besshi = RunClausegap({"structure", SamplePath("besshi-tokki")});
  CHECK(besshi.exit_code == 0);
  CHECK(besshi.out.find("別紙 第5条第2項") != std::string::npos);
}

TEST_CASE("structure on an unreadable file: exit 2 with the reader's message") {
  ScratchDir dir;
  WriteFileBytes(dir.path() / "x.docx", "not a zip");
  RunResult r = RunClausegap({"structure", (dir.path() / "x.docx").string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("clausegap: " + (dir.path() / "x.docx").string() + ": ", 0) == 0);
}

TEST_CASE("tokens keeps legal terms whole and gives base forms and offsets") {
  RunResult r = RunClausegap({"tokens", "--format", "json", "乙は再委託先に秘密情報を開示しない。"});
  REQUIRE(r.exit_code == 0);
  Json t = Json::parse(r.out);
  std::vector<std::string> surfaces;
  for (const Json& token : t["tokens"]) surfaces.push_back(token["surface"]);
  CHECK(surfaces == std::vector<std::string>{"乙", "は", "再委託先", "に", "秘密情報", "を", "開示",
                                             "し", "ない", "。"});
  CHECK(t["tokens"][7]["base"] == "する");
  CHECK(t["tokens"][2]["begin"] == 6);
  CHECK(t["tokens"][2]["end"] == 18);
  // Without the user dictionary the compound splits.
  RunResult plain = RunClausegap({"tokens", "--no-user-dic", "再委託先"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("再委託先\t") == std::string::npos);
}

}  // namespace
}  // namespace clausegap::e2e
