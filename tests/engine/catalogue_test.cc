// docs/requirements.md and rules/default.jsonc describe the same catalogue:
// one section per requirement of the default pack, with its title and
// severity, and no section for a requirement the pack lacks.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "engine/rule_pack.h"

namespace clausegap::engine {
namespace {

struct DocSection {
  std::string title;
  std::string severity;  // "" when the section has no "Severity: `…`" line
  int line = 0;
};

// Parses the requirement sections of the catalogue: a heading
// "### `id` — title" followed, before the next heading, by a line
// "Severity: `required|recommended`". A second section for an id is
// reported in |duplicates|.
std::map<std::string, DocSection> ParseCatalogue(std::istream& in, std::vector<std::string>& duplicates) {
  static const std::string kHeading = "### `";
  static const std::string kDash = "` — ";
  static const std::string kSeverity = "Severity: `";
  std::map<std::string, DocSection> sections;
  DocSection* current = nullptr;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("#", 0) == 0) current = nullptr;
    if (line.rfind(kHeading, 0) == 0) {
      size_t dash = line.find(kDash, kHeading.size());
      REQUIRE_MESSAGE(dash != std::string::npos, "docs/requirements.md:" << number << ": expected \"### `id` — title\"");
      std::string id = line.substr(kHeading.size(), dash - kHeading.size());
      auto [it, inserted] = sections.try_emplace(id, DocSection{line.substr(dash + kDash.size()), "", number});
      if (!inserted) duplicates.push_back(id);
      current = &it->second;
    } else if (current != nullptr && current->severity.empty() && line.rfind(kSeverity, 0) == 0) {
      size_t end = line.find('`', kSeverity.size());
      if (end != std::string::npos) current->severity = line.substr(kSeverity.size(), end - kSeverity.size());
    }
  }
  return sections;
}

TEST_CASE("docs/requirements.md has a section per requirement of the default pack") {
  const std::string source = CLAUSEGAP_SOURCE_DIR;
  auto pack = LoadRulePacks({source + "/rules/default.jsonc"});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  std::vector<RequirementInfo> requirements = EnabledRequirements(**pack);
  REQUIRE(requirements.size() >= 15);

  std::ifstream doc(source + "/docs/requirements.md", std::ios::binary);
  REQUIRE_MESSAGE(doc, source << "/docs/requirements.md: cannot open");
  std::vector<std::string> duplicates;
  std::map<std::string, DocSection> sections = ParseCatalogue(doc, duplicates);
  for (const std::string& id : duplicates) FAIL_CHECK("docs/requirements.md: more than one section for " << id);

  for (const RequirementInfo& r : requirements) {
    auto it = sections.find(r.id);
    if (it == sections.end()) {
      FAIL_CHECK("docs/requirements.md: no section \"### `" << r.id << "` — " << r.title << "\"");
      continue;
    }
    const DocSection& section = it->second;
    CHECK_MESSAGE(section.title == r.title, "docs/requirements.md:" << section.line << ": title of " << r.id
                                                                    << " is \"" << section.title
                                                                    << "\", the pack says \"" << r.title << "\"");
    CHECK_MESSAGE(section.severity == SeverityName(r.severity),
                  "docs/requirements.md:" << section.line << ": severity of " << r.id << " is \""
                                          << section.severity << "\", the pack says \""
                                          << SeverityName(r.severity) << "\"");
    sections.erase(it);
  }
  for (const auto& [id, section] : sections) {
    FAIL_CHECK("docs/requirements.md:" << section.line << ": section for \"" << id
                                       << "\", which rules/default.jsonc does not define");
  }
}

TEST_CASE("the catalogue parser reads headings, severities and duplicates") {
  std::istringstream text(
      "# Title\n"
      "### `a` — 甲の義務\r\n"
      "\n"
      "Severity: `required`\n"
      "Severity: `recommended`\n"
      "## Other\n"
      "Severity: `recommended`\n"
      "### `b` — 乙の義務\n"
      "### `a` — again\n");
  std::vector<std::string> duplicates;
  std::map<std::string, DocSection> sections = ParseCatalogue(text, duplicates);
  REQUIRE(sections.size() == 2);
  CHECK(sections["a"].title == "甲の義務");
  CHECK(sections["a"].severity == "required");
  CHECK(sections["a"].line == 2);
  CHECK(sections["b"].title == "乙の義務");
  CHECK(sections["b"].severity.empty());
  CHECK(duplicates == std::vector<std::string>{"a"});
}

}  // namespace
}  // namespace clausegap::engine
