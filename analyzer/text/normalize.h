// Compatibility normalisation for matching, with a map back to the original.
//
// Matching works on normalised text (NFKC: full-width digits and Latin to
// half-width, half-width katakana to full-width …); evidence is quoted from
// the original. Invalid UTF-8 and control characters never fail: they are
// replaced (U+FFFD) or dropped and still map back.
#ifndef CLAUSEGAP_TEXT_NORMALIZE_H_
#define CLAUSEGAP_TEXT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausegap::text {

/// Normalised text and, for every byte of it, where it came from.
struct NormalizedText {
  std::string text;  ///< NFKC-normalised UTF-8
  /// source[i] is the byte offset in the original of the character that
  /// produced byte i of |text|; source.size() == text.size() + 1 and the last
  /// entry is the original's length.
  std::vector<std::uint32_t> source;

  /// Returns the original byte offset for normalised offset |offset|
  /// (clamped to the end).
  std::size_t ToSource(std::size_t offset) const;
};

/// Normalises |original| (UTF-8, possibly invalid).
NormalizedText Normalize(std::string_view original);

}  // namespace clausegap::text

#endif  // CLAUSEGAP_TEXT_NORMALIZE_H_
