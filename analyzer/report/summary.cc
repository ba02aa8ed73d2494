#include "report/summary.h"

#include <algorithm>

namespace clausegap::report {

const char* FailOnName(FailOn level) {
  switch (level) {
    case FailOn::kMissing: return "missing";
    case FailOn::kWeak: return "weak";
    case FailOn::kNever: return "never";
  }
  return "missing";
}

Expected<FailOn> ParseFailOn(std::string_view name) {
  for (FailOn level : {FailOn::kMissing, FailOn::kWeak, FailOn::kNever}) {
    if (name == FailOnName(level)) return level;
  }
  return MakeError(ErrorCode::kUsage, "--fail-on: unknown level '" + std::string(name) +
                                          "' (valid: missing, weak, never)");
}

namespace {

// Returns true when |status| is at or below |level|.
bool BelowLevel(engine::Status status, FailOn level) {
  switch (level) {
    case FailOn::kMissing: return status == engine::Status::kMissing;
    case FailOn::kWeak: return status != engine::Status::kPresent;
    case FailOn::kNever: return false;
  }
  return false;
}

}  // namespace

bool FailsGate(const engine::DocumentReport& report, FailOn level) {
  if (!report.ok) return false;
  return std::any_of(report.requirements.begin(), report.requirements.end(),
                     [level](const engine::RequirementResult& r) {
                       return r.severity == engine::Severity::kRequired &&
                              BelowLevel(r.status, level);
                     });
}

void AddToSummary(const engine::DocumentReport& report, Summary* summary) {
  ++summary->documents;
  if (!report.ok) {
    ++summary->errors;
    return;
  }
  if (FailsGate(report, summary->fail_on)) ++summary->failed;
  for (const engine::RequirementResult& r : report.requirements) {
    auto it = std::find_if(summary->requirements.begin(), summary->requirements.end(),
                           [&r](const RequirementCounts& c) { return c.id == r.id; });
    if (it == summary->requirements.end()) {
      summary->requirements.push_back(RequirementCounts{r.id});
      it = summary->requirements.end() - 1;
    }
    switch (r.status) {
      case engine::Status::kPresent: ++it->present; break;
      case engine::Status::kWeak: ++it->weak; break;
      case engine::Status::kMissing: ++it->missing; break;
    }
  }
}

Summary Summarize(const std::vector<engine::DocumentReport>& reports, FailOn fail_on) {
  Summary summary;
  summary.fail_on = fail_on;
  for (const engine::DocumentReport& report : reports) AddToSummary(report, &summary);
  return summary;
}

Outcome Decide(const Summary& summary) {
  if (summary.errors > 0) return Outcome::kUnreadable;
  if (summary.failed > 0) return Outcome::kGaps;
  return Outcome::kPass;
}

}  // namespace clausegap::report
