// MeCab tokenisation with the legal user dictionary.
//
// Load the Model once (Model::Load is slow, ~tens of ms); it is immutable and
// shared between threads. Each thread creates its own Tagger (cheap: one
// MeCab lattice), which is not thread-safe itself.
#ifndef CLAUSEGAP_TOKENIZE_TOKENIZER_H_
#define CLAUSEGAP_TOKENIZE_TOKENIZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"

namespace clausegap::tokenize {

/// One morpheme.
struct Token {
  std::string surface;  ///< as in the input text
  std::string base;     ///< 基本形 (dictionary form); the surface when MeCab has none ("*")
  std::string pos;      ///< 品詞 ("名詞", "動詞", "助動詞" …)
  std::string pos1;     ///< 品詞細分類1 ("サ変接続", "一般" …)
  std::size_t begin = 0;  ///< byte offset into the tokenized text
  std::size_t end = 0;
};

/// Where the dictionaries are.
struct DictionaryPaths {
  std::string system_dir;  ///< MeCab system dictionary directory (ipadic-utf8)
  std::string user_dic;    ///< compiled legal user dictionary (.dic); may be empty
};

/// Finds the dictionaries: $CLAUSEGAP_DICDIR / $CLAUSEGAP_USERDIC, then next
/// to the executable (build tree), then the install prefix, then the system
/// MeCab dictionary. Returns kDictionary with what is missing and where it
/// looked.
Expected<DictionaryPaths> FindDictionaries();

class Model;

/// A per-thread tokenizer over a shared Model.
class Tagger {
 public:
  explicit Tagger(std::shared_ptr<const Model> model);
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  /// Tokenizes |text| (UTF-8, normally one sentence). Offsets refer to |text|.
  std::vector<Token> Tokenize(std::string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The loaded MeCab model (system dictionary + user dictionary).
class Model {
 public:
  /// Loads the dictionaries at |paths|. Returns kDictionary on failure.
  static Expected<std::shared_ptr<const Model>> Load(const DictionaryPaths& paths);
  ~Model();

 private:
  friend class Tagger;
  Model();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausegap::tokenize

#endif  // CLAUSEGAP_TOKENIZE_TOKENIZER_H_
