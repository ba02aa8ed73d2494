#include "batch/inputs.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

#include "base/encoding.h"
#include "docx/zip_package.h"

namespace clausegap::batch {
namespace {

namespace fs = std::filesystem;

bool EndsWithNoCase(const std::string& name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[name.size() - suffix.size() + i]);
    if (std::tolower(c) != suffix[i]) return false;
  }
  return true;
}

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipHandle = std::unique_ptr<zip_t, ZipCloser>;

// Returns a "name: cause" error for a libzip open failure code.
Error OpenError(const std::string& name, int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string cause = zip_error_strerror(&error);
  zip_error_fini(&error);
  ErrorCode kind = code == ZIP_ER_NOZIP ? ErrorCode::kNotZip : ErrorCode::kCorruptZip;
  if (code == ZIP_ER_OPEN || code == ZIP_ER_READ) kind = ErrorCode::kIo;
  return Error{kind, name + ": cannot open archive: " + cause};
}

// Returns the last component of |path| (after '/' or '\\').
std::string_view BaseName(std::string_view path) {
  std::size_t slash = path.find_last_of("/\\");
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsDocumentName(const std::string& name) {
  return EndsWithNoCase(name, ".docx") || EndsWithNoCase(name, ".docm") ||
         EndsWithNoCase(name, ".dotx") || EndsWithNoCase(name, ".dotm") ||
         EndsWithNoCase(name, ".doc") || EndsWithNoCase(name, ".pdf") ||
         EndsWithNoCase(name, ".rtf");
}

bool IsLitterName(std::string_view path) {
  std::string_view base = BaseName(path);
  if (base.substr(0, 2) == "~$" || base.substr(0, 2) == "._") return true;
  if (EqualsNoCase(base, ".DS_Store") || EqualsNoCase(base, "Thumbs.db") ||
      EqualsNoCase(base, "desktop.ini")) {
    return true;
  }
  // Any component named __MACOSX (the resource forks macOS adds to archives).
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "__MACOSX") return true;
    start = end + 1;
  }
  return false;
}

std::string DecodeEntryName(std::string_view raw, std::string_view fallback) {
  if (InvalidUtf8Offset(raw) == std::string_view::npos) return std::string(raw);
  if (auto cp932 = ToUtf8(raw, "CP932")) return *cp932;
  return std::string(fallback);
}

bool EntryNameLess(std::string_view a, std::string_view b) {
  while (true) {
    std::size_t a_end = a.find('/');
    std::size_t b_end = b.find('/');
    std::string_view a_head = a.substr(0, a_end);
    std::string_view b_head = b.substr(0, b_end);
    bool a_file = a_end == std::string_view::npos;
    bool b_file = b_end == std::string_view::npos;
    if (a_head != b_head || a_file || b_file) {
      // A folder's files come before its subfolders, as in WalkFolder.
      if (a_file != b_file) return a_file;
      if (a_head != b_head) return a_head < b_head;
      return false;  // the same file name
    }
    a.remove_prefix(a_end + 1);
    b.remove_prefix(b_end + 1);
  }
}

bool IsArchiveName(const std::string& name) { return EndsWithNoCase(name, ".zip"); }

bool InputWalker::EmitError(std::string name, Error error, const Emit& emit) {
  ++stats_.documents;
  Input input;
  input.name = std::move(name);
  input.error = std::move(error);
  return emit(std::move(input));
}

bool InputWalker::Walk(const std::string& root, const Emit& emit) {
  std::error_code ec;
  fs::file_status status = fs::status(root, ec);
  if (ec || !fs::exists(status)) {
    return EmitError(root, Error{ErrorCode::kIo, root + ": no such file or directory"}, emit);
  }
  if (fs::is_directory(status)) return WalkFolder(root, emit);
  if (IsArchiveName(root)) return WalkArchiveFile(root, emit);
  if (BaseName(root).substr(0, 2) == "~$") {  // a Word lock file, e.g. from a shell glob
    ++stats_.litter;
    return true;
  }
  ++stats_.documents;
  Input input;
  input.name = root;
  input.path = root;
  return emit(std::move(input));
}

bool InputWalker::WalkList(std::istream& list, const Emit& emit) {
  std::string line;
  while (std::getline(list, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // A line of nothing but blanks is a blank line, not a file name.
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    if (!Walk(line, emit)) return false;
  }
  return true;
}

bool InputWalker::WalkFolder(const std::string& folder, const Emit& emit) {
  // An explicit stack of folders still to list, so that a deep tree does not
  // recurse; each folder's entries are sorted so the order is deterministic.
  std::vector<fs::path> pending{fs::path(folder)};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      entries.push_back(*it);
    }
    if (ec) {
      if (!EmitError(dir.string(), Error{ErrorCode::kIo, dir.string() + ": cannot list folder: " +
                                                              ec.message()},
                     emit)) {
        return false;
      }
      continue;
    }
    std::sort(entries.begin(), entries.end(),
              [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
    std::vector<fs::path> subfolders;
    for (const fs::directory_entry& entry : entries) {
      std::error_code type_ec;
      // Symbolic links to folders are not followed (no cycles); links to
      // files are read like files.
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        subfolders.push_back(entry.path());
        continue;
      }
      if (!entry.is_regular_file(type_ec)) continue;
      std::string path = entry.path().string();
      if (IsLitterName(path)) {
        ++stats_.litter;
      } else if (IsArchiveName(path)) {
        if (!WalkArchiveFile(path, emit)) return false;
      } else if (IsDocumentName(path)) {
        ++stats_.documents;
        Input input;
        input.name = path;
        input.path = path;
        if (!emit(std::move(input))) return false;
      } else {
        ++stats_.skipped;
      }
    }
    // Pushed in reverse so that the first subfolder is listed next.
    for (auto it = subfolders.rbegin(); it != subfolders.rend(); ++it) pending.push_back(*it);
  }
  return true;
}

bool InputWalker::WalkArchiveFile(const std::string& path, const Emit& emit) {
  int code = 0;
  ZipHandle archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (!archive) return EmitError(path, OpenError(path, code), emit);
  ++stats_.archives;
  return WalkOpenArchive(path, archive.get(), 1, emit);
}

bool InputWalker::WalkArchive(const std::string& name, std::string_view bytes, int depth,
                              const Emit& emit) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return EmitError(name, Error{ErrorCode::kIo, name + ": out of memory"}, emit);
  }
  ZipHandle archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    return EmitError(name, OpenError(name, code), emit);
  }
  zip_error_fini(&error);
  ++stats_.archives;
  return WalkOpenArchive(name, archive.get(), depth, emit);
}

bool InputWalker::WalkOpenArchive(const std::string& name, zip_t* archive, int depth,
                                  const Emit& emit) {
  // Members are taken in name order, as folders are, whatever order the
  // archive stores them in; names are decoded once (UTF-8, else CP932).
  std::vector<std::pair<std::string, zip_uint64_t>> members;
  zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    auto index = static_cast<zip_uint64_t>(i);
    const char* raw = zip_get_name(archive, index, ZIP_FL_ENC_RAW);
    if (raw == nullptr) continue;
    std::string member = raw;
    if (member.empty() || member.back() == '/') continue;  // a folder entry
    if (InvalidUtf8Offset(member) != std::string_view::npos) {
      const char* guessed = zip_get_name(archive, index, ZIP_FL_ENC_GUESS);
      member = DecodeEntryName(member, guessed != nullptr ? guessed : "");
    }
    members.emplace_back(std::move(member), index);
  }
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return EntryNameLess(a.first, b.first);
  });
  for (auto& [member, index] : members) {
    std::string member_name = name + "!" + member;
    if (IsLitterName(member)) {
      ++stats_.litter;
      continue;
    }
    bool nested = IsArchiveName(member);
    if (!nested && !IsDocumentName(member)) {
      ++stats_.skipped;
      continue;
    }
    if (nested && depth >= limits_.max_nesting) {
      if (!EmitError(member_name,
                     Error{ErrorCode::kTooLarge, member_name + ": archives nested deeper than " +
                                                     std::to_string(limits_.max_nesting)},
                     emit)) {
        return false;
      }
      continue;
    }
    docx::EntryCaps caps;
    caps.file = name;
    caps.entry = member;
    caps.max_bytes = limits_.max_member_bytes;
    caps.max_ratio = limits_.max_ratio;
    auto bytes = docx::ReadZipEntry(archive, index, caps);
    if (!bytes) {
      if (!EmitError(member_name, std::move(bytes.error()), emit)) return false;
      continue;
    }
    if (nested) {
      if (!WalkArchive(member_name, *bytes, depth + 1, emit)) return false;
      continue;
    }
    ++stats_.documents;
    Input input;
    input.name = std::move(member_name);
    input.bytes = std::move(*bytes);
    if (!emit(std::move(input))) return false;
  }
  return true;
}

}  // namespace clausegap::batch
