#include "base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace clausegap {

Expected<std::string> ReadFileCapped(const std::string& path, std::uint64_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return MakeError(ErrorCode::kIo, path + ": is a directory");
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return MakeError(ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno));
  std::string bytes;
  char buffer[64 * 1024];
  while (true) {
    std::size_t n = std::fread(buffer, 1, sizeof buffer, file.get());
    if (n > 0) {
      if (bytes.size() + n > max_bytes) {
        return MakeError(ErrorCode::kTooLarge,
                         path + ": file larger than " + std::to_string(max_bytes >> 20) + " MiB");
      }
      bytes.append(buffer, n);
    }
    if (n < sizeof buffer) {
      if (std::ferror(file.get())) {
        return MakeError(ErrorCode::kIo, path + ": read error: " + std::strerror(errno));
      }
      break;
    }
  }
  return bytes;
}

}  // namespace clausegap
