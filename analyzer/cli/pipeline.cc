#include "cli/pipeline.h"

#include <exception>

#include "report/printer.h"
#include "structure/structure.h"

namespace clausegap::cli {

Expected<Analyzer> LoadAnalyzer(bool default_rules, const std::vector<std::string>& rules) {
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
  auto pack = engine::LoadRulePacks(rule_paths);
  if (!pack) return tl::unexpected(pack.error());
  auto dictionaries = tokenize::FindDictionaries();
  if (!dictionaries) return tl::unexpected(dictionaries.error());
  auto model = tokenize::Model::Load(*dictionaries);
  if (!model) return tl::unexpected(model.error());
  return Analyzer{*pack, *model, std::make_shared<const engine::Engine>(*pack)};
}

engine::DocumentReport ErrorReport(const std::string& name, const Error& error) {
  engine::DocumentReport report;
  report.file = name;
  report.ok = false;
  report.error_code = std::string(ErrorCodeName(error.code));
  report.error = error.message;
  return report;
}

engine::DocumentReport AnalyseDocument(const DocumentSource& source, const Analyzer& analyzer,
                                       tokenize::Tagger& tagger, const docx::ReadOptions& options,
                                       bool with_text) {
  auto document = source.path.empty() ? docx::ReadDocxBytes(source.bytes, source.name, options)
                                      : docx::ReadDocx(source.path, options);
  if (!document) return ErrorReport(source.name, document.error());
  try {
    structure::Structure structure = structure::Analyze(*document);
    engine::DocumentReport report = analyzer.engine->Evaluate(*document, structure, tagger);
    report.file = source.name;
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
