#include "report/printer.h"

#include <cstring>
#include <string>

#include "report/json_printer.h"
#include "report/text_printer.h"

namespace clausegap::report {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kJson: return "json";
  }
  return "text";
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = {Format::kText, Format::kJson};
  return kAll;
}

Expected<Format> ParseFormat(std::string_view name) {
  std::string valid;
  for (Format format : AllFormats()) {
    if (name == FormatName(format)) return format;
    if (!valid.empty()) valid += ", ";
    valid += FormatName(format);
  }
  return MakeError(ErrorCode::kUsage,
                   "--format: unknown format '" + std::string(name) + "' (valid: " + valid + ")");
}

Expected<ColorChoice> ParseColorChoice(std::string_view name) {
  if (name == "auto") return ColorChoice::kAuto;
  if (name == "always") return ColorChoice::kAlways;
  if (name == "never") return ColorChoice::kNever;
  return MakeError(ErrorCode::kUsage, "--color: unknown choice '" + std::string(name) +
                                          "' (valid: auto, always, never)");
}

bool ResolveColor(ColorChoice choice, bool is_terminal, const char* no_color, const char* term) {
  switch (choice) {
    case ColorChoice::kAlways: return true;
    case ColorChoice::kNever: return false;
    case ColorChoice::kAuto:
      if (!is_terminal) return false;
      if (no_color != nullptr && no_color[0] != '\0') return false;
      if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
      return true;
  }
  return false;
}

std::unique_ptr<Printer> MakePrinter(Format format, std::ostream& out,
                                     const PrinterOptions& options) {
  switch (format) {
    case Format::kText: return std::make_unique<TextPrinter>(out, options);
    case Format::kJson: return std::make_unique<JsonPrinter>(out);
  }
  return std::make_unique<TextPrinter>(out, options);
}

}  // namespace clausegap::report
