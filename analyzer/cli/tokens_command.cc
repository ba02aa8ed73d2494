// `clausegap tokens TEXT`: MeCab tokens of a text, for debugging rules.
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "text/normalize.h"
#include "tokenize/tokenizer.h"

namespace clausegap::cli {
namespace {

struct TokensOptions {
  std::string text;
  std::string format = "text";
  bool no_user_dic = false;
};

// text: one token per line, "surface\tbase\tpos,pos1\tbegin-end".
void PrintText(const std::vector<tokenize::Token>& tokens, std::ostream& out) {
  for (const tokenize::Token& t : tokens) {
    out << t.surface << '\t' << t.base << '\t' << t.pos << ',' << t.pos1 << '\t' << t.begin
        << '-' << t.end << '\n';
  }
}

// json: {"text": the tokenized (normalised) text, "system_dic": dir, "user_dic": path or
// null, "tokens": [{"surface", "base", "pos", "pos1", "begin", "end"}]}; the
// offsets are byte offsets into "text".
void PrintJson(const std::string& text, const tokenize::DictionaryPaths& paths,
               const std::vector<tokenize::Token>& tokens, std::ostream& out) {
  nlohmann::ordered_json doc;
  doc["text"] = text;
  doc["system_dic"] = paths.system_dir;
  doc["user_dic"] = paths.user_dic.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(paths.user_dic);
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const tokenize::Token& t : tokens) {
    list.push_back({{"surface", t.surface},
                    {"base", t.base},
                    {"pos", t.pos},
                    {"pos1", t.pos1},
                    {"begin", t.begin},
                    {"end", t.end}});
  }
  doc["tokens"] = std::move(list);
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

int RunTokens(const TokensOptions& options) {
  std::string text = options.text;
  if (text == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  // The rules match normalised text, so that is what is tokenized and what
  // the offsets refer to.
  text = text::Normalize(text).text;

  tokenize::DictionarySearch search = tokenize::DefaultDictionarySearch();
  Expected<tokenize::DictionaryPaths> paths =
      options.no_user_dic
          ? tokenize::FindSystemDictionary(search).map(
                [](std::string dir) { return tokenize::DictionaryPaths{std::move(dir), ""}; })
          : tokenize::FindDictionaries(search);
  if (!paths) {
    std::cerr << "clausegap tokens: " << paths.error().message << '\n';
    return kExitError;
  }
  Expected<std::shared_ptr<const tokenize::Model>> model = tokenize::Model::Load(*paths);
  if (!model) {
    std::cerr << "clausegap tokens: " << model.error().message << '\n';
    return kExitError;
  }
  tokenize::Tagger tagger(*model);
  std::vector<tokenize::Token> tokens = tagger.Tokenize(text);
  if (options.format == "json") {
    PrintJson(text, *paths, tokens, std::cout);
  } else {
    PrintText(tokens, std::cout);
  }
  std::cout.flush();
  return kExitOk;
}

}  // namespace

Runner SetupTokens(CLI::App* sub) {
  auto options = std::make_shared<TokensOptions>();
  sub->add_option("TEXT", options->text, "UTF-8 text to tokenize; - reads standard input")
      ->required();
  sub->add_option("--format", options->format,
                  "text: surface<TAB>base<TAB>pos,pos1<TAB>begin-end per token; json: one "
                  "object with the text and its tokens. Default: text")
      ->check(CLI::IsMember({"text", "json"}));
  sub->add_flag("--no-user-dic", options->no_user_dic,
                "Use the MeCab system dictionary only, without the legal user dictionary");
  return [options] { return RunTokens(*options); };
}

}  // namespace clausegap::cli
