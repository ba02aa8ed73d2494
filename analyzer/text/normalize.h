// Compatibility normalisation for matching, with a map back to the original.
//
// Matching works on normalised text (NFKC: full-width digits and Latin to
// half-width, half-width katakana to full-width …); evidence is quoted from
// the original. Invalid UTF-8 and control characters never fail: they are
// replaced (U+FFFD) or dropped and still map back. Pure functions: safe to
// call from any number of threads.
#ifndef CLAUSEGAP_TEXT_NORMALIZE_H_
#define CLAUSEGAP_TEXT_NORMALIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clausegap::text {

/// A byte range [begin, end) of some text.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

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

  /// Returns the original byte range that produced normalised bytes
  /// [begin, end) (clamped). A range that ends inside the output of one
  /// original character (㈱ → (株)) is widened to that whole character, so the
  /// result always covers complete original characters.
  Span ToSourceSpan(std::size_t begin, std::size_t end) const;
};

/// Normalises |original| (UTF-8, possibly invalid): NFKC (utf8proc
/// COMPOSE|COMPAT|STABLE, default-ignorable characters such as U+200B and
/// U+FEFF removed), a base character and its combining or voiced marks
/// (ｶﾞ → ガ) taken together. Invalid bytes become U+FFFD, one per byte;
/// \r and C0/C1 control characters other than \t and \n are dropped, \v and \f
/// become \n. Never fails.
NormalizedText Normalize(std::string_view original);

/// Returns Normalize(|original|).text, without building the map back.
std::string NormalizeText(std::string_view original);

/// Normalize() without its shortcuts for plain text: every character through
/// utf8proc. The same result, slower; for tests of the shortcuts.
NormalizedText NormalizeWithoutShortcuts(std::string_view original);

/// Returns the substring of |original| that produced normalised bytes
/// [begin, end) of |normalized|, which must come from Normalize(original).
std::string_view OriginalText(std::string_view original, const NormalizedText& normalized,
                              std::size_t begin, std::size_t end);

}  // namespace clausegap::text

#endif  // CLAUSEGAP_TEXT_NORMALIZE_H_
