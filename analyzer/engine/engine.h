// The rule engine: evaluates a rule pack on one analysed document.
//
// An Engine is immutable after construction and may be shared between
// threads; Evaluate is const and thread-safe as long as each thread passes its
// own Tagger.
#ifndef CLAUSEGAP_ENGINE_ENGINE_H_
#define CLAUSEGAP_ENGINE_ENGINE_H_

#include <memory>
#include <string>

#include "engine/result.h"
#include "engine/rule_pack.h"
#include "model/document.h"
#include "structure/structure.h"
#include "tokenize/tokenizer.h"

namespace clausegap::engine {

/// The pack's terms indexed for finding them all in one pass (engine.cc).
struct TermIndex;

/// How an Engine reads documents.
struct EngineOptions {
  /// The party that receives or processes the information, as the clauses
  /// name it ("乙", "受託者"), for documents that leave it unclear. Default:
  /// empty, the document's preamble and definitions decide.
  std::string vendor;
};

/// Evaluates every requirement of a pack on one analysed document.
class Engine {
 public:
  /// Builds an engine over |pack| (must not be null).
  explicit Engine(std::shared_ptr<const RulePack> pack, EngineOptions options = {});

  /// Returns the report (ok=true, title from |structure|) with one
  /// RequirementResult per enabled requirement, in pack order. Never fails.
  DocumentReport Evaluate(const model::Document& document,
                          const structure::Structure& structure,
                          tokenize::Tagger& tagger) const;

 private:
  std::shared_ptr<const RulePack> pack_;
  std::shared_ptr<const TermIndex> index_;  // built once from pack_->terms
  EngineOptions options_;
};

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_ENGINE_H_
