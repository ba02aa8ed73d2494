// Walks one WordprocessingML part (document, header, footer, notes,
// comments) in reading order and appends its paragraphs, revisions, notes
// and comments to a model::Document.
//
// The walk is iterative (an explicit stack bounded by the depth limit), so
// input cannot drive recursion. Not thread-safe: one PartWalker per read.
#ifndef CLAUSEGAP_DOCX_PART_WALKER_H_
#define CLAUSEGAP_DOCX_PART_WALKER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "docx/numbering.h"
#include "docx/styles.h"
#include "docx/xml_util.h"
#include "model/document.h"

namespace clausegap::docx {

/// How a part's paragraphs are used.
enum class PartMode {
  kStory,     ///< main document, header or footer: every paragraph is a block
  kNotes,     ///< footnotes.xml / endnotes.xml: blocks plus Document::notes
  kComments,  ///< comments.xml: text goes to Document::comments only
};

/// What one part is.
struct PartSpec {
  std::string name;                                    ///< part name, e.g. "word/document.xml"
  PartMode mode = PartMode::kStory;
  model::BlockKind kind = model::BlockKind::kParagraph;  ///< kind of its plain paragraphs
};

/// Facts collected across parts, resolved once every part is read.
struct CrossRefs {
  struct Anchor {
    std::string text;
    int block = -1;
    bool pending_newline = false;
  };
  std::vector<std::string> header_rel_ids;  ///< w:headerReference r:id, document order
  std::vector<std::string> footer_rel_ids;
  std::unordered_map<std::string, int> footnote_blocks;  ///< note id → block holding its reference
  std::unordered_map<std::string, int> endnote_blocks;
  std::unordered_map<std::string, Anchor> comment_anchors;  ///< comment id → anchor
};

class PartWalker {
 public:
  PartWalker(const Styles& styles, const Numbering& numbering, model::View view, int max_depth,
             model::Document* out, CrossRefs* refs)
      : styles_(styles), numbering_(numbering), view_(view), max_depth_(max_depth), out_(out),
        refs_(refs) {}

  /// Walks the parsed |part|; returns kTooLarge if it nests deeper than the
  /// depth limit (message names |file| and the part).
  Expected<void> Walk(const XmlPart& part, const PartSpec& spec, const std::string& file);

 private:
  // A paragraph being read (w:p), or one waiting to be emitted.
  struct Para {
    int index = 0;      // index of the first w:p whose text this holds
    int own_index = 0;  // index of this w:p itself
    bool keep_properties = false;  // merged after a paragraph with text: its properties win
    model::BlockKind kind = model::BlockKind::kParagraph;
    model::CellPosition cell;
    std::string text;
    std::string style;
    int outline_level = -1;
    NumPr num;
    bool mark_deleted = false;
    bool mark_inserted = false;
    bool content_revision = false;
    std::vector<int> revisions;
    std::vector<std::string> comment_starts;
    std::vector<std::pair<bool, std::string>> note_refs;  // (endnote?, id)
    std::vector<Para> deferred;  // text-box paragraphs, emitted after this one
  };
  // A table cell or text box: paragraphs merge (deleted marks) only inside one.
  struct Container {
    bool text_box = false;
    bool has_carry = false;
    Para carry;
  };
  struct TableState {
    int index = 0;
    int row = -1;
    int column = 0;      // grid column of the next cell
    int cell_column = 0;  // grid column of the open cell
  };
  enum class Action : unsigned char {
    kNone, kPara, kRun, kInsertion, kDeletion, kTable, kCell, kTextBox, kSuppress, kNote, kComment,
  };
  struct Frame {
    pugi::xml_node node;
    pugi::xml_node next;
    Action action = Action::kNone;
    int ns_count = 0;
    int span = 1;
  };

  bool Enter(pugi::xml_node node, Frame* frame);
  // Whether any open field is in its instruction (not its result).
  bool InFieldInstruction() const;
  // Whether every namespace prefix in the mc:Choice's Requires is understood.
  bool ChoiceUnderstood(pugi::xml_node choice) const;
  void Exit(const Frame& frame);
  void StartParagraph();
  void FinishParagraph();
  void Emit(Para&& para);
  void ReadParagraphProperties(pugi::xml_node ppr);
  void ReadRunProperties(pugi::xml_node rpr);
  void ReadSection(pugi::xml_node sect);
  void Text(std::string_view text);
  int AddRevision(model::RevisionKind kind, pugi::xml_node node, bool attach);
  void PushContainer(bool text_box);
  void PopContainer();
  Para* Current();
  bool Visible() const;

  const Styles& styles_;
  const Numbering& numbering_;
  model::View view_;
  int max_depth_;
  model::Document* out_;
  CrossRefs* refs_;

  // Per-walk state.
  const PartSpec* spec_ = nullptr;
  NsScope ns_;
  NumberingCounter* counter_ = nullptr;
  int paragraph_count_ = 0;
  int table_count_ = 0;
  int suppress_ = 0;
  int inserted_ = 0;
  int deleted_ = 0;
  std::vector<int> open_revisions_;
  std::vector<int> attach_next_;  // revisions waiting for the next paragraph
  std::vector<bool> hidden_runs_;
  std::vector<bool> fields_;      // per open field: still in its instruction
  std::vector<Para> paragraphs_;
  std::vector<Container> containers_;
  std::vector<TableState> tables_;
  std::vector<std::string> active_comments_;
  int note_ = -1;
  int comment_ = -1;
};

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_PART_WALKER_H_
