// Rule packs: the requirement catalogue as data, loaded and validated.
//
// A pack is one or more JSON files (comments allowed) read in order; a later
// file may override, add or disable requirements of an earlier one by id. The
// format is documented in rules/README.md. A loaded RulePack is immutable and
// may be shared between threads.
#ifndef CLAUSEGAP_ENGINE_RULE_PACK_H_
#define CLAUSEGAP_ENGINE_RULE_PACK_H_

#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "engine/result.h"

namespace clausegap::engine {

/// The loaded, validated rules; its layout is private to engine/ (see
/// engine/rule_pack_internal.h).
struct RulePack;

/// Loads rule packs from |paths| (files *.json / *.jsonc, or directories of
/// them read in name order, in the order given); a later pack may override a
/// requirement of an earlier one by id, add one or disable one. Returns
/// kInvalidRules with "file:line: what is wrong" on any error.
Expected<std::shared_ptr<const RulePack>> LoadRulePacks(const std::vector<std::string>& paths);

/// A requirement as other stages see it: its id, title and severity.
struct RequirementInfo {
  std::string id;
  std::string title;
  Severity severity = Severity::kRecommended;
};

/// Returns the enabled requirements of |pack|, in pack order (the order
/// reports list them in).
std::vector<RequirementInfo> EnabledRequirements(const RulePack& pack);

/// What a pack file says it is.
struct PackInfo {
  std::string file;     ///< the file loaded
  std::string name;     ///< its "pack" ("clausegap-default"); may be empty
  std::string version;  ///< its "version" as written ("1"); may be empty
};

/// Returns the name and version of every file of |pack|, in load order.
std::vector<PackInfo> LoadedPacks(const RulePack& pack);

/// Returns the heading cue words of requirement |id| (NFKC-normalised, as
/// the engine matches them against normalised headings); none when the
/// requirement is unknown or has no cues.
std::vector<std::string> RequirementCues(const RulePack& pack, const std::string& id);

/// Returns the directory of the default pack: $CLAUSEGAP_RULES if set (and
/// kInvalidRules if it is not a folder), else <exe dir>/rules (build tree),
/// else <exe dir>/../share/clausegap/rules (a relocated install or bundle),
/// else CLAUSEGAP_DATADIR "/rules" (install). Returns kInvalidRules naming
/// every place looked if none exists.
Expected<std::string> FindDefaultRules();

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_RULE_PACK_H_
