// Reading a whole input file into memory under a size cap.
#ifndef CLAUSEGAP_BASE_FILE_H_
#define CLAUSEGAP_BASE_FILE_H_

#include <cstdint>
#include <string>

#include "base/error.h"

namespace clausegap {

/// Returns the bytes of the file at |path|, or kIo ("path: cannot open: …",
/// "path: is a directory", read errors) or kTooLarge when it holds more than
/// |max_bytes| (checked while reading, so a huge file is never held whole).
Expected<std::string> ReadFileCapped(const std::string& path, std::uint64_t max_bytes);

}  // namespace clausegap

#endif  // CLAUSEGAP_BASE_FILE_H_
