// Loading and validation of rule packs (format: rules/README.md).
#include "engine/rule_pack.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/json_lines.h"
#include "engine/rule_pack_internal.h"
#include "text/normalize.h"

namespace clausegap::engine {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using base::Closest;
using LineMap = base::JsonLineMap;

// A failure while loading: carries the pointer whose line is reported.
struct Failure {
  std::string pointer;
  std::string message;
};

// --- Compilation -----------------------------------------------------------

// One file being loaded.
struct Source {
  std::string path;
  std::unique_ptr<LineMap> lines;
  std::string Where(const std::string& pointer) const {
    return path + ":" + std::to_string(lines->Line(pointer));
  }
};

// Deepest nesting of arrays and objects accepted in a pack file.
constexpr int kMaxJsonDepth = 64;

// A reference to a named term set ($name) waiting for the final term table.
constexpr int kCuedPlaceholder = INT_MIN;

struct PendingName {
  std::string name;
  std::string where;
};

class Compiler {
 public:
  /// Compiles every file in order; returns the pack or the first error.
  Expected<std::shared_ptr<const RulePack>> Run(const std::vector<std::string>& files);

 private:
  using Result = std::optional<Failure>;

  Result LoadFile(const json& root);
  Result CompileRequirement(const json& j, const std::string& ptr, Requirement& r, bool is_override);
  Result CompileMatcher(const json& j, const std::string& ptr, Scope inherited, Matcher& m,
                        const std::vector<std::string_view>& extra_keys);
  Result CompileMatcherList(const json& j, const std::string& ptr, Scope inherited,
                            std::vector<Matcher>& out);
  Result CompileTerms(const json& j, const std::string& ptr, TermSet& out);
  Result CompileTermString(const std::string& s, const std::string& ptr, TermSet& out);
  Result CheckKeys(const json& j, const std::string& ptr, const std::vector<std::string_view>& known,
                   const char* what);
  Result String(const json& j, const std::string& ptr, const char* key, std::string& out, bool required);

  int Intern(const std::string& term);
  bool Finalize(std::string* error);
  void Expand(TermSet& set);
  void ExpandMatcher(Matcher& m);

  Source* source_ = nullptr;
  RulePack pack_;
  std::map<std::string, int> interned_;
  std::map<std::string, std::vector<std::string>> names_;  // $name → raw alternatives
  std::vector<PendingName> pending_;                        // index = -(id + 1)
};

const std::vector<std::string_view> kTopKeys = {"pack", "description", "version", "terms",
                                                "requirements", "overrides"};
const std::vector<std::string_view> kRequirementKeys = {
    "id", "title", "severity", "enabled", "decide", "binds", "cues", "clause",
    "exclude", "elements", "weak_if", "suggestion", "comment"};
const std::vector<std::string_view> kMatcherKeys = {
    "scope", "all", "any", "none", "heading", "heading_none", "cued", "modality",
    "proviso", "all_of", "any_of", "none_of", "cites", "bound", "consent", "trigger", "notice_only",
    "provisos", "comment"};
const std::vector<std::string_view> kElementKeys = {"id", "description", "essential", "reason", "enabled"};
const std::vector<std::string_view> kWeakKeys = {"id", "reason", "enabled", "overrides"};

std::string Quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Returns whether |m| or one of its children has a "cites" matcher.
bool UsesCites(const Matcher& m) {
  if (!m.cites.empty()) return true;
  for (auto* list : {&m.all_of, &m.any_of, &m.none_of, &m.provisos})
    for (const Matcher& c : *list)
      if (UsesCites(c)) return true;
  return false;
}

Compiler::Result Compiler::CheckKeys(const json& j, const std::string& ptr,
                                     const std::vector<std::string_view>& known, const char* what) {
  if (!j.is_object()) return Failure{ptr, std::string(what) + " must be an object"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) != known.end()) continue;
    std::string msg = "unknown key " + Quote(it.key()) + " in " + what;
    std::string near = Closest(it.key(), known);
    if (!near.empty()) msg += " (did you mean " + Quote(near) + "?)";
    return Failure{ptr + "/" + it.key(), msg};
  }
  return std::nullopt;
}

Compiler::Result Compiler::String(const json& j, const std::string& ptr, const char* key,
                                  std::string& out, bool required) {
  auto it = j.find(key);
  if (it == j.end()) {
    if (required) return Failure{ptr, std::string("missing key ") + Quote(key)};
    return std::nullopt;
  }
  if (!it->is_string()) return Failure{ptr + "/" + key, Quote(key) + " must be a string"};
  out = it->get<std::string>();
  if (required && out.empty()) return Failure{ptr + "/" + key, Quote(key) + " must not be empty"};
  return std::nullopt;
}

int Compiler::Intern(const std::string& term) {
  std::string norm = text::NormalizeText(term);
  auto [it, inserted] = interned_.emplace(norm, static_cast<int>(pack_.terms.size()));
  if (inserted) pack_.terms.push_back(norm);
  return it->second;
}

// Splits "A|B|C" into alternatives; "$name" refers to a named term set.
Compiler::Result Compiler::CompileTermString(const std::string& s, const std::string& ptr, TermSet& out) {
  if (s.empty()) return Failure{ptr, "empty term"};
  std::size_t start = 0;
  while (true) {
    std::size_t bar = s.find('|', start);
    std::string alt = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
    if (alt.empty()) return Failure{ptr, "empty alternative in term " + Quote(s)};
    if (alt[0] == '$') {
      std::string name = alt.substr(1);
      bool ok = !name.empty();
      for (char c : name) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
      if (!ok) return Failure{ptr, "bad term set name " + Quote(alt)};
      pending_.push_back(PendingName{name, source_->Where(ptr)});
      out.push_back(-static_cast<int>(pending_.size()));
    } else {
      out.push_back(Intern(alt));
    }
    if (bar == std::string::npos) break;
    start = bar + 1;
  }
  return std::nullopt;
}

// A term list: a string ("A|B") or an array of such strings, all alternatives.
Compiler::Result Compiler::CompileTerms(const json& j, const std::string& ptr, TermSet& out) {
  if (j.is_string()) return CompileTermString(j.get<std::string>(), ptr, out);
  if (!j.is_array()) return Failure{ptr, "a term list must be a string or an array of strings"};
  if (j.empty()) return Failure{ptr, "empty term list"};
  for (std::size_t i = 0; i < j.size(); ++i) {
    std::string p = ptr + "/" + std::to_string(i);
    if (!j[i].is_string()) return Failure{p, "a term must be a string"};
    if (auto f = CompileTermString(j[i].get<std::string>(), p, out)) return f;
  }
  return std::nullopt;
}

Compiler::Result Compiler::CompileMatcher(const json& j, const std::string& ptr, Scope inherited,
                                          Matcher& m, const std::vector<std::string_view>& extra_keys) {
  std::vector<std::string_view> known = kMatcherKeys;
  known.insert(known.end(), extra_keys.begin(), extra_keys.end());
  if (auto f = CheckKeys(j, ptr, known, "matcher")) return f;
  m.scope = inherited;
  if (auto it = j.find("scope"); it != j.end()) {
    static const std::vector<std::pair<std::string_view, Scope>> kScopes = {
        {"sentence", Scope::kSentence}, {"clause", Scope::kClause}, {"paragraph", Scope::kParagraph},
        {"article", Scope::kArticle}, {"document", Scope::kDocument}};
    std::string v = it->is_string() ? it->get<std::string>() : "";
    auto found = std::find_if(kScopes.begin(), kScopes.end(), [&](auto& p) { return p.first == v; });
    if (found == kScopes.end())
      return Failure{ptr + "/scope", "unknown scope " + Quote(it->dump()) +
                                         " (expected sentence, clause, paragraph, article or document)"};
    m.scope = found->second;
  }
  if (auto it = j.find("all"); it != j.end()) {
    if (!it->is_array() || it->empty()) return Failure{ptr + "/all", "\"all\" must be a non-empty array of terms"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      TermSet set;
      std::string p = ptr + "/all/" + std::to_string(i);
      if (!(*it)[i].is_string()) return Failure{p, "a term must be a string"};
      if (auto f = CompileTermString((*it)[i].get<std::string>(), p, set)) return f;
      m.all.push_back(std::move(set));
    }
  }
  struct ListKey { const char* key; TermSet* out; };
  for (ListKey k : {ListKey{"any", &m.any}, ListKey{"none", &m.none}, ListKey{"heading", &m.heading},
                    ListKey{"heading_none", &m.heading_none}}) {
    if (auto it = j.find(k.key); it != j.end())
      if (auto f = CompileTerms(*it, ptr + "/" + k.key, *k.out)) return f;
  }
  if (auto it = j.find("cued"); it != j.end()) {
    if (!it->is_boolean()) return Failure{ptr + "/cued", "\"cued\" must be true or false"};
    if (it->get<bool>()) m.heading.push_back(kCuedPlaceholder);  // the requirement's cues, set later
  }
  struct NameSet {
    const char* key;
    std::vector<std::string_view> names;
    unsigned* out;
  };
  const std::vector<std::string_view> modality_names(std::begin(kModalityNames), std::end(kModalityNames));
  for (const NameSet& k : {NameSet{"modality", modality_names, &m.modality},
                           NameSet{"bound", {"vendor", "client", "none"}, &m.bound},
                           NameSet{"consent", {"required", "not-required", "none"}, &m.consent},
                           NameSet{"trigger", {"end", "request", "discretion", "incident"}, &m.trigger}}) {
    auto it = j.find(k.key);
    if (it == j.end()) continue;
    const std::string p = ptr + "/" + k.key;
    json list = it->is_string() ? json::array({*it}) : *it;
    if (!list.is_array() || list.empty())
      return Failure{p, Quote(k.key) + " must be a name or an array of names"};
    for (const json& v : list) {
      std::string name = v.is_string() ? v.get<std::string>() : v.dump();
      auto pos = std::find(k.names.begin(), k.names.end(), name);
      if (pos == k.names.end()) {
        std::string msg = "unknown " + std::string(k.key) + " " + Quote(name);
        std::string near = Closest(name, k.names);
        if (near.empty()) {
          msg += " (expected ";
          for (std::size_t n = 0; n < k.names.size(); ++n)
            msg += (n == 0 ? "" : n + 1 == k.names.size() ? " or " : ", ") + std::string(k.names[n]);
          msg += ")";
        } else {
          msg += " (did you mean " + Quote(near) + "?)";
        }
        return Failure{p, msg};
      }
      *k.out |= 1u << (pos - k.names.begin());
    }
  }
  if (auto it = j.find("notice_only"); it != j.end()) {
    if (!it->is_boolean()) return Failure{ptr + "/notice_only", "\"notice_only\" must be true or false"};
    m.notice_only = it->get<bool>() ? 1 : 0;
  }
  if (auto it = j.find("proviso"); it != j.end()) {
    if (!it->is_boolean()) return Failure{ptr + "/proviso", "\"proviso\" must be true or false"};
    (it->get<bool>() ? m.proviso : m.not_proviso) = true;
  }
  struct ChildKey { const char* key; std::vector<Matcher>* out; };
  for (ChildKey k : {ChildKey{"all_of", &m.all_of}, ChildKey{"any_of", &m.any_of}, ChildKey{"none_of", &m.none_of}}) {
    if (auto it = j.find(k.key); it != j.end())
      if (auto f = CompileMatcherList(*it, ptr + "/" + k.key, m.scope, *k.out)) return f;
  }
  if (auto it = j.find("cites"); it != j.end()) {
    // Anchored at the cited article's sentences: the scope starts afresh there.
    Matcher child;
    if (auto f = CompileMatcher(*it, ptr + "/cites", Scope::kSentence, child, {})) return f;
    if (UsesCites(child)) return Failure{ptr + "/cites", "\"cites\" may not be nested inside \"cites\""};
    m.cites.push_back(std::move(child));
  }
  if (auto it = j.find("provisos"); it != j.end()) {
    // Anchored at each proviso of the anchor sentence.
    Matcher child;
    if (auto f = CompileMatcher(*it, ptr + "/provisos", Scope::kSentence, child, {})) return f;
    m.provisos.push_back(std::move(child));
  }
  return std::nullopt;
}

Compiler::Result Compiler::CompileMatcherList(const json& j, const std::string& ptr, Scope inherited,
                                              std::vector<Matcher>& out) {
  if (!j.is_array() || j.empty()) return Failure{ptr, "must be a non-empty array of matchers"};
  for (std::size_t i = 0; i < j.size(); ++i) {
    Matcher child;
    if (auto f = CompileMatcher(j[i], ptr + "/" + std::to_string(i), inherited, child, {})) return f;
    out.push_back(std::move(child));
  }
  return std::nullopt;
}

// Replaces the "cued" heading placeholder by the requirement's cue set.
// Returns whether |m| (or a child) uses "cued".
bool ApplyCues(Matcher& m, const TermSet& cues) {
  bool used = false;
  auto it = std::find(m.heading.begin(), m.heading.end(), kCuedPlaceholder);
  if (it != m.heading.end()) {
    used = true;
    m.heading.erase(it);
    m.heading.insert(m.heading.end(), cues.begin(), cues.end());
    m.heading.Seal();
  }
  for (auto* list : {&m.all_of, &m.any_of, &m.none_of, &m.cites, &m.provisos})
    for (Matcher& c : *list) used = ApplyCues(c, cues) || used;
  return used;
}

Compiler::Result Compiler::CompileRequirement(const json& j, const std::string& ptr, Requirement& r,
                                              bool is_override) {
  if (auto f = CheckKeys(j, ptr, kRequirementKeys, is_override ? "override" : "requirement")) return f;
  if (!is_override) {
    for (const char* key : {"title", "severity", "clause", "suggestion"})
      if (!j.contains(key)) return Failure{ptr, "requirement " + Quote(r.id) + ": missing key " + Quote(key)};
  }
  if (auto f = String(j, ptr, "title", r.title, false)) return f;
  if (auto f = String(j, ptr, "suggestion", r.suggestion, false)) return f;
  if (auto it = j.find("severity"); it != j.end()) {
    std::string v = it->is_string() ? it->get<std::string>() : it->dump();
    if (v == "required") r.severity = Severity::kRequired;
    else if (v == "recommended") r.severity = Severity::kRecommended;
    else return Failure{ptr + "/severity", "unknown severity " + Quote(v) + " (expected required or recommended)"};
  }
  if (auto it = j.find("enabled"); it != j.end()) {
    if (!it->is_boolean()) return Failure{ptr + "/enabled", "\"enabled\" must be true or false"};
    r.enabled = it->get<bool>();
  }
  if (auto it = j.find("decide"); it != j.end()) {
    std::string v = it->is_string() ? it->get<std::string>() : it->dump();
    if (v == "best") r.decide = Decide::kBest;
    else if (v == "worst") r.decide = Decide::kWorst;
    else return Failure{ptr + "/decide", "unknown decide " + Quote(v) + " (expected best or worst)"};
  }
  if (auto it = j.find("binds"); it != j.end()) {
    std::string v = it->is_string() ? it->get<std::string>() : it->dump();
    if (v == "vendor") r.binds = Binds::kVendor;
    else if (v == "client") r.binds = Binds::kClient;
    else if (v == "either") r.binds = Binds::kEither;
    else return Failure{ptr + "/binds", "unknown binds " + Quote(v) + " (expected vendor, client or either)"};
  }
  if (auto it = j.find("cues"); it != j.end()) {
    r.cues.clear();
    if (auto f = CompileTerms(*it, ptr + "/cues", r.cues)) return f;
  }
  const TermSet& cues = r.cues;
  if (auto it = j.find("clause"); it != j.end()) {
    r.clause = Matcher{};
    if (auto f = CompileMatcher(*it, ptr + "/clause", Scope::kSentence, r.clause, {})) return f;
  }
  if (auto it = j.find("exclude"); it != j.end()) {
    r.exclude.clear();
    if (auto f = CompileMatcherList(*it, ptr + "/exclude", Scope::kClause, r.exclude)) return f;
  }
  if (auto it = j.find("elements"); it != j.end()) {
    if (!it->is_array()) return Failure{ptr + "/elements", "\"elements\" must be an array"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string p = ptr + "/elements/" + std::to_string(i);
      const json& e = (*it)[i];
      if (!e.is_object()) return Failure{p, "an element must be an object"};
      Element el;
      if (auto f = String(e, p, "id", el.id, true)) return f;
      auto existing = std::find_if(r.elements.begin(), r.elements.end(), [&](auto& x) { return x.id == el.id; });
      bool disable = e.contains("enabled") && e["enabled"].is_boolean() && !e["enabled"].get<bool>();
      if (disable) {
        if (existing == r.elements.end()) return Failure{p, "unknown element " + Quote(el.id) + " of " + Quote(r.id)};
        r.elements.erase(existing);
        continue;
      }
      if (auto f = String(e, p, "description", el.description, true)) return f;
      if (auto f = String(e, p, "reason", el.reason, false)) return f;
      if (auto ess = e.find("essential"); ess != e.end()) {
        if (!ess->is_boolean()) return Failure{p + "/essential", "\"essential\" must be true or false"};
        el.essential = ess->get<bool>();
      }
      if (auto f = CompileMatcher(e, p, Scope::kClause, el.match, kElementKeys)) return f;
      if (existing != r.elements.end()) *existing = std::move(el);
      else r.elements.push_back(std::move(el));
    }
  }
  if (auto it = j.find("weak_if"); it != j.end()) {
    if (!it->is_array()) return Failure{ptr + "/weak_if", "\"weak_if\" must be an array"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string p = ptr + "/weak_if/" + std::to_string(i);
      const json& e = (*it)[i];
      if (!e.is_object()) return Failure{p, "a weak_if entry must be an object"};
      WeakIf w;
      if (auto f = String(e, p, "id", w.id, true)) return f;
      auto existing = std::find_if(r.weak_if.begin(), r.weak_if.end(), [&](auto& x) { return x.id == w.id; });
      bool disable = e.contains("enabled") && e["enabled"].is_boolean() && !e["enabled"].get<bool>();
      if (disable) {
        if (existing == r.weak_if.end()) return Failure{p, "unknown weak_if " + Quote(w.id) + " of " + Quote(r.id)};
        r.weak_if.erase(existing);
        continue;
      }
      if (auto f = String(e, p, "reason", w.reason, true)) return f;
      if (auto o = e.find("overrides"); o != e.end()) {
        if (!o->is_boolean()) return Failure{p + "/overrides", "\"overrides\" must be true or false"};
        w.overrides = o->get<bool>();
      }
      if (auto f = CompileMatcher(e, p, Scope::kClause, w.match, kWeakKeys)) return f;
      if (existing != r.weak_if.end()) *existing = std::move(w);
      else r.weak_if.push_back(std::move(w));
    }
  }
  bool cued = ApplyCues(r.clause, cues);
  for (Matcher& m : r.exclude) cued = ApplyCues(m, cues) || cued;
  for (Element& e : r.elements) cued = ApplyCues(e.match, cues) || cued;
  for (WeakIf& w : r.weak_if) cued = ApplyCues(w.match, cues) || cued;
  if (cued && cues.empty()) return Failure{ptr, "requirement " + Quote(r.id) + " uses \"cued\" but has no \"cues\""};
  return std::nullopt;
}

Compiler::Result Compiler::LoadFile(const json& root) {
  if (auto f = CheckKeys(root, "", kTopKeys, "rule pack")) return f;
  if (auto it = root.find("terms"); it != root.end()) {
    if (!it->is_object()) return Failure{"/terms", "\"terms\" must be an object of named term lists"};
    for (auto t = it->begin(); t != it->end(); ++t) {
      std::string p = "/terms/" + t.key();
      std::vector<std::string> alts;
      json list = t->is_string() ? json::array({*t}) : *t;
      if (!list.is_array() || list.empty()) return Failure{p, "term set " + Quote(t.key()) + " must be a non-empty list"};
      for (const json& v : list) {
        if (!v.is_string() || v.get<std::string>().empty()) return Failure{p, "term set " + Quote(t.key()) + ": bad term"};
        std::string s = v.get<std::string>();
        std::size_t start = 0;
        while (true) {
          std::size_t bar = s.find('|', start);
          std::string alt = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
          if (alt.empty()) return Failure{p, "empty alternative in term set " + Quote(t.key())};
          alts.push_back(alt);
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
      }
      names_[t.key()] = std::move(alts);
    }
  }
  if (auto it = root.find("requirements"); it != root.end()) {
    if (!it->is_array()) return Failure{"/requirements", "\"requirements\" must be an array"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string p = "/requirements/" + std::to_string(i);
      const json& j = (*it)[i];
      if (!j.is_object()) return Failure{p, "a requirement must be an object"};
      Requirement r;
      if (auto f = String(j, p, "id", r.id, true)) return f;
      for (const Requirement& other : pack_.requirements)
        if (other.id == r.id)
          return Failure{p + "/id", "duplicate requirement id " + Quote(r.id) + " (first defined at " +
                                        other.origin + "; use \"overrides\" to change it)"};
      r.origin = source_->Where(p);
      if (auto f = CompileRequirement(j, p, r, false)) return f;
      pack_.requirements.push_back(std::move(r));
    }
  }
  if (auto it = root.find("overrides"); it != root.end()) {
    if (!it->is_array()) return Failure{"/overrides", "\"overrides\" must be an array"};
    for (std::size_t i = 0; i < it->size(); ++i) {
      std::string p = "/overrides/" + std::to_string(i);
      const json& j = (*it)[i];
      if (!j.is_object()) return Failure{p, "an override must be an object"};
      std::string id;
      if (auto f = String(j, p, "id", id, true)) return f;
      auto target = std::find_if(pack_.requirements.begin(), pack_.requirements.end(),
                                 [&](const Requirement& r) { return r.id == id; });
      if (target == pack_.requirements.end()) {
        std::vector<std::string_view> ids;
        for (const Requirement& r : pack_.requirements) ids.push_back(r.id);
        std::string msg = "override of unknown requirement " + Quote(id);
        std::string near = Closest(id, ids);
        if (!near.empty()) msg += " (did you mean " + Quote(near) + "?)";
        return Failure{p + "/id", msg};
      }
      if (auto f = CompileRequirement(j, p, *target, true)) return f;
    }
  }
  return std::nullopt;
}

void Compiler::Expand(TermSet& set) {
  TermSet out;
  for (int id : set) {
    if (id >= 0) {
      out.push_back(id);
      continue;
    }
    for (const std::string& alt : names_[pending_[-id - 1].name]) out.push_back(Intern(alt));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  set = std::move(out);
  set.Seal();
}

void Compiler::ExpandMatcher(Matcher& m) {
  for (TermSet& s : m.all) Expand(s);
  for (TermSet* s : {&m.any, &m.none, &m.heading, &m.heading_none}) Expand(*s);
  for (auto* list : {&m.all_of, &m.any_of, &m.none_of, &m.cites, &m.provisos})
    for (Matcher& c : *list) ExpandMatcher(c);
}

// Sets |m|'s need (Matcher::need) and its children's, from the leaves up.
void DeriveNeed(Matcher& m) {
  for (auto* list : {&m.all_of, &m.any_of, &m.none_of, &m.cites, &m.provisos})
    for (Matcher& c : *list) DeriveNeed(c);
  m.need.clear();
  m.has_need = m.test_need = false;
  if (m.scope != Scope::kSentence) return;
  if (!m.all.empty()) {
    m.need = m.all.front();
  } else if (!m.any.empty()) {
    m.need = m.any;
  } else {
    auto child = std::find_if(m.all_of.begin(), m.all_of.end(), [](const Matcher& c) { return c.has_need; });
    if (child != m.all_of.end()) {
      m.need = child->need;
    } else if (!m.any_of.empty() &&
               std::all_of(m.any_of.begin(), m.any_of.end(), [](const Matcher& c) { return c.has_need; })) {
      for (const Matcher& c : m.any_of) m.need.insert(m.need.end(), c.need.begin(), c.need.end());
    } else {
      return;
    }
    m.test_need = true;
  }
  std::sort(m.need.begin(), m.need.end());
  m.need.erase(std::unique(m.need.begin(), m.need.end()), m.need.end());
  m.need.Seal();
  m.has_need = true;
}

bool Compiler::Finalize(std::string* error) {
  for (const PendingName& p : pending_) {
    if (names_.count(p.name)) continue;
    std::vector<std::string_view> known;
    for (auto& [k, v] : names_) known.push_back(k);
    *error = p.where + ": unknown term set \"$" + p.name + "\"";
    std::string near = Closest(p.name, known);
    if (!near.empty()) *error += " (did you mean \"$" + near + "\"?)";
    return false;
  }
  for (Requirement& r : pack_.requirements) {
    Expand(r.cues);
    ExpandMatcher(r.clause);
    for (Matcher& m : r.exclude) ExpandMatcher(m);
    for (Element& e : r.elements) ExpandMatcher(e.match);
    for (WeakIf& w : r.weak_if) ExpandMatcher(w.match);
    DeriveNeed(r.clause);
    for (Matcher& m : r.exclude) DeriveNeed(m);
    for (Element& e : r.elements) DeriveNeed(e.match);
    for (WeakIf& w : r.weak_if) DeriveNeed(w.match);
  }
  return true;
}

std::vector<std::string> ExpandPaths(const std::vector<std::string>& paths, std::string* error) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> in_dir;
      for (const auto& entry : fs::directory_iterator(p, ec)) {
        std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".json" || ext == ".jsonc")) in_dir.push_back(entry.path().string());
      }
      if (in_dir.empty()) {
        *error = p + ": no rule pack (*.json, *.jsonc) in directory";
        return {};
      }
      std::sort(in_dir.begin(), in_dir.end());
      files.insert(files.end(), in_dir.begin(), in_dir.end());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      *error = p + ": no such file or directory";
      return {};
    }
  }
  return files;
}

Expected<std::shared_ptr<const RulePack>> Compiler::Run(const std::vector<std::string>& paths) {
  if (paths.empty()) return MakeError(ErrorCode::kInvalidRules, "no rule pack given");
  std::string error;
  std::vector<std::string> files = ExpandPaths(paths, &error);
  if (!error.empty()) return MakeError(ErrorCode::kInvalidRules, error);
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kInvalidRules, file + ": cannot open");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto parsed = base::ParseJson(file, text, ErrorCode::kInvalidRules, kMaxJsonDepth);
    if (!parsed) return tl::unexpected(parsed.error());
    json root = std::move(*parsed);
    Source source{file, std::make_unique<LineMap>(text)};
    source_ = &source;
    if (auto f = LoadFile(root)) {
      source_ = nullptr;
      return MakeError(ErrorCode::kInvalidRules, source.Where(f->pointer) + ": " + f->message);
    }
    source_ = nullptr;
    pack_.files.push_back(file);
    PackInfo info{file, {}, {}};
    if (auto it = root.find("pack"); it != root.end() && it->is_string()) info.name = it->get<std::string>();
    if (auto it = root.find("version"); it != root.end() && !it->is_null()) {
      info.version = it->is_string() ? it->get<std::string>() : it->dump();
    }
    pack_.packs.push_back(std::move(info));
  }
  if (!Finalize(&error)) return MakeError(ErrorCode::kInvalidRules, error);
  return std::make_shared<const RulePack>(std::move(pack_));
}

}  // namespace

Expected<std::shared_ptr<const RulePack>> LoadRulePacks(const std::vector<std::string>& paths) {
  Compiler compiler;
  return compiler.Run(paths);
}

std::vector<RequirementInfo> EnabledRequirements(const RulePack& pack) {
  std::vector<RequirementInfo> out;
  for (const Requirement& r : pack.requirements) {
    if (r.enabled) out.push_back({r.id, r.title, r.severity});
  }
  return out;
}

std::vector<PackInfo> LoadedPacks(const RulePack& pack) { return pack.packs; }

std::vector<std::string> RequirementCues(const RulePack& pack, const std::string& id) {
  std::vector<std::string> out;
  for (const Requirement& r : pack.requirements) {
    if (r.id != id) continue;
    for (int term : r.cues) {
      if (term >= 0 && static_cast<std::size_t>(term) < pack.terms.size()) {
        out.push_back(pack.terms[static_cast<std::size_t>(term)]);
      }
    }
  }
  return out;
}

Expected<std::string> FindDefaultRules() {
  std::vector<std::string> looked;
  std::error_code ec;
  if (const char* env = std::getenv("CLAUSEGAP_RULES"); env && *env) {
    // Named explicitly: a wrong name is an error, never a silent fallback
    // to another pack.
    if (fs::is_directory(env, ec)) return std::string(env);
    return MakeError(ErrorCode::kInvalidRules,
                     std::string(env) + ": not a folder of rule packs ($CLAUSEGAP_RULES); " +
                         "point CLAUSEGAP_RULES at a folder of *.json / *.jsonc packs, or unset it");
  }
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // The build tree keeps rules/ next to the binary; an install moved to
    // another prefix keeps it in ../share/clausegap/rules.
    for (fs::path dir : {exe.parent_path() / "rules",
                         exe.parent_path().parent_path() / "share" / "clausegap" / "rules"}) {
      if (fs::is_directory(dir, ec)) return dir.string();
      looked.push_back(dir.lexically_normal().string());
    }
  }
#ifdef CLAUSEGAP_DATADIR
  {
    std::string dir = std::string(CLAUSEGAP_DATADIR) + "/rules";
    if (fs::is_directory(dir, ec)) return dir;
    looked.push_back(dir);
  }
#endif
  std::string msg = "default rule pack not found; looked in:";
  for (const std::string& l : looked) msg += " " + l;
  return MakeError(ErrorCode::kInvalidRules, msg);
}

}  // namespace clausegap::engine
