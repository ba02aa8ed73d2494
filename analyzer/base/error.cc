#include "base/error.h"

namespace clausegap {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo: return "io";
    case ErrorCode::kEmpty: return "empty";
    case ErrorCode::kNotZip: return "not-zip";
    case ErrorCode::kLegacyDoc: return "legacy-doc";
    case ErrorCode::kEncrypted: return "encrypted";
    case ErrorCode::kCorruptZip: return "corrupt-zip";
    case ErrorCode::kNoMainPart: return "no-main-part";
    case ErrorCode::kMalformedXml: return "malformed-xml";
    case ErrorCode::kTooLarge: return "too-large";
    case ErrorCode::kBadEntryName: return "bad-entry-name";
    case ErrorCode::kUnsupported: return "unsupported";
    case ErrorCode::kInvalidRules: return "invalid-rules";
    case ErrorCode::kDictionary: return "dictionary";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kNoTextLayer: return "no-text-layer";
    case ErrorCode::kCorruptPdf: return "corrupt-pdf";
    case ErrorCode::kConversion: return "conversion-failed";
  }
  return "unknown";
}

}  // namespace clausegap
