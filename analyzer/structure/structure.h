// The contract's structure: title, preamble, articles 条 with their headings,
// paragraphs 項, items 号, appendices (別紙 / 別記 / 別表 / 特記事項) and the
// signature block, down to sentences that know their full citation label.
// Built from a model::Document; a Structure is a plain value.
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
  bool proviso = false;    ///< starts with ただし (但し)
  int proviso_of = -1;     ///< for a proviso: index into Structure::sentences of the sentence it qualifies
};

/// One article 条 (or a numbered clause 1. / 1.1 in contracts without 第N条).
struct Article {
  std::string section;    ///< "" in the main text; "別紙", "別紙1", "別記", "別表", "特記事項" …
  std::string number;     ///< canonical half-width number: "5", "12", "5の2", "1.2"
  std::string label;      ///< citation label: "第5条" (or "別紙 第3条", "1.2")
  std::string heading;    ///< the heading without brackets: "目的" for （目的）; may be empty
  int heading_block = -1; ///< block holding the article number / heading
  int first_sentence = 0; ///< range in Structure::sentences: [first_sentence, end_sentence)
  int end_sentence = 0;
};

struct Structure {
  std::string title;                 ///< the contract's title; may be empty
  std::vector<Article> articles;     ///< in reading order
  std::vector<Sentence> sentences;   ///< every sentence of the document, in reading order
};

/// Segments |document| into its structure. Never fails: text that fits no
/// pattern ends up in a zone with an empty label.
Structure Analyze(const model::Document& document);

}  // namespace clausegap::structure

#endif  // CLAUSEGAP_STRUCTURE_STRUCTURE_H_
