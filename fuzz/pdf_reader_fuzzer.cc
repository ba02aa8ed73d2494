// libFuzzer target: the PDF path. The first byte picks what the rest is:
// - even: a PDF file, read by pdf::ReadPdfBytes as `check` reads it (poppler
//   isolated in a child process under a 5 s limit), then structure::Analyze;
//   poppler is a system library, so what is fuzzed here is clausegap's side:
//   the isolation, the pipe protocol and every error path;
// - odd: positioned words (text NUL x0 y0 x1 y1 as bytes, pages split by a
//   0x0C byte) through pdf::LayoutParagraphs, the page-geometry code.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pdf/layout.h"
#include "pdf/reader.h"
#include "structure/structure.h"

namespace {

using clausegap::pdf::Page;
using clausegap::pdf::Word;

std::vector<Page> DecodePages(std::string_view in) {
  std::vector<Page> pages(1, Page{595, 842, {}});
  while (!in.empty()) {
    if (in.front() == '\x0C') {
      pages.push_back(Page{595, 842, {}});
      in.remove_prefix(1);
      continue;
    }
    std::size_t nul = in.find('\0');
    if (nul == std::string_view::npos || in.size() < nul + 5) break;
    Word w;
    w.text = std::string(in.substr(0, nul));
    auto coordinate = [&](std::size_t k) {
      return static_cast<double>(static_cast<unsigned char>(in[nul + 1 + k])) * 4.0;
    };
    w.x0 = coordinate(0);
    w.y0 = coordinate(1);
    w.x1 = coordinate(2);
    w.y1 = coordinate(3);
    pages.back().words.push_back(std::move(w));
    in.remove_prefix(nul + 5);
  }
  return pages;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clausegap;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    pdf::PdfLimits limits;
    limits.seconds = 5;
    limits.max_pages = 200;
    if (auto document = pdf::ReadPdfBytes(rest, "fuzz.pdf", limits)) structure::Analyze(*document);
  } else {
    for (const pdf::Paragraph& p : pdf::LayoutParagraphs(DecodePages(rest))) {
      pdf::StartsWithMarker(p.text);
      pdf::IsPageNumber(p.text);
    }
  }
  return 0;
}
