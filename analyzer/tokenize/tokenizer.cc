#include "tokenize/tokenizer.h"

#include <mecab.h>

#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

namespace clausegap::tokenize {
namespace {

// ipadic feature CSV: 品詞,細分類1,細分類2,細分類3,活用型,活用形,基本形,読み,発音.
constexpr int kPosField = 0;
constexpr int kPos1Field = 1;
constexpr int kBaseField = 6;

struct ModelDeleter {
  void operator()(MeCab::Model* model) const { MeCab::deleteModel(model); }
};
struct TaggerDeleter {
  void operator()(MeCab::Tagger* tagger) const { MeCab::deleteTagger(tagger); }
};
struct LatticeDeleter {
  void operator()(MeCab::Lattice* lattice) const { MeCab::deleteLattice(lattice); }
};

bool IsFile(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

bool IsUtf8(const char* charset) {
  std::string lower;
  for (const char* p = charset; p != nullptr && *p != '\0'; ++p) {
    char c = *p;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != '-' && c != '_') lower += c;
  }
  return lower == "utf8";
}

// MeCab's message is a trail of "file.cpp(line) [condition]" frames ending
// with the cause; keep the cause.
std::string LastMeCabError() {
  const char* what = MeCab::getLastError();
  std::string message = what != nullptr ? what : "";
  std::size_t frames_end = message.rfind("] ");
  if (frames_end != std::string::npos) message.erase(0, frames_end + 2);
  while (!message.empty() && (message.back() == ' ' || message.back() == '\n')) message.pop_back();
  return message.empty() ? std::string("unknown MeCab error") : message;
}

// Splits the first fields of |feature| into |fields| (views into it); returns
// how many were found (at most |max|).
int SplitFeature(const char* feature, std::string_view* fields, int max) {
  int count = 0;
  const char* start = feature;
  for (const char* p = feature;; ++p) {
    if (*p == ',' || *p == '\0') {
      fields[count++] = std::string_view(start, static_cast<std::size_t>(p - start));
      if (*p == '\0' || count == max) break;
      start = p + 1;
    }
  }
  return count;
}

}  // namespace

struct Model::Impl {
  std::unique_ptr<MeCab::Model, ModelDeleter> mecab;
  DictionaryPaths paths;
};

Model::Model() : impl_(std::make_unique<Impl>()) {}
Model::~Model() = default;

const DictionaryPaths& Model::paths() const { return impl_->paths; }

Expected<std::shared_ptr<const Model>> Model::Load(const DictionaryPaths& paths) {
  namespace fs = std::filesystem;
  std::string sys_dic = (fs::path(paths.system_dir) / "sys.dic").string();
  std::string dicrc = (fs::path(paths.system_dir) / "dicrc").string();
  if (!IsFile(sys_dic) || !IsFile(dicrc)) {
    return MakeError(ErrorCode::kDictionary,
                     paths.system_dir + ": not a MeCab system dictionary (no sys.dic or dicrc)");
  }
  if (!paths.user_dic.empty() && !IsFile(paths.user_dic)) {
    return MakeError(ErrorCode::kDictionary, paths.user_dic + ": no such user dictionary");
  }

  // "-r dicrc" keeps MeCab from requiring /etc/mecabrc (and from reading a
  // user's ~/.mecabrc); -d and -u then select exactly our dictionaries.
  std::vector<std::string> args = {"clausegap", "-r", dicrc, "-d", paths.system_dir};
  if (!paths.user_dic.empty()) {
    args.push_back("-u");
    args.push_back(paths.user_dic);
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::unique_ptr<MeCab::Model, ModelDeleter> mecab(
      MeCab::createModel(static_cast<int>(args.size()), argv.data()));
  if (!mecab) {
    const std::string& what = paths.user_dic.empty() ? paths.system_dir : paths.user_dic;
    return MakeError(ErrorCode::kDictionary,
                     what + ": MeCab cannot load the dictionaries: " + LastMeCabError());
  }

  bool user_seen = false;
  for (const MeCab::DictionaryInfo* info = mecab->dictionary_info(); info != nullptr;
       info = info->next) {
    if (!IsUtf8(info->charset)) {
      return MakeError(ErrorCode::kDictionary,
                       std::string(info->filename) + ": dictionary charset is " +
                           info->charset + ", clausegap needs UTF-8 (mecab-ipadic-utf8)");
    }
    if (info->type == MECAB_USR_DIC) user_seen = true;
  }
  if (!paths.user_dic.empty() && !user_seen) {
    return MakeError(ErrorCode::kDictionary,
                     paths.user_dic + ": MeCab loaded no user dictionary from this file");
  }

  std::shared_ptr<Model> model(new Model());
  model->impl_->mecab = std::move(mecab);
  model->impl_->paths = paths;
  return std::shared_ptr<const Model>(std::move(model));
}

struct Tagger::Impl {
  std::shared_ptr<const Model> model;
  std::unique_ptr<MeCab::Tagger, TaggerDeleter> tagger;
  std::unique_ptr<MeCab::Lattice, LatticeDeleter> lattice;
};

Tagger::Tagger(std::shared_ptr<const Model> model) : impl_(std::make_unique<Impl>()) {
  const MeCab::Model& mecab = *model->impl_->mecab;
  impl_->tagger.reset(mecab.createTagger());
  impl_->lattice.reset(mecab.createLattice());
  impl_->model = std::move(model);
}

Tagger::~Tagger() = default;

std::vector<Token> Tagger::Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  TokenizeInto(text, &tokens);
  return tokens;
}

void Tagger::TokenizeInto(std::string_view text, std::vector<Token>* tokens) {
  std::size_t count = 0;
  if (!text.empty() && impl_->tagger && impl_->lattice) {
    MeCab::Lattice* lattice = impl_->lattice.get();
    lattice->set_sentence(text.data(), text.size());
    if (impl_->tagger->parse(lattice)) {
      for (const MeCab::Node* node = lattice->bos_node(); node != nullptr; node = node->next) {
        if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE) continue;
        if (node->length == 0) continue;
        if (count == tokens->size()) tokens->emplace_back();
        Token& token = (*tokens)[count++];
        token.begin = static_cast<std::size_t>(node->surface - text.data());
        token.end = token.begin + node->length;
        token.surface.assign(node->surface, node->length);
        std::string_view fields[kBaseField + 1];
        int found = SplitFeature(node->feature, fields, kBaseField + 1);
        token.pos.assign(found > kPosField ? fields[kPosField] : std::string_view());
        token.pos1.assign(found > kPos1Field ? fields[kPos1Field] : std::string_view());
        if (found > kBaseField && fields[kBaseField] != "*") {
          token.base.assign(fields[kBaseField]);
        } else {
          token.base.assign(token.surface);
        }
      }
    }
  }
  tokens->resize(count);
}

}  // namespace clausegap::tokenize
