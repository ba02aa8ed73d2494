// `clausegap structure FILE [--format text|json] [--original]`: the article
// tree of a contract with labels, headings and sentences.
//
// JSON wire format, schema "clausegap/structure/v1" (one object on stdout):
//   {
//     "schema": "clausegap/structure/v1",
//     "file": "<path as given>",
//     "view": "signed" | "original",
//     "title": "<title or empty>",
//     "numbered_clauses": <bool: the contract numbers 1. / 1.1, not 第N条>,
//     "sections": [{"name": "別紙1", "title": "…", "block": <int>,
//                   "first_article": <int>, "end_article": <int>}],
//     "articles": [{"index": <int>, "section": "" | "別紙" …, "number": "5の2",
//                   "label": "第5条の2", "heading": "目的", "block": <int>,
//                   "sentences": [<sentence>…]}],
//     "sentences": [<sentence>…]   // every sentence, in reading order
//   }
// where <sentence> is
//   {"index": <int into "sentences">, "zone": "title" | "preamble" | "article" |
//    "signature" | "other", "label": "第5条第2項第1号" | "", "article": <int | -1>,
//    "paragraph": <int, 0 = none>, "item": <int, 0 = none>, "sub_item": <int>,
//    "block": <int into the document's blocks>, "begin": <byte offset in the
//    block's text>, "text": "<exactly as written>", "proviso": <bool>,
//    "proviso_of": <int | -1>, "continued": <bool>}
// Errors: "clausegap: <path: cause>" on stderr, exit 2.
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "reader/reader.h"
#include "structure/structure.h"

namespace clausegap::cli {
namespace {

struct StructureConfig {
  std::string file;
  std::string format = "text";
  bool original = false;
};

nlohmann::json SentenceJson(const structure::Structure& s, int index) {
  const structure::Sentence& sentence = s.sentences[index];
  return {{"index", index},
          {"zone", structure::ZoneName(sentence.zone)},
          {"label", sentence.label},
          {"label_as_written", sentence.written_label},
          {"article", sentence.article},
          {"paragraph", sentence.paragraph},
          {"item", sentence.item},
          {"sub_item", sentence.sub_item},
          {"block", sentence.block},
          {"begin", sentence.begin},
          {"text", sentence.text},
          {"proviso", sentence.proviso},
          {"proviso_of", sentence.proviso_of},
          {"continued", sentence.continued}};
}

void PrintJson(const model::Document& doc, const structure::Structure& s) {
  nlohmann::json out;
  out["schema"] = "clausegap/structure/v1";
  out["file"] = doc.file;
  out["view"] = doc.view == model::View::kOriginal ? "original" : "signed";
  out["title"] = s.title;
  out["numbered_clauses"] = s.numbered_clauses;
  out["sections"] = nlohmann::json::array();
  for (const structure::Section& section : s.sections) {
    out["sections"].push_back({{"name", section.name},
                               {"title", section.title},
                               {"block", section.heading_block},
                               {"first_article", section.first_article},
                               {"end_article", section.end_article}});
  }
  out["articles"] = nlohmann::json::array();
  for (std::size_t a = 0; a < s.articles.size(); ++a) {
    const structure::Article& article = s.articles[a];
    nlohmann::json sentences = nlohmann::json::array();
    for (int i = article.first_sentence; i < article.end_sentence; ++i) {
      if (s.sentences[i].article == static_cast<int>(a)) sentences.push_back(SentenceJson(s, i));
    }
    out["articles"].push_back({{"index", a},
                               {"section", article.section},
                               {"number", article.number},
                               {"label", article.label},
                               {"label_as_written", article.written_label},
                               {"heading", article.heading},
                               {"block", article.heading_block},
                               {"sentences", std::move(sentences)}});
  }
  out["sentences"] = nlohmann::json::array();
  for (std::size_t i = 0; i < s.sentences.size(); ++i) {
    out["sentences"].push_back(SentenceJson(s, static_cast<int>(i)));
  }
  // Invalid UTF-8 in the document is shown as U+FFFD rather than failing.
  std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

// One sentence line: "  <label>  <text>", provisos marked.
void PrintSentence(const structure::Structure& s, int i, const char* indent) {
  const structure::Sentence& sentence = s.sentences[i];
  std::cout << indent;
  if (!sentence.label.empty()) std::cout << sentence.label << "  ";
  if (sentence.proviso) std::cout << "[proviso of #" << sentence.proviso_of << "] ";
  std::cout << "#" << i << " " << sentence.text << (sentence.continued ? " …" : "") << "\n";
}

void PrintText(const model::Document& doc, const structure::Structure& s) {
  std::cout << doc.file << "\n";
  std::cout << "title: " << (s.title.empty() ? "(none)" : s.title) << "\n";
  structure::Zone zone = structure::Zone::kOther;
  int article = -2;
  std::string section;
  for (std::size_t i = 0; i < s.sentences.size(); ++i) {
    const structure::Sentence& sentence = s.sentences[i];
    if (sentence.zone == structure::Zone::kTitle) continue;
    if (sentence.zone == structure::Zone::kArticle && sentence.article != article) {
      article = sentence.article;
      const structure::Article& a = s.articles[article];
      if (a.section != section) {
        section = a.section;
        if (!section.empty()) std::cout << "[" << section << "]\n";
      }
      std::cout << a.label;
      if (!a.heading.empty()) std::cout << "（" << a.heading << "）";
      std::cout << "\n";
    } else if (sentence.zone != structure::Zone::kArticle && sentence.zone != zone) {
      std::cout << structure::ZoneName(sentence.zone) << ":\n";
      article = -2;
    }
    zone = sentence.zone;
    PrintSentence(s, static_cast<int>(i), "  ");
  }
}

}  // namespace

Runner SetupStructure(CLI::App* sub) {
  auto config = std::make_shared<StructureConfig>();
  sub->add_option("FILE", config->file, "The .docx to segment")->required();
  sub->add_option("--format", config->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--original", config->original,
                "Read the text with every tracked change rejected (default: as signed)");
  return [config] {
    reader::Options options;
    options.view = config->original ? model::View::kOriginal : model::View::kSigned;
    Expected<model::Document> doc = reader::ReadDocument(config->file, config->file, {}, options);
    if (!doc) {
      std::cerr << "clausegap: " << doc.error().message << "\n";
      return static_cast<int>(kExitError);
    }
    structure::Structure s = structure::Analyze(*doc);
    if (config->format == "json") {
      PrintJson(*doc, s);
    } else {
      PrintText(*doc, s);
    }
    std::cout.flush();
    return std::cout ? static_cast<int>(kExitOk) : static_cast<int>(kExitError);
  };
}

}  // namespace clausegap::cli
