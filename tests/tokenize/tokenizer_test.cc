#include "tokenize/tokenizer.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
// MeCab 0.996 leaks the half-opened Dictionary when a user dictionary is
// broken (Tokenizer::open returns before storing it); the "not a dictionary"
// case below exercises that path on purpose.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:MeCab::Tokenizer<mecab_node_t, mecab_path_t>::open\n";
}
#endif

namespace clausegap::tokenize {
namespace {

std::string SystemDir() {
  Expected<std::string> dir = FindSystemDictionary(DefaultDictionarySearch());
  REQUIRE_MESSAGE(dir.has_value(), (dir ? "" : dir.error().message));
  return *dir;
}

std::string UserDic() { return std::string(CLAUSEGAP_BINARY_DIR) + "/legal.dic"; }

std::shared_ptr<const Model> LoadModel(bool with_user_dic) {
  DictionaryPaths paths{SystemDir(), with_user_dic ? UserDic() : ""};
  Expected<std::shared_ptr<const Model>> model = Model::Load(paths);
  REQUIRE_MESSAGE(model.has_value(), (model ? "" : model.error().message));
  return *model;
}

// Shared across test cases: loading takes tens of milliseconds.
const std::shared_ptr<const Model>& LegalModel() {
  static const std::shared_ptr<const Model> model = LoadModel(true);
  return model;
}
const std::shared_ptr<const Model>& PlainModel() {
  static const std::shared_ptr<const Model> model = LoadModel(false);
  return model;
}

std::vector<std::string> Surfaces(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& token : tokens) out.push_back(token.surface);
  return out;
}

// One comparable line per token: everything a rule can see.
std::vector<std::string> Describe(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    out.push_back(t.surface + "/" + t.base + "/" + t.pos + "," + t.pos1 + "/" +
                  std::to_string(t.begin) + "-" + std::to_string(t.end));
  }
  return out;
}

TEST_CASE("the issue's legal terms are single tokens with the user dictionary") {
  Tagger tagger(LegalModel());
  const char* const kTerms[] = {"再委託", "再委託先", "秘密情報", "個人情報", "安全管理措置",
                                "損害賠償", "不正アクセス", "重過失", "受託者", "委託者",
                                "廃棄証明書"};
  for (const char* term : kTerms) {
    CAPTURE(term);
    // Inside a sentence, not alone: the compound must win in context.
    std::string sentence = std::string("乙は") + term + "について甲に報告する。";
    std::vector<Token> tokens = tagger.Tokenize(sentence);
    REQUIRE(tokens.size() >= 3);
    CHECK(tokens[2].surface == term);
    CHECK(tokens[2].base == term);
    CHECK(tokens[2].pos == "名詞");
    CHECK(tokens[2].begin == std::string("乙は").size());
    CHECK(tokens[2].end == tokens[2].begin + std::string(term).size());
    CHECK(tokens[3].surface == "について");
  }
}

TEST_CASE("without the user dictionary the same terms split") {
  Tagger tagger(PlainModel());
  CHECK(Surfaces(tagger.Tokenize("再委託先")) == std::vector<std::string>{"再", "委託", "先"});
  CHECK(Surfaces(tagger.Tokenize("秘密情報")) == std::vector<std::string>{"秘密", "情報"});
  CHECK(Surfaces(tagger.Tokenize("廃棄証明書")) ==
        std::vector<std::string>{"廃棄", "証明", "書"});
}

TEST_CASE("more dictionary entries and their parts of speech") {
  Tagger tagger(LegalModel());
  std::vector<Token> tokens =
      tagger.Tokenize("個人情報の漏えい等が発生し、特定個人情報を目的外利用した。");
  CHECK(Surfaces(tokens) == std::vector<std::string>{"個人情報", "の", "漏えい等", "が", "発生",
                                                     "し", "、", "特定個人情報", "を",
                                                     "目的外利用", "し", "た", "。"});
  CHECK(tokens[9].pos1 == "サ変接続");
  CHECK(tokens[0].pos1 == "一般");

  tokens = tagger.Tokenize("復元不可能な方法で消去し、廃棄証明書を提出する。");
  REQUIRE(tokens.size() > 2);
  CHECK(tokens[0].surface == "復元不可能");
  CHECK(tokens[0].pos1 == "形容動詞語幹");
  CHECK(tokens[1].surface == "な");
}

TEST_CASE("a サ変 entry followed by する keeps する as its own verb") {
  Tagger tagger(LegalModel());
  std::vector<Token> tokens = tagger.Tokenize("受託者は本業務を再委託する。");
  REQUIRE(Surfaces(tokens) ==
          std::vector<std::string>{"受託者", "は", "本業務", "を", "再委託", "する", "。"});
  CHECK(tokens[4].base == "再委託");
  CHECK(tokens[4].pos == "名詞");
  CHECK(tokens[4].pos1 == "サ変接続");
  CHECK(tokens[5].base == "する");
  CHECK(tokens[5].pos == "動詞");

  // Conjugated: してはならない.
  tokens = tagger.Tokenize("再委託してはならない");
  REQUIRE(tokens.size() >= 2);
  CHECK(tokens[0].surface == "再委託");
  CHECK(tokens[1].surface == "し");
  CHECK(tokens[1].base == "する");
}

TEST_CASE("entries do not swallow their neighbours") {
  Tagger tagger(LegalModel());
  // 本業務 is an entry; 基本業務 and 日本業務 must not become 基/日 + 本業務.
  CHECK(Surfaces(tagger.Tokenize("基本業務")) == std::vector<std::string>{"基本", "業務"});
  CHECK(Surfaces(tagger.Tokenize("日本業務")) == std::vector<std::string>{"日本", "業務"});
  CHECK(Surfaces(tagger.Tokenize("再委託者と再委託先")) ==
        std::vector<std::string>{"再委託者", "と", "再委託先"});
}

TEST_CASE("ordinary sentences split exactly as with the system dictionary alone") {
  Tagger legal(LegalModel());
  Tagger plain(PlainModel());
  const char* const kSentences[] = {
      "私は東京に行きました。",
      "乙は甲に報告する。",
      "本日は晴天なり。",
      "この契約書は二通作成し、各自一通を保有する。",
      "甲及び乙は、誠実に協議の上、これを解決するものとする。",
      "支払期日は毎月末日とし、銀行振込により支払う。",
      "彼女は昨日、図書館で三冊の本を借りた。",
      "第5条 前条の規定にかかわらず、次の各号に該当する場合はこの限りでない。",
  };
  for (const char* sentence : kSentences) {
    CAPTURE(sentence);
    CHECK(Describe(legal.Tokenize(sentence)) == Describe(plain.Tokenize(sentence)));
  }
  std::vector<Token> tokens = legal.Tokenize("私は東京に行きました。");
  CHECK(Surfaces(tokens) ==
        std::vector<std::string>{"私", "は", "東京", "に", "行き", "まし", "た", "。"});
  CHECK(tokens[4].base == "行く");
  CHECK(tokens[4].pos == "動詞");
  CHECK(tokens[5].base == "ます");
  CHECK(tokens[5].pos == "助動詞");
}

TEST_CASE("offsets are byte offsets into the text, whitespace gives no token") {
  Tagger tagger(LegalModel());
  const std::string text = "  甲は\t乙に 秘密情報を\n開示する。 ABC 123 ";
  std::vector<Token> tokens = tagger.Tokenize(text);
  REQUIRE(!tokens.empty());
  std::size_t previous_end = 0;
  for (const Token& token : tokens) {
    CAPTURE(token.surface);
    CHECK(token.begin >= previous_end);
    CHECK(token.end > token.begin);
    CHECK(token.end <= text.size());
    CHECK(text.substr(token.begin, token.end - token.begin) == token.surface);
    CHECK(token.surface.find_first_of(" \t\n") == std::string::npos);
    previous_end = token.end;
  }
  CHECK(tokens[0].surface == "甲");
  CHECK(tokens[0].begin == 2);
  std::vector<std::string> surfaces = Surfaces(tokens);
  CHECK(std::find(surfaces.begin(), surfaces.end(), "秘密情報") != surfaces.end());
}

TEST_CASE("offsets refer to the given view, not to a NUL-terminated copy") {
  Tagger tagger(LegalModel());
  const std::string buffer = "前置き。乙は甲に報告する。後書き";
  std::string_view middle(buffer);
  middle.remove_prefix(std::string("前置き。").size());
  middle.remove_suffix(std::string("後書き").size());
  std::vector<Token> tokens = tagger.Tokenize(middle);
  CHECK(Surfaces(tokens) == std::vector<std::string>{"乙", "は", "甲", "に", "報告", "する", "。"});
  CHECK(tokens.front().begin == 0);
  CHECK(tokens.back().end == middle.size());
}

TEST_CASE("empty and whitespace-only text give no tokens") {
  Tagger tagger(LegalModel());
  CHECK(tagger.Tokenize("").empty());
  CHECK(tagger.Tokenize("   \t ").empty());
}

TEST_CASE("a word MeCab does not know has its surface as base form") {
  Tagger tagger(LegalModel());
  std::vector<Token> tokens = tagger.Tokenize("clausegapを使う");
  REQUIRE(tokens.size() == 3);
  CHECK(tokens[0].surface == "clausegap");
  CHECK(tokens[0].base == "clausegap");
  CHECK(tokens[2].base == "使う");
}

TEST_CASE("TokenizeInto reuses the vector and gives the same tokens as Tokenize") {
  Tagger tagger(LegalModel());
  std::vector<Token> tokens;
  tagger.TokenizeInto("受託者は、委託者の書面による事前の承諾なく再委託してはならない。", &tokens);
  std::size_t long_size = tokens.size();
  tagger.TokenizeInto("乙は甲に報告する。", &tokens);
  CHECK(tokens.size() < long_size);
  CHECK(Describe(tokens) == Describe(tagger.Tokenize("乙は甲に報告する。")));
  tagger.TokenizeInto("", &tokens);
  CHECK(tokens.empty());
}

TEST_CASE("taggers over one model give identical results from several threads") {
  std::vector<std::string> corpus;
  for (int i = 0; i < 40; ++i) {
    corpus.push_back("第" + std::to_string(i) +
                     "条 受託者は、委託者の事前の書面による承諾を得た場合を除き、"
                     "個人情報の取扱いを再委託してはならない。");
    corpus.push_back("乙は、秘密情報の漏えい、滅失又は毀損が発生したときは、直ちに甲に報告する。");
    corpus.push_back("私は東京に行きました。");
  }
  std::vector<std::vector<std::string>> expected;
  {
    Tagger tagger(LegalModel());
    for (const std::string& text : corpus) expected.push_back(Describe(tagger.Tokenize(text)));
  }
  constexpr int kThreads = 4;
  std::vector<std::vector<std::vector<std::string>>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &corpus, &results] {
      Tagger tagger(LegalModel());
      std::vector<Token> tokens;
      for (int round = 0; round < 5; ++round) {
        for (const std::string& text : corpus) {
          tagger.TokenizeInto(text, &tokens);
          if (round == 4) results[t].push_back(Describe(tokens));
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    CAPTURE(t);
    CHECK(results[t] == expected);
  }
}

TEST_CASE("Model::Load reports missing and unusable dictionaries") {
  SUBCASE("no system dictionary") {
    Expected<std::shared_ptr<const Model>> model =
        Model::Load(DictionaryPaths{"/nonexistent/ipadic", ""});
    REQUIRE(!model);
    CHECK(model.error().code == ErrorCode::kDictionary);
    CHECK(model.error().message ==
          "/nonexistent/ipadic: not a MeCab system dictionary (no sys.dic or dicrc)");
  }
  SUBCASE("no user dictionary file") {
    Expected<std::shared_ptr<const Model>> model =
        Model::Load(DictionaryPaths{SystemDir(), "/nonexistent/legal.dic"});
    REQUIRE(!model);
    CHECK(model.error().code == ErrorCode::kDictionary);
    CHECK(model.error().message == "/nonexistent/legal.dic: no such user dictionary");
  }
  SUBCASE("a user dictionary that is not one") {
    std::filesystem::path bad =
        std::filesystem::temp_directory_path() / "clausegap_tokenize_test_bad.dic";
    {
      std::ofstream out(bad, std::ios::binary);
      out << "this is not a MeCab dictionary, just text padded out to look sizable....";
    }
    Expected<std::shared_ptr<const Model>> model =
        Model::Load(DictionaryPaths{SystemDir(), bad.string()});
    std::filesystem::remove(bad);
    REQUIRE(!model);
    CHECK(model.error().code == ErrorCode::kDictionary);
    CHECK(model.error().message == bad.string() +
                                       ": MeCab cannot load the dictionaries: dictionary file "
                                       "is broken: " +
                                       bad.string());
  }
  SUBCASE("an EUC-JP system dictionary") {
    const std::string euc = "/var/lib/mecab/dic/ipadic";
    if (!std::filesystem::exists(euc + "/sys.dic")) return;  // only where mecab-ipadic is installed
    Expected<std::shared_ptr<const Model>> model = Model::Load(DictionaryPaths{euc, ""});
    REQUIRE(!model);
    CHECK(model.error().code == ErrorCode::kDictionary);
    CHECK(model.error().message.find("clausegap needs UTF-8 (mecab-ipadic-utf8)") !=
          std::string::npos);
  }
}

TEST_CASE("a loaded model remembers its paths") {
  CHECK(LegalModel()->paths().user_dic == UserDic());
  CHECK(PlainModel()->paths().user_dic.empty());
  CHECK(LegalModel()->paths().system_dir == SystemDir());
}

}  // namespace
}  // namespace clausegap::tokenize
