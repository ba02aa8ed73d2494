// The audit trail of a `check` run (report::RunInfo): the pack files and
// their digests come from the loaded api::Analyzer (Analyzer::run_info);
// this adds when the run started.
#ifndef CLAUSEGAP_CLI_AUDIT_H_
#define CLAUSEGAP_CLI_AUDIT_H_

#include <ctime>
#include <string>

namespace clausegap::cli {

/// Returns |when| as UTC ISO 8601 ("2026-12-03T18:40:05Z").
std::string IsoUtc(std::time_t when);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_AUDIT_H_
