// End to end: `clausegap annotate` on every sample contract. The annotated
// copy must read back with the body unchanged, a comment on the evidence of
// every gap, the suggested clauses as tracked insertions that `check` then
// finds present, and the original verdicts under `check --original`; it must
// open in python-docx and convert to PDF in LibreOffice; the input is never
// overwritten.
#include <unistd.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;
namespace fs = std::filesystem;
using nlohmann::json;

json Json(const std::vector<std::string>& args) {
  e2e::RunResult r = e2e::RunClausegap(args, 120);
  INFO(r.err);
  REQUIRE(r.exit_code <= 1);
  return json::parse(r.out);
}

// requirement id → status of the one document `check` reports.
std::map<std::string, std::string> Statuses(const json& report) {
  std::map<std::string, std::string> out;
  for (const json& r : report["documents"][0]["requirements"]) out[r["id"]] = r["status"];
  return out;
}

// The text of every block that is not a paragraph inserted by |author|.
std::vector<std::string> KeptTexts(const json& extract, const std::string& author) {
  std::set<int> inserted;
  for (const json& r : extract["revisions"]) {
    if (r["kind"] == "paragraph-insertion" && r["author"] == author) inserted.insert(r["block"].get<int>());
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < extract["blocks"].size(); ++i) {
    if (inserted.count(static_cast<int>(i)) == 0) out.push_back(extract["blocks"][i]["text"]);
  }
  return out;
}

std::vector<std::string> LabelsAndTexts(const json& extract) {
  std::vector<std::string> out;
  for (const json& b : extract["blocks"]) out.push_back(b["label"].get<std::string>() + "|" + b["text"].get<std::string>());
  return out;
}

std::vector<fs::path> Samples() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(fs::path(CLAUSEGAP_SOURCE_DIR) / "samples")) {
    if (entry.path().extension() == ".docx") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("annotate on every sample: comments on the evidence, insertions check finds, original verdicts kept") {
  e2e::ScratchDir dir;
  const std::vector<fs::path> samples = Samples();
  REQUIRE(samples.size() >= 10);
  for (const fs::path& sample : samples) {
    CAPTURE(sample.filename().string());
    const std::string input = sample.string();
    const std::string output = (dir.path() / sample.filename()).string();
    const std::string before_bytes = e2e::ReadFileBytes(sample);
    e2e::RunResult run = e2e::RunClausegap({"annotate", input, "-o", output, "--suggest-as-revision"});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    CHECK(run.out.find("を書き込みました") != std::string::npos);
    CHECK(e2e::ReadFileBytes(sample) == before_bytes);  // the input is untouched

    const json report = Json({"check", "--format", "json", "--fail-on", "never", input});
    const json reviewed = Json({"check", "--format", "json", "--fail-on", "never", output});
    // Closing the loop: every missing requirement is now present (its
    // suggested clause is pending as an insertion, read as signed); nothing
    // that was weak or present changed.
    std::map<std::string, std::string> before = Statuses(report), after = Statuses(reviewed);
    for (const auto& [id, status] : before) {
      CAPTURE(id);
      if (status == "missing") {
        CHECK(after[id] == "present");
      } else {
        CHECK(after[id] == status);
      }
    }
    // Rejecting every change gives the input's verdicts.
    CHECK(Statuses(Json({"check", "--format", "json", "--fail-on", "never", "--original", output})) ==
          Statuses(Json({"check", "--format", "json", "--fail-on", "never", "--original", input})));

    // extract: the body unchanged apart from the inserted paragraphs (which
    // are revisions by clausegap); the original view identical, labels too.
    const json in = Json({"extract", "--format", "json", input});
    const json out = Json({"extract", "--format", "json", output});
    std::vector<std::string> original_texts;
    for (const json& b : in["blocks"]) original_texts.push_back(b["text"]);
    CHECK(KeptTexts(out, "clausegap") == original_texts);
    CHECK(LabelsAndTexts(Json({"extract", "--format", "json", "--original", output})) ==
          LabelsAndTexts(Json({"extract", "--format", "json", "--original", input})));
    int insertions = 0;
    for (const json& r : out["revisions"]) {
      if (r["author"] == "clausegap") {
        CHECK(r["kind"].get<std::string>().find("insertion") != std::string::npos);
        ++insertions;
      }
    }
    int missing_with_clause = 0;
    for (const json& r : report["documents"][0]["requirements"]) {
      if (r["status"] == "missing" && !r["suggestion"].is_null() && !r["suggestion"].get<std::string>().empty()) {
        ++missing_with_clause;
      }
    }
    CHECK(insertions >= 2 * missing_with_clause);  // a paragraph mark and its text, at least

    // Comments: the input's kept, then the summary on the title, then one
    // per gap, anchored on the first evidence sentence when there is one.
    REQUIRE(out["comments"].size() >= in["comments"].size() + 1);
    for (std::size_t i = 0; i < in["comments"].size(); ++i) {
      CHECK(out["comments"][i]["text"] == in["comments"][i]["text"]);
      CHECK(out["comments"][i]["anchor_text"] == in["comments"][i]["anchor_text"]);
    }
    std::vector<json> ours;
    for (std::size_t i = in["comments"].size(); i < out["comments"].size(); ++i) {
      CHECK(out["comments"][i]["author"] == "clausegap");
      ours.push_back(out["comments"][i]);
    }
    const std::string title = report["documents"][0]["title"].is_string() ? report["documents"][0]["title"].get<std::string>() : "";
    CHECK(ours[0]["text"].get<std::string>().rfind("【clausegap】契約書レビュー結果", 0) == 0);
    if (!title.empty()) CHECK(ours[0]["anchor_text"] == title);
    for (const json& r : report["documents"][0]["requirements"]) {
      if (r["status"] == "present") continue;
      CAPTURE(r["id"].get<std::string>());
      const std::string head = "【clausegap】" + r["title"].get<std::string>() + "（";
      const json* found = nullptr;
      for (const json& c : ours) {
        if (c["text"].get<std::string>().rfind(head, 0) == 0) found = &c;
      }
      REQUIRE(found != nullptr);
      if (!r["evidence"].empty()) {
        // The anchor covers the cited sentence exactly (from its first character).
        CHECK((*found)["anchor_text"].get<std::string>().rfind(r["evidence"][0]["text"].get<std::string>(), 0) == 0);
      }
      if (!r["suggestion"].is_null()) {
        CHECK((*found)["text"].get<std::string>().find(r["suggestion"].get<std::string>()) != std::string::npos);
      }
    }
  }
}

TEST_CASE("inserted articles are numbered the contract's way") {
  e2e::ScratchDir dir;
  // Typed ASCII numbers, typed kanji numbers, Word numbering (第%1条).
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"nda-gaps", {"|第9条の2（再委託の禁止・制限）", "|第9条の3（漏えい等の事故発生時の報告）"}},
      {"data-entry", {"|第十四条の二（監査・立入検査・報告徴収）", "|第十四条の三（従業者の監督・教育）"}},
      {"auto-numbering", {"第16条|（法令遵守）", "第17条|（保管場所・保存期間）"}},
  };
  for (const auto& [name, headings] : cases) {
    CAPTURE(name);
    const std::string output = (dir.path() / (name + ".docx")).string();
    REQUIRE(e2e::RunClausegap({"annotate", e2e::SamplePath(name), "-o", output, "--suggest-as-revision"}).exit_code == 0);
    std::vector<std::string> lines = LabelsAndTexts(Json({"extract", "--format", "json", output}));
    for (const std::string& heading : headings) {
      CAPTURE(heading);
      CHECK(std::find(lines.begin(), lines.end(), heading) != lines.end());
    }
  }
}

TEST_CASE("annotate options: language, severities, author, no insertions by default") {
  e2e::ScratchDir dir;
  const std::string input = e2e::SamplePath("nda-gaps");
  const std::string output = (dir.path() / "out.docx").string();
  e2e::RunResult run = e2e::RunClausegap({"annotate", input, "-o", output, "--lang", "en", "--severity",
                                          "required", "--author", "法務部 山田"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == output + ": wrote 5 comment(s) (4 on the exact evidence) and 0 inserted clause(s)\n");
  const json out = Json({"extract", "--format", "json", output});
  REQUIRE(out["comments"].size() == 5);  // the summary and the four required requirements (2 weak, 2 missing)
  for (const json& c : out["comments"]) CHECK(c["author"] == "法務部 山田");
  CHECK(out["comments"][0]["text"].get<std::string>().rfind("[clausegap] Review summary (clausegap ", 0) == 0);
  CHECK(out["comments"][0]["text"].get<std::string>().find("\nrequired (4): 0 present, 2 weak, 2 missing\n") !=
        std::string::npos);
  CHECK(out["comments"][0]["text"].get<std::string>().find("Gate: fails the gate (--fail-on missing)") != std::string::npos);
  CHECK(out["comments"][1]["text"].get<std::string>().rfind("[clausegap] 再委託の禁止・制限 (required): missing", 0) == 0);
  for (const json& r : out["revisions"]) CHECK(r["author"] != "法務部 山田");
}

TEST_CASE("annotate never overwrites its input and leaves nothing behind on errors") {
  e2e::ScratchDir dir;
  const fs::path input = dir.path() / "contract.docx";
  REQUIRE(e2e::WriteFileBytes(input, e2e::ReadFileBytes(e2e::SamplePath("nda-gaps"))));
  const std::string before = e2e::ReadFileBytes(input);

  e2e::RunResult same = e2e::RunClausegap({"annotate", input.string(), "-o", input.string()});
  CHECK(same.exit_code == 2);
  CHECK(same.err == "clausegap: " + input.string() + ": 出力先が入力ファイル " + input.string() +
                        " と同じファイルです。入力を上書きしないよう、何も書き込まずに中止しました"
                        "（--output に別のファイルを指定してください）\n");
  // The same file through another path, a hard link and a symbolic link.
  fs::create_hard_link(input, dir.path() / "link.docx");
  fs::create_symlink(input, dir.path() / "symlink.docx");
  for (const std::string& other : {(dir.path() / "." / "contract.docx").string(), (dir.path() / "link.docx").string(),
                                   (dir.path() / "symlink.docx").string()}) {
    CAPTURE(other);
    CHECK(e2e::RunClausegap({"annotate", input.string(), "-o", other}).exit_code == 2);
  }
  CHECK(e2e::ReadFileBytes(input) == before);

  // An unreadable input: its error, and no output file at all.
  const fs::path broken = dir.path() / "broken.docx";
  REQUIRE(e2e::WriteFileBytes(broken, "not a zip"));
  e2e::RunResult bad = e2e::RunClausegap({"annotate", broken.string(), "-o", (dir.path() / "out.docx").string()});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "clausegap: " + broken.string() + ": not a .docx file (not a zip archive)\n");
  CHECK(e2e::RunClausegap({"annotate", input.string()}).exit_code == 2);  // -o is required
  const fs::path pdf = dir.path() / "scan.pdf";
  REQUIRE(e2e::WriteFileBytes(pdf, "%PDF-1.4\n"));
  e2e::RunResult pdf_run = e2e::RunClausegap({"annotate", pdf.string(), "-o", (dir.path() / "out.docx").string()});
  CHECK(pdf_run.exit_code == 2);
  CHECK(pdf_run.err.find("annotate はWord文書（.docx）にのみ書き込めます") != std::string::npos);
  std::vector<std::string> left = dir.List();
  CHECK(left == std::vector<std::string>{"broken.docx", "contract.docx", "link.docx", "scan.pdf", "symlink.docx"});
}

// A LibreOffice Basic module: opens a document hidden, accepts every tracked
// change and saves it as .docx.
const char* const kAcceptAllModule = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub AcceptAll(sIn As String, sOut As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = &quot;Hidden&quot;
  load(0).Value = True
  oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sIn), &quot;_blank&quot;, 0, load())
  oDispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  oDispatcher.executeDispatch(oDoc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = &quot;FilterName&quot;
  store(0).Value = &quot;MS Word 2007 XML&quot;
  oDoc.storeToURL(ConvertToURL(sOut), store())
  oDoc.close(True)
End Sub
</script:module>
)";

// One lean validation by independent readers: python-docx (python3-docx)
// and a LibreOffice PDF export (libreoffice-writer-nogui, poppler-utils).
TEST_CASE("the annotated file opens in python-docx, converts to PDF in LibreOffice and survives accept-all") {
  e2e::ScratchDir dir;
  const std::string input = e2e::SamplePath("nda-gaps");
  const fs::path output = dir.path() / "nda-gaps-reviewed.docx";
  REQUIRE(e2e::RunClausegap({"annotate", input, "-o", output.string(), "--suggest-as-revision"}).exit_code == 0);

  if (e2e::RunCommand({"/usr/bin/python3", "-c", "import docx, lxml"}).exit_code != 0) {
    MESSAGE("skipped python-docx: not installed (apt-get install python3-docx)");
  } else {
    const std::string script = std::string(CLAUSEGAP_SOURCE_DIR) + "/tests/e2e/annotate_docx_check.py";
    e2e::RunResult r = e2e::RunCommand({"/usr/bin/python3", script, input, output.string(), "clausegap"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    json summary = json::parse(r.out);
    CHECK(summary["comments"] == 10);            // the summary and nine gaps
    CHECK(summary["inserted_paragraphs"] == 14);  // seven missing clauses: heading and text each
  }

  if (e2e::RunCommand({"sh", "-c", "command -v soffice && command -v pdftotext"}).exit_code != 0) {
    MESSAGE("skipped LibreOffice: not installed (apt-get install libreoffice-writer-nogui poppler-utils)");
    return;
  }
  // A private profile, so that the run needs no home directory and leaves nothing behind.
  const std::string profile = "file://" + (dir.path() / "profile").string();
  e2e::RunResult convert = e2e::RunCommand(
      {"soffice", "-env:UserInstallation=" + profile, "--headless", "--convert-to", "pdf", "--outdir",
       dir.path().string(), output.string()},
      300);
  INFO(convert.out, convert.err);
  REQUIRE(convert.exit_code == 0);
  const fs::path pdf = dir.path() / "nda-gaps-reviewed.pdf";
  REQUIRE(fs::exists(pdf));
  e2e::RunResult text = e2e::RunCommand({"pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
  REQUIRE(text.exit_code == 0);
  // LibreOffice laid out the body and the tracked insertions (pdftotext
  // puts spaces between digits and kanji: "第 9 条の 2").
  CHECK(text.out.find("秘密保持契約書") != std::string::npos);
  CHECK(text.out.find("条の 2（再委託の禁止・制限）") != std::string::npos);
  // The suggestion speaks the NDA's own names (受領者 / 開示者), not 甲/乙.
  CHECK(text.out.find("受領者は、開示者の書面による事前の承諾を得た場合を除き") != std::string::npos);

  // Accept every change in LibreOffice and save as .docx: the clauses are
  // now plain text, and check still finds them present. The conversion above
  // created the profile; its Standard library gets a one-macro Module1.
  const fs::path module = dir.path() / "profile" / "user" / "basic" / "Standard" / "Module1.xba";
  REQUIRE(fs::exists(module.parent_path() / "script.xlb"));
  REQUIRE(e2e::WriteFileBytes(module, kAcceptAllModule));
  const fs::path accepted = dir.path() / "accepted.docx";
  e2e::RunResult accept = e2e::RunCommand(
      {"soffice", "-env:UserInstallation=" + profile, "--headless",
       "macro:///Standard.Module1.AcceptAll(\"" + output.string() + "\",\"" + accepted.string() + "\")"},
      300);
  INFO(accept.out, accept.err);
  REQUIRE(accept.exit_code == 0);
  REQUIRE(fs::exists(accepted));
  const json extract = Json({"extract", "--format", "json", accepted.string()});
  CHECK(extract["revisions"].empty());
  CHECK(extract["comments"].size() == 10);
  for (const char* view : {"--no-config", "--original"}) {
    const json report = Json({"check", "--format", "json", "--fail-on", "never", view, accepted.string()});
    std::map<std::string, std::string> statuses = Statuses(report);
    for (const char* id : {"redelegation", "breach-notification", "security-measures", "audit", "compliance",
                           "termination-for-breach", "data-location"}) {
      CAPTURE(id);
      CHECK(statuses[id] == "present");
    }
  }
}

}  // namespace
