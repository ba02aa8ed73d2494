#include "base/encoding.h"

#include <cerrno>
#include <iconv.h>

namespace clausegap {
namespace {

// Converts |bytes| from |from| to UTF-8 into |out| (when not null). Returns
// the offset of the first byte that does not convert, or npos.
std::size_t Convert(std::string_view bytes, const char* from, std::string* out) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return 0;
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[4096];
  std::size_t failed_at = std::string_view::npos;
  while (in_left > 0) {
    char* dest = buffer;
    std::size_t dest_left = sizeof buffer;
    std::size_t result = iconv(cd, &in, &in_left, &dest, &dest_left);
    if (out != nullptr) out->append(buffer, static_cast<std::size_t>(dest - buffer));
    if (result == static_cast<std::size_t>(-1) && errno != E2BIG) {
      failed_at = bytes.size() - in_left;  // EILSEQ or EINVAL (truncated sequence)
      break;
    }
  }
  iconv_close(cd);
  return failed_at;
}

}  // namespace

std::optional<std::string> ToUtf8(std::string_view bytes, const char* from) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  if (Convert(bytes, from, &out) != std::string_view::npos) return std::nullopt;
  return out;
}

std::size_t InvalidUtf8Offset(std::string_view bytes) {
  // A plain scan rather than iconv: it runs over every XML part read, and
  // is several times faster on markup that is mostly ASCII. Overlong forms,
  // surrogates and code points above U+10FFFF are invalid (RFC 3629).
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > n || p[i + 1] < low || p[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace clausegap
