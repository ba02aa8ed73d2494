#include "model/document.h"

namespace clausegap::model {

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kParagraph: return "paragraph";
    case BlockKind::kTableCell: return "table-cell";
    case BlockKind::kTextBox: return "text-box";
    case BlockKind::kHeader: return "header";
    case BlockKind::kFooter: return "footer";
    case BlockKind::kFootnote: return "footnote";
    case BlockKind::kEndnote: return "endnote";
  }
  return "paragraph";
}

const char* RevisionKindName(RevisionKind kind) {
  switch (kind) {
    case RevisionKind::kInsertion: return "insertion";
    case RevisionKind::kDeletion: return "deletion";
    case RevisionKind::kMoveFrom: return "move-from";
    case RevisionKind::kMoveTo: return "move-to";
    case RevisionKind::kParagraphInsertion: return "paragraph-insertion";
    case RevisionKind::kParagraphDeletion: return "paragraph-deletion";
    case RevisionKind::kFormat: return "format";
  }
  return "insertion";
}

}  // namespace clausegap::model
