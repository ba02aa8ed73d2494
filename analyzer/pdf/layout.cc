#include "pdf/layout.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <set>

namespace clausegap::pdf {
namespace {

// A run of words on one baseline.
struct Line {
  std::string text;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int words = 1;
  bool tabular = false;  // a wide gap after its second word or later: a table row
  double height() const { return y1 - y0; }
};

// Decodes |s| into code points (invalid bytes become U+FFFD).
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    p += n;
    left -= n;
  }
  return out;
}

char32_t FirstCodePoint(std::string_view s) {
  auto cps = CodePoints(s.substr(0, std::min<std::size_t>(s.size(), 4)));
  return cps.empty() ? 0 : cps.front();
}

char32_t LastCodePoint(std::string_view s) {
  std::size_t start = s.size();
  while (start > 0 && s.size() - start < 4) {
    --start;
    if ((static_cast<unsigned char>(s[start]) & 0xC0) != 0x80) break;
  }
  auto cps = CodePoints(s.substr(start));
  return cps.empty() ? 0 : cps.back();
}

// Japanese (and other wide) script: kana, kanji, full-width forms and punctuation.
bool IsWide(char32_t c) { return c >= 0x2E80; }

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

bool IsDigit(char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); }

bool IsKanjiNumeral(char32_t c) {
  static const std::u32string kNumerals = U"〇一二三四五六七八九十百千";
  return kNumerals.find(c) != std::u32string::npos;
}

// What goes between two pieces of text on one line |gap| points apart.
std::string Joiner(std::string_view left, std::string_view right, double gap, double height) {
  char32_t a = LastCodePoint(left);
  char32_t b = FirstCodePoint(right);
  // Justified Japanese spreads its characters: only a gap of about half a
  // character between wide characters is a real space (a full-width space).
  double threshold = IsWide(a) || IsWide(b) ? 0.45 : 0.15;
  return gap > threshold * height ? " " : "";
}

// Groups |page|'s words into lines, top to bottom and each left to right.
// The order is taken from the geometry rather than from the PDF library's
// text flows: those put a column of list labels (一, 二, ３) apart from the
// items they number, while contracts are laid out in one column.
std::vector<Line> Lines(const Page& page) {
  std::vector<const Word*> words;
  for (const Word& w : page.words) {
    if (!w.text.empty()) words.push_back(&w);
  }
  std::stable_sort(words.begin(), words.end(),
                   [](const Word* a, const Word* b) { return a->y0 < b->y0; });
  struct Group {
    double y0, y1;
    std::vector<const Word*> words;
  };
  std::vector<Group> groups;
  for (const Word* w : words) {
    double h = std::max(w->y1 - w->y0, 0.1);
    Group* home = nullptr;
    // Only the latest groups can still overlap a word that starts lower.
    for (auto it = groups.rbegin(); it != groups.rend() && it->y1 > w->y0; ++it) {
      double overlap = std::min(it->y1, w->y1) - std::max(it->y0, w->y0);
      if (overlap >= 0.5 * std::min(it->y1 - it->y0, h)) {
        home = &*it;
        break;
      }
    }
    if (home == nullptr) {
      groups.push_back(Group{w->y0, w->y1, {}});
      home = &groups.back();
    }
    home->y0 = std::min(home->y0, w->y0);
    home->y1 = std::max(home->y1, w->y1);
    home->words.push_back(w);
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const Group& a, const Group& b) { return a.y0 < b.y0; });
  std::vector<Line> lines;
  lines.reserve(groups.size());
  for (Group& group : groups) {
    std::stable_sort(group.words.begin(), group.words.end(),
                     [](const Word* a, const Word* b) { return a->x0 < b->x0; });
    Line line;
    for (const Word* w : group.words) {
      if (line.text.empty()) {
        line = Line{w->text, w->x0, w->y0, w->x1, w->y1};
        continue;
      }
      double height = std::max(line.height(), w->y1 - w->y0);
      double gap = w->x0 - line.x1;
      // A gap of two characters after a label (２, (1), 第1条) is a tab; one
      // later in the line separates table cells.
      if (line.words > 1 && gap > 2 * height) line.tabular = true;
      ++line.words;
      line.text += Joiner(line.text, w->text, gap, height);
      line.text += w->text;
      line.x1 = std::max(line.x1, w->x1);
      line.y0 = std::min(line.y0, w->y0);
      line.y1 = std::max(line.y1, w->y1);
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// |line| with every digit replaced by '#', so "- 3 -" on one page and
// "- 4 -" on the next read the same.
std::string DigitsMasked(std::string_view line) {
  std::string out;
  for (char32_t c : CodePoints(line)) {
    if (IsDigit(c)) {
      out += '#';
    } else if (!IsSpace(c)) {
      utf8proc_uint8_t buffer[4];
      utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buffer);
      out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
    }
  }
  return out;
}

// The share of the page height at the top and bottom where running headers
// and footers live.
constexpr double kMarginBand = 0.12;

bool InMarginBand(const Line& line, const Page& page) {
  return line.y1 <= kMarginBand * page.height || line.y0 >= (1 - kMarginBand) * page.height;
}

}  // namespace

bool IsPageNumber(std::string_view line) {
  std::u32string rest;
  for (char32_t c : CodePoints(line)) {
    if (IsSpace(c)) continue;
    rest += c;
  }
  // Words around the number, removed wherever they stand.
  for (std::u32string word : {U"Page", U"page", U"PAGE", U"p.", U"P.", U"ページ", U"頁", U"of"}) {
    for (std::size_t at; (at = rest.find(word)) != std::u32string::npos;) rest.erase(at, word.size());
  }
  static const std::u32string kDecoration = U"-‐‑‒–—―−ー－()（）[]［］<>〈〉|/／";
  bool digit = false;
  for (char32_t c : rest) {
    if (IsDigit(c)) {
      digit = true;
    } else if (kDecoration.find(c) == std::u32string::npos) {
      return false;
    }
  }
  return digit;
}

bool StartsWithMarker(std::string_view line) {
  std::vector<char32_t> cps = CodePoints(line.substr(0, std::min<std::size_t>(line.size(), 64)));
  std::size_t i = 0;
  while (i < cps.size() && IsSpace(cps[i])) ++i;
  if (i >= cps.size()) return false;
  auto skip_spaces = [&](std::size_t j) {
    while (j < cps.size() && IsSpace(cps[j])) ++j;
    return j;
  };
  auto numerals_end = [&](std::size_t j) {
    while (j < cps.size() && (IsDigit(cps[j]) || IsKanjiNumeral(cps[j]))) ++j;
    return j;
  };
  char32_t c = cps[i];
  std::u32string head(cps.begin() + static_cast<std::ptrdiff_t>(i),
                      cps.begin() + static_cast<std::ptrdiff_t>(std::min(cps.size(), i + 4)));
  for (std::u32string word : {U"別紙", U"別表", U"別記", U"附則", U"特記事項"}) {
    if (head.rfind(word, 0) == 0) return true;
  }
  if (c == U'第') {
    std::size_t j = skip_spaces(i + 1);
    std::size_t end = numerals_end(j);
    if (end == j) return false;
    end = skip_spaces(end);
    return end < cps.size() && std::u32string(U"条章節款項号").find(cps[end]) != std::u32string::npos;
  }
  if (c == U'(' || c == U'（') {
    std::size_t j = skip_spaces(i + 1);
    std::size_t end = j;
    while (end < cps.size() && end - j < 3 &&
           (IsDigit(cps[end]) || IsKanjiNumeral(cps[end]) || (cps[end] >= U'ア' && cps[end] <= U'ン') ||
            (cps[end] >= 'a' && cps[end] <= 'z'))) {
      ++end;
    }
    end = skip_spaces(end);
    return end > j && end < cps.size() && (cps[end] == U')' || cps[end] == U'）');
  }
  if (c >= 0x2460 && c <= 0x2473) return true;  // ①…⑳
  if (IsDigit(c)) {
    std::size_t end = i;
    while (end < cps.size() && IsDigit(cps[end])) ++end;
    if (end - i > 3 || end >= cps.size()) return false;
    return IsSpace(cps[end]) || std::u32string(U".．、)）").find(cps[end]) != std::u32string::npos;
  }
  if (IsKanjiNumeral(c)) {
    std::size_t end = numerals_end(i);
    if (end - i > 3 || end >= cps.size()) return false;
    return IsSpace(cps[end]) || cps[end] == U'、' || cps[end] == U'．';
  }
  if (c >= U'ア' && c <= U'ン') {
    return i + 1 < cps.size() && (IsSpace(cps[i + 1]) || cps[i + 1] == U'．' || cps[i + 1] == U'.');
  }
  return false;
}

std::vector<Paragraph> LayoutParagraphs(const std::vector<Page>& pages) {
  std::vector<std::vector<Line>> page_lines;
  page_lines.reserve(pages.size());
  for (const Page& page : pages) page_lines.push_back(Lines(page));

  // Running headers and footers: lines in the top or bottom band that are
  // page numbers, or that recur (digits aside) in the band of another page.
  std::map<std::string, std::set<std::size_t>> band_pages;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (const Line& line : page_lines[p]) {
      if (InMarginBand(line, pages[p])) band_pages[DigitsMasked(line.text)].insert(p);
    }
  }
  auto running = [&](const Line& line, std::size_t p) {
    if (!InMarginBand(line, pages[p])) return false;
    if (IsPageNumber(line.text)) return true;
    return pages.size() > 1 && band_pages[DigitsMasked(line.text)].size() > 1;
  };

  std::vector<Paragraph> out;
  const Line* previous = nullptr;  // the last line kept, on this page or the one before
  double previous_right = 0;       // the right margin of |previous|'s page
  std::size_t previous_page = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::vector<const Line*> body;
    for (const Line& line : page_lines[p]) {
      if (!running(line, p)) body.push_back(&line);
    }
    double right = 0;
    for (const Line* line : body) right = std::max(right, line->x1);
    for (const Line* line : body) {
      bool joins = false;
      if (previous != nullptr) {
        double h = std::max(previous->height(), 1.0);
        bool full = previous->x1 >= previous_right - 1.5 * h;
        bool same_page = previous_page == p;
        bool close = !same_page || line->y0 - previous->y1 <= 1.2 * h;
        joins = full && close && !previous->tabular && !line->tabular &&
                !StartsWithMarker(line->text);
      }
      if (joins) {
        Paragraph& paragraph = out.back();
        char32_t a = LastCodePoint(paragraph.text);
        char32_t b = FirstCodePoint(line->text);
        bool latin = a < 0x80 && b < 0x80 && a != ' ' && b != ' ' && a != '-';
        if (latin) paragraph.text += ' ';
        paragraph.text += line->text;
      } else {
        out.push_back(Paragraph{line->text, static_cast<int>(p) + 1});
      }
      previous = line;
      previous_right = right;
      previous_page = p;
    }
  }
  return out;
}

}  // namespace clausegap::pdf
