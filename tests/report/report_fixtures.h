// Hand-built engine results shared by the report tests.
#ifndef CLAUSEGAP_TESTS_REPORT_REPORT_FIXTURES_H_
#define CLAUSEGAP_TESTS_REPORT_REPORT_FIXTURES_H_

#include <string>

#include "engine/result.h"
#include "report/printer.h"

namespace clausegap::report::testing {

/// Printer options for tests that read the English wording.
inline PrinterOptions EnglishOptions(bool color = false, FailOn fail_on = FailOn::kWeak) {
  PrinterOptions options;
  options.color = color;
  options.lang = i18n::Lang::kEn;
  options.fail_on = fail_on;
  return options;
}

inline engine::RequirementResult Requirement(std::string id, std::string title,
                                             engine::Severity severity, engine::Status status) {
  engine::RequirementResult r;
  r.id = std::move(id);
  r.title = std::move(title);
  r.severity = severity;
  r.status = status;
  return r;
}

/// A contract with one present, one weak and one missing required
/// requirement, and a present recommended one with a recommended element not
/// found and a pending deletion.
inline engine::DocumentReport MixedReport() {
  engine::DocumentReport doc;
  doc.file = "samples/業務委託.docx";
  doc.title = "業務委託契約書";

  auto redelegation = Requirement("redelegation", "再委託の禁止・制限",
                                  engine::Severity::kRequired, engine::Status::kPresent);
  redelegation.elements.push_back(
      {"prior-consent", "事前の承諾なく再委託しない", true, true,
       {{"第8条", "再委託の禁止", "乙は、甲の事前の書面による承諾を得なければ、本業務を第三者に再委託してはならない。", 12, 20}}});
  redelegation.evidence.push_back(
      {"第8条", "再委託の禁止", "乙は、甲の事前の書面による承諾を得なければ、本業務を第三者に再委託してはならない。", 12, 20});
  doc.requirements.push_back(redelegation);

  auto breach = Requirement("breach-notification", "漏えい等の事故発生時の報告",
                            engine::Severity::kRequired, engine::Status::kWeak);
  breach.reasons.push_back("報告義務に期限（直ちに、速やかに等）がない。");
  breach.elements.push_back({"report-duty", "事故を相手方に報告する", true, true,
                             {{"第10条第2項", "事故時の対応", "乙は、漏えいが生じたときは、甲に報告する。", 20, 31}}});
  breach.elements.push_back({"timeliness", "直ちに・速やかに等の期限", true, false, {}});
  breach.evidence.push_back({"第10条第2項", "事故時の対応", "乙は、漏えいが生じたときは、甲に報告する。", 20, 31});
  breach.suggestion = "乙は、秘密情報の漏えい等の事故が発生したときは、直ちに甲に報告し、\n甲の指示に従うものとする。";
  doc.requirements.push_back(breach);

  auto liability = Requirement("liability", "損害賠償の範囲・責任分担", engine::Severity::kRequired,
                               engine::Status::kMissing);
  liability.reasons.push_back("損害賠償の条項が見当たらない。");
  liability.elements.push_back({"compensation", "違反した当事者が損害を賠償する", true, false, {}});
  liability.suggestion = "甲又は乙は、本契約に違反して相手方に損害を与えたときは、その損害を賠償する。";
  doc.requirements.push_back(liability);

  auto audit = Requirement("audit", "監査", engine::Severity::kRecommended,
                           engine::Status::kPresent);
  audit.elements.push_back({"on-site", "立入検査", false, false, {}});
  audit.evidence.push_back({"第12条", "", "甲は、乙に対し、報告を求めることができる。", 40, 50});
  audit.pending_revisions.push_back({"deletion", "山田", "2024-05-01T10:00:00Z", "第12条",
                                     "甲は、乙に対し、報告を求めることができる。",
                                     "第12条 is deleted in a pending revision by 山田"});
  doc.requirements.push_back(audit);
  return doc;
}

/// A report in which every requirement is present.
inline engine::DocumentReport CompleteReport() {
  engine::DocumentReport doc;
  doc.file = "complete.docx";
  doc.title = "秘密保持契約書";
  auto r = Requirement("redelegation", "再委託の禁止・制限", engine::Severity::kRequired,
                       engine::Status::kPresent);
  r.evidence.push_back({"第3条", "再委託", "乙は、再委託してはならない。", 5, 6});
  // A suggestion on a present requirement must never be printed as a gap.
  r.suggestion = "SHOULD-NOT-APPEAR";
  doc.requirements.push_back(r);
  doc.requirements.push_back(Requirement("audit", "監査", engine::Severity::kRecommended,
                                         engine::Status::kPresent));
  return doc;
}

/// A document that could not be read.
inline engine::DocumentReport ErrorReport() {
  engine::DocumentReport doc;
  doc.file = "old.doc";
  doc.ok = false;
  doc.error_code = "legacy-doc";
  doc.error = "old.doc: a Word 97-2003 .doc file, not .docx";
  return doc;
}

}  // namespace clausegap::report::testing

#endif  // CLAUSEGAP_TESTS_REPORT_REPORT_FIXTURES_H_
