// The SARIF printer: the gap report as one SARIF 2.1.0 log, for code-scanning
// dashboards and any tool that reads static-analysis results.
//
// One run per invocation, written whole by End (SARIF is one JSON value):
//   tool.driver    {name "clausegap", version, rules[]}: one rule per
//                  requirement id seen, in first-seen (pack) order, with
//                  shortDescription = the title and defaultConfiguration.level
//                  "error" for required, "warning" for recommended;
//   invocations[0] {executionSuccessful: false when an input could not be
//                  read; toolExecutionNotifications: one "error" per
//                  unreadable input, descriptor.id = its error code};
//   results[]      one per gap (a weak or missing requirement) per document,
//                  in input and pack order: ruleId, ruleIndex, level,
//                  message.text, locations, properties {status, severity}.
// A gap accepted by a waiver keeps its level and carries suppressions
// [{kind "external", status "accepted", justification: the waiver's reason}].
// Levels: required + missing → "error"; required + weak → "warning";
// recommended + missing → "warning"; recommended + weak → "note". Present
// requirements give no result.
// message.text: GapMessage ("… is missing: no clause was found, so there is
// no text location." / "… is weak at 第5条第2項.", reasons, suggestion).
// locations: the file (artifactLocation.uri, ArtifactUri) and, when there is
// evidence, one location per distinct article label with a logicalLocation
// {name: label, fullyQualifiedName: label or label（heading）, kind
// "namespace"} — SARIF's list of kinds has none for a clause of a contract;
// 条/項/号 nest like namespaces. A missing requirement has only the file.
// Messages are in the report's language (PrinterOptions::lang); rule and
// result ids stay the stable requirement ids.
// Each rule has a helpUri (SarifHelpUri: the requirement's entry in the
// installed requirement catalogue) and help text saying why the requirement
// matters; each result carries its suggested clause as properties.suggestion
// (not as a SARIF "fix": a fix is a byte-range edit, and a .docx is a zip
// that a byte edit would destroy).
// The audit trail: run.artifacts lists every document with its length and
// SHA-256 (hashes["sha-256"]); run.invocations[0] has startTimeUtc and, in
// properties, the config and waiver files; run.properties has the rule packs
// (name, version, SHA-256) and the effective pack's SHA-256.
// Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_SARIF_PRINTER_H_
#define CLAUSEGAP_REPORT_SARIF_PRINTER_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "report/printer.h"

namespace clausegap::report {

/// The $schema written in every log.
inline constexpr const char kSarifSchemaUri[] =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";

/// Returns |path| as a URI reference for artifactLocation.uri: every byte
/// but A-Z a-z 0-9 - . _ ~ and / is percent-encoded (so "a.zip!x.docx"
/// becomes "a.zip%21x.docx" and Japanese names are UTF-8 escapes); an
/// absolute path becomes "file://" + the encoded path. Never fails.
std::string ArtifactUri(std::string_view path);

/// Returns the SARIF level of a gap: "error", "warning" or "note" (the
/// mapping above); "none" for a present requirement.
const char* SarifLevel(engine::Severity severity, engine::Status status);

/// Returns the helpUri of requirement |id|: the catalogue installed with
/// clausegap (file://<datadir>/docs/requirements.md#<id>).
std::string SarifHelpUri(std::string_view id);

/// Collects the reports and writes one SARIF 2.1.0 log to |out| at End.
class SarifPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit SarifPrinter(std::ostream& out, PrinterOptions options = {})
      : out_(out), options_(std::move(options)) {}

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  /// One rule of tool.driver.rules.
  struct Rule {
    std::string id;
    std::string title;
    engine::Severity severity;
  };
  /// Returns the index of |r|'s rule in rules_, adding it when new.
  int RuleIndex(const engine::RequirementResult& r);

  std::ostream& out_;
  PrinterOptions options_;
  std::vector<Rule> rules_;
  std::vector<std::string> artifacts_;      ///< serialised artifact objects
  std::vector<std::string> results_;        ///< serialised result objects
  std::vector<std::string> notifications_;  ///< serialised notifications
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_SARIF_PRINTER_H_
