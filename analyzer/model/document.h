// The document model: what a .docx says, in reading order, as plain values.
//
// Produced by docx/ and read by every later stage. It holds no libzip or
// pugixml types. A Document is immutable once read and may be shared between
// threads for reading.
#ifndef CLAUSEGAP_MODEL_DOCUMENT_H_
#define CLAUSEGAP_MODEL_DOCUMENT_H_

#include <string>
#include <vector>

namespace clausegap::model {

/// Where a block comes from.
enum class BlockKind {
  kParagraph,  ///< a body paragraph outside tables and text boxes
  kTableCell,  ///< a paragraph inside a table cell (any nesting depth)
  kTextBox,    ///< a paragraph inside a text box (w:txbxContent)
  kHeader,     ///< a paragraph of a header part
  kFooter,     ///< a paragraph of a footer part
  kFootnote,   ///< a paragraph of a footnote
  kEndnote,    ///< a paragraph of an endnote
};

/// Returns the wire name of |kind|: "paragraph", "table-cell", "text-box",
/// "header", "footer", "footnote", "endnote".
const char* BlockKindName(BlockKind kind);

/// Where a table-cell block sits. All fields are 0-based; depth 0 is a
/// top-level table, 1 a table nested in a cell of it, and so on.
struct CellPosition {
  int table = -1;  ///< index of the table among the part's tables, in reading order
  int row = -1;
  int column = -1;
  int depth = 0;
};

/// One paragraph of text, in reading order.
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::string part;     ///< part name in the package, e.g. "word/document.xml"
  int index = 0;        ///< paragraph index within |part| (0-based, reading order, all paragraphs counted)
  std::string label;    ///< rendered automatic numbering ("第1条", "(1)", "①"); empty if none
  std::string style;    ///< paragraph style id as in styles.xml ("Heading1"); empty if none
  std::string style_name;  ///< the style's display name ("heading 1"); empty if none
  int outline_level = -1;  ///< 0-8 from the paragraph or its style; -1 if none
  int num_level = -1;      ///< numbering level (w:ilvl) when |label| comes from numbering; else -1
  std::string text;     ///< the paragraph's text in the chosen view (UTF-8, no label)
  CellPosition cell;    ///< set when kind == kTableCell
  bool has_revision = false;  ///< a pending tracked change touches this paragraph
  int page = -1;        ///< 1-based page of the paragraph's first line (PDF); -1 when unknown
};

/// The kind of a pending tracked change.
enum class RevisionKind {
  kInsertion,   ///< w:ins
  kDeletion,    ///< w:del
  kMoveFrom,    ///< w:moveFrom (text moved away from here)
  kMoveTo,      ///< w:moveTo (text moved to here)
  kParagraphInsertion,  ///< a paragraph mark inserted (w:pPr/w:rPr/w:ins)
  kParagraphDeletion,   ///< a paragraph mark deleted (w:pPr/w:rPr/w:del)
  kFormat,      ///< formatting-only change (w:rPrChange, w:pPrChange)
};

/// Returns the wire name of |kind|: "insertion", "deletion", "move-from",
/// "move-to", "paragraph-insertion", "paragraph-deletion", "format".
const char* RevisionKindName(RevisionKind kind);

/// A pending tracked change. Kept whatever the view.
struct Revision {
  RevisionKind kind = RevisionKind::kInsertion;
  std::string author;
  std::string date;     ///< as written in w:date (ISO 8601), may be empty
  std::string text;     ///< the inserted or deleted text
  std::string part;
  int paragraph = 0;    ///< paragraph index within |part| (same numbering as Block::index)
  int block = -1;       ///< index into Document::blocks of the block it touches in this view, -1 if none
};

/// A reviewer comment, kept apart from the contract text.
struct Comment {
  std::string id;
  std::string author;
  std::string date;
  std::string text;         ///< the comment's own text
  std::string anchor_text;  ///< the contract text the comment is attached to
  int block = -1;           ///< index into Document::blocks of the first anchored block, -1 if unknown
};

/// A footnote or endnote. Its paragraphs are also blocks (kFootnote/kEndnote).
struct Note {
  enum class Kind { kFootnote, kEndnote };
  Kind kind = Kind::kFootnote;
  std::string id;
  std::string text;   ///< the note's text, paragraphs joined with "\n"
  int block = -1;     ///< index into Document::blocks of the body block holding the reference, -1 if unknown
};

/// Which text the reader produces.
enum class View {
  kSigned,    ///< tracked insertions kept, deletions and move-sources removed (default)
  kOriginal,  ///< every tracked change rejected
};

/// A whole document. |blocks| is the reading order of the main part (body
/// paragraphs, table cells and text boxes interleaved as they appear),
/// followed by headers, footers, footnotes and endnotes.
struct Document {
  std::string file;        ///< the path the document was read from, as given
  std::string main_part;   ///< e.g. "word/document.xml"
  bool strict = false;     ///< Strict OOXML namespaces
  View view = View::kSigned;
  std::vector<Block> blocks;
  std::vector<Revision> revisions;
  std::vector<Comment> comments;
  std::vector<Note> notes;
  /// "doc" / "rtf" when LibreOffice converted the file to .docx before it
  /// was read (--convert-legacy); empty otherwise.
  std::string converted_from;
};

}  // namespace clausegap::model

#endif  // CLAUSEGAP_MODEL_DOCUMENT_H_
