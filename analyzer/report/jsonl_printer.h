// The JSON Lines printer (`--format jsonl`) and the summary line: what a
// cluster job (Spark RDD.pipe, a Dask task, Hadoop Streaming) reads back.
//
// Each input gives one line, written and flushed as soon as the document is
// done: the clausegap/report/v1 document object (exactly the objects of the
// "documents" array of the json format, see json_printer.h) with
// "schema": "clausegap/report/v1" first and the run's audit trail (tool
// version, rules_sha256 …) as "run". An input that could not be read is a
// line too ("status": "error").
//
// A run may end with one summary line (`--summary-json -`, implied by
// `--mapper`), wire format clausegap/summary/v1:
//
//   {"schema": "clausegap/summary/v1",
//    "tool_version": string, "rules_sha256": string,
//    "parts": int,                        // runs merged into these totals (1 for a run)
//    "outcome": "pass" | "gaps" | "unreadable" | "empty",
//                                         // what the run amounts to, as check's exit
//                                         // code would say it; "empty": no input at all
//    "documents", "errors", "failed", "fail_on", "warnings", "max_warnings",
//    "waived", "skipped", "litter", "requirements"   // as json's "summary"
//    "error_codes": {"<code>": int},      // unreadable inputs per error code
//    "duplicates": [{"file": string, "count": int}]}  // names reported more than once
//
// Totals add up: the summary of a corpus split into partitions is the sum of
// the partitions' summaries (clausegap summarize). Not thread-safe.
#ifndef CLAUSEGAP_REPORT_JSONL_PRINTER_H_
#define CLAUSEGAP_REPORT_JSONL_PRINTER_H_

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"
#include "report/json_printer.h"
#include "report/printer.h"
#include "report/summary.h"

namespace clausegap::report {

/// The schema name of the summary line.
inline constexpr const char kSummarySchema[] = "clausegap/summary/v1";

/// The totals of one run, or of several merged, as a summary line holds them.
struct SummaryRecord {
  Summary summary;
  std::string tool_version;
  std::string rules_sha256;
  int parts = 1;  ///< runs merged into |summary|
  /// Document names reported more than once, with how many times, in the
  /// order first seen.
  std::vector<std::pair<std::string, int>> duplicates;
};

/// Returns the outcome name of |summary|: "empty" when it has no document,
/// else "pass" / "gaps" / "unreadable" as Decide says.
const char* OutcomeName(const Summary& summary);

/// Returns |record| as one clausegap/summary/v1 line (no newline).
std::string SummaryLine(const SummaryRecord& record);

/// Returns the record a clausegap/summary/v1 line holds, or kUsage naming
/// the field that is missing or of the wrong type.
Expected<SummaryRecord> ParseSummaryLine(const nlohmann::ordered_json& line);

/// Returns what the totals need of a report/v1 document line (file, status,
/// error_code, sha256, and each requirement's id, severity, status and
/// waived), or kUsage naming what is missing.
Expected<engine::DocumentReport> ParseDocumentLine(const nlohmann::ordered_json& line);

class JsonlPrinter : public Printer {
 public:
  explicit JsonlPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}
  void Begin() override {}
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary&) override { out_.flush(); }

 private:
  std::ostream& out_;
  PrinterOptions options_;
  JsonStringCache strings_;
  std::string line_;  // the line being written
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_JSONL_PRINTER_H_
