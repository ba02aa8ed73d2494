// The default pack on inline contract text: present / weak / missing for each
// requirement, with negated, permitted, proviso and mention-only cases.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/engine_test_util.h"
#include "engine/rule_pack.h"

namespace clausegap::engine {
namespace {

using testing::Check;
using testing::Find;
using testing::StatusOf;
using Lines = std::vector<std::string>;

Lines Contract(const Lines& articles) {
  Lines lines = {"業務委託契約書", "株式会社甲（以下「甲」という。）と株式会社乙（以下「乙」という。）は、次のとおり契約を締結する。",
                 "第1条（目的）", "甲は乙に対し、顧客データの入力業務を委託し、乙はこれを受託する。"};
  lines.insert(lines.end(), articles.begin(), articles.end());
  return lines;
}

TEST_CASE("redelegation") {
  // Ban with a prior-consent proviso: the standard clause.
  Lines ban = Contract({"第2条（再委託の禁止）", "乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、甲の書面による事前の承諾を得た場合は、この限りでない。"});
  DocumentReport r = Check(ban);
  const RequirementResult& red = Find(r, "redelegation");
  CHECK(StatusName(red.status) == std::string("present"));
  REQUIRE(!red.evidence.empty());
  CHECK(red.evidence[0].label == "第2条");
  CHECK(red.evidence[0].heading == "再委託の禁止");
  CHECK(red.evidence[0].text == "乙は、本業務の全部又は一部を第三者に再委託してはならない。");
  CHECK(red.suggestion.empty());
  bool written = false;
  for (const ElementResult& e : red.elements) written = written || (e.id == "written-consent" && e.found);
  CHECK(written);

  CHECK(StatusOf(Contract({"第2条（再委託）", "乙は、甲の事前の承諾なく、本業務を第三者に委託してはならない。"}), "redelegation") == "present");
  CHECK(StatusOf(Contract({"第2条（再委託）", "乙は、あらかじめ甲の書面による承諾を得て、本業務の一部を再委託することができる。"}), "redelegation") == "present");
  // Permitted without consent.
  CHECK(StatusOf(Contract({"第2条（再委託）", "乙は、本業務の一部を第三者に再委託することができる。"}), "redelegation") == "weak");
  // Notice only, and deemed consent.
  CHECK(StatusOf(Contract({"第2条（再委託）", "乙は、本業務の一部を第三者に再委託する場合、甲に通知すれば足りるものとする。"}), "redelegation") == "weak");
  CHECK(StatusOf(Contract({"第2条（再委託）", "乙は、甲の事前の承諾を得て再委託することができる。甲が10日以内に異議を述べないときは、甲は再委託を承諾したものとみなす。"}), "redelegation") == "weak");
  // Mention only: 再委託先 inside the deletion clause.
  Lines mention = Contract({"第2条（返還）", "乙は、本契約が終了したときは、再委託先を含め、預託された個人情報を直ちに返還しなければならない。"});
  CHECK(StatusOf(mention, "redelegation") == "missing");
  {
    DocumentReport m = Check(mention);
    CHECK(!Find(m, "redelegation").suggestion.empty());
    CHECK(Find(m, "redelegation").severity == Severity::kRequired);
  }
}

TEST_CASE("return-deletion") {
  CHECK(StatusOf(Contract({"第3条（資料の返還）", "乙は、本契約が終了したときは、甲から提供を受けた資料（複製物を含む。）を直ちに返還し、又は廃棄しなければならない。"}), "return-deletion") == "present");
  // Conjugated forms through base forms: 消去した / 削除し.
  CHECK(StatusOf(Contract({"第3条（データの消去）", "乙は、本契約の終了後、速やかに個人データを削除し、その結果を甲に書面で報告する。"}), "return-deletion") == "present");
  // Request only.
  CHECK(StatusOf(Contract({"第3条（返還）", "乙は、甲の請求があったときは、秘密情報を返還しなければならない。"}), "return-deletion") == "weak");
  CHECK(StatusOf(Contract({"第3条（返還）", "乙は、本契約の終了後に甲の要請を受けた場合は、秘密情報を返還する。"}), "return-deletion") == "weak");
  // Not a return duty: deleting posts as a sanction.
  CHECK(StatusOf(Contract({"第3条（投稿の削除）", "当社は、利用者の投稿データを事前の通知なく削除することができる。"}), "return-deletion") == "missing");
  CHECK(StatusOf(Contract({"第3条（報酬）", "甲は乙に報酬を支払う。"}), "return-deletion") == "missing");
}

TEST_CASE("breach-notification") {
  CHECK(StatusOf(Contract({"第4条（事故時の報告）", "乙は、個人情報の漏えい、滅失又は毀損が発生したときは、直ちに甲に報告しなければならない。"}), "breach-notification") == "present");
  CHECK(StatusOf(Contract({"第4条（事故時の報告）", "乙は、秘密情報の漏洩が生じた場合、24時間以内に甲に通知する。"}), "breach-notification") == "present");
  // No timeliness.
  CHECK(StatusOf(Contract({"第4条（事故時の報告）", "乙は、個人情報の漏えいが発生したときは、甲に報告する。"}), "breach-notification") == "weak");
  // Only after the investigation.
  CHECK(StatusOf(Contract({"第4条（事故）", "乙は、個人情報の紛失が発生したときは、調査の結果を速やかに甲に報告する。"}), "breach-notification") == "weak");
  // Not this rule: legally compelled disclosure inside confidentiality.
  CHECK(StatusOf(Contract({"第4条（秘密保持）", "乙は、法令に基づき秘密情報の開示を求められた場合、速やかに甲に通知しなければならない。"}), "breach-notification") == "missing");
}

TEST_CASE("liability") {
  CHECK(StatusOf(Contract({"第5条（損害賠償）", "乙は、本契約に違反して甲に損害を与えたときは、その損害を賠償しなければならない。"}), "liability") == "present");
  // Cap with a carve-out for intent / gross negligence.
  CHECK(StatusOf(Contract({"第5条（損害賠償）", "乙は、本契約に違反して甲に損害を与えたときは、その損害を賠償する。", "2 前項の賠償額は委託料の総額を上限とする。ただし、乙の故意又は重大な過失による場合はこの限りでない。"}), "liability") == "present");
  // Cap without carve-out, and a limitation to direct, ordinary damage.
  CHECK(StatusOf(Contract({"第5条（損害賠償）", "乙は、本契約に違反して甲に損害を与えたときは、その損害を賠償する。ただし、賠償額は委託料の総額を上限とする。"}), "liability") == "weak");
  CHECK(StatusOf(Contract({"第5条（損害賠償）", "甲及び乙は、相手方の責めに帰すべき事由により直接かつ現実に生じた通常の損害に限り、賠償を請求することができる。"}), "liability") == "weak");
  // Exclusion of liability.
  CHECK(StatusOf(Contract({"第5条（免責）", "当社は、本サービスに起因して利用者に生じた損害について一切の責任を負わない。"}), "liability") == "weak");
  // Force majeure and warranty repair are other clauses.
  CHECK(StatusOf(Contract({"第5条（不可抗力）", "甲及び乙は、天災その他の不可抗力による履行遅滞についてその責を負わない。"}), "liability") == "missing");
}

TEST_CASE("recommended requirements") {
  Lines nda = Contract({"第2条（定義）", "本契約において「秘密情報」とは、甲が乙に開示した技術上又は営業上の一切の情報をいう。ただし、開示時に公知であった情報を除く。",
                        "第3条（秘密保持）", "乙は、秘密情報を第三者に開示し、又は漏えいしてはならない。", "2 乙は、秘密情報を本業務の目的以外に使用してはならない。",
                        "3 乙は、甲の事前の承諾なく秘密情報を複製してはならない。", "4 本条の義務は、本契約の終了後も3年間存続する。",
                        "第4条（安全管理）", "乙は、秘密情報を善良な管理者の注意をもって管理し、アクセス制限その他必要な措置を講じなければならない。",
                        "第5条（解除）", "甲は、乙が本契約に違反したときは、本契約を解除することができる。"});
  DocumentReport r = Check(nda);
  for (const char* id : {"confidential-definition", "confidentiality", "purpose-limitation", "copy-restriction",
                         "security-measures", "survival", "termination-for-breach"})
    CHECK_MESSAGE(StatusName(Find(r, id).status) == std::string("present"), id);
  CHECK(StatusName(Find(r, "audit").status) == std::string("missing"));
  CHECK(StatusName(Find(r, "data-location").status) == std::string("missing"));
  CHECK(StatusOf(Contract({"第6条（個人情報）", "乙は、個人情報を適切に管理するものとする。"}), "security-measures") == "weak");
  CHECK(StatusOf(Contract({"第6条（法令遵守）", "乙は、関係法令を遵守する。"}), "compliance") == "weak");
  CHECK(StatusOf(Contract({"第6条（法令遵守）", "乙は、個人情報保護法その他の関係法令を遵守する。"}), "compliance") == "present");
  CHECK(StatusOf(Contract({"第6条（監査）", "甲は、乙における個人情報の取扱状況について監査することができる。"}), "audit") == "present");
  CHECK(StatusOf(Contract({"第6条（報告）", "乙は、甲の求めに応じて業務の進捗を報告する。"}), "audit") == "weak");
  CHECK(StatusOf(Contract({"第6条（従業者）", "乙は、従業者に本契約上の秘密保持義務を遵守させなければならない。"}), "personnel") == "present");
  CHECK(StatusOf(Contract({"第6条（存続）", "第5条の規定は、本契約の終了後も有効に存続する。"}), "survival") == "weak");
}

TEST_CASE("hard-wrapped lines are read as one sentence") {
  Lines wrapped = Contract({"第2条（事故の報告）", "乙は、個人情報の漏えいが発生したときは、直ちに甲に報", "告しなければならない。"});
  CHECK(StatusOf(wrapped, "breach-notification") == "present");
}

TEST_CASE("a clause found by any of its alternatives, with the union of their terms tested first") {
  // Each alternative of the default pack's re-delegation clause alone: the
  // need tested before the alternatives must let each of them through.
  CHECK(StatusOf(Contract({"第5条（再委託）", "乙は、甲の書面による事前の承諾を得なければ、本業務を第三者に再委託してはならない。"}),
                 "redelegation") == "present");
  CHECK(StatusOf(Contract({"第5条（委託先）", "乙は、甲の書面による事前の承諾を得なければ、本業務の全部又は一部を第三者に委託してはならない。"}),
                 "redelegation") == "present");
  CHECK(StatusOf(Contract({"第5条（業務の遂行）", "乙は、本業務を自ら誠実に遂行する。"}), "redelegation") == "missing");
}

TEST_CASE("a later pack overrides severity and disables a requirement") {
  std::string dir = std::string(CLAUSEGAP_SOURCE_DIR) + "/rules";
  std::string playbook = std::string(CLAUSEGAP_BINARY_DIR) + "/engine_test_playbook.json";
  FILE* f = std::fopen(playbook.c_str(), "w");
  REQUIRE(f);
  std::fputs(R"({"overrides": [{"id": "audit", "severity": "required"}, {"id": "data-location", "enabled": false}]})", f);
  std::fclose(f);
  auto pack = LoadRulePacks({dir, playbook});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  DocumentReport r = Check(Contract({}), *pack);
  CHECK(r.requirements.size() == 14);
  CHECK(Find(r, "audit").severity == Severity::kRequired);
  for (const RequirementResult& x : r.requirements) CHECK(x.id != "data-location");
}

TEST_CASE("pending deletions of a required clause are reported") {
  model::Document doc = testing::DocumentFromLines(Contract({"第2条（再委託の禁止）", "乙は、甲の事前の承諾なく本業務を第三者に再委託してはならない。"}));
  model::Revision rev;
  rev.kind = model::RevisionKind::kDeletion;
  rev.author = "山田";
  rev.date = "2026-11-30T10:00:00Z";
  rev.text = "乙は、甲の事前の承諾なく本業務を第三者に再委託してはならない。";
  rev.part = doc.main_part;
  rev.paragraph = 5;
  rev.block = 5;
  doc.revisions.push_back(rev);
  structure::Structure st = structure::Analyze(doc);
  auto pack = LoadRulePacks({std::string(CLAUSEGAP_SOURCE_DIR) + "/rules"});
  REQUIRE(pack);
  Engine engine(*pack);
  DocumentReport r = engine.Evaluate(doc, st, testing::SharedTagger());
  const RequirementResult& red = Find(r, "redelegation");
  REQUIRE(red.pending_revisions.size() == 1);
  CHECK(red.pending_revisions[0].label == "第2条");
  CHECK(red.pending_revisions[0].message == "第2条 is deleted in a pending revision by 山田 (2026-11-30)");
  CHECK(Find(r, "audit").pending_revisions.empty());
}

}  // namespace
}  // namespace clausegap::engine
