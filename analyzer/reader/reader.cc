#include "reader/reader.h"

#include <algorithm>
#include <utility>

#include "base/file.h"
#include "docx/zip_package.h"
#include "reader/convert.h"

namespace clausegap::reader {

bool LooksLikeRtf(std::string_view bytes) { return bytes.substr(0, 5) == "{\\rtf"; }

Expected<model::Document> ReadDocument(const std::string& name, const std::string& path,
                                       std::string_view bytes, const Options& options,
                                       std::optional<std::string>* read_bytes) {
  std::optional<std::string> local;
  std::optional<std::string>& owned = read_bytes ? *read_bytes : local;
  owned.reset();
  if (!path.empty()) {
    auto read = ReadFileCapped(path, std::max(options.limits.max_package_bytes, options.pdf.max_bytes));
    if (!read) return tl::unexpected(read.error());
    owned = std::move(*read);
    bytes = *owned;
  }
  if (pdf::LooksLikePdf(bytes)) return pdf::ReadPdfBytes(bytes, name, options.pdf);
  std::string_view legacy;
  if (LooksLikeRtf(bytes)) {
    legacy = "rtf";
  } else if (auto sniff = docx::SniffPackage(bytes, name);
             !sniff && sniff.error().code == ErrorCode::kLegacyDoc) {
    legacy = "doc";
  }
  if (legacy.empty()) return docx::ReadDocxBytes(bytes, name, options);
  if (!options.convert_legacy) {
    if (legacy == "doc") return docx::ReadDocxBytes(bytes, name, options);  // its own message
    return MakeError(ErrorCode::kLegacyDoc,
                     name + ": Rich Text Format (.rtf); save it as .docx first, or check it with "
                            "--convert-legacy (needs LibreOffice)");
  }
  auto converted = ConvertToDocx(bytes, legacy, name, options.convert_seconds);
  if (!converted) return tl::unexpected(converted.error());
  auto document = docx::ReadDocxBytes(*converted, name, options);
  if (document) document->converted_from = std::string(legacy);
  return document;
}

}  // namespace clausegap::reader
