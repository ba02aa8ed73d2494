// The installed layout: `cmake --install` into a fresh prefix gives a binary
// that finds its rule pack and legal dictionary under PREFIX/share/clausegap,
// wherever the prefix is, and says clearly what is missing when they are not.
#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "e2e/run.h"

namespace clausegap::e2e {
namespace {

namespace fs = std::filesystem;

TEST_CASE("an install into another prefix finds its data, and names what is missing") {
  ScratchDir prefix;
  RunResult install = RunCommand({"cmake", "--install", CLAUSEGAP_BINARY_DIR, "--prefix",
                                  prefix.path().string()},
                                 120);
  REQUIRE_MESSAGE(install.exit_code == 0, install.err);
  fs::path exe = prefix.path() / "bin" / "clausegap";
  REQUIRE(fs::exists(exe));
  CHECK(fs::exists(prefix.path() / "share" / "clausegap" / "legal.dic"));
  CHECK(fs::exists(prefix.path() / "share" / "clausegap" / "rules" / "default.jsonc"));

  RunResult run = RunCommand({exe.string(), "check", "--quiet", SamplePath("itaku-callcenter")});
  CHECK_MESSAGE(run.exit_code == 0, run.err);
  CHECK(run.out.find("redelegation") != std::string::npos);

  fs::rename(prefix.path() / "share", prefix.path() / "moved");
  RunResult missing = RunCommand({exe.string(), "check", SamplePath("itaku-callcenter")});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("default rule pack not found; looked in:") != std::string::npos);
  CHECK(missing.err.find((prefix.path() / "share" / "clausegap" / "rules").string()) !=
        std::string::npos);
}

TEST_CASE("an explicit CLAUSEGAP_RULES that is not a folder is an error, not a fallback") {
  RunResult run = RunCommand({"env", "CLAUSEGAP_RULES=/nonexistent/clausegap-rules", CLAUSEGAP_EXE,
                              "check", SamplePath("itaku-callcenter")});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err.find("/nonexistent/clausegap-rules: not a folder of rule packs ($CLAUSEGAP_RULES)") !=
        std::string::npos);
}

}  // namespace
}  // namespace clausegap::e2e
