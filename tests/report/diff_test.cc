// The version diff on hand-built reports: every change kind, the element
// and summary bookkeeping, and both renderings.
#include "report/diff.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

using engine::Severity;
using engine::Status;
using json = nlohmann::ordered_json;

engine::Evidence At(std::string label, std::string text, std::string heading = "") {
  return engine::Evidence{std::move(label), std::move(heading), std::move(text), 0, 0};
}

DiffSide Side(Status status, std::vector<engine::Evidence> evidence = {}) {
  DiffSide side;
  side.evaluated = true;
  side.status = status;
  side.evidence = std::move(evidence);
  return side;
}

engine::DocumentReport Report(std::string file, std::vector<engine::RequirementResult> rs) {
  engine::DocumentReport report;
  report.file = std::move(file);
  report.title = "業務委託契約書";
  report.requirements = std::move(rs);
  return report;
}

engine::RequirementResult Req(std::string id, Severity severity, Status status,
                              std::vector<engine::Evidence> evidence = {}) {
  auto r = testing::Requirement(id, id + "の題", severity, status);
  r.evidence = std::move(evidence);
  return r;
}

const char kBan[] = "乙は、甲の事前の書面による承諾なく再委託してはならない。";
const char kPermit[] = "乙は、本業務の一部を第三者に再委託することができる。";
const char kReport[] = "乙は、事故が発生したときは、直ちに甲に報告する。";

TEST_CASE("Classify: status changes, by rank present > weak > missing") {
  const auto present = Side(Status::kPresent, {At("第6条", kBan)});
  const auto weak = Side(Status::kWeak, {At("第6条", kPermit)});
  const auto missing = Side(Status::kMissing);
  CHECK(Classify(present, weak) == Change::kWeakened);
  CHECK(Classify(present, missing) == Change::kRemoved);
  CHECK(Classify(weak, missing) == Change::kRemoved);
  CHECK(Classify(missing, weak) == Change::kAdded);
  CHECK(Classify(missing, present) == Change::kAdded);
  CHECK(Classify(weak, present) == Change::kStrengthened);
  CHECK(Classify(missing, missing) == Change::kUnchanged);
  CHECK(Classify(present, present) == Change::kUnchanged);
}

TEST_CASE("Classify: same status, evidence in another article is a move") {
  auto before = Side(Status::kPresent, {At("第9条", kReport, "事故の報告")});
  auto after = Side(Status::kPresent, {At("第10条", kReport, "事故の報告")});
  CHECK(Classify(before, after) == Change::kMoved);
  // A move wins over a text change when both happen.
  after.evidence[0].text = "乙は、事故が発生したときは、速やかに甲に報告する。";
  CHECK(Classify(before, after) == Change::kMoved);
}

TEST_CASE("Classify: 項 renumbering inside one article is not a move") {
  // Adding a 第2項 turns the label 第11条 into 第11条第1項.
  auto before = Side(Status::kPresent, {At("第11条", kReport)});
  auto after = Side(Status::kPresent, {At("第11条第1項", kReport)});
  CHECK(Classify(before, after) == Change::kUnchanged);
  after.evidence[0].label = "第11条第3項";
  CHECK(Classify(before, after) == Change::kUnchanged);
}

TEST_CASE("Classify: same status and article, another sentence is a text change") {
  auto before = Side(Status::kPresent, {At("第4条", kBan)});
  auto after = Side(Status::kPresent, {At("第4条", "乙は、甲の事前の承諾を得ずに再委託してはならない。")});
  CHECK(Classify(before, after) == Change::kTextChanged);
  // The same sentences in another order are not a change.
  before.evidence.push_back(At("第4条", kPermit));
  after = Side(Status::kPresent, {At("第4条", kPermit), At("第4条", kBan)});
  CHECK(Classify(before, after) == Change::kUnchanged);
}

TEST_CASE("ArticleOf keeps the article part of a citation label") {
  CHECK(ArticleOf("第9条") == "第9条");
  CHECK(ArticleOf("第9条第2項第1号") == "第9条");
  CHECK(ArticleOf("第十二条第２項") == "第十二条");
  CHECK(ArticleOf("6.2") == "6");
  CHECK(ArticleOf("10.1(3)") == "10");
  CHECK(ArticleOf("特記事項") == "特記事項");
  CHECK(ArticleOf("") == "");
  CHECK(ArticleOf("第三者") == "第三者");  // no 条: kept whole
}

TEST_CASE("CompareReports pairs requirements by id and counts worse and better") {
  auto old_report = Report("v1.docx", {
      Req("redelegation", Severity::kRequired, Status::kPresent, {At("第6条", kBan)}),
      Req("breach-notification", Severity::kRequired, Status::kPresent, {At("第9条", kReport)}),
      Req("audit", Severity::kRecommended, Status::kWeak, {At("第10条", "甲は報告を求めることができる。")}),
      Req("data-location", Severity::kRecommended, Status::kPresent, {At("第7条第2項", "国内に保管する。")}),
  });
  auto new_report = Report("v2.docx", {
      Req("redelegation", Severity::kRequired, Status::kWeak, {At("第6条", kPermit)}),
      Req("breach-notification", Severity::kRequired, Status::kPresent, {At("第10条", kReport)}),
      Req("audit", Severity::kRecommended, Status::kPresent, {At("第9条", "甲は立ち入り検査することができる。")}),
      Req("data-location", Severity::kRecommended, Status::kMissing),
  });
  new_report.requirements[0].reasons.push_back("再委託が相手方の承諾なしに許されている");

  auto diff = CompareReports(old_report, new_report);
  REQUIRE(diff);
  CHECK(diff->old_file == "v1.docx");
  CHECK(diff->new_file == "v2.docx");
  REQUIRE(diff->requirements.size() == 4);
  const RequirementDiff& r = diff->requirements[0];
  CHECK(r.id == "redelegation");
  CHECK(r.change == Change::kWeakened);
  CHECK(r.Worse());
  CHECK(r.old_side.evidence[0].text == kBan);
  CHECK(r.new_side.evidence[0].text == kPermit);
  CHECK(r.new_side.reasons == std::vector<std::string>{"再委託が相手方の承諾なしに許されている"});
  CHECK(diff->requirements[1].change == Change::kMoved);
  CHECK(diff->requirements[2].change == Change::kStrengthened);
  CHECK(diff->requirements[3].change == Change::kRemoved);

  CHECK(diff->summary.worse == 2);           // redelegation, data-location
  CHECK(diff->summary.required_worse == 1);  // only redelegation is required
  CHECK(diff->summary.better == 1);
  CHECK(diff->summary.changed == 4);
  CHECK(diff->summary.unchanged == 0);
}

TEST_CASE("CompareReports lists the elements gained and lost with their evidence") {
  auto before = Req("return-deletion", Severity::kRequired, Status::kPresent, {At("第11条", "返還する。")});
  before.elements = {
      {"end-trigger", "終了時に返還", true, true, {At("第11条", "返還する。")}},
      {"certificate", "消去証明書", false, false, {}},
      {"copies", "複製物を含む", false, true, {At("第11条", "複製物を含む。")}},
  };
  auto after = before;
  after.elements[1].found = true;
  after.elements[1].evidence = {At("第11条第2項", "消去証明書を提出する。")};
  after.elements[2].found = false;
  after.elements[2].evidence.clear();

  auto diff = CompareReports(Report("a.docx", {before}), Report("b.docx", {after}));
  REQUIRE(diff);
  const RequirementDiff& d = diff->requirements.at(0);
  CHECK(d.change == Change::kUnchanged);
  REQUIRE(d.elements_gained.size() == 1);
  CHECK(d.elements_gained[0].id == "certificate");
  CHECK(d.elements_gained[0].evidence.at(0).label == "第11条第2項");
  REQUIRE(d.elements_lost.size() == 1);
  CHECK(d.elements_lost[0].id == "copies");
  CHECK(d.elements_lost[0].evidence.at(0).text == "複製物を含む。");
  // An unchanged verdict with other elements still counts as changed.
  CHECK(d.Changed());
  CHECK(diff->summary.changed == 1);
  CHECK(diff->summary.worse == 0);
}

TEST_CASE("CompareReports: a requirement in one report only") {
  auto old_report = Report("a.docx", {Req("audit", Severity::kRecommended, Status::kPresent,
                                          {At("第10条", "監査できる。")})});
  auto new_report = Report("b.docx", {Req("survival", Severity::kRequired, Status::kWeak,
                                          {At("第14条", "存続する。")})});
  auto diff = CompareReports(old_report, new_report);
  REQUIRE(diff);
  REQUIRE(diff->requirements.size() == 2);
  // New report's order first, then ids only in the old one.
  CHECK(diff->requirements[0].id == "survival");
  CHECK_FALSE(diff->requirements[0].old_side.evaluated);
  CHECK(diff->requirements[0].change == Change::kAdded);
  CHECK(diff->requirements[1].id == "audit");
  CHECK_FALSE(diff->requirements[1].new_side.evaluated);
  CHECK(diff->requirements[1].change == Change::kRemoved);
  CHECK(diff->requirements[1].title == "auditの題");  // from the only report that has it
  CHECK(diff->summary.required_worse == 0);

  json j = json::parse(DiffToJson(*diff));
  CHECK(j["requirements"][0]["old"]["status"] == "not-evaluated");
  CHECK(j["requirements"][1]["new"]["status"] == "not-evaluated");
}

TEST_CASE("CompareReports refuses a report of an unreadable file") {
  auto bad = testing::ErrorReport();
  auto diff = CompareReports(testing::CompleteReport(), bad);
  REQUIRE_FALSE(diff);
  CHECK(diff.error().code == ErrorCode::kUsage);
  CHECK(diff.error().message == "old.doc: a Word 97-2003 .doc file, not .docx");
  CHECK_FALSE(CompareReports(bad, testing::CompleteReport()));
}

TEST_CASE("a report compared with itself is unchanged throughout") {
  auto report = testing::MixedReport();
  auto diff = CompareReports(report, report);
  REQUIRE(diff);
  for (const RequirementDiff& d : diff->requirements) {
    CHECK(d.change == Change::kUnchanged);
    CHECK_FALSE(d.Changed());
  }
  CHECK(diff->summary.unchanged == static_cast<int>(report.requirements.size()));
  CHECK(diff->summary.changed == 0);
  CHECK(diff->summary.worse == 0);
  CHECK(diff->summary.better == 0);
}

TEST_CASE("ChangeName and ParseDiffFormat") {
  CHECK(std::string(ChangeName(Change::kTextChanged)) == "text-changed");
  CHECK(std::string(ChangeName(Change::kStrengthened)) == "strengthened");
  CHECK(ParseDiffFormat("json").value() == DiffFormat::kJson);
  CHECK(ParseDiffFormat("text").value() == DiffFormat::kText);
  auto bad = ParseDiffFormat("sarif");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().code == ErrorCode::kUsage);
  CHECK(bad.error().message == "--format: unknown format 'sarif' (valid: text, json)");
}

// A weakened required requirement, a moved one and an element gained.
Diff SampleDiff() {
  auto before = Req("redelegation", Severity::kRequired, Status::kPresent,
                    {At("第6条", kBan, "再委託の禁止")});
  auto after = Req("redelegation", Severity::kRequired, Status::kWeak,
                   {At("第6条", kPermit, "再委託")});
  after.reasons.push_back("再委託が相手方の承諾なしに許されている");
  auto breach_before = Req("breach-notification", Severity::kRequired, Status::kPresent,
                           {At("第9条第1項", kReport, "事故の報告")});
  auto breach_after = Req("breach-notification", Severity::kRequired, Status::kPresent,
                          {At("第10条第1項", kReport, "事故の報告")});
  auto deletion_before = Req("return-deletion", Severity::kRequired, Status::kPresent,
                             {At("第11条", "返還する。")});
  deletion_before.elements = {{"certificate", "消去証明書", false, false, {}}};
  auto deletion_after = deletion_before;
  deletion_after.elements[0].found = true;
  deletion_after.elements[0].evidence = {At("第11条第2項", "消去証明書を提出する。", "返還及び消去")};
  auto audit = Req("audit", Severity::kRecommended, Status::kMissing);
  return *CompareReports(
      Report("v1.docx", {before, breach_before, deletion_before, audit}),
      Report("v2.docx", {after, breach_after, deletion_after, audit}));
}

TEST_CASE("DiffToJson writes the clausegap/diff/v1 wire format") {
  std::string raw = DiffToJson(SampleDiff());
  CHECK(raw.back() == '\n');
  json j = json::parse(raw);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"schema", "old", "new", "requirements", "summary"});
  CHECK(j["schema"] == "clausegap/diff/v1");
  CHECK(j["old"] == "v1.docx");
  CHECK(j["new"] == "v2.docx");
  REQUIRE(j["requirements"].size() == 4);

  const json& r = j["requirements"][0];
  keys.clear();
  for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"id", "title", "severity", "old", "new", "change",
                                         "elements_gained", "elements_lost"});
  CHECK(r["id"] == "redelegation");
  CHECK(r["severity"] == "required");
  CHECK(r["change"] == "weakened");
  CHECK(r["old"] == json::parse(R"({"status":"present","evidence":[{"label":"第6条","label_as_written":"第6条",)"
                                R"("heading":"再委託の禁止","text":")" +
                                std::string(kBan) + R"("}],"reasons":[]})"));
  CHECK(r["new"]["status"] == "weak");
  CHECK(r["new"]["evidence"][0]["text"] == kPermit);
  CHECK(r["new"]["reasons"][0] == "再委託が相手方の承諾なしに許されている");

  CHECK(j["requirements"][1]["change"] == "moved");
  const json& deletion = j["requirements"][2];
  CHECK(deletion["change"] == "unchanged");
  REQUIRE(deletion["elements_gained"].size() == 1);
  CHECK(deletion["elements_gained"][0] ==
        json::parse(R"({"id":"certificate","essential":false,"description":"消去証明書",)"
                    R"("evidence":[{"label":"第11条第2項","label_as_written":"第11条第2項","heading":"返還及び消去",)"
                    R"("text":"消去証明書を提出する。"}]})"));
  CHECK(deletion["elements_lost"].empty());

  CHECK(j["summary"] == json::parse(R"({"worse":1,"better":0,"required_worse":1,"changed":3,"unchanged":1})"));
}

TEST_CASE("DiffToJson keeps Japanese as UTF-8 and replaces invalid bytes") {
  auto report = Report("契約.docx", {Req("audit", Severity::kRecommended, Status::kPresent,
                                          {At("第1条", std::string("bad \xff byte"))})});
  auto diff = CompareReports(report, report);
  REQUIRE(diff);
  std::string raw = DiffToJson(*diff);
  CHECK(raw.find("契約.docx") != std::string::npos);
  json j = json::parse(raw);
  CHECK(j["requirements"][0]["old"]["evidence"][0]["text"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("DiffToText: one line per requirement, then details with both versions") {
  std::string text = DiffToText(SampleDiff());
  CHECK(text.find("old: v1.docx — 業務委託契約書\nnew: v2.docx — 業務委託契約書\n") == 0);
  // The rows: marks, statuses and the change.
  CHECK(text.find("✓→△ [required]") != std::string::npos);
  CHECK(text.find("present → weak") != std::string::npos);
  CHECK(text.find("weakened\n") != std::string::npos);
  CHECK(text.find("moved (第9条 → 第10条)\n") != std::string::npos);
  CHECK(text.find("unchanged; gained: certificate\n") != std::string::npos);
  CHECK(text.find("✗→✗ [recommended]") != std::string::npos);
  CHECK(text.find("  1 worse (1 required), 0 better, 3 changed, 1 unchanged\n") != std::string::npos);
  // The details quote both versions.
  CHECK(text.find("\n  Changes\n") != std::string::npos);
  CHECK(text.find("  redelegation  redelegationの題 — weakened (present → weak, required)\n") !=
        std::string::npos);
  CHECK(text.find("      Old: 第6条（再委託の禁止） 「" + std::string(kBan) + "」\n") != std::string::npos);
  CHECK(text.find("      New: 第6条（再委託） 「" + std::string(kPermit) + "」\n") != std::string::npos);
  CHECK(text.find("      New reason: 再委託が相手方の承諾なしに許されている\n") != std::string::npos);
  CHECK(text.find("      Element gained (recommended): certificate — 消去証明書 [第11条第2項（返還及び消去）]\n") !=
        std::string::npos);
  // An unchanged requirement has no details.
  CHECK(text.find("  audit  auditの題 —") == std::string::npos);
}

TEST_CASE("DiffToText of identical versions has no Changes section") {
  auto report = testing::MixedReport();
  std::string text = DiffToText(*CompareReports(report, report));
  CHECK(text.find("Changes") == std::string::npos);
  CHECK(text.find("0 worse (0 required), 0 better, 0 changed, 4 unchanged\n") != std::string::npos);
}

}  // namespace
}  // namespace clausegap::report
