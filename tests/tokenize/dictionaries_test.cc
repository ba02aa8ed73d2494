#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tokenize/tokenizer.h"

namespace clausegap::tokenize {
namespace {

namespace fs = std::filesystem;

// A scratch directory with a fake system dictionary (an empty sys.dic is
// enough for the search, which only checks that the file exists).
struct Scratch {
  fs::path root;
  Scratch() {
    root = fs::temp_directory_path() /
           ("clausegap_dict_test_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(root / "sysdic");
    std::ofstream(root / "sysdic" / "sys.dic") << "x";
    std::ofstream(root / "legal.dic") << "x";
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string Path(const char* relative) const { return (root / relative).string(); }
};

TEST_CASE("the first candidate that exists wins") {
  Scratch scratch;
  DictionarySearch search;
  search.system_dirs = {scratch.Path("missing"), scratch.Path("sysdic")};
  search.user_dics = {scratch.Path("missing/legal.dic"), scratch.Path("legal.dic")};
  Expected<DictionaryPaths> paths = FindDictionaries(search);
  REQUIRE(paths);
  CHECK(paths->system_dir == scratch.Path("sysdic"));
  CHECK(paths->user_dic == scratch.Path("legal.dic"));
}

TEST_CASE("the environment overrides the candidates") {
  Scratch scratch;
  DictionarySearch search;
  search.system_dirs = {"/var/lib/mecab/dic/ipadic-utf8"};
  search.user_dics = {scratch.Path("legal.dic")};
  search.env_dicdir = scratch.Path("sysdic");
  search.env_userdic = scratch.Path("sysdic/sys.dic");
  Expected<DictionaryPaths> paths = FindDictionaries(search);
  REQUIRE(paths);
  CHECK(paths->system_dir == scratch.Path("sysdic"));
  CHECK(paths->user_dic == scratch.Path("sysdic/sys.dic"));
}

TEST_CASE("a wrong environment variable is an error, not a silent fallback") {
  Scratch scratch;
  DictionarySearch search;
  search.system_dirs = {scratch.Path("sysdic")};
  search.user_dics = {scratch.Path("legal.dic")};
  search.env_dicdir = scratch.Path("nope");
  Expected<std::string> dir = FindSystemDictionary(search);
  REQUIRE(!dir);
  CHECK(dir.error().code == ErrorCode::kDictionary);
  CHECK(dir.error().message ==
        scratch.Path("nope") +
            ": no sys.dic in this directory ($CLAUSEGAP_DICDIR); point CLAUSEGAP_DICDIR at a "
            "UTF-8 MeCab system dictionary such as /var/lib/mecab/dic/ipadic-utf8, or unset it");

  search.env_userdic = scratch.Path("nope.dic");
  Expected<std::string> dic = FindUserDictionary(search);
  REQUIRE(!dic);
  CHECK(dic.error().message == scratch.Path("nope.dic") +
                                   ": no such file ($CLAUSEGAP_USERDIC); point CLAUSEGAP_USERDIC "
                                   "at a compiled legal.dic, or unset it");
}

TEST_CASE("when nothing is found the message names every place looked and the fix") {
  DictionarySearch search;
  search.system_dirs = {"/nonexistent/a", "/nonexistent/b"};
  search.user_dics = {"/nonexistent/bin/legal.dic", "/nonexistent/share/clausegap/legal.dic"};
  Expected<DictionaryPaths> paths = FindDictionaries(search);
  REQUIRE(!paths);
  CHECK(paths.error().code == ErrorCode::kDictionary);
  CHECK(paths.error().message ==
        "MeCab system dictionary ipadic-utf8: not found (looked for sys.dic in /nonexistent/a, "
        "/nonexistent/b); install it with `apt-get install mecab-ipadic-utf8` or set "
        "CLAUSEGAP_DICDIR to its directory\n"
        "legal user dictionary legal.dic: not found (looked in /nonexistent/bin/legal.dic, "
        "/nonexistent/share/clausegap/legal.dic); build it with `cmake --build <build-dir> "
        "--target legal_dic`, install clausegap with `cmake --install`, or set "
        "CLAUSEGAP_USERDIC to its path");
}

TEST_CASE("only the missing dictionary is reported") {
  Scratch scratch;
  DictionarySearch search;
  search.system_dirs = {scratch.Path("sysdic")};
  search.user_dics = {"/nonexistent/legal.dic"};
  Expected<DictionaryPaths> paths = FindDictionaries(search);
  REQUIRE(!paths);
  CHECK(paths.error().message.rfind("legal user dictionary legal.dic: not found", 0) == 0);
  CHECK(paths.error().message.find("system dictionary") == std::string::npos);
}

TEST_CASE("the default search looks next to the executable first, then the install tree, then the system") {
  DictionarySearch search = DefaultDictionarySearch();
  REQUIRE(search.user_dics.size() >= 2);
  fs::path exe = fs::read_symlink("/proc/self/exe");
  CHECK(search.user_dics[0] == (exe.parent_path() / "legal.dic").string());
  CHECK(search.user_dics[1] ==
        (exe.parent_path().parent_path() / "share/clausegap/legal.dic").lexically_normal().string());
  CHECK(search.user_dics.back().ends_with("/clausegap/legal.dic"));
  // A bundle's own ipadic-utf8 beside the executable, then Debian's.
  REQUIRE(search.system_dirs.size() >= 2);
  CHECK(search.system_dirs[0] ==
        (exe.parent_path().parent_path() / "share/clausegap/ipadic-utf8").lexically_normal().string());
  CHECK(search.system_dirs[1] == "/var/lib/mecab/dic/ipadic-utf8");
}

}  // namespace
}  // namespace clausegap::tokenize
