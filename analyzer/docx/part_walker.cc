#include "docx/part_walker.h"

#include <algorithm>

#include <charconv>
#include <cstring>
#include <utility>

namespace clausegap::docx {
namespace {

using model::BlockKind;
using model::RevisionKind;

// Appends the text content (PCDATA and CDATA children) of |node|.
// C0 control characters other than tab and line breaks are not XML 1.0, but
// pugixml accepts them and converters leave form feeds behind: drop them.
void AppendNodeText(pugi::xml_node node, std::string* out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
    for (const char* c = child.value(); *c != '\0'; ++c) {
      unsigned char u = static_cast<unsigned char>(*c);
      if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
      out->push_back(*c);
    }
  }
}

bool IsContentRevision(RevisionKind kind) { return kind != RevisionKind::kFormat; }

}  // namespace

bool PartWalker::Visible() const {
  return view_ == model::View::kSigned ? deleted_ == 0 : inserted_ == 0;
}

PartWalker::Para* PartWalker::Current() {
  return paragraphs_.empty() ? nullptr : &paragraphs_.back();
}

int PartWalker::AddRevision(RevisionKind kind, pugi::xml_node node, bool attach) {
  model::Revision revision;
  revision.kind = kind;
  if (const char* author = ns_.Attr(node, Ns::kW, "author")) revision.author = author;
  if (const char* date = ns_.Attr(node, Ns::kW, "date")) revision.date = date;
  revision.part = spec_->name;
  Para* para = Current();
  revision.paragraph = para != nullptr ? para->own_index : paragraph_count_;
  int index = static_cast<int>(out_->revisions.size());
  out_->revisions.push_back(std::move(revision));
  if (attach) {
    if (para != nullptr) {
      para->revisions.push_back(index);
      if (IsContentRevision(kind)) para->content_revision = true;
    } else {
      attach_next_.push_back(index);
    }
  }
  return index;
}

void PartWalker::Text(std::string_view text) {
  if (text.empty() || suppress_ > 0) return;
  if (InFieldInstruction()) return;  // a field instruction, not text
  if (!hidden_runs_.empty() && hidden_runs_.back()) return;
  Para* para = Current();
  if (para == nullptr) return;
  for (int revision : open_revisions_) out_->revisions[revision].text.append(text);
  if (!Visible()) return;
  para->text.append(text);
  for (const std::string& id : active_comments_) {
    CrossRefs::Anchor& anchor = refs_->comment_anchors[id];
    if (anchor.pending_newline && !anchor.text.empty()) anchor.text.push_back('\n');
    anchor.pending_newline = false;
    anchor.text.append(text);
  }
}

void PartWalker::PushContainer(bool text_box) {
  containers_.emplace_back();
  containers_.back().text_box = text_box;
}

void PartWalker::PopContainer() {
  if (containers_.empty()) return;
  Container& top = containers_.back();
  if (top.has_carry) {
    // A deleted paragraph mark at the end of a cell or story: nothing to join.
    Para carry = std::move(top.carry);
    containers_.pop_back();
    if (!paragraphs_.empty()) {
      paragraphs_.back().deferred.push_back(std::move(carry));
    } else {
      Emit(std::move(carry));
    }
    return;
  }
  containers_.pop_back();
}

void PartWalker::StartParagraph() {
  Para para;
  para.index = para.own_index = paragraph_count_++;
  para.kind = spec_->kind;
  if (spec_->kind == BlockKind::kParagraph && !containers_.empty()) {
    const Container& top = containers_.back();
    if (top.text_box) {
      para.kind = BlockKind::kTextBox;
    } else if (!tables_.empty() && containers_.size() > 1) {
      para.kind = BlockKind::kTableCell;
      const TableState& table = tables_.back();
      para.cell.table = table.index;
      para.cell.row = table.row;
      para.cell.column = table.cell_column;
      para.cell.depth = static_cast<int>(tables_.size()) - 1;
    }
  }
  if (!containers_.empty() && containers_.back().has_carry) {
    // The previous paragraph's mark is gone in this view: its text opens this one.
    Container& top = containers_.back();
    Para carry = std::move(top.carry);
    top.has_carry = false;
    para.index = carry.index;
    if (!carry.text.empty()) {
      // Text before the removed mark leads the joined paragraph, and so do
      // its style and numbering.
      para.keep_properties = true;
      para.style = std::move(carry.style);
      para.num = carry.num;
      para.outline_level = carry.outline_level;
    }
    para.text = std::move(carry.text);
    para.revisions = std::move(carry.revisions);
    para.content_revision = carry.content_revision;
    para.comment_starts = std::move(carry.comment_starts);
    para.note_refs = std::move(carry.note_refs);
    para.deferred = std::move(carry.deferred);
  }
  for (int revision : attach_next_) {
    para.revisions.push_back(revision);
    if (IsContentRevision(out_->revisions[revision].kind)) para.content_revision = true;
  }
  attach_next_.clear();
  paragraphs_.push_back(std::move(para));
}

void PartWalker::FinishParagraph() {
  Para para = std::move(paragraphs_.back());
  paragraphs_.pop_back();
  for (const std::string& id : active_comments_) refs_->comment_anchors[id].pending_newline = true;
  bool mark_gone = view_ == model::View::kSigned ? para.mark_deleted : para.mark_inserted;
  if (mark_gone && spec_->mode != PartMode::kComments && !containers_.empty()) {
    Container& top = containers_.back();
    if (top.has_carry) {
      // Two marks gone in a row: the earlier text still leads.
      top.carry.text.append(para.text);
      for (int r : para.revisions) top.carry.revisions.push_back(r);
      top.carry.content_revision = top.carry.content_revision || para.content_revision;
      for (auto& id : para.comment_starts) top.carry.comment_starts.push_back(std::move(id));
      for (auto& ref : para.note_refs) top.carry.note_refs.push_back(std::move(ref));
      for (auto& d : para.deferred) top.carry.deferred.push_back(std::move(d));
    } else {
      top.carry = std::move(para);
      top.has_carry = true;
    }
    return;
  }
  if (!paragraphs_.empty()) {
    paragraphs_.back().deferred.push_back(std::move(para));
  } else {
    Emit(std::move(para));
  }
}

void PartWalker::Emit(Para&& para) {
  if (spec_->mode == PartMode::kComments) {
    if (comment_ >= 0) {
      std::string& text = out_->comments[static_cast<std::size_t>(comment_)].text;
      if (!text.empty()) text.push_back('\n');
      text.append(para.text);
    }
    for (Para& inner : para.deferred) Emit(std::move(inner));
    return;
  }
  model::Block block;
  block.kind = para.kind;
  block.part = spec_->name;
  block.index = para.index;
  block.style = para.style;
  const std::string& effective_style = para.style.empty() ? styles_.default_paragraph() : para.style;
  if (const Styles::Style* style = styles_.Find(para.style)) block.style_name = style->name;
  block.outline_level =
      para.outline_level >= 0 ? para.outline_level : styles_.OutlineLevel(effective_style);
  if (block.outline_level > 8) block.outline_level = -1;  // 9 = body text

  // Numbering: direct w:numPr first, the style chain for what it leaves out.
  std::string owner;
  NumPr from_style = styles_.Numbering(effective_style, &owner);
  int num_id = para.num.num_id != -1 ? para.num.num_id : from_style.num_id;
  int ilvl = para.num.ilvl;
  if (num_id > 0) {
    if (ilvl < 0 && para.num.num_id == -1) {
      // Style-linked numbering: the level whose w:pStyle names the style.
      int linked = numbering_.LevelForStyle(num_id, effective_style, styles_);
      if (linked < 0 && !owner.empty()) linked = numbering_.LevelForStyle(num_id, owner, styles_);
      ilvl = linked >= 0 ? linked : from_style.ilvl;
    }
    if (ilvl < 0) ilvl = from_style.ilvl >= 0 ? from_style.ilvl : 0;
    block.label = counter_->Next(num_id, ilvl);
    if (!block.label.empty()) block.num_level = ilvl;
  }
  block.text = std::move(para.text);
  block.cell = para.cell;
  block.has_revision = para.content_revision;
  int index = static_cast<int>(out_->blocks.size());
  for (int revision : para.revisions) out_->revisions[static_cast<std::size_t>(revision)].block = index;
  for (const std::string& id : para.comment_starts) {
    CrossRefs::Anchor& anchor = refs_->comment_anchors[id];
    if (anchor.block < 0) anchor.block = index;
  }
  for (const auto& [endnote, id] : para.note_refs) {
    auto& map = endnote ? refs_->endnote_blocks : refs_->footnote_blocks;
    map.emplace(id, index);
  }
  if (spec_->mode == PartMode::kNotes && note_ >= 0) {
    std::string& text = out_->notes[static_cast<std::size_t>(note_)].text;
    if (!text.empty()) text.push_back('\n');
    text.append(block.text);
  }
  out_->blocks.push_back(std::move(block));
  for (Para& inner : para.deferred) Emit(std::move(inner));
}

void PartWalker::ReadSection(pugi::xml_node sect) {
  for (pugi::xml_node child = sect.first_child(); child; child = child.next_sibling()) {
    bool header = ns_.Is(child, Ns::kW, "headerReference");
    if (!header && !ns_.Is(child, Ns::kW, "footerReference")) continue;
    const char* id = ns_.Attr(child, Ns::kR, "id");
    if (id == nullptr) continue;
    (header ? refs_->header_rel_ids : refs_->footer_rel_ids).push_back(id);
  }
}

void PartWalker::ReadRunProperties(pugi::xml_node rpr) {
  for (pugi::xml_node child = rpr.first_child(); child; child = child.next_sibling()) {
    std::string_view local;
    if (child.type() != pugi::node_element || ns_.Element(child, &local) != Ns::kW) continue;
    if (local == "vanish" || local == "specVanish") {
      if (OnOff(ns_.Attr(child, Ns::kW, "val"), true) && !hidden_runs_.empty()) hidden_runs_.back() = true;
    } else if (local == "rPrChange") {
      AddRevision(RevisionKind::kFormat, child, true);
    }
  }
}

void PartWalker::ReadParagraphProperties(pugi::xml_node ppr) {
  Para* para = Current();
  if (para == nullptr) return;
  for (pugi::xml_node child = ppr.first_child(); child; child = child.next_sibling()) {
    std::string_view local;
    if (child.type() != pugi::node_element || ns_.Element(child, &local) != Ns::kW) continue;
    if (para->keep_properties && (local == "pStyle" || local == "numPr" || local == "outlineLvl")) {
      continue;
    }
    if (local == "pStyle") {
      const char* v = ns_.Attr(child, Ns::kW, "val");
      para->style = v != nullptr ? v : "";
    } else if (local == "numPr") {
      for (pugi::xml_node n = child.first_child(); n; n = n.next_sibling()) {
        if (ns_.Is(n, Ns::kW, "numId")) para->num.num_id = ToInt(ns_.Attr(n, Ns::kW, "val"), -1);
        if (ns_.Is(n, Ns::kW, "ilvl")) para->num.ilvl = ToInt(ns_.Attr(n, Ns::kW, "val"), -1);
      }
    } else if (local == "outlineLvl") {
      para->outline_level = ToInt(ns_.Attr(child, Ns::kW, "val"), -1);
      if (para->outline_level > 8) para->outline_level = 9;  // explicit body text
    } else if (local == "rPr") {
      for (pugi::xml_node mark = child.first_child(); mark; mark = mark.next_sibling()) {
        std::string_view m;
        if (mark.type() != pugi::node_element || ns_.Element(mark, &m) != Ns::kW) continue;
        if (m == "del" || m == "moveFrom") {
          para->mark_deleted = true;
          AddRevision(RevisionKind::kParagraphDeletion, mark, true);
        } else if (m == "ins" || m == "moveTo") {
          para->mark_inserted = true;
          AddRevision(RevisionKind::kParagraphInsertion, mark, true);
        } else if (m == "rPrChange") {
          AddRevision(RevisionKind::kFormat, mark, true);
        }
      }
    } else if (local == "pPrChange") {
      AddRevision(RevisionKind::kFormat, child, true);
    } else if (local == "sectPr") {
      ReadSection(child);
    }
  }
}

bool PartWalker::InFieldInstruction() const {
  // A field nested in another field's instruction (an IF holding a
  // MERGEFIELD) is part of that instruction, its result included.
  return std::find(fields_.begin(), fields_.end(), true) != fields_.end();
}

bool PartWalker::ChoiceUnderstood(pugi::xml_node choice) const { return McChoiceUnderstood(choice); }

// Returns whether to descend into |node|; fills |frame| with the exit action.
bool PartWalker::Enter(pugi::xml_node node, Frame* frame) {
  frame->ns_count = ns_.Push(node);
  std::string_view local;
  Ns ns = ns_.Element(node, &local);
  if (suppress_ > 0) {
    // Only count paragraphs, so that indices match the part's w:p elements.
    if (ns == Ns::kW && local == "p") ++paragraph_count_;
    return true;
  }
  if (ns == Ns::kMc) {
    if (local == "Choice" || local == "Fallback") {
      // One branch of mc:AlternateContent only: the first Choice whose
      // Requires namespaces are understood, else the Fallback.
      pugi::xml_node chosen;
      for (pugi::xml_node c = node.parent().first_child(); c; c = c.next_sibling()) {
        if (ns_.Is(c, Ns::kMc, "Choice") && ChoiceUnderstood(c)) {
          chosen = c;
          break;
        }
        if (!chosen && ns_.Is(c, Ns::kMc, "Fallback")) chosen = c;
      }
      if (chosen != node) {
        ++suppress_;
        frame->action = Action::kSuppress;
      }
    }
    return true;
  }
  if (ns != Ns::kW) return true;  // drawing/VML wrappers: look inside for text boxes

  if (local == "p") {
    StartParagraph();
    frame->action = Action::kPara;
    return true;
  }
  if (local == "pPr") {
    ReadParagraphProperties(node);
    return false;
  }
  if (local == "r") {
    hidden_runs_.push_back(!hidden_runs_.empty() && hidden_runs_.back());
    frame->action = Action::kRun;
    return true;
  }
  if (local == "rPr") {
    ReadRunProperties(node);
    return false;
  }
  if (local == "t" || local == "delText") {
    if (suppress_ == 0 && !InFieldInstruction()) {
      std::string text;
      AppendNodeText(node, &text);
      Text(text);
    }
    return false;
  }
  if (local == "tab" || local == "ptab") {
    // w:tab inside w:tabs (paragraph properties) never reaches here.
    Text("\t");
    return false;
  }
  if (local == "br" || local == "cr") {
    Text("\n");
    return false;
  }
  if (local == "noBreakHyphen") {
    Text("-");
    return false;
  }
  if (local == "sym") {
    Text(SymbolText(ns_.Attr(node, Ns::kW, "char")));
    return false;
  }
  if (local == "fldChar") {
    UpdateFields(ns_.Attr(node, Ns::kW, "fldCharType"), &fields_);
    return false;
  }
  if (local == "instrText" || local == "delInstrText" || local == "softHyphen" || local == "rt" ||
      local == "sdtPr" || local == "sdtEndPr" || local == "tblPr" || local == "tblGrid" ||
      local == "trPr" || local == "tcPr" || local == "bookmarkStart" || local == "bookmarkEnd") {
    return false;
  }
  if (local == "ins" || local == "moveTo") {
    int r = AddRevision(local == "ins" ? RevisionKind::kInsertion : RevisionKind::kMoveTo, node, true);
    open_revisions_.push_back(r);
    ++inserted_;
    frame->action = Action::kInsertion;
    return true;
  }
  if (local == "del" || local == "moveFrom") {
    int r = AddRevision(local == "del" ? RevisionKind::kDeletion : RevisionKind::kMoveFrom, node, true);
    open_revisions_.push_back(r);
    ++deleted_;
    frame->action = Action::kDeletion;
    return true;
  }
  if (local == "tbl") {
    TableState table;
    table.index = table_count_++;
    tables_.push_back(table);
    frame->action = Action::kTable;
    return true;
  }
  if (local == "tr") {
    if (!tables_.empty()) {
      ++tables_.back().row;
      tables_.back().column = 0;
    }
    // A tracked row insertion or deletion (w:trPr/w:ins, w:trPr/w:del).
    if (pugi::xml_node trpr = ns_.Child(node, Ns::kW, "trPr")) {
      for (pugi::xml_node c = trpr.first_child(); c; c = c.next_sibling()) {
        bool ins = ns_.Is(c, Ns::kW, "ins");
        bool del = ns_.Is(c, Ns::kW, "del");
        if (!ins && !del) continue;
        AddRevision(ins ? RevisionKind::kInsertion : RevisionKind::kDeletion, c, false);
        bool gone = view_ == model::View::kSigned ? del : ins;
        if (gone && frame->action != Action::kSuppress) {
          ++suppress_;
          frame->action = Action::kSuppress;
        } else if (!gone) {
          attach_next_.push_back(static_cast<int>(out_->revisions.size()) - 1);
        }
      }
    }
    return true;
  }
  if (local == "tc") {
    int span = 1;
    if (pugi::xml_node tcpr = ns_.Child(node, Ns::kW, "tcPr")) {
      if (pugi::xml_node grid = ns_.Child(tcpr, Ns::kW, "gridSpan")) {
        span = ToInt(ns_.Attr(grid, Ns::kW, "val"), 1);
        // Word allows 63 grid columns; a larger span is garbage, and summing
        // it into the column index must not overflow.
        if (span < 1) span = 1;
        if (span > 64) span = 64;
      }
    }
    if (!tables_.empty()) tables_.back().cell_column = tables_.back().column;
    frame->span = span;
    PushContainer(false);
    frame->action = Action::kCell;
    return true;
  }
  if (local == "txbxContent") {
    PushContainer(true);
    frame->action = Action::kTextBox;
    return true;
  }
  if (local == "footnoteReference" || local == "endnoteReference") {
    const char* id = ns_.Attr(node, Ns::kW, "id");
    if (Para* para = Current(); para != nullptr && id != nullptr && Visible()) {
      para->note_refs.emplace_back(local == "endnoteReference", id);
    }
    return false;
  }
  if (local == "commentRangeStart" || local == "commentReference") {
    const char* id = ns_.Attr(node, Ns::kW, "id");
    if (id == nullptr) return false;
    bool known = refs_->comment_anchors.count(id) != 0;
    if (local == "commentRangeStart") {
      refs_->comment_anchors[id];
      active_comments_.emplace_back(id);
    }
    if (Para* para = Current(); para != nullptr && (local == "commentRangeStart" || !known)) {
      para->comment_starts.emplace_back(id);
    }
    return false;
  }
  if (local == "commentRangeEnd") {
    const char* id = ns_.Attr(node, Ns::kW, "id");
    if (id == nullptr) return false;
    for (auto it = active_comments_.begin(); it != active_comments_.end(); ++it) {
      if (*it == id) {
        active_comments_.erase(it);
        break;
      }
    }
    return false;
  }
  if (local == "sectPr") {
    ReadSection(node);
    return false;
  }
  if ((local == "footnote" || local == "endnote") && spec_->mode == PartMode::kNotes) {
    const char* type = ns_.Attr(node, Ns::kW, "type");
    if (type != nullptr && std::string_view(type) != "normal") {
      ++suppress_;  // separators and continuation notices
      frame->action = Action::kSuppress;
      return true;
    }
    model::Note note;
    note.kind = local == "footnote" ? model::Note::Kind::kFootnote : model::Note::Kind::kEndnote;
    if (const char* id = ns_.Attr(node, Ns::kW, "id")) note.id = id;
    note_ = static_cast<int>(out_->notes.size());
    out_->notes.push_back(std::move(note));
    PushContainer(false);
    frame->action = Action::kNote;
    return true;
  }
  if (local == "comment" && spec_->mode == PartMode::kComments) {
    model::Comment comment;
    if (const char* v = ns_.Attr(node, Ns::kW, "id")) comment.id = v;
    if (const char* v = ns_.Attr(node, Ns::kW, "author")) comment.author = v;
    if (const char* v = ns_.Attr(node, Ns::kW, "date")) comment.date = v;
    comment_ = static_cast<int>(out_->comments.size());
    out_->comments.push_back(std::move(comment));
    PushContainer(false);
    frame->action = Action::kComment;
    return true;
  }
  return true;
}

void PartWalker::Exit(const Frame& frame) {
  switch (frame.action) {
    case Action::kNone:
      break;
    case Action::kPara:
      FinishParagraph();
      break;
    case Action::kRun:
      hidden_runs_.pop_back();
      break;
    case Action::kInsertion:
      open_revisions_.pop_back();
      --inserted_;
      break;
    case Action::kDeletion:
      open_revisions_.pop_back();
      --deleted_;
      break;
    case Action::kTable:
      tables_.pop_back();
      break;
    case Action::kCell:
      PopContainer();
      if (!tables_.empty()) tables_.back().column += frame.span;
      break;
    case Action::kTextBox:
      PopContainer();
      break;
    case Action::kSuppress:
      --suppress_;
      break;
    case Action::kNote:
      PopContainer();
      note_ = -1;
      break;
    case Action::kComment:
      PopContainer();
      comment_ = -1;
      break;
  }
  ns_.Pop(frame.ns_count);
}

Expected<void> PartWalker::Walk(const XmlPart& part, const PartSpec& spec, const std::string& file) {
  spec_ = &spec;
  ns_ = NsScope();
  NumberingCounter counter(numbering_, styles_);
  counter_ = &counter;
  paragraph_count_ = 0;
  table_count_ = 0;
  suppress_ = inserted_ = deleted_ = 0;
  open_revisions_.clear();
  attach_next_.clear();
  hidden_runs_.clear();
  fields_.clear();
  paragraphs_.clear();
  tables_.clear();
  active_comments_.clear();
  containers_.clear();
  note_ = comment_ = -1;
  PushContainer(false);  // the story itself

  std::vector<Frame> stack;
  stack.reserve(64);
  pugi::xml_node root = part.doc.document_element();
  Frame first;
  first.node = root;
  if (Enter(root, &first)) first.next = root.first_child();
  stack.push_back(first);
  while (!stack.empty()) {
    Frame& top = stack.back();
    pugi::xml_node child = top.next;
    if (!child) {
      Frame done = top;
      stack.pop_back();
      Exit(done);
      continue;
    }
    top.next = child.next_sibling();
    if (child.type() != pugi::node_element) continue;
    if (static_cast<int>(stack.size()) >= max_depth_) {
      counter_ = nullptr;
      return MakeError(ErrorCode::kTooLarge, file + ": XML nesting deeper than " +
                                                 std::to_string(max_depth_) + " in " + spec.name);
    }
    Frame frame;
    frame.node = child;
    if (Enter(child, &frame)) frame.next = child.first_child();
    stack.push_back(frame);
  }
  while (!containers_.empty()) PopContainer();
  counter_ = nullptr;
  return {};
}

}  // namespace clausegap::docx
