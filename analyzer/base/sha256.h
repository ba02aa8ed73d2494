// SHA-256 digests for the audit trail (OpenSSL's EVP interface).
#ifndef CLAUSEGAP_BASE_SHA256_H_
#define CLAUSEGAP_BASE_SHA256_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/error.h"

namespace clausegap {

/// Incremental SHA-256: Update any number of times, then Hex once.
/// Not thread-safe; one per digest.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  /// Returns the digest as 64 lower-case hex digits; the object is spent.
  std::string Hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

/// Returns the SHA-256 of |bytes| as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

/// The digest and size of a file.
struct FileDigest {
  std::string sha256;
  std::uint64_t size = 0;
};

/// Reads |path| in blocks and returns its digest and size; kIo "path: cause"
/// when it cannot be read.
Expected<FileDigest> DigestFile(const std::string& path);

}  // namespace clausegap

#endif  // CLAUSEGAP_BASE_SHA256_H_
