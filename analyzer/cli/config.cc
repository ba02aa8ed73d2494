#include "cli/config.h"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "base/json_lines.h"

namespace clausegap::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// One JSON file being read, for "file:line: message" errors.
class Source {
 public:
  static Expected<Source> Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kUsage, path + ": cannot read");
    std::ostringstream text;
    text << in.rdbuf();
    Source source(path, text.str());
    // A config nests three levels; 16 leaves room and bounds the line map.
    auto root = base::ParseJson(path, source.text_, ErrorCode::kUsage, /*max_depth=*/16);
    if (!root) return tl::unexpected(root.error());
    source.root_ = std::move(*root);
    source.lines_ = std::make_unique<base::JsonLineMap>(source.text_);
    return source;
  }

  const json& root() const { return root_; }
  const std::string& path() const { return path_; }

  /// Returns "path:line" for JSON pointer |pointer|.
  std::string Where(const std::string& pointer) const {
    return path_ + ":" + std::to_string(lines_->Line(pointer));
  }

  /// Returns the error "path:line: |message|" at |pointer|.
  tl::unexpected<Error> Fail(const std::string& pointer, const std::string& message) const {
    return MakeError(ErrorCode::kUsage, Where(pointer) + ": " + message);
  }

  /// Fails on the first key of |object| (at |pointer|) not in |known|.
  Expected<void> CheckKeys(const json& object, const std::string& pointer,
                           const std::vector<std::string_view>& known) const {
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string message = "unknown key \"" + key + "\"";
      std::string guess = base::Closest(key, known);
      if (!guess.empty()) message += " (did you mean \"" + guess + "\"?)";
      return Fail(pointer + "/" + key, message);
    }
    return {};
  }

  /// Reads a list of strings at |pointer|.
  Expected<std::vector<std::string>> Strings(const json& value, const std::string& pointer) const {
    if (!value.is_array()) return Fail(pointer, "expected a list of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string() || value[i].get<std::string>().empty()) {
        return Fail(pointer + "/" + std::to_string(i), "expected a non-empty string");
      }
      out.push_back(value[i].get<std::string>());
    }
    return out;
  }

 private:
  Source(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {}

  std::string path_;
  std::string text_;
  std::unique_ptr<base::JsonLineMap> lines_;
  json root_;
};

// Reads the waiver list |list| at |pointer| of |source|.
Expected<std::vector<Waiver>> ParseWaivers(const Source& source, const json& list,
                                           const std::string& pointer) {
  if (!list.is_array()) return source.Fail(pointer, "expected a list of waivers");
  std::vector<Waiver> out;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string at = pointer + "/" + std::to_string(i);
    const json& item = list[i];
    if (!item.is_object()) return source.Fail(at, "expected a waiver object");
    if (auto keys = source.CheckKeys(item, at, {"file", "requirement", "reason"}); !keys) {
      return tl::unexpected(keys.error());
    }
    Waiver waiver;
    for (auto [key, field] : {std::pair{"file", &waiver.file},
                              std::pair{"requirement", &waiver.requirement},
                              std::pair{"reason", &waiver.reason}}) {
      if (!item.contains(key) || !item[key].is_string() || item[key].get<std::string>().empty()) {
        return source.Fail(at, std::string("a waiver needs a non-empty \"") + key + "\"");
      }
      *field = item[key].get<std::string>();
    }
    waiver.origin = source.Where(at);
    out.push_back(std::move(waiver));
  }
  return out;
}

// Returns |path| resolved against the folder of |config| when relative.
std::string Relative(const std::string& config, const std::string& path) {
  fs::path p(path);
  if (p.is_absolute()) return path;
  return (fs::path(config).parent_path() / p).lexically_normal().string();
}

}  // namespace

std::optional<std::string> FindConfig(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / kConfigName;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

Expected<ProjectConfig> ResolveConfig(const std::string& explicit_path, bool no_config) {
  std::optional<std::string> path;
  if (!explicit_path.empty()) {
    path = explicit_path;
  } else if (!no_config) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    if (!ec) path = FindConfig(cwd);
  }
  if (!path) return ProjectConfig{};
  return LoadConfig(*path);
}

Expected<ProjectConfig> LoadConfig(const std::string& path) {
  auto source = Source::Read(path);
  if (!source) return tl::unexpected(source.error());
  const json& root = source->root();
  if (!root.is_object()) return source->Fail("", "expected an object");
  if (auto keys = source->CheckKeys(root, "", {"rules", "disable", "require", "fail_on", "format",
                                               "max_warnings", "waivers", "waivers_file",
                                               "lang", "csv_bom", "convert_legacy"});
      !keys) {
    return tl::unexpected(keys.error());
  }
  ProjectConfig config;
  config.path = path;
  for (auto [key, out] : {std::pair{"rules", &config.rules}, std::pair{"disable", &config.disable},
                          std::pair{"require", &config.require}}) {
    if (!root.contains(key)) continue;
    auto list = source->Strings(root[key], std::string("/") + key);
    if (!list) return tl::unexpected(list.error());
    *out = std::move(*list);
  }
  for (std::string& rules : config.rules) rules = Relative(path, rules);
  if (root.contains("fail_on")) {
    auto level = root["fail_on"].is_string() ? report::ParseFailOn(root["fail_on"].get<std::string>())
                                             : MakeError(ErrorCode::kUsage, "");
    if (!level) return source->Fail("/fail_on", "fail_on must be \"missing\", \"weak\" or \"never\"");
    config.fail_on = *level;
  }
  if (root.contains("format")) {
    auto format = root["format"].is_string() ? report::ParseFormat(root["format"].get<std::string>())
                                             : MakeError(ErrorCode::kUsage, "format must be a string");
    if (!format) return source->Fail("/format", format.error().message);
    config.format = *format;
  }
  if (root.contains("lang")) {
    auto lang = root["lang"].is_string() ? i18n::ParseLang(root["lang"].get<std::string>())
                                         : MakeError(ErrorCode::kUsage, "");
    if (!lang) return source->Fail("/lang", "lang must be \"ja\" or \"en\"");
    config.lang = *lang;
  }
  if (root.contains("csv_bom")) {
    if (!root["csv_bom"].is_boolean()) return source->Fail("/csv_bom", "csv_bom must be true or false");
    config.csv_bom = root["csv_bom"].get<bool>();
  }
  if (root.contains("max_warnings")) {
    const json& n = root["max_warnings"];
    if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 1'000'000'000) {
      return source->Fail("/max_warnings", "max_warnings must be a whole number ≥ 0");
    }
    config.max_warnings = n.get<int>();
  }
  if (root.contains("convert_legacy")) {
    if (!root["convert_legacy"].is_boolean()) {
      return source->Fail("/convert_legacy", "convert_legacy must be true or false");
    }
    config.convert_legacy = root["convert_legacy"].get<bool>();
  }
  if (root.contains("waivers")) {
    auto waivers = ParseWaivers(*source, root["waivers"], "/waivers");
    if (!waivers) return tl::unexpected(waivers.error());
    config.waivers = std::move(*waivers);
  }
  if (root.contains("waivers_file")) {
    if (!root["waivers_file"].is_string()) {
      return source->Fail("/waivers_file", "waivers_file must be a path");
    }
    std::string file = Relative(path, root["waivers_file"].get<std::string>());
    auto waivers = LoadWaivers(file);
    if (!waivers) return tl::unexpected(waivers.error());
    config.waivers_file = file;
    config.waivers.insert(config.waivers.end(), waivers->begin(), waivers->end());
  }
  return config;
}

Expected<std::vector<Waiver>> LoadWaivers(const std::string& path) {
  auto source = Source::Read(path);
  if (!source) return tl::unexpected(source.error());
  const json& root = source->root();
  if (root.is_array()) return ParseWaivers(*source, root, "");
  if (!root.is_object()) return source->Fail("", "expected {\"waivers\": [...]}");
  if (auto keys = source->CheckKeys(root, "", {"waivers"}); !keys) return tl::unexpected(keys.error());
  if (!root.contains("waivers")) return source->Fail("", "expected {\"waivers\": [...]}");
  return ParseWaivers(*source, root["waivers"], "/waivers");
}

void MergeProject(const ProjectConfig& project, std::vector<std::string>* rules, Policy* policy) {
  rules->insert(rules->begin(), project.rules.begin(), project.rules.end());
  policy->disable = project.disable;
  policy->require = project.require;
}

Expected<void> ValidatePolicy(const Policy& policy,
                              const std::vector<engine::RequirementInfo>& requirements) {
  std::vector<std::string_view> ids;
  for (const engine::RequirementInfo& r : requirements) ids.push_back(r.id);
  auto check = [&](const std::string& id, const std::string& where) -> Expected<void> {
    if (id == "*" || std::find(ids.begin(), ids.end(), id) != ids.end()) return {};
    std::string message = where + ": unknown requirement \"" + id + "\"";
    std::string guess = base::Closest(id, ids);
    if (!guess.empty()) message += " (did you mean \"" + guess + "\"?)";
    return MakeError(ErrorCode::kUsage, message);
  };
  for (const std::string& id : policy.disable) {
    if (auto ok = check(id, "disable"); !ok) return ok;
  }
  for (const std::string& id : policy.require) {
    if (auto ok = check(id, "require"); !ok) return ok;
  }
  for (const Waiver& w : policy.waivers) {
    if (auto ok = check(w.requirement, w.origin); !ok) return ok;
  }
  return {};
}

std::vector<std::string> ReportedIds(const Policy& policy,
                                     const std::vector<engine::RequirementInfo>& requirements) {
  std::vector<std::string> ids;
  for (const engine::RequirementInfo& r : requirements) {
    if (std::find(policy.disable.begin(), policy.disable.end(), r.id) == policy.disable.end()) {
      ids.push_back(r.id);
    }
  }
  return ids;
}

bool WaiverMatches(const Waiver& waiver, const std::string& file, const std::string& requirement) {
  if (waiver.requirement != "*" && waiver.requirement != requirement) return false;
  if (fnmatch(waiver.file.c_str(), file.c_str(), 0) == 0) return true;
  // A relative pattern also matches any trailing part of the name, so that
  // "acme/nda.docx" covers "/share/contracts/acme/nda.docx" and
  // "archive.zip!acme/nda.docx".
  for (std::size_t i = 0; i < file.size(); ++i) {
    if ((file[i] == '/' || file[i] == '!') &&
        fnmatch(waiver.file.c_str(), file.c_str() + i + 1, 0) == 0) {
      return true;
    }
  }
  return false;
}

void ApplyPolicy(const Policy& policy, engine::DocumentReport* report) {
  if (!report->ok) return;
  auto& requirements = report->requirements;
  requirements.erase(
      std::remove_if(requirements.begin(), requirements.end(),
                     [&](const engine::RequirementResult& r) {
                       return std::find(policy.disable.begin(), policy.disable.end(), r.id) !=
                              policy.disable.end();
                     }),
      requirements.end());
  for (engine::RequirementResult& r : requirements) {
    if (std::find(policy.require.begin(), policy.require.end(), r.id) != policy.require.end()) {
      r.severity = engine::Severity::kRequired;
    }
    if (r.status == engine::Status::kPresent) continue;
    for (const Waiver& w : policy.waivers) {
      if (WaiverMatches(w, report->file, r.id)) {
        r.waived = true;
        r.waiver_reason = w.reason;
        break;
      }
    }
  }
}

}  // namespace clausegap::cli
