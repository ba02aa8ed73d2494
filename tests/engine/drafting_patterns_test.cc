// The default pack on drafting variants written for these tests (not taken
// from the samples or the dev corpus): several phrasings per requirement, and
// the mention-only, negated and proviso cases that must not count.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/engine_test_util.h"
#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

using testing::StatusOf;
using Lines = std::vector<std::string>;

// A short outsourcing contract: preamble, 第1条 and the given lines.
Lines Deal(const Lines& articles) {
  Lines lines = {"事務処理委託契約書",
                 "株式会社かもめ商事（以下「甲」という。）と株式会社いちょう事務サービス（以下「乙」という。）は、次のとおり契約を締結する。",
                 "第1条（委託）", "甲は、乙に対し、受注伝票の処理業務（以下「本業務」という。）を委託する。"};
  lines.insert(lines.end(), articles.begin(), articles.end());
  return lines;
}

std::vector<std::string> Numbers(const std::string& sentence, bool numbered = false) {
  std::vector<std::string> out;
  for (const CitedArticle& c : CitedArticles(sentence, numbered))
    out.push_back(c.number.empty() ? (c.offset < 0 ? "前条" : "本条") : c.number);
  return out;
}

TEST_CASE("article citations") {
  using V = std::vector<std::string>;
  CHECK(Numbers("第7条から第9条まで、第12条及び第21条の規定") == V{"7", "8", "9", "12", "21"});
  CHECK(Numbers("第十二条及び第十四条の規定") == V{"12", "14"});
  CHECK(Numbers("第二十三条乃至第二十五条") == V{"23", "24", "25"});
  CHECK(Numbers("第5条の2第1項に定める") == V{"5の2"});
  CHECK(Numbers("第3条第2項から第5条までの規定") == V{"3", "4", "5"});
  CHECK(Numbers("前条の義務") == V{"前条"});
  CHECK(Numbers("本条の規定") == V{"本条"});
  // A statute's article is not one of the contract's.
  CHECK(Numbers("個人情報保護法第2条第1項に定める個人情報") == V{});
  CHECK(Numbers("民法第416条の範囲") == V{});
  // Numbered clauses are cited by their numbers, only in such documents.
  CHECK(Numbers("3.、8.及び9.2の規定", true) == V{"3", "8", "9.2"});
  CHECK(Numbers("3.、8.及び9.2の規定", false) == V{});
  CHECK(Numbers("金1,500円を支払う", true) == V{});
}

TEST_CASE("survival: lists of articles are resolved by their headings") {
  Lines body = {"第2条（機密の保持）", "乙は、本業務に関して知り得た甲の情報を、第三者に漏らしてはならない。",
                "第3条（損害賠償）", "乙は、本契約に違反して甲に損害を与えたときは、これを賠償する。",
                "第4条（合意管轄）", "本契約に関する紛争は、東京地方裁判所を第一審の専属的合意管轄裁判所とする。"};
  auto with = [&](const std::string& survival) {
    Lines l = body;
    l.push_back("第5条（残存条項）");
    l.push_back(survival);
    return Deal(l);
  };
  CHECK(StatusOf(with("本契約が失効した後においても、第2条及び第3条の規定は、引き続き効力を有するものとする。"), "survival") == "present");
  CHECK(StatusOf(with("第2条から第4条までの規定は、本契約の終了後もなお有効とする。"), "survival") == "present");
  // The list leaves the confidentiality article out.
  CHECK(StatusOf(with("第3条及び第4条の規定は、本契約の終了後も存続する。"), "survival") == "weak");
  // 前条: the article before the survival sentence.
  Lines prev = Deal({"第2条（守秘義務）", "乙は、甲の書面による承諾なく、甲の顧客に関する情報を第三者に提供してはならない。",
                     "第3条（義務の存続）", "前条の義務は、本契約の終了後五年間存続する。"});
  CHECK(StatusOf(prev, "survival") == "present");
  // Anaphora inside the confidentiality article.
  Lines same = Deal({"第2条（秘密の保持）", "乙は、本業務に関して知り得た甲の秘密を他に漏らしてはならない。契約の終了後も同様とする。"});
  CHECK(StatusOf(same, "survival") == "present");
  CHECK(StatusOf(Deal({"第2条（秘密の保持）", "乙は、本業務に関して知り得た甲の秘密を他に漏らしてはならない。"}), "survival") == "missing");
}

TEST_CASE("survival: kanji article numbers") {
  Lines kanji = {"事務処理委託契約書", "甲と乙は、次のとおり契約を締結する。",
                 "第一条（目的）", "本契約は、甲が乙に委託する業務の条件を定める。",
                 "第十条（秘密保持）", "乙は、甲の営業上の情報を第三者に開示してはならない。",
                 "第十一条（有効期間）", "本契約の有効期間は一年とする。", "２　第十条の規定は、本契約の終了後も三年間効力を有する。"};
  CHECK(StatusOf(kanji, "survival") == "present");
}

TEST_CASE("confidential-definition: defined names of protected information") {
  CHECK(StatusOf(Deal({"第2条（定義）", "本契約において「利用者データ」とは、乙が本業務に関し取得した利用者の氏名、連絡先その他一切の情報をいう。"}),
                 "confidential-definition") == "present");
  CHECK(StatusOf(Deal({"第2条（取引先情報）", "乙は、甲の取引先の担当者名、電話番号その他の個人情報（以下「取引先情報」という。）を適切に取り扱う。"}),
                 "confidential-definition") == "present");
  // Undefined, or a defined name that is not information.
  CHECK(StatusOf(Deal({"第2条（秘密保持）", "乙は、甲の秘密情報を第三者に開示してはならない。"}), "confidential-definition") == "missing");
  CHECK(StatusOf(Deal({"第2条（法令遵守）", "乙は、個人情報の保護に関する法律（以下「個人情報保護法」という。）を遵守する。"}),
                 "confidential-definition") == "missing");
}

TEST_CASE("purpose-limitation: only for the purpose, or not for other purposes") {
  CHECK(StatusOf(Deal({"第2条（利用目的）", "乙は、提供データを本業務の目的に限り利用するものとし、他の目的のために利用しない。"}), "purpose-limitation") == "present");
  CHECK(StatusOf(Deal({"第2条（目的外使用）", "乙は、開示された情報を本取引の検討以外の目的に用いてはならない。"}), "purpose-limitation") == "present");
  CHECK(StatusOf(Deal({"第2条（個人情報）", "乙は、個人情報を本業務の遂行のためにのみ使用し、その他の用途に利用してはならない。"}), "purpose-limitation") == "present");
  CHECK(StatusOf(Deal({"第2条（目的外利用）", "乙は、甲のサービスを利用する顧客の個人情報を本業務の目的以外に利用してはならない。"}), "purpose-limitation") == "present");
  // The purpose of the contract itself, and a service-use rule.
  CHECK(StatusOf(Deal({"第2条（目的）", "本契約は、甲が乙に委託する業務の条件を定めることを目的とする。"}), "purpose-limitation") == "missing");
  CHECK(StatusOf(Deal({"第2条（禁止事項）", "利用者は、本サービスを目的外に利用してはならない。"}), "purpose-limitation") == "missing");
}

TEST_CASE("data-location: where or how long the data is kept") {
  CHECK(StatusOf(Deal({"第2条（保管）", "乙は、預託データを甲が指定する場所においてのみ保管する。"}), "data-location") == "present");
  CHECK(StatusOf(Deal({"第2条（保管）", "乙は、本業務で取得した個人情報を国外のサーバに保存してはならない。"}), "data-location") == "present");
  CHECK(StatusOf(Deal({"第2条（保管）", "乙は、個人データを日本国外へ移転しない。"}), "data-location") == "present");
  CHECK(StatusOf(Deal({"第2条（記録）", "乙は、問合せの記録を受付日から六か月間保存し、その後速やかに消去する。"}), "data-location") == "present");
  // The place of work, a locked cabinet, a standard of care: not where data is kept.
  CHECK(StatusOf(Deal({"第2条（作業場所）", "乙は、本業務を乙の大阪事務所において実施する。"}), "data-location") == "missing");
  CHECK(StatusOf(Deal({"第2条（管理）", "乙は、甲の資料を施錠できるキャビネットに保管する。"}), "data-location") == "missing");
  CHECK(StatusOf(Deal({"第2条（管理）", "乙は、秘密情報を善良な管理者の注意をもって保管する。"}), "data-location") == "missing");
}

TEST_CASE("audit: audits and site inspections, reports on handling") {
  CHECK(StatusOf(Deal({"第2条（調査）", "甲は、必要に応じて乙の作業場所に立ち入り、業務の実施状況を点検することができる。"}), "audit") == "present");
  CHECK(StatusOf(Deal({"第2条（報告）", "乙は、個人情報の取扱いに関する甲の調査に協力し、甲の求めに応じて報告しなければならない。"}), "audit") == "present");
  CHECK(StatusOf(Deal({"第2条（報告）", "乙は、甲の求めに応じ、本業務の進捗状況を報告する。"}), "audit") == "weak");
  // Staff entering the client's office, and acceptance of deliverables.
  CHECK(StatusOf(Deal({"第2条（入館）", "乙の従業者が甲の事業所に立ち入るときは、乙は甲の入館規則を従業者に遵守させる。"}), "audit") == "missing");
  CHECK(StatusOf(Deal({"第2条（検収）", "甲は、納入物の検査を行う。"}), "audit") == "missing");
}

TEST_CASE("return-deletion: paper only vs electronic data") {
  CHECK(StatusOf(Deal({"第2条（返却）", "乙は、本契約が終了したときは、甲から受け取った書類を甲に返却する。"}), "return-deletion") == "weak");
  CHECK(StatusOf(Deal({"第2条（返却）", "乙は、本契約が終了したときは、甲から受け取った紙媒体の伝票を甲に返却する。"}), "return-deletion") == "weak");
  CHECK(StatusOf(Deal({"第2条（返却）", "乙は、本契約が終了したときは、甲から受け取った書類及び電子データを返却し、又は消去する。"}), "return-deletion") == "present");
  CHECK(StatusOf(Deal({"第2条（返還）", "本契約の満了又は解除の場合、乙は、保有する顧客情報を記録した媒体を甲に返還する。"}), "return-deletion") == "present");
}

TEST_CASE("redelegation: other phrasings") {
  CHECK(StatusOf(Deal({"第2条（委託の制限）", "乙は、甲の書面による同意を得た場合を除き、本業務の処理を他の事業者に委託してはならない。"}), "redelegation") == "present");
  CHECK(StatusOf(Deal({"第2条（再委託）", "乙は、甲の事前の書面による承諾なしに、本業務を再委託しないものとする。"}), "redelegation") == "present");
  CHECK(StatusOf(Deal({"第2条（再委託）", "乙は、甲に通知することにより、本業務の一部を再委託することができる。"}), "redelegation") == "weak");
}

TEST_CASE("breach-notification: other phrasings") {
  CHECK(StatusOf(Deal({"第2条（事故）", "乙は、個人情報の流出又はそのおそれがある事態を認識した場合には、遅滞なく甲にその旨を連絡する。"}), "breach-notification") == "present");
  CHECK(StatusOf(Deal({"第2条（事故）", "乙は、甲の情報への不正アクセスを検知したときは、検知から72時間以内に甲へ報告しなければならない。"}), "breach-notification") == "present");
  CHECK(StatusOf(Deal({"第2条（事故）", "乙は、秘密情報を紛失したときは、甲に通知するものとする。"}), "breach-notification") == "weak");
  // A timely first report, then the investigation's result: not "only after the investigation".
  CHECK(StatusOf(Deal({"第2条（事故）", "乙は、顧客情報の漏えいが発生したときは、直ちに甲に報告し、原因を調査のうえ、調査の結果を書面で報告する。"}), "breach-notification") == "present");
  CHECK(StatusOf(Deal({"第2条（事故）", "乙は、顧客情報の漏えいが発生したときは、原因の調査を終えた後、速やかに甲に報告する。"}), "breach-notification") == "weak");
  CHECK(StatusOf(Deal({"第2条（不可抗力）", "乙は、天災により履行が遅れるときは、直ちに甲に通知する。"}), "breach-notification") == "missing");
}

TEST_CASE("compliance: data-protection law named, not any guideline") {
  CHECK(StatusOf(Deal({"第2条（法令遵守）", "乙は、甲の商品を購入した顧客の個人情報について、個人情報保護法を遵守する。"}), "compliance") == "present");
  CHECK(StatusOf(Deal({"第2条（法令遵守）", "乙は、本業務に関する関係法令及び監督官庁のガイドラインを遵守する。"}), "compliance") == "weak");
}

TEST_CASE("liability: caps in their own sentence") {
  Lines capped = Deal({"第2条（損害賠償）", "乙は、本契約に違反して甲に損害を与えたときは、その損害を賠償する。",
                       "2　前項の損害賠償の額は、甲が乙に支払った直近三か月分の委託料を限度とする。"});
  CHECK(StatusOf(capped, "liability") == "weak");
  Lines carved = capped;
  carved.push_back("3　前項の規定は、乙の故意又は重大な過失による損害には適用しない。");
  CHECK(StatusOf(carved, "liability") == "present");
}

}  // namespace
}  // namespace clausegap::engine
