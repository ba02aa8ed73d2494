// The totals of a `check` run and the pass/fail gate, computed from the
// per-document reports.
//
// Plain values and pure functions: printers print a Summary, the CLI turns
// its Outcome into an exit code. Not synchronised; build one per run.
#ifndef CLAUSEGAP_REPORT_SUMMARY_H_
#define CLAUSEGAP_REPORT_SUMMARY_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "engine/result.h"

namespace clausegap::report {

/// The lowest status of a `required` requirement that fails the gate
/// (`--fail-on`).
enum class FailOn {
  kMissing,  ///< a required requirement that is missing fails (default)
  kWeak,     ///< a required requirement that is weak or missing fails
  kNever,    ///< nothing fails the gate
};

/// Returns "missing" / "weak" / "never".
const char* FailOnName(FailOn level);

/// Parses a --fail-on value. Returns kUsage with the valid names on error.
Expected<FailOn> ParseFailOn(std::string_view name);

/// Returns true when |report| (read successfully) has a requirement of
/// severity `required` whose status is at or below |level|. Always false for
/// an unreadable document (those are counted as errors instead).
bool FailsGate(const engine::DocumentReport& report, FailOn level);

/// How many documents gave each status for one requirement.
struct RequirementCounts {
  std::string id;  ///< rule id ("redelegation")
  int present = 0;
  int weak = 0;
  int missing = 0;
};

/// The totals of a run.
struct Summary {
  FailOn fail_on = FailOn::kMissing;
  int documents = 0;  ///< every input, readable or not
  int errors = 0;     ///< inputs that could not be read (DocumentReport::ok false)
  int failed = 0;     ///< readable documents that fail the gate at |fail_on|
  /// One entry per requirement id, in the order ids were first seen.
  std::vector<RequirementCounts> requirements;
};

/// Adds |report| to |summary| (document, error and per-requirement counts).
void AddToSummary(const engine::DocumentReport& report, Summary* summary);

/// Returns the summary of |reports| at gate level |fail_on|.
Summary Summarize(const std::vector<engine::DocumentReport>& reports, FailOn fail_on);

/// What a run amounts to; the CLI maps it to its exit code.
enum class Outcome {
  kPass,        ///< every document was read and none fails the gate (exit 0)
  kGaps,        ///< every document was read and one fails the gate (exit 1)
  kUnreadable,  ///< an input could not be read (exit 2): a pre-signature gate
                ///< must not pass on a file it could not check
};

/// Returns the outcome of |summary|: kUnreadable when any input had an
/// error, else kGaps when a document failed the gate, else kPass.
Outcome Decide(const Summary& summary);

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_SUMMARY_H_
