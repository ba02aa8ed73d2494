#include "report/text_printer.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "report/localize.h"

namespace clausegap::report {

using i18n::Msg;
namespace {

constexpr std::string_view kBold = "1";
constexpr std::string_view kRed = "31";
constexpr std::string_view kGreen = "32";
constexpr std::string_view kYellow = "33";
constexpr std::string_view kCyan = "36";

// Decodes the UTF-8 code point at |s|[*i] and advances *i; a bad byte
// decodes as U+FFFD and advances by one.
char32_t NextCodePoint(std::string_view s, std::size_t* i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b = byte(*i);
  int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || *i + length > s.size()) {
    ++*i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? b : b & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    unsigned char c = byte(*i + k);
    if ((c >> 6) != 0x2) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  *i += length;
  return cp;
}

bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsZeroWidth(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || c == 0x3099 || c == 0x309A;
}

// Returns |text| followed by spaces up to |width| columns.
std::string Pad(std::string_view text, std::size_t width) {
  std::string out(text);
  std::size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string_view StatusColor(engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return kGreen;
    case engine::Status::kWeak: return kYellow;
    case engine::Status::kMissing: return kRed;
  }
  return kRed;
}

// Writes |text| line by line, each line after |indent|.
void Indented(std::ostream& out, std::string_view indent, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    out << indent << text.substr(start, end - start) << '\n';
    start = end + 1;
  }
}

}  // namespace

std::size_t DisplayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = NextCodePoint(utf8, &i);
    width += IsZeroWidth(c) ? 0 : IsWide(c) ? 2 : 1;
  }
  return width;
}

const char* StatusMark(engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return "✓";
    case engine::Status::kWeak: return "△";
    case engine::Status::kMissing: return "✗";
  }
  return "✗";
}

std::string TextPrinter::Paint(std::string_view text, std::string_view code) const {
  if (!options_.color) return std::string(text);
  std::string out = "\x1b[";
  out.append(code);
  out += 'm';
  out.append(text);
  out += "\x1b[0m";
  return out;
}

void TextPrinter::Begin() {}

void TextPrinter::Row(const engine::RequirementResult& r, std::size_t id_width,
                      std::size_t title_width) {
  const Lang lang = options_.lang;
  std::string severity = "[" + std::string(SeverityText(lang, r.severity)) + "]";
  std::string status(StatusText(lang, r.status));
  std::string line = "  " + Paint(StatusMark(r.status), StatusColor(r.status)) + " " +
                     Pad(severity, lang == Lang::kEn ? 13 : 6) + " " + Pad(r.id, id_width) + "  " +
                     Pad(r.title, title_width) + "  ";
  std::string labels = PlacesText(lang, r.evidence);
  line += labels.empty() ? Paint(status, StatusColor(r.status))
                         : Paint(Pad(status, 7), StatusColor(r.status)) + "  " + Paint(labels, kCyan);
  if (r.waived) line += "  " + Paint("(" + std::string(i18n::Text(lang, Msg::kWaivedBadge)) + ")", kCyan);
  out_ << line << '\n';
}

void TextPrinter::Details(const engine::RequirementResult& r, bool gap) {
  const Lang lang = options_.lang;
  auto label = [lang](Msg key) { return std::string(i18n::Text(lang, key)) + ": "; };
  out_ << "  " << Paint(StatusMark(r.status), StatusColor(r.status)) << ' '
       << Paint(r.id, kBold) << "  " << r.title << " — "
       << Paint(StatusText(lang, r.status), StatusColor(r.status))
       << (lang == Lang::kEn ? " (" : "（") << SeverityText(lang, r.severity)
       << (lang == Lang::kEn ? ")" : "）") << '\n';
  if (r.waived) out_ << "      " << i18n::Format(lang, Msg::kWaived, {r.waiver_reason}) << '\n';
  if (gap) {
    for (const std::string& reason : Reasons(lang, r)) out_ << "      " << label(Msg::kReason) << reason << '\n';
  }
  for (const engine::ElementResult& e : r.elements) {
    if (e.found || (!gap && e.essential)) continue;
    out_ << "      "
         << label(e.essential ? Msg::kMissingElementEssential : Msg::kMissingElementRecommended)
         << e.id;
    if (!e.description.empty()) out_ << " — " << e.description;
    out_ << '\n';
  }
  if (gap && !r.bound.empty() && !r.evidence.empty()) out_ << "      " << label(Msg::kBinds) << r.bound << '\n';
  if (gap) {
    for (const engine::Evidence& e : r.evidence) {
      out_ << "      " << label(Msg::kEvidence) << Paint(PlaceText(lang, e), kCyan) << " 「" << e.text
           << "」\n";
    }
    if (!r.suggestion.empty()) {
      out_ << "      " << i18n::Text(lang, Msg::kSuggestion) << ":\n";
      Indented(out_, "        ", r.suggestion);
    }
  }
  for (const engine::PendingRevision& p : r.pending_revisions) {
    out_ << "      " << Paint(label(Msg::kPendingRevision), kYellow) << PendingText(lang, p) << '\n';
  }
}

void TextPrinter::Document(const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  if (documents_++ > 0) out_ << '\n';
  std::string header = report.file;
  if (!report.title.empty()) header += " — " + report.title;
  if (!report.converted_from.empty()) {
    header += i18n::Format(lang, Msg::kConvertedFrom, {report.converted_from});
  }
  out_ << Paint(header, kBold) << '\n';
  if (!report.ok) {
    out_ << "  " << Paint("✗ " + std::string(i18n::Text(lang, Msg::kCouldNotBeRead)), kRed);
    if (!report.error_code.empty()) out_ << " [" << report.error_code << "]";
    out_ << ": " << report.error << '\n';
    return;
  }
  if (!report.kind.empty()) {
    out_ << "  " << i18n::Text(lang, Msg::kDocumentKind) << ": " << KindText(lang, report.kind) << '\n';
  }
  std::string parties = PartiesText(lang, report);
  if (!parties.empty()) out_ << "  " << i18n::Text(lang, Msg::kParties) << ": " << parties << '\n';
  if (std::string notice = KindNotice(lang, report.kind); !notice.empty()) {
    out_ << "  " << Paint("! " + notice, kYellow) << '\n';
  }
  if (report.requirements.empty()) {
    out_ << "  " << i18n::Text(lang, Msg::kNoRequirements) << "\n";
    return;
  }
  std::size_t id_width = 0, title_width = 0;
  int counts[3] = {0, 0, 0};
  for (const engine::RequirementResult& r : report.requirements) {
    id_width = std::max(id_width, DisplayWidth(r.id));
    title_width = std::max(title_width, DisplayWidth(r.title));
    ++counts[static_cast<int>(r.status)];
  }
  for (const engine::RequirementResult& r : report.requirements) Row(r, id_width, title_width);
  out_ << "  "
       << i18n::Format(lang, Msg::kCounts,
                       {std::to_string(counts[static_cast<int>(engine::Status::kPresent)]),
                        std::to_string(counts[static_cast<int>(engine::Status::kWeak)]),
                        std::to_string(counts[static_cast<int>(engine::Status::kMissing)])})
       << '\n';
  bool fails = FailsGate(report, options_.fail_on);
  out_ << "  "
       << Paint(i18n::Format(lang, Msg::kGateLine,
                             {i18n::Text(lang, fails ? Msg::kGateFail : Msg::kGatePass),
                              FailOnName(options_.fail_on)}),
                fails ? kRed : kGreen)
       << '\n';

  bool gaps_header = false;
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.status == engine::Status::kPresent) continue;
    if (!gaps_header) out_ << '\n' << Paint("  " + std::string(i18n::Text(lang, Msg::kGaps)), kBold) << '\n';
    gaps_header = true;
    Details(r, /*gap=*/true);
  }
  bool notes_header = false;
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.status != engine::Status::kPresent) continue;
    bool findings = !r.pending_revisions.empty() ||
                    std::any_of(r.elements.begin(), r.elements.end(),
                                [](const engine::ElementResult& e) { return !e.found; });
    if (!findings) continue;
    if (!notes_header) out_ << '\n' << Paint("  " + std::string(i18n::Text(lang, Msg::kNotes)), kBold) << '\n';
    notes_header = true;
    Details(r, /*gap=*/false);
  }
}

void TextPrinter::End(const Summary& summary) {
  if (summary.documents > 1) {
    out_ << '\n'
         << Paint(i18n::Format(options_.lang, Msg::kRunTotals,
                               {std::to_string(summary.documents), std::to_string(summary.failed),
                                FailOnName(summary.fail_on), std::to_string(summary.errors)}),
                  kBold)
         << '\n';
  }
  out_.flush();
}

}  // namespace clausegap::report
