// End to end: the report as its users meet it (issue 11) — Japanese by
// default and English on request, an --output that never destroys an input,
// the gate's protective default, the audit trail of every machine format,
// Excel-safe CSV, the forwardable HTML, the document kind, and the small
// CLI behaviours (--jobs, --files-from lists, diff --format, JUnit, SARIF,
// GitHub annotations).
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;
namespace fs = std::filesystem;
using nlohmann::json;

e2e::RunResult Check(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  return e2e::RunClausegap(args, 300);
}

// Runs |script| with sh -c, the binary as $CLAUSEGAP, in |dir|.
e2e::RunResult Shell(const std::string& script, const fs::path& dir) {
  return e2e::RunCommand({"sh", "-c", "cd \"$0\" && " + script, dir.string()}, 300);
}

std::string Sha256Of(const fs::path& path) {
  e2e::RunResult r = e2e::RunCommand({"sha256sum", path.string()});
  return r.out.substr(0, 64);
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST_CASE("--output that is an input is refused, nothing is written, exit 2") {
  e2e::ScratchDir dir;
  fs::path contract = dir.path() / "payroll.docx";
  fs::copy_file(e2e::SamplePath("payroll"), contract);
  const std::string before = e2e::ReadFileBytes(contract);
  fs::create_hard_link(contract, dir.path() / "hard.docx");
  fs::create_symlink(contract, dir.path() / "link.docx");
  fs::create_directory(dir.path() / "folder");
  fs::copy_file(contract, dir.path() / "folder" / "inner.docx");
  e2e::WriteFileBytes(dir.path() / "list.txt", (dir.path() / "folder" / "inner.docx").string() + "\n");

  struct Case {
    const char* name;
    std::vector<std::string> args;
    fs::path clobbered;
  };
  std::vector<Case> cases = {
      {"same path", {"-o", contract.string(), contract.string()}, contract},
      {"hard link", {"-o", (dir.path() / "hard.docx").string(), contract.string()}, contract},
      {"symbolic link", {"--output", (dir.path() / "link.docx").string(), contract.string()}, contract},
      {"inside an input folder",
       {"-o", (dir.path() / "folder" / "inner.docx").string(), (dir.path() / "folder").string()},
       dir.path() / "folder" / "inner.docx"},
      {"listed in --files-from",
       {"-o", (dir.path() / "folder" / "inner.docx").string(), "--files-from",
        (dir.path() / "list.txt").string()},
       dir.path() / "folder" / "inner.docx"},
      {"the --files-from list itself",
       {"-o", (dir.path() / "list.txt").string(), "--files-from", (dir.path() / "list.txt").string()},
       dir.path() / "list.txt"},
  };
  for (const Case& c : cases) {
    SUBCASE(c.name) {
      std::string old = e2e::ReadFileBytes(c.clobbered);
      e2e::RunResult r = Check(c.args);
      CHECK(r.exit_code == 2);
      CHECK(r.out.empty());
      CHECK(Contains(r.err, "出力先"));
      CHECK(Contains(r.err, "何も書き込まずに中止しました"));
      CHECK(e2e::ReadFileBytes(c.clobbered) == old);
      CHECK(e2e::ReadFileBytes(contract) == before);
      // No temporary file is left behind either.
      std::vector<std::string> names = dir.List();
      CHECK(names == std::vector<std::string>{"folder", "hard.docx", "link.docx", "list.txt", "payroll.docx"});
    }
  }
  SUBCASE("in English on request") {
    e2e::RunResult r = Check({"--lang", "en", "-o", contract.string(), contract.string()});
    CHECK(r.exit_code == 2);
    CHECK(Contains(r.err, "the output is also an input"));
  }
  SUBCASE("a report written beside the inputs is fine") {
    e2e::RunResult r = Check({"--format", "json", "-o", (dir.path() / "folder" / "report.json").string(),
                              (dir.path() / "folder").string()});
    CHECK(r.exit_code == 1);
    CHECK(json::parse(e2e::ReadFileBytes(dir.path() / "folder" / "report.json"))["documents"].size() == 1);
  }
}

TEST_CASE("the text report is Japanese by default and English on request") {
  std::string sample = e2e::SamplePath("nda-gaps");
  e2e::RunResult ja = Check({sample});
  CHECK(ja.exit_code == 1);
  for (const char* word : {"文書の種類: 秘密保持契約（NDA）", "不足", "不十分", "充足", "指摘事項", "理由: ",
                           "根拠: 第6条（秘密情報の返還）", "修正案:", "判定: 不合格",
                           "「再委託の禁止・制限」に関する条項が見当たらない"}) {
    CHECK_MESSAGE(Contains(ja.out, word), word);
  }
  for (const char* english : {"Reason", "Evidence", "Suggested", "missing", "no clause", "Gaps"}) {
    CHECK_MESSAGE(!Contains(ja.out, english), english);
  }
  e2e::RunResult en = Check({"--lang", "en", sample});
  CHECK(Contains(en.out, "Reason: "));
  CHECK(Contains(en.out, "Evidence: 第6条"));
  CHECK(Contains(en.out, "no clause on 再委託の禁止・制限 was found"));
  // LANG / LC_ALL are respected; --lang wins over them.
  e2e::RunResult env_en = e2e::RunCommand({"env", "LC_ALL=", "LANG=en_US.UTF-8", CLAUSEGAP_EXE, "check", sample});
  CHECK(Contains(env_en.out, "Reason: "));
  e2e::RunResult env_c = e2e::RunCommand({"env", "LC_ALL=C", "LANG=en_US.UTF-8", CLAUSEGAP_EXE, "check", sample});
  CHECK(Contains(env_c.out, "理由: "));
  e2e::RunResult flag = e2e::RunCommand({"env", "LC_ALL=en_US.UTF-8", CLAUSEGAP_EXE, "check", "--lang", "ja", sample});
  CHECK(Contains(flag.out, "理由: "));
  // The project configuration's "lang".
  e2e::ScratchDir dir;
  e2e::WriteFileBytes(dir.path() / ".clausegap.json", R"({"lang": "en"})");
  e2e::RunResult config = Check({"--config", (dir.path() / ".clausegap.json").string(), sample});
  CHECK(Contains(config.out, "Reason: "));
  // --summary speaks the same language.
  e2e::RunResult summary = Check({"--summary", sample});
  CHECK(Contains(summary.out, "要件"));
  CHECK(Contains(summary.out, "文書 1件"));
}

TEST_CASE("the default gate fails a required clause that is weak; --fail-on missing is lenient") {
  // data-entry: the vendor may re-delegate without consent (weak), nothing required is missing.
  std::string sample = e2e::SamplePath("data-entry");
  CHECK(Check({"--format", "json", sample}).exit_code == 1);
  CHECK(Check({"--format", "json", "--fail-on", "missing", sample}).exit_code == 0);
  json report = json::parse(Check({"--format", "json", sample}).out);
  CHECK(report["summary"]["fail_on"] == "weak");
  CHECK(report["documents"][0]["gate"] == "fail");
}

TEST_CASE("the JSON report carries the audit trail and localised text beside the stable ids") {
  e2e::ScratchDir dir;
  fs::path waivers = dir.path() / "waivers.json";
  e2e::WriteFileBytes(waivers, R"({"waivers": [{"file": "*.docx", "requirement": "audit", "reason": "監査は別契約"}]})");
  std::string sample = e2e::SamplePath("payroll");
  e2e::RunResult r = Check({"--format", "json", "--no-config", "--waivers", waivers.string(), sample});
  json report = json::parse(r.out);
  const json& run = report["run"];
  CHECK(run["tool_version"] == "0.1.0");
  REQUIRE(run["rule_packs"].size() == 1);
  CHECK(run["rule_packs"][0]["name"] == "clausegap-default");
  fs::path pack = fs::path(CLAUSEGAP_SOURCE_DIR) / "rules" / "default.jsonc";
  CHECK(run["rule_packs"][0]["sha256"] == Sha256Of(pack));
  CHECK(run["rules_sha256"] == Sha256Of(pack));  // one pack: the same bytes
  CHECK(run["waiver_files"] == json::array({waivers.string()}));
  CHECK(run["config"].is_null());
  CHECK(run["checked_at"].get<std::string>().size() == 20);
  CHECK(run["lang"] == "ja");
  const json& doc = report["documents"][0];
  CHECK(doc["sha256"] == Sha256Of(sample));
  CHECK(doc["size"] == fs::file_size(sample));
  CHECK(doc["kind"] == "outsourcing");
  CHECK(doc["parties"].is_array());
  for (const json& req : doc["requirements"]) {
    if (req["status"] == "weak") {
      CHECK(req["status_text"] == "不十分");
      CHECK(req["message"].get<std::string>().find("は不十分") != std::string::npos);
    }
  }
  // jsonl: each line carries the run.
  e2e::RunResult lines = Check({"--format", "jsonl", sample});
  json line = json::parse(lines.out.substr(0, lines.out.find('\n')));
  CHECK(line["run"]["rules_sha256"] == Sha256Of(pack));
  CHECK(line["sha256"] == Sha256Of(sample));
}

TEST_CASE("SARIF and JUnit carry the audit trail; SARIF rules link their help") {
  std::string sample = e2e::SamplePath("nda-gaps");
  json sarif = json::parse(Check({"--format", "sarif", sample}).out);
  const json& run = sarif["runs"][0];
  REQUIRE(run["artifacts"].size() == 1);
  CHECK(run["artifacts"][0]["hashes"]["sha-256"] == Sha256Of(sample));
  CHECK(run["artifacts"][0]["length"] == fs::file_size(sample));
  CHECK(run["properties"]["rulesSha256"].get<std::string>().size() == 64);
  CHECK(run["invocations"][0].contains("startTimeUtc"));
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    CHECK(rule["helpUri"].get<std::string>().find("#" + rule["id"].get<std::string>()) != std::string::npos);
    CHECK(rule["help"]["text"].is_string());
  }
  bool why = false;
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] == "redelegation") why = Contains(rule["fullDescription"]["text"], "個人情報保護法第25条");
  }
  CHECK(why);
  bool suggestion = false;
  for (const json& result : run["results"]) suggestion |= result["properties"].contains("suggestion");
  CHECK(suggestion);

  std::string junit = Check({"--format", "junit", sample}).out;
  CHECK(Contains(junit, "<property name=\"sha256\" value=\"" + Sha256Of(sample) + "\""));
  CHECK(Contains(junit, "<property name=\"rules-sha256\""));
  CHECK(Contains(junit, "<property name=\"tool-version\" value=\"0.1.0\""));
}

TEST_CASE("JUnit failures agree with the exit code") {
  std::string sample = e2e::SamplePath("data-entry");  // required gaps are weak only
  e2e::RunResult lenient = Check({"--format", "junit", "--fail-on", "missing", sample});
  CHECK(lenient.exit_code == 0);
  CHECK(Contains(lenient.out, "<testsuites name=\"clausegap\" tests=\"15\" failures=\"0\""));
  e2e::RunResult strict = Check({"--format", "junit", sample});
  CHECK(strict.exit_code == 1);
  CHECK(!Contains(strict.out, "failures=\"0\" errors=\"0\" skipped=\"0\">\n"));
  CHECK(Contains(strict.out, "<failure message=\"再委託の禁止・制限 (redelegation): 不十分\" type=\"weak\""));
  e2e::RunResult warnings = Check({"--format", "junit", "--fail-on", "never", "--max-warnings", "0", sample});
  CHECK(warnings.exit_code == 1);
  CHECK(Contains(warnings.out, "name=\"max-warnings\""));
}

TEST_CASE("CSV opens in Excel: BOM, Japanese headers, parties, articles, gate and hash") {
  std::string sample = e2e::SamplePath("nda-gaps");
  e2e::RunResult r = Check({"--format", "csv", sample});
  REQUIRE(r.out.size() > 3);
  CHECK(r.out.substr(0, 3) == "\xEF\xBB\xBF");
  std::string header = r.out.substr(3, r.out.find("\r\n") - 3);
  for (const char* column : {"ファイル", "文書の種類", "当事者", "判定（--fail-on weak）", "再委託の禁止・制限",
                             "契約終了時の返還・廃棄・消去（該当条項）", "SHA-256", "ルールパック"}) {
    CHECK_MESSAGE(Contains(header, column), column);
  }
  std::string row = r.out.substr(r.out.find("\r\n") + 2);
  CHECK(Contains(row, "不合格"));
  CHECK(Contains(row, "第6条（秘密情報の返還）"));
  CHECK(Contains(row, Sha256Of(sample)));
  CHECK(Contains(row, "clausegap-default 1"));
  e2e::RunResult plain = Check({"--format", "csv", "--csv-bom", "off", sample});
  CHECK(plain.out.substr(0, 3) != "\xEF\xBB\xBF");
  CHECK(plain.out.rfind("ファイル,", 0) == 0);
}

TEST_CASE("a document that is not a covered kind of contract gets a notice") {
  e2e::ScratchDir dir;
  fs::path terms = dir.path() / "terms.docx";
  e2e::WriteFileBytes(terms, e2e::StoredZip(e2e::MinimalPackage(e2e::MinimalDocumentXml(
                                 {"サービス利用規約", "第1条（適用）", "本規約は、当社が提供するサービスの利用条件を定める。"}))));
  e2e::RunResult text = Check({terms.string()});
  CHECK(Contains(text.out, "文書の種類: 利用規約"));
  CHECK(Contains(text.out, "「不足」の結果は契約上の不備を意味しない場合があります"));
  json report = json::parse(Check({"--format", "json", terms.string()}).out);
  CHECK(report["documents"][0]["kind"] == "terms");
  CHECK(report["documents"][0]["kind_covered"] == false);
  // A covered kind gets no notice.
  CHECK(!Contains(Check({e2e::SamplePath("payroll")}).out, "意味しない場合があります"));
}

TEST_CASE("small things: --jobs, blank list lines, diff --format html, GitHub beyond 10") {
  e2e::RunResult jobs = Check({"--jobs", "-1", e2e::SamplePath("payroll")});
  CHECK(jobs.exit_code == 2);
  CHECK(jobs.err.size() < 200);
  CHECK(Contains(jobs.err, "--jobs"));

  e2e::RunResult diff = e2e::RunClausegap({"diff", "--format", "html", e2e::SamplePath("diff-v1"),
                                           e2e::SamplePath("diff-v2")});
  CHECK(diff.exit_code == 2);
  CHECK(Contains(diff.err, "--format: unknown format 'html' (valid: text, json)"));
  CHECK(!Contains(diff.err, "--format: --format"));

  e2e::ScratchDir dir;
  fs::path list = dir.path() / "list.txt";
  e2e::WriteFileBytes(list, "\n" + e2e::SamplePath("payroll") + "\n\n   \n\r\n");
  e2e::RunResult blank = Check({"--format", "json", "--files-from", list.string()});
  CHECK(blank.err.empty());
  CHECK(json::parse(blank.out)["documents"].size() == 1);

  // nda-gaps has 9 gaps; three copies make 27 findings, more than GitHub shows.
  for (const char* name : {"a.docx", "b.docx", "c.docx"}) fs::copy_file(e2e::SamplePath("nda-gaps"), dir.path() / name);
  e2e::RunResult github = Check({"--format", "github", (dir.path() / "a.docx").string(),
                                 (dir.path() / "b.docx").string(), (dir.path() / "c.docx").string()});
  int errors = 0, warnings = 0;
  for (std::size_t at = 0; (at = github.out.find("::error ", at)) != std::string::npos; ++at) ++errors;
  for (std::size_t at = 0; (at = github.out.find("::warning ", at)) != std::string::npos; ++at) ++warnings;
  CHECK(errors == 6);      // 2 required missing per copy: all shown
  CHECK(warnings == 10);   // the rest goes to the log as plain lines
  CHECK(Contains(github.out, "c.docx: 違反時の解除 (termination-for-breach): 不足: "));
  CHECK(Contains(github.out, "::notice title=clausegap%3A 3件の文書を確認"));
}

TEST_CASE("the README's pre-commit hook handles Japanese names and spaces") {
  if (e2e::RunCommand({"git", "--version"}).exit_code != 0) {
    MESSAGE("git is not installed: skipped");
    return;
  }
  // The hook exactly as README.md shows it.
  std::string readme = e2e::ReadFileBytes(fs::path(CLAUSEGAP_SOURCE_DIR) / "README.md");
  std::size_t at = readme.find("```sh\n#!/bin/sh\n# clausegap pre-commit hook");
  REQUIRE(at != std::string::npos);
  std::string hook = readme.substr(at + 6, readme.find("```", at + 6) - at - 6);

  e2e::ScratchDir dir;
  fs::path bin = dir.path() / "bin";
  fs::create_directory(bin);
  fs::create_symlink(CLAUSEGAP_EXE, bin / "clausegap");
  fs::path repo = dir.path() / "repo";
  fs::create_directory(repo);
  std::string env = "export PATH=\"" + bin.string() + ":$PATH\" GIT_AUTHOR_NAME=t "
                    "GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com; ";
  REQUIRE(Shell("git init -q . && git config core.quotePath true", repo).exit_code == 0);
  e2e::WriteFileBytes(repo / ".git" / "hooks" / "pre-commit", hook);
  fs::permissions(repo / ".git" / "hooks" / "pre-commit", fs::perms::owner_all);

  fs::create_directory(repo / "委託 契約");
  fs::copy_file(e2e::SamplePath("itaku-callcenter"), repo / "委託 契約" / "コールセンター 業務委託.docx");
  e2e::RunResult good = Shell(env + "git add -A && git commit -q -m good", repo);
  CHECK_MESSAGE(good.exit_code == 0, good.err);

  fs::copy_file(e2e::SamplePath("nda-gaps"), repo / "委託 契約" / "秘密保持 (案).docx");
  e2e::RunResult bad = Shell(env + "git add -A && git commit -q -m bad", repo);
  CHECK(bad.exit_code != 0);
  CHECK(Contains(bad.out + bad.err, "秘密保持 (案).docx"));

  // Nothing staged that is a contract: the hook passes.
  e2e::WriteFileBytes(repo / "memo.txt", "x");
  CHECK(Shell(env + "git reset -q && git add memo.txt && git commit -q -m memo", repo).exit_code == 0);
}

}  // namespace

namespace {

TEST_CASE("the HTML report: cover, risk summary, findings; rendered and printed on A4 in Chromium") {
  std::string sample = e2e::SamplePath("nda-gaps");
  std::string html = Check({"--format", "html", sample}).out;
  for (const char* part : {"<html lang=\"ja\">", "報告書の概要", "確認日時", "clausegap 0.1.0", "clausegap-default 1",
                           "リスクの概要", "個人情報保護法第25条", "指摘事項", "条項</span>第6条（秘密情報の返還）",
                           "理由", "根拠", "修正案", "文書の種類</th><td>秘密保持契約（NDA）",
                           "@page{size:A4 portrait", "@media print"}) {
    CHECK_MESSAGE(Contains(html, part), part);
  }
  CHECK(Contains(html, Sha256Of(sample)));
  CHECK(Contains(html, "<th class=\"req required\" title=\"再委託の禁止・制限"));
  CHECK(Contains(Check({"--format", "html", "--lang", "en", sample}).out, "Risk summary"));

  if (e2e::RunCommand({"sh", "-c", "command -v chromium"}).exit_code != 0) {
    MESSAGE("chromium is not installed: the rendering is not checked");
    return;
  }
  e2e::ScratchDir dir;
  // A deep folder, as in a real archive: the path wraps in its narrow column,
  // the file names must not.
  fs::path deep = dir.path() / "contracts" / "2026" / "outsourcing-vendors" / "signed";
  fs::create_directories(deep);
  fs::copy_file(sample, deep / "nda-gaps.docx");
  fs::copy_file(e2e::SamplePath("payroll"), deep / "payroll.docx");
  fs::path png = dir.path() / "report.png";
  e2e::RunResult shot = e2e::RunCommand(
      {"env", std::string("CLAUSEGAP=") + CLAUSEGAP_EXE,
       (fs::path(CLAUSEGAP_SOURCE_DIR) / "scripts" / "html-screenshot").string(), "-p", "-o", png.string(),
       (deep / "nda-gaps.docx").string(), (deep / "payroll.docx").string()},
      300);
  REQUIRE_MESSAGE(shot.exit_code == 0, shot.err);
  CHECK(fs::file_size(png) > 10000);
  fs::path pdf = dir.path() / "report.pdf";
  REQUIRE(fs::exists(pdf));
  if (e2e::RunCommand({"sh", "-c", "command -v pdfinfo"}).exit_code == 0) {
    e2e::RunResult info = e2e::RunCommand({"pdfinfo", pdf.string()});
    CHECK(Contains(info.out, "(A4)"));
    // The first page holds the whole summary table: both rows, the last column.
    e2e::RunResult page = e2e::RunCommand({"pdftotext", "-f", "1", "-l", "1", pdf.string(), "-"});
    CHECK(Contains(page.out, "nda-gaps.docx"));
    CHECK(Contains(page.out, "payroll.docx"));
  }
}

}  // namespace
