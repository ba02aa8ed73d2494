#include "batch/inputs.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <system_error>
#include <utility>

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

}  // namespace

bool IsDocumentName(const std::string& name) {
  return EndsWithNoCase(name, ".docx") || EndsWithNoCase(name, ".docm") ||
         EndsWithNoCase(name, ".dotx") || EndsWithNoCase(name, ".dotm") ||
         EndsWithNoCase(name, ".doc");
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
      if (IsArchiveName(path)) {
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
  zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* raw = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (raw == nullptr) continue;
    std::string member = raw;
    if (member.empty() || member.back() == '/') continue;  // a folder entry
    std::string member_name = name + "!" + member;
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
    auto bytes = docx::ReadZipEntry(archive, static_cast<zip_uint64_t>(i), caps);
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
