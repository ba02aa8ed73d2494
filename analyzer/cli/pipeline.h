// The analysis pipeline shared by `check` and `diff`: what is loaded once per
// run (rule packs, the MeCab model) and the steps from one input to its
// report (read → structure → evaluate).
//
// An Analyzer is immutable once loaded and shared by every worker thread;
// each thread brings its own tokenize::Tagger. AnalyseDocument never throws.
#ifndef CLAUSEGAP_CLI_PIPELINE_H_
#define CLAUSEGAP_CLI_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "reader/reader.h"
#include "engine/engine.h"
#include "engine/result.h"
#include "engine/rule_pack.h"
#include "tokenize/tokenizer.h"

namespace clausegap::cli {

/// What evaluating documents needs, loaded once per run.
struct Analyzer {
  std::shared_ptr<const engine::RulePack> pack;
  std::shared_ptr<const tokenize::Model> model;
  std::shared_ptr<const engine::Engine> engine;
};

/// Loads the default rule pack (unless |default_rules| is false), then
/// |rules| in order, then the dictionaries. Returns kUsage when no pack is
/// left, or the loaders' kInvalidRules / kDictionary errors.
/// |options| (e.g. --vendor) are passed to the engine.
Expected<Analyzer> LoadAnalyzer(bool default_rules, const std::vector<std::string>& rules,
                                engine::EngineOptions options = {});

/// Returns the report of an input that could not be read (ok = false).
engine::DocumentReport ErrorReport(const std::string& name, const Error& error);

/// One document to analyse: a file on disk (|path|) or bytes already in
/// memory (an archive member), reported under |name|.
struct DocumentSource {
  std::string name;
  std::string path;        ///< read from disk when not empty
  std::string_view bytes;  ///< used when |path| is empty
};

/// Sets |report|'s sha256 and size from |source|'s bytes (read again from
/// disk for a file); leaves them unset when the file cannot be read.
void Fingerprint(const DocumentSource& source, engine::DocumentReport* report);

/// Reads (any format reader::ReadDocument reads), segments, classifies and
/// evaluates |source| (with its SHA-256 and size, also for a document that
/// cannot be parsed); evidence from a PDF gets its page. An unreadable document, or an
/// analysis that throws (it should not), gives an ErrorReport. Fills
/// DocumentReport::text when |with_text| (printers that show the contract).
engine::DocumentReport AnalyseDocument(const DocumentSource& source, const Analyzer& analyzer,
                                       tokenize::Tagger& tagger, const reader::Options& options,
                                       bool with_text);

}  // namespace clausegap::cli

#endif  // CLAUSEGAP_CLI_PIPELINE_H_
