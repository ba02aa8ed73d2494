#include "cli/pipeline.h"

#include <exception>
#include <future>
#include <utility>

#include "base/sha256.h"
#include "classify/classify.h"
#include "report/printer.h"
#include "structure/structure.h"

namespace clausegap::cli {

Expected<Analyzer> LoadAnalyzer(bool default_rules, const std::vector<std::string>& rules,
                                engine::EngineOptions options) {
  std::vector<std::string> rule_paths;
  if (default_rules) {
    auto dir = engine::FindDefaultRules();
    if (!dir) return tl::unexpected(dir.error());
    rule_paths.push_back(*dir);
  }
  rule_paths.insert(rule_paths.end(), rules.begin(), rules.end());
  if (rule_paths.empty()) {
    return MakeError(ErrorCode::kUsage, "no rule pack: --no-default-rules needs --rules FILE|DIR");
  }
  // The pack parses while MeCab maps its dictionaries: for one contract
  // checked as its own process, loading is most of the time.
  auto pack_future = std::async(std::launch::async,
                                [&rule_paths] { return engine::LoadRulePacks(rule_paths); });
  auto dictionaries = tokenize::FindDictionaries();
  Expected<std::shared_ptr<const tokenize::Model>> model =
      dictionaries ? tokenize::Model::Load(*dictionaries)
                   : Expected<std::shared_ptr<const tokenize::Model>>(
                         tl::unexpected(dictionaries.error()));
  auto pack = pack_future.get();
  // A broken pack is reported before a missing dictionary.
  if (!pack) return tl::unexpected(pack.error());
  if (!model) return tl::unexpected(model.error());
  return Analyzer{*pack, *model, std::make_shared<const engine::Engine>(*pack, std::move(options))};
}

engine::DocumentReport ErrorReport(const std::string& name, const Error& error) {
  engine::DocumentReport report;
  report.file = name;
  report.ok = false;
  report.error_code = std::string(ErrorCodeName(error.code));
  report.error = error.message;
  return report;
}

namespace {

// Sets Evidence::page from the block it cites (PDFs know their pages).
void FillPages(const model::Document& document, engine::DocumentReport* report) {
  auto fill = [&](std::vector<engine::Evidence>& list) {
    for (engine::Evidence& e : list) {
      if (e.page < 0 && e.block >= 0 && e.block < static_cast<int>(document.blocks.size())) {
        e.page = document.blocks[static_cast<std::size_t>(e.block)].page;
      }
    }
  };
  for (engine::RequirementResult& r : report->requirements) {
    fill(r.evidence);
    for (engine::ElementResult& element : r.elements) fill(element.evidence);
  }
}

}  // namespace

void Fingerprint(const DocumentSource& source, engine::DocumentReport* report) {
  if (source.path.empty()) {
    report->sha256 = Sha256Hex(source.bytes);
    report->size = static_cast<std::int64_t>(source.bytes.size());
    return;
  }
  auto digest = DigestFile(source.path);
  if (!digest) return;  // the reader says why the file cannot be read
  report->sha256 = digest->sha256;
  report->size = static_cast<std::int64_t>(digest->size);
}

engine::DocumentReport AnalyseDocument(const DocumentSource& source, const Analyzer& analyzer,
                                       tokenize::Tagger& tagger, const reader::Options& options,
                                       bool with_text) {
  auto document = reader::ReadDocument(source.name, source.path, source.bytes, options);
  if (!document) {
    engine::DocumentReport report = ErrorReport(source.name, document.error());
    Fingerprint(source, &report);
    return report;
  }
  try {
    structure::Structure structure = structure::Analyze(*document);
    engine::DocumentReport report = analyzer.engine->Evaluate(*document, structure, tagger);
    report.file = source.name;
    report.kind = classify::KindId(classify::Classify(structure));
    Fingerprint(source, &report);
    report.converted_from = document->converted_from;
    FillPages(*document, &report);
    if (with_text) report.text = report::ContractText(structure);
    return report;
  } catch (const std::exception& e) {
    // The analysis never fails by contract; should it throw anyway, this
    // document is reported as unreadable and the run goes on.
    return ErrorReport(source.name, Error{ErrorCode::kUnsupported,
                                          source.name + ": internal error: " + e.what()});
  }
}

}  // namespace clausegap::cli
