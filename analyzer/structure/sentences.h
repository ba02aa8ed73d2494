// Sentence splitting for Japanese contract text: at 。 outside brackets
// 「」『』（）()【】［］{}〔〕, and at line breaks. Pure functions, thread-safe.
#ifndef CLAUSEGAP_STRUCTURE_SENTENCES_H_
#define CLAUSEGAP_STRUCTURE_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace clausegap::structure {

/// A sentence as a byte range [begin, end) of the text it was split from.
struct SentenceSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

/// Splits |text| from byte |from| on. Each span is trimmed of white space
/// (and HTML line breaks); empty spans are left out. A closer without its
/// opener is ignored; an opener that never closes holds until the next line
/// break or the end.
std::vector<SentenceSpan> SplitSentences(std::string_view text, std::size_t from = 0);

/// Returns true if |sentence| is a proviso: it starts with ただし or 但し.
bool IsProviso(std::string_view sentence);

/// Returns true if |sentence| ends a sentence or a clause visibly: with 。, ：,
/// :, a closing bracket, or ．/. after text.
bool EndsVisibly(std::string_view sentence);

}  // namespace clausegap::structure

#endif  // CLAUSEGAP_STRUCTURE_SENTENCES_H_
