// An output file that appears complete or not at all.
//
// Writes go to a temporary file next to the destination; Commit() flushes,
// fsyncs and renames it over the destination. If Commit() is never called
// (an error, Ctrl-C), the destructor removes the temporary file and the
// destination is left as it was. Not thread-safe.
#ifndef CLAUSEGAP_BATCH_ATOMIC_FILE_H_
#define CLAUSEGAP_BATCH_ATOMIC_FILE_H_

#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "base/error.h"

namespace clausegap::batch {

class AtomicFile {
 public:
  /// Creates the temporary file for |path|. Returns kIo naming |path| if the
  /// folder is not writable.
  static Expected<std::unique_ptr<AtomicFile>> Create(const std::string& path);
  ~AtomicFile();

  /// The stream to write to.
  std::ostream& stream() { return *stream_; }

  /// Flushes and renames the file into place. Returns kIo on a write error
  /// (disk full …), in which case the destination is untouched.
  Expected<void> Commit();

  /// The temporary file's path (for tests and messages).
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFile() = default;

  std::string path_;
  std::string temp_path_;
  std::unique_ptr<std::ofstream> stream_;
  bool committed_ = false;
};

}  // namespace clausegap::batch

#endif  // CLAUSEGAP_BATCH_ATOMIC_FILE_H_
