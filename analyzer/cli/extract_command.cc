// `clausegap extract FILE [--format text|json] [--original]`: prints the
// document model the reader builds, for people (text) and tools (json).
//
// Text format, one line per block in Document::blocks order:
//   - body paragraphs, table cells and text boxes (in reading order):
//     "<label> <text>", or "<text>" when the paragraph has no rendered label;
//   - headers, footers, footnotes and endnotes (after the body) get a prefix
//     naming their kind: "[header] …", "[footer] …", "[footnote 2] …",
//     "[endnote 1] …";
//   - then one line per reviewer comment, kept apart from the contract text:
//     "[comment <id> <author>] <text> «<anchor text>»".
//   Line breaks inside a paragraph (w:br) print as a space; tabs as tabs.
//
// JSON format (schema "clausegap/extract/v1"), one object:
//   {"schema": "clausegap/extract/v1", "file": FILE, "main_part": …,
//    "strict": bool, "view": "signed"|"original",
//    "blocks": [{"kind": "paragraph"|"table-cell"|"text-box"|"header"|"footer"|
//                        "footnote"|"endnote",
//                "part": …, "index": N, "label": …, "style": …, "text": …,
//                "style_name": …, "outline_level": N|null, "num_level": N|null,
//                "has_revision": bool,
//                "cell": {"table", "row", "column", "depth"}  (table-cell only)}],
//    "revisions": [{"kind": "insertion"|"deletion"|"move-from"|"move-to"|
//                   "paragraph-insertion"|"paragraph-deletion"|"format",
//                   "author", "date", "text", "part", "paragraph", "block"}],
//    "comments": [{"id", "author", "date", "text", "anchor_text", "block"}],
//    "notes": [{"kind": "footnote"|"endnote", "id", "text", "block"}]}
// "block" fields index "blocks" (-1 when unknown). Errors go to stderr as
// "clausegap: <message>" with exit code 2.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "reader/reader.h"

namespace clausegap::cli {
namespace {

struct ExtractConfig {
  std::string file;
  std::string format = "text";
  bool original = false;
};

std::string OneLine(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

void PrintText(const model::Document& document, std::ostream& out) {
  // Note ids by block, for the "[footnote N]" prefix.
  std::vector<const model::Note*> note_of_block(document.blocks.size(), nullptr);
  std::size_t next = 0;
  for (const model::Note& note : document.notes) {
    model::BlockKind kind = note.kind == model::Note::Kind::kFootnote ? model::BlockKind::kFootnote
                                                                      : model::BlockKind::kEndnote;
    std::size_t lines = 1 + static_cast<std::size_t>(std::count(note.text.begin(), note.text.end(), '\n'));
    for (; next < document.blocks.size() && lines > 0; ++next) {
      if (document.blocks[next].kind != kind) continue;
      note_of_block[next] = &note;
      --lines;
    }
  }
  std::string line;
  for (std::size_t i = 0; i < document.blocks.size(); ++i) {
    const model::Block& block = document.blocks[i];
    line.clear();
    switch (block.kind) {
      case model::BlockKind::kHeader: line = "[header] "; break;
      case model::BlockKind::kFooter: line = "[footer] "; break;
      case model::BlockKind::kFootnote:
      case model::BlockKind::kEndnote:
        line = std::string("[") + model::BlockKindName(block.kind);
        if (note_of_block[i] != nullptr) line += " " + note_of_block[i]->id;
        line += "] ";
        break;
      default: break;
    }
    if (!block.label.empty()) line += block.label + " ";
    line += OneLine(block.text);
    out << line << '\n';
  }
  for (const model::Comment& comment : document.comments) {
    out << "[comment " << comment.id;
    if (!comment.author.empty()) out << ' ' << comment.author;
    out << "] " << OneLine(comment.text);
    if (!comment.anchor_text.empty()) out << " «" << OneLine(comment.anchor_text) << "»";
    out << '\n';
  }
}

nlohmann::json ToJson(const model::Document& document) {
  using nlohmann::json;
  json blocks = json::array();
  for (const model::Block& block : document.blocks) {
    json b = {{"kind", model::BlockKindName(block.kind)},
              {"part", block.part},
              {"index", block.index},
              {"label", block.label},
              {"style", block.style},
              {"text", block.text},
              {"style_name", block.style_name},
              {"outline_level", block.outline_level >= 0 ? json(block.outline_level) : json(nullptr)},
              {"num_level", block.num_level >= 0 ? json(block.num_level) : json(nullptr)},
              {"has_revision", block.has_revision}};
    if (block.kind == model::BlockKind::kTableCell) {
      b["cell"] = {{"table", block.cell.table},
                   {"row", block.cell.row},
                   {"column", block.cell.column},
                   {"depth", block.cell.depth}};
    }
    blocks.push_back(std::move(b));
  }
  json revisions = json::array();
  for (const model::Revision& r : document.revisions) {
    revisions.push_back({{"kind", model::RevisionKindName(r.kind)},
                         {"author", r.author},
                         {"date", r.date},
                         {"text", r.text},
                         {"part", r.part},
                         {"paragraph", r.paragraph},
                         {"block", r.block}});
  }
  json comments = json::array();
  for (const model::Comment& c : document.comments) {
    comments.push_back({{"id", c.id},
                        {"author", c.author},
                        {"date", c.date},
                        {"text", c.text},
                        {"anchor_text", c.anchor_text},
                        {"block", c.block}});
  }
  json notes = json::array();
  for (const model::Note& n : document.notes) {
    notes.push_back({{"kind", n.kind == model::Note::Kind::kFootnote ? "footnote" : "endnote"},
                     {"id", n.id},
                     {"text", n.text},
                     {"block", n.block}});
  }
  return {{"schema", "clausegap/extract/v1"},
          {"file", document.file},
          {"main_part", document.main_part},
          {"strict", document.strict},
          {"view", document.view == model::View::kSigned ? "signed" : "original"},
          {"blocks", std::move(blocks)},
          {"revisions", std::move(revisions)},
          {"comments", std::move(comments)},
          {"notes", std::move(notes)}};
}

int RunExtract(const ExtractConfig& config) {
  reader::Options options;
  options.view = config.original ? model::View::kOriginal : model::View::kSigned;
  auto document = reader::ReadDocument(config.file, config.file, {}, options);
  if (!document) {
    std::cerr << "clausegap: " << document.error().message << '\n';
    return kExitError;
  }
  if (config.format == "json") {
    // Invalid UTF-8 in a document is replaced rather than aborting the dump.
    std::cout << ToJson(*document).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    PrintText(*document, std::cout);
  }
  std::cout.flush();
  return std::cout ? kExitOk : kExitError;
}

}  // namespace

Runner SetupExtract(CLI::App* sub) {
  auto config = std::make_shared<ExtractConfig>();
  sub->add_option("FILE", config->file, "The .docx/.docm/.dotx file to read")->required();
  sub->add_option("--format", config->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--original", config->original,
                "Show the original text (every tracked change rejected) instead of the text as signed");
  return [config] { return RunExtract(*config); };
}

}  // namespace clausegap::cli
