// poppler's part of the PDF reader: ExtractParagraphs. Kept out of the
// clausegap executable, which reads PDFs through the helper executable
// clausegap-pdf (pdf/poppler/helper_main.cc): loading libpoppler and the
// libraries it needs costs a process about 10 ms of CPU at start-up. Linked
// into the helper, the library, the Python module, tests and fuzzers.
#include <climits>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include "pdf/reader.h"

namespace clausegap::pdf {
namespace {

std::string MiB(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

// poppler reports syntax errors of damaged files on stderr; they are not the
// user's business (the file's error, if any, is reported once, here).
void Quiet(const std::string&, void*) {}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(Quiet, nullptr); });
}

std::size_t CountText(const std::vector<Paragraph>& paragraphs) {
  std::size_t count = 0;
  for (const Paragraph& p : paragraphs) {
    for (char c : p.text) {
      unsigned char u = static_cast<unsigned char>(c);
      // Code points, spaces aside (a lead byte or a visible ASCII character).
      if ((u & 0xC0) != 0x80 && u > ' ') ++count;
    }
  }
  return count;
}

}  // namespace

Expected<std::vector<Paragraph>> ExtractParagraphs(std::string_view bytes, const std::string& name,
                                                   const PdfLimits& limits) {
  SilencePoppler();
  if (bytes.size() > limits.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return MakeError(ErrorCode::kTooLarge, name + ": PDF larger than " + MiB(limits.max_bytes));
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    return MakeError(ErrorCode::kCorruptPdf, name + ": damaged PDF (poppler cannot open it)");
  }
  if (document->is_locked()) {
    return MakeError(ErrorCode::kEncrypted,
                     name + ": encrypted PDF: it needs a password to open; save a copy without "
                            "a password first (パスワードで保護された PDF です。保護を解除した写しで"
                            "再度実行してください)");
  }
  int count = document->pages();
  if (count > limits.max_pages) {
    return MakeError(ErrorCode::kTooLarge, name + ": PDF has " + std::to_string(count) +
                                               " pages, more than " +
                                               std::to_string(limits.max_pages));
  }
  if (count <= 0) return MakeError(ErrorCode::kCorruptPdf, name + ": damaged PDF (no pages)");
  std::vector<Page> pages(static_cast<std::size_t>(count));
  std::uint64_t text_bytes = 0;
  for (int i = 0; i < count; ++i) {
    std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) continue;  // an unreadable page reads as empty
    Page& out = pages[static_cast<std::size_t>(i)];
    poppler::rectf box = page->page_rect();
    out.width = box.width();
    out.height = box.height();
    for (const poppler::text_box& word : page->text_list()) {
      poppler::byte_array utf8 = word.text().to_utf8();
      text_bytes += utf8.size();
      if (text_bytes > limits.max_text_bytes) {
        return MakeError(ErrorCode::kTooLarge,
                         name + ": PDF text larger than " + MiB(limits.max_text_bytes));
      }
      poppler::rectf b = word.bbox();
      out.words.push_back(Word{std::string(utf8.begin(), utf8.end()), b.left(), b.top(),
                               b.right(), b.bottom()});
    }
  }
  std::vector<Paragraph> paragraphs = LayoutParagraphs(pages);
  std::size_t text = CountText(paragraphs);
  if (text < 20 || text < 5 * static_cast<std::size_t>(count)) {
    return MakeError(ErrorCode::kNoTextLayer,
                     name + ": no text layer (a scanned PDF?): OCR it first (テキスト層がありません。"
                            "OCR 処理をしてから再度実行してください)");
  }
  return paragraphs;
}

}  // namespace clausegap::pdf
