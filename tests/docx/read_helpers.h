// Shared helpers for the docx tests: read an in-memory package and view it.
#ifndef CLAUSEGAP_TESTS_DOCX_READ_HELPERS_H_
#define CLAUSEGAP_TESTS_DOCX_READ_HELPERS_H_

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "docx/reader.h"
#include "docx/test_package.h"

namespace clausegap::testing {

/// Reads |bytes| or fails the test with the reader's message.
inline model::Document Read(const std::string& bytes, model::View view = model::View::kSigned) {
  docx::ReadOptions options;
  options.view = view;
  auto document = docx::ReadDocxBytes(bytes, "test.docx", options);
  REQUIRE_MESSAGE(document.has_value(), (document ? std::string() : document.error().message));
  return *std::move(document);
}

/// Returns "label text" (or "text") for every block, as `extract` prints them.
inline std::vector<std::string> Lines(const model::Document& document) {
  std::vector<std::string> out;
  for (const model::Block& block : document.blocks) {
    out.push_back(block.label.empty() ? block.text : block.label + " " + block.text);
  }
  return out;
}

/// Returns a paragraph with one run of |text|.
inline std::string P(const std::string& text, const std::string& ppr = "") {
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + "<w:r><w:t xml:space=\"preserve\">" +
         text + "</w:t></w:r></w:p>";
}

using Strings = std::vector<std::string>;

}  // namespace clausegap::testing

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const std::string& line : lines) out += "\"" + line + "\", ";
    out += "}";
    return String(out.c_str());
  }
};
}  // namespace doctest

#endif  // CLAUSEGAP_TESTS_DOCX_READ_HELPERS_H_
