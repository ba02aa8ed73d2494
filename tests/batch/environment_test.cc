// Tests of the --jobs default (hints, affinity, cgroup quotas) and of the
// malloc environment guard.
#include "batch/environment.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

namespace clausegap::batch {
namespace {

namespace fs = std::filesystem;

TEST_CASE("CLAUSEGAP_JOBS, then OMP_NUM_THREADS, then the tightest CPU limit") {
  JobHints hints;
  hints.hardware_cpus = 16;
  CHECK(DefaultJobs(hints).jobs == 16);
  CHECK(DefaultJobs(hints).source == "cores");
  hints.affinity_cpus = 4;
  CHECK(DefaultJobs(hints).jobs == 4);
  CHECK(DefaultJobs(hints).source == "affinity");
  hints.cgroup_cpus = 1.5;  // rounded up
  CHECK(DefaultJobs(hints).jobs == 2);
  CHECK(DefaultJobs(hints).source == "cgroup");
  hints.omp_num_threads = "1";  // what a Dask worker sets
  CHECK(DefaultJobs(hints).jobs == 1);
  CHECK(DefaultJobs(hints).source == "OMP_NUM_THREADS");
  hints.omp_num_threads = " 3,2";  // one count per nesting level
  CHECK(DefaultJobs(hints).jobs == 3);
  hints.clausegap_jobs = "5";
  CHECK(DefaultJobs(hints).jobs == 5);
  CHECK(DefaultJobs(hints).source == "CLAUSEGAP_JOBS");
  // Nonsense hints are ignored, not obeyed.
  hints.clausegap_jobs = "0";
  hints.omp_num_threads = "many";
  CHECK(DefaultJobs(hints).jobs == 2);
  hints.clausegap_jobs = "100000";
  CHECK(DefaultJobs(hints).jobs == 256);
  CHECK(DefaultJobs(JobHints{}).jobs == 1);  // nothing known: one
}

TEST_CASE("cgroup v2 cpu.max") {
  CHECK(CpuMaxLimit("max 100000\n") == 0);
  CHECK(CpuMaxLimit("150000 100000\n") == doctest::Approx(1.5));
  CHECK(CpuMaxLimit("50000 100000") == doctest::Approx(0.5));
  CHECK(CpuMaxLimit("") == 0);
  CHECK(CpuMaxLimit("x 100000") == 0);
}

// A fake /sys/fs/cgroup: writes |text| to root/path/file.
void Put(const fs::path& root, const std::string& dir, const std::string& file, const std::string& text) {
  fs::create_directories(root / dir);
  std::ofstream(root / dir / file) << text;
}

TEST_CASE("the tightest quota on the way to the root counts, v2 and v1") {
  fs::path root = fs::temp_directory_path() / ("clausegap-cgroup-" + std::to_string(::getpid()));
  fs::remove_all(root);
  Put(root / "v2", "", "cpu.max", "max 100000\n");
  Put(root / "v2", "job", "cpu.max", "300000 100000\n");
  Put(root / "v2", "job/task", "cpu.max", "max 100000\n");
  CHECK(CgroupCpuLimit("0::/job/task\n", (root / "v2").string(), (root / "v1").string()) ==
        doctest::Approx(3.0));
  CHECK(CgroupCpuLimit("0::/\n", (root / "v2").string(), (root / "v1").string()) == 0);
  Put(root / "v1", "slice", "cpu.cfs_quota_us", "200000\n");
  Put(root / "v1", "slice", "cpu.cfs_period_us", "100000\n");
  Put(root / "v1", "", "cpu.cfs_quota_us", "-1\n");
  Put(root / "v1", "", "cpu.cfs_period_us", "100000\n");
  CHECK(CgroupCpuLimit("4:memory:/x\n3:cpu,cpuacct:/slice\n0::/\n", (root / "v2").string(),
                       (root / "v1").string()) == doctest::Approx(2.0));
  CHECK(CgroupCpuLimit("", (root / "v2").string(), (root / "v1").string()) == 0);
  fs::remove_all(root);
}

TEST_CASE("inherited malloc tuning is overridden unless CLAUSEGAP_KEEP_MALLOC_ENV is set") {
  ::unsetenv("MALLOC_TRIM_THRESHOLD_");
  ::unsetenv("MALLOC_MMAP_THRESHOLD_");
  ::unsetenv("MALLOC_TOP_PAD_");
  ::unsetenv("CLAUSEGAP_KEEP_MALLOC_ENV");
  CHECK_FALSE(NeutraliseMallocEnvironment());
  ::setenv("MALLOC_TRIM_THRESHOLD_", "65536", 1);
  CHECK(NeutraliseMallocEnvironment());
  ::setenv("CLAUSEGAP_KEEP_MALLOC_ENV", "1", 1);
  CHECK_FALSE(NeutraliseMallocEnvironment());
  ::unsetenv("CLAUSEGAP_KEEP_MALLOC_ENV");
  ::unsetenv("MALLOC_TRIM_THRESHOLD_");
}

}  // namespace
}  // namespace clausegap::batch
