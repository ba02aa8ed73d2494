#include "docx/reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_set>
#include <vector>

#include "base/file.h"
#include "docx/numbering.h"
#include "docx/part_walker.h"
#include "docx/styles.h"
#include "docx/xml_util.h"
#include "docx/zip_package.h"

namespace clausegap::docx {
namespace {

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved part name, no leading '/'
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Returns whether the relationship |type| URI names |kind| (the same last
// segment serves Transitional and Strict: ".../officeDocument").
bool TypeIs(std::string_view type, std::string_view kind) {
  return type.size() > kind.size() && type.substr(type.size() - kind.size()) == kind &&
         type[type.size() - kind.size() - 1] == '/';
}


// Resolves |target| relative to the folder of |source| ("" for the package
// root); returns the part name without a leading '/', or "" if it escapes.
std::string ResolveTarget(std::string_view source, std::string_view target) {
  std::string path;
  std::string decoded = PercentDecode(target);
  if (!decoded.empty() && decoded[0] == '/') {
    path = decoded.substr(1);
  } else {
    std::size_t slash = source.rfind('/');
    path = slash == std::string_view::npos ? decoded : std::string(source.substr(0, slash + 1)) + decoded;
  }
  std::vector<std::string_view> segments;
  std::string_view rest(path);
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    if (segment == "..") {
      if (segments.empty()) return {};
      segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  std::string out;
  for (std::string_view segment : segments) {
    if (!out.empty()) out.push_back('/');
    out.append(segment);
  }
  return out;
}

// Returns "word/_rels/document.xml.rels" for "word/document.xml".
std::string RelsPartFor(std::string_view part) {
  std::size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

class Reader {
 public:
  Reader(const std::string& name, const ReadOptions& options, ZipPackage* package)
      : name_(name), options_(options), package_(package) {}

  Expected<model::Document> Run();

 private:
  // Reads and parses |part_name|; missing parts give kNoMainPart.
  Expected<std::unique_ptr<XmlPart>> Load(const std::string& part_name) {
    auto bytes = package_->Read(part_name);
    if (!bytes) return tl::unexpected(bytes.error());
    auto part = std::make_unique<XmlPart>();
    part->bytes = std::move(*bytes);
    if (auto parsed = ParseXmlPart(part.get(), name_, part_name, options_.limits.max_xml_depth); !parsed) {
      return tl::unexpected(parsed.error());
    }
    return part;
  }

  Expected<std::vector<Relationship>> LoadRels(const std::string& source) {
    std::vector<Relationship> rels;
    std::string rels_part = RelsPartFor(source);
    if (source.empty()) rels_part = "_rels/.rels";
    if (!package_->Has(rels_part)) return rels;
    auto part = Load(rels_part);
    if (!part) return tl::unexpected(part.error());
    for (pugi::xml_node node = (*part)->doc.document_element().first_child(); node;
         node = node.next_sibling()) {
      std::string_view prefix, local;
      SplitName(node.name(), &prefix, &local);
      if (node.type() != pugi::node_element || local != "Relationship") continue;
      if (std::string_view(node.attribute("TargetMode").value()) == "External") continue;
      Relationship rel;
      rel.id = node.attribute("Id").value();
      rel.type = node.attribute("Type").value();
      rel.target = ResolveTarget(source, node.attribute("Target").value());
      if (!rel.target.empty()) rels.push_back(std::move(rel));
    }
    return rels;
  }

  // Returns the content type the package declares for |part| ("" if none).
  Expected<std::string> ContentType(const std::string& part_name) {
    if (!package_->Has("[Content_Types].xml")) return std::string();
    auto part = Load("[Content_Types].xml");
    if (!part) return tl::unexpected(part.error());
    for (pugi::xml_node node = (*part)->doc.document_element().first_child(); node;
         node = node.next_sibling()) {
      std::string_view prefix, local;
      SplitName(node.name(), &prefix, &local);
      if (local != "Override") continue;
      std::string_view declared = node.attribute("PartName").value();
      if (!declared.empty() && declared[0] == '/') declared.remove_prefix(1);
      if (EqualsIgnoreCase(declared, part_name)) return std::string(node.attribute("ContentType").value());
    }
    return std::string();
  }

  Expected<void> WalkPart(const std::string& part_name, PartMode mode, model::BlockKind kind) {
    auto part = Load(part_name);
    if (!part) return tl::unexpected(part.error());
    PartSpec spec{part_name, mode, kind};
    return walker_->Walk(**part, spec, name_);
  }

  const std::string& name_;
  const ReadOptions& options_;
  ZipPackage* package_;
  Styles styles_;
  Numbering numbering_;
  std::unique_ptr<PartWalker> walker_;
};

Expected<model::Document> Reader::Run() {
  if (!package_->Has("[Content_Types].xml")) {
    return MakeError(ErrorCode::kNoMainPart,
                     name_ + ": [Content_Types].xml is missing: not a valid OOXML package "
                             "(Word refuses it too)");
  }
  auto package_rels = LoadRels("");
  if (!package_rels) return tl::unexpected(package_rels.error());
  if (!package_->Has("_rels/.rels")) {
    return MakeError(ErrorCode::kNoMainPart,
                     name_ + ": no main document part (_rels/.rels is missing; not an OOXML package)");
  }
  std::string main_part;
  for (const Relationship& rel : *package_rels) {
    if (TypeIs(rel.type, "officeDocument")) {
      main_part = rel.target;
      break;
    }
  }
  if (main_part.empty()) {
    return MakeError(ErrorCode::kNoMainPart,
                     name_ + ": no main document part (no officeDocument relationship in _rels/.rels)");
  }
  if (!package_->Has(main_part)) {
    return MakeError(ErrorCode::kNoMainPart, name_ + ": main document part " + main_part +
                                                 " named in _rels/.rels is missing");
  }
  auto content_type = ContentType(main_part);
  if (!content_type) return tl::unexpected(content_type.error());
  if (!content_type->empty() && content_type->find("wordprocessingml") == std::string::npos &&
      content_type->find("ms-word") == std::string::npos) {
    return MakeError(ErrorCode::kUnsupported,
                     name_ + ": not a Word document (main part " + main_part + " is " + *content_type + ")");
  }

  auto main = Load(main_part);
  if (!main) return tl::unexpected(main.error());
  {
    NsScope ns;
    pugi::xml_node root = (*main)->doc.document_element();
    ns.Push(root);
    if (!ns.Is(root, Ns::kW, "document")) {
      return MakeError(ErrorCode::kNoMainPart, name_ + ": main part " + main_part +
                                                   " is not a WordprocessingML document (root element <" +
                                                   root.name() + ">)");
    }
  }

  model::Document document;
  document.file = name_;
  document.main_part = main_part;
  document.view = options_.view;

  auto rels = LoadRels(main_part);
  if (!rels) return tl::unexpected(rels.error());
  auto find_rel = [&](std::string_view kind) -> std::string {
    for (const Relationship& rel : *rels) {
      if (TypeIs(rel.type, kind) && package_->Has(rel.target)) return rel.target;
    }
    return {};
  };
  if (std::string styles_part = find_rel("styles"); !styles_part.empty()) {
    auto part = Load(styles_part);
    if (!part) return tl::unexpected(part.error());
    NsScope ns;
    ns.Push((*part)->doc.document_element());
    styles_.Parse((*part)->doc.document_element(), ns);
  }
  if (std::string numbering_part = find_rel("numbering"); !numbering_part.empty()) {
    auto part = Load(numbering_part);
    if (!part) return tl::unexpected(part.error());
    NsScope ns;
    ns.Push((*part)->doc.document_element());
    numbering_.Parse((*part)->doc.document_element(), ns);
  }

  CrossRefs refs;
  walker_ = std::make_unique<PartWalker>(styles_, numbering_, options_.view,
                                         options_.limits.max_xml_depth, &document, &refs);
  {
    PartSpec spec{main_part, PartMode::kStory, model::BlockKind::kParagraph};
    if (auto walked = walker_->Walk(**main, spec, name_); !walked) return tl::unexpected(walked.error());
    NsScope ns;
    ns.Push((*main)->doc.document_element());
    document.strict = ns.strict();
  }
  main->reset();  // the tree is no longer needed

  // Headers, then footers, as the section properties reference them.
  auto walk_references = [&](const std::vector<std::string>& ids, model::BlockKind kind) -> Expected<void> {
    std::unordered_set<std::string> done;
    for (const std::string& id : ids) {
      for (const Relationship& rel : *rels) {
        if (rel.id != id || !package_->Has(rel.target) || !done.insert(rel.target).second) continue;
        if (auto walked = WalkPart(rel.target, PartMode::kStory, kind); !walked) return walked;
      }
    }
    return {};
  };
  if (auto walked = walk_references(refs.header_rel_ids, model::BlockKind::kHeader); !walked) {
    return tl::unexpected(walked.error());
  }
  if (auto walked = walk_references(refs.footer_rel_ids, model::BlockKind::kFooter); !walked) {
    return tl::unexpected(walked.error());
  }
  if (std::string part = find_rel("footnotes"); !part.empty()) {
    if (auto walked = WalkPart(part, PartMode::kNotes, model::BlockKind::kFootnote); !walked) {
      return tl::unexpected(walked.error());
    }
  }
  if (std::string part = find_rel("endnotes"); !part.empty()) {
    if (auto walked = WalkPart(part, PartMode::kNotes, model::BlockKind::kEndnote); !walked) {
      return tl::unexpected(walked.error());
    }
  }
  if (std::string part = find_rel("comments"); !part.empty()) {
    if (auto walked = WalkPart(part, PartMode::kComments, model::BlockKind::kParagraph); !walked) {
      return tl::unexpected(walked.error());
    }
  }

  for (model::Note& note : document.notes) {
    const auto& map = note.kind == model::Note::Kind::kFootnote ? refs.footnote_blocks : refs.endnote_blocks;
    if (auto it = map.find(note.id); it != map.end()) note.block = it->second;
  }
  for (model::Comment& comment : document.comments) {
    if (auto it = refs.comment_anchors.find(comment.id); it != refs.comment_anchors.end()) {
      comment.anchor_text = it->second.text;
      comment.block = it->second.block;
    }
  }
  return document;
}

}  // namespace

Expected<model::Document> ReadDocxBytes(std::string_view bytes, const std::string& name,
                                        const ReadOptions& options) {
  auto package = ZipPackage::Open(bytes, name, options.limits);
  if (!package) return tl::unexpected(package.error());
  Reader reader(name, options, &*package);
  return reader.Run();
}

Expected<model::Document> ReadDocx(const std::string& path, const ReadOptions& options) {
  auto bytes = ReadFileCapped(path, options.limits.max_package_bytes);
  if (!bytes) return tl::unexpected(bytes.error());
  return ReadDocxBytes(*bytes, path, options);
}

}  // namespace clausegap::docx
