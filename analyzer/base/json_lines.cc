#include "base/json_lines.h"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

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

// Returns the line of the first bracket of |text| that opens level
// |max_depth| + 1 (strings and comments skipped), or 1.
int DeepLine(std::string_view text, int max_depth) {
  int line = 1, depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++line;
    } else if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
        else if (text[i] == '\n') ++line;
      }
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i + 1 < text.size() && text[i + 1] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      for (i += 2; i + 1 < text.size() && !(text[i] == '*' && text[i + 1] == '/'); ++i)
        if (text[i] == '\n') ++line;
      ++i;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return line;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return 1;
}

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

Expected<nlohmann::json> ParseJson(const std::string& file, std::string_view text, ErrorCode code,
                                   int max_depth) {
  nlohmann::json root;
  bool too_deep = false;
  // A deeper text is refused before the
  // line map (whose size grows with depth times values) or any recursive
  // walk of the tree sees it.
  auto depth_guard = [&too_deep, max_depth](int depth, nlohmann::json::parse_event_t event,
                                             nlohmann::json&) {
    using Event = nlohmann::json::parse_event_t;
    if ((event == Event::object_start || event == Event::array_start) &&
        depth >= max_depth) {
      too_deep = true;
      return false;  // discard the subtree
    }
    return true;
  };
  try {
    root = nlohmann::json::parse(text, depth_guard, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    std::size_t upto = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + upto, '\n'));
    std::string what = e.what();
    auto colon = what.find("syntax error");
    if (colon != std::string::npos) what = what.substr(colon);
    return MakeError(code, file + ":" + std::to_string(line) + ": invalid JSON: " + what);
  } catch (const nlohmann::json::exception& e) {
    // out_of_range.406, a number beyond double ("1e999"): no byte offset,
    // so the line is that of the number quoted in the message.
    std::string what = e.what();
    if (auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
    int line = 1;
    auto open = what.find('\''), close = what.rfind('\'');
    if (open != std::string::npos && close > open) {
      auto at = text.find(what.substr(open + 1, close - open - 1));
      if (at != std::string::npos) line += static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    }
    return MakeError(code, file + ":" + std::to_string(line) + ": invalid JSON: " + what);
  }
  if (too_deep) {
    return MakeError(code, file + ":" + std::to_string(DeepLine(text, max_depth)) +
                                                   ": JSON nested deeper than " +
                                                   std::to_string(max_depth) + " levels");
  }
  return root;
}

}  // namespace clausegap::base
