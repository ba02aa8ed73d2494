// Reads a PDF contract with a text layer into the document model, through
// poppler's C++ API: its words, read top to bottom and left to right, laid out into
// paragraphs by pdf/layout.h, one kParagraph block per paragraph with its page.
//
// A hostile PDF must neither crash nor stall a batch: by default poppler runs
// in a child process (the helper executable, see SetIsolationHelper) with a
// CPU-time and address-space limit and a wall-clock deadline, and only the paragraphs come back through a pipe; whatever
// happens in the child (crash, stall, out of memory) becomes an Error here.
// Thread-safe: ReadPdf may run on many threads at once.
#ifndef CLAUSEGAP_PDF_READER_H_
#define CLAUSEGAP_PDF_READER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "model/document.h"
#include "pdf/layout.h"

namespace clausegap::pdf {

/// Caps that bound time and memory on hostile input.
struct PdfLimits {
  /// Largest PDF file accepted. Default: 256 MiB.
  std::uint64_t max_bytes = 256ull << 20;
  /// Most pages read. Default: 2000.
  int max_pages = 2000;
  /// Most text kept, in bytes of UTF-8. Default: 32 MiB.
  std::uint64_t max_text_bytes = 32ull << 20;
  /// Wall-clock seconds per file (also its CPU-time limit). Default: 60.
  int seconds = 60;
  /// Address space the reader may add to the process's, in bytes. Default: 2 GiB.
  std::uint64_t max_memory_bytes = 2ull << 30;
  /// Run poppler in a child process under the limits above. Default: true;
  /// false runs it in this process (the fuzzer, which wants to see crashes).
  bool isolate = true;
};

/// The hidden subcommand of the executable that serves isolated reads.
inline constexpr const char* kHelperCommand = "__pdf-text";

/// The executable that serves them (pdf/poppler/helper_main.cc): beside
/// clausegap in a build tree, in <prefix>/libexec/clausegap once installed.
inline constexpr const char* kHelperExecutable = "clausegap-pdf";

/// Makes isolated reads exec |executable| (which must answer kHelperCommand
/// through RunIsolationHelper) instead of forking this process: a
/// multi-threaded program must, since a forked copy of it may inherit a lock
/// another thread held. Call once at start-up, before any thread.
void SetIsolationHelper(std::string executable);

/// Returns the helper executable for a program in |dir|: |dir|/clausegap-pdf
/// (a build tree) or |dir|/../libexec/clausegap/clausegap-pdf (an install or
/// bundle); "" when neither is there.
std::string FindHelper(const std::string& dir);

/// Serves one isolated read: `EXE __pdf-text NAME SECONDS PAGES TEXT MEMORY`
/// with the PDF on standard input; writes the reply to standard output.
/// Returns the process's exit status.
int RunIsolationHelper(int argc, char** argv);

/// Returns whether |bytes| are a PDF file ("%PDF-" within the first KiB).
bool LooksLikePdf(std::string_view bytes);

/// Reads the PDF at |path|. Returns the document, or an Error whose message
/// starts with |path|: kNoTextLayer (a scan), kEncrypted (a password is
/// needed), kCorruptPdf (unparsable, or the reader crashed or stalled),
/// kTooLarge (a limit), kIo.
Expected<model::Document> ReadPdf(const std::string& path, const PdfLimits& limits = {});

/// Same as ReadPdf for a PDF already in memory, reported under |name|.
Expected<model::Document> ReadPdfBytes(std::string_view bytes, const std::string& name,
                                       const PdfLimits& limits = {});

/// Runs poppler on |bytes| in this process, without isolation, and returns
/// the laid-out paragraphs (ReadPdfBytes' errors but the crash and stall ones).
/// Defined in pdf/poppler/extract.cc (target clausegap_pdf_poppler), which a
/// program links to read PDFs in process or in a forked copy of itself;
/// without it those reads fail with kUnsupported.
Expected<std::vector<Paragraph>> ExtractParagraphs(std::string_view bytes, const std::string& name,
                                                   const PdfLimits& limits);

}  // namespace clausegap::pdf

#endif  // CLAUSEGAP_PDF_READER_H_
