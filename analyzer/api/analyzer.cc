#include "api/analyzer.h"

#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "classify/classify.h"
#include "engine/engine.h"
#include "pdf/reader.h"
#include "reader/reader.h"
#include "report/json_printer.h"
#include "structure/structure.h"
#include "tokenize/tokenizer.h"

namespace clausegap::api {

namespace fs = std::filesystem;

namespace {

// Idle taggers for Analyse without a Session; never more than the threads
// that analysed at once.
struct TaggerPool {
  std::shared_ptr<const tokenize::Model> model;
  std::mutex mutex;
  std::vector<std::unique_ptr<tokenize::Tagger>> idle;
};

// A tagger borrowed from a pool for one call.
class PooledTagger {
 public:
  explicit PooledTagger(TaggerPool& pool) : pool_(pool) {
    {
      std::lock_guard<std::mutex> lock(pool_.mutex);
      if (!pool_.idle.empty()) {
        tagger_ = std::move(pool_.idle.back());
        pool_.idle.pop_back();
      }
    }
    if (!tagger_) tagger_ = std::make_unique<tokenize::Tagger>(pool_.model);
  }
  ~PooledTagger() {
    std::lock_guard<std::mutex> lock(pool_.mutex);
    pool_.idle.push_back(std::move(tagger_));
  }
  PooledTagger(const PooledTagger&) = delete;
  PooledTagger& operator=(const PooledTagger&) = delete;
  tokenize::Tagger& get() { return *tagger_; }

 private:
  TaggerPool& pool_;
  std::unique_ptr<tokenize::Tagger> tagger_;
};

}  // namespace

struct Analyzer::Impl {
  std::shared_ptr<const engine::RulePack> pack;
  std::shared_ptr<const tokenize::Model> model;
  std::shared_ptr<const engine::Engine> engine;
  std::vector<std::string> rule_paths;
  std::vector<report::RulePackInfo> packs;
  std::string rules_sha256;
  mutable TaggerPool pool;
};

struct Session::Impl {
  std::shared_ptr<const Analyzer::Impl> analyzer;  // keeps the model alive
  tokenize::Tagger tagger;
};

Session::Session(const Analyzer& analyzer)
    : impl_(new Impl{analyzer.impl_, tokenize::Tagger(analyzer.impl_->model)}) {}

Session::~Session() = default;

namespace {

// Returns the directory of the shared object this code was loaded from
// (libclausegap.so, the Python module), or "" when it is linked into the
// executable itself, whose own directory the lower layers already search.
fs::path LibraryDir() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&ErrorReport), &info) == 0 || info.dli_fname == nullptr) {
    return {};
  }
  std::error_code ec;
  fs::path self = fs::canonical(info.dli_fname, ec);
  if (ec) return {};
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec || self == exe) return {};
  return self.parent_path();
}

// Returns the data folder beside a shared library: its own folder when it
// holds rules/ (a build tree), else ../share/clausegap (an install); "" when
// there is neither.
std::string LibraryDataDir(const fs::path& library_dir) {
  if (library_dir.empty()) return "";
  std::error_code ec;
  for (fs::path dir : {library_dir, library_dir.parent_path() / "share" / "clausegap"}) {
    if (fs::is_directory(dir / "rules", ec)) return dir.lexically_normal().string();
  }
  return "";
}

// Returns the PDF helper beside a shared library (build tree) or in
// ../libexec/clausegap (an install); "" when there is none.
std::string LibraryHelper(const fs::path& library_dir) {
  return library_dir.empty() ? "" : pdf::FindHelper(library_dir.string());
}

// Returns where the default pack is: $CLAUSEGAP_RULES when set (an error if
// it is not a folder), else |data_dir|/rules, else engine::FindDefaultRules'
// places.
Expected<std::string> DefaultRulesDir(const std::string& data_dir) {
  const char* env = std::getenv("CLAUSEGAP_RULES");
  if ((env == nullptr || *env == '\0') && !data_dir.empty()) {
    std::error_code ec;
    fs::path dir = fs::path(data_dir) / "rules";
    if (fs::is_directory(dir, ec)) return dir.string();
  }
  return engine::FindDefaultRules();
}

// Returns the dictionary search with |data_dir|'s dictionaries ahead of the
// default places (the environment still wins).
tokenize::DictionarySearch DictionarySearchFor(const std::string& data_dir) {
  tokenize::DictionarySearch search = tokenize::DefaultDictionarySearch();
  if (!data_dir.empty()) {
    fs::path dir(data_dir);
    search.system_dirs.insert(search.system_dirs.begin(), (dir / "ipadic-utf8").string());
    search.user_dics.insert(search.user_dics.begin(),
                            (dir / tokenize::kUserDicName).string());
  }
  return search;
}

// Sets Evidence::page from the block it cites (PDFs know their pages).
void FillPages(const model::Document& document, engine::DocumentReport* report) {
  auto fill = [&](std::vector<engine::Evidence>& list) {
    for (engine::Evidence& e : list) {
      if (e.page < 0 && e.block >= 0 && e.block < static_cast<int>(document.blocks.size())) {
        e.page = document.blocks[static_cast<std::size_t>(e.block)].page;
      }
    }
  };
  for (engine::RequirementResult& r : report->requirements) {
    fill(r.evidence);
    for (engine::ElementResult& element : r.elements) fill(element.evidence);
  }
}

// An input's identity for the audit trail.
struct Print {
  std::string sha256;
  std::int64_t size = -1;  // -1: unknown
  void To(engine::DocumentReport* report) const {
    report->sha256 = sha256;
    report->size = size;
  }
};

// Returns the digest and size of |source|'s bytes, or of |read|, the file's
// bytes as the reader read them (the digest is of what was analysed, and the
// file is not read twice); of the file itself when the reader could not read
// it whole (too large: the digest still identifies it); unknown when the
// file cannot be read at all.
Print Fingerprint(const Source& source, const std::optional<std::string>& read) {
  Print print;
  if (source.path.empty() || read) {
    std::string_view bytes = read ? std::string_view(*read) : std::string_view(source.bytes);
    print.sha256 = Sha256Hex(bytes);
    print.size = static_cast<std::int64_t>(bytes.size());
    return print;
  }
  auto digest = DigestFile(source.path);
  if (!digest) return print;  // the reader says why the file cannot be read
  print.sha256 = digest->sha256;
  print.size = static_cast<std::int64_t>(digest->size);
  return print;
}

engine::DocumentReport AnalyseWith(const engine::Engine& engine, const Source& source,
                                   const ReadOptions& read, tokenize::Tagger& tagger) {
  reader::Options options;
  options.view = read.view;
  options.convert_legacy = read.convert_legacy;
  std::optional<std::string> read_bytes;
  auto document = reader::ReadDocument(source.name, source.path, source.bytes, options, &read_bytes);
  const Print print = Fingerprint(source, read_bytes);
  read_bytes.reset();  // not kept through the analysis
  if (!document) {
    engine::DocumentReport report = ErrorReport(source.name, document.error());
    print.To(&report);
    return report;
  }
  try {
    structure::Structure structure = structure::Analyze(*document);
    engine::DocumentReport report = engine.Evaluate(*document, structure, tagger);
    report.file = source.name;
    report.kind = classify::KindId(classify::Classify(structure));
    print.To(&report);
    report.converted_from = document->converted_from;
    FillPages(*document, &report);
    if (read.with_text) report.text = report::ContractText(structure);
    return report;
  } catch (const std::exception& e) {
    // The analysis never fails by contract; should it throw anyway, this
    // document is reported as unreadable and the caller goes on.
    return ErrorReport(source.name, Error{ErrorCode::kUnsupported,
                                          source.name + ": internal error: " + e.what()});
  }
}

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

Expected<Analyzer> Analyzer::Load(const Options& given) {
  Options options = given;
  const fs::path library_dir = LibraryDir();
  if (options.data_dir.empty()) options.data_dir = LibraryDataDir(library_dir);
  if (options.pdf_helper.empty()) options.pdf_helper = LibraryHelper(library_dir);
  if (!options.pdf_helper.empty()) {
    static std::once_flag helper_set;
    std::call_once(helper_set, [&] { pdf::SetIsolationHelper(options.pdf_helper); });
  }
  std::vector<std::string> rule_paths;
  if (options.default_rules) {
    auto dir = DefaultRulesDir(options.data_dir);
    if (!dir) return tl::unexpected(dir.error());
    rule_paths.push_back(*dir);
  }
  rule_paths.insert(rule_paths.end(), options.rules.begin(), options.rules.end());
  if (rule_paths.empty()) {
    return MakeError(ErrorCode::kUsage, "no rule pack: --no-default-rules needs --rules FILE|DIR");
  }
  // The pack parses while MeCab maps its dictionaries: for one contract
  // checked as its own process, loading is most of the time.
  auto pack_future = std::async(std::launch::async,
                                [&rule_paths] { return engine::LoadRulePacks(rule_paths); });
  auto dictionaries = tokenize::FindDictionaries(DictionarySearchFor(options.data_dir));
  Expected<std::shared_ptr<const tokenize::Model>> model =
      dictionaries ? tokenize::Model::Load(*dictionaries)
                   : Expected<std::shared_ptr<const tokenize::Model>>(
                         tl::unexpected(dictionaries.error()));
  auto pack = pack_future.get();
  // A broken pack is reported before a missing dictionary.
  if (!pack) return tl::unexpected(pack.error());
  if (!model) return tl::unexpected(model.error());
  auto impl = std::make_shared<Impl>();
  impl->pack = *pack;
  impl->model = *model;
  impl->pool.model = *model;
  impl->engine = std::make_shared<const engine::Engine>(*pack, engine::EngineOptions{options.vendor});
  impl->packs = DescribePacks(rule_paths);
  impl->rules_sha256 = EffectivePackDigest(impl->packs);
  impl->rule_paths = std::move(rule_paths);
  return Analyzer(std::move(impl));
}

engine::DocumentReport Analyzer::Analyse(const Source& source, const ReadOptions& options) const {
  PooledTagger tagger(impl_->pool);
  return AnalyseWith(*impl_->engine, source, options, tagger.get());
}

engine::DocumentReport Analyzer::Analyse(const Source& source, const ReadOptions& options,
                                         Session& session) const {
  return AnalyseWith(*impl_->engine, source, options, session.impl_->tagger);
}

engine::DocumentReport Analyzer::Evaluate(const model::Document& document,
                                          const structure::Structure& structure,
                                          const std::string& name) const {
  PooledTagger tagger(impl_->pool);
  engine::DocumentReport report = impl_->engine->Evaluate(document, structure, tagger.get());
  report.file = name;
  return report;
}

const engine::RulePack& Analyzer::pack() const { return *impl_->pack; }

const std::vector<std::string>& Analyzer::rule_paths() const { return impl_->rule_paths; }

report::RunInfo Analyzer::run_info() const {
  report::RunInfo run;
  run.packs = impl_->packs;
  run.rules_sha256 = impl_->rules_sha256;
  return run;
}

engine::DocumentReport ErrorReport(const std::string& name, const Error& error) {
  engine::DocumentReport report;
  report.file = name;
  report.ok = false;
  report.error_code = std::string(ErrorCodeName(error.code));
  report.error = error.message;
  return report;
}

std::vector<report::RulePackInfo> DescribePacks(const std::vector<std::string>& rule_paths) {
  std::vector<std::string> files;
  for (const std::string& path : rule_paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> in_dir;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".json" || ext == ".jsonc")) {
        in_dir.push_back(entry.path().string());
      }
    }
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  std::vector<report::RulePackInfo> packs;
  for (const std::string& file : files) {
    std::string bytes = ReadAll(file);
    report::RulePackInfo info;
    info.path = file;
    info.sha256 = Sha256Hex(bytes);
    auto json = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false,
                                      /*ignore_comments=*/true);
    if (json.is_object()) {
      if (json.contains("pack") && json["pack"].is_string()) info.name = json["pack"].get<std::string>();
      if (json.contains("version")) {
        const auto& v = json["version"];
        info.version = v.is_string() ? v.get<std::string>() : v.dump();
      }
    }
    packs.push_back(std::move(info));
  }
  return packs;
}

std::string EffectivePackDigest(const std::vector<report::RulePackInfo>& packs) {
  Sha256 hash;
  for (const report::RulePackInfo& pack : packs) hash.Update(ReadAll(pack.path));
  return hash.Hex();
}

std::string ToJson(const engine::DocumentReport& report, i18n::Lang lang, report::FailOn fail_on) {
  return report::DocumentToJson(report, {lang, fail_on, nullptr});
}

}  // namespace clausegap::api
