#include "engine/engine_test_util.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "engine/rule_pack.h"
#include "structure/structure.h"
#include "tokenize/tokenizer.h"

namespace clausegap::engine::testing {

model::Document DocumentFromLines(const std::vector<std::string>& lines) {
  model::Document doc;
  doc.file = "inline.docx";
  doc.main_part = "word/document.xml";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    model::Block b;
    b.part = doc.main_part;
    b.index = static_cast<int>(i);
    b.text = lines[i];
    doc.blocks.push_back(b);
  }
  return doc;
}

tokenize::Tagger& SharedTagger() {
  static std::unique_ptr<tokenize::Tagger> tagger = [] {
    // The tests run from build/tests; the user dictionary is built at the top.
    std::string dic = std::string(CLAUSEGAP_BINARY_DIR) + "/legal.dic";
    if (std::FILE* f = std::fopen(dic.c_str(), "rb")) {
      std::fclose(f);
      setenv("CLAUSEGAP_USERDIC", dic.c_str(), /*overwrite=*/0);
    }
    auto paths = tokenize::FindDictionaries();
    if (!paths) {
      std::cerr << "dictionaries: " << paths.error().message << "\n";
      std::abort();
    }
    auto model = tokenize::Model::Load(*paths);
    if (!model) {
      std::cerr << "model: " << model.error().message << "\n";
      std::abort();
    }
    return std::make_unique<tokenize::Tagger>(*model);
  }();
  return *tagger;
}

static std::shared_ptr<const RulePack> DefaultPack() {
  static std::shared_ptr<const RulePack> pack = [] {
    auto loaded = LoadRulePacks({std::string(CLAUSEGAP_SOURCE_DIR) + "/rules"});
    if (!loaded) {
      std::cerr << loaded.error().message << "\n";
      std::abort();
    }
    return *loaded;
  }();
  return pack;
}

DocumentReport Check(const std::vector<std::string>& lines, std::shared_ptr<const RulePack> pack) {
  model::Document doc = DocumentFromLines(lines);
  structure::Structure st = structure::Analyze(doc);
  Engine engine(pack ? pack : DefaultPack());
  return engine.Evaluate(doc, st, SharedTagger());
}

const RequirementResult& Find(const DocumentReport& report, const std::string& id) {
  for (const RequirementResult& r : report.requirements)
    if (r.id == id) return r;
  FAIL("no requirement " << id);
  static RequirementResult none;
  return none;
}

std::string StatusOf(const std::vector<std::string>& lines, const std::string& id) {
  return StatusName(Find(Check(lines), id).status);
}

}  // namespace clausegap::engine::testing
