// Converting legacy Word files (.doc, .rtf) to .docx with LibreOffice, run
// headless in a temporary directory with its own throw-away profile and a
// deadline; nothing is left behind.
//
// Thread-safe: each conversion has its own directory and profile.
#ifndef CLAUSEGAP_READER_CONVERT_H_
#define CLAUSEGAP_READER_CONVERT_H_

#include <string>
#include <string_view>

#include "base/error.h"

namespace clausegap::reader {

/// Returns the path of LibreOffice's soffice (looked up in PATH, then in
/// /usr/lib/libreoffice/program), or an empty string when it is not installed.
std::string FindSoffice();

/// Converts |bytes|, a legacy file of extension |extension| ("doc" or
/// "rtf"), to .docx bytes. |name| is used in messages. Returns kConversion
/// when LibreOffice is missing, fails, produces nothing or takes longer than
/// |seconds|.
Expected<std::string> ConvertToDocx(std::string_view bytes, std::string_view extension,
                                    const std::string& name, int seconds);

}  // namespace clausegap::reader

#endif  // CLAUSEGAP_READER_CONVERT_H_
