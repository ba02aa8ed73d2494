// libFuzzer target: the OOXML parts themselves. The input is cut at NUL
// bytes into document.xml, styles.xml, numbering.xml, footnotes.xml and
// comments.xml, stored in a valid package (fuzz/package_builder.h) and read
// like docx_reader_fuzzer does. Mutating a real package mostly breaks its
// CRCs or deflate streams; this target reaches the XML walker instead.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
  options.view = model::View::kOriginal;
  if (auto original = docx::ReadDocxBytes(package, "fuzz.docx", options)) structure::Analyze(*original);
  return 0;
}
