#include "docx/zip_package.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <utility>

namespace clausegap::docx {
namespace {

constexpr std::string_view kOleSignature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::uint64_t kChunk = 64 * 1024;
constexpr std::uint64_t kRatioFloor = 1 << 20;  // ratio is checked above 1 MiB

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Returns the UTF-16LE encoding of an ASCII string, as OLE directory entries store names.
std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string MiB(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// Returns a reason when |entry| is not a safe relative part name, else empty.
std::string BadNameReason(std::string_view entry) {
  if (entry.empty()) return "empty entry name";
  if (entry.find('\0') != std::string_view::npos) return "entry name with a NUL byte";
  if (entry.front() == '/' || entry.front() == '\\') return "absolute entry name";
  if (entry.size() >= 2 && entry[1] == ':' &&
      ((entry[0] >= 'A' && entry[0] <= 'Z') || (entry[0] >= 'a' && entry[0] <= 'z'))) {
    return "entry name with a drive letter";
  }
  std::size_t start = 0;
  while (start <= entry.size()) {
    std::size_t end = entry.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = entry.size();
    if (entry.substr(start, end - start) == "..") return "entry name with '..'";
    start = end + 1;
  }
  return {};
}

// Opens |bytes| once more with libzip's ZIP_CHECKCONS, which compares every
// local header with its central directory entry (name, method, sizes): a zip
// whose two headers name an entry differently shows two readers two
// different contracts. Run after the entry names were checked, so that
// duplicates and unsafe names keep their own error.
Expected<void> CheckConsistency(std::string_view bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source != nullptr ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error)
                                     : nullptr;
  if (archive != nullptr) {
    zip_discard(archive);
    zip_error_fini(&error);
    return {};
  }
  std::string cause = zip_error_strerror(&error);
  if (source != nullptr) zip_source_free(source);
  zip_error_fini(&error);
  return MakeError(ErrorCode::kCorruptZip,
                   name + ": inconsistent zip archive (the local headers do not match the central "
                          "directory: " + cause + ")");
}

}  // namespace

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

Expected<void> SniffPackage(std::string_view bytes, const std::string& name) {
  if (bytes.empty()) return MakeError(ErrorCode::kEmpty, name + ": empty file");
  if (bytes.substr(0, kOleSignature.size()) == kOleSignature) {
    if (bytes.find(Utf16Le("EncryptedPackage")) != std::string_view::npos ||
        bytes.find(Utf16Le("EncryptionInfo")) != std::string_view::npos) {
      return MakeError(ErrorCode::kEncrypted,
                       name + ": encrypted (password-protected) Office document; "
                              "save it without a password first");
    }
    return MakeError(ErrorCode::kLegacyDoc,
                     name + ": legacy Word 97-2003 .doc (OLE compound file); "
                            "save it as .docx first, or check it with --convert-legacy "
                            "(needs LibreOffice)");
  }
  if (bytes.size() < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
    return MakeError(ErrorCode::kNotZip, name + ": not a .docx file (not a zip archive)");
  }
  return {};
}

Expected<ZipPackage> ZipPackage::Open(std::string_view bytes, const std::string& name,
                                      const ReadLimits& limits) {
  if (auto sniff = SniffPackage(bytes, name); !sniff) return tl::unexpected(sniff.error());
  if (bytes.size() > limits.max_package_bytes) {
    return MakeError(ErrorCode::kTooLarge,
                     name + ": package larger than " + MiB(limits.max_package_bytes));
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string cause = zip_error_strerror(&error);
    zip_error_fini(&error);
    return MakeError(ErrorCode::kCorruptZip, name + ": cannot read zip archive: " + cause);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    int code = zip_error_code_zip(&error);
    std::string cause = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(source);
    if (code == ZIP_ER_NOZIP) {
      return MakeError(ErrorCode::kCorruptZip,
                       name + ": truncated or corrupt zip archive (no valid central directory)");
    }
    if (code == ZIP_ER_MEMORY) {
      return MakeError(ErrorCode::kTooLarge, name + ": zip archive needs too much memory");
    }
    return MakeError(ErrorCode::kCorruptZip, name + ": corrupt zip archive: " + cause);
  }
  zip_error_fini(&error);

  ZipPackage package;
  package.name_ = name;
  package.limits_ = limits;
  package.package_size_ = bytes.size();
  package.archive_ = archive;
  zip_int64_t count = zip_get_num_entries(archive, 0);
  if (count < 0) count = 0;
  if (static_cast<std::uint64_t>(count) > limits.max_entries) {
    return MakeError(ErrorCode::kTooLarge, name + ": zip archive has " + std::to_string(count) +
                                               " entries, more than " +
                                               std::to_string(limits.max_entries));
  }
  package.entries_.reserve(static_cast<std::size_t>(count));
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* raw = zip_get_name(archive, static_cast<zip_uint64_t>(i), 0);
    if (raw == nullptr) {
      return MakeError(ErrorCode::kCorruptZip,
                       name + ": corrupt zip archive (unreadable entry name)");
    }
    std::string_view entry(raw);
    if (std::string reason = BadNameReason(entry); !reason.empty()) {
      return MakeError(ErrorCode::kBadEntryName,
                       name + ": " + reason + " in zip archive: \"" + std::string(entry) + "\"");
    }
    if (entry.back() == '/') continue;  // a directory entry
    // Part names are IRIs stored percent-encoded (OPC): "word/%E5%A5%91.xml"
    // and "word/契.xml" name the same part.
    auto [it, inserted] = package.entries_.emplace(Lower(PercentDecode(entry)), static_cast<std::uint64_t>(i));
    if (!inserted) {
      return MakeError(ErrorCode::kBadEntryName,
                       name + ": duplicate entry name in zip archive: \"" + std::string(entry) +
                           "\"");
    }
  }
  if (auto consistent = CheckConsistency(bytes, name); !consistent) {
    return tl::unexpected(consistent.error());
  }
  return package;
}

ZipPackage::ZipPackage(ZipPackage&& other) noexcept
    : name_(std::move(other.name_)),
      limits_(other.limits_),
      package_size_(other.package_size_),
      total_read_(other.total_read_),
      archive_(std::exchange(other.archive_, nullptr)),
      entries_(std::move(other.entries_)) {}

ZipPackage& ZipPackage::operator=(ZipPackage&& other) noexcept {
  if (this != &other) {
    if (archive_ != nullptr) zip_discard(archive_);
    name_ = std::move(other.name_);
    limits_ = other.limits_;
    package_size_ = other.package_size_;
    total_read_ = other.total_read_;
    archive_ = std::exchange(other.archive_, nullptr);
    entries_ = std::move(other.entries_);
  }
  return *this;
}

ZipPackage::~ZipPackage() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipPackage::Has(std::string_view part_name) const {
  return entries_.count(Lower(PercentDecode(part_name))) != 0;
}

Expected<std::string> ReadZipEntry(zip* archive, std::uint64_t index, const EntryCaps& caps) {
  const std::string& file = caps.file;
  const std::string& entry = caps.entry;
  const std::string subject = caps.noun + " " + entry;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive, index, 0, &stat) != 0) {
    return MakeError(ErrorCode::kCorruptZip, file + ": corrupt zip entry " + entry);
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    return MakeError(ErrorCode::kEncrypted, file + ": zip entry " + entry + " is encrypted");
  }
  // The compressed size only serves as the ratio's denominator; it cannot
  // honestly exceed the archive itself.
  std::uint64_t compressed =
      (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : caps.compressed_ceiling;
  compressed = std::max<std::uint64_t>(1, std::min(compressed, caps.compressed_ceiling));

  zip_file_t* handle = zip_fopen_index(archive, index, 0);
  if (handle == nullptr) {
    zip_error_t* error = zip_get_error(archive);
    int code = zip_error_code_zip(error);
    std::string cause = zip_error_strerror(error);
    zip_error_clear(archive);
    if (code == ZIP_ER_ENCRNOTSUPP || code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD) {
      return MakeError(ErrorCode::kEncrypted, file + ": zip entry " + entry + " is encrypted");
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      return MakeError(ErrorCode::kCorruptZip,
                       file + ": zip entry " + entry + " uses an unsupported compression method");
    }
    return MakeError(ErrorCode::kCorruptZip,
                     file + ": cannot open zip entry " + entry + ": " + cause);
  }

  std::string out;
  std::uint64_t hint = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  out.reserve(static_cast<std::size_t>(
      std::min<std::uint64_t>(hint, std::min<std::uint64_t>(caps.max_bytes, 16u << 20))));
  std::uint64_t size = 0;
  while (true) {
    out.resize(static_cast<std::size_t>(size + kChunk));
    zip_int64_t n = zip_fread(handle, out.data() + size, kChunk);
    if (n < 0) {
      std::string cause = zip_error_strerror(zip_file_get_error(handle));
      zip_fclose(handle);
      return MakeError(ErrorCode::kCorruptZip,
                       file + ": corrupt data in zip entry " + entry + ": " + cause);
    }
    if (n == 0) break;
    size += static_cast<std::uint64_t>(n);
    if (size > caps.max_bytes) {
      zip_fclose(handle);
      return MakeError(ErrorCode::kTooLarge, file + ": " + subject + " is larger than " +
                                                 MiB(caps.max_bytes) + " uncompressed");
    }
    if (caps.already_read + size > caps.max_total_bytes) {
      zip_fclose(handle);
      return MakeError(ErrorCode::kTooLarge, file + ": " + caps.noun + "s total more than " +
                                                 MiB(caps.max_total_bytes) + " uncompressed");
    }
    if (size > kRatioFloor && size / compressed > caps.max_ratio) {
      zip_fclose(handle);
      return MakeError(ErrorCode::kTooLarge, file + ": zip bomb suspected: " + subject +
                                                 " expands more than " +
                                                 std::to_string(caps.max_ratio) + " times");
    }
  }
  // zip_fclose reports a CRC mismatch found at the end of the data.
  int close_error = zip_fclose(handle);
  if (close_error != 0) {
    zip_error_t error;
    zip_error_init_with_code(&error, close_error);
    std::string cause = zip_error_strerror(&error);
    zip_error_fini(&error);
    return MakeError(ErrorCode::kCorruptZip,
                     file + ": corrupt data in zip entry " + entry + ": " + cause);
  }
  out.resize(static_cast<std::size_t>(size));
  return out;
}

Expected<std::string> ZipPackage::Read(std::string_view part_name) {
  auto it = entries_.find(Lower(PercentDecode(part_name)));
  std::string part(part_name);
  if (it == entries_.end()) {
    return MakeError(ErrorCode::kNoMainPart, name_ + ": part " + part + " is missing");
  }
  EntryCaps caps;
  caps.file = name_;
  caps.entry = part;
  caps.noun = "part";
  caps.max_bytes = limits_.max_part_bytes;
  caps.max_ratio = limits_.max_ratio;
  caps.compressed_ceiling = std::max<std::uint64_t>(1, package_size_);
  caps.max_total_bytes = limits_.max_total_bytes;
  caps.already_read = total_read_;
  auto bytes = ReadZipEntry(archive_, it->second, caps);
  if (bytes) total_read_ += bytes->size();
  return bytes;
}

}  // namespace clausegap::docx
