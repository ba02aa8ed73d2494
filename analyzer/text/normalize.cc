#include "text/normalize.h"

#include <utf8proc.h>

#include <algorithm>

namespace clausegap::text {
namespace {

constexpr utf8proc_option_t kOptions = static_cast<utf8proc_option_t>(
    UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_STABLE | UTF8PROC_IGNORE);

// Code points that NFKC leaves alone and that never compose with a following
// mark in Japanese text: copied without asking utf8proc.
bool IsStable(utf8proc_int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||  // CJK unified ideographs
         (cp >= 0x3041 && cp <= 0x3096) ||  // hiragana
         (cp >= 0x30A1 && cp <= 0x30FA) ||  // katakana
         cp == 0x3001 || cp == 0x3002 ||    // 、。
         (cp >= 0x300C && cp <= 0x3011);    // 「」『』【】
}

// A mark that attaches to the character before it, so that the pair must be
// normalised together (ｶ + ﾞ → ガ, e + U+0301 → é).
bool IsMark(utf8proc_int32_t cp) {
  if (cp < 0x300) return false;
  if (cp == 0xFF9E || cp == 0xFF9F || cp == 0x3099 || cp == 0x309A) return true;
  const utf8proc_property_t* property = utf8proc_get_property(cp);
  if (property->combining_class != 0) return true;
  return property->category == UTF8PROC_CATEGORY_MN || property->category == UTF8PROC_CATEGORY_MC ||
         property->category == UTF8PROC_CATEGORY_ME;
}

// Returns the code point of the 3-byte UTF-8 sequence at |p| (|p|[0] is
// 0xE0..0xEF), or -1 when the next two bytes are not continuation bytes.
inline utf8proc_int32_t Decode3(const utf8proc_uint8_t* p) {
  if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return -1;
  return (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
}

// Collects the normalised text and, when |kMap|, the offset in the
// original of every byte (NormalizedText::source).
template <bool kMap>
class Builder {
 public:
  explicit Builder(std::size_t size_hint) {
    out_.text.reserve(size_hint + size_hint / 4);
    if (kMap) out_.source.reserve(size_hint + size_hint / 4 + 1);
  }
  void Byte(char c, std::size_t from) {
    out_.text.push_back(c);
    if (kMap) out_.source.push_back(static_cast<std::uint32_t>(from));
  }
  void Bytes(const char* data, std::size_t n, std::size_t from) {
    out_.text.append(data, n);
    if (kMap) out_.source.insert(out_.source.end(), n, static_cast<std::uint32_t>(from));
  }
  // Appends the original's bytes [begin, end), which are copied as they are:
  // each maps to the first byte of its own character.
  void Verbatim(const char* original, std::size_t begin, std::size_t end) {
    out_.text.append(original + begin, end - begin);
    if (!kMap) return;
    for (std::size_t k = begin; k < end;) {
      const std::size_t length = static_cast<unsigned char>(original[k]) < 0x80 ? 1 : 3;
      out_.source.insert(out_.source.end(), length, static_cast<std::uint32_t>(k));
      k += length;
    }
  }
  void CodePoint(utf8proc_int32_t cp, std::size_t from) {
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
    Bytes(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n), from);
  }
  NormalizedText Finish(std::size_t original_size) {
    if (kMap) out_.source.push_back(static_cast<std::uint32_t>(original_size));
    return std::move(out_);
  }

 private:
  NormalizedText out_;
};

// The length of the character at |pos| (< |n|) when the general path below
// would copy it unchanged whatever follows it, as long as a character of
// the same kind follows: printable ASCII, \t and \n, or a stable three-byte
// character (IsStable). 0 for any other character.
inline std::size_t PlainLength(const utf8proc_uint8_t* data, std::size_t pos, std::size_t n) {
  const unsigned char c = data[pos];
  if (c < 0x80) return (c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' ? 1 : 0;
  if (c >= 0xE0 && c < 0xF0 && pos + 2 < n) {
    const utf8proc_int32_t cp = Decode3(data + pos);
    if (cp >= 0 && IsStable(cp)) return 3;
  }
  return 0;
}

// Appends ASCII byte |c| (at |pos| in the original), dropping or mapping
// control characters.
template <typename B>
void AsciiByte(B& b, unsigned char c, std::size_t pos) {
  if (c >= 0x20 && c != 0x7F) {
    b.Byte(static_cast<char>(c), pos);
  } else if (c == '\t' || c == '\n') {
    b.Byte(static_cast<char>(c), pos);
  } else if (c == '\v' || c == '\f') {
    b.Byte('\n', pos);
  }  // \r, other C0 controls and DEL are dropped.
}

// Normalises the cluster [begin, end) of |data| (one base and its marks).
template <typename B>
void Cluster(B& b, const utf8proc_uint8_t* data, std::size_t begin, std::size_t end) {
  utf8proc_int32_t small[32];
  std::vector<utf8proc_int32_t> large;
  utf8proc_int32_t* buffer = small;
  utf8proc_ssize_t size = 32;
  utf8proc_ssize_t n = utf8proc_decompose(data + begin, static_cast<utf8proc_ssize_t>(end - begin),
                                          buffer, size, kOptions);
  if (n > size) {
    large.resize(static_cast<std::size_t>(n));
    buffer = large.data();
    size = n;
    n = utf8proc_decompose(data + begin, static_cast<utf8proc_ssize_t>(end - begin), buffer, size,
                           kOptions);
  }
  if (n < 0) {  // cannot happen for valid input; keep the text visible
    b.CodePoint(0xFFFD, begin);
    return;
  }
  n = utf8proc_normalize_utf32(buffer, n, kOptions);
  for (utf8proc_ssize_t i = 0; i < n; ++i) b.CodePoint(buffer[i], begin);
}

}  // namespace

std::size_t NormalizedText::ToSource(std::size_t offset) const {
  if (source.empty()) return 0;
  return source[std::min(offset, source.size() - 1)];
}

Span NormalizedText::ToSourceSpan(std::size_t begin, std::size_t end) const {
  if (source.empty()) return {};
  const std::size_t size = source.size() - 1;  // == text.size()
  end = std::min(end, size);
  begin = std::min(begin, end);
  Span span{source[begin], source[end]};
  if (end > begin && end < size && source[end] == source[end - 1]) {
    std::size_t k = end;
    while (k < size && source[k] == source[end - 1]) ++k;
    span.end = source[k];
  }
  if (span.end < span.begin) span.end = span.begin;
  return span;
}

namespace {

// Normalises |original|. |fast| takes the shortcuts for plain text; without
// them every character goes through the general path (the reference the
// shortcuts are tested against).
template <bool kMap>
NormalizedText Run(std::string_view original, bool fast) {
  const auto* data = reinterpret_cast<const utf8proc_uint8_t*>(original.data());
  const std::size_t n = original.size();
  Builder<kMap> b(n);
  std::size_t pos = 0;
  while (pos < n) {
    if (fast) {
      // A run of plain characters (PlainLength) is copied in one go, all but
      // its last character: a plain character before another plain one is
      // never changed (NFKC leaves it alone and a plain character is no
      // mark to compose with it). The last one takes the paths below, which
      // look at what follows it.
      std::size_t end = pos;
      std::size_t last = pos;
      for (std::size_t length; end < n && (length = PlainLength(data, end, n)) != 0; end += length) {
        last = end;
      }
      if (last > pos) {
        b.Verbatim(original.data(), pos, last);
        pos = last;
      }
    }
    const unsigned char c = data[pos];
    if (fast && c < 0x80 && (pos + 1 >= n || data[pos + 1] < 0x80)) {  // ASCII fast path
      AsciiByte(b, c, pos);
      ++pos;
      continue;
    }
    if (fast && c >= 0xE0 && c < 0xF0 && pos + 2 < n) {
      // Fast path for the bulk of Japanese text: a stable kanji or kana that
      // no mark follows (the next character is ASCII or stable too) is
      // copied as it is, exactly as the general path below would.
      utf8proc_int32_t here = Decode3(data + pos);
      if (here >= 0 && IsStable(here)) {
        const std::size_t next = pos + 3;
        bool plain = next >= n || data[next] < 0x80;
        if (!plain && data[next] >= 0xE0 && data[next] < 0xF0 && next + 2 < n) {
          utf8proc_int32_t after = Decode3(data + next);
          plain = after >= 0 && IsStable(after);
        }
        if (plain) {
          b.Bytes(original.data() + pos, 3, pos);
          pos = next;
          continue;
        }
      }
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t len =
        utf8proc_iterate(data + pos, static_cast<utf8proc_ssize_t>(n - pos), &cp);
    if (len <= 0) {  // invalid byte: one U+FFFD per byte
      b.CodePoint(0xFFFD, pos);
      ++pos;
      continue;
    }
    const std::size_t begin = pos;
    std::size_t end = pos + static_cast<std::size_t>(len);
    if (cp < 0x20 || cp == 0x7F) {  // a control character is no base for marks
      AsciiByte(b, static_cast<unsigned char>(cp), pos);
      pos = end;
      continue;
    }
    if (cp >= 0x80 && cp < 0xA0) {  // C1 controls; NEL is a line break
      if (cp == 0x85) b.Byte('\n', pos);
      pos = end;
      continue;
    }
    if (cp == 0x2028 || cp == 0x2029) {  // line and paragraph separators
      b.Byte('\n', pos);
      pos = end;
      continue;
    }
    bool marks = false;
    while (end < n) {
      utf8proc_int32_t next = 0;
      utf8proc_ssize_t next_len =
          utf8proc_iterate(data + end, static_cast<utf8proc_ssize_t>(n - end), &next);
      if (next_len <= 0 || IsStable(next) || !IsMark(next)) break;
      end += static_cast<std::size_t>(next_len);
      marks = true;
    }
    if (!marks && cp < 0x80) {
      b.Byte(static_cast<char>(cp), begin);
    } else if (!marks && IsStable(cp)) {
      b.Bytes(original.data() + begin, end - begin, begin);
    } else {
      Cluster(b, data, begin, end);
    }
    pos = end;
  }
  return b.Finish(n);
}

}  // namespace

NormalizedText Normalize(std::string_view original) { return Run<true>(original, true); }

std::string NormalizeText(std::string_view original) {
  return Run<false>(original, true).text;
}

NormalizedText NormalizeWithoutShortcuts(std::string_view original) {
  return Run<true>(original, false);
}

std::string_view OriginalText(std::string_view original, const NormalizedText& normalized,
                              std::size_t begin, std::size_t end) {
  Span span = normalized.ToSourceSpan(begin, end);
  if (span.begin > original.size()) return {};
  return original.substr(span.begin, std::min(span.end, original.size()) - span.begin);
}

}  // namespace clausegap::text
