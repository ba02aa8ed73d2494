// `clausegap extract` on every sample in samples/: the decoded JSON must
// hold what each sample was written to contain (see samples/README.md).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run.h"

namespace clausegap::e2e {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const char kMain[] = "word/document.xml";

// ---- access to the extract/v1 wire format, in one place -----------------

// Runs extract in |view| ("signed" or "original") and returns the document
// object; fails the test case when the command fails or prints bad JSON.
json Extract(std::string_view sample, std::string_view view = "signed") {
  std::vector<std::string> args = {"extract", "--format", "json"};
  if (view == "original") args.push_back("--original");
  args.push_back(SamplePath(sample));
  RunResult run = RunClausegap(args);
  INFO("stderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  json parsed = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(parsed.is_discarded());
  if (parsed.contains("documents")) {  // a multi-file envelope
    REQUIRE(parsed["documents"].size() == 1);
    json doc = parsed["documents"][0];
    if (parsed.contains("schema") && !doc.contains("schema")) doc["schema"] = parsed["schema"];
    return doc;
  }
  return parsed;
}

std::string Str(const json& object, const char* key) {
  if (!object.contains(key) || !object[key].is_string()) return {};
  return object[key].get<std::string>();
}

int Int(const json& object, const char* key, int fallback = -1) {
  if (!object.contains(key) || !object[key].is_number_integer()) return fallback;
  return object[key].get<int>();
}

const json& Blocks(const json& doc) { return doc.at("blocks"); }

// Blocks of |kind| from the main part, in order.
std::vector<json> MainBlocks(const json& doc, std::string_view kind = "paragraph") {
  std::vector<json> out;
  for (const json& block : Blocks(doc)) {
    if (Str(block, "kind") == kind && Str(block, "part") == kMain) out.push_back(block);
  }
  return out;
}

// Index of the first block whose text equals |text|, or -1.
int FindExact(const json& doc, std::string_view text) {
  const json& blocks = Blocks(doc);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (Str(blocks[i], "text") == text) return static_cast<int>(i);
  }
  return -1;
}

// Number of blocks whose text contains |needle|.
int CountContaining(const json& doc, std::string_view needle) {
  int count = 0;
  for (const json& block : Blocks(doc)) {
    if (Str(block, "text").find(needle) != std::string::npos) ++count;
  }
  return count;
}

// The text of the first body paragraph after the heading block whose
// label + text start with |heading|.
std::string TextAfterHeading(const json& doc, std::string_view heading) {
  std::vector<json> body = MainBlocks(doc);
  for (std::size_t i = 0; i + 1 < body.size(); ++i) {
    std::string whole = Str(body[i], "label") + Str(body[i], "text");
    if (whole.rfind(heading, 0) == 0) return Str(body[i + 1], "text");
  }
  return "<heading not found>";
}

// The labels of the main part's paragraphs that have one, in order.
std::vector<std::string> Labels(const json& doc) {
  std::vector<std::string> labels;
  for (const json& block : MainBlocks(doc)) {
    if (!Str(block, "label").empty()) labels.push_back(Str(block, "label"));
  }
  return labels;
}

std::vector<std::string> Split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, sep)) out.push_back(item);
  return out;
}

std::string Kanji(int n) {  // 1..99 in the kanji numerals used for 条
  static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  if (n >= 20) out += digits[n / 10];
  if (n >= 10) out += "十";
  out += digits[n % 10];
  return out;
}

const std::vector<std::string> kSamples = {"itaku-callcenter", "nda-gaps",
                                           "data-entry",       "auto-numbering",
                                           "tracked-changes",  "special-provisions-table",
                                           "payroll",          "auto-numbering-kanji"};

// Checks that the heading paragraphs (typed labels) 第1条 … 第N条 appear in order.
void ExpectTypedArticles(const json& doc, int count, bool kanji) {
  std::vector<std::string> found;
  for (const json& block : MainBlocks(doc)) {
    std::string text = Str(block, "text");
    if (text.rfind("第", 0) == 0 && text.find("条（") != std::string::npos &&
        text.find("。") == std::string::npos) {
      found.push_back(text.substr(0, text.find("（")));
    }
  }
  std::vector<std::string> expected;
  for (int i = 1; i <= count; ++i) {
    expected.push_back("第" + (kanji ? Kanji(i) : std::to_string(i)) + "条");
  }
  CHECK(found == expected);
}

}  // namespace

// ---- every sample --------------------------------------------------------

TEST_CASE("extract reads every sample with the v1 schema and consistent blocks") {
  static const std::set<std::string> kKinds = {"paragraph", "table-cell", "text-box", "header",
                                               "footer",    "footnote",   "endnote"};
  for (const std::string& sample : kSamples) {
    CAPTURE(sample);
    json doc = Extract(sample);
    CHECK(Str(doc, "schema") == "clausegap/extract/v1");
    CHECK(Str(doc, "file") == SamplePath(sample));
    REQUIRE(Blocks(doc).is_array());
    CHECK(Blocks(doc).size() > 20);
    bool after_main = false;
    for (const json& block : Blocks(doc)) {
      CHECK(kKinds.count(Str(block, "kind")) == 1);
      CHECK(block.contains("text"));
      // Main-part blocks first, then headers, footers and notes.
      if (Str(block, "part") != kMain) after_main = true;
      if (after_main) CHECK(Str(block, "part") != kMain);
    }
  }
}

TEST_CASE("extract --format text prints label + space + text per block") {
  for (const std::string& sample : {std::string("auto-numbering"), std::string("itaku-callcenter"),
                                    std::string("special-provisions-table")}) {
    CAPTURE(sample);
    json doc = Extract(sample);
    RunResult run = RunClausegap({"extract", "--format", "text", SamplePath(sample)});
    REQUIRE(run.exit_code == 0);
    std::vector<std::string> lines = Split(run.out, '\n');
    std::set<std::string> line_set(lines.begin(), lines.end());
    int checked = 0;
    for (const json& block : MainBlocks(doc)) {
      std::string text = Str(block, "text");
      if (text.empty() || text.find('\n') != std::string::npos) continue;
      std::string label = Str(block, "label");
      std::string expected = label.empty() ? text : label + " " + text;
      CAPTURE(expected);
      CHECK(line_set.count(expected) == 1);
      ++checked;
    }
    CHECK(checked > 20);
  }
  RunResult run = RunClausegap({"extract", "--format", "text", SamplePath("auto-numbering")});
  CHECK(run.out.find("\n第1条 （目的）\n") != std::string::npos);
  CHECK(run.out.find("\n第15条 （協議）\n") != std::string::npos);
  CHECK(run.out.find("\n一 甲の代表電話番号に着信した電話の一次受付\n") != std::string::npos);
  CHECK(run.out.find("\n２ 受付件数が月間三千件を超えた場合の追加料金は、甲乙協議のうえ定める。\n") !=
        std::string::npos);
  // Parts other than the body say what they are; comments come last.
  run = RunClausegap({"extract", "--format", "text", SamplePath("special-provisions-table")});
  CHECK(run.out.find("\n[header] 株式会社はやて家電　社外秘\n") != std::string::npos);
  CHECK(run.out.find("\n[footer] 契約書番号　HK-2024-017　－") != std::string::npos);
  CHECK(run.out.find("平成十五年法律第五十七号。以下同じ。\n") != std::string::npos);
  CHECK(run.out.find("\n[footnote 1] ") != std::string::npos);
  run = RunClausegap({"extract", "--format", "text", SamplePath("tracked-changes")});
  CHECK(run.out.find("\n[comment 0 鈴木 一郎] 上限額を設けるかどうか、事業部と確認中です。") !=
        std::string::npos);
  CHECK(run.out.find("直ちに甲に報告しなければならない") == std::string::npos);
  run = RunClausegap({"extract", "--original", SamplePath("tracked-changes")});
  CHECK(run.out.find("直ちに甲に報告しなければならない") != std::string::npos);
}

// ---- itaku-callcenter (pandoc) -------------------------------------------

TEST_CASE("itaku-callcenter: typed articles, pandoc list numbering, key sentences") {
  json doc = Extract("itaku-callcenter");
  ExpectTypedArticles(doc, 22, /*kanji=*/false);
  CHECK(FindExact(doc, "コールセンター業務委託契約書") >= 0);
  int heading = FindExact(doc, "第6条（再委託の禁止）");
  REQUIRE(heading >= 0);
  CHECK(Str(Blocks(doc)[heading], "style") == "Heading2");
  CHECK(Str(Blocks(doc)[heading], "label").empty());  // typed, not numbered
  CHECK(TextAfterHeading(doc, "第6条（再委託の禁止）") ==
        "乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、あらかじめ甲の書面による承諾を得た場合は、この限りでない。");
  CHECK(CountContaining(doc, "廃棄証明書を甲に提出する") == 1);
  CHECK(CountContaining(doc, "故意又は重過失による場合") == 1);
  CHECK(CountContaining(doc, "直ちにその旨を甲に報告し") == 1);

  // 号 are pandoc lists: (1)…(4) in 第2条, (1)…(5) in 第3条, (1)…(4) in
  // 第10条 and 第17条, each list restarting at (1).
  std::vector<std::string> expected;
  for (int n : {4, 5, 4, 4}) {
    for (int i = 1; i <= n; ++i) expected.push_back("(" + std::to_string(i) + ")");
  }
  CHECK(Labels(doc) == expected);
  int item = FindExact(doc, "開示を受けた時点で既に公知であった情報");
  REQUIRE(item >= 0);
  CHECK(Str(Blocks(doc)[item], "label") == "(1)");
  CHECK(Int(Blocks(doc)[item], "num_level") == 0);
  item = FindExact(doc, "その他前各号に付随する業務");
  REQUIRE(item >= 0);
  CHECK(Str(Blocks(doc)[item], "label") == "(5)");
}

// ---- nda-gaps, data-entry (LibreOffice) -----------------------------------

TEST_CASE("nda-gaps: typed labels only, the designed gaps are absent from the text") {
  json doc = Extract("nda-gaps");
  ExpectTypedArticles(doc, 9, /*kanji=*/false);
  CHECK(Labels(doc).empty());
  CHECK(FindExact(doc, "秘密保持契約書") >= 0);
  CHECK(FindExact(doc, "一　開示を受けたときに既に公知であった情報") >= 0);
  CHECK(FindExact(doc, "受領者は、開示者から請求があったときは、開示者の指示に従い、秘密情報を記載した書面その他の資料を返還し、又は廃棄する。") >= 0);
  CHECK(CountContaining(doc, "金百万円を上限として") == 1);
  CHECK(CountContaining(doc, "再委託") == 0);
  CHECK(CountContaining(doc, "漏えい") == 1);  // only the confidentiality ban
}

TEST_CASE("data-entry: kanji article labels and full-width 項 numbers are kept as typed") {
  json doc = Extract("data-entry");
  ExpectTypedArticles(doc, 14, /*kanji=*/true);
  CHECK(FindExact(doc, "第十二条（損害賠償）") >= 0);
  CHECK(FindExact(doc, "２　問診票の引渡し及び納品の方法は、甲乙協議のうえ別に定める。") >= 0);
  CHECK(FindExact(doc, "（１）甲から引き渡された問診票の記載内容の電子データへの入力") >= 0);
  CHECK(CountContaining(doc, "再委託することができる") == 1);
  CHECK(Labels(doc).empty());
}

// ---- auto-numbering (numbering.xml only) -------------------------------

TEST_CASE("auto-numbering: 第N条, 項 and 号 labels come from numbering.xml") {
  json doc = Extract("auto-numbering");
  const std::vector<std::string> headings = {
      "（目的）",     "（委託業務）",       "（委託料）",       "（顧客情報）",   "（秘密保持）",
      "（再委託）",   "（安全管理措置）",   "（従業者の監督）", "（事故発生時の措置）",
      "（報告及び調査）", "（契約終了時の措置）", "（解除）",     "（損害賠償）",
      "（有効期間）", "（協議）"};
  std::vector<std::string> found_headings;
  std::vector<std::string> article_labels;
  for (const json& block : MainBlocks(doc)) {
    if (Int(block, "num_level") == 0 && Str(block, "label").rfind("第", 0) == 0) {
      article_labels.push_back(Str(block, "label"));
      found_headings.push_back(Str(block, "text"));
    }
  }
  std::vector<std::string> expected_labels;
  for (int i = 1; i <= 15; ++i) expected_labels.push_back("第" + std::to_string(i) + "条");
  CHECK(article_labels == expected_labels);
  CHECK(found_headings == headings);  // the label is not repeated in the text

  // The whole label sequence as designed (samples/README.md).
  std::vector<std::string> expected = {
      "第1条", "第2条", "一", "二", "三", "四", "２", "第3条", "２", "第4条", "２",
      "第5条", "２", "第6条", "２", "第7条", "一", "二", "三", "２", "第8条",
      "第9条", "２", "第10条", "第11条", "２", "第12条", "一", "二", "三",
      "第13条", "第14条", "第15条"};
  CHECK(Labels(doc) == expected);
  // Text split into runs with bookmarks and proofErr between comes out whole.
  CHECK(TextAfterHeading(doc, "第6条") ==
        "乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、あらかじめ甲の書面による承諾を得た場合は、この限りでない。");
  int item = FindExact(doc, "通話録音データの暗号化");
  REQUIRE(item >= 0);
  CHECK(Str(Blocks(doc)[item], "label") == "三");
  int clause = FindExact(doc, "乙は、顧客情報を複製し、又は乙の事業所の外へ持ち出してはならない。");
  REQUIRE(clause >= 0);
  CHECK(Str(Blocks(doc)[clause], "label") == "２");  // 号 are a separate list
  CHECK(Int(Blocks(doc)[clause], "num_level") == 1);
}

TEST_CASE("auto-numbering-kanji: 第一条 … 第十三条, ⑴ ⑵ 号 and イ ロ 細目 from numbering.xml") {
  json doc = Extract("auto-numbering-kanji");
  std::vector<std::string> expected = {"第一条", "⑴", "⑵", "イ", "ロ", "⑶", "２", "第二条",
                                       "第三条", "第四条", "２", "第五条", "⑴", "⑵", "⑶",
                                       "２", "第六条", "第七条", "第八条", "第九条", "第十条",
                                       "第十一条", "⑴", "⑵", "第十二条", "２", "第十三条"};
  CHECK(Labels(doc) == expected);
  int heading = FindExact(doc, "（契約終了時の措置）");
  REQUIRE(heading >= 0);
  CHECK(Str(Blocks(doc)[heading], "label") == "第十条");
  CHECK(Int(Blocks(doc)[heading], "num_level") == 0);
  int sub = FindExact(doc, "索引データ（顧客番号、書類種別及び受付日）");
  REQUIRE(sub >= 0);
  CHECK(Str(Blocks(doc)[sub], "label") == "ロ");
  CHECK(Int(Blocks(doc)[sub], "num_level") == 1);
  CHECK(TextAfterHeading(doc, "第七条") ==
        "乙は、本業務の全部又は一部を第三者に委託してはならない。ただし、甲の事前の書面による承諾を得たときは、この限りでない。");
  CHECK(CountContaining(doc, "損害") == 0);  // no liability clause, by design
}

// ---- payroll (style-linked 1. / 1.1 / (1)) -------------------------------

TEST_CASE("payroll: outline labels 1. / 1.1 / (1), articles numbered through the style") {
  json doc = Extract("payroll");
  std::vector<std::string> expected;
  const std::vector<int> clauses = {1, 2, 2, 1, 3, 2, 3, 1, 1, 2, 1, 2, 1, 2};
  for (int article = 1; article <= 14; ++article) {
    std::string a = std::to_string(article);
    expected.push_back(a + ".");
    for (int clause = 1; clause <= clauses[article - 1]; ++clause) {
      expected.push_back(a + "." + std::to_string(clause));
      int items = (article == 2 && clause == 1) ? 4 : (article == 3 && clause == 2) ? 2 : 0;
      for (int i = 1; i <= items; ++i) expected.push_back("(" + std::to_string(i) + ")");
    }
  }
  CHECK(Labels(doc) == expected);
  int heading = FindExact(doc, "再委託");
  REQUIRE(heading >= 0);
  CHECK(Str(Blocks(doc)[heading], "label") == "6.");
  CHECK(Str(Blocks(doc)[heading], "style") == "Heading1");
  CHECK(Int(Blocks(doc)[heading], "num_level") == 0);
  int clause = FindExact(doc, "受託者は、本契約が終了したときは、委託者から受領した紙媒体の資料を委託者に返還する。");
  REQUIRE(clause >= 0);
  CHECK(Str(Blocks(doc)[clause], "label") == "11.1");
}

// ---- tracked-changes --------------------------------------------------------

namespace {
const char kBreachSentence[] =
    "乙は、会員情報の漏えい、紛失、盗難その他の事故が発生したときは、直ちに甲に報告しなければならない。";
const char kCap[] = "ただし、賠償額は、本契約に基づき甲が乙に支払った委託料の総額を上限とする。";
const char kDeletedParagraph[] =
    "2　乙は、甲の承諾を得て再委託する場合、再委託先に本契約と同等の義務を課し、その履行について甲に対し責任を負う。";
const char kMoved[] =
    "乙は、会員情報を日本国内に所在する乙の発送センターにおいてのみ保管し、甲の承諾なくこれを移転しない。";
const char kLiability[] = "乙は、本契約に違反したことにより甲に損害を与えたときは、その損害を賠償しなければならない。";
const char kComment[] = "上限額を設けるかどうか、事業部と確認中です。";
}  // namespace

TEST_CASE("tracked-changes: the signed view accepts insertions and drops deletions") {
  json doc = Extract("tracked-changes");
  CHECK(Str(doc, "view") == "signed");
  ExpectTypedArticles(doc, 13, /*kanji=*/false);
  CHECK(CountContaining(doc, kBreachSentence) == 0);
  CHECK(TextAfterHeading(doc, "第8条") == "乙は、事故の原因を究明し、甲と協議のうえ再発防止策を講じる。");
  CHECK(TextAfterHeading(doc, "第11条") == std::string(kLiability) + kCap);
  CHECK(CountContaining(doc, "再委託先に本契約と同等の義務を課し") == 0);
  CHECK(TextAfterHeading(doc, "第7条") ==
        std::string(kMoved) + "乙は、発送完了後三十日を経過したときは、会員情報を保管しないものとする。");
  CHECK(CountContaining(doc, kMoved) == 1);
  CHECK(CountContaining(doc, kComment) == 0);  // comments are not contract text
  int breach = FindExact(doc, "乙は、事故の原因を究明し、甲と協議のうえ再発防止策を講じる。");
  REQUIRE(breach >= 0);
  CHECK(Blocks(doc)[breach].value("has_revision", false));
  int untouched = FindExact(doc, "乙は、甲の承諾なく会員情報を複写し、又は複製してはならない。");
  REQUIRE(untouched >= 0);
  CHECK_FALSE(Blocks(doc)[untouched].value("has_revision", true));
}

TEST_CASE("tracked-changes: --original rejects every change") {
  json doc = Extract("tracked-changes", "original");
  CHECK(Str(doc, "view") == "original");
  CHECK(TextAfterHeading(doc, "第8条") ==
        std::string(kBreachSentence) + "乙は、事故の原因を究明し、甲と協議のうえ再発防止策を講じる。");
  CHECK(TextAfterHeading(doc, "第11条") == kLiability);
  CHECK(CountContaining(doc, kCap) == 0);
  CHECK(FindExact(doc, kDeletedParagraph) >= 0);
  CHECK(TextAfterHeading(doc, "第7条") ==
        "乙は、発送完了後三十日を経過したときは、会員情報を保管しないものとする。");
  CHECK(TextAfterHeading(doc, "第6条").find(kMoved) != std::string::npos);
  CHECK(CountContaining(doc, kMoved) == 1);
}

TEST_CASE("tracked-changes: revisions and the comment are listed with author and date") {
  for (std::string view : {"signed", "original"}) {
    CAPTURE(view);
    json doc = Extract("tracked-changes", view);
    REQUIRE(doc.at("revisions").is_array());
    auto has = [&](std::string_view kind, std::string_view author, std::string_view date,
                   std::string_view text) {
      for (const json& r : doc["revisions"]) {
        if (Str(r, "kind") == kind && Str(r, "author") == author && Str(r, "date") == date &&
            Str(r, "text").find(text) != std::string::npos && Str(r, "part") == kMain) {
          return true;
        }
      }
      return false;
    };
    CHECK(has("deletion", "山田 太郎", "2024-05-13T10:20:00Z", kBreachSentence));
    CHECK(has("insertion", "佐藤 花子", "2024-05-14T09:30:00Z", kCap));
    CHECK(has("deletion", "山田 太郎", "2024-05-13T10:15:00Z", kDeletedParagraph));
    CHECK(has("paragraph-deletion", "山田 太郎", "2024-05-13T10:15:00Z", ""));
    CHECK(has("move-from", "佐藤 花子", "2024-05-14T09:40:00Z", kMoved));
    CHECK(has("move-to", "佐藤 花子", "2024-05-14T09:40:00Z", kMoved));
    std::set<std::string> authors;
    for (const json& r : doc["revisions"]) authors.insert(Str(r, "author"));
    CHECK(authors == std::set<std::string>{"山田 太郎", "佐藤 花子"});

    REQUIRE(doc.at("comments").is_array());
    REQUIRE(doc["comments"].size() == 1);
    const json& comment = doc["comments"][0];
    CHECK(Str(comment, "author") == "鈴木 一郎");
    CHECK(Str(comment, "date") == "2024-05-14T11:05:00Z");
    CHECK(Str(comment, "text") == kComment);
    CHECK(Str(comment, "anchor_text") == "その損害を賠償しなければならない。");
    int block = Int(comment, "block");
    REQUIRE(block >= 0);
    REQUIRE(block < static_cast<int>(Blocks(doc).size()));
    CHECK(Str(Blocks(doc)[block], "text").rfind(kLiability, 0) == 0);
    CHECK(CountContaining(doc, kComment) == 0);
  }
}

TEST_CASE("tracked-changes: revisions point at the blocks they touch") {
  json doc = Extract("tracked-changes");
  for (const json& r : doc.at("revisions")) {
    if (Str(r, "kind") != "insertion") continue;
    int block = Int(r, "block");
    REQUIRE(block >= 0);
    CHECK(Str(Blocks(doc)[block], "text").find(kCap) != std::string::npos);
    CHECK(Blocks(doc)[block].value("has_revision", false));
  }
}

// ---- special-provisions-table --------------------------------------------

TEST_CASE("special-provisions-table: every cell is a table-cell block at its position") {
  json doc = Extract("special-provisions-table");
  struct Cell {
    int row, column;
    std::string text;
  };
  const std::vector<Cell> cells = {
      {0, 0, "特記事項（本契約第1条第2項関係）"},
      {1, 0, "項目"},
      {1, 1, "内容"},
      {2, 0, "業務内容"},
      {2, 1, "利用者からの電子メール及びチャットによる問合せへの一次回答、回答困難な案件の甲への引継ぎ並びに応対履歴の記録"},
      {3, 0, "委託期間"},
      {3, 1, "二〇二四年七月一日から二〇二五年六月三十日まで"},
      {4, 0, "業務実施場所"},
      {4, 1, "乙の仙台サポートセンター（宮城県仙台市青葉区一番町二丁目七番十号）"},
      {5, 0, "データの保管場所"},
      {5, 1, "応対履歴及び個人情報は、日本国内に所在する甲指定のクラウドサービスのみに保存し、乙の端末には保存しない。"},
      {5, 1, "保存期間は、応対終了の日から一年間とする。"},
      {6, 0, "再委託"},
      {6, 1, "夜間帯のチャット応対に限り、株式会社あさひコールへの再委託を承諾する。それ以外の再委託には、甲の事前の書面による承諾を要する。"},
      {7, 0, "事故報告"},
      {7, 1, "事故又はそのおそれを知った時から二十四時間以内に、甲の情報セキュリティ窓口へ電話及び電子メールで報告する。"},
      {8, 0, "消去の方法"},
      {8, 1, "保存先からの完全消去とし、消去証明書を提出する。"},
      {9, 0, "特記事項の優先"},
      {9, 1, "本特記事項と本契約の本文とが矛盾するときは、本特記事項が優先する。"},
  };
  std::vector<json> table_cells = MainBlocks(doc, "table-cell");
  REQUIRE(table_cells.size() == cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i) {
    CAPTURE(cells[i].text);
    const json& block = table_cells[i];
    CHECK(Str(block, "text") == cells[i].text);
    REQUIRE(block.contains("cell"));
    CHECK(Int(block["cell"], "table") == 0);
    CHECK(Int(block["cell"], "row") == cells[i].row);
    CHECK(Int(block["cell"], "column") == cells[i].column);
    CHECK(Int(block["cell"], "depth") == 0);
  }
  // The table follows the 特記事項 heading and precedes the signature lines.
  int heading = FindExact(doc, "特記事項");
  int first_cell = FindExact(doc, "特記事項（本契約第1条第2項関係）");
  int closing = FindExact(doc, "本契約締結の証として本書二通を作成し、甲乙記名押印のうえ各一通を保有する。");
  CHECK(heading >= 0);
  CHECK(heading < first_cell);
  CHECK(first_cell < closing);
  CHECK(Str(Blocks(doc)[closing], "kind") == "paragraph");
}

TEST_CASE("special-provisions-table: header, footer, footnote and ① ② ③ labels") {
  json doc = Extract("special-provisions-table");
  auto of_kind = [&](std::string_view kind) {
    std::vector<json> out;
    for (const json& block : Blocks(doc)) {
      if (Str(block, "kind") == kind) out.push_back(block);
    }
    return out;
  };
  std::vector<json> headers = of_kind("header");
  REQUIRE(headers.size() == 1);
  CHECK(Str(headers[0], "text") == "株式会社はやて家電　社外秘");
  CHECK(Str(headers[0], "part") == "word/header1.xml");
  std::vector<json> footers = of_kind("footer");
  REQUIRE(footers.size() == 1);
  CHECK(Str(footers[0], "text").rfind("契約書番号　HK-2024-017　－", 0) == 0);
  CHECK(Str(footers[0], "part") == "word/footer1.xml");
  std::vector<json> footnotes = of_kind("footnote");
  REQUIRE(footnotes.size() == 1);
  CHECK(Str(footnotes[0], "text").find("平成十五年法律第五十七号。以下同じ。") != std::string::npos);
  CHECK(Str(footnotes[0], "part") == "word/footnotes.xml");
  // The note itself, pointing back at the body paragraph that cites it.
  REQUIRE(doc.at("notes").is_array());
  REQUIRE(doc["notes"].size() == 1);
  const json& note = doc["notes"][0];
  CHECK(Str(note, "text").find("平成十五年法律第五十七号。以下同じ。") != std::string::npos);
  int block = Int(note, "block");
  REQUIRE(block >= 0);
  CHECK(Str(Blocks(doc)[block], "text").find("個人情報の保護に関する法律") != std::string::npos);
  CHECK(Str(Blocks(doc)[block], "kind") == "paragraph");
  // Neither the header, the footer nor the footnote leaks into the body.
  for (const json& body : MainBlocks(doc)) {
    CHECK(Str(body, "text").find("社外秘") == std::string::npos);
    CHECK(Str(body, "text").find("平成十五年法律") == std::string::npos);
  }
  CHECK(Labels(doc) == std::vector<std::string>{"①", "②", "③"});
  int item = FindExact(doc, "個人情報を保存する機器及び通信経路の暗号化");
  REQUIRE(item >= 0);
  CHECK(Str(Blocks(doc)[item], "label") == "②");
}

// ---- the committed samples match their sources -------------------------------

TEST_CASE("samples/generate.py reproduces the committed Word-style samples") {
  if (!fs::exists("/usr/bin/python3")) {
    MESSAGE("python3 not installed: skipped");
    return;
  }
  fs::path script = fs::path(CLAUSEGAP_SOURCE_DIR) / "samples" / "generate.py";
  RunResult run = RunCommand({"/usr/bin/python3", script.string(), "--check"}, 120);
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("DIFFERS") == std::string::npos);
}

}  // namespace clausegap::e2e
