// What the process's surroundings say about how a batch run should use the
// machine: the default number of worker threads (CPU affinity, cgroup CPU
// quota, CLAUSEGAP_JOBS / OMP_NUM_THREADS) and malloc settings inherited from
// a parent that tuned them for itself (Dask's MALLOC_TRIM_THRESHOLD_).
//
// Pure functions over plain values, plus two readers of the live process;
// none is thread-safe with a concurrent setenv.
#ifndef CLAUSEGAP_BATCH_ENVIRONMENT_H_
#define CLAUSEGAP_BATCH_ENVIRONMENT_H_

#include <optional>
#include <string>
#include <string_view>

namespace clausegap::batch {

/// What decides the default --jobs, gathered by ReadJobHints or by a test.
struct JobHints {
  std::optional<std::string> clausegap_jobs;   ///< CLAUSEGAP_JOBS, when set
  std::optional<std::string> omp_num_threads;  ///< OMP_NUM_THREADS, when set
  int affinity_cpus = 0;  ///< CPUs in the sched_getaffinity mask; 0: unknown
  double cgroup_cpus = 0;  ///< the cgroup CPU quota in CPUs (1.5); 0: none
  int hardware_cpus = 0;   ///< std::thread::hardware_concurrency(); 0: unknown
};

/// The default number of worker threads and the hint it came from.
struct JobsChoice {
  int jobs = 1;
  std::string source;  ///< "CLAUSEGAP_JOBS", "OMP_NUM_THREADS", "cgroup", "affinity", "cores"
};

/// Returns the default --jobs for |hints|: CLAUSEGAP_JOBS, else the first
/// number of OMP_NUM_THREADS ("4" or "4,2"), when a positive integer (at most
/// 256); else the fewest of the affinity mask, the cgroup quota rounded up
/// and the hardware count; never less than 1.
JobsChoice DefaultJobs(const JobHints& hints);

/// Returns the CPU limit a cgroup v2 cpu.max file states ("150000 100000" →
/// 1.5), or 0 for "max …" and anything unreadable.
double CpuMaxLimit(std::string_view cpu_max);

/// Returns the tightest CPU quota (in CPUs) on the way from the process's
/// cgroup to the root: |proc_cgroup| is the text of /proc/self/cgroup, the
/// v2 files live under |v2_root| (/sys/fs/cgroup) and the v1 ones
/// (cpu.cfs_quota_us / cpu.cfs_period_us) under |v1_cpu_root|
/// (/sys/fs/cgroup/cpu). Returns 0 when no quota applies.
double CgroupCpuLimit(std::string_view proc_cgroup, const std::string& v2_root,
                      const std::string& v1_cpu_root);

/// Returns the hints of this process (environment, affinity, cgroup files).
JobHints ReadJobHints();

/// Undoes the slow path an inherited MALLOC_TRIM_THRESHOLD_ forces on glibc:
/// a small trim threshold shrinks the heap whenever its top is free (and it
/// grows again for the next document), and any of MALLOC_TRIM_THRESHOLD_,
/// MALLOC_MMAP_THRESHOLD_, MALLOC_TOP_PAD_ stops glibc adapting its mmap
/// threshold, so every buffer over 128 KiB is mapped and unmapped anew
/// (2.3× the CPU time on a batch). When one is set (and CLAUSEGAP_KEEP_MALLOC_ENV is not),
/// this sets fixed thresholds that keep such buffers on the heap (mmap
/// threshold 32 MiB, trim threshold 64 MiB). Returns whether it did.
bool NeutraliseMallocEnvironment();

}  // namespace clausegap::batch

#endif  // CLAUSEGAP_BATCH_ENVIRONMENT_H_
