// Keeps `--output` from destroying what the run reads.
//
// A report written over one of its own inputs (`check -o a.docx a.docx`, a
// hard link of it, a contract inside a folder being scanned, the rule pack,
// the config, a waiver file or the --files-from list) would lose that file.
// The guard knows the output's identity (device and inode, when it exists)
// and is asked about every file the run reads; the CLI refuses the run (exit
// 2, nothing written) on a match. Plain values; thread-compatible.
#ifndef CLAUSEGAP_CLI_OUTPUT_GUARD_H_
#define CLAUSEGAP_CLI_OUTPUT_GUARD_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "base/error.h"
#include "i18n/messages.h"

namespace clausegap::cli {

class OutputGuard {
 public:
  /// Guards |output| (a path; empty means stdout, which nothing can clobber);
  /// refusals are worded in |lang|.
  OutputGuard(const std::string& output, i18n::Lang lang);

  /// Returns kUsage "OUTPUT: … (INPUT) …" when |input| is the output file
  /// (same path, hard link or symbolic link: same device and inode), or is a
  /// folder holding the output as a document or archive the walk would read;
  /// else success. A path that does not exist is never a match.
  Expected<void> Check(const std::string& input) const;

  /// Check for every path of |inputs|; returns the first refusal.
  Expected<void> CheckAll(const std::vector<std::string>& inputs) const;

  /// Returns whether the output exists (only then can it be clobbered).
  bool active() const { return exists_; }

 private:
  std::string output_;
  i18n::Lang lang_;
  bool exists_ = false;
  dev_t device_ = 0;
  ino_t inode_ = 0;
  std::string canonical_;  ///< the output's canonical path when it exists
};

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_OUTPUT_GUARD_H_
