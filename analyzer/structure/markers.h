// Recognisers for the pieces of a contract line: article heads 第N条（見出し）,
// paragraph and item markers (2 / ２． / (1) / ① / 一、 / イ), bracket-only
// headings, appendix section heads, chapter heads, titles and signature
// lines. Each looks at one block's text; none allocates beyond its result.
// Pure functions, thread-safe.
#ifndef CLAUSEGAP_STRUCTURE_MARKERS_H_
#define CLAUSEGAP_STRUCTURE_MARKERS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace clausegap::structure {

/// Returns the offset of the first byte at or after |pos| that is not white
/// space (ASCII space, tab, newline, U+3000) nor an HTML line break "<br />".
std::size_t SkipSpace(std::string_view s, std::size_t pos);

/// Returns |s| without leading and trailing white space (as SkipSpace).
std::string_view Trim(std::string_view s);

/// Returns the number of code points in |s|.
std::size_t CodePoints(std::string_view s);

/// If a bracket （ ( 【 ［ [ 〔 opens at |pos| of |s| and closes within 40 code
/// points with no 。 inside, stores the inside in |*inside| and returns the
/// offset after the closer; else returns 0.
std::size_t ReadBracket(std::string_view s, std::size_t pos, std::string_view* inside);

/// Returns true if |s| can be an unbracketed article heading (第1条 目的):
/// at most 25 code points, no 。 or 、, not ending with ：.
bool LooksLikeHeading(std::string_view s);

/// A parsed article head 第N条[のM][（見出し）] [本文].
struct ArticleHead {
  bool ok = false;
  int number = 0;
  int branch = 0;             ///< M of 第N条のM, 0 if none
  bool jo = true;             ///< false for a schedule-style head "第N 見出し" without 条
  std::string heading;        ///< without brackets; may be empty
  std::size_t body = 0;       ///< offset of the article's own text in the input (== size when none)
  std::string numeral;        ///< N as the document writes it: "12", "１２", "十二"
  std::string branch_numeral; ///< M as written; empty when none

  /// Returns the canonical number: "5", "5の2".
  std::string Number() const;
  /// Returns the citation label: "第5条", "第5条の2", or "第5" when !jo.
  std::string Label() const;
  /// Returns the label in the document's own numerals, spaces dropped:
  /// "第十二条", "第１２条の２" (Label() when no numeral was read).
  std::string WrittenLabel() const;
};

/// Parses |s| as the start of an article (leading '#'/'*' and spaces allowed).
/// Returns ok=false when |s| is no article head, in particular for a sentence
/// that starts with a reference (第5条の規定により…, 第三者は…).
ArticleHead ParseArticleHead(std::string_view s);

/// Returns true if |s| is a chapter-like head 第N章 / 第N節 / 第N編 / 第N款.
bool IsChapterHead(std::string_view s);

/// If |s| (trimmed) is a whole bracketed heading （目的） / (目的) / 【目的】 with
/// no 。 and at most 30 code points inside, stores the inside in |*heading|
/// and returns true.
bool ParseHeadingLine(std::string_view s, std::string* heading);

/// Kinds of paragraph / item markers.
enum class MarkerKind {
  kNone,
  kArabic,       ///< 2 / ２ / 2. / ２． followed by a space or text
  kDecimal,      ///< 1.2 / １．２ (numbered clauses)
  kParen,        ///< (1) / （１） / ⑴ / (一)
  kHalfParen,    ///< 1) / １）
  kCircled,      ///< ① ②
  kKanji,        ///< 一 / 一、 / 一． followed by text
  kIroha,        ///< イ / (イ) / イ．
  kLatin,        ///< (a) / a. / a)
  kBullet,       ///< ・ - • ● ○ ■ □ ◆ ◇ ※ is not one
};

/// A marker at the start of a block or a Word label.
struct Marker {
  MarkerKind kind = MarkerKind::kNone;
  int value = 0;          ///< 1-based number (for kDecimal the first part)
  int sub_value = 0;      ///< kDecimal: the second part
  std::size_t body = 0;   ///< offset of the text after the marker and its spaces
  std::string literal;    ///< the marker as written, trimmed ("（１）", "①", "イ")

  /// Returns the number as |literal| writes it ("２" of "２．", "一" of
  /// "一、", "1" of "(1)"), or "" when it writes none (①, ⑴, イ, bullets).
  std::string_view Numeral() const;
};

/// Reads a marker at the start of |s| (after leading spaces). With
/// |whole_label| the marker must be the whole of |s| (a Word label such as
/// "２", "(1)", "一", "•"); otherwise the marker must be followed by a space
/// or, for bracketed and dotted forms, by text. Returns kind kNone if none.
Marker ParseMarker(std::string_view s, bool whole_label);

/// An appendix section head: 別紙 / 別紙1 / 別記 / 別表第一 / 特記事項 …
struct SectionHead {
  bool ok = false;
  std::string name;   ///< canonical, half-width number: "別紙1"
  std::string written_name;  ///< |name| in the document's numerals: "別紙１", "別表第一"
  std::string title;  ///< the rest of the line, trimmed; may be empty
};

/// Parses |s| as a section head: a short block (≤ 40 code points, no 。)
/// starting with 別紙, 別記, 別表, 別添, 特記事項, 附属書 or 付属書, in or out of
/// brackets 【】［］（）, with an optional number and title.
SectionHead ParseSectionHead(std::string_view s);

/// Returns true if |s| looks like a contract title: ≤ 40 code points, no 。,
/// naming 契約書, 契約, 規約, 覚書, 約款, 誓約書, 合意書, 同意書 or 規程.
bool IsTitleText(std::string_view s);

/// Returns true if |s| opens the signature block: 以上 (alone or 以上、本契約…),
/// 本契約の成立を証するため / 証として, a date line (年 月 日 with blanks), a
/// party line （甲） / 甲： / 住所 / 所在地 / 氏名 / 社名 / 記名押印.
bool IsSignatureStart(std::string_view s);

/// Returns true if |s| (a 項's last sentence) introduces a list: it ends with
/// ： or :, or mentions 次の各号, 次に掲げる, 以下の, 下記の or 次の.
bool IntroducesList(std::string_view s);

}  // namespace clausegap::structure

#endif  // CLAUSEGAP_STRUCTURE_MARKERS_H_
