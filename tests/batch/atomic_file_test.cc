// Tests of the atomic output file and the progress line.
#include "batch/atomic_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "batch/progress.h"

namespace clausegap::batch {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path TempPath(const std::string& name) {
  return fs::temp_directory_path() / ("clausegap-atomic-" + std::to_string(getpid()) + "-" + name);
}

TEST_CASE("the destination appears only on Commit") {
  fs::path path = TempPath("commit.json");
  fs::remove(path);
  {
    auto file = AtomicFile::Create(path.string());
    REQUIRE(file);
    (*file)->stream() << "{\"complete\":true}\n";
    CHECK_FALSE(fs::exists(path));
    CHECK(fs::exists((*file)->temp_path()));
    REQUIRE((*file)->Commit());
    CHECK_FALSE(fs::exists((*file)->temp_path()));
  }
  CHECK(Slurp(path) == "{\"complete\":true}\n");
  fs::remove(path);
}

TEST_CASE("without Commit the destination is untouched and the temporary file removed") {
  fs::path path = TempPath("keep.json");
  std::ofstream(path) << "previous report";
  std::string temp;
  {
    auto file = AtomicFile::Create(path.string());
    REQUIRE(file);
    temp = (*file)->temp_path();
    (*file)->stream() << "half a rep";
  }
  CHECK(Slurp(path) == "previous report");
  CHECK_FALSE(fs::exists(temp));
  fs::remove(path);
}

TEST_CASE("an output in a folder that does not exist is a clear error") {
  auto file = AtomicFile::Create("/nonexistent-clausegap-dir/out.json");
  REQUIRE_FALSE(file);
  CHECK(file.error().code == ErrorCode::kIo);
  CHECK(file.error().message.rfind("/nonexistent-clausegap-dir/out.json: cannot create output file",
                                   0) == 0);
}

TEST_CASE("the progress line shows done/total, rate, ETA and errors") {
  CHECK(Progress::Render(50, 2, 100, true, 10.0) ==
        "[############............] 50/100 files  5/s  ETA 0:10  errors 2");
  // While the walk is still finding inputs the total is open-ended.
  CHECK(Progress::Render(5, 0, 9, false, 1.0) == "5/9+ files  5/s  errors 0");
  CHECK(Progress::Render(100, 0, 100, true, 4.0) ==
        "[########################] 100/100 files  25/s  errors 0");
}

}  // namespace
}  // namespace clausegap::batch
