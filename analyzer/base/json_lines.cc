#include "base/json_lines.h"

#include <algorithm>

namespace clausegap::base {

void JsonLineMap::Scan(std::string_view s) {
  std::vector<Frame> stack;
  int line = 1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\n') {
      ++line;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      --i;
    } else if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      while (i + 1 < s.size() && !(s[i] == '*' && s[i + 1] == '/')) {
        if (s[i] == '\n') ++line;
        ++i;
      }
      ++i;
    } else if (c == '{' || c == '[') {
      ValueStart(stack, line);
      stack.push_back(Frame{c == '{', -1, "", true});
    } else if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (c == ',') {
      if (!stack.empty() && stack.back().object) stack.back().expect_key = true;
    } else if (c == ':') {
      if (!stack.empty() && stack.back().object) stack.back().expect_key = false;
    } else if (c == '"') {
      std::string str;
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        if (s[i] == '\n') ++line;
        str += s[i];
        ++i;
      }
      if (!stack.empty() && stack.back().object && stack.back().expect_key) {
        stack.back().key = str;
        lines_.emplace(Path(stack), line);
      } else {
        ValueStart(stack, line);
      }
    } else if (c != ' ' && c != '\t' && c != '\r') {
      ValueStart(stack, line);
      while (i + 1 < s.size() && std::string_view(",]}\n \t\r/").find(s[i + 1]) == std::string_view::npos) ++i;
    }
  }
}

namespace {

// Edit distance for "did you mean" suggestions (keys are ASCII).
int Distance(std::string_view a, std::string_view b) {
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diag = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int next = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string Closest(std::string_view word, const std::vector<std::string_view>& known) {
  std::string best;
  int best_distance = 1 << 30;
  for (std::string_view k : known) {
    int d = Distance(word, k);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(k);
    }
  }
  if (best_distance > std::max<int>(2, static_cast<int>(word.size()) / 3)) return "";
  return best;
}

}  // namespace clausegap::base
