// Locating the MeCab system dictionary and the legal user dictionary.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "tokenize/tokenizer.h"

#ifndef CLAUSEGAP_DATADIR
#define CLAUSEGAP_DATADIR "/usr/local/share/clausegap"
#endif

namespace clausegap::tokenize {
namespace {

namespace fs = std::filesystem;

// Debian's mecab-ipadic-utf8 installs under /var/lib; the /usr/lib paths are
// where other distributions (and older Debian layouts) put it.
const char* const kSystemDirs[] = {
    "/var/lib/mecab/dic/ipadic-utf8",
    "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/lib/aarch64-linux-gnu/mecab/dic/ipadic-utf8",
    "/usr/lib/mecab/dic/ipadic-utf8",
    "/usr/local/lib/mecab/dic/ipadic-utf8",
};

std::optional<std::string> Env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

// Returns the directory of the running executable, or "" when unknown.
std::string ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return exe.parent_path().string();
}

bool IsFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);
}

bool HasSysDic(const std::string& dir) { return IsFile((fs::path(dir) / "sys.dic").string()); }

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out.empty() ? "(nowhere)" : out;
}

}  // namespace

DictionarySearch DefaultDictionarySearch() {
  DictionarySearch search;
  search.env_dicdir = Env("CLAUSEGAP_DICDIR");
  search.env_userdic = Env("CLAUSEGAP_USERDIC");
  std::string exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    // A bundle carries its own ipadic-utf8 (share/clausegap/ipadic-utf8).
    search.system_dirs.push_back(
        (fs::path(exe_dir).parent_path() / "share" / "clausegap" / "ipadic-utf8").lexically_normal().string());
  }
  for (const char* dir : kSystemDirs) search.system_dirs.emplace_back(dir);
  if (!exe_dir.empty()) {
    fs::path dir(exe_dir);
    search.user_dics.push_back((dir / kUserDicName).string());
    // A relocated install: <prefix>/bin/clausegap, <prefix>/share/clausegap/.
    search.user_dics.push_back(
        (dir.parent_path() / "share" / "clausegap" / kUserDicName).lexically_normal().string());
  }
  std::string installed = (fs::path(CLAUSEGAP_DATADIR) / kUserDicName).string();
  bool seen = false;
  for (const std::string& path : search.user_dics) seen = seen || path == installed;
  if (!seen) search.user_dics.push_back(installed);
  return search;
}

Expected<std::string> FindSystemDictionary(const DictionarySearch& search) {
  if (search.env_dicdir) {
    if (HasSysDic(*search.env_dicdir)) return *search.env_dicdir;
    return MakeError(ErrorCode::kDictionary,
                     *search.env_dicdir +
                         ": no sys.dic in this directory ($CLAUSEGAP_DICDIR); point "
                         "CLAUSEGAP_DICDIR at a UTF-8 MeCab system dictionary such as "
                         "/var/lib/mecab/dic/ipadic-utf8, or unset it");
  }
  for (const std::string& dir : search.system_dirs) {
    if (HasSysDic(dir)) return dir;
  }
  return MakeError(ErrorCode::kDictionary,
                   "MeCab system dictionary ipadic-utf8: not found (looked for sys.dic in " +
                       JoinList(search.system_dirs) +
                       "); install it with `apt-get install mecab-ipadic-utf8` or set "
                       "CLAUSEGAP_DICDIR to its directory");
}

Expected<std::string> FindUserDictionary(const DictionarySearch& search) {
  if (search.env_userdic) {
    if (IsFile(*search.env_userdic)) return *search.env_userdic;
    return MakeError(ErrorCode::kDictionary,
                     *search.env_userdic +
                         ": no such file ($CLAUSEGAP_USERDIC); point CLAUSEGAP_USERDIC at "
                         "a compiled legal.dic, or unset it");
  }
  for (const std::string& path : search.user_dics) {
    if (IsFile(path)) return path;
  }
  return MakeError(ErrorCode::kDictionary,
                   "legal user dictionary legal.dic: not found (looked in " +
                       JoinList(search.user_dics) +
                       "); build it with `cmake --build <build-dir> --target legal_dic`, "
                       "install clausegap with `cmake --install`, or set CLAUSEGAP_USERDIC "
                       "to its path");
}

Expected<DictionaryPaths> FindDictionaries(const DictionarySearch& search) {
  Expected<std::string> system_dir = FindSystemDictionary(search);
  Expected<std::string> user_dic = FindUserDictionary(search);
  if (system_dir && user_dic) return DictionaryPaths{*system_dir, *user_dic};
  std::string message;
  if (!system_dir) message = system_dir.error().message;
  if (!user_dic) {
    if (!message.empty()) message += "\n";
    message += user_dic.error().message;
  }
  return MakeError(ErrorCode::kDictionary, std::move(message));
}

Expected<DictionaryPaths> FindDictionaries() {
  return FindDictionaries(DefaultDictionarySearch());
}

}  // namespace clausegap::tokenize
