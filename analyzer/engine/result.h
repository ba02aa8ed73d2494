// What the rule engine decides for one document: a value per requirement.
//
// Produced by engine/, printed by report/. Plain values, no formatting: the
// engine never decides how a result looks, the printers never decide what
// matches.
#ifndef CLAUSEGAP_ENGINE_RESULT_H_
#define CLAUSEGAP_ENGINE_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace clausegap::engine {

/// A requirement's verdict (see shared spec: present / weak / missing).
enum class Status { kPresent, kWeak, kMissing };
/// How much a gap matters.
enum class Severity { kRequired, kRecommended };

/// Returns "present" / "weak" / "missing".
const char* StatusName(Status status);
/// Returns "required" / "recommended".
const char* SeverityName(Severity severity);

/// A place in the document that supports a verdict.
struct Evidence {
  std::string label;    ///< full citation label: "第5条第2項"; "" for text outside articles
  std::string heading;  ///< the article heading without brackets ("再委託の禁止"); may be empty
  std::string text;     ///< the sentence, quoted exactly from the document
  int sentence = -1;    ///< index into structure::Structure::sentences
  int block = -1;       ///< index into model::Document::blocks
  int page = -1;        ///< 1-based page for paginated sources (PDF); -1 when unknown
  /// |label| in the document's own numerals ("第五条第２項"), what people read;
  /// |label| stays canonical for matching. May be empty: then use |label|.
  std::string written_label{};
};

/// The role a contract party plays towards the protected information.
enum class PartyRole {
  kClient,   ///< hands the work / information over (委託者, 開示者, 甲 in most contracts)
  kVendor,   ///< receives or processes it (受託者, 受領者, 委託先)
  kMutual,   ///< both parties disclose and receive (mutual NDA: 各当事者)
  kUnknown,  ///< the document does not say
};

/// Returns "client" / "vendor" / "mutual" / "unknown".
const char* PartyRoleName(PartyRole role);

/// A party of the contract as the document names it.
struct Party {
  std::string name;     ///< the name the clauses use: "乙", "受託者", "当社"
  std::string full_name;  ///< the legal name from the preamble ("株式会社B"); may be empty
  PartyRole role = PartyRole::kUnknown;
  std::vector<std::string> aliases;  ///< other names for the same party ("乙" for "受託者")
};

/// One essential or recommended element of a requirement.
struct ElementResult {
  std::string id;           ///< pack-defined, e.g. "prior-consent"
  std::string description;  ///< human text from the pack
  bool essential = false;   ///< essential elements decide present vs weak
  bool found = false;
  std::vector<Evidence> evidence;  ///< where it was found (empty when not found)
};

/// A pending tracked change that touches the clause of a requirement.
struct PendingRevision {
  std::string kind;     ///< model::RevisionKindName
  std::string author;
  std::string date;
  std::string label;    ///< article label of the touched clause ("第8条"), may be empty
  std::string text;     ///< the inserted / deleted text
  std::string message;  ///< "第8条 is deleted in a pending revision by 山田"
  std::string written_label{};  ///< |label| in the document's numerals ("第八条"), may be empty
};

/// The verdict for one requirement of the pack.
struct RequirementResult {
  std::string id;        ///< stable rule id ("redelegation")
  std::string title;     ///< "再委託の禁止・制限"
  Severity severity = Severity::kRecommended;
  Status status = Status::kMissing;
  std::vector<std::string> reasons;   ///< why weak (or missing), one sentence each
  std::vector<ElementResult> elements;
  std::vector<Evidence> evidence;     ///< the clause(s) the verdict rests on
  /// The party the deciding clause binds, as the document names it
  /// ("乙（受託者）"); empty when no clause was found or the bound party is unknown.
  std::string bound;
  std::string suggestion;             ///< model clause for gaps; empty when present
  std::vector<PendingRevision> pending_revisions;
  /// The gap was accepted by a waiver: reported, but it does not fail the gate.
  bool waived = false;
  std::string waiver_reason;  ///< the waiver's reason when |waived|
};

/// One sentence of the contract's text, for printers that show the whole
/// text (Printer::NeedsText); Evidence::sentence refers to |sentence|.
struct Passage {
  std::string label;    ///< full citation label of the sentence; "" outside articles
  std::string heading;  ///< the heading of its article without brackets; may be empty
  std::string text;     ///< the sentence, exactly as in the document
  int sentence = -1;    ///< index into structure::Structure::sentences
  int block = -1;       ///< index into model::Document::blocks
  std::string written_label{};  ///< |label| in the document's numerals; may be empty
};

/// The report for one input document.
struct DocumentReport {
  std::string file;
  bool ok = true;             ///< false when the document could not be read
  std::string error_code;     ///< ErrorCodeName when !ok
  std::string error;          ///< "path: cause" when !ok
  std::string title;          ///< the contract's title, when known
  /// The parties and their roles (engine/parties); empty when none were found.
  std::vector<Party> parties;
  /// The vendor / recipient as the clauses name it ("乙", "受託者"); the one
  /// suggestions bind. Empty when unknown.
  std::string vendor;
  /// The client / discloser as the clauses name it ("甲", "委託者").
  std::string client;
  std::vector<RequirementResult> requirements;
  /// SHA-256 of the input's bytes (64 hex digits); empty when it could not
  /// be read at all. Filled where the document is read (api/analyzer).
  std::string sha256;
  /// The input's size in bytes; -1 when unknown.
  std::int64_t size = -1;
  /// The kind of document (classify::KindId: "outsourcing", "nda",
  /// "memorandum", "data-processing", "terms", "employment", "other");
  /// empty when not classified.
  std::string kind;
  /// "doc" / "rtf" when LibreOffice converted the file before it was read
  /// (--convert-legacy); empty otherwise.
  std::string converted_from;
  /// The contract's sentences in reading order; filled only when the
  /// printer asks for them (Printer::NeedsText), else empty.
  std::vector<Passage> text;
};

}  // namespace clausegap::engine

#endif  // CLAUSEGAP_ENGINE_RESULT_H_
