// The version diff: what changed, requirement by requirement, between the
// gap reports of two versions of one contract (`clausegap diff OLD NEW`),
// and its two renderings, text and JSON.
//
// Pure values and functions: the comparison never reads a file, the
// renderers never decide what changed. Thread-safe (no shared state).
//
// Change kinds, by status rank present > weak > missing:
//   removed       — the new status is missing, the old one was not;
//   weakened      — present → weak;
//   added         — the old status was missing, the new one is not;
//   strengthened  — weak → present;
//   moved         — same status, the evidence now sits in other articles
//                   (第9条 → 第10条); 項 renumbering inside one article is not
//                   a move;
//   text-changed  — same status and articles, the evidence sentences differ;
//   unchanged     — otherwise. Elements gained or lost are reported with any
//                   kind (a certificate added to an unchanged clause, say).
// A requirement evaluated in only one version counts as missing in the other.
//
// JSON wire format "clausegap/diff/v1" (keys in this order, UTF-8 kept as is,
// invalid bytes replaced with U+FFFD, one requirement per line):
//
//   {"schema": "clausegap/diff/v1",
//    "old": string, "new": string,          // the files as given
//    "requirements": [                      // new report's order, then ids only in the old
//      {"id": string, "title": string,
//       "severity": "required" | "recommended",
//       "old": Side, "new": Side,
//       "change": "unchanged" | "strengthened" | "weakened" | "removed" |
//                 "added" | "moved" | "text-changed",
//       "elements_gained": [Element],       // found in new, not in old
//       "elements_lost": [Element]}],       // found in old, not in new
//    "summary": {"worse": int,              // removed + weakened
//                "better": int,             // added + strengthened
//                "required_worse": int,     // worse and of severity required
//                "changed": int,            // change other than unchanged, or elements differ
//                "unchanged": int}}
//
//   Side    = {"status": "present" | "weak" | "missing" | "not-evaluated",
//              "evidence": [Evidence], "reasons": [string]}
//   Element = {"id": string, "essential": bool, "description": string,
//              "evidence": [Evidence]}      // new evidence when gained, old when lost
//   Evidence = {"label": string, "label_as_written": string, "heading": string, "text": string}
//   ("label" is canonical and decides moves: 第十二条 and 第12条 are one article)
#ifndef CLAUSEGAP_REPORT_DIFF_H_
#define CLAUSEGAP_REPORT_DIFF_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "engine/result.h"
#include "i18n/messages.h"

namespace clausegap::report {

/// How a requirement changed between two versions (see the top of the file).
enum class Change {
  kUnchanged,     ///< same status, same articles, same sentences
  kStrengthened,  ///< weak → present
  kWeakened,      ///< present → weak
  kRemoved,       ///< present or weak → missing
  kAdded,         ///< missing → weak or present
  kMoved,         ///< same status, evidence in other articles
  kTextChanged,   ///< same status and articles, other sentences
};

/// Returns the wire name of |change| ("unchanged", "text-changed" …).
const char* ChangeName(Change change);

/// One version's verdict on a requirement.
struct DiffSide {
  bool evaluated = false;  ///< false when this version's report lacks the requirement
  engine::Status status = engine::Status::kMissing;  ///< kMissing when !evaluated
  std::vector<engine::Evidence> evidence;
  std::vector<std::string> reasons;
};

/// One requirement across the two versions.
struct RequirementDiff {
  std::string id;
  std::string title;  ///< the new version's, or the old one's if only there
  engine::Severity severity = engine::Severity::kRecommended;  ///< likewise
  DiffSide old_side;
  DiffSide new_side;
  Change change = Change::kUnchanged;
  std::vector<engine::ElementResult> elements_gained;  ///< with the new evidence
  std::vector<engine::ElementResult> elements_lost;    ///< with the old evidence

  /// Returns true when the status is lower in the new version.
  bool Worse() const;
  /// Returns true when the status is higher in the new version.
  bool Better() const;
  /// Returns true when the change is not kUnchanged or an element differs.
  bool Changed() const;
};

/// The totals of a diff.
struct DiffSummary {
  int worse = 0;           ///< removed + weakened
  int better = 0;          ///< added + strengthened
  int required_worse = 0;  ///< worse with severity required: fails the gate
  int changed = 0;         ///< RequirementDiff::Changed()
  int unchanged = 0;       ///< the others
};

/// The comparison of two versions.
struct Diff {
  std::string old_file;
  std::string new_file;
  std::string old_title;
  std::string new_title;
  std::vector<RequirementDiff> requirements;
  DiffSummary summary;
};

/// Returns the status rank: present 2, weak 1, missing 0.
int StatusRank(engine::Status status);

/// Returns the article part of a citation label: "第9条" for "第9条第2項第1号",
/// "6" for "6.2", the whole label otherwise ("特記事項", "").
std::string ArticleOf(std::string_view label);

/// Returns how |old_side| became |new_side| (the rules at the top of the file).
Change Classify(const DiffSide& old_side, const DiffSide& new_side);

/// Compares two reports of the same rule pack. Returns kUsage with the
/// report's "path: cause" if either could not be read (ok false).
Expected<Diff> CompareReports(const engine::DocumentReport& old_report,
                              const engine::DocumentReport& new_report);

/// The --format of `clausegap diff`.
enum class DiffFormat {
  kText,  ///< a report for a person (WriteDiffText)
  kJson,  ///< clausegap/diff/v1 (DiffToJson)
};

/// Parses a `diff --format` value ("text", "json"). Returns kUsage naming
/// the valid formats on error.
Expected<DiffFormat> ParseDiffFormat(std::string_view name);

/// The schema name written in every diff.
inline constexpr const char kDiffSchema[] = "clausegap/diff/v1";

/// Returns |diff| in the clausegap/diff/v1 wire format, ending in a newline.
std::string DiffToJson(const Diff& diff);

/// Returns the text rendering: a header, one line per requirement
/// (`old → new` marks, severity, id, title, statuses, change, ids of the
/// elements gained and lost), a count line,
/// then a "Changes" section quoting the evidence of both versions, the
/// reasons and the elements gained or lost for every changed requirement.
/// Labels, statuses and changes are in |lang| (the CLI's default: Japanese).
std::string DiffToText(const Diff& diff, i18n::Lang lang = i18n::Lang::kEn);

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_DIFF_H_
