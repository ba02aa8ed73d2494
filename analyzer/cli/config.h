// The project configuration file `.clausegap.json` and waiver files.
//
// A team keeps its gate policy next to its contracts: the config is found by
// walking up from the current directory (or named with --config) and says
// which rule packs to load, which requirements to disable or raise to
// required, the --fail-on default, --max-warnings and the output format; a
// waiver file lists accepted gaps (file + requirement + reason). Flags given
// on the command line win over the config. Unknown keys are errors with
// "file:line". Plain values; LoadConfig and LoadWaivers are thread-safe.
#ifndef CLAUSEGAP_CLI_CONFIG_H_
#define CLAUSEGAP_CLI_CONFIG_H_

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/error.h"
#include "engine/result.h"
#include "engine/rule_pack.h"
#include "i18n/messages.h"
#include "report/printer.h"
#include "report/summary.h"

namespace clausegap::cli {

/// The name looked for in the current directory and its parents.
inline constexpr const char* kConfigName = ".clausegap.json";

/// An accepted gap: |requirement| may be weak or missing in documents whose
/// name matches |file| without failing the gate.
struct Waiver {
  /// A glob (fnmatch: * ? [..]) matched against the document name as
  /// reported, or against any trailing part of it after a '/' or '!'.
  std::string file;
  std::string requirement;  ///< a requirement id, or "*" for every one
  std::string reason;       ///< why the gap was accepted (shown in reports)
  std::string origin;       ///< "file:line" where the waiver is written
};

/// What a .clausegap.json says. Unset optionals leave the built-in defaults.
struct ProjectConfig {
  std::string path;                 ///< the file read; empty when there is none
  std::vector<std::string> rules;   ///< extra rule packs, relative to the config's folder
  std::vector<std::string> disable; ///< requirement ids not to report
  std::vector<std::string> require; ///< requirement ids raised to severity required
  std::optional<report::FailOn> fail_on;
  std::optional<report::Format> format;
  std::optional<int> max_warnings;
  std::optional<i18n::Lang> lang;   ///< "lang": "ja" | "en" (--lang default)
  std::optional<bool> csv_bom;      ///< "csv_bom": true | false (--csv-bom default)
  std::optional<bool> convert_legacy;  ///< "convert_legacy": true converts .doc / .rtf
  std::vector<Waiver> waivers;      ///< inline "waivers" plus those of "waivers_file"
  std::string waivers_file;         ///< the "waivers_file" read, resolved; "" for none
};

/// Returns the path of the nearest .clausegap.json in |start| or a parent,
/// or nullopt when there is none.
std::optional<std::string> FindConfig(const std::filesystem::path& start);

/// Returns the configuration in force: |explicit_path| when not empty, else
/// nothing when |no_config|, else the nearest .clausegap.json from the
/// current directory up (an empty ProjectConfig when there is none).
/// Errors as LoadConfig.
Expected<ProjectConfig> ResolveConfig(const std::string& explicit_path, bool no_config);

/// Reads and validates |path|. Returns kUsage "path:line: what is wrong" for
/// invalid JSON, an unknown key (with "did you mean …"), or a bad value.
Expected<ProjectConfig> LoadConfig(const std::string& path);

/// Reads a waiver file: {"waivers":[{"file":…,"requirement":…,"reason":…}]}
/// (a bare array is accepted too). Errors as LoadConfig.
Expected<std::vector<Waiver>> LoadWaivers(const std::string& path);

/// The policy applied to every report of a run, resolved once.
struct Policy {
  std::vector<std::string> disable;
  std::vector<std::string> require;
  std::vector<Waiver> waivers;
};

/// Puts |project|'s rule packs before |rules| and its disable / require
/// lists into |policy| (waivers are the caller's: `diff` applies none).
void MergeProject(const ProjectConfig& project, std::vector<std::string>* rules, Policy* policy);

/// Returns an error naming the first requirement id in |policy| that the
/// pack does not have (with "did you mean …"), else success.
Expected<void> ValidatePolicy(const Policy& policy,
                              const std::vector<engine::RequirementInfo>& requirements);

/// Returns the requirement ids to report: the pack's, minus |policy.disable|.
std::vector<std::string> ReportedIds(const Policy& policy,
                                     const std::vector<engine::RequirementInfo>& requirements);

/// Applies |policy| to |report|: removes disabled requirements, raises
/// required ones, and marks waived gaps (weak or missing) with their reason.
void ApplyPolicy(const Policy& policy, engine::DocumentReport* report);

/// Returns whether |waiver| covers |requirement| in the document named |file|.
bool WaiverMatches(const Waiver& waiver, const std::string& file, const std::string& requirement);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_CONFIG_H_
