// Errors as values at module boundaries.
//
// Every stage returns `Expected<T>`; a failure carries a code from the closed
// list below and a message of the form "path: cause" that is shown to users
// as it is. Third-party failures (libzip, pugixml, MeCab) are converted to an
// Error where they enter clausegap.
#ifndef CLAUSEGAP_BASE_ERROR_H_
#define CLAUSEGAP_BASE_ERROR_H_

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace clausegap {

/// The closed list of failure kinds. Tests and the batch summary key on it.
enum class ErrorCode {
  kIo,             ///< the file cannot be opened or read
  kEmpty,          ///< the file has zero bytes
  kNotZip,         ///< not a zip archive at all (and not a known legacy format)
  kLegacyDoc,      ///< OLE compound file: Word 97-2003 .doc
  kEncrypted,      ///< OLE compound file holding an encrypted OOXML package, or encrypted zip entries
  kCorruptZip,     ///< a zip archive that is truncated or damaged
  kNoMainPart,     ///< no officeDocument relationship / main document part
  kMalformedXml,   ///< a part is not well-formed XML
  kTooLarge,       ///< a size, ratio or count limit was exceeded (zip bomb, huge XML)
  kBadEntryName,   ///< suspicious zip entry names (../, absolute paths, duplicates)
  kUnsupported,    ///< a well-formed input clausegap does not handle
  kInvalidRules,   ///< a rule pack does not load or validate
  kDictionary,     ///< MeCab or the user dictionary cannot be loaded
  kUsage,          ///< wrong arguments
  kNoTextLayer,    ///< a PDF without a text layer (a scan): it needs OCR first
  kCorruptPdf,     ///< a PDF that poppler cannot parse, or whose reader crashed or stalled
  kConversion,     ///< LibreOffice could not convert a legacy .doc / .rtf (or is not installed)
};

/// Returns the stable lower-case name of |code| ("legacy-doc", "too-large" …).
std::string_view ErrorCodeName(ErrorCode code);

/// A failure: a code and a user-facing "path: cause" message.
struct Error {
  ErrorCode code;
  std::string message;
};

template <typename T>
using Expected = tl::expected<T, Error>;

/// Builds the unexpected value for |code| with |message|.
inline tl::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace clausegap

#endif  // CLAUSEGAP_BASE_ERROR_H_
