// A read-only view of an OOXML package (a zip archive) held in memory.
//
// Opening sniffs the first bytes (empty, OLE compound file, not a zip),
// validates every entry name and the entry count; reading a part streams it
// with hard caps on its uncompressed size, its compression ratio and the
// total read so far, never trusting the sizes the zip headers claim. Nothing
// is ever written to disk. Not thread-safe: one ZipPackage per thread.
#ifndef CLAUSEGAP_DOCX_ZIP_PACKAGE_H_
#define CLAUSEGAP_DOCX_ZIP_PACKAGE_H_

#include <cstdint>
#include <climits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/error.h"
#include "docx/reader.h"

struct zip;

namespace clausegap::docx {

/// Returns |s| with every %XX escape decoded (part names are IRIs).
std::string PercentDecode(std::string_view s);

/// Returns the error for |bytes| if they are not a zip archive at all (empty,
/// OLE compound file, other data), or an empty optional-like success.
Expected<void> SniffPackage(std::string_view bytes, const std::string& name);

/// What ReadZipEntry may read, and how its messages name the entry.
struct EntryCaps {
  std::string file;   ///< the archive's name, first in every message
  std::string entry;  ///< the entry's name in the archive
  std::string noun = "member";  ///< "part" in a package, "member" in an archive
  /// Largest uncompressed entry. Default: 256 MiB.
  std::uint64_t max_bytes = 256ull << 20;
  /// Largest uncompressed/compressed ratio of an entry over 1 MiB. Default: 200.
  std::uint64_t max_ratio = 200;
  /// Upper bound of the compressed size (the archive's size, when known).
  std::uint64_t compressed_ceiling = UINT64_MAX;
  /// Cap on |already_read| plus this entry. Default: no cap.
  std::uint64_t max_total_bytes = UINT64_MAX;
  std::uint64_t already_read = 0;
};

/// Reads entry |index| of |archive| by streaming it, stopping as soon as a
/// cap in |caps| is exceeded (the sizes in the zip headers are not trusted).
/// Returns kTooLarge, kEncrypted or kCorruptZip errors "file: cause".
Expected<std::string> ReadZipEntry(zip* archive, std::uint64_t index, const EntryCaps& caps);

class ZipPackage {
 public:
  /// Opens the archive in |bytes| (which must outlive the package). Returns
  /// kEmpty, kLegacyDoc, kEncrypted, kNotZip, kCorruptZip, kTooLarge (entry
  /// count) or kBadEntryName errors with messages starting "|name|: ".
  static Expected<ZipPackage> Open(std::string_view bytes, const std::string& name,
                                   const ReadLimits& limits);

  ZipPackage(ZipPackage&&) noexcept;
  ZipPackage& operator=(ZipPackage&&) noexcept;
  ~ZipPackage();

  /// Returns whether the part |part_name| (no leading '/', compared
  /// case-insensitively and percent-decoded, as OPC does) exists.
  bool Has(std::string_view part_name) const;

  /// Returns the uncompressed bytes of |part_name|, or kNoMainPart if it is
  /// missing, kTooLarge if a cap is exceeded, kEncrypted for an encrypted
  /// entry, kCorruptZip if the data does not inflate or fails its CRC.
  Expected<std::string> Read(std::string_view part_name);

  /// Returns the number of uncompressed bytes read so far.
  std::uint64_t total_read() const { return total_read_; }

 private:
  ZipPackage() = default;

  std::string name_;
  ReadLimits limits_;
  std::uint64_t package_size_ = 0;
  std::uint64_t total_read_ = 0;
  zip* archive_ = nullptr;
  std::unordered_map<std::string, std::uint64_t> entries_;  // lower-cased name → index
};

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_ZIP_PACKAGE_H_
