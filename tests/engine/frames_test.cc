// Duty frames and party roles read from single sentences (engine/frames.h,
// engine/parties.h): parties from preambles in several drafting styles,
// the bound party, modality of the main predicate and consent polarity.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/frames.h"
#include "engine/parties.h"
#include "engine/rule_pack_internal.h"
#include "text/normalize.h"

namespace clausegap::engine {
namespace {

std::string N(const std::string& s) { return text::Normalize(s).text; }

PartyMap Parties(const std::vector<std::string>& lines, std::string_view vendor = {}) {
  std::vector<std::string> normalized;
  for (const std::string& l : lines) normalized.push_back(N(l));
  const std::vector<std::string_view> views(normalized.begin(), normalized.end());
  return ResolveParties(views, views.size(), vendor);
}

Frame Read(const PartyMap& parties, const std::string& sentence) { return ReadFrame(N(sentence), parties); }

const PartyMap& Standard() {
  static const PartyMap map = Parties({"株式会社かもめ商事（以下「甲」という。）と株式会社いちょう事務（以下「乙」という。）は、"
                                       "甲が乙に委託する給与計算業務について、次のとおり契約を締結する。"});
  return map;
}

TEST_CASE("parties: 甲 entrusts 乙") {
  const PartyMap& p = Standard();
  CHECK(p.RolesOf("甲") == kRoleClient);
  CHECK(p.RolesOf("乙") == kRoleVendor);
  CHECK(p.vendor == "乙");
  CHECK(p.client == "甲");
  REQUIRE(p.parties.size() == 2);
  CHECK(p.parties[0].full_name == "株式会社かもめ商事");
  CHECK(p.parties[0].role == PartyRole::kClient);
  CHECK(p.parties[1].role == PartyRole::kVendor);
}

TEST_CASE("parties: reversed, 乙 entrusts 甲") {
  PartyMap p = Parties({"株式会社A（以下「甲」という。）と株式会社B（以下「乙」という。）は、乙が甲に委託する電話応対業務に関し、"
                        "次のとおり契約を締結する。"});
  CHECK(p.reversed);
  CHECK(p.RolesOf("甲") == kRoleVendor);
  CHECK(p.RolesOf("乙") == kRoleClient);
  CHECK(p.vendor == "甲");
  PartyMap q = Parties({"A社（以下「甲」という。）とB社（以下「乙」という。）は、次のとおり契約を締結する。",
                        "第1条 甲は、乙から、データ入力業務を受託する。"});
  CHECK(q.RolesOf("甲") == kRoleVendor);
}

TEST_CASE("parties: defined role names and aliases") {
  PartyMap p = Parties({"委託者である株式会社A（以下「甲」という。）と受託者である株式会社B（以下「乙」という。）は、次のとおり合意する。"});
  CHECK(p.RolesOf("甲") == kRoleClient);
  CHECK(p.RolesOf("乙") == kRoleVendor);
  PartyMap q = Parties({"株式会社A（以下「委託者」という。）と株式会社B（以下「受託者」という。）は、次のとおり契約を締結する。"});
  CHECK(q.vendor == "受託者");
  CHECK(q.client == "委託者");
  PartyMap r = Parties({"株式会社A（以下「甲」又は「委託者」という。）と株式会社B（以下「乙」又は「受託者」という。）は、"
                        "次のとおり契約を締結する。"});
  CHECK(r.RolesOf("乙") == kRoleVendor);
  CHECK(r.Display("乙") == "乙（受託者）");
}

TEST_CASE("parties: mutual NDA and terms of service") {
  PartyMap nda = Parties({"株式会社A（以下「甲」という。）と株式会社B（以下「乙」という。）は、相互に開示する秘密情報の取扱いについて、"
                          "次のとおり契約を締結する。"});
  CHECK(nda.mutual);
  CHECK(nda.RolesOf("甲") == kRoleBoth);
  CHECK(nda.RolesOf("乙") == kRoleBoth);
  CHECK(nda.RolesOf("開示者") == kRoleClient);
  CHECK(nda.RolesOf("受領者") == kRoleVendor);
  PartyMap tos = Parties({"この利用規約は、株式会社C（以下「当社」という。）が提供するサービスの利用条件を定めるものです。"});
  CHECK(tos.RolesOf("当社") == kRoleVendor);
  CHECK(tos.RolesOf("お客様") == kRoleClient);
}

TEST_CASE("parties: a trade name beside a role word takes the other role") {
  PartyMap p = Parties({"本書は、株式会社ノース（以下「ノース」という。）のサービスを利用する法人（以下「お客様」という。）と"
                        "ノースとの間の個人データの取扱いについて定める。"});
  CHECK(p.RolesOf("お客様") == kRoleClient);
  CHECK(p.RolesOf("ノース") == kRoleVendor);
  CHECK(p.vendor == "ノース");
  CHECK(p.client == "お客様");
  // Neither role known: nothing is guessed.
  PartyMap q = Parties({"株式会社ノース（以下「ノース」という。）と株式会社サウス（以下「サウス」という。）は、次のとおり合意する。"});
  CHECK(q.RolesOf("ノース") == 0u);
  CHECK(q.RolesOf("サウス") == 0u);
}

TEST_CASE("parties: role words a contract uses without defining them name its parties") {
  PartyMap p = Parties({"受注者は、発注者の承諾があるときを除き、第三者にその取扱いを委託してはならない。",
                        "受注者は、事故が発生したときは、速やかに発注者に報告しなければならない。"});
  CHECK(p.vendor == "受注者");
  CHECK(p.client == "発注者");
  // A contract that uses 甲 and 乙 keeps them, whatever role words it also holds.
  PartyMap q = Parties({"乙は、善良な管理者の注意をもって甲の資料を管理しなければならない。"});
  CHECK(q.vendor == "乙");
  CHECK(q.client == "甲");
}

TEST_CASE("parties: --vendor overrides an unclear document") {
  PartyMap p = Parties({"A社（以下「甲」という。）とB社（以下「乙」という。）は、次のとおり契約を締結する。"}, "甲");
  CHECK(p.RolesOf("甲") == kRoleVendor);
  CHECK(p.RolesOf("乙") == kRoleClient);
  CHECK(p.vendor == "甲");
}

TEST_CASE("frames: the bound party is the topic, not a party in a condition or an aside") {
  const PartyMap& p = Standard();
  CHECK(Read(p, "乙は、甲の承諾なく、本業務を第三者に再委託してはならない。").bound == kRoleVendor);
  CHECK(Read(p, "甲は、乙が本契約に違反したときは、本契約を解除することができる。").bound == kRoleClient);
  CHECK(Read(p, "乙（乙の従業者を含む。以下同じ。）は、秘密情報を第三者に開示してはならない。").bound == kRoleVendor);
  CHECK(Read(p, "甲及び乙は、相手方の秘密情報を第三者に開示してはならない。").bound == kRoleBoth);
  CHECK(Read(p, "本契約が終了したときは、乙は、資料を返還しなければならない。").bound == kRoleVendor);
  CHECK(Read(p, "秘密情報は、第三者に開示されてはならない。").bound == 0);
  // 再受託者 is not 受託者.
  PartyMap q = Parties({"A（以下「委託者」という。）とB（以下「受託者」という。）は、次のとおり契約を締結する。"});
  CHECK(Read(q, "再受託者は、本契約と同等の義務を負う。").bound == 0);
}

TEST_CASE("frames: modality of the main predicate, asides set apart") {
  const PartyMap& p = Standard();
  CHECK(Read(p, "乙は、資料を返還しなければならない。").modality == kObligation);
  CHECK(Read(p, "乙は、資料を返還する必要はない。").modality == kNotRequired);
  CHECK(Read(p, "乙は、資料を返還することを要しない。").modality == kNotRequired);
  CHECK(Read(p, "乙は、甲に対し一切の責任を負わないものとする。").modality == kNotRequired);
  CHECK(Read(p, "乙は、漏えいを知ったときは、甲に報告するよう努めるものとする。").modality == kEffort);
  CHECK(Read(p, "甲が異議を述べないときは、甲は再委託を承諾したものとみなす。").modality == kDeemed);
  CHECK(Read(p, "乙は、その損害（弁護士費用を含む。）を賠償しなければならない。").modality == kObligation);
  CHECK(Read(p, "乙は、秘密情報を第三者に開示してはならない（法令による場合を除く。）。").modality == kProhibition);
  CHECK(Read(p, "ただし、甲の承諾を得た場合はこの限りでない。").modality == kException);
}

TEST_CASE("frames: consent polarity flips with the modality") {
  const PartyMap& p = Standard();
  auto consent = [&](const std::string& s) { return Read(p, s).consent; };
  CHECK(consent("乙は、甲の承諾なく、本業務を第三者に再委託してはならない。") == Consent::kRequired);
  CHECK(consent("乙は、甲の承諾なく、本業務を第三者に再委託することができる。") == Consent::kNotRequired);
  CHECK(consent("乙は、甲の承諾を得ずに、本業務を第三者に再委託することができる。") == Consent::kNotRequired);
  CHECK(consent("乙は、甲の承諾を要することなく、本業務の一部を再委託できる。") == Consent::kNotRequired);
  CHECK(consent("乙が本業務を再委託するにあたり、甲の承諾は不要とする。") == Consent::kNotRequired);
  CHECK(consent("乙は、甲の書面による事前の承諾を得た場合に限り、本業務を再委託することができる。") == Consent::kRequired);
  CHECK(consent("乙は、委託者の承認があるときを除き、第三者にその取扱いを委託してはならない。") == Consent::kRequired);
  CHECK(consent("乙は、甲が書面により認めた場合を除き、本業務を再委託してはならない。") == Consent::kRequired);
  CHECK(consent("乙は、本業務を第三者に再委託することができる。") == Consent::kNone);
  CHECK(Read(p, "乙は、甲に通知することにより、本業務を再委託することができる。").notice_only);
}

TEST_CASE("frames: triggers") {
  const PartyMap& p = Standard();
  CHECK((Read(p, "乙は、本契約が終了したときは、資料を返還する。").triggers & kTriggerEnd) != 0);
  CHECK((Read(p, "乙は、甲の請求があったときは、資料を返還する。").triggers & kTriggerRequest) != 0);
  CHECK((Read(p, "乙は、資料が不要になったと判断したときは、これを廃棄する。").triggers & kTriggerDiscretion) != 0);
  // The judge named between: the vendor's judgement, not the client's.
  CHECK((Read(p, "乙は、個人情報が不要になったと乙が判断したときは、これを廃棄する。").triggers & kTriggerDiscretion) != 0);
  CHECK((Read(p, "乙は、乙の判断により、個人情報を廃棄することができる。").triggers & kTriggerDiscretion) != 0);
  CHECK((Read(p, "乙は、個人情報が不要になったと甲が判断したときは、これを廃棄する。").triggers & kTriggerDiscretion) == 0);
  CHECK((Read(p, "乙は、甲の判断に従い、個人情報を廃棄する。").triggers & kTriggerDiscretion) == 0);
  // Judging that an incident happened is knowing of it, not a choice.
  CHECK((Read(p, "乙は、個人情報が漏えいし、又はそのおそれがあると認めたときは、直ちに甲に連絡する。").triggers &
         kTriggerDiscretion) == 0);
  CHECK((Read(p, "乙は、報告の必要があると認めたときは、甲に報告する。").triggers & kTriggerDiscretion) != 0);
  CHECK((Read(p, "乙は、個人情報の漏えいが発生したときは、直ちに甲に報告する。").triggers & kTriggerIncident) != 0);
}

TEST_CASE("StripParentheses") {
  CHECK(StripParentheses(N("乙（再委託先を含む。（注）)は、")) == N("乙は、"));
  CHECK(StripParentheses("a(b)c") == "ac");
  // An unbalanced bracket keeps the rest.
  CHECK(StripParentheses("a(bc") == "a(bc");
}

}  // namespace
}  // namespace clausegap::engine
