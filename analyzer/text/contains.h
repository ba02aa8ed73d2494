// Substring search for Japanese text. std::string_view::find stops at every
// byte equal to the needle's first; in UTF-8 Japanese that lead byte (E3 for
// kana and 、。「」, E4–E9 for kanji) starts most characters. A given
// continuation byte is rare, so Contains looks for the needle's second
// byte instead. Header-only, pure, thread-safe.
#ifndef CLAUSEGAP_TEXT_CONTAINS_H_
#define CLAUSEGAP_TEXT_CONTAINS_H_

#include <cstddef>
#include <cstring>
#include <string_view>

namespace clausegap::text {

/// Returns whether |needle| occurs in |s| at any byte offset: exactly
/// `s.find(needle) != npos`.
inline bool Contains(std::string_view s, std::string_view needle) {
  const std::size_t m = needle.size();
  if (m < 2) return s.find(needle) != std::string_view::npos;
  if (s.size() < m) return false;
  // A match at offset i has its second byte at i + 1, for i in [0, size - m].
  const char* p = s.data() + 1;
  const char* const end = s.data() + (s.size() - m) + 2;
  while (p < end) {
    p = static_cast<const char*>(std::memchr(p, needle[1], static_cast<std::size_t>(end - p)));
    if (p == nullptr) return false;
    if (p[-1] == needle[0] && std::memcmp(p - 1, needle.data(), m) == 0) return true;
    ++p;
  }
  return false;
}

}  // namespace clausegap::text

#endif  // CLAUSEGAP_TEXT_CONTAINS_H_
