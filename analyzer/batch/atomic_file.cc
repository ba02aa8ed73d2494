#include "batch/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace clausegap::batch {

Expected<std::unique_ptr<AtomicFile>> AtomicFile::Create(const std::string& path) {
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0) {
    return MakeError(ErrorCode::kIo, path + ": cannot create output file: " + std::strerror(errno));
  }
  // mkstemp creates the file 0600; give the report the permissions an
  // ordinary new file would get.
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  close(fd);
  std::unique_ptr<AtomicFile> file(new AtomicFile());
  file->path_ = path;
  file->temp_path_ = name.data();
  file->stream_ = std::make_unique<std::ofstream>(file->temp_path_,
                                                  std::ios::binary | std::ios::trunc);
  if (!*file->stream_) {
    std::remove(file->temp_path_.c_str());
    file->temp_path_.clear();
    return MakeError(ErrorCode::kIo, path + ": cannot write output file");
  }
  return file;
}

AtomicFile::~AtomicFile() {
  if (committed_ || temp_path_.empty()) return;
  stream_.reset();
  std::remove(temp_path_.c_str());
}

Expected<void> AtomicFile::Commit() {
  stream_->flush();
  bool failed = !*stream_;
  stream_->close();
  failed = failed || stream_->fail();
  if (!failed) {
    int fd = open(temp_path_.c_str(), O_RDONLY);
    failed = fd < 0 || fsync(fd) != 0;
    if (fd >= 0) close(fd);
  }
  if (failed) {
    return MakeError(ErrorCode::kIo, path_ + ": write failed (disk full?); output not written");
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return MakeError(ErrorCode::kIo, path_ + ": cannot move output into place: " +
                                         std::strerror(errno));
  }
  committed_ = true;
  return {};
}

}  // namespace clausegap::batch
