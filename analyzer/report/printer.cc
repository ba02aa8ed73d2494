#include "report/printer.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "report/csv_printer.h"
#include "report/github_printer.h"
#include "report/html_printer.h"
#include "report/json_printer.h"
#include "report/localize.h"
#include "report/jsonl_printer.h"
#include "report/junit_printer.h"
#include "report/sarif_printer.h"
#include "report/text_printer.h"

namespace clausegap::report {

const char* FormatName(Format format) {
  switch (format) {
    case Format::kText: return "text";
    case Format::kJson: return "json";
    case Format::kJsonl: return "jsonl";
    case Format::kCsv: return "csv";
    case Format::kSarif: return "sarif";
    case Format::kGithub: return "github";
    case Format::kJunit: return "junit";
    case Format::kHtml: return "html";
  }
  return "text";
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = {Format::kText,  Format::kJson,   Format::kJsonl,
                                           Format::kCsv,   Format::kSarif,  Format::kGithub,
                                           Format::kJunit, Format::kHtml};
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

const char* ToolVersion() { return CLAUSEGAP_VERSION; }

std::string GapMessage(const engine::RequirementResult& r, i18n::Lang lang) {
  using i18n::Msg;
  std::string status(StatusText(lang, r.status));
  std::string text = r.evidence.empty()
                         ? i18n::Format(lang, Msg::kGapMessageNoLocation, {r.title, r.id, status})
                         : i18n::Format(lang, Msg::kGapMessageAt,
                                        {r.title, r.id, status, LabelsText(lang, r.evidence)});
  // Reasons are sentences without a full stop as often as with one.
  for (const std::string& reason : Reasons(lang, r)) {
    text += lang == i18n::Lang::kEn ? " " + reason : reason;
    bool stopped = reason.ends_with("。") || reason.ends_with(".");
    if (!stopped && !reason.empty()) {
      text += static_cast<unsigned char>(reason.back()) < 0x80 ? "." : "。";
    }
  }
  for (const engine::PendingRevision& p : r.pending_revisions) {
    text += (lang == i18n::Lang::kEn ? " " : "") + std::string(i18n::Text(lang, Msg::kPendingRevision)) +
            ": " + PendingText(lang, p) + (lang == i18n::Lang::kEn ? "." : "。");
  }
  if (!r.suggestion.empty()) {
    text += (lang == i18n::Lang::kEn ? " " : "") + std::string(i18n::Text(lang, Msg::kSuggestion)) +
            ": " + r.suggestion;
  }
  return text;
}

std::string SanitizeUtf8(std::string_view text) {
  static constexpr char kReplacement[] = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      bool control = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
      if (control) {
        out += kReplacement;
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    // Lead byte, length and the lowest code point of that length (to reject
    // overlong forms); surrogates and values above U+10FFFF are invalid too.
    int length = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    char32_t min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    bool valid = length != 0 && i + length <= text.size();
    char32_t cp = valid ? (b & (0x7F >> length)) : 0;
    for (int k = 1; valid && k < length; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      if ((c >> 6) != 0x2) valid = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (valid && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) valid = false;
    if (valid) {
      out.append(text.substr(i, length));
      i += length;
    } else {
      out += kReplacement;
      ++i;
    }
  }
  return out;
}

std::vector<engine::Passage> ContractText(const structure::Structure& structure) {
  std::vector<engine::Passage> passages;
  passages.reserve(structure.sentences.size());
  for (std::size_t i = 0; i < structure.sentences.size(); ++i) {
    const structure::Sentence& s = structure.sentences[i];
    engine::Passage p;
    p.label = s.label;
    p.written_label = s.written_label;
    if (s.article >= 0 && s.article < static_cast<int>(structure.articles.size())) {
      p.heading = structure.articles[s.article].heading;
    }
    p.text = s.text;
    p.sentence = static_cast<int>(i);
    p.block = s.block;
    passages.push_back(std::move(p));
  }
  return passages;
}

std::unique_ptr<Printer> MakePrinter(Format format, std::ostream& out,
                                     const PrinterOptions& options) {
  switch (format) {
    case Format::kText: return std::make_unique<TextPrinter>(out, options);
    case Format::kJson: return std::make_unique<JsonPrinter>(out, options);
    case Format::kJsonl: return std::make_unique<JsonlPrinter>(out, options);
    case Format::kCsv: return std::make_unique<CsvPrinter>(out, options);
    case Format::kSarif: return std::make_unique<SarifPrinter>(out, options);
    case Format::kGithub: return std::make_unique<GithubPrinter>(out, options);
    case Format::kJunit: return std::make_unique<JunitPrinter>(out, options);
    case Format::kHtml: return std::make_unique<HtmlPrinter>(out, options);
  }
  return std::make_unique<TextPrinter>(out, options);
}

}  // namespace clausegap::report
