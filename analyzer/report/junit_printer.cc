#include "report/junit_printer.h"

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "report/localize.h"

namespace clausegap::report {
namespace {

// Sets attribute |name| of |node| to |value| made safe for XML.
void SetAttribute(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(SanitizeUtf8(value).c_str());
}

void SetAttribute(pugi::xml_node node, const char* name, int value) {
  node.append_attribute(name).set_value(value);
}

void AppendText(pugi::xml_node node, const std::string& text) {
  node.append_child(pugi::node_pcdata).set_value(SanitizeUtf8(text).c_str());
}

// Returns the details of a requirement, one finding per line.
std::string Details(const engine::RequirementResult& r, Lang lang) {
  using i18n::Msg;
  auto label = [lang](Msg key) { return std::string(i18n::Text(lang, key)) + ": "; };
  std::string out;
  for (const std::string& reason : Reasons(lang, r)) out += label(Msg::kReason) + reason + "\n";
  for (const engine::ElementResult& e : r.elements) {
    if (e.found) continue;
    out += label(e.essential ? Msg::kMissingElementEssential : Msg::kMissingElementRecommended) + e.id;
    if (!e.description.empty()) out += " — " + e.description;
    out += "\n";
  }
  if (r.evidence.empty() && r.status != engine::Status::kPresent) {
    out += std::string(i18n::Text(lang, Msg::kNoLocation)) + "\n";
  }
  for (const engine::Evidence& e : r.evidence) {
    out += label(Msg::kEvidence) + PlaceText(lang, e) + " 「" + e.text + "」\n";
  }
  for (const engine::PendingRevision& p : r.pending_revisions) {
    out += label(Msg::kPendingRevision) + PendingText(lang, p) + "\n";
  }
  if (!r.suggestion.empty() && r.status != engine::Status::kPresent) {
    out += std::string(i18n::Text(lang, Msg::kSuggestion)) + ":\n" + r.suggestion + "\n";
  }
  return out;
}

// Appends <property name=|name| value=|value|> to |properties| when |value| is set.
void Property(pugi::xml_node properties, const char* name, const std::string& value) {
  if (value.empty()) return;
  pugi::xml_node property = properties.append_child("property");
  SetAttribute(property, "name", std::string(name));
  SetAttribute(property, "value", value);
}

}  // namespace

struct JunitPrinter::State {
  pugi::xml_document doc;
  pugi::xml_node root;
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;
  std::vector<pugi::xml_node> suites;  ///< to add the fail-on property at End
};

JunitPrinter::JunitPrinter(std::ostream& out, PrinterOptions options)
    : out_(out), options_(std::move(options)), state_(std::make_unique<State>()) {}

JunitPrinter::~JunitPrinter() = default;

void JunitPrinter::Begin() {
  if (state_->root) return;
  pugi::xml_node declaration = state_->doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version").set_value("1.0");
  declaration.append_attribute("encoding").set_value("UTF-8");
  state_->root = state_->doc.append_child("testsuites");
  SetAttribute(state_->root, "name", std::string("clausegap"));
}

void JunitPrinter::Document(const engine::DocumentReport& report) {
  Begin();  // idempotent: a printer used without Begin still writes a valid file
  pugi::xml_node suite = state_->root.append_child("testsuite");
  SetAttribute(suite, "name", report.file);
  pugi::xml_node properties = suite.append_child("properties");
  state_->suites.push_back(suite);
  const Lang lang = options_.lang;
  Property(properties, "title", report.title);
  Property(properties, "sha256", report.sha256);
  Property(properties, "size", report.size >= 0 ? std::to_string(report.size) : std::string());
  Property(properties, "kind", report.kind);
  Property(properties, "parties", PartiesText(lang, report));
  const RunInfo& run = options_.run;
  Property(properties, "tool-version", run.tool_version);
  std::string packs;
  for (const RulePackInfo& pack : run.packs) {
    packs += (packs.empty() ? "" : "; ") + (pack.name.empty() ? pack.path : pack.name) +
             (pack.version.empty() ? "" : " " + pack.version);
  }
  Property(properties, "rule-packs", packs);
  Property(properties, "rules-sha256", run.rules_sha256);
  Property(properties, "checked-at", run.started_at);
  Property(properties, "config", run.config);
  std::string waivers;
  for (const std::string& w : run.waiver_files) waivers += (waivers.empty() ? "" : "; ") + w;
  Property(properties, "waiver-files", waivers);

  int tests = 0, failures = 0, errors = 0, skipped = 0;
  if (!report.ok) {
    pugi::xml_node testcase = suite.append_child("testcase");
    SetAttribute(testcase, "classname", report.file);
    SetAttribute(testcase, "name", std::string("read"));
    pugi::xml_node error = testcase.append_child("error");
    SetAttribute(error, "message", report.error.empty() ? report.file + ": could not be read"
                                                        : report.error);
    SetAttribute(error, "type", report.error_code.empty() ? std::string("error")
                                                          : report.error_code);
    tests = 1;
    errors = 1;
  }
  const std::vector<engine::RequirementResult> kNone;
  for (const engine::RequirementResult& r : report.ok ? report.requirements : kNone) {
    ++tests;
    pugi::xml_node testcase = suite.append_child("testcase");
    SetAttribute(testcase, "classname", report.file);
    SetAttribute(testcase, "name", r.id + ": " + r.title);
    bool gap = r.status != engine::Status::kPresent;
    std::string details = Details(r, lang);
    // The same test as the gate's, so failures agree with the exit code.
    engine::DocumentReport one;
    one.requirements.push_back(r);
    bool fails = FailsGate(one, options_.fail_on);
    if (gap && r.waived) {
      ++skipped;
      pugi::xml_node skip = testcase.append_child("skipped");
      SetAttribute(skip, "message", std::string(i18n::Text(lang, i18n::Msg::kWaivedBadge)) +
                                        (r.waiver_reason.empty() ? "" : ": " + r.waiver_reason));
      AppendText(testcase.append_child("system-out"), details);
    } else if (fails) {
      ++failures;
      pugi::xml_node failure = testcase.append_child("failure");
      SetAttribute(failure, "message",
                   r.title + " (" + r.id + "): " + std::string(StatusText(lang, r.status)));
      SetAttribute(failure, "type", std::string(engine::StatusName(r.status)));
      AppendText(failure, details);
    } else if (!details.empty()) {
      std::string note =
          gap ? i18n::Format(lang, i18n::Msg::kJunitRecommended, {StatusText(lang, r.status)}) + "\n" +
                    details
              : details;
      AppendText(testcase.append_child("system-out"), note);
    }
  }
  // Counts go first among the attributes, after the name, as readers expect.
  suite.insert_attribute_after("tests", suite.attribute("name")).set_value(tests);
  suite.insert_attribute_after("failures", suite.attribute("tests")).set_value(failures);
  suite.insert_attribute_after("errors", suite.attribute("failures")).set_value(errors);
  suite.insert_attribute_after("skipped", suite.attribute("errors")).set_value(skipped);
  state_->tests += tests;
  state_->failures += failures;
  state_->errors += errors;
  state_->skipped += skipped;
}

void JunitPrinter::End(const Summary& summary) {
  Begin();  // idempotent: a printer used without Begin still writes a valid file
  for (pugi::xml_node suite : state_->suites) {
    pugi::xml_node property = suite.child("properties").append_child("property");
    SetAttribute(property, "name", std::string("fail-on"));
    SetAttribute(property, "value", std::string(FailOnName(summary.fail_on)));
  }
  if (summary.max_warnings >= 0 && summary.warnings > summary.max_warnings) {
    // The gate fails on the run's total, not on one contract: its own suite.
    pugi::xml_node suite = state_->root.append_child("testsuite");
    SetAttribute(suite, "name", std::string("clausegap"));
    SetAttribute(suite, "tests", 1);
    SetAttribute(suite, "failures", 1);
    SetAttribute(suite, "errors", 0);
    SetAttribute(suite, "skipped", 0);
    pugi::xml_node testcase = suite.append_child("testcase");
    SetAttribute(testcase, "classname", std::string("clausegap"));
    SetAttribute(testcase, "name", std::string("max-warnings"));
    pugi::xml_node failure = testcase.append_child("failure");
    SetAttribute(failure, "message", std::to_string(summary.warnings) + " > --max-warnings " +
                                         std::to_string(summary.max_warnings));
    SetAttribute(failure, "type", std::string("max-warnings"));
    ++state_->tests;
    ++state_->failures;
  }
  SetAttribute(state_->root, "tests", state_->tests);
  SetAttribute(state_->root, "failures", state_->failures);
  SetAttribute(state_->root, "errors", state_->errors);
  SetAttribute(state_->root, "skipped", state_->skipped);
  state_->doc.save(out_, "  ", pugi::format_default, pugi::encoding_utf8);
  out_.flush();
}

}  // namespace clausegap::report
