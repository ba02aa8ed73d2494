// Rule pack loading and validation: every error names file:line and the cause.
#include <doctest/doctest.h>

#include <algorithm>
#include <functional>

#include <filesystem>
#include <fstream>
#include <string>

#include "engine/rule_pack.h"
#include "engine/rule_pack_internal.h"

namespace clausegap::engine {
namespace {

namespace fs = std::filesystem;

// Writes |text| to a fresh file under the temp dir and returns its path.
std::string WritePack(const std::string& name, const std::string& text) {
  fs::path dir = fs::temp_directory_path() / "clausegap_rule_pack_test";
  fs::create_directories(dir);
  fs::path p = dir / name;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

const char* kMinimal = R"({
  // a comment
  "terms": {"consent": "承諾|同意"},
  "requirements": [
    {
      "id": "redelegation",
      "title": "再委託",
      "severity": "required",
      "clause": {"any": ["再委託"]},
      "elements": [
        {"id": "consent", "essential": true, "description": "承諾", "all": ["$consent"]}
      ],
      "suggestion": "乙は再委託してはならない。"
    }
  ]
})";

std::string LoadError(const std::string& text, const std::string& name = "bad.jsonc") {
  std::string path = WritePack(name, text);
  auto pack = LoadRulePacks({path});
  REQUIRE(!pack);
  CHECK(pack.error().code == ErrorCode::kInvalidRules);
  std::string msg = pack.error().message;
  REQUIRE(msg.rfind(path + ":", 0) == 0);
  return msg.substr(path.size() + 1);
}

TEST_CASE("the default pack loads and implements the whole catalogue") {
  auto pack = LoadRulePacks({std::string(CLAUSEGAP_SOURCE_DIR) + "/rules"});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  std::vector<std::string> ids;
  for (const Requirement& r : (*pack)->requirements) ids.push_back(r.id);
  CHECK(ids == std::vector<std::string>{"redelegation", "return-deletion", "breach-notification", "liability",
                                        "confidential-definition", "confidentiality", "purpose-limitation",
                                        "copy-restriction", "security-measures", "audit", "personnel",
                                        "compliance", "survival", "termination-for-breach", "data-location"});
  for (const Requirement& r : (*pack)->requirements) {
    CHECK_MESSAGE(!r.suggestion.empty(), r.id);
    CHECK(r.severity == (ids.begin() + 4 > std::find(ids.begin(), ids.end(), r.id) ? Severity::kRequired
                                                                                 : Severity::kRecommended));
  }
}

TEST_CASE("a minimal pack loads; terms are interned and $names expanded") {
  auto pack = LoadRulePacks({WritePack("min.jsonc", kMinimal)});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  const Requirement& r = (*pack)->requirements.at(0);
  CHECK(r.severity == Severity::kRequired);
  REQUIRE(r.elements.size() == 1);
  REQUIRE(r.elements[0].match.all.size() == 1);
  CHECK(r.elements[0].match.all[0].size() == 2);  // 承諾 | 同意
  CHECK(r.elements[0].match.scope == Scope::kClause);
}

TEST_CASE("every compiled term set is sealed: its bit masks hold exactly its terms") {
  auto pack = LoadRulePacks({std::string(CLAUSEGAP_SOURCE_DIR) + "/rules"});
  REQUIRE(pack);
  int sets = 0;
  auto check = [&](const TermSet& set) {
    if (set.empty()) return;
    ++sets;
    std::vector<int> from_bits;
    for (const TermSet::Word& w : set.words)
      for (int b = 0; b < 64; ++b)
        if ((w.bits >> b) & 1) from_bits.push_back(static_cast<int>(w.index) * 64 + b);
    std::vector<int> ids(set.begin(), set.end());
    std::sort(ids.begin(), ids.end());
    std::sort(from_bits.begin(), from_bits.end());
    CHECK(from_bits == ids);
  };
  std::function<void(const Matcher&)> walk = [&](const Matcher& m) {
    for (const TermSet& s : m.all) check(s);
    for (const TermSet* s : {&m.any, &m.none, &m.heading, &m.heading_none}) check(*s);
    for (auto* list : {&m.all_of, &m.any_of, &m.none_of, &m.cites, &m.provisos})
      for (const Matcher& c : *list) walk(c);
  };
  for (const Requirement& r : (*pack)->requirements) {
    walk(r.clause);
    for (const Matcher& m : r.exclude) walk(m);
    for (const Element& e : r.elements) walk(e.match);
  }
  CHECK(sets > 100);
}

TEST_CASE("a sentence-scoped matcher's need: from its first set, or from its children, tested first") {
  const char* pack_text = R"({
    "requirements": [{
      "id": "redelegation", "title": "再委託", "severity": "required",
      "clause": {"any_of": [{"all": ["再委託"]}, {"all": ["第三者", "委託"]}, {"all_of": [{"any": ["下請"]}]}]},
      "exclude": [{"scope": "article", "any": ["定義"]}, {"any_of": [{"all": ["再委託"]}, {"scope": "article", "all": ["承諾"]}]}],
      "suggestion": "乙は再委託してはならない。"
    }]
  })";
  auto pack = LoadRulePacks({WritePack("need.jsonc", pack_text)});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  const RulePack& p = **pack;
  const Requirement& r = p.requirements.at(0);
  auto terms_of = [&](const TermSet& set) {
    std::vector<std::string> out;
    for (int t : set) out.push_back(p.terms.at(static_cast<std::size_t>(t)));
    std::sort(out.begin(), out.end());
    return out;
  };
  // The union of the children's needs: 再委託, 第三者 (the first "all" set), 下請.
  CHECK(r.clause.has_need);
  CHECK(r.clause.test_need);
  CHECK(terms_of(r.clause.need) == std::vector<std::string>{"下請", "再委託", "第三者"});
  // A child's own first set is its need, already tested by its "all": not tested twice.
  CHECK(r.clause.any_of[1].has_need);
  CHECK(!r.clause.any_of[1].test_need);
  CHECK(terms_of(r.clause.any_of[1].need) == std::vector<std::string>{"第三者"});
  // An article-wide matcher looks beyond its anchor: no need, and none for a
  // parent one of whose alternatives it is.
  CHECK(!r.exclude[0].has_need);
  CHECK(!r.exclude[1].has_need);
  CHECK(!r.exclude[1].test_need);
}

TEST_CASE("a typo'd key fails with its line and a suggestion") {
  std::string text = kMinimal;
  text.replace(text.find("\"elements\""), 10, "\"elemnts\"");
  CHECK(LoadError(text) == "10: unknown key \"elemnts\" in requirement (did you mean \"elements\"?)");
}

TEST_CASE("a typo'd matcher key fails at its line") {
  std::string text = kMinimal;
  text.replace(text.find("\"any\""), 5, "\"anny\"");
  CHECK(LoadError(text) == "9: unknown key \"anny\" in matcher (did you mean \"any\"?)");
}

TEST_CASE("cites: compiles a child matcher; nesting fails at its line") {
  std::string text = kMinimal;
  std::string element = "\"all\": [\"$consent\"]}";
  text.replace(text.find(element), element.size(), "\"cites\": {\"heading\": [\"秘密\"]}}");
  std::string ok = WritePack("cites.jsonc", text);
  auto pack = LoadRulePacks({ok});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  const Matcher& m = (*pack)->requirements[0].elements[0].match;
  REQUIRE(m.cites.size() == 1);
  CHECK(m.cites[0].heading.size() == 1);
  std::string nested = kMinimal;
  nested.replace(nested.find(element), element.size(), "\"cites\": {\"cites\": {\"any\": [\"秘密\"]}}}");
  CHECK(LoadError(nested) == "11: \"cites\" may not be nested inside \"cites\"");
}

TEST_CASE("JSON syntax errors report the line") {
  std::string text = kMinimal;
  text.replace(text.find("\"title\": \"再委託\","), 21, "\"title\": \"再委託\"");
  std::string msg = LoadError(text);
  CHECK_MESSAGE(msg.rfind("8: invalid JSON: syntax error", 0) == 0, msg);
}

TEST_CASE("bad patterns: empty term list, empty alternative, unknown modality, unknown scope") {
  std::string text = kMinimal;
  text.replace(text.find("[\"再委託\"]"), std::string("[\"再委託\"]").size(), "[]");
  CHECK(LoadError(text) == "9: empty term list");

  text = kMinimal;
  text.replace(text.find("\"再委託\"]"), std::string("\"再委託\"]").size(), "\"再委託||下請\"]");
  CHECK(LoadError(text) == "9: empty alternative in term \"再委託||下請\"");

  text = kMinimal;
  text.replace(text.find("\"any\""), 5, "\"modality\": \"prohibiton\", \"any\"");
  CHECK(LoadError(text) == "9: unknown modality \"prohibiton\" (did you mean \"prohibition\"?)");

  text = kMinimal;
  text.replace(text.find("\"any\""), 5, "\"scope\": \"chapter\", \"any\"");
  CHECK(LoadError(text) == "9: unknown scope \"\"chapter\"\" (expected sentence, clause, paragraph, article or document)");
}

TEST_CASE("weak_if overrides: a boolean, anything else fails at its line") {
  auto with = [](const std::string& value) {
    std::string text = kMinimal;
    text.replace(text.find("\"suggestion\""), 12,
                 "\"weak_if\": [{\"id\": \"w\", \"reason\": \"r\", \"overrides\": " + value +
                     ", \"any\": [\"通知\"]}],\n      \"suggestion\"");
    return text;
  };
  auto pack = LoadRulePacks({WritePack("ok.jsonc", with("true"))});
  REQUIRE(pack);
  CHECK((*pack)->requirements[0].weak_if[0].overrides);
  CHECK(LoadError(with("\"yes\"")) == "13: \"overrides\" must be true or false");
}

TEST_CASE("an unknown term set name fails at the use") {
  std::string text = kMinimal;
  text.replace(text.find("$consent"), 8, "$consnet");
  CHECK(LoadError(text) == "11: unknown term set \"$consnet\" (did you mean \"$consent\"?)");
}

TEST_CASE("missing keys and bad severity") {
  std::string text = kMinimal;
  text.replace(text.find("\"required\""), 10, "\"mandatory\"");
  CHECK(LoadError(text) == "8: unknown severity \"mandatory\" (expected required or recommended)");

  text = kMinimal;
  text.replace(text.find("\"suggestion\""), 12, "\"comment\"");
  CHECK(LoadError(text) == "5: requirement \"redelegation\": missing key \"suggestion\"");
}

TEST_CASE("overrides: change severity and wording, add, disable; unknown id fails") {
  std::string base = WritePack("base.jsonc", kMinimal);
  std::string playbook = WritePack("playbook.json", R"({
    "terms": {"consent": "承認"},
    "overrides": [
      {"id": "redelegation", "severity": "recommended", "suggestion": "差し替え"}
    ],
    "requirements": [
      {"id": "escrow", "title": "寄託", "severity": "recommended", "clause": {"any": ["寄託"]}, "suggestion": "…"}
    ]
  })");
  auto pack = LoadRulePacks({base, playbook});
  REQUIRE_MESSAGE(pack, (pack ? "" : pack.error().message));
  REQUIRE((*pack)->requirements.size() == 2);
  const Requirement& r = (*pack)->requirements[0];
  CHECK(r.severity == Severity::kRecommended);
  CHECK(r.suggestion == "差し替え");
  CHECK(r.title == "再委託");
  // The later term set replaces the wording list everywhere it is used.
  REQUIRE(r.elements[0].match.all[0].size() == 1);
  CHECK((*pack)->terms[r.elements[0].match.all[0][0]] == "承認");

  std::string disable = WritePack("disable.json", R"({"overrides": [{"id": "redelegation", "enabled": false}]})");
  auto disabled = LoadRulePacks({base, disable});
  REQUIRE(disabled);
  CHECK_FALSE((*disabled)->requirements[0].enabled);

  std::string typo = WritePack("typo.json", "{\n  \"overrides\": [\n    {\"id\": \"redelgation\"}\n  ]\n}\n");
  auto bad = LoadRulePacks({base, typo});
  REQUIRE(!bad);
  CHECK(bad.error().message == typo + ":3: override of unknown requirement \"redelgation\" (did you mean \"redelegation\"?)");

  auto dup = LoadRulePacks({base, base});
  REQUIRE(!dup);
  CHECK(dup.error().message.find("duplicate requirement id \"redelegation\"") != std::string::npos);
}

TEST_CASE("missing paths and empty directories fail") {
  auto missing = LoadRulePacks({"/nonexistent/rules.json"});
  REQUIRE(!missing);
  CHECK(missing.error().message == "/nonexistent/rules.json: no such file or directory");
  fs::path empty = fs::temp_directory_path() / "clausegap_rule_pack_test_empty";
  fs::create_directories(empty);
  auto none = LoadRulePacks({empty.string()});
  REQUIRE(!none);
  CHECK(none.error().message == empty.string() + ": no rule pack (*.json, *.jsonc) in directory");
}

TEST_CASE("FindDefaultRules honours $CLAUSEGAP_RULES and refuses one that is not a folder") {
  std::string src = std::string(CLAUSEGAP_SOURCE_DIR) + "/rules";
  setenv("CLAUSEGAP_RULES", src.c_str(), 1);
  auto found = FindDefaultRules();
  REQUIRE(found);
  CHECK(*found == src);
  // An explicit folder that does not exist is an error, never a fallback
  // to the pack beside the executable.
  setenv("CLAUSEGAP_RULES", "/nonexistent/rules", 1);
  auto other = FindDefaultRules();
  REQUIRE_FALSE(other);
  CHECK(other.error().code == ErrorCode::kInvalidRules);
  CHECK(other.error().message.find("/nonexistent/rules: not a folder of rule packs ($CLAUSEGAP_RULES)") == 0);
  unsetenv("CLAUSEGAP_RULES");
}

TEST_CASE("modality from the sentence end") {
  CHECK(DetectModality("乙は、第三者に再委託してはならない。") == kProhibition);
  CHECK(DetectModality("乙は、秘密情報を開示しないものとする。") == kProhibition);
  CHECK(DetectModality("乙は、再委託することができない。") == kProhibition);
  CHECK(DetectModality("乙は、第三者に再委託することができる。") == kPermission);
  CHECK(DetectModality("乙は、直ちに報告しなければならない。") == kObligation);
  CHECK(DetectModality("乙は、これを返還するものとする。") == kObligation);
  CHECK(DetectModality("ただし、甲の承諾を得た場合はこの限りでない。") == kException);
  // A negated duty is "not required", not a ban.
  CHECK(DetectModality("当社は一切の責任を負いません。") == kNotRequired);
  CHECK(DetectModality("乙は、資料を返還する必要はない。") == kNotRequired);
  // A negated state grants or imposes nothing: 「…の対象にはなりません」.
  CHECK(DetectModality("ベータ版は、監査の対象にはなりません。") == kNotRequired);
  CHECK(DetectModality("乙は、本件資料を第三者に開示しないものとします。") == kProhibition);
  CHECK(DetectModality("乙は、報告するよう努めるものとする。") == kEffort);
  CHECK(DetectModality("承諾したものとみなす。") == kDeemed);
}

}  // namespace
}  // namespace clausegap::engine
