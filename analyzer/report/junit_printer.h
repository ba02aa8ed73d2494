// The JUnit printer: the gap report as JUnit XML, so that any CI server
// shows each contract as a test suite and each requirement as a test case.
//
//   <testsuites name="clausegap" tests= failures= errors= skipped=>
//     <testsuite name=<file> tests= failures= errors= skipped=>
//       <properties><property name="title" value=<contract title>/>
//                   sha256, size, kind, parties (the audit trail of the file),
//                   tool-version, rule-packs, rules-sha256, checked-at, config,
//                   waiver-files (of the run)
//                   <property name="fail-on" value="missing|weak|never"/></properties>
//       <testcase classname=<file> name="<id>: <title>">   one per requirement
//         <failure message="<title> (<id>): missing|weak" type="missing|weak">
//           reasons, elements not found, evidence, suggested clause</failure>
//         <system-out>…</system-out>
// A requirement is a <failure> exactly when it fails the gate
// (PrinterOptions::fail_on: required, not waived, at or below the level), so
// the JUnit failures agree with the exit code; any other gap passes with its
// details in <system-out>, so advice does not turn a build red. When the
// run has more weak findings than --max-warnings, a suite "clausegap" with
// a failing test case "max-warnings" says so. Texts are in the report's
// language; names and types keep the stable ids. A
// present requirement with pending revisions notes them in <system-out>. A gap
// accepted by a waiver is <skipped message="waived: <reason>"/> with the
// details in <system-out>.
// An unreadable input is a suite with one test case "read" holding an
// <error message=<error> type=<error code>>. The XML is built with pugixml
// (all text escaped; invalid UTF-8 and control characters replaced by
// U+FFFD) and written whole by End. Not thread-safe; one per run.
#ifndef CLAUSEGAP_REPORT_JUNIT_PRINTER_H_
#define CLAUSEGAP_REPORT_JUNIT_PRINTER_H_

#include <memory>
#include <ostream>

#include "report/printer.h"

namespace clausegap::report {

/// Builds the JUnit XML document and writes it to |out| at End.
class JunitPrinter : public Printer {
 public:
  /// |out| must outlive the printer.
  explicit JunitPrinter(std::ostream& out, PrinterOptions options = {});
  ~JunitPrinter() override;

  void Begin() override;
  void Document(const engine::DocumentReport& report) override;
  void End(const Summary& summary) override;

 private:
  struct State;  ///< the pugixml document and the running totals
  std::ostream& out_;
  PrinterOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_JUNIT_PRINTER_H_
