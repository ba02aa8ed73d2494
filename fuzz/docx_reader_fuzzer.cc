// libFuzzer target: a whole .docx package, as bytes, through the reader
// (both views) and the structure stage. Any crash, sanitizer report, hang or
// runaway allocation is a bug; an Error result is the expected outcome for
// almost every input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "docx/reader.h"
#include "structure/structure.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausegap;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  docx::ReadOptions options;
  auto signed_view = docx::ReadDocxBytes(bytes, "fuzz.docx", options);
  if (!signed_view) return 0;
  structure::Analyze(*signed_view);
  options.view = model::View::kOriginal;
  if (auto original = docx::ReadDocxBytes(bytes, "fuzz.docx", options)) structure::Analyze(*original);
  return 0;
}
