// libFuzzer target: rule packs. LoadRulePacks reads files only, so the
// input goes into memory files (memfd_create) named by /proc/self/fd/N. The
// input is cut at its first NUL byte into a base pack and an overriding pack
// (JSON text holds no NUL), so the override / disable paths are reached too.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_pack.h"

namespace {

// A memory file reused across runs; its path stays valid for the process.
class MemFile {
 public:
  explicit MemFile(const char* name) : fd_(memfd_create(name, 0)) {
    if (fd_ < 0) std::abort();
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  // Replaces the file's contents with |data|; returns its path.
  const std::string& Fill(std::string_view data) {
    if (ftruncate(fd_, 0) != 0) std::abort();
    std::size_t done = 0;
    while (done < data.size()) {
      ssize_t n = pwrite(fd_, data.data() + done, data.size() - done, static_cast<off_t>(done));
      if (n <= 0) std::abort();
      done += static_cast<std::size_t>(n);
    }
    return path_;
  }

 private:
  int fd_;
  std::string path_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausegap;
  static MemFile base("base.jsonc");
  static MemFile overlay("overlay.jsonc");
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> paths;
  std::size_t nul = input.find('\0');
  paths.push_back(base.Fill(input.substr(0, nul)));
  if (nul != std::string_view::npos) paths.push_back(overlay.Fill(input.substr(nul + 1)));
  auto pack = engine::LoadRulePacks(paths);
  if (pack) {
    for (const auto& r : engine::EnabledRequirements(**pack)) {
      if (r.id.empty()) std::abort();  // a loaded requirement always has an id
    }
  }
  return 0;
}
