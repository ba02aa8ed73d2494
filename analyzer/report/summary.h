// The totals of a `check` run and the pass/fail gate, computed from the
// per-document reports.
//
// Plain values and pure functions: printers print a Summary, the CLI turns
// its Outcome into an exit code. Not synchronised; build one per run.
#ifndef CLAUSEGAP_REPORT_SUMMARY_H_
#define CLAUSEGAP_REPORT_SUMMARY_H_

#include <ostream>
#include <string>
#include <utility>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "engine/result.h"
#include "i18n/messages.h"

namespace clausegap::report {

/// The lowest status of a `required` requirement that fails the gate
/// (`--fail-on`).
enum class FailOn {
  kMissing,  ///< a required requirement that is missing fails (lenient)
  kWeak,     ///< a required requirement that is weak or missing fails (default: a
             ///< re-delegation clause that lets the vendor re-delegate freely fails)
  kNever,    ///< nothing fails the gate
};

/// Returns "missing" / "weak" / "never".
const char* FailOnName(FailOn level);

/// Parses a --fail-on value. Returns kUsage with the valid names on error.
Expected<FailOn> ParseFailOn(std::string_view name);

/// Returns true when |report| (read successfully) has a requirement of
/// severity `required`, not waived, whose status is at or below |level|. Always false for
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
  FailOn fail_on = FailOn::kWeak;
  int documents = 0;  ///< every input, readable or not
  int errors = 0;     ///< inputs that could not be read (DocumentReport::ok false)
  int failed = 0;     ///< readable documents that fail the gate at |fail_on|
  int skipped = 0;    ///< files in folders / archives that are not contracts, skipped
  int litter = 0;     ///< Office lock files (~$…) and OS litter (.DS_Store …), skipped
  int warnings = 0;   ///< weak findings (any severity, not waived) over all documents
  int waived = 0;     ///< gaps accepted by a waiver
  /// Fail the gate when |warnings| exceeds this (--max-warnings); -1: no limit.
  int max_warnings = -1;
  /// Unreadable inputs per error code name ("legacy-doc", "too-large" …), in
  /// the order codes were first seen.
  std::vector<std::pair<std::string, int>> error_codes;
  /// One entry per requirement id, in the order ids were first seen.
  std::vector<RequirementCounts> requirements;
};

/// Adds |report| to |summary| (document, error and per-requirement counts).
void AddToSummary(const engine::DocumentReport& report, Summary* summary);

/// Adds the totals of |part| (another run's summary at the same gate level)
/// to |total|: counts summed, error codes and requirements matched by name,
/// new ones appended in |part|'s order.
void MergeSummary(const Summary& part, Summary* total);

/// Returns the summary of |reports| at gate level |fail_on|.
Summary Summarize(const std::vector<engine::DocumentReport>& reports, FailOn fail_on);

/// What a run amounts to; the CLI maps it to its exit code.
enum class Outcome {
  kPass,        ///< no document fails the gate and every input was read (exit 0)
  kGaps,        ///< a document fails the gate, or an input could not be read
                ///< and the gate is not `never` (exit 1)
  kUnreadable,  ///< no input could be read at all (exit 2)
};

/// Returns the outcome of |summary|: kUnreadable when there was no document
/// or none could be read; else kGaps when a document failed the gate, when
/// there are more than max_warnings weak findings, or (unless fail_on is
/// kNever) an input could not be read — a gate must not pass a file it could
/// not check; else kPass.
Outcome Decide(const Summary& summary);

/// Writes the --summary table: documents, errors by code, skipped files,
/// then one row per requirement with how many contracts have it present,
/// weak and missing.
void PrintSummaryTable(const Summary& summary, std::ostream& out,
                       i18n::Lang lang = i18n::Lang::kJa);

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_SUMMARY_H_
