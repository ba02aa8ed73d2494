// Regression tests for rule-pack inputs found by fuzz/rule_pack_fuzzer (see
// fuzz/README.md): each must load or fail with a clean kInvalidRules error,
// quickly and in bounded memory.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/rule_pack.h"

namespace clausegap {
namespace {

namespace fs = std::filesystem;

// Writes |text| to a fresh file under the temp dir and returns its path.
std::string WritePack(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / "clausegap_regressions";
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// A requirement whose "clause" is |clause|.
std::string Pack(const std::string& clause) {
  return R"({"requirements":[{"id":"a","title":"t","severity":"required","suggestion":"s","clause":)" + clause +
         "}]}";
}

// Returns the error message after "path:", checking the code and the prefix.
std::string ErrorAfterPath(const std::string& name, const std::string& text) {
  const std::string path = WritePack(name, text);
  const auto start = std::chrono::steady_clock::now();
  auto pack = engine::LoadRulePacks({path});
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  REQUIRE(!pack);
  CHECK(pack.error().code == ErrorCode::kInvalidRules);
  REQUIRE(pack.error().message.rfind(path + ":", 0) == 0);
  return pack.error().message.substr(path.size() + 1);
}

// Found with a hand-made seed replayed through rule_pack_fuzzer: deeply
// nested arrays made the line map that reports "file:line" store a JSON
// pointer as long as the depth for every value (quadratic memory: 100000
// levels took more than 2 GB).
TEST_CASE("deeply nested JSON is refused with its line, in bounded memory") {
  const int n = 100000;
  CHECK(ErrorAfterPath("deep_array.json", Repeat("[", n) + Repeat("]", n)) ==
        "1: JSON nested deeper than 64 levels");
  CHECK(ErrorAfterPath("deep_severity.json",
                       "{\n\"requirements\": [{\"id\": \"a\", \"title\": \"t\",\n\"severity\": " +
                           Repeat("[", n) + Repeat("]", n) + "}]}") == "3: JSON nested deeper than 64 levels");
  CHECK(ErrorAfterPath("deep_terms.jsonc", "// comment [[[[\n{\"terms\": {\"a\": \"[[\",\n \"b\":\n" +
                                               Repeat("[", n) + Repeat("]", n) + "}}") ==
        "4: JSON nested deeper than 64 levels");
  CHECK(ErrorAfterPath("deep_all_of.json", Pack(Repeat("{\"all_of\":[", 20000) + "{\"any\":\"x\"}" +
                                                Repeat("]}", 20000))) == "1: JSON nested deeper than 64 levels");
}

// Found by rule_pack_fuzzer (data/rules/number-overflow-uncaught.json): a
// number beyond double such as 1e999 made nlohmann::json throw out_of_range,
// which the loader did not catch: std::terminate.
TEST_CASE("a number too large for a double is an invalid-JSON error, not a crash") {
  CHECK(ErrorAfterPath("overflow.json", "{\n  \"version\": 1e999\n}") ==
        "2: invalid JSON: number overflow parsing '1e999'");
  CHECK(ErrorAfterPath("overflow_in_requirement.json", Pack("{\"any\": \"x\"}, \"enabled\": -4e4444")) ==
        "1: invalid JSON: number overflow parsing '-4e4444'");
}

TEST_CASE("nesting up to the limit still loads and validates") {
  // 64 levels in all: the root object, "requirements", the requirement, the
  // clause and 30 pairs of all_of object / array around the innermost matcher.
  const std::string nested = Repeat("{\"all_of\":[", 30) + "{\"any\":\"再委託\"}" + Repeat("]}", 30);
  auto pack = engine::LoadRulePacks({WritePack("deep_ok.json", Pack(nested))});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  CHECK(engine::EnabledRequirements(**pack).size() == 1);
  // One level more than the limit: the innermost terms as an array.
  const std::string too_deep =
      Repeat("{\"all_of\":[", 30) + "{\"any\":[\"再委託\"]}" + Repeat("]}", 30);
  CHECK(ErrorAfterPath("deep_65.json", Pack(too_deep)) == "1: JSON nested deeper than 64 levels");
}

}  // namespace
}  // namespace clausegap
