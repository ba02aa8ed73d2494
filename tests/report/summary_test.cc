#include "report/summary.h"

#include <doctest/doctest.h>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

using engine::Severity;
using engine::Status;
using testing::Requirement;

engine::DocumentReport OneRequired(Status status) {
  engine::DocumentReport doc;
  doc.file = "x.docx";
  doc.requirements.push_back(Requirement("redelegation", "再委託", Severity::kRequired, status));
  doc.requirements.push_back(
      Requirement("audit", "監査", Severity::kRecommended, Status::kMissing));
  return doc;
}

TEST_CASE("FailsGate looks at required requirements at or below the level") {
  CHECK(FailsGate(OneRequired(Status::kMissing), FailOn::kMissing));
  CHECK_FALSE(FailsGate(OneRequired(Status::kWeak), FailOn::kMissing));
  CHECK_FALSE(FailsGate(OneRequired(Status::kPresent), FailOn::kMissing));

  CHECK(FailsGate(OneRequired(Status::kMissing), FailOn::kWeak));
  CHECK(FailsGate(OneRequired(Status::kWeak), FailOn::kWeak));
  CHECK_FALSE(FailsGate(OneRequired(Status::kPresent), FailOn::kWeak));

  CHECK_FALSE(FailsGate(OneRequired(Status::kMissing), FailOn::kNever));
  CHECK_FALSE(FailsGate(OneRequired(Status::kWeak), FailOn::kNever));
}

TEST_CASE("a missing recommended requirement never fails the gate") {
  // OneRequired(kPresent) holds a missing *recommended* requirement.
  CHECK_FALSE(FailsGate(OneRequired(Status::kPresent), FailOn::kWeak));
}

TEST_CASE("an unreadable document is an error, not a gate failure") {
  CHECK_FALSE(FailsGate(testing::ErrorReport(), FailOn::kWeak));
}

TEST_CASE("Summarize counts documents, errors, failures and statuses per requirement") {
  std::vector<engine::DocumentReport> reports = {
      testing::MixedReport(), testing::CompleteReport(), testing::ErrorReport(),
      OneRequired(Status::kWeak)};
  Summary s = Summarize(reports, FailOn::kMissing);
  CHECK(s.fail_on == FailOn::kMissing);
  CHECK(s.documents == 4);
  CHECK(s.errors == 1);
  CHECK(s.failed == 1);  // only MixedReport has a missing required requirement
  REQUIRE(s.requirements.size() == 4);
  // First-seen order: MixedReport's requirements.
  CHECK(s.requirements[0].id == "redelegation");
  CHECK(s.requirements[0].present == 2);
  CHECK(s.requirements[0].weak == 1);
  CHECK(s.requirements[0].missing == 0);
  CHECK(s.requirements[1].id == "breach-notification");
  CHECK(s.requirements[1].weak == 1);
  CHECK(s.requirements[2].id == "liability");
  CHECK(s.requirements[2].missing == 1);
  CHECK(s.requirements[3].id == "audit");
  CHECK(s.requirements[3].present == 2);
  CHECK(s.requirements[3].missing == 1);

  Summary weak = Summarize(reports, FailOn::kWeak);
  CHECK(weak.failed == 2);
  CHECK(Summarize(reports, FailOn::kNever).failed == 0);
}

TEST_CASE("Decide: nothing readable is exit 2; gaps or read errors fail the gate") {
  Summary s;
  CHECK(Decide(s) == Outcome::kUnreadable);  // no documents at all
  s.documents = 3;
  CHECK(Decide(s) == Outcome::kPass);
  s.failed = 1;
  CHECK(Decide(s) == Outcome::kGaps);
  s.errors = 1;
  CHECK(Decide(s) == Outcome::kGaps);
  s.failed = 0;
  CHECK(Decide(s) == Outcome::kGaps);  // a file the gate could not check
  s.fail_on = FailOn::kNever;
  CHECK(Decide(s) == Outcome::kPass);
  s.errors = 3;
  CHECK(Decide(s) == Outcome::kUnreadable);  // none of the three could be read
}

TEST_CASE("exit policy per --fail-on level on the same reports") {
  std::vector<engine::DocumentReport> weak_only = {OneRequired(Status::kWeak)};
  CHECK(Decide(Summarize(weak_only, FailOn::kMissing)) == Outcome::kPass);
  CHECK(Decide(Summarize(weak_only, FailOn::kWeak)) == Outcome::kGaps);
  CHECK(Decide(Summarize(weak_only, FailOn::kNever)) == Outcome::kPass);

  std::vector<engine::DocumentReport> missing = {OneRequired(Status::kMissing)};
  CHECK(Decide(Summarize(missing, FailOn::kMissing)) == Outcome::kGaps);
  CHECK(Decide(Summarize(missing, FailOn::kWeak)) == Outcome::kGaps);
  CHECK(Decide(Summarize(missing, FailOn::kNever)) == Outcome::kPass);

  std::vector<engine::DocumentReport> unreadable = {testing::CompleteReport(),
                                                    testing::ErrorReport()};
  CHECK(Decide(Summarize(unreadable, FailOn::kMissing)) == Outcome::kGaps);
  CHECK(Decide(Summarize(unreadable, FailOn::kNever)) == Outcome::kPass);
  std::vector<engine::DocumentReport> none_readable = {testing::ErrorReport()};
  CHECK(Decide(Summarize(none_readable, FailOn::kNever)) == Outcome::kUnreadable);
}

TEST_CASE("ParseFailOn accepts the three levels and names them on error") {
  CHECK(ParseFailOn("missing").value() == FailOn::kMissing);
  CHECK(ParseFailOn("weak").value() == FailOn::kWeak);
  CHECK(ParseFailOn("never").value() == FailOn::kNever);
  auto bad = ParseFailOn("sometimes");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == ErrorCode::kUsage);
  CHECK(bad.error().message == "--fail-on: unknown level 'sometimes' (valid: missing, weak, never)");
  for (FailOn level : {FailOn::kMissing, FailOn::kWeak, FailOn::kNever}) {
    CHECK(ParseFailOn(FailOnName(level)).value() == level);
  }
}

}  // namespace
}  // namespace clausegap::report
