// Every sample's designed status per requirement (the tables in
// samples/README.md, written with the contracts) against `check`'s verdict,
// and the evidence of the 別紙 sample cited with its section.
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

using Json = nlohmann::json;

// sample name → requirement id → designed status, read from the README.
std::map<std::string, std::map<std::string, std::string>> DesignedStatuses() {
  std::ifstream in(std::string(CLAUSEGAP_SOURCE_DIR) + "/samples/README.md");
  std::map<std::string, std::map<std::string, std::string>> out;
  std::string line, sample;
  const std::regex heading("^### `([a-z0-9-]+)`");
  const std::regex row("^\\| ([a-z-]+) \\| (present|weak|missing) \\|");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_search(line, m, heading)) {
      sample = m[1];
    } else if (!sample.empty() && std::regex_search(line, m, row)) {
      out[sample][m[1]] = m[2];
    }
  }
  return out;
}

TEST_CASE("check agrees with every status the samples were designed to have") {
  auto designed = DesignedStatuses();
  REQUIRE(designed.size() >= 9);
  std::vector<std::string> args = {"check", "--format", "json", "--fail-on", "never", "--quiet"};
  for (const auto& [sample, statuses] : designed) args.push_back(SamplePath(sample));
  RunResult r = RunClausegap(args, 120);
  REQUIRE(r.exit_code == 0);
  Json report = Json::parse(r.out);
  REQUIRE(report["documents"].size() == designed.size());
  int compared = 0;
  for (const Json& d : report["documents"]) {
    std::string file = d["file"];
    std::string sample = file.substr(file.rfind('/') + 1);
    sample = sample.substr(0, sample.size() - 5);
    for (const Json& req : d["requirements"]) {
      auto want = designed[sample].find(req["id"]);
      if (want == designed[sample].end()) continue;
      INFO(sample << " " << req["id"].get<std::string>());
      CHECK(req["status"] == want->second);
      ++compared;
    }
  }
  std::size_t expected = 0;
  for (const auto& [sample, statuses] : designed) expected += statuses.size();
  CHECK(compared == static_cast<int>(expected));
  CHECK(expected >= 120);
}

TEST_CASE("clauses in a 別紙 are cited with the section: 別紙 第5条第1項") {
  RunResult r = RunClausegap({"check", "--format", "json", SamplePath("besshi-tokki")});
  CHECK(r.exit_code == 0);
  Json doc = Json::parse(r.out)["documents"][0];
  std::map<std::string, std::string> label;
  for (const Json& req : doc["requirements"]) {
    if (!req["evidence"].empty()) label[req["id"]] = req["evidence"][0]["label"];
  }
  CHECK(label["redelegation"] == "別紙 第5条第1項");
  CHECK(label["return-deletion"] == "別紙 第8条第1項");
  CHECK(label["breach-notification"] == "別紙 第9条");
  CHECK(label["liability"] == "別紙 第11条");
  CHECK(label["termination-for-breach"] == "第5条");
}

}  // namespace
}  // namespace clausegap::e2e
