#include "batch/environment.h"

#include <malloc.h>
#include <sched.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace clausegap::batch {
namespace {

constexpr int kMaxJobs = 256;

// Returns |text| as a thread count when it starts with a positive integer
// (OMP_NUM_THREADS may list one count per nesting level: "4,2").
std::optional<int> ParseThreadCount(std::string_view text) {
  std::size_t end = text.find(',');
  text = text.substr(0, end);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value <= 0) return std::nullopt;
  return std::min(value, kMaxJobs);
}

std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Returns the quota of a cgroup v1 cpu controller folder, 0 for none.
double CfsLimit(const std::string& dir) {
  std::string quota = ReadSmallFile(dir + "/cpu.cfs_quota_us");
  std::string period = ReadSmallFile(dir + "/cpu.cfs_period_us");
  char* end = nullptr;
  double q = std::strtod(quota.c_str(), &end);
  if (end == quota.c_str() || q <= 0) return 0;  // -1: no quota
  double p = std::strtod(period.c_str(), &end);
  if (end == period.c_str() || p <= 0) return 0;
  return q / p;
}

// Returns the tightest of the limits |limit_at| gives for |path| and each of
// its ancestors under |root|.
template <typename LimitAt>
double TightestOnPath(const std::string& root, std::string path, LimitAt limit_at) {
  double tightest = 0;
  while (true) {
    double limit = limit_at(root + path);
    if (limit > 0 && (tightest == 0 || limit < tightest)) tightest = limit;
    if (path.empty() || path == "/") break;
    std::size_t slash = path.find_last_of('/');
    path = slash == std::string::npos || slash == 0 ? std::string() : path.substr(0, slash);
  }
  return tightest;
}

}  // namespace

JobsChoice DefaultJobs(const JobHints& hints) {
  if (hints.clausegap_jobs) {
    if (auto n = ParseThreadCount(*hints.clausegap_jobs)) return {*n, "CLAUSEGAP_JOBS"};
  }
  if (hints.omp_num_threads) {
    if (auto n = ParseThreadCount(*hints.omp_num_threads)) return {*n, "OMP_NUM_THREADS"};
  }
  JobsChoice choice{std::max(1, hints.hardware_cpus), "cores"};
  if (hints.affinity_cpus > 0 && hints.affinity_cpus < choice.jobs) {
    choice = {hints.affinity_cpus, "affinity"};
  }
  if (hints.cgroup_cpus > 0) {
    int quota = std::max(1, static_cast<int>(std::ceil(hints.cgroup_cpus - 1e-9)));
    if (quota < choice.jobs) choice = {quota, "cgroup"};
  }
  choice.jobs = std::clamp(choice.jobs, 1, kMaxJobs);
  return choice;
}

double CpuMaxLimit(std::string_view cpu_max) {
  std::istringstream in{std::string(cpu_max)};
  std::string quota, period;
  if (!(in >> quota >> period) || quota == "max") return 0;
  char* end = nullptr;
  double q = std::strtod(quota.c_str(), &end);
  if (*end != '\0' || q <= 0) return 0;
  double p = std::strtod(period.c_str(), &end);
  if (*end != '\0' || p <= 0) return 0;
  return q / p;
}

double CgroupCpuLimit(std::string_view proc_cgroup, const std::string& v2_root,
                      const std::string& v1_cpu_root) {
  double tightest = 0;
  auto keep = [&tightest](double limit) {
    if (limit > 0 && (tightest == 0 || limit < tightest)) tightest = limit;
  };
  std::istringstream lines{std::string(proc_cgroup)};
  std::string line;
  while (std::getline(lines, line)) {
    // "hierarchy-id:controllers:path"; v2 is "0::/path".
    std::size_t first = line.find(':');
    std::size_t second = first == std::string::npos ? first : line.find(':', first + 1);
    if (second == std::string::npos) continue;
    std::string controllers = line.substr(first + 1, second - first - 1);
    std::string path = line.substr(second + 1);
    if (line.compare(0, first, "0") == 0 && controllers.empty()) {
      keep(TightestOnPath(v2_root, path, [](const std::string& dir) {
        return CpuMaxLimit(ReadSmallFile(dir + "/cpu.max"));
      }));
      continue;
    }
    std::istringstream names(controllers);
    std::string name;
    while (std::getline(names, name, ',')) {
      if (name == "cpu") keep(TightestOnPath(v1_cpu_root, path, CfsLimit));
    }
  }
  return tightest;
}

JobHints ReadJobHints() {
  JobHints hints;
  if (const char* v = std::getenv("CLAUSEGAP_JOBS")) hints.clausegap_jobs = v;
  if (const char* v = std::getenv("OMP_NUM_THREADS")) hints.omp_num_threads = v;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) hints.affinity_cpus = CPU_COUNT(&set);
  hints.cgroup_cpus = CgroupCpuLimit(ReadSmallFile("/proc/self/cgroup"), "/sys/fs/cgroup",
                                     "/sys/fs/cgroup/cpu");
  hints.hardware_cpus = static_cast<int>(std::thread::hardware_concurrency());
  return hints;
}

bool NeutraliseMallocEnvironment() {
  bool tuned = std::getenv("MALLOC_TRIM_THRESHOLD_") != nullptr ||
               std::getenv("MALLOC_MMAP_THRESHOLD_") != nullptr ||
               std::getenv("MALLOC_TOP_PAD_") != nullptr;
  if (!tuned || std::getenv("CLAUSEGAP_KEEP_MALLOC_ENV") != nullptr) return false;
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  return true;
}

}  // namespace clausegap::batch
