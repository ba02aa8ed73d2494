// Test helpers: a document from lines of text, analysed and evaluated with
// the default pack. Not thread-safe (shares one Tagger).
#ifndef CLAUSEGAP_TESTS_ENGINE_ENGINE_TEST_UTIL_H_
#define CLAUSEGAP_TESTS_ENGINE_ENGINE_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "engine/result.h"
#include "model/document.h"

namespace clausegap::engine::testing {

/// Returns a document whose body paragraphs are |lines|.
model::Document DocumentFromLines(const std::vector<std::string>& lines);

/// Returns the shared tagger over the system dictionaries (aborts the test if missing).
tokenize::Tagger& SharedTagger();

/// Returns the report of |pack| (default pack when null) on |lines|.
DocumentReport Check(const std::vector<std::string>& lines, std::shared_ptr<const RulePack> pack = nullptr);

/// Returns the result for requirement |id| in |report| (fails the test when absent).
const RequirementResult& Find(const DocumentReport& report, const std::string& id);

/// Returns the status name of |id| on |lines| with the default pack.
std::string StatusOf(const std::vector<std::string>& lines, const std::string& id);

}  // namespace clausegap::engine::testing

#endif  // CLAUSEGAP_TESTS_ENGINE_ENGINE_TEST_UTIL_H_
