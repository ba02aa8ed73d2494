// The rule pack's terms, indexed so that one pass over a text finds every
// term it contains. Immutable after construction; Scan is thread-safe.
#ifndef CLAUSEGAP_ENGINE_TERM_INDEX_H_
#define CLAUSEGAP_ENGINE_TERM_INDEX_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace clausegap::engine {

// The pack's terms indexed by their first bytes, so that one pass over a
// text finds every term it contains: at each byte offset only the terms
// whose first six bytes (three for terms of 3 to 5 bytes; two or one for
// shorter ones) equal the text's there are compared. Finds exactly what
// std::string::find finds, at any byte offset.
struct TermIndex {
  explicit TermIndex(const std::vector<std::string>& terms)
      : terms(terms), words((terms.size() + 63) / 64) {
    std::vector<Candidate> three, six;  // terms of 3 to 5 and of 6+ bytes, in term order
    for (std::size_t t = 0; t < terms.size(); ++t) {
      const std::string& term = terms[t];
      const int id = static_cast<int>(t);
      if (term.empty()) {
        empty.push_back(id);
        continue;
      }
      if ((static_cast<unsigned char>(term[0]) & 0xC0) == 0x80) any_at_continuation = true;
      if (term.size() == 1) {
        one_byte[static_cast<unsigned char>(term[0])].push_back(id);
        short_first[static_cast<unsigned char>(term[0])] = true;
        continue;
      }
      if (term.size() == 2) {
        two_bytes.push_back({Load(term.data(), 2), id});
        short_first[static_cast<unsigned char>(term[0])] = true;
        continue;
      }
      Candidate c;
      c.size = static_cast<std::uint32_t>(term.size());
      c.id = id;
      c.head = Load(term.data(), std::min<std::size_t>(8, term.size()));
      c.mask = term.size() >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * term.size())) - 1;
      (term.size() < 6 ? three : six).push_back(c);
    }
    Flatten(three, kMask3, &start3, &candidates3);
    Flatten(six, kMask6, &start6, &candidates6);
    // The filters: one bit per bucket, 8 KiB each, so that the common case (no
    // term starts here) costs a load from L1 instead of two from the tables.
    for (std::size_t k = 0; k < kBuckets; ++k) {
      if (start3[k] != start3[k + 1]) filter3[k >> 6] |= std::uint64_t{1} << (k & 63);
      if (start6[k] != start6[k + 1]) filter6[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
    for (const Candidate& c : candidates6) {
      const std::size_t k = Bucket(c.head & kMask3);
      lead6[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  }

  static constexpr std::size_t kBuckets = 1 << 16;
  static constexpr std::uint64_t kMask3 = 0xFFFFFF;
  static constexpr std::uint64_t kMask6 = 0xFFFFFFFFFFFF;
  struct Candidate {
    std::uint64_t head = 0;  // the term's first (up to) 8 bytes, in memory order
    std::uint64_t mask = 0;  // the bytes of |head| that belong to the term
    std::uint32_t size = 0;  // the term's length in bytes
    int id = 0;
  };
  struct Short {
    std::uint64_t bytes;  // a two-byte term
    int id;
  };

  // Returns the |n| (at most 8) bytes at |p| as an integer in memory order.
  static std::uint64_t Load(const char* p, std::size_t n) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    return word;
  }
  static std::uint64_t Load8(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
  }
  static std::size_t Bucket(std::uint64_t prefix) {
    return static_cast<std::size_t>((prefix * 0x9E3779B97F4A7C15ull) >> 48);
  }
  // Orders |candidates| by the bucket of their first bytes (|mask|), term
  // order within a bucket, into |flat|, and sets |start|. A counting sort: a
  // vector per bucket (2 × 65,536 of them) cost every process start-up
  // 3 MiB of page faults.
  static void Flatten(const std::vector<Candidate>& candidates, std::uint64_t mask,
                      std::vector<std::uint32_t>* start, std::vector<Candidate>* flat) {
    std::vector<std::uint32_t>& s = *start;
    s.assign(kBuckets + 1, 0);
    for (const Candidate& c : candidates) ++s[Bucket(c.head & mask) + 1];
    for (std::size_t k = 0; k < kBuckets; ++k) s[k + 1] += s[k];
    flat->resize(candidates.size());
    // s[b] serves as bucket b's cursor and ends at bucket b + 1's start…
    for (const Candidate& c : candidates) (*flat)[s[Bucket(c.head & mask)]++] = c;
    // …so shifting by one restores the starts.
    for (std::size_t k = kBuckets; k > 0; --k) s[k] = s[k - 1];
    s[0] = 0;
  }

  /// Sets in |bits| (|words| words) the bit of every term occurring in |text|.
  void Scan(std::string_view text, std::uint64_t* bits) const {
    if (any_at_continuation) {
      ScanText<true>(text, bits);
    } else {
      ScanText<false>(text, bits);
    }
  }

  // Scan, for a pack where some term starts with a UTF-8 continuation byte
  // (|kAtContinuation|) or none does.
  template <bool kAtContinuation>
  void ScanText(std::string_view text, std::uint64_t* bits) const {
    auto set = [bits](int t) { bits[t >> 6] |= std::uint64_t{1} << (t & 63); };
    for (int t : empty) set(t);
    const char* data = text.data();
    const std::size_t n = text.size();
    for (std::size_t i = 0, step = 1; i < n; i += step) {
      const std::size_t left = n - i;
      const unsigned char c = static_cast<unsigned char>(data[i]);
      // A term starts at a character, never inside one (unless a term is
      // not UTF-8): after a well-formed three-byte character, go on after it.
      step = !kAtContinuation && (c & 0xF0) == 0xE0 && left >= 3 &&
                     (static_cast<unsigned char>(data[i + 1]) & 0xC0) == 0x80 &&
                     (static_cast<unsigned char>(data[i + 2]) & 0xC0) == 0x80
                 ? 3
                 : 1;
      if (short_first[c]) {
        for (int t : one_byte[c]) set(t);
        if (left >= 2) {
          std::uint64_t pair = Load(data + i, 2);
          for (const Short& sh : two_bytes)
            if (sh.bytes == pair) set(sh.id);
        }
      }
      if (left < 3) continue;
      if (!kAtContinuation && (c & 0xC0) == 0x80) continue;
      const std::uint64_t word = left >= 8 ? Load8(data + i) : Load(data + i, left);
      const std::size_t b3 = Bucket(word & kMask3);
      const bool any3 = Has(filter3, b3);
      const bool any6 = left >= 6 && Has(lead6, b3);
      if (!any3 && !any6) continue;
      auto try_bucket = [&](const std::vector<std::uint32_t>& start,
                            const std::vector<Candidate>& candidates, std::size_t bucket) {
        for (std::uint32_t k = start[bucket], end = start[bucket + 1]; k < end; ++k) {
          const Candidate& cand = candidates[k];
          if ((word & cand.mask) != cand.head || cand.size > left) continue;
          if (cand.size <= 8 ||
              std::memcmp(data + i + 8, terms[static_cast<std::size_t>(cand.id)].data() + 8,
                          cand.size - 8) == 0) {
            set(cand.id);
          }
        }
      };
      if (any3) try_bucket(start3, candidates3, b3);
      if (any6) {
        const std::size_t b6 = Bucket(word & kMask6);
        if (Has(filter6, b6)) try_bucket(start6, candidates6, b6);
      }
    }
  }

  static bool Has(const std::uint64_t* filter, std::size_t bucket) {
    return (filter[bucket >> 6] >> (bucket & 63)) & 1;
  }

  const std::vector<std::string>& terms;
  const std::size_t words;
  std::vector<std::uint32_t> start3, start6;  // the candidates of bucket b: [start[b], start[b + 1])
  std::vector<Candidate> candidates3;         // terms of 3 to 5 bytes, by their first 3
  std::vector<Candidate> candidates6;         // terms of 6 bytes or more, by their first 6
  std::vector<Short> two_bytes;               // terms of two bytes
  std::vector<int> one_byte[256];             // terms of one byte, by that byte
  bool short_first[256] = {};                 // some term of one or two bytes starts with this byte
  bool any_at_continuation = false;  // a term starts with a UTF-8 continuation byte
  std::vector<int> empty;            // the empty term occurs everywhere
  std::uint64_t filter3[kBuckets / 64] = {};  // bucket b of start3 is not empty
  std::uint64_t filter6[kBuckets / 64] = {};  // bucket b of start6 is not empty
  std::uint64_t lead6[kBuckets / 64] = {};    // a term of 6+ bytes has its first 3 in bucket b
};

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_TERM_INDEX_H_
