// Reads a .docx/.docm/.dotx package (Transitional or Strict OOXML) into the
// document model. Never writes to disk; every size is capped while reading.
// Thread-safe: ReadDocx may run on many threads at once.
#ifndef CLAUSEGAP_DOCX_READER_H_
#define CLAUSEGAP_DOCX_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/error.h"
#include "model/document.h"

namespace clausegap::docx {

/// Caps that bound time and memory on hostile input.
struct ReadLimits {
  /// Largest package file accepted. Default: 256 MiB.
  std::uint64_t max_package_bytes = 256ull << 20;
  /// Largest uncompressed part read. Default: 64 MiB.
  std::uint64_t max_part_bytes = 64ull << 20;
  /// Sum of all uncompressed parts read. Default: 256 MiB.
  std::uint64_t max_total_bytes = 256ull << 20;
  /// Largest uncompressed/compressed ratio of a part over 1 MiB. Default: 200.
  std::uint64_t max_ratio = 200;
  /// Most entries in the package. Default: 20000.
  std::uint64_t max_entries = 20000;
  /// Deepest XML element nesting accepted. Default: 512.
  int max_xml_depth = 512;
};

struct ReadOptions {
  /// Signed view (changes accepted) or original (changes rejected). Default: kSigned.
  model::View view = model::View::kSigned;
  ReadLimits limits;
};

/// Reads the package at |path|. Returns the document, or an Error whose
/// message starts with |path| and names the cause (legacy .doc, encrypted,
/// not a zip, corrupt zip, no main part, malformed XML, limit exceeded …).
Expected<model::Document> ReadDocx(const std::string& path, const ReadOptions& options = {});

/// Same as ReadDocx for a package already in memory; |name| is used as the
/// document's file name and in error messages.
Expected<model::Document> ReadDocxBytes(std::string_view bytes, const std::string& name,
                                        const ReadOptions& options = {});

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_READER_H_
