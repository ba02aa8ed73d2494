#include "report/github_printer.h"

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
  out_ << "::" << command << " file=" << EscapeProperty(file) << ",title=" << EscapeProperty(title)
       << "::" << EscapeData(message) << '\n';
}

void GithubPrinter::Begin() {}

void GithubPrinter::Document(const engine::DocumentReport& report) {
  if (!report.ok) {
    std::string title = "clausegap: could not be read";
    if (!report.error_code.empty()) title += " (" + report.error_code + ")";
    Command("error", report.file, title,
            report.error.empty() ? report.file + ": could not be read" : report.error);
    return;
  }
  for (const engine::RequirementResult& r : report.requirements) {
    if (r.status == engine::Status::kPresent) continue;
    std::string title = r.title + " (" + r.id + "): " + engine::StatusName(r.status);
    if (r.waived) {
      // A waiver accepted the gap: a notice, never an error or warning.
      std::string message = "Waived";
      if (!r.waiver_reason.empty()) message += ": " + r.waiver_reason;
      Command("notice", report.file, title + " (waived)", message + ". " + GapMessage(r));
      continue;
    }
    Command(GithubCommand(r.severity, r.status), report.file, title, GapMessage(r));
  }
}

void GithubPrinter::End(const Summary& summary) {
  out_ << "clausegap: checked " << summary.documents << " document"
       << (summary.documents == 1 ? "" : "s") << ": " << summary.failed << " failing --fail-on "
       << FailOnName(summary.fail_on) << ", " << summary.errors << " unreadable\n";
  out_.flush();
}

}  // namespace clausegap::report
