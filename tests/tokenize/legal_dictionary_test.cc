// Checks dictionaries/legal.csv itself: well-formed rows whose context ids
// match their part of speech, and every entry a single token once compiled.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tokenize/tokenizer.h"

namespace clausegap::tokenize {
namespace {

struct Entry {
  int line = 0;
  std::vector<std::string> fields;
};

std::vector<Entry> ReadCsv() {
  std::ifstream in(std::string(CLAUSEGAP_SOURCE_DIR) + "/dictionaries/legal.csv");
  REQUIRE(in.good());
  std::vector<Entry> entries;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    Entry entry;
    entry.line = number;
    std::stringstream row(line);
    for (std::string field; std::getline(row, field, ',');) entry.fields.push_back(field);
    entries.push_back(std::move(entry));
  }
  return entries;
}

// ipadic's left-id.def / right-id.def ids for the parts of speech we use.
const std::map<std::string, std::string> kIdForPos = {
    {"名詞,一般,*,*", "1285"},
    {"名詞,サ変接続,*,*", "1283"},
    {"名詞,形容動詞語幹,*,*", "1287"},
    {"名詞,固有名詞,組織,*", "1292"},
};

TEST_CASE("legal.csv rows are well-formed") {
  std::vector<Entry> entries = ReadCsv();
  CHECK(entries.size() >= 150);
  std::set<std::string> surfaces;
  for (const Entry& entry : entries) {
    CAPTURE(entry.line);
    REQUIRE(entry.fields.size() == 13);
    const std::vector<std::string>& f = entry.fields;
    CHECK(surfaces.insert(f[0]).second);  // no duplicates
    std::string pos = f[4] + "," + f[5] + "," + f[6] + "," + f[7];
    REQUIRE(kIdForPos.count(pos) == 1);
    CHECK(f[1] == kIdForPos.at(pos));
    CHECK(f[2] == kIdForPos.at(pos));
    int cost = std::stoi(f[3]);
    CHECK(cost > 0);
    CHECK(cost < 6000);
    CHECK(f[8] == "*");
    CHECK(f[9] == "*");
    CHECK(f[10] == f[0]);  // base form: nouns do not conjugate
    CHECK(!f[11].empty());
    CHECK(!f[12].empty());
  }
}

TEST_CASE("every legal.csv entry is one token after compilation") {
  Expected<std::string> system_dir = FindSystemDictionary(DefaultDictionarySearch());
  REQUIRE(system_dir);
  Expected<std::shared_ptr<const Model>> model = Model::Load(
      DictionaryPaths{*system_dir, std::string(CLAUSEGAP_BINARY_DIR) + "/legal.dic"});
  REQUIRE(model);
  Tagger tagger(*model);
  for (const Entry& entry : ReadCsv()) {
    const std::string& surface = entry.fields.at(0);
    CAPTURE(surface);
    // Between particles, as they usually appear in a contract sentence.
    std::vector<Token> tokens = tagger.Tokenize("は" + surface + "を");
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].surface == surface);
    CHECK(tokens[1].pos1 == entry.fields.at(5));
  }
}

}  // namespace
}  // namespace clausegap::tokenize
