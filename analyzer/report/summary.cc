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

void MergeSummary(const Summary& part, Summary* total) {
  total->documents += part.documents;
  total->errors += part.errors;
  total->failed += part.failed;
  total->skipped += part.skipped;
  total->litter += part.litter;
  total->warnings += part.warnings;
  total->waived += part.waived;
  for (const auto& [code, count] : part.error_codes) {
    auto it = std::find_if(total->error_codes.begin(), total->error_codes.end(),
                           [&code = code](const auto& c) { return c.first == code; });
    if (it == total->error_codes.end()) {
      total->error_codes.emplace_back(code, count);
    } else {
      it->second += count;
    }
  }
  for (const RequirementCounts& c : part.requirements) {
    auto it = std::find_if(total->requirements.begin(), total->requirements.end(),
                           [&c](const RequirementCounts& t) { return t.id == c.id; });
    if (it == total->requirements.end()) {
      total->requirements.push_back(c);
    } else {
      it->present += c.present;
      it->weak += c.weak;
      it->missing += c.missing;
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

void PrintSummaryTable(const Summary& summary, std::ostream& out, i18n::Lang lang) {
  using i18n::Msg;
  out << i18n::Format(lang, Msg::kSummaryLine,
                      {std::to_string(summary.documents), std::to_string(summary.errors),
                       FailOnName(summary.fail_on), std::to_string(summary.failed),
                       std::to_string(summary.skipped), std::to_string(summary.warnings),
                       std::to_string(summary.waived), std::to_string(summary.litter)})
      << '\n';
  for (const auto& [code, count] : summary.error_codes) {
    out << i18n::Format(lang, Msg::kSummaryUnreadableCode, {code, std::to_string(count)}) << '\n';
  }
  // Display width: two columns per CJK character (three UTF-8 bytes each).
  auto shown = [](std::string_view s) {
    std::size_t w = 0;
    for (unsigned char c : s) {
      if (c < 0x80) ++w;
      else if ((c & 0xC0) != 0x80) w += 2;
    }
    return w;
  };
  std::string_view heading = i18n::Text(lang, Msg::kSummaryRequirement);
  std::size_t width = shown(heading);
  for (const RequirementCounts& c : summary.requirements) width = std::max(width, c.id.size());
  // Columns are right-aligned under headings that may be two columns per character.
  auto pad = [&](std::string_view s, std::size_t shown) {
    return std::string(s) + std::string(width - shown + 2, ' ');
  };
  auto right = [](std::string_view s, std::size_t shown, std::size_t column) {
    return std::string(column > shown ? column - shown : 1, ' ') + std::string(s);
  };
  std::string_view present = i18n::Text(lang, Msg::kSummaryPresent);
  std::string_view weak = i18n::Text(lang, Msg::kSummaryWeak);
  std::string_view missing = i18n::Text(lang, Msg::kSummaryMissing);
  out << pad(heading, shown(heading)) << right(present, shown(present), 7)
      << right(weak, shown(weak), 9) << right(missing, shown(missing), 9) << '\n';
  char row[64];
  for (const RequirementCounts& c : summary.requirements) {
    std::snprintf(row, sizeof row, "%7d %8d %8d\n", c.present, c.weak, c.missing);
    out << pad(c.id, c.id.size()) << row;
  }
}

}  // namespace clausegap::report
