// End to end: runs the built `clausegap diff` on the generated version pairs
// (samples/src/diff-v*.txt, built by samples/generate_diff.py) and checks the
// clausegap/diff/v1 JSON, the text rendering and the exit codes.
//
// diff-v1 is complete; diff-v2 weakens 第6条 (re-delegation permitted) and
// 第12条 (a cap without carve-out), swaps 第9条 and 第10条 (breach report and
// audit move) and adds a certificate of erasure in 第11条第2項; diff-v3
// deletes the breach report and rewords 第4条.
#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace {

namespace e2e = clausegap::e2e;
using e2e::RunResult;
using nlohmann::json;

RunResult Clausegap(const std::vector<std::string>& args) {
  return e2e::RunClausegap(args, /*timeout_seconds=*/300);
}

// Runs `clausegap diff --format json OLD NEW [extra…]` and parses stdout.
json DiffJson(const std::string& old_name, const std::string& new_name, int expected_exit,
              std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"diff", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(e2e::SamplePath(old_name));
  args.push_back(e2e::SamplePath(new_name));
  RunResult run = Clausegap(args);
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == expected_exit);
  CHECK(run.err.empty());
  REQUIRE_FALSE(run.out.empty());
  return json::parse(run.out);
}

const json& Requirement(const json& diff, const std::string& id) {
  for (const json& r : diff["requirements"]) {
    if (r["id"] == id) return r;
  }
  FAIL("no requirement " << id);
  static const json kNone;
  return kNone;
}

std::vector<std::string> Labels(const json& side) {
  std::vector<std::string> labels;
  for (const json& e : side["evidence"]) labels.push_back(e["label"]);
  return labels;
}

std::vector<std::string> Ids(const json& elements) {
  std::vector<std::string> ids;
  for (const json& e : elements) ids.push_back(e["id"]);
  return ids;
}

TEST_CASE("diff v1 → v2: a weakening redline fails with exit 1") {
  json diff = DiffJson("diff-v1", "diff-v2", 1);
  CHECK(diff["schema"] == "clausegap/diff/v1");
  CHECK(diff["old"] == e2e::SamplePath("diff-v1"));
  CHECK(diff["new"] == e2e::SamplePath("diff-v2"));
  CHECK(diff["requirements"].size() == 15);

  const json& redelegation = Requirement(diff, "redelegation");
  CHECK(redelegation["severity"] == "required");
  CHECK(redelegation["change"] == "weakened");
  CHECK(redelegation["old"]["status"] == "present");
  CHECK(redelegation["new"]["status"] == "weak");
  CHECK(redelegation["old"]["evidence"][0]["text"] ==
        "乙は、甲の事前の書面による承諾を得なければ、本業務の全部又は一部を第三者に再委託してはならない。");
  CHECK(redelegation["new"]["evidence"][0]["text"] ==
        "乙は、本業務の一部を第三者に再委託することができる。");
  CHECK(redelegation["new"]["evidence"][0]["heading"] == "再委託");
  CHECK_FALSE(redelegation["new"]["reasons"].empty());
  CHECK(redelegation["old"]["reasons"].empty());
  std::vector<std::string> lost = Ids(redelegation["elements_lost"]);
  CHECK(std::find(lost.begin(), lost.end(), "ban-or-prior-consent") != lost.end());

  const json& breach = Requirement(diff, "breach-notification");
  CHECK(breach["change"] == "moved");
  CHECK(breach["old"]["status"] == "present");
  CHECK(breach["new"]["status"] == "present");
  CHECK(Labels(breach["old"]) == std::vector<std::string>{"第9条第1項"});
  CHECK(Labels(breach["new"]) == std::vector<std::string>{"第10条第1項"});
  CHECK(breach["old"]["evidence"][0]["text"] == breach["new"]["evidence"][0]["text"]);

  const json& liability = Requirement(diff, "liability");
  CHECK(liability["change"] == "weakened");
  CHECK(liability["new"]["status"] == "weak");
  bool cap_quoted = false;
  for (const json& e : liability["new"]["evidence"]) {
    cap_quoted = cap_quoted || e["text"].get<std::string>().find("上限") != std::string::npos;
  }
  CHECK(cap_quoted);
  CHECK_FALSE(liability["new"]["reasons"].empty());

  const json& deletion = Requirement(diff, "return-deletion");
  CHECK(deletion["change"] == "unchanged");  // 第11条 → 第11条第1項 is not a move
  CHECK(deletion["new"]["status"] == "present");
  REQUIRE(deletion["elements_gained"].size() == 1);
  CHECK(deletion["elements_gained"][0]["id"] == "certificate");
  CHECK(deletion["elements_gained"][0]["evidence"][0]["label"] == "第11条第2項");
  CHECK(deletion["elements_lost"].empty());

  const json& audit = Requirement(diff, "audit");
  CHECK(audit["change"] == "moved");
  CHECK(Labels(audit["old"]) == std::vector<std::string>{"第10条"});
  CHECK(Labels(audit["new"]) == std::vector<std::string>{"第9条"});

  // Everything the redline did not touch is unchanged.
  const std::set<std::string> touched = {"redelegation", "breach-notification", "liability",
                                         "return-deletion", "audit"};
  for (const json& r : diff["requirements"]) {
    if (touched.count(r["id"]) > 0) continue;
    CHECK_MESSAGE(r["change"] == "unchanged", r["id"]);
    CHECK(r["elements_gained"].empty());
    CHECK(r["elements_lost"].empty());
  }
  CHECK(diff["summary"] ==
        json::parse(R"({"worse":2,"better":0,"required_worse":2,"changed":5,"unchanged":10})"));
}

TEST_CASE("diff v2 → v1: the reverse redline strengthens and passes") {
  json diff = DiffJson("diff-v2", "diff-v1", 0);
  CHECK(Requirement(diff, "redelegation")["change"] == "strengthened");
  CHECK(Requirement(diff, "liability")["change"] == "strengthened");
  const json& breach = Requirement(diff, "breach-notification");
  CHECK(breach["change"] == "moved");
  CHECK(Labels(breach["new"]) == std::vector<std::string>{"第9条第1項"});
  CHECK(Ids(Requirement(diff, "return-deletion")["elements_lost"]) ==
        std::vector<std::string>{"certificate"});
  CHECK(diff["summary"]["worse"] == 0);
  CHECK(diff["summary"]["better"] == 2);
  CHECK(diff["summary"]["required_worse"] == 0);
}

TEST_CASE("diff v1 → v3: a deleted breach report is removed, a reworded article text-changed") {
  json diff = DiffJson("diff-v1", "diff-v3", 1);
  const json& breach = Requirement(diff, "breach-notification");
  CHECK(breach["change"] == "removed");
  CHECK(breach["new"]["status"] == "missing");
  CHECK(breach["new"]["evidence"].empty());
  CHECK(Labels(breach["old"]) == std::vector<std::string>{"第9条第1項"});
  const json& confidentiality = Requirement(diff, "confidentiality");
  CHECK(confidentiality["change"] == "text-changed");
  CHECK(Labels(confidentiality["old"]) == Labels(confidentiality["new"]));
  CHECK(confidentiality["old"]["evidence"][0]["text"] != confidentiality["new"]["evidence"][0]["text"]);
  CHECK(diff["summary"]["required_worse"] == 1);
}

TEST_CASE("a version compared with itself is unchanged throughout") {
  json diff = DiffJson("diff-v1", "diff-v1", 0);
  CHECK(diff["requirements"].size() == 15);
  for (const json& r : diff["requirements"]) {
    CHECK_MESSAGE(r["change"] == "unchanged", r["id"]);
    CHECK(r["old"] == r["new"]);
  }
  CHECK(diff["summary"] ==
        json::parse(R"({"worse":0,"better":0,"required_worse":0,"changed":0,"unchanged":15})"));

  RunResult text = Clausegap({"diff", "--lang", "en", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v1")});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("Changes") == std::string::npos);
  CHECK(text.out.find("0 worse (0 required), 0 better, 0 changed, 15 unchanged\n") !=
        std::string::npos);
}

TEST_CASE("the text diff shows each requirement's old → new and quotes both versions") {
  RunResult run = Clausegap({"diff", "--lang", "en", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v2")});
  CHECK(run.exit_code == 1);
  const std::string& out = run.out;
  CHECK(out.find("old: " + e2e::SamplePath("diff-v1") + " — 会員管理システム運用業務委託契約書\n") == 0);
  CHECK(out.find("✓→△ [required]    redelegation") != std::string::npos);
  CHECK(out.find("moved (第9条 → 第10条)\n") != std::string::npos);
  CHECK(out.find("unchanged; gained: certificate\n") != std::string::npos);
  CHECK(out.find("  2 worse (2 required), 0 better, 5 changed, 10 unchanged\n") != std::string::npos);
  CHECK(out.find("  liability  損害賠償の範囲・責任分担 — weakened (present → weak, required)\n") !=
        std::string::npos);
  CHECK(out.find("      New: 第12条（損害賠償） 「ただし、賠償額は、本契約に基づき甲が乙に支払った委託料の総額を上限とする。」\n") !=
        std::string::npos);
  CHECK(out.find("      Old: 第9条第1項（事故の報告） 「") != std::string::npos);
  CHECK(out.find("      New: 第10条第1項（事故の報告） 「") != std::string::npos);
  // No ANSI escapes: the diff is plain text.
  CHECK(out.find('\x1b') == std::string::npos);

  RunResult removed = Clausegap({"diff", "--lang", "en", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v3")});
  CHECK(removed.out.find("      New: no clause found\n") != std::string::npos);

  // Japanese by default.
  RunResult ja = Clausegap({"diff", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v2")});
  CHECK(ja.exit_code == 1);
  CHECK(ja.out.find("旧版: " + e2e::SamplePath("diff-v1")) == 0);
  CHECK(ja.out.find("  悪化 2件（うち必須 2件）、改善 0件、変更あり 5件、変更なし 10件\n") != std::string::npos);
  CHECK(ja.out.find("  liability  損害賠償の範囲・責任分担 — 弱化（充足 → 不十分、必須）\n") != std::string::npos);
  CHECK(ja.out.find("      新版: 第12条（損害賠償） 「") != std::string::npos);
  CHECK(ja.out.find("weak") == std::string::npos);
}

TEST_CASE("an unreadable version exits 2 and names every unreadable file") {
  e2e::ScratchDir scratch;
  std::string text_file = (scratch.path() / "memo.docx").string();
  REQUIRE(e2e::WriteFileBytes(text_file, "not a zip archive at all\n"));
  std::string absent = (scratch.path() / "absent.docx").string();

  RunResult one = Clausegap({"diff", e2e::SamplePath("diff-v1"), text_file});
  CHECK(one.exit_code == 2);
  CHECK(one.out.empty());
  CHECK(one.err.find("clausegap: " + text_file + ": ") == 0);

  RunResult both = Clausegap({"diff", "--format", "json", absent, text_file});
  CHECK(both.exit_code == 2);
  CHECK(both.out.empty());
  CHECK(both.err.find("clausegap: " + absent + ": ") == 0);
  CHECK(both.err.find("\nclausegap: " + text_file + ": ") != std::string::npos);
}

TEST_CASE("diff usage errors exit 2") {
  RunResult one_file = Clausegap({"diff", e2e::SamplePath("diff-v1")});
  CHECK(one_file.exit_code == 2);
  CHECK(one_file.out.empty());

  RunResult format = Clausegap(
      {"diff", "--format", "sarif", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v2")});
  CHECK(format.exit_code == 2);
  CHECK(format.err.find("unknown format 'sarif' (valid: text, json)") != std::string::npos);

  RunResult no_rules = Clausegap(
      {"diff", "--no-default-rules", e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v2")});
  CHECK(no_rules.exit_code == 2);
  CHECK(no_rules.err == "clausegap: no rule pack: --no-default-rules needs --rules FILE|DIR\n");
}

TEST_CASE("diff --rules: the gate follows the pack's severities") {
  e2e::ScratchDir scratch;
  std::string pack = (scratch.path() / "relaxed.json").string();
  REQUIRE(e2e::WriteFileBytes(pack, R"({"pack":"e2e-relaxed","version":1,"overrides":[)"
                                    R"({"id":"redelegation","severity":"recommended"},)"
                                    R"({"id":"liability","severity":"recommended"}]})"));
  json diff = DiffJson("diff-v1", "diff-v2", 0, {"--rules", pack});
  CHECK(Requirement(diff, "redelegation")["severity"] == "recommended");
  CHECK(Requirement(diff, "redelegation")["change"] == "weakened");
  CHECK(diff["summary"]["worse"] == 2);
  CHECK(diff["summary"]["required_worse"] == 0);

  RunResult bad = Clausegap({"diff", "--rules", (scratch.path() / "none.json").string(),
                             e2e::SamplePath("diff-v1"), e2e::SamplePath("diff-v2")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.empty());
  CHECK(bad.err.find("none.json") != std::string::npos);
}

TEST_CASE("diff --original evaluates both versions with tracked changes rejected") {
  // tracked-changes deletes the breach report in a pending revision: it is
  // missing as signed and present in the original text.
  json signed_view = DiffJson("tracked-changes", "diff-v1", 0);
  CHECK(Requirement(signed_view, "breach-notification")["old"]["status"] == "missing");
  CHECK(Requirement(signed_view, "breach-notification")["change"] == "added");
  json original = DiffJson("tracked-changes", "diff-v1", 0, {"--original"});
  CHECK(Requirement(original, "breach-notification")["old"]["status"] == "present");
  CHECK(Requirement(original, "breach-notification")["change"] == "moved");  // 第8条 → 第9条
}

}  // namespace
