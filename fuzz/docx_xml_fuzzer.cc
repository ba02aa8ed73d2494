// libFuzzer target: the OOXML parts themselves. The input is cut at NUL
// bytes into document.xml, styles.xml, numbering.xml, footnotes.xml and
// comments.xml, stored in a valid package (fuzz/package_builder.h) and read
// like docx_reader_fuzzer does, then annotated (a comment on the middle of
// every block, one across the first and last, an insertion after the first)
// and the annotated package read again. Mutating a real package mostly
// breaks its CRCs or deflate streams; this target reaches the XML walker
// and the annotation writer instead.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "docx/annotate.h"
#include "docx/reader.h"
#include "package_builder.h"
#include "structure/structure.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausegap;
  const std::string package =
      fuzz::PackageFromXmlParts(std::string_view(reinterpret_cast<const char*>(data), size));
  docx::ReadOptions options;
  auto signed_view = docx::ReadDocxBytes(package, "fuzz.docx", options);
  if (!signed_view) return 0;
  structure::Analyze(*signed_view);

  docx::Annotations annotations;
  const int blocks = static_cast<int>(signed_view->blocks.size());
  for (int b = 0; b < blocks; ++b) {
    const std::size_t length = signed_view->blocks[static_cast<std::size_t>(b)].text.size();
    docx::NewComment comment;
    comment.range.begin = {b, length / 3};
    comment.range.end = {b, length - length / 3};
    comment.text = "c\nd";
    annotations.comments.push_back(comment);
  }
  if (blocks > 0) {
    docx::NewComment across;
    across.range.begin = {0, 1};
    across.range.end = {blocks - 1, 1};
    annotations.comments.push_back(across);
    annotations.insertions.push_back({0, {{"a\tb\nc", 0}, {"d", blocks - 1}}, "x", "2026-01-01T00:00:00Z"});
  }
  if (auto annotated = docx::AnnotateDocx(package, "fuzz.docx", *signed_view, annotations)) {
    if (auto reread = docx::ReadDocxBytes(annotated->bytes, "fuzz.docx", options)) structure::Analyze(*reread);
  }
  options.view = model::View::kOriginal;
  if (auto original = docx::ReadDocxBytes(package, "fuzz.docx", options)) structure::Analyze(*original);
  return 0;
}
