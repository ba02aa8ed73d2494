// End to end: runs the built `clausegap check` on the sample contracts
// (samples/README.md says what each one contains by design) and checks the
// clausegap/report/v1 JSON contract, the exit codes and colour handling.
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "e2e/run.h"

extern char** environ;

namespace {

namespace e2e = clausegap::e2e;
using nlohmann::json;

using e2e::RunResult;

// Runs `clausegap ARGS` (stdout and stderr piped: not a terminal).
RunResult Clausegap(const std::vector<std::string>& args) {
  return e2e::RunClausegap(args, /*timeout_seconds=*/300);
}

// |set| entries "NAME=value" replace or add variables; |unset| names are removed.
std::vector<std::string> Environment(const std::vector<std::string>& set,
                                     const std::vector<std::string>& unset) {
  std::vector<std::string> env;
  auto overridden = [&](const std::string& entry) {
    std::string name = entry.substr(0, entry.find('='));
    for (const std::string& u : unset) {
      if (u == name) return true;
    }
    for (const std::string& s : set) {
      if (s.substr(0, s.find('=')) == name) return true;
    }
    return false;
  };
  for (char** e = environ; *e != nullptr; ++e) {
    if (!overridden(*e)) env.push_back(*e);
  }
  env.insert(env.end(), set.begin(), set.end());
  return env;
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Runs `clausegap ARGS` with stdout and stderr on a pseudo-terminal.
RunResult ClausegapOnTerminal(std::vector<std::string> args, const std::vector<std::string>& set_env,
                        const std::vector<std::string>& unset_env) {
  args.insert(args.begin(), CLAUSEGAP_EXE);
  std::vector<std::string> env = Environment(set_env, unset_env);
  std::vector<char*> argv = CStrings(args), envp = CStrings(env);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  RunResult run;
  char buffer[65536];
  for (;;) {
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) {
      run.out.append(buffer, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;  // EIO once the child has closed the terminal
    }
  }
  close(master);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return run;
}

// Returns the path of samples/<name>.docx.
std::string Sample(std::string_view name) { return e2e::SamplePath(name); }

json ParseReport(const RunResult& run) {
  INFO("stdout: " << run.out.substr(0, 2000));
  INFO("stderr: " << run.err.substr(0, 2000));
  json report = json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(report.is_discarded());
  return report;
}

// Returns the requirement |id| of |doc|, failing the test if absent.
json Requirement(const json& doc, const std::string& id) {
  for (const json& r : doc["requirements"]) {
    if (r["id"] == id) return r;
  }
  FAIL("requirement " << id << " not in the report of " << doc["file"]);
  return json();
}

std::map<std::string, std::string> Statuses(const json& doc) {
  std::map<std::string, std::string> out;
  for (const json& r : doc["requirements"]) out[r["id"]] = r["status"];
  return out;
}

const std::vector<std::string> kCore = {"redelegation", "return-deletion",
                                        "breach-notification", "liability"};
const std::vector<std::string> kAllIds = {
    "redelegation",      "return-deletion", "breach-notification", "liability",
    "confidential-definition", "confidentiality", "purpose-limitation", "copy-restriction",
    "security-measures", "audit",           "personnel",           "compliance",
    "survival",          "termination-for-breach", "data-location"};

// Checks the shape and types of every field of one evidence object.
void CheckEvidenceShape(const json& e) {
  REQUIRE(e.is_object());
  CHECK(e.size() == 4);
  CHECK(e["label"].is_string());
  CHECK(e["label_as_written"].is_string());
  CHECK(e["heading"].is_string());
  CHECK(e["text"].is_string());
  CHECK_FALSE(e["text"].get<std::string>().empty());
}

// Checks the shape and types of every field of one ok document.
void CheckDocumentShape(const json& doc) {
  for (const char* key : {"file", "status", "error", "error_code", "title", "requirements"}) {
    CAPTURE(key);
    CHECK(doc.contains(key));
  }
  CHECK(doc["status"] == "ok");
  CHECK(doc["error"].is_null());
  CHECK(doc["error_code"].is_null());
  CHECK(doc["title"].is_string());
  std::set<std::string> ids;
  for (const json& r : doc["requirements"]) {
    CAPTURE(r["id"]);
    ids.insert(r["id"].get<std::string>());
    CHECK(r["title"].is_string());
    CHECK((r["severity"] == "required" || r["severity"] == "recommended"));
    CHECK((r["status"] == "present" || r["status"] == "weak" || r["status"] == "missing"));
    CHECK(r["reasons"].is_array());
    for (const json& reason : r["reasons"]) CHECK(reason.is_string());
    REQUIRE(r["elements"].is_array());
    bool essential_missing = false;
    for (const json& e : r["elements"]) {
      CHECK(e["id"].is_string());
      CHECK(e["found"].is_boolean());
      CHECK(e["essential"].is_boolean());
      CHECK(e["description"].is_string());
      REQUIRE(e["evidence"].is_array());
      for (const json& ev : e["evidence"]) CheckEvidenceShape(ev);
      if (e["essential"] == true && e["found"] == false) essential_missing = true;
    }
    // An essential element not found rules out "present" (spec: present =
    // every essential element).
    if (essential_missing) CHECK(r["status"] != "present");
    REQUIRE(r["evidence"].is_array());
    for (const json& ev : r["evidence"]) CheckEvidenceShape(ev);
    if (r["status"] == "missing") {
      CHECK(r["evidence"].empty());
    } else {
      CHECK_FALSE(r["evidence"].empty());
    }
    if (r["status"] == "present") {
      CHECK(r["suggestion"].is_null());
    } else {
      // Every gap comes with a model clause.
      REQUIRE(r["suggestion"].is_string());
      CHECK_FALSE(r["suggestion"].get<std::string>().empty());
    }
    if (r["status"] == "weak") CHECK_FALSE(r["reasons"].empty());
    REQUIRE(r["pending_revisions"].is_array());
    for (const json& p : r["pending_revisions"]) {
      for (const char* key : {"kind", "author", "date", "label", "text", "message"}) {
        CAPTURE(key);
        CHECK(p[key].is_string());
      }
    }
  }
  for (const std::string& id : kAllIds) {
    CAPTURE(id);
    CHECK(ids.count(id) == 1);
  }
  for (const std::string& id : kCore) {
    CAPTURE(id);
    CHECK(Requirement(doc, id)["severity"] == "required");
  }
}

TEST_CASE("a complete contract: every required clause present, exit 0") {
  RunResult run = Clausegap({"check", "--format", "json", Sample("itaku-callcenter")});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  json report = ParseReport(run);
  CHECK(report["schema"] == "clausegap/report/v1");
  REQUIRE(report["documents"].size() == 1);
  const json& doc = report["documents"][0];
  CheckDocumentShape(doc);
  CHECK(doc["file"] == Sample("itaku-callcenter"));
  CHECK(doc["title"] == "コールセンター業務委託契約書");
  // The required clauses are all there by design (samples/README.md); the
  // designed status of every other requirement is the engine tests' business.
  for (const std::string& id : kCore) {
    CAPTURE(id);
    CHECK(Requirement(doc, id)["status"] == "present");
  }
  json redelegation = Requirement(doc, "redelegation");
  REQUIRE_FALSE(redelegation["evidence"].empty());
  CHECK(redelegation["evidence"][0]["label"].get<std::string>().rfind("第6条", 0) == 0);
  CHECK(redelegation["evidence"][0]["heading"] == "再委託の禁止");
  // Evidence is quoted exactly: every sentence is in the source text.
  std::string source = e2e::ReadFileBytes(std::string(CLAUSEGAP_SOURCE_DIR) + "/samples/itaku-callcenter.md");
  for (const json& r : doc["requirements"]) {
    for (const json& e : r["evidence"]) {
      CAPTURE(e["label"]);
      CHECK(source.find(e["text"].get<std::string>()) != std::string::npos);
    }
  }
  const json& summary = report["summary"];
  CHECK(summary["documents"] == 1);
  CHECK(summary["errors"] == 0);
  CHECK(summary["failed"] == 0);
  CHECK(summary["fail_on"] == "weak");
  CHECK(summary["requirements"].size() == kAllIds.size());
  CHECK(summary["requirements"]["liability"] == json({{"present", 1}, {"weak", 0}, {"missing", 0}}));

  // No required clause is weak either.
  CHECK(Clausegap({"check", "--format", "json", "--fail-on", "weak",
                   Sample("itaku-callcenter")})
            .exit_code == 0);
}

TEST_CASE("a contract with a missing required clause: exit 1, unless --fail-on never") {
  RunResult run = Clausegap({"check", "--format", "json", Sample("nda-gaps")});
  CHECK(run.exit_code == 1);
  json report = ParseReport(run);
  const json& doc = report["documents"][0];
  CheckDocumentShape(doc);
  CHECK(doc["title"] == "秘密保持契約書");
  json redelegation = Requirement(doc, "redelegation");
  CHECK(redelegation["status"] == "missing");
  CHECK(Requirement(doc, "breach-notification")["status"] == "missing");
  json return_deletion = Requirement(doc, "return-deletion");
  CHECK(return_deletion["status"] == "weak");
  REQUIRE_FALSE(return_deletion["evidence"].empty());
  CHECK(return_deletion["evidence"][0]["label"].get<std::string>().rfind("第6条", 0) == 0);
  CHECK(Requirement(doc, "liability")["status"] == "weak");
  CHECK(report["summary"]["failed"] == 1);
  CHECK(report["summary"]["requirements"]["redelegation"]["missing"] == 1);

  RunResult never = Clausegap({"check", "--format", "json", "--fail-on", "never", Sample("nda-gaps")});
  CHECK(never.exit_code == 0);
  json never_report = ParseReport(never);
  CHECK(Statuses(never_report["documents"][0]) == Statuses(doc));
  CHECK(never_report["summary"]["failed"] == 0);
  CHECK(never_report["summary"]["fail_on"] == "never");
}

TEST_CASE("weak required clauses only: exit 1 by default, 0 with --fail-on missing") {
  RunResult run = Clausegap({"check", "--format", "json", "--fail-on", "missing", Sample("data-entry")});
  CHECK(run.exit_code == 0);
  json doc = ParseReport(run)["documents"][0];
  CheckDocumentShape(doc);
  json redelegation = Requirement(doc, "redelegation");
  CHECK(redelegation["status"] == "weak");
  REQUIRE_FALSE(redelegation["evidence"].empty());
  // Kanji article numbers are cited with half-width digits.
  CHECK(redelegation["evidence"][0]["label"].get<std::string>().rfind("第9条", 0) == 0);
  CHECK(Requirement(doc, "return-deletion")["status"] == "weak");
  CHECK(Requirement(doc, "breach-notification")["status"] == "present");
  CHECK(Requirement(doc, "liability")["status"] == "present");

  RunResult weak = Clausegap({"check", "--format", "json", Sample("data-entry")});
  CHECK(weak.exit_code == 1);
  CHECK(ParseReport(weak)["summary"]["failed"] == 1);
  CHECK(Clausegap({"check", "--format", "json", "--fail-on", "never", Sample("data-entry")})
            .exit_code == 0);
}

TEST_CASE("a pending deletion of a required clause is reported; --original evaluates the draft") {
  RunResult run = Clausegap({"check", "--format", "json", Sample("tracked-changes")});
  CHECK(run.exit_code == 1);
  json doc = ParseReport(run)["documents"][0];
  CheckDocumentShape(doc);
  json breach = Requirement(doc, "breach-notification");
  CHECK(breach["status"] == "missing");
  bool deletion_reported = false;
  for (const json& p : breach["pending_revisions"]) {
    if (p["kind"] == "deletion" && p["author"] == "山田 太郎" &&
        p["label"].get<std::string>().rfind("第8条", 0) == 0) {
      deletion_reported = true;
      CHECK(p["date"] == "2024-05-13T10:20:00Z");
      std::string message = p["message"];
      CHECK(message.find("第8条") != std::string::npos);
      CHECK(message.find("山田 太郎") != std::string::npos);
    }
  }
  CHECK(deletion_reported);
  CHECK(Requirement(doc, "liability")["status"] == "weak");

  RunResult original = Clausegap({"check", "--format", "json", "--original", Sample("tracked-changes")});
  CHECK(original.exit_code == 0);
  json draft = ParseReport(original)["documents"][0];
  CHECK(Requirement(draft, "breach-notification")["status"] == "present");
  CHECK(Requirement(draft, "liability")["status"] == "present");
}

TEST_CASE("an unreadable input is reported, named on stderr, and fails the gate") {
  e2e::ScratchDir scratch;
  std::string missing = (scratch.path() / "no-such-contract.docx").string();
  std::string not_zip = (scratch.path() / "not-a-zip.docx").string();
  REQUIRE(e2e::WriteFileBytes(not_zip, "本契約書はテキストファイルです。\n"));
  RunResult run = Clausegap(
      {"check", "--format", "json", Sample("itaku-callcenter"), missing, not_zip});
  CHECK(run.exit_code == 1);  // some input was read: the gate fails, exit 2 is for none
  json report = ParseReport(run);
  REQUIRE(report["documents"].size() == 3);
  CHECK(report["documents"][0]["status"] == "ok");  // the loop went on
  const json& io = report["documents"][1];
  CHECK(io["file"] == missing);
  CHECK(io["status"] == "error");
  CHECK(io["error_code"] == "io");
  REQUIRE(io["error"].is_string());
  CHECK(io["error"].get<std::string>().rfind(missing + ": ", 0) == 0);
  CHECK(io["requirements"] == json::array());
  const json& zip = report["documents"][2];
  CHECK(zip["status"] == "error");
  CHECK(zip["error_code"] == "not-zip");
  CHECK(report["summary"]["documents"] == 3);
  CHECK(report["summary"]["errors"] == 2);
  // One "clausegap: path: cause" line per unreadable file, in input order.
  CHECK(run.err == "clausegap: " + io["error"].get<std::string>() + "\n" + "clausegap: " +
                       zip["error"].get<std::string>() + "\n");

  // When nothing at all could be read, even --fail-on never exits 2.
  CHECK(Clausegap({"check", "--fail-on", "never", missing}).exit_code == 2);
}

TEST_CASE("bad flags exit 2 without a report") {
  RunResult format = Clausegap({"check", "--format", "yaml", Sample("itaku-callcenter")});
  CHECK(format.exit_code == 2);
  CHECK(format.out.empty());
  CHECK(format.err.find("valid: text, json") != std::string::npos);
  RunResult fail_on = Clausegap({"check", "--fail-on", "always", Sample("itaku-callcenter")});
  CHECK(fail_on.exit_code == 2);
  CHECK(fail_on.err.find("valid: missing, weak, never") != std::string::npos);
  CHECK(Clausegap({"check"}).exit_code == 2);
  RunResult rules = Clausegap({"check", "--rules", std::string(CLAUSEGAP_SOURCE_DIR) + "/no-such-rules.json",
                         Sample("itaku-callcenter")});
  CHECK(rules.exit_code == 2);
  CHECK(rules.out.empty());
  CHECK(rules.err.find("no-such-rules.json") != std::string::npos);
}

TEST_CASE("text report: marks, gaps with quoted evidence and suggestion, no ANSI when piped") {
  RunResult run = Clausegap({"check", "--lang", "en", Sample("nda-gaps")});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.rfind(Sample("nda-gaps") + " — 秘密保持契約書\n", 0) == 0);
  CHECK(run.out.find("  ✗ [required]    redelegation") != std::string::npos);
  CHECK(run.out.find("  △ [required]    return-deletion") != std::string::npos);
  CHECK(run.out.find("  ✓ [recommended] confidentiality") != std::string::npos);
  std::size_t gaps = run.out.find("\n  Gaps\n");
  REQUIRE(gaps != std::string::npos);
  std::string details = run.out.substr(gaps);
  CHECK(details.find("  ✗ redelegation") != std::string::npos);
  CHECK(details.find("      Evidence: 第6条") != std::string::npos);
  CHECK(details.find("      Suggested clause:\n") != std::string::npos);

  // The same text, whatever the format, comes from the JSON's evidence.
  json doc = ParseReport(Clausegap({"check", "--format", "json", Sample("nda-gaps")}))
                 ["documents"][0];
  json return_deletion = Requirement(doc, "return-deletion");
  REQUIRE_FALSE(return_deletion["evidence"].empty());
  for (const json& e : return_deletion["evidence"]) {
    CHECK(details.find("「" + e["text"].get<std::string>() + "」") != std::string::npos);
  }
}

TEST_CASE("colour: forced with --color always; auto on a terminal unless NO_COLOR") {
  RunResult forced = Clausegap({"check", "--color", "always", Sample("nda-gaps")});
  CHECK(forced.out.find("\x1b[31m✗\x1b[0m") != std::string::npos);

  RunResult terminal = ClausegapOnTerminal({"check", Sample("nda-gaps")}, {"TERM=xterm"},
                                     {"NO_COLOR"});
  CHECK(terminal.exit_code == 1);
  CHECK(terminal.out.find("\x1b[31m✗\x1b[0m") != std::string::npos);

  RunResult no_color = ClausegapOnTerminal({"check", Sample("nda-gaps")},
                                     {"TERM=xterm", "NO_COLOR=1"}, {});
  CHECK(no_color.exit_code == 1);
  CHECK(no_color.out.find("redelegation") != std::string::npos);
  CHECK(no_color.out.find('\x1b') == std::string::npos);

  RunResult never = ClausegapOnTerminal({"check", "--color", "never", Sample("nda-gaps")},
                                  {"TERM=xterm"}, {"NO_COLOR"});
  CHECK(never.out.find('\x1b') == std::string::npos);
}

TEST_CASE("several documents: one report each, in order, and a totals line") {
  RunResult run = Clausegap({"check", "--lang", "en", "--fail-on", "missing", Sample("itaku-callcenter"),
                             Sample("nda-gaps")});
  CHECK(run.exit_code == 1);
  std::size_t first = run.out.find(Sample("itaku-callcenter") + " — ");
  std::size_t second = run.out.find(Sample("nda-gaps") + " — ");
  CHECK(first == 0);
  CHECK(second != std::string::npos);
  CHECK(second > first);
  CHECK(run.out.find("\nChecked 2 documents: 1 failing --fail-on missing, 0 unreadable\n") !=
        std::string::npos);

  json report = ParseReport(Clausegap({"check", "--format", "json", "--fail-on", "weak",
                                       Sample("itaku-callcenter"), Sample("nda-gaps"),
                                       Sample("data-entry")}));
  REQUIRE(report["documents"].size() == 3);
  CHECK(report["summary"]["documents"] == 3);
  CHECK(report["summary"]["failed"] == 2);
  CHECK(report["summary"]["requirements"]["redelegation"] ==
        json({{"present", 1}, {"weak", 1}, {"missing", 1}}));
}

TEST_CASE("--rules loads a pack after the default one; the gate follows its severities") {
  e2e::ScratchDir scratch;
  std::string pack = (scratch.path() / "audit-required.json").string();
  REQUIRE(e2e::WriteFileBytes(
      pack, R"({"pack":"e2e-override","version":1,"overrides":[{"id":"audit","severity":"required"}]})"));
  // data-entry has no audit clause and only weak required clauses by design.
  CHECK(Clausegap({"check", "--format", "json", "--fail-on", "missing", Sample("data-entry")}).exit_code == 0);
  RunResult run = Clausegap({"check", "--format", "json", "--fail-on", "missing", "--rules", pack,
                             Sample("data-entry")});
  CHECK(run.exit_code == 1);
  json report = ParseReport(run);
  REQUIRE(report["documents"].size() == 1);  // the file after --rules X is an input
  json audit = Requirement(report["documents"][0], "audit");
  CHECK(audit["severity"] == "required");
  CHECK(audit["status"] == "missing");
}

}  // namespace
