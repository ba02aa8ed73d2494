#include "cli/audit.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/sha256.h"

namespace clausegap::cli {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

std::vector<report::RulePackInfo> DescribePacks(const std::vector<std::string>& rule_paths) {
  std::vector<std::string> files;
  for (const std::string& path : rule_paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> in_dir;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".json" || ext == ".jsonc")) {
        in_dir.push_back(entry.path().string());
      }
    }
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  std::vector<report::RulePackInfo> packs;
  for (const std::string& file : files) {
    std::string bytes = ReadAll(file);
    report::RulePackInfo info;
    info.path = file;
    info.sha256 = Sha256Hex(bytes);
    auto json = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false,
                                      /*ignore_comments=*/true);
    if (json.is_object()) {
      if (json.contains("pack") && json["pack"].is_string()) info.name = json["pack"].get<std::string>();
      if (json.contains("version")) {
        const auto& v = json["version"];
        info.version = v.is_string() ? v.get<std::string>() : v.dump();
      }
    }
    packs.push_back(std::move(info));
  }
  return packs;
}

std::string EffectivePackDigest(const std::vector<report::RulePackInfo>& packs) {
  Sha256 hash;
  for (const report::RulePackInfo& pack : packs) hash.Update(ReadAll(pack.path));
  return hash.Hex();
}

std::string IsoUtc(std::time_t when) {
  std::tm utc{};
  gmtime_r(&when, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

}  // namespace clausegap::cli
