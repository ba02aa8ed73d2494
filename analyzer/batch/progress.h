// A one-line progress display on stderr for batch runs: files done / total,
// rate, ETA and errors so far. First drawn after one second (a quick check
// of one contract shows none), then at most ten times a second; plain text
// and carriage returns, no escape sequences. Silent unless enabled (stderr is
// a terminal and --quiet is not given). Used from one thread.
#ifndef CLAUSEGAP_BATCH_PROGRESS_H_
#define CLAUSEGAP_BATCH_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace clausegap::batch {

class Progress {
 public:
  /// Draws to |out| when |enabled|.
  Progress(bool enabled, std::FILE* out = stderr);

  /// Records that |done| inputs are finished, |errors| of them failed, and
  /// |total| inputs are known so far (|total_final| once the walk is over).
  void Update(std::uint64_t done, std::uint64_t errors, std::uint64_t total, bool total_final);

  /// Clears the line (before other output to stderr, and at the end).
  void Clear();

  /// Returns the line Update would draw, for tests.
  static std::string Render(std::uint64_t done, std::uint64_t errors, std::uint64_t total,
                            bool total_final, double seconds);

 private:
  bool enabled_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
  std::size_t width_ = 0;  // length of the line on screen
};

}  // namespace clausegap::batch

#endif  // CLAUSEGAP_BATCH_PROGRESS_H_
