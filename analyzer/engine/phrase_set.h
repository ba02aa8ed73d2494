// PhraseSet: a fixed list of phrases found in one pass over a UTF-8 text.
//
// Phrases are bucketed by their first character, so each character of the
// text costs one binary search instead of one comparison per phrase. Used
// by the duty-frame reader, which looks for some hundred cue phrases in
// every sentence. Immutable once built; safe to share between threads.
#ifndef CLAUSEGAP_ENGINE_PHRASE_SET_H_
#define CLAUSEGAP_ENGINE_PHRASE_SET_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausegap::engine {

class PhraseSet {
 public:
  PhraseSet() = default;
  /// Builds the set over |phrases| (empty phrases are ignored). Within one
  /// first character, longer phrases are tried first.
  explicit PhraseSet(std::vector<std::string> phrases) : phrases_(std::move(phrases)) {
    for (std::size_t i = 0; i < phrases_.size(); ++i)
      if (!phrases_[i].empty()) keys_.push_back({Key(phrases_[i], 0), static_cast<int>(i)});
    std::sort(keys_.begin(), keys_.end(), [this](const auto& a, const auto& b) {
      if (a.first != b.first) return a.first < b.first;
      return phrases_[a.second].size() > phrases_[b.second].size();
    });
    // An open-addressing table from a first character to its run in keys_.
    std::size_t size = 16;
    while (size < 4 * keys_.size()) size *= 2;
    table_.assign(size, Slot{});
    for (std::size_t k = 0; k < keys_.size(); ++k) {
      if (k > 0 && keys_[k].first == keys_[k - 1].first) {
        ++table_[Find(keys_[k].first)].end;
        continue;
      }
      std::size_t h = Hash(keys_[k].first) & (table_.size() - 1);
      while (table_[h].end != 0) h = (h + 1) & (table_.size() - 1);
      table_[h] =
          Slot{keys_[k].first, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k + 1)};
    }
    for (const auto& key : keys_) {
      const std::size_t f = Hash(key.first) & (kFilterBits - 1);
      filter_[f >> 6] |= std::uint64_t{1} << (f & 63);
    }
  }

  /// Returns whether some phrase starts with the character at byte |at|.
  bool Starts(std::string_view text, std::size_t at) const {
    const std::size_t h = Hash(Key(text, at)) & (kFilterBits - 1);
    return (filter_[h >> 6] >> (h & 63)) & 1;
  }

  /// Returns the phrase with index |i|.
  const std::string& phrase(int i) const { return phrases_[static_cast<std::size_t>(i)]; }

  /// Calls |f(index, offset)| for every phrase occurring at a character
  /// boundary of |text|, in text order (longest first at one offset). |f|
  /// returns false to stop.
  template <typename F>
  void ForEach(std::string_view text, F&& f) const {
    if (keys_.empty()) return;
    for (std::size_t at = 0; at < text.size(); at += CharLength(text[at])) {
      if (!Starts(text, at)) continue;
      const Slot& slot = table_[Find(Key(text, at))];
      for (std::uint32_t k = slot.begin; k < slot.end; ++k) {
        const int index = keys_[k].second;
        const std::string& p = phrases_[static_cast<std::size_t>(index)];
        if (text.size() - at >= p.size() && text.compare(at, p.size(), p) == 0)
          if (!f(index, at)) return;
      }
    }
  }

  /// Returns the index of the longest phrase starting at byte |at| of
  /// |text|, or -1.
  int At(std::string_view text, std::size_t at) const {
    if (at >= text.size() || keys_.empty() || !Starts(text, at)) return -1;
    const Slot& slot = table_[Find(Key(text, at))];
    for (std::uint32_t k = slot.begin; k < slot.end; ++k) {
      const std::string& p = phrases_[static_cast<std::size_t>(keys_[k].second)];
      if (text.size() - at >= p.size() && text.compare(at, p.size(), p) == 0)
        return keys_[k].second;
    }
    return -1;
  }

  /// Returns whether any phrase occurs in |text|.
  bool Any(std::string_view text) const {
    bool found = false;
    ForEach(text, [&](int, std::size_t) { return !(found = true); });
    return found;
  }

 private:
  static std::size_t CharLength(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  // The bytes of the character at |at|, packed (at most 4).
  static std::uint32_t Key(std::string_view s, std::size_t at) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + at;
    if ((p[0] & 0xF0) == 0xE0 && s.size() - at >= 3)  // most of Japanese text
      return (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    if (p[0] < 0x80) return p[0];
    std::size_t n = std::min(CharLength(s[at]), s.size() - at);
    std::uint32_t key = 0;
    for (std::size_t i = 0; i < n; ++i) key = (key << 8) | static_cast<unsigned char>(s[at + i]);
    return key;
  }

  struct Slot {
    std::uint32_t key = 0;
    std::uint32_t begin = 0, end = 0;  // the run in keys_; end == 0: an empty slot
  };
  static std::size_t Hash(std::uint32_t key) { return (key * 0x9E3779B1u) >> 7; }
  // Returns the slot of |key|: its run, or an empty slot (begin == end).
  std::size_t Find(std::uint32_t key) const {
    std::size_t h = Hash(key) & (table_.size() - 1);
    while (table_[h].end != 0 && table_[h].key != key) h = (h + 1) & (table_.size() - 1);
    return h;
  }

  std::vector<std::string> phrases_;
  std::vector<std::pair<std::uint32_t, int>> keys_;  // (first character, phrase), sorted
  std::vector<Slot> table_;                          // first character → run in keys_
  static constexpr std::size_t kFilterBits = 4096;
  std::uint64_t filter_[kFilterBits / 64] = {};      // some phrase's first character hashes here
};

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_PHRASE_SET_H_
