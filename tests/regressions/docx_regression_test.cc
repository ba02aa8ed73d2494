// Regression tests for .docx inputs found with fuzz/docx_xml_fuzzer and
// fuzz/docx_reader_fuzzer (see fuzz/README.md). The packages are built by
// fuzz/package_builder.h, as the XML fuzzer builds them.
#include <doctest/doctest.h>

#include <string>

#include "../../fuzz/package_builder.h"
#include "docx/reader.h"
#include "structure/structure.h"

namespace clausegap {
namespace {

constexpr const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string Cell(const std::string& span, const std::string& text) {
  return "<w:tc><w:tcPr><w:gridSpan w:val=\"" + span + "\"/></w:tcPr><w:p><w:r><w:t>" + text +
         "</w:t></w:r></w:p></w:tc>";
}

// Found by a hostile seed run through docx_xml_fuzzer (UBSan): the column
// index of the next cell was column + gridSpan, which overflowed int for
// w:gridSpan="2147483647".
TEST_CASE("a huge w:gridSpan does not overflow the next cell's column") {
  const std::string document = std::string("<w:document ") + kW + "><w:body><w:tbl><w:tr>" +
                               Cell("2147483647", "項目") + Cell("2147483647", "内容") + Cell("-5", "備考") +
                               "</w:tr></w:tbl></w:body></w:document>";
  auto doc = docx::ReadDocxBytes(fuzz::PackageFromXmlParts(document), "span.docx");
  REQUIRE_MESSAGE(doc, (doc ? "" : doc.error().message));
  REQUIRE(doc->blocks.size() == 3);
  CHECK(doc->blocks[0].cell.column == 0);
  CHECK(doc->blocks[1].cell.column > doc->blocks[0].cell.column);
  CHECK(doc->blocks[2].cell.column > doc->blocks[1].cell.column);
  for (const auto& block : doc->blocks) CHECK(block.cell.row == 0);
  structure::Analyze(*doc);
}

}  // namespace
}  // namespace clausegap
