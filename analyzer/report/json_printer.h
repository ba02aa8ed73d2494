// The JSON printer: the machine-readable gap report, wire format
// "clausegap/report/v1". Other tools and the tests depend on it; a change
// that removes or renames a field needs a new schema name.
//
// One JSON value for the whole run, UTF-8 (Japanese is not \u-escaped;
// invalid UTF-8 in the input is replaced with U+FFFD), keys in the order
// below, one document per line:
//
//   {"schema": "clausegap/report/v1",
//    "run": Run,                             // the audit trail: what judged, when
//    "documents": [                          // one per input, in input order
//      {"file": string,                      // the path as given
//       "status": "ok" | "error",            // "error": the file could not be read
//       "error": null | string,              // "path: cause" when status is "error"
//       "error_code": null | string,         // ErrorCodeName ("not-zip", "legacy-doc" …)
//       "title": string,                     // the contract's title; "" when unknown
//       "sha256": null | string,             // SHA-256 of the file's bytes (64 hex digits)
//       "size": null | int,                  // the file's size in bytes
//       "kind": null | string,               // "outsourcing", "nda", "memorandum",
//                                            // "data-processing", "terms", "employment", "other"
//       "kind_text": null | string,          // the kind in the report's language
//       "kind_covered": bool,                // the catalogue is written for this kind
//       "parties": [{"name", "full_name", "role", "role_text", "aliases": [string]}],
//                                            // role: "client" | "vendor" | "mutual" | "unknown"
//       "client": string, "vendor": string,  // as the clauses name them; "" when unknown
//       "gate": "pass" | "fail" | "error",   // at summary.fail_on
//       "gate_text": string,                 // the same in the report's language
//       "requirements": [                    // pack order; [] for an error document
//         {"id": string,                     // stable rule id ("redelegation")
//          "title": string,                  // "再委託の禁止・制限"
//          "severity": "required" | "recommended",
//          "status": "present" | "weak" | "missing",
//          "reasons": [string],              // why weak / missing, as the engine says it
//          "elements": [                     // essential and recommended elements
//            {"id": string, "found": bool, "essential": bool,
//             "description": string, "evidence": [Evidence]}],
//          "evidence": [Evidence],           // the clause(s) the verdict rests on
//          "suggestion": null | string,      // a model clause for a gap; null when none
//          "pending_revisions": [            // pending tracked changes touching the clause
//            {"kind": string,                // "insertion", "deletion", "move-from" …
//             "author": string, "date": string, "label": string,
//             "label_as_written": string,    // "label" in the document's numerals
//             "text": string, "message": string}],
//          "waived": bool, "waiver_reason": null | string,
//          "status_text": string,            // 「充足」「不十分」「不足」 (or English)
//          "severity_text": string,          // 「必須」「推奨」
//          "reasons_text": [string],         // the reasons in the report's language
//          "message": null | string,         // the whole finding in the report's language
//          "bound": string}]}],              // the party the clause binds; "" unknown
//    (a document converted by --convert-legacy also has "converted_from": "doc" | "rtf")
//    "summary": {
//      "documents": int,                     // inputs
//      "errors": int,                        // inputs with status "error"
//      "failed": int,                        // readable documents failing the gate
//      "fail_on": "missing" | "weak" | "never",
//      "requirements": {"<id>": {"present": int, "weak": int, "missing": int}}}}
//
//   Run = {"tool": "clausegap", "tool_version": string,
//          "rule_packs": [{"path", "name", "version", "sha256"}],  // load order
//          "rules_sha256": string,           // SHA-256 of the pack files concatenated
//          "config": null | string,          // the .clausegap.json used
//          "waiver_files": [string],
//          "checked_at": string,             // UTC, ISO 8601
//          "view": "signed" | "original",
//          "lang": "ja" | "en"}
//   (jsonl: each document object carries it as "run")
//
//   Evidence = {"label": string,             // "第5条第2項"; "" outside articles
//               "label_as_written": string,  // the same in the document's own
//                                            // numerals: "第五条第２項" (= "label"
//                                            // when it writes half-width digits)
//               "heading": string,           // "再委託の禁止" (no brackets); may be ""
//               "text": string,              // the sentence, exactly as in the document
//               "page": int}                 // only for PDFs: the 1-based page
//
// Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_JSON_PRINTER_H_
#define CLAUSEGAP_REPORT_JSON_PRINTER_H_

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/printer.h"

namespace clausegap::report {

/// The schema name written in every report.
inline constexpr const char kReportSchema[] = "clausegap/report/v1";

/// How DocumentToJson writes a document.
struct DocumentJsonOptions {
  i18n::Lang lang = i18n::Lang::kJa;  ///< language of the *_text fields and messages
  FailOn fail_on = FailOn::kWeak;     ///< the gate level of "gate"
  const RunInfo* run = nullptr;       ///< when set, added as "run" (jsonl)
};

/// Returns one document object of the wire format above as a JSON value
/// (strings as the report has them, not yet checked for valid UTF-8).
nlohmann::ordered_json DocumentJson(const engine::DocumentReport& report,
                                    const DocumentJsonOptions& options = {});

/// Strings serialised as JSON (by nlohmann::json: escaped, invalid UTF-8
/// replaced by U+FFFD), kept for the next document: a printer's reports
/// repeat most of their strings (titles, descriptions, model clauses,
/// messages, evidence cited twice). Holds a bounded number of short ones.
class JsonStringCache {
 public:
  /// Returns |s| serialised as a JSON string, valid until the next call.
  const std::string& Escaped(std::string_view s);

 private:
  static constexpr std::size_t kMaxKept = 4096;       // strings kept, then all dropped
  static constexpr std::size_t kMaxKeptBytes = 1024;  // longer ones are not kept
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> kept_;
  std::string long_;
};

/// Appends one document object of the wire format above to |out|, on one
/// line, as DocumentToJson writes it, without building it as a JSON value
/// first; |cache| is shared by the calls of one printer.
void AppendDocumentJson(const engine::DocumentReport& report, const DocumentJsonOptions& options,
                        JsonStringCache* cache, std::string* out);

/// Returns one document object of the wire format above, serialised on one
/// line (no trailing newline): DocumentJson's value, serialised.
std::string DocumentToJson(const engine::DocumentReport& report,
                           const DocumentJsonOptions& options = {});

/// Returns the "run" object of the wire format above.
nlohmann::ordered_json RunToJson(const RunInfo& run, i18n::Lang lang);

/// Returns |evidence| as the wire format's evidence list
/// ([{"label", "label_as_written", "heading", "text"}]), shared with the diff's JSON.
nlohmann::ordered_json EvidenceToJson(const std::vector<engine::Evidence>& evidence);

/// Returns the "summary" object of the wire format above, on one line.
std::string SummaryToJson(const Summary& summary);

/// Writes the report/v1 JSON value to |out| as documents arrive.
class JsonPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit JsonPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  std::ostream& out_;
  PrinterOptions options_;
  int documents_ = 0;
  JsonStringCache strings_;
  std::string line_;  // the document being written
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_JSON_PRINTER_H_
