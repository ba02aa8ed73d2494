// The contract's structure: title, preamble, articles 条 with their headings,
// paragraphs 項, items 号, appendices (別紙 / 別記 / 別表 / 特記事項) and the
// signature block, down to sentences that know their full citation label.
// Built from a model::Document; a Structure is a plain value and Analyze is
// a pure function, safe to call from many threads at once.
//
// Segmentation rules (one linear pass over the body blocks):
// - Article 条: a block whose Word label or leading text is 第N条 (N in ASCII,
//   full-width or kanji digits, optionally 第N条のM), followed by the end, a
//   space or a bracket; the heading is a following （…）/(…)/【…】, or a short
//   unbracketed text without 。 (第1条 目的), or a bracket-only block just
//   before or after the article line. "第N" + space + short heading (no 条, as
//   in schedules) is an article labelled 第N. 第N章/節/編/款 are skipped.
// - Contracts with no 第N条 at all use numbered clauses: "1." / "1（見出し）" /
//   a heading-styled "1 目的" starts clause 1 (label "1"); "1.2 …" is its
//   paragraph 2 (label "1.2"); items inside take their literal marker: 2(1).
// - Paragraph 項: the first is unnumbered (or "1"); later ones start with a
//   typed or labelled 2 / ２ / 2. / ２． A paragraph of an article that
//   consists only of (1), (2)… with no unnumbered text first uses them as its
//   項 and cites them literally: 第14条(1).
// - Item 号: 一 / (1) / （１） / 1) / ① / ⑴ / bullets, typed or labelled; a
//   1. / １． list is items rather than 項 when the text before it introduces
//   a list (ends with ： or mentions 次の各号, 次に掲げる, 以下の, 下記の, 次の)
//   or its numbering level is deeper. A different marker kind under an item,
//   or イ ロ ハ / (a), is a sub-item cited literally: 第3条第1号イ, 第1条第3号(1).
// - Labels use half-width digits: 第12条, 第5条の2, 第5条第2項第1号; 第N項 is
//   given only when the article has more than one 項. Beside each label, the
//   written label cites in the document's own numerals: the 条 number as its
//   head writes it (第十二条, 第１２条の２; spaces dropped), 項 and 号 numbers as
//   their markers write them (２ → 第２項, 一 → 第一号), and numbers no
//   marker writes (an unnumbered first 項, ①, bullets) in half-width digits:
//   第十二条第1項, 第十二条第２項第一号; section names likewise (別表第一 第三条).
//   Numbered clauses (1. / 1.2) keep the canonical form in both. Appendix sections
//   (別紙, 別紙1, 別記, 別表, 特記事項, 附属書 … in a short block) prefix their
//   articles: "別紙 第3条"; text of a section outside any article belongs to
//   a pseudo-article with an empty number labelled by the section name.
// - Title: a short block before the first article naming 契約書, 規約, 覚書,
//   約款, 誓約書 …, or a Title / Heading 1 styled block. Preamble 前文: the
//   rest before the first article. Signature: from a block starting with 以上,
//   本契約の成立を証するため, a date line, 住所/所在地/氏名, （甲） … after an
//   article, until the next section or article. Headers, footers and notes
//   are kOther without a label.
// - Sentences end at 。 outside 「」『』（）()【】［］{}, at a line break and at
//   the block end; markers and surrounding spaces are not part of the text.
//   A sentence starting with ただし / 但し is a proviso of the sentence before
//   it in the same 項 and 号 (else the 項's own text).
#ifndef CLAUSEGAP_STRUCTURE_STRUCTURE_H_
#define CLAUSEGAP_STRUCTURE_STRUCTURE_H_

#include <cstddef>
#include <string>
#include <vector>

#include "model/document.h"

namespace clausegap::structure {

/// Where a sentence sits in the contract.
enum class Zone {
  kTitle,      ///< the contract's title
  kPreamble,   ///< 前文, before the first article
  kArticle,    ///< inside an article (main text or an appendix)
  kSignature,  ///< the signature block (日付, 住所, 記名押印)
  kOther,      ///< headers, footers, notes, text outside any article after the first
};

/// Returns the wire name of |zone|: "title", "preamble", "article",
/// "signature", "other".
const char* ZoneName(Zone zone);

/// One sentence (split at 。 outside 「」『』（）).
struct Sentence {
  std::string text;        ///< exactly as in the document (a substring of the block's text)
  std::string normalized;  ///< text::Normalize(text).text, used for matching
  int block = -1;          ///< index into model::Document::blocks
  std::size_t begin = 0;   ///< byte offset of |text| in the block's text
  Zone zone = Zone::kOther;
  int article = -1;        ///< index into Structure::articles, -1 outside articles
  int paragraph = 0;       ///< 項 number, 1-based; 0 when the article has no 項 structure here
  int item = 0;            ///< 号 number, 1-based; 0 when not in an item
  int sub_item = 0;        ///< nested item (イ, ロ / (a)) under a 号, 1-based; 0 when none
  std::string label;       ///< full citation label: "第5条第2項第1号", "別紙 第3条"; "" outside articles
  std::string written_label;  ///< |label| in the document's numerals: "第五条第２項第一号"
  bool proviso = false;    ///< starts with ただし (但し)
  int proviso_of = -1;     ///< for a proviso: index into Structure::sentences of the sentence it qualifies
  /// The sentence runs on into the next one across a line break (text cut
  /// into lines, e.g. from a PDF): join |text| with the next sentence's.
  bool continued = false;
};

/// One article 条 (or a numbered clause 1. / 1.1 in contracts without 第N条).
struct Article {
  std::string section;    ///< "" in the main text; "別紙", "別紙1", "別記", "別表", "特記事項" …
  std::string number;     ///< canonical half-width number: "5", "12", "5の2", "1.2"
  std::string label;      ///< citation label: "第5条" (or "別紙 第3条", "1.2")
  std::string written_label;  ///< |label| as the head writes it: "第五条", "別紙１ 第３条"
  std::string heading;    ///< the heading without brackets: "目的" for （目的）; may be empty
  int heading_block = -1; ///< block holding the article number / heading
  int first_sentence = 0; ///< range in Structure::sentences: [first_sentence, end_sentence)
  int end_sentence = 0;
};

/// An appendix section 別紙 / 別記 / 別表 / 特記事項 and the articles it carries.
struct Section {
  std::string name;        ///< canonical name: "別紙", "別紙1", "特記事項"
  std::string title;       ///< the rest of the heading block ("個人情報の取扱い"); may be empty
  int heading_block = -1;  ///< block holding the section heading
  int first_article = 0;   ///< range in Structure::articles: [first_article, end_article)
  int end_article = 0;
};

struct Structure {
  std::string title;                 ///< the contract's title; may be empty
  int title_block = -1;              ///< block holding the title, -1 if none
  bool numbered_clauses = false;     ///< no 第N条: articles are numbered clauses 1. / 1.1
  std::vector<Section> sections;     ///< appendix sections in reading order
  std::vector<Article> articles;     ///< in reading order
  std::vector<Sentence> sentences;   ///< every sentence of the document, in reading order
};

/// Segments |document| into its structure. Never fails: text that fits no
/// pattern ends up in a zone with an empty label.
Structure Analyze(const model::Document& document);

}  // namespace clausegap::structure

#endif  // CLAUSEGAP_STRUCTURE_STRUCTURE_H_
