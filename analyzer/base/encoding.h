// Byte-encoding checks and conversions to UTF-8 through the C library's
// iconv (glibc's converters: CP932, Shift_JIS, EUC-JP …).
//
// Thread-safe: every call opens its own conversion descriptor.
#ifndef CLAUSEGAP_BASE_ENCODING_H_
#define CLAUSEGAP_BASE_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace clausegap {

/// Returns |bytes| converted from the encoding |from| (an iconv name such as
/// "CP932") to UTF-8, or nothing when a byte sequence is invalid or
/// incomplete in |from| or the encoding is unknown.
std::optional<std::string> ToUtf8(std::string_view bytes, const char* from);

/// Returns the byte offset of the first invalid or incomplete UTF-8 sequence
/// in |bytes|, or std::string_view::npos when all of |bytes| is valid UTF-8.
std::size_t InvalidUtf8Offset(std::string_view bytes);

}  // namespace clausegap

#endif  // CLAUSEGAP_BASE_ENCODING_H_
