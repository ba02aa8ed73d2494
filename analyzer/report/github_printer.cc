#include "report/github_printer.h"

#include "report/localize.h"

namespace clausegap::report {
namespace {

std::string Escape(std::string_view text, bool property) {
  std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string EscapeData(std::string_view text) { return Escape(text, /*property=*/false); }

std::string EscapeProperty(std::string_view text) { return Escape(text, /*property=*/true); }

const char* GithubCommand(engine::Severity severity, engine::Status status) {
  if (status == engine::Status::kPresent) return "";
  if (severity == engine::Severity::kRequired) {
    return status == engine::Status::kMissing ? "error" : "warning";
  }
  return status == engine::Status::kMissing ? "warning" : "notice";
}

void GithubPrinter::Command(std::string_view command, std::string_view file,
                            std::string_view title, std::string_view message) {
  ++findings_;
  int* count = command == "error" ? &errors_ : command == "warning" ? &warnings_ : &notices_;
  int cap = command == "notice" ? kGithubAnnotationCap - 1 : kGithubAnnotationCap;
  if (*count >= cap) {
    // GitHub would drop the annotation: keep the finding in the log instead.
    ++overflow_;
    out_ << SanitizeUtf8(file) << ": " << EscapeData(title) << ": " << EscapeData(message) << '\n';
    return;
  }
  ++*count;
  out_ << "::" << command << " file=" << EscapeProperty(file) << ",title=" << EscapeProperty(title)
       << "::" << EscapeData(message) << '\n';
}

void GithubPrinter::Begin() {}

void GithubPrinter::Document(const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  if (!report.ok) {
    std::string title = "clausegap: " + std::string(i18n::Text(lang, i18n::Msg::kCouldNotBeRead));
    if (!report.error_code.empty()) title += " (" + report.error_code + ")";
    Command("error", report.file, title,
            report.error.empty() ? report.file + ": " + title : report.error);
    return;
  }
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.status == engine::Status::kPresent) continue;
    std::string title = r.title + " (" + r.id + "): " + std::string(StatusText(lang, r.status));
    if (r.waived) {
      // A waiver accepted the gap: a notice, never an error or warning.
      std::string message = i18n::Format(lang, i18n::Msg::kWaived, {r.waiver_reason});
      Command("notice", report.file,
              title + " (" + std::string(i18n::Text(lang, i18n::Msg::kWaivedBadge)) + ")",
              message + " " + GapMessage(r, lang));
      continue;
    }
    Command(GithubCommand(r.severity, r.status), report.file, title, GapMessage(r, lang));
  }
}

void GithubPrinter::End(const Summary& summary) {
  const Lang lang = options_.lang;
  std::string totals = i18n::Format(
      lang, i18n::Msg::kGithubSummary,
      {std::to_string(summary.documents), std::to_string(summary.failed), FailOnName(summary.fail_on),
       std::to_string(summary.errors), std::to_string(findings_)});
  out_ << totals << '\n';
  if (overflow_ > 0) {
    out_ << "::notice title=" << EscapeProperty(totals) << "::"
         << EscapeData(i18n::Format(lang, i18n::Msg::kGithubMore,
                                    {std::to_string(kGithubAnnotationCap)}))
         << '\n';
  }
  out_.flush();
}

}  // namespace clausegap::report
