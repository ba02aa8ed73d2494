// Any supported input → the document model: picks the reader by the file's
// content, not its name — .docx/.docm/.dotx packages (docx/), PDFs with a
// text layer (pdf/), and, when asked for, legacy .doc and .rtf files
// converted to .docx by LibreOffice (reader/convert.h).
//
// Thread-safe: ReadDocument may run on many threads at once.
#ifndef CLAUSEGAP_READER_READER_H_
#define CLAUSEGAP_READER_READER_H_

#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"
#include "docx/reader.h"
#include "model/document.h"
#include "pdf/reader.h"

namespace clausegap::reader {

/// How documents are read: the .docx view and caps, the PDF caps, and
/// whether legacy files are converted.
struct Options : docx::ReadOptions {
  pdf::PdfLimits pdf;
  /// Convert .doc / .rtf with LibreOffice (--convert-legacy, config
  /// "convert_legacy"). Default: false, since it takes seconds per file.
  bool convert_legacy = false;
  /// Wall-clock seconds one conversion may take. Default: 120.
  int convert_seconds = 120;
};

/// Returns whether |bytes| start like an RTF file ("{\rtf").
bool LooksLikeRtf(std::string_view bytes);

/// Reads the document at |path| (when not empty) or in |bytes|, reported
/// under |name|. Errors are those of the reader chosen: docx::ReadDocx,
/// pdf::ReadPdf, or kLegacyDoc / kConversion for legacy files. When
/// |read_bytes| is given and |path| is read, the bytes read are left there,
/// so that a digest is of exactly what was analysed (the file is not read
/// twice); it stays empty when the file cannot be read.
Expected<model::Document> ReadDocument(const std::string& name, const std::string& path,
                                       std::string_view bytes, const Options& options,
                                       std::optional<std::string>* read_bytes = nullptr);

}  // namespace clausegap::reader

#endif  // CLAUSEGAP_READER_READER_H_
