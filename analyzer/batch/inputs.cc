#include "batch/inputs.h"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
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

constexpr std::string_view kFrameMagic = "clausegap-frame/1 ";
constexpr std::size_t kMaxFrameHeader = 64;
constexpr std::uint64_t kMaxFrameName = 4096;

// Returns the decimal value of |digits| (1 to 18 digits, nothing else).
std::optional<std::uint64_t> ParseByteCount(std::string_view digits) {
  if (digits.empty() || digits.size() > 18) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return value;
}

// The two byte counts of a clausegap-frame/1 header line (without its
// newline), or why it is not one.
struct FrameHeader {
  std::uint64_t name_bytes = 0;
  std::uint64_t data_bytes = 0;
  std::string error;  ///< empty when the header parsed
};

FrameHeader ParseFrameHeader(std::string_view line) {
  FrameHeader header;
  if (line.substr(0, kFrameMagic.size()) != kFrameMagic) {
    header.error = line.substr(0, 16) == "clausegap-frame/"
                       ? "unsupported frame version (this clausegap reads clausegap-frame/1)"
                       : "not a clausegap-frame/1 header";
    return header;
  }
  line.remove_prefix(kFrameMagic.size());
  std::size_t space = line.find(' ');
  auto name = ParseByteCount(line.substr(0, space));
  auto data = space == std::string_view::npos ? std::nullopt : ParseByteCount(line.substr(space + 1));
  if (!name || !data) {
    header.error = "the header needs two decimal byte counts, NAME_BYTES DATA_BYTES";
    return header;
  }
  header.name_bytes = *name;
  header.data_bytes = *data;
  return header;
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

bool InputWalker::WalkFrames(std::istream& stream, const std::string& stream_name,
                             const Emit& emit) {
  std::uint64_t offset = 0;  // of the current record, for messages
  for (std::uint64_t record = 1;; ++record) {
    auto broken = [&](const std::string& cause) {
      Error error{ErrorCode::kIo, stream_name + ": record " + std::to_string(record) + " at byte " +
                                      std::to_string(offset) + ": " + cause};
      stream_error_ = error;
      EmitError(stream_name, std::move(error), emit);
      return false;
    };
    std::string line;
    int c = 0;
    while ((c = stream.get()) != std::char_traits<char>::eof() && c != '\n' &&
           line.size() < kMaxFrameHeader) {
      line.push_back(static_cast<char>(c));
    }
    if (c == std::char_traits<char>::eof() && line.empty()) return true;  // between records
    if (c != '\n') {
      return broken(line.size() >= kMaxFrameHeader ? "header line too long: not a clausegap-frame/1 stream"
                                                  : "the stream ends inside a header");
    }
    FrameHeader header = ParseFrameHeader(line);
    if (!header.error.empty()) return broken(header.error);
    if (header.name_bytes == 0 || header.name_bytes > kMaxFrameName) {
      return broken("NAME_BYTES must be 1 to " + std::to_string(kMaxFrameName));
    }
    std::string name(header.name_bytes, '\0');
    if (!stream.read(name.data(), static_cast<std::streamsize>(name.size()))) {
      return broken("the stream ends inside the name");
    }
    if (name.find_first_of(std::string_view("\0\n", 2)) != std::string::npos) {
      return broken("the name holds a NUL or newline byte (is NAME_BYTES right?)");
    }
    std::string data;
    bool too_large = header.data_bytes > limits_.max_member_bytes;
    if (too_large) {
      // Read past it: the records after it are still in step.
      stream.ignore(static_cast<std::streamsize>(header.data_bytes));
      if (static_cast<std::uint64_t>(stream.gcount()) != header.data_bytes) {
        return broken("the stream ends inside the data of " + name);
      }
    } else {
      data.resize(header.data_bytes);
      if (!stream.read(data.data(), static_cast<std::streamsize>(data.size()))) {
        return broken("the stream ends inside the data of " + name);
      }
    }
    if (stream.get() != '\n') {
      return broken("the data of " + name + " is not followed by a newline (is DATA_BYTES right?)");
    }
    offset += line.size() + 1 + header.name_bytes + header.data_bytes + 1;
    bool go_on = true;
    if (too_large) {
      go_on = EmitError(name, Error{ErrorCode::kTooLarge, name + ": larger than " +
                                                              std::to_string(limits_.max_member_bytes) +
                                                              " bytes"},
                        emit);
    } else if (IsArchiveName(name)) {
      go_on = WalkArchive(name, data, 1, emit);
    } else if (BaseName(name).substr(0, 2) == "~$") {
      ++stats_.litter;
    } else {
      ++stats_.documents;
      Input input;
      input.name = std::move(name);
      input.bytes = std::move(data);
      go_on = emit(std::move(input));
    }
    if (!go_on) return false;
  }
}

bool InputWalker::WalkArchiveStream(const std::string& name, std::istream& stream,
                                    const Emit& emit) {
  std::string bytes;
  char buffer[1 << 16];
  while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
    bytes.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (bytes.size() > limits_.max_stream_archive_bytes) {
      return EmitError(name, Error{ErrorCode::kTooLarge,
                                   name + ": archive larger than " +
                                       std::to_string(limits_.max_stream_archive_bytes) + " bytes"},
                       emit);
    }
  }
  if (stream.bad()) return EmitError(name, Error{ErrorCode::kIo, name + ": read error"}, emit);
  return WalkArchive(name, bytes, 1, emit);
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
