#include "report/summary.h"

#include <algorithm>
#include <cstdio>

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
                       return r.severity == engine::Severity::kRequired && !r.waived &&
                              BelowLevel(r.status, level);
                     });
}

void AddToSummary(const engine::DocumentReport& report, Summary* summary) {
  ++summary->documents;
  if (!report.ok) {
    ++summary->errors;
    auto code = std::find_if(summary->error_codes.begin(), summary->error_codes.end(),
                             [&report](const auto& c) { return c.first == report.error_code; });
    if (code == summary->error_codes.end()) {
      summary->error_codes.emplace_back(report.error_code, 1);
    } else {
      ++code->second;
    }
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
    if (r.waived) ++summary->waived;
    if (r.status == engine::Status::kWeak && !r.waived) ++summary->warnings;
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
  if (summary.documents == 0 || summary.errors == summary.documents) return Outcome::kUnreadable;
  if (summary.failed > 0) return Outcome::kGaps;
  if (summary.max_warnings >= 0 && summary.warnings > summary.max_warnings) return Outcome::kGaps;
  if (summary.errors > 0 && summary.fail_on != FailOn::kNever) return Outcome::kGaps;
  return Outcome::kPass;
}

void PrintSummaryTable(const Summary& summary, std::ostream& out) {
  out << "documents " << summary.documents << ", unreadable " << summary.errors
      << ", failing the gate (--fail-on " << FailOnName(summary.fail_on) << ") "
      << summary.failed << ", skipped (not contracts) " << summary.skipped
      << ", skipped (lock files, OS litter) " << summary.litter << ", weak findings "
      << summary.warnings << ", waived " << summary.waived << '\n';
  for (const auto& [code, count] : summary.error_codes) {
    out << "  unreadable: " << code << ' ' << count << '\n';
  }
  std::size_t width = 11;
  for (const RequirementCounts& c : summary.requirements) width = std::max(width, c.id.size());
  auto pad = [&](const std::string& s) { return s + std::string(width - s.size() + 2, ' '); };
  out << pad("requirement") << "present     weak  missing\n";
  char row[64];
  for (const RequirementCounts& c : summary.requirements) {
    std::snprintf(row, sizeof row, "%7d %8d %8d\n", c.present, c.weak, c.missing);
    out << pad(c.id) << row;
  }
}

}  // namespace clausegap::report
