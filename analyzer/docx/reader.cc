#include "docx/reader.h"

namespace clausegap::docx {

Expected<model::Document> ReadDocxBytes(std::string_view, const std::string& name,
                                        const ReadOptions&) {
  return MakeError(ErrorCode::kUnsupported, name + ": reader not built yet");
}

Expected<model::Document> ReadDocx(const std::string& path, const ReadOptions& options) {
  return ReadDocxBytes({}, path, options);
}

}  // namespace clausegap::docx
