#include "docx/annotate.h"

#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <memory>
#include <unordered_map>
#include <utility>

#include "docx/xml_util.h"
#include "docx/zip_package.h"

namespace clausegap::docx {
namespace {

constexpr std::string_view kWTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr const char* kCommentsRelTransitional =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
constexpr const char* kCommentsRelStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
constexpr const char* kCommentsContentType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
constexpr const char* kRelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

// What the editor keeps besides the reader's parse: the XML declaration,
// comments and processing instructions, so that a part comes back as it was.
constexpr unsigned kEditOptions = pugi::parse_declaration | pugi::parse_comments | pugi::parse_pi;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Folder(std::string_view part) {
  std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string RelsPartOf(std::string_view part) {
  std::size_t slash = part.rfind('/');
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return Folder(part) + "_rels/" + std::string(file) + ".rels";
}

// Returns "prefix:" for |local| under the prefix |prefix| ("" → unprefixed).
std::string Qualified(const std::string& prefix, std::string_view local) {
  return prefix.empty() ? std::string(local) : prefix + ":" + std::string(local);
}

// Returns the prefix |root| binds to |uri| (one of |uris|), "" for the
// default namespace; sets |*found| accordingly.
std::string PrefixFor(pugi::xml_node root, std::initializer_list<std::string_view> uris, bool* found,
                      std::string_view* which = nullptr) {
  *found = false;
  for (pugi::xml_attribute a = root.first_attribute(); a; a = a.next_attribute()) {
    std::string_view name = a.name();
    if (name != "xmlns" && name.rfind("xmlns:", 0) != 0) continue;
    for (std::string_view uri : uris) {
      if (a.value() != uri) continue;
      *found = true;
      if (which != nullptr) *which = uri;
      return name == "xmlns" ? std::string() : std::string(name.substr(6));
    }
  }
  return {};
}

class StringWriter : public pugi::xml_writer {
 public:
  void write(const void* data, size_t size) override {
    out.append(static_cast<const char*>(data), size);
  }
  std::string out;
};

// Serialises |doc| as UTF-8, keeping its own declaration (if any) and adding
// none, with no indentation.
std::string Serialize(pugi::xml_document& doc) {
  for (pugi::xml_node child = doc.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_declaration) continue;
    if (pugi::xml_attribute encoding = child.attribute("encoding")) encoding.set_value("UTF-8");
  }
  StringWriter writer;
  doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

// Calls |visit| on every element under and including |root|, in document
// order, without recursion.
template <typename Visit>
void ForEachElement(pugi::xml_node root, Visit visit) {
  pugi::xml_node node = root;
  while (node) {
    if (node.type() == pugi::node_element) visit(node);
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) break;
    node = node.next_sibling();
  }
}

// The largest decimal value of an attribute named |attribute| anywhere under
// |root|, or -1.
long long MaxNumericAttribute(pugi::xml_node root, const std::string& attribute) {
  long long best = -1;
  ForEachElement(root, [&](pugi::xml_node node) {
    pugi::xml_attribute a = node.attribute(attribute.c_str());
    if (!a) return;
    std::string_view v = a.value();
    long long value = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec == std::errc() && ptr == v.data() + v.size() && value > best) best = value;
  });
  return best;
}

// ---------------------------------------------------------------------------
// The text of a model block in the XML, with the node behind every byte.

// A stretch of a block's text and the element that produced it.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  pugi::xml_node node;  // w:t / w:delText, or w:tab, w:br, w:sym …
  pugi::xml_node run;   // the w:r holding |node|, or |node| itself outside runs
  bool splittable = false;  // a text element whose whole content is this stretch
};

struct BlockText {
  std::string text;
  std::vector<Segment> segments;
  std::vector<pugi::xml_node> paragraphs;  // the w:p elements the block spans
};

// Reads paragraph text the way the reader's signed view does: insertions
// kept, deletions and move sources dropped, hidden runs and field
// instructions left out, one branch of mc:AlternateContent, nested
// paragraphs (text boxes) left to their own blocks.
class TextReader {
 public:
  explicit TextReader(const std::string& w_prefix) : w_(w_prefix) {}

  BlockText Read(pugi::xml_node first) {
    BlockText out;
    fields_.clear();
    for (pugi::xml_node p = first; p;) {
      out.paragraphs.push_back(p);
      Walk(p, &out);
      if (!MarkDeleted(p)) break;
      // The paragraph mark is gone in the signed view: the next paragraph
      // of the same container continues this block.
      pugi::xml_node next = p.next_sibling();
      while (next && next.type() != pugi::node_element) next = next.next_sibling();
      p = next && Local(next) == "p" && IsW(next) ? next : pugi::xml_node();
    }
    return out;
  }

  bool IsW(pugi::xml_node node) const {
    std::string_view name = node.name();
    return w_.empty() ? name.find(':') == std::string_view::npos
                      : name.size() > w_.size() && name.compare(0, w_.size(), w_) == 0 &&
                            name[w_.size()] == ':';
  }
  static std::string_view Local(pugi::xml_node node) {
    std::string_view name = node.name();
    std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  }
  const char* Attr(pugi::xml_node node, std::string_view local) const {
    std::string name = Qualified(w_, local);
    if (pugi::xml_attribute a = node.attribute(name.c_str())) return a.value();
    if (pugi::xml_attribute a = node.attribute(std::string(local).c_str())) return a.value();
    return nullptr;
  }
  pugi::xml_node Child(pugi::xml_node node, std::string_view local) const {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && IsW(c) && Local(c) == local) return c;
    }
    return {};
  }

 private:
  bool MarkDeleted(pugi::xml_node p) const {
    pugi::xml_node rpr = Child(Child(p, "pPr"), "rPr");
    return Child(rpr, "del") || Child(rpr, "moveFrom");
  }

  static bool IsMc(pugi::xml_node node) {
    std::string_view name = node.name();
    return name.rfind("mc:", 0) == 0;
  }

  void Append(BlockText* out, pugi::xml_node node, pugi::xml_node run, std::string_view text,
              bool splittable) {
    if (text.empty()) return;
    Segment s;
    s.begin = out->text.size();
    out->text.append(text);
    s.end = out->text.size();
    s.node = node;
    s.run = run ? run : node;
    s.splittable = splittable;
    out->segments.push_back(s);
  }

  // Walks the children of paragraph |p| (not nested paragraphs).
  void Walk(pugi::xml_node p, BlockText* out) {
    struct Frame {
      pugi::xml_node next;
      int kind;  // 0 plain, 1 run, 2 deletion
    };
    std::vector<Frame> stack;
    std::vector<bool> hidden;
    int deleted = 0;
    pugi::xml_node run;
    stack.push_back({p.first_child(), 0});
    while (!stack.empty()) {
      pugi::xml_node node = stack.back().next;
      if (!node) {
        if (stack.back().kind == 1) {
          hidden.pop_back();
          run = pugi::xml_node();
        } else if (stack.back().kind == 2) {
          --deleted;
        }
        stack.pop_back();
        continue;
      }
      stack.back().next = node.next_sibling();
      if (node.type() != pugi::node_element) continue;
      if (IsMc(node)) {
        std::string_view local = Local(node);
        if (local == "Choice" || local == "Fallback") {
          pugi::xml_node chosen;
          for (pugi::xml_node c = node.parent().first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || !IsMc(c)) continue;
            if (Local(c) == "Choice" && McChoiceUnderstood(c)) {
              chosen = c;
              break;
            }
            if (!chosen && Local(c) == "Fallback") chosen = c;
          }
          if (chosen != node) continue;
        }
        stack.push_back({node.first_child(), 0});
        continue;
      }
      if (!IsW(node)) {
        stack.push_back({node.first_child(), 0});
        continue;
      }
      std::string_view local = Local(node);
      // A field nested in another's instruction belongs to that instruction.
      const bool visible = deleted == 0 && (hidden.empty() || !hidden.back()) &&
                           std::find(fields_.begin(), fields_.end(), true) == fields_.end();
      if (local == "p" || local == "pPr" || local == "instrText" || local == "delInstrText" ||
          local == "rt" || local == "sdtPr" || local == "sdtEndPr" || local == "softHyphen") {
        continue;
      }
      if (local == "r") {
        hidden.push_back(!hidden.empty() && hidden.back());
        run = node;
        stack.push_back({node.first_child(), 1});
      } else if (local == "rPr") {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
          if (!IsW(c) || (Local(c) != "vanish" && Local(c) != "specVanish")) continue;
          if (OnOff(Attr(c, "val"), true) && !hidden.empty()) hidden.back() = true;
        }
      } else if (local == "t" || local == "delText") {
        if (!visible) continue;
        std::string text;
        int pcdata = 0;
        std::string raw;
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
          if (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata) continue;
          ++pcdata;
          raw.append(c.value());
          for (const char* v = c.value(); *v != '\0'; ++v) {
            unsigned char u = static_cast<unsigned char>(*v);
            if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
            text.push_back(*v);
          }
        }
        bool splittable = pcdata == 1 && raw == text && node.first_child().type() == pugi::node_pcdata;
        Append(out, node, run, text, splittable);
      } else if (local == "tab" || local == "ptab") {
        if (visible) Append(out, node, run, "\t", false);
      } else if (local == "br" || local == "cr") {
        if (visible) Append(out, node, run, "\n", false);
      } else if (local == "noBreakHyphen") {
        if (visible) Append(out, node, run, "-", false);
      } else if (local == "sym") {
        if (visible) Append(out, node, run, SymbolText(Attr(node, "char")), false);
      } else if (local == "fldChar") {
        UpdateFields(Attr(node, "fldCharType"), &fields_);
      } else if (local == "del" || local == "moveFrom") {
        ++deleted;
        stack.push_back({node.first_child(), 2});
      } else {
        stack.push_back({node.first_child(), 0});
      }
    }
  }

  std::string w_;
  std::vector<bool> fields_;
};

// ---------------------------------------------------------------------------
// The editor of one package.

class Annotator {
 public:
  Annotator(std::string_view bytes, const std::string& name, const model::Document& document,
            const ReadLimits& limits)
      : bytes_(bytes), name_(name), document_(document), limits_(limits) {}

  Expected<AnnotatedPackage> Run(const Annotations& annotations);

 private:
  struct Part {
    std::string bytes;
    pugi::xml_document doc;
  };
  // Where a range marker goes: before or after |node|, in |node|'s parent.
  struct Spot {
    pugi::xml_node node;
    bool after = false;
  };

  Expected<std::unique_ptr<Part>> Load(const std::string& part_name);
  Expected<void> CollectParagraphs();
  BlockText* Text(int block);
  pugi::xml_node Element(std::string_view local) const;
  pugi::xml_node MakeElement(pugi::xml_node parent, std::string_view local, pugi::xml_node before,
                             bool append);
  void SetW(pugi::xml_node node, std::string_view local, const std::string& value) const;
  pugi::xml_node SplitRun(BlockText* text, std::size_t segment, std::size_t cut);
  Spot StartSpot(BlockText* text, std::size_t offset);
  Spot EndSpot(BlockText* text, std::size_t offset);
  static Spot ParagraphStart(pugi::xml_node p, const TextReader& reader);
  static Spot ParagraphEnd(pugi::xml_node p);
  pugi::xml_node PutMarker(const Spot& spot, std::string_view local, const std::string& id);
  Placement AddComment(const NewComment& comment, const std::string& id, pugi::xml_node comments);
  void AddInsertion(const NewParagraphs& insertion);
  pugi::xml_node BodyChildOf(pugi::xml_node node) const;
  void CopyParagraphStyle(int block, pugi::xml_node p, pugi::xml_node* run_properties);
  std::string NextId() { return std::to_string(next_id_++); }
  Expected<std::string> Rezip(const std::vector<std::pair<std::string, std::string>>& replaced,
                              const std::vector<std::pair<std::string, std::string>>& added);

  std::string_view bytes_;
  const std::string& name_;
  const model::Document& document_;
  const ReadLimits& limits_;
  std::unique_ptr<ZipPackage> package_;
  std::unique_ptr<Part> main_;
  std::string w_;   // the main part's WordprocessingML prefix
  std::string cw_;  // the comments part's
  bool strict_ = false;
  std::unique_ptr<TextReader> reader_;
  std::vector<pugi::xml_node> paragraphs_;  // every w:p of the main part, document order
  pugi::xml_node body_;
  std::unordered_map<int, BlockText> texts_;  // block → its text in the XML
  long long next_id_ = 0;
};

Expected<std::unique_ptr<Annotator::Part>> Annotator::Load(const std::string& part_name) {
  auto read = package_->Read(part_name);
  if (!read) return tl::unexpected(read.error());
  auto part = std::make_unique<Part>();
  part->bytes = std::move(*read);
  XmlPart probe;  // the reader's checks (DOCTYPE, depth) on a copy
  probe.bytes = part->bytes;
  if (auto parsed = ParseXmlPart(&probe, name_, part_name, limits_.max_xml_depth); !parsed) {
    return tl::unexpected(parsed.error());
  }
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | kEditOptions;
  pugi::xml_parse_result result =
      part->doc.load_buffer_inplace(part->bytes.data(), part->bytes.size(), options, pugi::encoding_auto);
  if (!result) {
    return MakeError(ErrorCode::kMalformedXml, name_ + ": malformed XML in " + part_name + " at offset " +
                                                   std::to_string(result.offset) + ": " +
                                                   result.description());
  }
  return part;
}

Expected<void> Annotator::CollectParagraphs() {
  // Every w:p in document order, as the reader numbers them (Block::index).
  pugi::xml_node root = main_->doc.document_element();
  ForEachElement(root, [&](pugi::xml_node node) {
    if (!reader_->IsW(node)) return;
    std::string_view local = TextReader::Local(node);
    if (local == "p") paragraphs_.push_back(node);
    if (local == "body" && node.parent() == root) body_ = node;
  });
  if (!body_) {
    return MakeError(ErrorCode::kUnsupported, name_ + ": main part " + document_.main_part + " has no body");
  }
  return {};
}

BlockText* Annotator::Text(int block) {
  if (block < 0 || static_cast<std::size_t>(block) >= document_.blocks.size()) return nullptr;
  const model::Block& b = document_.blocks[static_cast<std::size_t>(block)];
  if (b.part != document_.main_part || b.index < 0 ||
      static_cast<std::size_t>(b.index) >= paragraphs_.size()) {
    return nullptr;
  }
  auto it = texts_.find(block);
  if (it == texts_.end()) {
    it = texts_.emplace(block, reader_->Read(paragraphs_[static_cast<std::size_t>(b.index)])).first;
  }
  return &it->second;
}

pugi::xml_node Annotator::MakeElement(pugi::xml_node parent, std::string_view local, pugi::xml_node before,
                                      bool append) {
  std::string name = Qualified(w_, local);
  if (append) return parent.append_child(name.c_str());
  if (before) return parent.insert_child_before(name.c_str(), before);
  return parent.prepend_child(name.c_str());
}

void Annotator::SetW(pugi::xml_node node, std::string_view local, const std::string& value) const {
  node.append_attribute(Qualified(w_, local).c_str()).set_value(value.c_str());
}

// Splits the run of segment |index| so that a new run starts |cut| bytes
// into the segment (0: at the segment's element); returns the run that now
// starts there, or a null node when the run cannot be split.
pugi::xml_node Annotator::SplitRun(BlockText* text, std::size_t index, std::size_t cut) {
  Segment& s = text->segments[index];
  pugi::xml_node old_run = s.run;
  if (old_run == s.node || s.node.parent() != old_run) return {};
  if (cut == 0) {
    // Nothing but properties before the element: the run already starts there.
    bool first = true;
    for (pugi::xml_node c = old_run.first_child(); c && c != s.node; c = c.next_sibling()) {
      if (c.type() == pugi::node_element && !(reader_->IsW(c) && TextReader::Local(c) == "rPr")) first = false;
    }
    if (first) return old_run;
  }
  pugi::xml_node parent = old_run.parent();
  pugi::xml_node new_run = parent.insert_child_after(old_run.name(), old_run);
  for (pugi::xml_attribute a = old_run.first_attribute(); a; a = a.next_attribute()) {
    new_run.append_attribute(a.name()).set_value(a.value());
  }
  if (pugi::xml_node rpr = reader_->Child(old_run, "rPr")) new_run.append_copy(rpr);
  pugi::xml_node moved_from;  // the first element that moves to the new run
  Segment tail = s;
  if (cut == 0) {
    moved_from = s.node;
  } else {
    std::string all = s.node.first_child().value();
    pugi::xml_node second = new_run.append_child(s.node.name());
    for (pugi::xml_attribute a = s.node.first_attribute(); a; a = a.next_attribute()) {
      if (std::string_view(a.name()) != "xml:space") second.append_attribute(a.name()).set_value(a.value());
    }
    second.append_attribute("xml:space").set_value("preserve");
    second.append_child(pugi::node_pcdata).set_value(all.substr(cut).c_str());
    s.node.first_child().set_value(all.substr(0, cut).c_str());
    if (!s.node.attribute("xml:space")) s.node.append_attribute("xml:space").set_value("preserve");
    moved_from = s.node.next_sibling();
    tail.begin = s.begin + cut;
    tail.node = second;
    s.end = s.begin + cut;
  }
  while (moved_from) {
    pugi::xml_node next = moved_from.next_sibling();
    new_run.append_move(moved_from);
    moved_from = next;
  }
  for (std::size_t i = index; i < text->segments.size(); ++i) {
    if (text->segments[i].run == old_run && (i > index || cut == 0)) text->segments[i].run = new_run;
  }
  if (cut > 0) {
    tail.run = new_run;
    text->segments.insert(text->segments.begin() + static_cast<std::ptrdiff_t>(index) + 1, tail);
  }
  return new_run;
}

Annotator::Spot Annotator::StartSpot(BlockText* text, std::size_t offset) {
  for (std::size_t i = 0; i < text->segments.size(); ++i) {
    const Segment& s = text->segments[i];
    if (offset >= s.end) continue;
    std::size_t cut = offset <= s.begin || !s.splittable ? 0 : offset - s.begin;
    pugi::xml_node run = SplitRun(text, i, cut);
    return {run ? run : text->segments[i].run, false};
  }
  return {text->segments.back().run, true};
}

Annotator::Spot Annotator::EndSpot(BlockText* text, std::size_t offset) {
  for (std::size_t i = text->segments.size(); i-- > 0;) {
    const Segment& s = text->segments[i];
    if (offset <= s.begin) continue;
    if (offset < s.end && s.splittable) {
      SplitRun(text, i, offset - s.begin);
    } else if (i + 1 < text->segments.size() && text->segments[i + 1].run == s.run) {
      // The range ends between two elements of one run.
      SplitRun(text, i + 1, 0);
    }
    return {text->segments[i].run, true};
  }
  return {text->segments.front().run, false};
}

Annotator::Spot Annotator::ParagraphStart(pugi::xml_node p, const TextReader& reader) {
  if (pugi::xml_node ppr = reader.Child(p, "pPr")) return {ppr, true};
  return {p, false};  // prepend to |p|
}

Annotator::Spot Annotator::ParagraphEnd(pugi::xml_node p) { return {p, true}; }

pugi::xml_node Annotator::PutMarker(const Spot& spot, std::string_view local, const std::string& id) {
  pugi::xml_node marker;
  std::string name = Qualified(w_, local);
  if (reader_->IsW(spot.node) && TextReader::Local(spot.node) == "p") {
    // Whole-paragraph spots: first thing (after pPr handled by the caller) or last.
    pugi::xml_node p = spot.node;
    marker = spot.after ? p.append_child(name.c_str()) : p.prepend_child(name.c_str());
  } else if (spot.after) {
    marker = spot.node.parent().insert_child_after(name.c_str(), spot.node);
  } else {
    marker = spot.node.parent().insert_child_before(name.c_str(), spot.node);
  }
  SetW(marker, "id", id);
  return marker;
}

Placement Annotator::AddComment(const NewComment& comment, const std::string& id,
                                pugi::xml_node comments) {
  int first = comment.range.begin.block;
  int last = comment.range.end.block >= 0 ? comment.range.end.block : first;
  if (last < first) last = first;
  BlockText* begin_text = Text(first);
  BlockText* end_text = Text(last);
  Placement placement = Placement::kExact;
  Spot start, end;
  pugi::xml_node end_marker;
  if (begin_text == nullptr || end_text == nullptr || begin_text->paragraphs.empty() ||
      end_text->paragraphs.empty()) {
    placement = Placement::kDocument;
    pugi::xml_node p = paragraphs_.empty() ? pugi::xml_node() : paragraphs_.front();
    if (!p) {
      p = MakeElement(body_, "p", reader_->Child(body_, "sectPr"), false);
      paragraphs_.push_back(p);
    }
    end_marker = PutMarker(ParagraphEnd(p), "commentRangeEnd", id);
    PutMarker(ParagraphStart(p, *reader_), "commentRangeStart", id);
  } else {
    const std::string& model_begin = document_.blocks[static_cast<std::size_t>(first)].text;
    const std::string& model_end = document_.blocks[static_cast<std::size_t>(last)].text;
    bool exact_begin = begin_text->text == model_begin && !begin_text->segments.empty() &&
                       comment.range.begin.offset < model_begin.size();
    std::size_t end_offset = std::min(comment.range.end.offset, model_end.size());
    if (first == last && end_offset <= comment.range.begin.offset) end_offset = model_end.size();
    bool exact_end = end_text->text == model_end && !end_text->segments.empty() && end_offset > 0;
    if (!exact_begin || !exact_end) placement = Placement::kParagraph;
    // The end goes in first: splitting a run for the start then keeps the
    // end marker after the right half.
    end = placement == Placement::kExact ? EndSpot(end_text, end_offset)
                                         : ParagraphEnd(end_text->paragraphs.back());
    end_marker = PutMarker(end, "commentRangeEnd", id);
    start = placement == Placement::kExact ? StartSpot(begin_text, comment.range.begin.offset)
                                           : ParagraphStart(begin_text->paragraphs.front(), *reader_);
    PutMarker(start, "commentRangeStart", id);
  }

  // The reference run follows the range, directly in the paragraph.
  pugi::xml_node holder = end_marker;
  while (holder.parent() && !(reader_->IsW(holder.parent()) && TextReader::Local(holder.parent()) == "p")) {
    holder = holder.parent();
  }
  pugi::xml_node p = holder.parent();
  std::string run_name = Qualified(w_, "r");
  pugi::xml_node run = p ? p.insert_child_after(run_name.c_str(), holder)
                         : end_marker.parent().insert_child_after(run_name.c_str(), end_marker);
  SetW(MakeElement(run, "commentReference", {}, true), "id", id);

  // The comment itself, under the comments part's own prefix.
  auto add = [this](pugi::xml_node parent, std::string_view local) {
    return parent.append_child(Qualified(cw_, local).c_str());
  };
  auto set = [this](pugi::xml_node node, std::string_view local, const std::string& value) {
    node.append_attribute(Qualified(cw_, local).c_str()).set_value(value.c_str());
  };
  pugi::xml_node c = add(comments, "comment");
  set(c, "id", id);
  set(c, "author", comment.author);
  set(c, "date", comment.date);
  if (!comment.initials.empty()) set(c, "initials", comment.initials);
  std::size_t from = 0;
  while (from <= comment.text.size()) {
    std::size_t newline = comment.text.find('\n', from);
    std::string line = comment.text.substr(from, newline == std::string::npos ? std::string::npos : newline - from);
    pugi::xml_node para = add(c, "p");
    if (from == 0) add(add(para, "r"), "annotationRef");
    if (!line.empty()) {
      pugi::xml_node t = add(add(para, "r"), "t");
      t.append_attribute("xml:space").set_value("preserve");
      t.append_child(pugi::node_pcdata).set_value(line.c_str());
    }
    if (newline == std::string::npos) break;
    from = newline + 1;
  }
  return placement;
}

pugi::xml_node Annotator::BodyChildOf(pugi::xml_node node) const {
  while (node && node.parent() != body_) node = node.parent();
  return node;
}

// Gives the new paragraph |p| the paragraph properties of |block| (without
// its revision marks or section break) and sets |*run_properties| to the
// formatting of its first visible run (or leaves it null).
void Annotator::CopyParagraphStyle(int block, pugi::xml_node p, pugi::xml_node* run_properties) {
  BlockText* text = Text(block);
  if (text == nullptr || text->paragraphs.empty()) return;
  pugi::xml_node source = text->paragraphs.front();
  if (pugi::xml_node ppr = reader_->Child(source, "pPr")) {
    pugi::xml_node copy = p.append_copy(ppr);
    for (const char* local : {"sectPr", "pPrChange"}) {
      while (pugi::xml_node c = reader_->Child(copy, local)) copy.remove_child(c);
    }
    if (pugi::xml_node rpr = reader_->Child(copy, "rPr")) {
      for (const char* local : {"ins", "del", "moveFrom", "moveTo", "rPrChange"}) {
        while (pugi::xml_node c = reader_->Child(rpr, local)) rpr.remove_child(c);
      }
    }
  }
  for (const Segment& s : text->segments) {
    if (!reader_->IsW(s.run) || TextReader::Local(s.run) != "r") continue;
    *run_properties = reader_->Child(s.run, "rPr");
    break;
  }
}

void Annotator::AddInsertion(const NewParagraphs& insertion) {
  pugi::xml_node after;
  if (BlockText* text = Text(insertion.after_block); text != nullptr && !text->paragraphs.empty()) {
    after = BodyChildOf(text->paragraphs.back());
  }
  if (!after) {
    // No place given (or not in the body): at the end, before the final section properties.
    pugi::xml_node sect = reader_->Child(body_, "sectPr");
    after = sect ? sect.previous_sibling() : body_.last_child();
  }
  for (std::size_t i = 0; i < insertion.paragraphs.size(); ++i) {
    std::string name = Qualified(w_, "p");
    pugi::xml_node p = after ? body_.insert_child_after(name.c_str(), after) : body_.prepend_child(name.c_str());
    after = p;
    pugi::xml_node run_properties;
    CopyParagraphStyle(insertion.paragraphs[i].style_block, p, &run_properties);
    // The paragraph mark is inserted too: rejecting the change removes the
    // whole paragraph. w:ins comes first in the mark's run properties.
    pugi::xml_node ppr = reader_->Child(p, "pPr");
    if (!ppr) ppr = MakeElement(p, "pPr", {}, false);
    pugi::xml_node mark = reader_->Child(ppr, "rPr");
    if (!mark) {
      pugi::xml_node sect = reader_->Child(ppr, "sectPr");
      mark = sect ? MakeElement(ppr, "rPr", sect, false) : MakeElement(ppr, "rPr", {}, true);
    }
    pugi::xml_node mark_ins = MakeElement(mark, "ins", mark.first_child(), false);
    SetW(mark_ins, "id", NextId());
    SetW(mark_ins, "author", insertion.author);
    SetW(mark_ins, "date", insertion.date);

    pugi::xml_node ins = MakeElement(p, "ins", {}, true);
    SetW(ins, "id", NextId());
    SetW(ins, "author", insertion.author);
    SetW(ins, "date", insertion.date);
    pugi::xml_node run = MakeElement(ins, "r", {}, true);
    if (run_properties) {
      pugi::xml_node rpr = run.append_copy(run_properties);
      for (const char* local : {"rPrChange", "vanish", "specVanish", "webHidden", "ins", "del"}) {
        while (pugi::xml_node c = reader_->Child(rpr, local)) rpr.remove_child(c);
      }
    }
    // Line breaks and tabs become w:br and w:tab, the rest w:t.
    const std::string& text = insertion.paragraphs[i].text;
    std::size_t from = 0;
    while (from < text.size()) {
      std::size_t special = text.find_first_of("\n\t", from);
      if (special != from) {
        pugi::xml_node t = MakeElement(run, "t", {}, true);
        t.append_attribute("xml:space").set_value("preserve");
        t.append_child(pugi::node_pcdata).set_value(text.substr(from, special - from).c_str());
      }
      if (special == std::string::npos) break;
      MakeElement(run, text[special] == '\n' ? "br" : "tab", {}, true);
      from = special + 1;
    }
  }
}

Expected<std::string> Annotator::Rezip(const std::vector<std::pair<std::string, std::string>>& replaced,
                                       const std::vector<std::pair<std::string, std::string>>& added) {
  zip_error_t error;
  zip_error_init(&error);
  auto fail = [&](const std::string& what) {
    std::string message = name_ + ": cannot write the annotated package: " + what;
    zip_error_fini(&error);
    return MakeError(ErrorCode::kIo, message);
  };
  zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
  if (source == nullptr) return fail(zip_error_strerror(&error));
  zip_t* archive = zip_open_from_source(source, 0, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    return fail(zip_error_strerror(&error));
  }
  zip_source_keep(source);  // it receives the new archive on zip_close
  auto discard = [&](const std::string& what) {
    std::string message = what + zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(source);
    return fail(message);
  };
  // Rewritten and new entries keep the main part's timestamp, so the same
  // input gives the same output.
  time_t mtime = 0;
  zip_int64_t main_index = zip_name_locate(archive, document_.main_part.c_str(), ZIP_FL_NOCASE);
  zip_stat_t st;
  if (main_index >= 0 && zip_stat_index(archive, static_cast<zip_uint64_t>(main_index), 0, &st) == 0 &&
      (st.valid & ZIP_STAT_MTIME) != 0) {
    mtime = st.mtime;
  }
  auto put = [&](const std::pair<std::string, std::string>& part, bool replace) -> bool {
    zip_source_t* data = zip_source_buffer(archive, part.second.data(), part.second.size(), 0);
    if (data == nullptr) return false;
    zip_int64_t index;
    if (replace) {
      index = zip_name_locate(archive, part.first.c_str(), ZIP_FL_NOCASE);
      if (index < 0 || zip_file_replace(archive, static_cast<zip_uint64_t>(index), data, 0) != 0) {
        zip_source_free(data);
        return false;
      }
    } else {
      index = zip_file_add(archive, part.first.c_str(), data, ZIP_FL_ENC_UTF_8);
      if (index < 0) {
        zip_source_free(data);
        return false;
      }
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 0);
    if (mtime != 0) zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), mtime, 0);
    return true;
  };
  for (const auto& part : replaced) {
    if (!put(part, true)) return discard(part.first + ": ");
  }
  for (const auto& part : added) {
    if (!put(part, false)) return discard(part.first + ": ");
  }
  if (zip_close(archive) != 0) return discard("");
  if (zip_source_open(source) != 0 || zip_source_seek(source, 0, SEEK_END) != 0) {
    zip_source_free(source);
    return fail("cannot read back the new archive");
  }
  zip_int64_t size = zip_source_tell(source);
  std::string out;
  if (size > 0) {
    out.resize(static_cast<std::size_t>(size));
    zip_source_seek(source, 0, SEEK_SET);
    if (zip_source_read(source, out.data(), static_cast<zip_uint64_t>(size)) != size) {
      zip_source_close(source);
      zip_source_free(source);
      return fail("cannot read back the new archive");
    }
  }
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return out;
}

Expected<AnnotatedPackage> Annotator::Run(const Annotations& annotations) {
  auto package = ZipPackage::Open(bytes_, name_, limits_);
  if (!package) return tl::unexpected(package.error());
  package_ = std::make_unique<ZipPackage>(std::move(*package));
  const std::string& main_name = document_.main_part;
  if (main_name.empty() || !package_->Has(main_name)) {
    return MakeError(ErrorCode::kNoMainPart, name_ + ": main document part " + main_name + " is missing");
  }
  auto main = Load(main_name);
  if (!main) return tl::unexpected(main.error());
  main_ = std::move(*main);
  bool found = false;
  std::string_view uri;
  w_ = PrefixFor(main_->doc.document_element(), {kWTransitional, kWStrict}, &found, &uri);
  if (!found) {
    return MakeError(ErrorCode::kUnsupported,
                     name_ + ": cannot annotate: the root of " + main_name +
                         " declares no WordprocessingML namespace");
  }
  strict_ = uri == kWStrict;
  reader_ = std::make_unique<TextReader>(w_);
  if (auto collected = CollectParagraphs(); !collected) return tl::unexpected(collected.error());

  // The comments part: the one the main part relates to, or a new one.
  const std::string rels_name = RelsPartOf(main_name);
  std::unique_ptr<Part> rels;
  if (package_->Has(rels_name)) {
    auto loaded = Load(rels_name);
    if (!loaded) return tl::unexpected(loaded.error());
    rels = std::move(*loaded);
  }
  std::string comments_name;
  if (rels) {
    for (pugi::xml_node r = rels->doc.document_element().first_child(); r; r = r.next_sibling()) {
      std::string_view type = r.attribute("Type").value();
      if (type.size() < 9 || type.substr(type.size() - 9) != "/comments") continue;
      if (std::string_view(r.attribute("TargetMode").value()) == "External") continue;
      std::string target = r.attribute("Target").value();
      std::string resolved = !target.empty() && target[0] == '/' ? target.substr(1) : Folder(main_name) + target;
      if (package_->Has(resolved)) comments_name = resolved;
      break;
    }
  }
  const bool new_comments = comments_name.empty() && !annotations.comments.empty();
  std::unique_ptr<Part> comments;
  if (!comments_name.empty()) {
    auto loaded = Load(comments_name);
    if (!loaded) return tl::unexpected(loaded.error());
    comments = std::move(*loaded);
    bool has_w = false;
    cw_ = PrefixFor(comments->doc.document_element(), {kWTransitional, kWStrict}, &has_w);
    if (!has_w) {
      return MakeError(ErrorCode::kUnsupported, name_ + ": cannot annotate: the root of " + comments_name +
                                                    " declares no WordprocessingML namespace");
    }
  } else if (new_comments) {
    comments_name = Folder(main_name) + "comments.xml";
    for (int n = 2; package_->Has(comments_name); ++n) {
      comments_name = Folder(main_name) + "comments" + std::to_string(n) + ".xml";
    }
    comments = std::make_unique<Part>();
    pugi::xml_node decl = comments->doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    decl.append_attribute("standalone").set_value("yes");
    cw_ = "w";
    pugi::xml_node root = comments->doc.append_child("w:comments");
    root.append_attribute("xmlns:w").set_value(std::string(uri).c_str());
  }

  // Ids continue after every numeric w:id in use.
  std::string id_attribute = Qualified(w_, "id");
  next_id_ = MaxNumericAttribute(main_->doc.document_element(), id_attribute) + 1;
  if (comments) {
    next_id_ = std::max(next_id_, MaxNumericAttribute(comments->doc.document_element(), Qualified(cw_, "id")) + 1);
  }

  AnnotatedPackage out;
  for (const NewComment& comment : annotations.comments) {
    out.placements.push_back(AddComment(comment, NextId(), comments->doc.document_element()));
  }
  for (const NewParagraphs& insertion : annotations.insertions) AddInsertion(insertion);

  std::vector<std::pair<std::string, std::string>> replaced, added;
  replaced.emplace_back(main_name, Serialize(main_->doc));
  if (comments && !annotations.comments.empty()) {
    (new_comments ? added : replaced).emplace_back(comments_name, Serialize(comments->doc));
  }
  if (new_comments) {
    // The main part's relationship to the new comments part.
    const bool new_rels = !rels;
    if (new_rels) {
      rels = std::make_unique<Part>();
      pugi::xml_node decl = rels->doc.append_child(pugi::node_declaration);
      decl.append_attribute("version").set_value("1.0");
      decl.append_attribute("encoding").set_value("UTF-8");
      decl.append_attribute("standalone").set_value("yes");
      rels->doc.append_child("Relationships").append_attribute("xmlns").set_value(kRelationshipsNs);
    }
    pugi::xml_node root = rels->doc.document_element();
    std::string_view root_name = root.name();
    std::size_t colon = root_name.find(':');
    std::string prefix = colon == std::string_view::npos ? "" : std::string(root_name.substr(0, colon));
    long long max_rid = 0;
    std::unordered_map<std::string, bool> ids;
    for (pugi::xml_node r = root.first_child(); r; r = r.next_sibling()) {
      std::string id = r.attribute("Id").value();
      ids[id] = true;
      if (id.rfind("rId", 0) == 0) {
        long long n = 0;
        auto [ptr, ec] = std::from_chars(id.data() + 3, id.data() + id.size(), n);
        if (ec == std::errc() && ptr == id.data() + id.size() && n > max_rid) max_rid = n;
      }
    }
    std::string rid = "rId" + std::to_string(max_rid + 1);
    while (ids.count(rid) != 0) rid += "c";
    pugi::xml_node rel = root.append_child(Qualified(prefix, "Relationship").c_str());
    rel.append_attribute("Id").set_value(rid.c_str());
    rel.append_attribute("Type").set_value(strict_ ? kCommentsRelStrict : kCommentsRelTransitional);
    std::string target = comments_name.substr(Folder(main_name).size());
    rel.append_attribute("Target").set_value(target.c_str());
    (new_rels ? added : replaced).emplace_back(rels_name, Serialize(rels->doc));

    // Its content type, unless already declared.
    if (package_->Has("[Content_Types].xml")) {
      auto types = Load("[Content_Types].xml");
      if (!types) return tl::unexpected(types.error());
      pugi::xml_node types_root = (*types)->doc.document_element();
      std::string_view types_name = types_root.name();
      std::size_t c = types_name.find(':');
      std::string tp = c == std::string_view::npos ? "" : std::string(types_name.substr(0, c));
      bool declared = false;
      std::string wanted = "/" + Lower(comments_name);
      for (pugi::xml_node o = types_root.first_child(); o; o = o.next_sibling()) {
        if (TextReader::Local(o) == "Override" && Lower(o.attribute("PartName").value()) == wanted) declared = true;
      }
      if (!declared) {
        pugi::xml_node o = types_root.append_child(Qualified(tp, "Override").c_str());
        o.append_attribute("PartName").set_value(("/" + comments_name).c_str());
        o.append_attribute("ContentType").set_value(kCommentsContentType);
        replaced.emplace_back("[Content_Types].xml", Serialize((*types)->doc));
      }
    }
  }
  auto zipped = Rezip(replaced, added);
  if (!zipped) return tl::unexpected(zipped.error());
  out.bytes = std::move(*zipped);
  return out;
}

}  // namespace

Expected<AnnotatedPackage> AnnotateDocx(std::string_view bytes, const std::string& name,
                                        const model::Document& document,
                                        const Annotations& annotations, const ReadLimits& limits) {
  Annotator annotator(bytes, name, document, limits);
  return annotator.Run(annotations);
}

}  // namespace clausegap::docx
