// The audit trail of a `check` run (report::RunInfo): which rule pack files
// were loaded and their digests, which config and waiver files, and when.
#ifndef CLAUSEGAP_CLI_AUDIT_H_
#define CLAUSEGAP_CLI_AUDIT_H_

#include <ctime>
#include <string>
#include <vector>

#include "report/printer.h"

namespace clausegap::cli {

/// Returns the pack files |rule_paths| name (files, or the *.json / *.jsonc
/// of a folder in name order, as the loader reads them), each with its
/// "pack" name, "version" and SHA-256; unreadable files are left out (the
/// loader has already refused them).
std::vector<report::RulePackInfo> DescribePacks(const std::vector<std::string>& rule_paths);

/// Returns the SHA-256 of the files of |packs| concatenated in order.
std::string EffectivePackDigest(const std::vector<report::RulePackInfo>& packs);

/// Returns |when| as UTC ISO 8601 ("2026-12-03T18:40:05Z").
std::string IsoUtc(std::time_t when);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_AUDIT_H_
