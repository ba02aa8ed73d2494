// Source lines of the values in a JSON text (comments allowed), so that
// validation errors can say "file:line: what is wrong" — nlohmann::json keeps
// no positions. Also the "did you mean" helper used with unknown keys.
// Plain values; thread-compatible.
#ifndef CLAUSEGAP_BASE_JSON_LINES_H_
#define CLAUSEGAP_BASE_JSON_LINES_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/error.h"

namespace clausegap::base {

/// Maps JSON pointers ("/requirements/0/clause/any") to 1-based source lines,
/// found by scanning the source text (comments allowed) once.
class JsonLineMap {
 public:
  explicit JsonLineMap(std::string_view text) { Scan(text); }

  /// Returns the line of |pointer|, else of its closest ancestor, else 1.
  int Line(std::string pointer) const {
    while (true) {
      auto it = lines_.find(pointer);
      if (it != lines_.end()) return it->second;
      auto slash = pointer.rfind('/');
      if (slash == std::string::npos || pointer.empty()) return 1;
      pointer.resize(slash);
    }
  }

 private:
  struct Frame {
    bool object = false;
    int index = -1;
    std::string key;
    bool expect_key = true;
  };

  std::string Path(const std::vector<Frame>& stack) const {
    std::string path;
    for (const Frame& f : stack) {
      path += '/';
      path += f.object ? f.key : std::to_string(f.index);
    }
    return path;
  }

  void ValueStart(std::vector<Frame>& stack, int line) {
    if (stack.empty()) {
      lines_.emplace("", line);
      return;
    }
    if (!stack.back().object) {
      ++stack.back().index;
      lines_.emplace(Path(stack), line);
    }
  }

  void Scan(std::string_view s);

  std::map<std::string, int> lines_;
};

/// Parses |text| (read from |file|; // and /* */ comments allowed). Returns
/// |code| errors "file:line: invalid JSON: …" for a syntax error or a number
/// out of range, and "file:line: JSON nested deeper than N levels" past
/// |max_depth| — refused before any line map or recursive walk sees it.
Expected<nlohmann::json> ParseJson(const std::string& file, std::string_view text, ErrorCode code,
                                   int max_depth);

/// Returns the entry of |known| closest to |word| by edit distance, or "" if
/// none is close enough to be a likely typo.
std::string Closest(std::string_view word, const std::vector<std::string_view>& known);

}  // namespace clausegap::base

#endif  // CLAUSEGAP_BASE_JSON_LINES_H_
