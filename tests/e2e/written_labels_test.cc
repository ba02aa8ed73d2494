// End to end (issue 10, structure): a contract that numbers its articles in
// kanji (第十二条) and its 項 in full-width digits (２) is cited that way in
// every report people read, while matching, waivers and the version diff
// keep working on the canonical labels (第12条第2項). Also the archive
// structure cases through a real .docx: 「第 3 条:見出し」 with 「1.」 項, 「２．」
// under a heading with a note, and a spaced-out title 「利　用　規　約」.
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

bool Contains(const std::string& s, const std::string& needle) { return s.find(needle) != std::string::npos; }

// The same contract with its article numbers written |one|, |two|, |twelve|,
// |thirteen| and its second 項 marked |second|.
std::vector<std::string> Contract(const std::string& one, const std::string& two, const std::string& twelve,
                                  const std::string& thirteen, const std::string& second) {
  return {"業務委託契約書",
          "株式会社A（以下「甲」という。）と株式会社B（以下「乙」という。）は、次のとおり契約を締結する。",
          "第" + one + "条（目的）",
          "本契約は、甲が乙に委託する業務の条件を定める。",
          "第" + two + "条（秘密保持）",
          "乙は、本業務に関して知り得た甲の秘密情報を第三者に開示し、又は漏えいしてはならない。",
          second + "　乙は、秘密情報を本業務の目的以外に使用してはならない。",
          "第" + twelve + "条（再委託の禁止）",
          "乙は、甲の事前の書面による承諾を得なければ、本業務の全部又は一部を第三者に再委託してはならない。",
          "第" + thirteen + "条（存続）",
          // Cited in kanji in both versions: 第二条 finds 第2条 as well.
          "本契約が終了した場合であっても、第二条及び第十二条の規定は、なお効力を有する。"};
}

fs::path WriteContract(const ScratchDir& dir, const std::string& name, const std::vector<std::string>& paragraphs) {
  fs::path path = dir.path() / name;
  REQUIRE(WriteFileBytes(path, StoredZip(MinimalPackage(MinimalDocumentXml(paragraphs)))));
  return path;
}

const json& Requirement(const json& document, const std::string& id) {
  for (const json& r : document["requirements"]) {
    if (r["id"] == id) return r;
  }
  FAIL("no requirement " << id);
  return document;
}

TEST_CASE("a contract written 第十二条 is cited 第十二条; matching and JSON labels stay canonical") {
  ScratchDir dir;
  fs::path kanji = WriteContract(dir, "漢数字.docx", Contract("一", "二", "十二", "十三", "２"));

  RunResult text = RunClausegap({"check", kanji.string()});
  INFO(text.out);
  CHECK(Contains(text.out, "第十二条（再委託の禁止）"));
  CHECK(Contains(text.out, "第二条第1項（秘密保持）"));  // the unnumbered first 項 in digits
  CHECK(Contains(text.out, "第二条第２項（秘密保持）"));  // the 項 as its marker writes it
  CHECK(Contains(text.out, "第十三条（存続）"));
  CHECK_FALSE(Contains(text.out, "第12条"));
  CHECK_FALSE(Contains(text.out, "第2条"));

  json report = json::parse(RunClausegap({"check", "--format", "json", kanji.string()}).out);
  const json& document = report["documents"][0];
  const json& redelegation = Requirement(document, "redelegation");
  CHECK(redelegation["status"] == "present");
  CHECK(redelegation["evidence"][0]["label"] == "第12条");
  CHECK(redelegation["evidence"][0]["label_as_written"] == "第十二条");
  const json& purpose = Requirement(document, "purpose-limitation");
  CHECK(purpose["evidence"][0]["label"] == "第2条第2項");
  CHECK(purpose["evidence"][0]["label_as_written"] == "第二条第２項");
  // 「第二条及び第十二条の規定は…存続」 cites the articles by their numbers.
  CHECK(Requirement(document, "survival")["status"] == "present");

  std::string html = RunClausegap({"check", "--format", "html", kanji.string()}).out;
  CHECK(Contains(html, "第十二条（再委託の禁止）"));
  CHECK_FALSE(Contains(html, "第12条"));
  std::string csv = RunClausegap({"check", "--format", "csv", kanji.string()}).out;
  CHECK(Contains(csv, "第十二条（再委託の禁止）"));
  CHECK_FALSE(Contains(csv, "第12条"));

  // Word comments of `annotate` say where the suggested clauses went the same way.
  fs::path reviewed = dir.path() / "reviewed.docx";
  REQUIRE(RunClausegap({"annotate", kanji.string(), "-o", reviewed.string(), "--suggest-as-revision"}).exit_code <= 1);
  json extract = json::parse(RunClausegap({"extract", "--format", "json", reviewed.string()}).out);
  std::string comments;
  for (const json& comment : extract["comments"]) comments += comment["text"].get<std::string>() + "\n";
  CHECK(Contains(comments, "第十三条の後"));
  CHECK_FALSE(Contains(comments, "第13条"));
}

TEST_CASE("waivers and the version diff work on a contract written in kanji") {
  ScratchDir dir;
  fs::path kanji = WriteContract(dir, "漢数字.docx", Contract("一", "二", "十二", "十三", "２"));
  fs::path arabic = WriteContract(dir, "算用数字.docx", Contract("1", "2", "12", "13", "2"));

  WriteFileBytes(dir.path() / "waivers.json", R"({"waivers": [
    {"file": "漢数字.docx", "requirement": "*", "reason": "accepted by legal"}]})");
  RunResult waived = RunClausegap({"check", "--format", "json", "--no-config", "--waivers",
                                   (dir.path() / "waivers.json").string(), kanji.string()});
  CHECK(waived.exit_code == 0);
  json report = json::parse(waived.out);
  CHECK(Requirement(report["documents"][0], "liability")["waived"] == true);
  CHECK(Requirement(report["documents"][0], "liability")["waiver_reason"] == "accepted by legal");

  // The same clauses numbered 第12条 and 第十二条 are the same articles: no move.
  RunResult diff = RunClausegap({"diff", "--format", "json", arabic.string(), kanji.string()});
  INFO(diff.out);
  CHECK(diff.exit_code == 0);
  json changes = json::parse(diff.out);
  for (const json& r : changes["requirements"]) CHECK_MESSAGE(r["change"] == "unchanged", r["id"]);
  const json& redelegation = Requirement(changes, "redelegation");
  CHECK(redelegation["old"]["evidence"][0]["label_as_written"] == "第12条");
  CHECK(redelegation["new"]["evidence"][0]["label_as_written"] == "第十二条");
}

TEST_CASE("archive structure cases read from a .docx") {
  ScratchDir dir;
  fs::path path = WriteContract(dir, "規約.docx",
                                {"利　用　規　約", "第 3 条:禁止事項", "1. 利用者は、次の行為をしてはならない。",
                                 "2. 利用者は、第三者にアカウントを貸与してはならない。",
                                 "第5条（報告）（注：本条は改正予定）", "利用者は、事故を当社に報告する。",
                                 "２．利用者は、再発防止策を講じる。"});
  RunResult r = RunClausegap({"structure", "--format", "json", path.string()});
  REQUIRE(r.exit_code == 0);
  json s = json::parse(r.out);
  CHECK(s["title"] == "利　用　規　約");
  REQUIRE(s["articles"].size() == 2);
  CHECK(s["articles"][0]["label"] == "第3条");
  CHECK(s["articles"][0]["label_as_written"] == "第3条");
  CHECK(s["articles"][0]["heading"] == "禁止事項");
  std::vector<std::string> labels;
  for (const json& sentence : s["sentences"]) {
    if (sentence["zone"] == "article") labels.push_back(sentence["label_as_written"]);
  }
  // The note after the heading is text of 第5条's first 項; ２． opens its second.
  CHECK(labels == std::vector<std::string>{"第3条第1項", "第3条第2項", "第5条第1項", "第5条第1項", "第5条第２項"});
}

}  // namespace
}  // namespace clausegap::e2e
