#include "report/text_printer.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace clausegap::report {
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

// Returns "第8条（再委託の禁止）", "第8条", "（特記事項）" or "(outside articles)".
std::string Place(const engine::Evidence& e) {
  std::string out = e.label;
  if (!e.heading.empty()) out += "（" + e.heading + "）";
  if (out.empty()) out = "(outside articles)";
  if (e.page > 0) out += ", p. " + std::to_string(e.page);  // PDFs
  return out;
}

// Returns the distinct labels of |evidence| joined with ", ".
std::string Labels(const std::vector<engine::Evidence>& evidence) {
  std::vector<std::string> seen;
  std::string out;
  for (const engine::Evidence& e : evidence) {
    std::string place = Place(e);
    if (std::find(seen.begin(), seen.end(), place) != seen.end()) continue;
    if (!out.empty()) out += ", ";
    out += place;
    seen.push_back(std::move(place));
  }
  return out;
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
  std::string severity = std::string("[") + engine::SeverityName(r.severity) + "]";
  std::string line = "  " + Paint(StatusMark(r.status), StatusColor(r.status)) + " " +
                     Pad(severity, 13) + " " + Pad(r.id, id_width) + "  " +
                     Pad(r.title, title_width) + "  ";
  std::string labels = Labels(r.evidence);
  line += labels.empty() ? Paint(engine::StatusName(r.status), StatusColor(r.status))
                         : Paint(Pad(engine::StatusName(r.status), 7), StatusColor(r.status)) +
                               "  " + Paint(labels, kCyan);
  if (r.waived) line += "  " + Paint("(waived)", kCyan);
  out_ << line << '\n';
}

void TextPrinter::Details(const engine::RequirementResult& r, bool gap) {
  out_ << "  " << Paint(StatusMark(r.status), StatusColor(r.status)) << ' '
       << Paint(r.id, kBold) << "  " << r.title << " — "
       << Paint(engine::StatusName(r.status), StatusColor(r.status)) << " ("
       << engine::SeverityName(r.severity) << ")\n";
  if (r.waived) out_ << "      Waived: " << r.waiver_reason << " (does not fail the gate)\n";
  if (gap) {
    for (const std::string& reason : r.reasons) out_ << "      Reason: " << reason << '\n';
  }
  for (const engine::ElementResult& e : r.elements) {
    if (e.found || (!gap && e.essential)) continue;
    out_ << "      Not found (" << (e.essential ? "essential" : "recommended")
         << "): " << e.id;
    if (!e.description.empty()) out_ << " — " << e.description;
    out_ << '\n';
  }
  if (gap) {
    for (const engine::Evidence& e : r.evidence) {
      out_ << "      Evidence: " << Paint(Place(e), kCyan) << " 「" << e.text << "」\n";
    }
    if (!r.suggestion.empty()) {
      out_ << "      Suggested clause:\n";
      Indented(out_, "        ", r.suggestion);
    }
  }
  for (const engine::PendingRevision& p : r.pending_revisions) {
    // The engine's message is the whole sentence; compose one if it has none.
    std::string message = p.message;
    if (message.empty()) {
      message = (p.label.empty() ? std::string("the clause") : p.label) + ": pending " + p.kind;
      if (!p.author.empty()) message += " by " + p.author;
      if (!p.date.empty()) message += " (" + p.date + ")";
    }
    out_ << "      " << Paint("Pending revision:", kYellow) << ' ' << message << '\n';
  }
}

void TextPrinter::Document(const engine::DocumentReport& report) {
  if (documents_++ > 0) out_ << '\n';
  std::string header = report.file;
  if (!report.title.empty()) header += " — " + report.title;
  if (!report.converted_from.empty()) {
    header += "（." + report.converted_from + " を LibreOffice で .docx に変換して読み取り）";
  }
  out_ << Paint(header, kBold) << '\n';
  if (!report.ok) {
    out_ << "  " << Paint("✗ could not be read", kRed);
    if (!report.error_code.empty()) out_ << " [" << report.error_code << "]";
    out_ << ": " << report.error << '\n';
    return;
  }
  if (report.requirements.empty()) {
    out_ << "  (no requirements in the rule pack)\n";
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
  out_ << "  " << counts[static_cast<int>(engine::Status::kPresent)] << " present, "
       << counts[static_cast<int>(engine::Status::kWeak)] << " weak, "
       << counts[static_cast<int>(engine::Status::kMissing)] << " missing\n";

  bool gaps_header = false;
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.status == engine::Status::kPresent) continue;
    if (!gaps_header) out_ << '\n' << Paint("  Gaps", kBold) << '\n';
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
    if (!notes_header) out_ << '\n' << Paint("  Notes", kBold) << '\n';
    notes_header = true;
    Details(r, /*gap=*/false);
  }
}

void TextPrinter::End(const Summary& summary) {
  if (summary.documents > 1) {
    out_ << '\n'
         << Paint("Checked " + std::to_string(summary.documents) + " documents: " +
                      std::to_string(summary.failed) + " failing --fail-on " +
                      FailOnName(summary.fail_on) + ", " + std::to_string(summary.errors) +
                      " unreadable",
                  kBold)
         << '\n';
  }
  out_.flush();
}

}  // namespace clausegap::report
