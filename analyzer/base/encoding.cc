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
  // Most parts are ASCII up to their first Japanese character: skip it cheaply.
  std::size_t ascii = 0;
  while (ascii < bytes.size() && static_cast<unsigned char>(bytes[ascii]) < 0x80) ++ascii;
  if (ascii == bytes.size()) return std::string_view::npos;
  std::size_t offset = Convert(bytes.substr(ascii), "UTF-8", nullptr);
  return offset == std::string_view::npos ? offset : ascii + offset;
}

}  // namespace clausegap
