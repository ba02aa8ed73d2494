// The JSON printer: the machine-readable gap report, wire format
// "clausegap/report/v1". Other tools and the tests depend on it; a change
// that removes or renames a field needs a new schema name.
//
// One JSON value for the whole run, UTF-8 (Japanese is not \u-escaped;
// invalid UTF-8 in the input is replaced with U+FFFD), keys in the order
// below, one document per line:
//
//   {"schema": "clausegap/report/v1",
//    "documents": [                          // one per input, in input order
//      {"file": string,                      // the path as given
//       "status": "ok" | "error",            // "error": the file could not be read
//       "error": null | string,              // "path: cause" when status is "error"
//       "error_code": null | string,         // ErrorCodeName ("not-zip", "legacy-doc" …)
//       "title": string,                     // the contract's title; "" when unknown
//       "requirements": [                    // pack order; [] for an error document
//         {"id": string,                     // stable rule id ("redelegation")
//          "title": string,                  // "再委託の禁止・制限"
//          "severity": "required" | "recommended",
//          "status": "present" | "weak" | "missing",
//          "reasons": [string],              // why weak / missing, one sentence each
//          "elements": [                     // essential and recommended elements
//            {"id": string, "found": bool, "essential": bool,
//             "description": string, "evidence": [Evidence]}],
//          "evidence": [Evidence],           // the clause(s) the verdict rests on
//          "suggestion": null | string,      // a model clause for a gap; null when none
//          "pending_revisions": [            // pending tracked changes touching the clause
//            {"kind": string,                // "insertion", "deletion", "move-from" …
//             "author": string, "date": string, "label": string,
//             "text": string, "message": string}]}]}],
//    (a document converted by --convert-legacy also has "converted_from": "doc" | "rtf")
//    "summary": {
//      "documents": int,                     // inputs
//      "errors": int,                        // inputs with status "error"
//      "failed": int,                        // readable documents failing the gate
//      "fail_on": "missing" | "weak" | "never",
//      "requirements": {"<id>": {"present": int, "weak": int, "missing": int}}}}
//
//   Evidence = {"label": string,             // "第5条第2項"; "" outside articles
//               "heading": string,           // "再委託の禁止" (no brackets); may be ""
//               "text": string,              // the sentence, exactly as in the document
//               "page": int}                 // only for PDFs: the 1-based page
//
// Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_JSON_PRINTER_H_
#define CLAUSEGAP_REPORT_JSON_PRINTER_H_

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/printer.h"

namespace clausegap::report {

/// The schema name written in every report.
inline constexpr const char kReportSchema[] = "clausegap/report/v1";

/// Returns one document object of the wire format above, serialised on one
/// line (no trailing newline).
std::string DocumentToJson(const engine::DocumentReport& report);

/// Returns |evidence| as the wire format's evidence list
/// ([{"label", "heading", "text"}]), shared with the diff's JSON.
nlohmann::ordered_json EvidenceToJson(const std::vector<engine::Evidence>& evidence);

/// Returns the "summary" object of the wire format above, on one line.
std::string SummaryToJson(const Summary& summary);

/// Writes the report/v1 JSON value to |out| as documents arrive.
class JsonPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit JsonPrinter(std::ostream& out) : out_(out) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  std::ostream& out_;
  int documents_ = 0;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_JSON_PRINTER_H_
