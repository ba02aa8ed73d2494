// MeCab tokenisation with the legal user dictionary.
//
// Load the Model once (Model::Load is slow, ~tens of ms); it is immutable and
// shared between threads. Each thread creates its own Tagger (cheap: one
// MeCab lattice), which is not thread-safe itself.
#ifndef CLAUSEGAP_TOKENIZE_TOKENIZER_H_
#define CLAUSEGAP_TOKENIZE_TOKENIZER_H_

#include <cstddef>
#include <memory>
#include <optional>
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

/// File name of the compiled legal user dictionary.
inline constexpr std::string_view kUserDicName = "legal.dic";

/// Where FindDictionaries looks; DefaultDictionarySearch() fills it from the
/// environment and the executable's location, tests build their own.
struct DictionarySearch {
  std::optional<std::string> env_dicdir;   ///< $CLAUSEGAP_DICDIR; when set, the only system candidate
  std::optional<std::string> env_userdic;  ///< $CLAUSEGAP_USERDIC; when set, the only user candidate
  std::vector<std::string> system_dirs;    ///< candidate directories holding sys.dic, in order
  std::vector<std::string> user_dics;      ///< candidate legal.dic paths, in order
};

/// Returns the default search: the environment; legal.dic next to the
/// executable (build tree), in ../share/clausegap/ beside it and in the
/// configured install data directory; ipadic-utf8 in ../share/clausegap/
/// beside the executable (a bundle), then in Debian's locations.
DictionarySearch DefaultDictionarySearch();

/// Finds the system dictionary directory per |search|. Returns kDictionary
/// naming every place looked at and how to fix it.
Expected<std::string> FindSystemDictionary(const DictionarySearch& search);

/// Finds the legal user dictionary per |search|. Returns kDictionary naming
/// every place looked at and how to fix it.
Expected<std::string> FindUserDictionary(const DictionarySearch& search);

/// Finds both dictionaries per |search|. Returns kDictionary listing
/// everything that is missing (one line each).
Expected<DictionaryPaths> FindDictionaries(const DictionarySearch& search);

/// Finds the dictionaries: $CLAUSEGAP_DICDIR / $CLAUSEGAP_USERDIC, then next
/// to the executable (build tree), then the install prefix, then the system
/// MeCab dictionary. Returns kDictionary with what is missing and where it
/// looked.
Expected<DictionaryPaths> FindDictionaries();

class Model;

/// A per-thread tokenizer over a shared Model.
class Tagger {
 public:
  /// Creates a tagger with its own MeCab lattice over |model| (non-null).
  explicit Tagger(std::shared_ptr<const Model> model);
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  /// Tokenizes |text| (UTF-8, normally one sentence). Offsets refer to |text|.
  /// Whitespace produces no token. Returns no tokens if MeCab fails, which
  /// with a loaded Model only happens when memory runs out.
  std::vector<Token> Tokenize(std::string_view text);

  /// Like Tokenize, but replaces the contents of |*tokens|, reusing its
  /// capacity (and that of its strings) across calls.
  void TokenizeInto(std::string_view text, std::vector<Token>* tokens);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The loaded MeCab model (system dictionary + user dictionary).
class Model {
 public:
  /// Loads the dictionaries at |paths|. Returns kDictionary on failure:
  /// missing files, a system dictionary that is not UTF-8, or a user
  /// dictionary MeCab rejects (message "<path>: <MeCab's reason>").
  static Expected<std::shared_ptr<const Model>> Load(const DictionaryPaths& paths);
  ~Model();

  /// Returns the paths this model was loaded from.
  const DictionaryPaths& paths() const;

 private:
  friend class Tagger;
  Model();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clausegap::tokenize

#endif  // CLAUSEGAP_TOKENIZE_TOKENIZER_H_
