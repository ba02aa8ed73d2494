#include "report/junit_printer.h"

#include <string>
#include <vector>

#include <pugixml.hpp>

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

// Returns "第8条（再委託の禁止）" / "第8条" / "(outside articles)".
std::string Place(const engine::Evidence& e) {
  std::string out = e.label.empty() ? std::string("(outside articles)") : e.label;
  if (!e.heading.empty()) out += "（" + e.heading + "）";
  return out;
}

// Returns the details of a requirement, one finding per line.
std::string Details(const engine::RequirementResult& r) {
  std::string out;
  for (const std::string& reason : r.reasons) out += "Reason: " + reason + "\n";
  for (const engine::ElementResult& e : r.elements) {
    if (e.found) continue;
    out += std::string("Not found (") + (e.essential ? "essential" : "recommended") + "): " + e.id;
    if (!e.description.empty()) out += " — " + e.description;
    out += "\n";
  }
  if (r.evidence.empty() && r.status != engine::Status::kPresent) {
    out += "No clause was found, so there is no text location.\n";
  }
  for (const engine::Evidence& e : r.evidence) out += "Evidence: " + Place(e) + " 「" + e.text + "」\n";
  for (const engine::PendingRevision& p : r.pending_revisions) {
    out += "Pending revision: " + (p.message.empty() ? p.kind + " " + p.label : p.message) + "\n";
  }
  if (!r.suggestion.empty() && r.status != engine::Status::kPresent) {
    out += "Suggested clause:\n" + r.suggestion + "\n";
  }
  return out;
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

JunitPrinter::JunitPrinter(std::ostream& out) : out_(out), state_(std::make_unique<State>()) {}

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
  if (!report.title.empty()) {
    pugi::xml_node property = properties.append_child("property");
    SetAttribute(property, "name", std::string("title"));
    SetAttribute(property, "value", report.title);
  }

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
    std::string details = Details(r);
    if (gap && r.waived) {
      ++skipped;
      pugi::xml_node skip = testcase.append_child("skipped");
      SetAttribute(skip, "message", std::string("waived") +
                                        (r.waiver_reason.empty() ? "" : ": " + r.waiver_reason));
      AppendText(testcase.append_child("system-out"), details);
    } else if (gap && r.severity == engine::Severity::kRequired) {
      ++failures;
      pugi::xml_node failure = testcase.append_child("failure");
      SetAttribute(failure, "message", r.title + " (" + r.id + "): " + engine::StatusName(r.status));
      SetAttribute(failure, "type", std::string(engine::StatusName(r.status)));
      AppendText(failure, details);
    } else if (!details.empty()) {
      std::string note = gap ? std::string("Recommended requirement is ") +
                                   engine::StatusName(r.status) + ".\n" + details
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
  SetAttribute(state_->root, "tests", state_->tests);
  SetAttribute(state_->root, "failures", state_->failures);
  SetAttribute(state_->root, "errors", state_->errors);
  SetAttribute(state_->root, "skipped", state_->skipped);
  state_->doc.save(out_, "  ", pugi::format_default, pugi::encoding_utf8);
  out_.flush();
}

}  // namespace clausegap::report
