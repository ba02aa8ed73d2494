#include "structure/sentences.h"

#include "structure/markers.h"
#include "text/numerals.h"

namespace clausegap::structure {
namespace {

char32_t CloserOf(char32_t cp) {
  switch (cp) {
    case U'「': return U'」';
    case U'『': return U'』';
    case U'（': return U'）';
    case U'(': return U')';
    case U'【': return U'】';
    case U'［': return U'］';
    case U'｛': return U'｝';
    case U'{': return U'}';
    case U'〔': return U'〕';
    default: return 0;
  }
}

bool IsCloser(char32_t cp) {
  switch (cp) {
    case U'」': case U'』': case U'）': case U')': case U'】': case U'］': case U'｝': case U'}':
    case U'〕':
      return true;
    default:
      return false;
  }
}

void Push(std::string_view text, std::size_t begin, std::size_t end,
          std::vector<SentenceSpan>* out) {
  std::string_view piece = Trim(text.substr(begin, end - begin));
  if (piece.empty()) return;
  std::size_t b = static_cast<std::size_t>(piece.data() - text.data());
  out->push_back({b, b + piece.size()});
}

}  // namespace

std::vector<SentenceSpan> SplitSentences(std::string_view text, std::size_t from) {
  std::vector<SentenceSpan> out;
  constexpr int kMaxDepth = 16;
  char32_t stack[kMaxDepth];
  int depth = 0;
  std::size_t start = from;
  std::size_t pos = from;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  while (pos < text.size()) {
    // Only line breaks, brackets and 。 matter: ASCII, U+3000–U+303F (E3 80 …)
    // and U+FF00–U+FF7F (EF BC …, EF BD …). Any other well-formed three-byte
    // character (kanji, kana) is passed over without decoding it.
    const unsigned char lead = bytes[pos];
    if (lead >= 0xE0 && lead < 0xF0 && text.size() - pos >= 3 && (bytes[pos + 1] & 0xC0) == 0x80 &&
        (bytes[pos + 2] & 0xC0) == 0x80 && !(lead == 0xE3 && bytes[pos + 1] == 0x80) &&
        !(lead == 0xEF && (bytes[pos + 1] == 0xBC || bytes[pos + 1] == 0xBD))) {
      pos += 3;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = text::DecodeAt(text, pos, &cp);
    pos += len;
    if (cp == U'\n') {
      Push(text, start, pos - len, &out);
      start = pos;
      depth = 0;
    } else if (char32_t closer = CloserOf(cp)) {
      if (depth < kMaxDepth) stack[depth++] = closer;
    } else if (IsCloser(cp)) {
      for (int k = depth - 1; k >= 0; --k) {
        if (stack[k] == cp) {
          depth = k;
          break;
        }
      }
    } else if ((cp == U'。' || cp == U'｡') && depth == 0) {
      Push(text, start, pos, &out);
      start = pos;
    }
  }
  Push(text, start, text.size(), &out);
  return out;
}

bool IsProviso(std::string_view sentence) {
  std::string_view t = Trim(sentence);
  return t.substr(0, 9) == "ただし" || t.substr(0, 6) == "但し";
}

bool EndsVisibly(std::string_view sentence) {
  std::string_view t = Trim(sentence);
  if (t.empty()) return true;
  std::size_t pos = t.size() - 1;
  while (pos > 0 && (static_cast<unsigned char>(t[pos]) & 0xC0) == 0x80) --pos;
  char32_t cp = 0;
  text::DecodeAt(t, pos, &cp);
  return cp == U'。' || cp == U'：' || cp == U':' || cp == U'．' || cp == U'.' || IsCloser(cp) ||
         cp == U'」';
}

}  // namespace clausegap::structure
