// The library entry point: check contracts from a program, without the
// command line. Load an Analyzer once (rule packs, MeCab and the legal
// dictionary: tens of milliseconds), then analyse any number of documents,
// from a path or from bytes, each into the report model
// (engine::DocumentReport) that every printer and the CLI use.
//
//   auto analyzer = clausegap::api::Analyzer::Load();
//   if (!analyzer) { std::cerr << analyzer.error().message << '\n'; return 2; }
//   engine::DocumentReport report = analyzer->Analyse({"contract.docx", "contract.docx"});
//   std::cout << clausegap::api::ToJson(report) << '\n';
//
// Threads: an Analyzer is immutable once loaded, cheap to copy (copies share
// the loaded data) and may be used by any number of threads at once.
// Analyse(source, options) borrows a MeCab tagger from the Analyzer's pool;
// a worker that analyses many documents may keep its own Session instead and
// skip the pool's lock. Nothing here throws; failures are values.
#ifndef CLAUSEGAP_API_ANALYZER_H_
#define CLAUSEGAP_API_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "engine/result.h"
#include "engine/rule_pack.h"
#include "model/document.h"
#include "report/printer.h"

// What libclausegap.so exports (everything else in it is hidden).
#define CLAUSEGAP_API __attribute__((visibility("default")))

namespace clausegap {
namespace structure {
struct Structure;
}  // namespace structure

namespace api {

/// What Analyzer::Load loads.
struct Options {
  /// Load the default rule pack before |rules|. Default: true.
  bool default_rules = true;
  /// Extra rule packs (.json / .jsonc files or folders of them), in load
  /// order, after the default pack. Default: none.
  std::vector<std::string> rules;
  /// The vendor as the clauses name it ("乙", "受託者"), for documents that
  /// leave it unclear (--vendor). Default: empty, read from each document.
  std::string vendor;
  /// A folder laid out like an installed share/clausegap: rules/ (the
  /// default pack), legal.dic and, for a bundle, ipadic-utf8/. Searched after
  /// $CLAUSEGAP_RULES / $CLAUSEGAP_DICDIR / $CLAUSEGAP_USERDIC and before the
  /// places beside the executable and the install prefix. Default: empty;
  /// in a shared library (libclausegap.so, the Python module), the folder
  /// beside it that holds rules/ (a build tree) or ../share/clausegap.
  std::string data_dir;
  /// The helper executable clausegap-pdf that reads PDFs in a child process
  /// (pdf::SetIsolationHelper); the first Load that has one sets it for the
  /// process. Default: empty; in a shared library, the clausegap-pdf beside
  /// it or in ../libexec/clausegap. Without one the process forks itself for
  /// each PDF.
  std::string pdf_helper;
};

/// One document: a file on disk, or bytes already in memory (an archive
/// member, an object-store download), reported under |name|.
struct Source {
  std::string name;        ///< the name reports give it
  std::string path;        ///< read from disk when not empty
  std::string_view bytes;  ///< the document when |path| is empty; must outlive the call
};

/// How one document is read.
struct ReadOptions {
  /// kSigned reads pending tracked changes as accepted; kOriginal rejects
  /// them (--original). Default: kSigned.
  model::View view = model::View::kSigned;
  /// Convert legacy .doc / .rtf files with LibreOffice (--convert-legacy).
  /// Default: false.
  bool convert_legacy = false;
  /// Fill DocumentReport::text (printers that show the contract). Default: false.
  bool with_text = false;
};

class Analyzer;

/// A MeCab tagger of one thread, for Analyzer::Analyse without the pool.
/// Not thread-safe itself; keeps its Analyzer's data alive.
class CLAUSEGAP_API Session {
 public:
  explicit Session(const Analyzer& analyzer);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

 private:
  friend class Analyzer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Rule packs and dictionaries, loaded once; see the top of this file.
class CLAUSEGAP_API Analyzer {
 public:
  /// Loads the default rule pack (unless |options.default_rules| is false),
  /// then |options.rules|, then the dictionaries. Returns kUsage when no pack
  /// is left, kInvalidRules for a pack that does not load (also a
  /// $CLAUSEGAP_RULES that is not a folder) and kDictionary for dictionaries.
  static Expected<Analyzer> Load(const Options& options = {});

  /// Reads (any format reader::ReadDocument reads: .docx, PDF, legacy files
  /// when asked), segments, classifies and evaluates |source|. The report
  /// has the SHA-256 and size of the bytes, also for a document that cannot
  /// be read; an unreadable document gives an ErrorReport. Thread-safe.
  engine::DocumentReport Analyse(const Source& source, const ReadOptions& options = {}) const;

  /// Same with |session|'s tagger (|session| must come from this Analyzer
  /// or a copy of it, and be used by one thread at a time).
  engine::DocumentReport Analyse(const Source& source, const ReadOptions& options,
                                 Session& session) const;

  /// Evaluates a document already read and segmented, for callers that need
  /// the document and its structure too (annotate): the engine's report with
  /// |name| as its file, nothing else filled. Thread-safe.
  engine::DocumentReport Evaluate(const model::Document& document,
                                  const structure::Structure& structure,
                                  const std::string& name) const;

  /// Returns the effective (merged) rule pack.
  const engine::RulePack& pack() const;

  /// Returns the rule pack files and folders loaded, in load order.
  const std::vector<std::string>& rule_paths() const;

  /// Returns the audit trail known once loaded: the tool version, each pack
  /// file (name, version, SHA-256) and the effective pack's SHA-256
  /// (RunInfo's other fields are left at their defaults).
  report::RunInfo run_info() const;

 private:
  friend class Session;
  struct Impl;
  explicit Analyzer(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

/// Returns the report of an input that could not be read (ok = false).
CLAUSEGAP_API engine::DocumentReport ErrorReport(const std::string& name, const Error& error);

/// Returns the pack files |rule_paths| name (files, or the *.json / *.jsonc
/// of a folder in name order, as the loader reads them), each with its
/// "pack" name, "version" and SHA-256; unreadable files are left out (the
/// loader has already refused them).
CLAUSEGAP_API std::vector<report::RulePackInfo> DescribePacks(const std::vector<std::string>& rule_paths);

/// Returns the SHA-256 of the files of |packs| concatenated in order.
CLAUSEGAP_API std::string EffectivePackDigest(const std::vector<report::RulePackInfo>& packs);

/// Returns |report| as one report/v1 document object (report/json_printer.h),
/// on one line, in |lang|, its gate at |fail_on|.
CLAUSEGAP_API std::string ToJson(const engine::DocumentReport& report, i18n::Lang lang = i18n::Lang::kJa,
                   report::FailOn fail_on = report::FailOn::kWeak);

}  // namespace api
}  // namespace clausegap

#endif  // CLAUSEGAP_API_ANALYZER_H_
