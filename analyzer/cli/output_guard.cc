#include "cli/output_guard.h"

#include <sys/stat.h>

#include <filesystem>
#include <system_error>

#include "batch/inputs.h"

namespace clausegap::cli {

namespace fs = std::filesystem;

OutputGuard::OutputGuard(const std::string& output, i18n::Lang lang) : output_(output), lang_(lang) {
  struct stat st;
  if (output.empty() || ::stat(output.c_str(), &st) != 0) return;
  exists_ = true;
  device_ = st.st_dev;
  inode_ = st.st_ino;
  std::error_code ec;
  fs::path canonical = fs::canonical(output, ec);
  if (!ec) canonical_ = canonical.string();
}

Expected<void> OutputGuard::Check(const std::string& input) const {
  if (!exists_) return {};
  struct stat st;
  if (::stat(input.c_str(), &st) != 0) return {};  // the walk reports it
  if (st.st_dev == device_ && st.st_ino == inode_) {
    return MakeError(ErrorCode::kUsage,
                     i18n::Format(lang_, i18n::Msg::kOutputIsInput, {output_, input}));
  }
  if (!S_ISDIR(st.st_mode) || canonical_.empty()) return {};
  std::string name = fs::path(output_).filename().string();
  if (!batch::IsDocumentName(name) && !batch::IsArchiveName(name)) return {};
  std::error_code ec;
  std::string folder = fs::canonical(input, ec).string();
  if (ec) return {};
  if (!folder.empty() && folder.back() != '/') folder += '/';
  if (canonical_.rfind(folder, 0) == 0) {
    return MakeError(ErrorCode::kUsage,
                     i18n::Format(lang_, i18n::Msg::kOutputInsideInput, {output_, input}));
  }
  return {};
}

Expected<void> OutputGuard::CheckAll(const std::vector<std::string>& inputs) const {
  for (const std::string& input : inputs) {
    if (auto checked = Check(input); !checked) return checked;
  }
  return {};
}

}  // namespace clausegap::cli
