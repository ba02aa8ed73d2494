// Writes review annotations into a copy of a .docx package: Word comments
// anchored on text of the contract, and new paragraphs as tracked
// insertions (w:ins with author and date).
//
// Only what must change is rewritten: the main document part, the comments
// part (created, or extended keeping every existing comment), and — when the
// comments part is new — the main part's relationships and
// [Content_Types].xml. Every other entry is copied from the input archive
// byte for byte, compressed data included. Parts are read under the same
// caps as the reader (ReadLimits). Nothing is written to disk: the caller
// gets the new package's bytes. Thread-safe: distinct calls share nothing.
#ifndef CLAUSEGAP_DOCX_ANNOTATE_H_
#define CLAUSEGAP_DOCX_ANNOTATE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "docx/reader.h"
#include "model/document.h"

namespace clausegap::docx {

/// A position in the model: byte |offset| into the text of block |block|
/// (model::Document::blocks, signed view).
struct TextPosition {
  int block = -1;
  std::size_t offset = 0;
};

/// The span of contract text a comment is attached to: from |begin| to
/// |end| (exclusive), possibly across blocks. An |end| offset of npos (or
/// past the text) means the end of that block's paragraph; a block of a
/// part other than the main document is not annotatable (see Placement).
struct CommentRange {
  TextPosition begin;
  TextPosition end{-1, std::string::npos};
};

/// One comment to add.
struct NewComment {
  CommentRange range;
  std::string author;
  std::string initials;
  std::string date;  ///< ISO 8601, e.g. "2026-12-03T18:00:00Z"
  std::string text;  ///< the comment's text; "\n" starts a new paragraph
};

/// One new paragraph.
struct NewParagraph {
  std::string text;  ///< "\n" is written as a line break (w:br), "\t" as a tab
  /// Paragraph properties (style, numbering, indentation) and the first
  /// run's formatting are copied from this block (-1: none), without its
  /// revision marks or section break.
  int style_block = -1;
};

/// New paragraphs to insert as one tracked insertion.
struct NewParagraphs {
  /// The paragraphs go right after the body-level element (paragraph, table,
  /// content control) that holds this block of the main part; at the end of
  /// the body when -1 or not in the main part.
  int after_block = -1;
  std::vector<NewParagraph> paragraphs;
  std::string author;
  std::string date;  ///< ISO 8601
};

/// Everything to write into one package.
struct Annotations {
  std::vector<NewComment> comments;
  std::vector<NewParagraphs> insertions;
};

/// How a comment ended up anchored.
enum class Placement {
  kExact,      ///< on exactly the requested text
  kParagraph,  ///< on the whole paragraph(s) of the requested blocks: the
               ///< text of the paragraph in the XML did not match the model
  kDocument,   ///< on the first paragraph of the body: the block is not in
               ///< the main part or could not be found
};

/// The new package and how each comment was placed.
struct AnnotatedPackage {
  std::string bytes;
  std::vector<Placement> placements;  ///< one per Annotations::comments, in order
};

/// Writes |annotations| into a copy of the package |bytes|. |document| must
/// be the signed view ReadDocxBytes read from the same bytes: blocks are
/// found through Block::part and Block::index, and a range is placed exactly
/// only when the paragraph's text in the XML equals Block::text. Comment ids
/// continue after the largest id in use; existing comments, revisions,
/// numbering, styles, headers and custom parts are kept. Returns the reader's
/// errors for a package it cannot read (messages start with |name|), or
/// kUnsupported when the main part has no WordprocessingML namespace to
/// write in.
Expected<AnnotatedPackage> AnnotateDocx(std::string_view bytes, const std::string& name,
                                        const model::Document& document,
                                        const Annotations& annotations,
                                        const ReadLimits& limits = {});

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_ANNOTATE_H_
