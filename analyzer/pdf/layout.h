// From positioned words to paragraphs: the page-geometry half of reading a
// PDF, kept free of poppler so that it can be tested on plain values.
//
// Words are grouped into lines by their vertical extent and read top to
// bottom, each line left to right (contracts are set in one column); running headers, footers and page
// numbers are dropped, and lines are joined into paragraphs the way Japanese
// text wraps: with nothing between the lines, unless both sides are Latin
// letters or digits. A line that stops short of the right margin ends a
// paragraph; so does a line that opens with a clause marker (第N条, ２, (1),
// ①, 一、, ア …) or a wide vertical gap, and a table row (a line with a
// wide gap after its second word) stands alone. A paragraph runs on across a page
// break when the last line of the page is full. Pure functions, thread-safe.
#ifndef CLAUSEGAP_PDF_LAYOUT_H_
#define CLAUSEGAP_PDF_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

namespace clausegap::pdf {

/// A word as the PDF library reports it; coordinates in points, y growing
/// downwards from the top of the page.
struct Word {
  std::string text;  ///< UTF-8
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// One page: its size and its words (in any order).
struct Page {
  double width = 0;
  double height = 0;
  std::vector<Word> words;
};

/// A paragraph of the laid-out text.
struct Paragraph {
  std::string text;  ///< UTF-8, no line breaks
  int page = 1;      ///< 1-based page of its first line
};

/// Returns the paragraphs of |pages| in reading order, without running
/// headers, footers and page numbers.
std::vector<Paragraph> LayoutParagraphs(const std::vector<Page>& pages);

/// Returns whether |line| (one line of text) is only a page number:
/// "3", "- 3 -", "3 / 12", "(3)", "Page 3", "p. 3", "3ページ", "３頁".
bool IsPageNumber(std::string_view line);

/// Returns whether |line| opens with a clause marker that starts a new
/// paragraph: 第N条 (also 章, 節, 項, 号), a number followed by a space or
/// "." / "．" / "、" / ")", (N) / （N）, ①…⑳, a kanji numeral with "、" or a
/// space, one katakana with a space, 別紙, 別表, 附則, 特記事項.
bool StartsWithMarker(std::string_view line);

}  // namespace clausegap::pdf

#endif  // CLAUSEGAP_PDF_LAYOUT_H_
