// Tests of the input walker: folders in name order, archives streamed with
// nested archives, skipped files counted, errors for what cannot be read.
#include "batch/inputs.h"

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

namespace clausegap::batch {
namespace {

namespace fs = std::filesystem;

// A fresh temporary folder, removed when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "clausegap-inputs-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void WriteFile(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// Returns a zip archive holding |entries| (name → bytes).
// Names are flagged UTF-8 unless |name_flags| says otherwise (ZIP_FL_ENC_GUESS
// stores bytes that are not UTF-8 as they are, without the flag).
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& entries,
                    zip_flags_t name_flags = ZIP_FL_ENC_UTF_8) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  REQUIRE(archive != nullptr);
  for (const auto& [name, bytes] : entries) {
    if (bytes.empty()) {  // a folder entry, or an empty file: nothing to hand over
      REQUIRE(zip_file_add(archive, name.c_str(), zip_source_buffer(archive, nullptr, 0, 0),
                           name_flags) >= 0);
      continue;
    }
    char* copy = static_cast<char*>(std::malloc(bytes.size()));
    std::copy(bytes.begin(), bytes.end(), copy);
    zip_source_t* data = zip_source_buffer(archive, copy, bytes.size(), 1);
    REQUIRE(zip_file_add(archive, name.c_str(), data, name_flags) >= 0);
  }
  REQUIRE(zip_close(archive) == 0);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

struct Walked {
  std::vector<std::string> names;
  std::vector<std::string> errors;
  std::vector<std::string> bytes;
};

Walked WalkAll(InputWalker& walker, const std::vector<std::string>& roots) {
  Walked walked;
  for (const std::string& root : roots) {
    walker.Walk(root, [&](Input&& input) {
      walked.names.push_back(input.name);
      walked.errors.push_back(input.error ? input.error->message : "");
      walked.bytes.push_back(input.bytes);
      return true;
    });
  }
  return walked;
}

TEST_CASE("document and archive names") {
  CHECK(IsDocumentName("a.docx"));
  CHECK(IsDocumentName("A.DOCX"));
  CHECK(IsDocumentName("t.dotx"));
  CHECK(IsDocumentName("m.docm"));
  CHECK(IsDocumentName("old.doc"));
  CHECK(IsDocumentName("signed.PDF"));
  CHECK(IsDocumentName("old.rtf"));
  CHECK_FALSE(IsDocumentName("notes.txt"));
  CHECK_FALSE(IsDocumentName("docx"));
  CHECK(IsArchiveName("x.ZIP"));
  CHECK_FALSE(IsArchiveName("x.zipx"));
}

TEST_CASE("a folder is walked recursively in name order; other files are skipped") {
  TempDir dir;
  WriteFile(dir.path() / "b.docx", "B");
  WriteFile(dir.path() / "a.docx", "A");
  WriteFile(dir.path() / "notes.txt", "n");
  WriteFile(dir.path() / "sub" / "c.docx", "C");
  WriteFile(dir.path() / "sub" / "deeper" / "d.doc", "D");
  WriteFile(dir.path() / "z.docx", "Z");
  InputWalker walker;
  Walked w = WalkAll(walker, {dir.path().string()});
  std::string root = dir.path().string();
  REQUIRE(w.names.size() == 5);
  CHECK(w.names[0] == root + "/a.docx");
  CHECK(w.names[1] == root + "/b.docx");
  CHECK(w.names[2] == root + "/z.docx");
  CHECK(w.names[3] == root + "/sub/c.docx");
  CHECK(w.names[4] == root + "/sub/deeper/d.doc");
  CHECK(walker.stats().documents == 5);
  CHECK(walker.stats().skipped == 1);
}

TEST_CASE("an archive's members are read in memory, nested archives followed") {
  TempDir dir;
  std::string inner = MakeZip({{"x.docx", "inner-x"}, {"readme.txt", "r"}});
  WriteFile(dir.path() / "bundle.zip",
            MakeZip({{"contracts/", ""}, {"contracts/a.docx", "member-a"},
                     {"inner.zip", inner}, {"image.png", "p"}}));
  InputWalker walker;
  Walked w = WalkAll(walker, {(dir.path() / "bundle.zip").string()});
  std::string zip = (dir.path() / "bundle.zip").string();
  REQUIRE(w.names.size() == 2);
  // In folder order: the top level's files (inner.zip) before its folders.
  CHECK(w.names[0] == zip + "!inner.zip!x.docx");
  CHECK(w.bytes[0] == "inner-x");
  CHECK(w.names[1] == zip + "!contracts/a.docx");
  CHECK(w.bytes[1] == "member-a");
  CHECK(walker.stats().archives == 2);
  CHECK(walker.stats().skipped == 2);
  CHECK(w.errors[0].empty());
}

TEST_CASE("archive members come in name order, folders after the files beside them") {
  TempDir dir;
  WriteFile(dir.path() / "order.zip",
            MakeZip({{"z.docx", "z"}, {"b/2.docx", "b2"}, {"a.docx", "a"}, {"b/1.docx", "b1"},
                     {"a/9.docx", "a9"}}));
  InputWalker walker;
  Walked w = WalkAll(walker, {(dir.path() / "order.zip").string()});
  std::vector<std::string> bytes = w.bytes;
  CHECK(bytes == std::vector<std::string>{"a", "z", "a9", "b1", "b2"});
  CHECK(EntryNameLess("a.docx", "a/x.docx"));
  CHECK_FALSE(EntryNameLess("a/x.docx", "a.docx"));
  CHECK_FALSE(EntryNameLess("same.docx", "same.docx"));
}

TEST_CASE("Shift-JIS member names without the UTF-8 flag are decoded as CP932") {
  // 契約書.docx and 委託/覚書.docx as Japanese Windows' zip writes them.
  const std::string keiyakusho = "\x8c\x5f\x96\xf1\x8f\x91.docx";
  const std::string itaku_oboegaki = "\x88\xcf\x91\xf5/\x8a\x6f\x8f\x91.docx";
  TempDir dir;
  WriteFile(dir.path() / "sjis.zip",
            MakeZip({{keiyakusho, "k"}, {itaku_oboegaki, "o"}, {"名前.docx", "utf8"}},
                    ZIP_FL_ENC_GUESS));
  InputWalker walker;
  Walked w = WalkAll(walker, {(dir.path() / "sjis.zip").string()});
  std::string zip = (dir.path() / "sjis.zip").string();
  REQUIRE(w.names.size() == 3);
  CHECK(w.names[0] == zip + "!名前.docx");
  CHECK(w.names[1] == zip + "!契約書.docx");
  CHECK(w.names[2] == zip + "!委託/覚書.docx");
  CHECK(w.bytes[2] == "o");
  // Valid UTF-8 stays as it is; bytes that are neither fall back to libzip.
  CHECK(DecodeEntryName("名前.docx", "x") == "名前.docx");
  CHECK(DecodeEntryName(keiyakusho, "x") == "契約書.docx");
  CHECK(DecodeEntryName("\x80\xff", "fallback") == "fallback");
}

TEST_CASE("lock files and OS litter are skipped and counted apart from other files") {
  CHECK(IsLitterName("~$契約書.docx"));
  CHECK(IsLitterName("dir/.DS_Store"));
  CHECK(IsLitterName("__MACOSX/contracts/._a.docx"));
  CHECK(IsLitterName("Thumbs.db"));
  CHECK(IsLitterName("x/DESKTOP.INI"));
  CHECK_FALSE(IsLitterName("a.docx"));
  CHECK_FALSE(IsLitterName("my__MACOSX/a.docx"));
  TempDir dir;
  WriteFile(dir.path() / "~$契約書.docx", "lock");
  WriteFile(dir.path() / ".DS_Store", "ds");
  WriteFile(dir.path() / "Thumbs.db", "t");
  WriteFile(dir.path() / "notes.txt", "n");
  WriteFile(dir.path() / "契約書.docx", "contract");
  WriteFile(dir.path() / "a.zip", MakeZip({{"__MACOSX/._契約書.docx", "fork"},
                                           {"sub/~$old.docx", "lock"},
                                           {"sub/desktop.ini", "i"},
                                           {"sub/new.docx", "new"}}));
  InputWalker walker;
  Walked w = WalkAll(walker, {dir.path().string(), (dir.path() / "~$契約書.docx").string()});
  REQUIRE(w.names.size() == 2);
  CHECK(w.bytes[0] == "new");
  CHECK(w.names[1] == (dir.path() / "契約書.docx").string());
  CHECK(walker.stats().litter == 7);
  CHECK(walker.stats().skipped == 1);
  CHECK(walker.stats().documents == 2);
}

TEST_CASE("a corrupt archive and a missing path become error inputs; the walk goes on") {
  TempDir dir;
  WriteFile(dir.path() / "broken.zip", "PK\x03\x04 this is not really a zip");
  WriteFile(dir.path() / "ok.docx", "ok");
  InputWalker walker;
  std::string missing = (dir.path() / "missing.docx").string();
  Walked w = WalkAll(walker, {(dir.path() / "broken.zip").string(), missing,
                              (dir.path() / "ok.docx").string()});
  REQUIRE(w.names.size() == 3);
  CHECK(w.errors[0].find("broken.zip: cannot open archive") != std::string::npos);
  CHECK(w.errors[1] == missing + ": no such file or directory");
  CHECK(w.errors[2].empty());
}

TEST_CASE("an archive member over the cap is an error, not a read") {
  TempDir dir;
  WriteFile(dir.path() / "bomb.zip", MakeZip({{"big.docx", std::string(3u << 20, 'a')}}));
  WalkLimits limits;
  limits.max_member_bytes = 1u << 20;
  InputWalker walker(limits);
  Walked w = WalkAll(walker, {(dir.path() / "bomb.zip").string()});
  REQUIRE(w.names.size() == 1);
  CHECK(w.errors[0].find("member big.docx is larger than 1 MiB uncompressed") !=
        std::string::npos);
  CHECK(w.bytes[0].empty());
}

TEST_CASE("archives nested deeper than the limit are refused") {
  std::string level = MakeZip({{"deep.docx", "d"}});
  for (int i = 0; i < 5; ++i) level = MakeZip({{"n" + std::to_string(i) + ".zip", level}});
  TempDir dir;
  WriteFile(dir.path() / "nest.zip", level);
  InputWalker walker;
  Walked w = WalkAll(walker, {(dir.path() / "nest.zip").string()});
  REQUIRE(w.names.size() == 1);
  CHECK(w.errors[0].find("archives nested deeper than 4") != std::string::npos);
}

TEST_CASE("a list of inputs is read line by line, blank lines and CR ignored") {
  TempDir dir;
  WriteFile(dir.path() / "a.docx", "A");
  WriteFile(dir.path() / "b.docx", "B");
  std::istringstream list((dir.path() / "a.docx").string() + "\r\n\n" +
                          (dir.path() / "b.docx").string() + "\n");
  InputWalker walker;
  std::vector<std::string> names;
  walker.WalkList(list, [&](Input&& input) {
    names.push_back(input.name);
    return true;
  });
  REQUIRE(names.size() == 2);
  CHECK(names[1] == (dir.path() / "b.docx").string());
}

TEST_CASE("the walk stops when the callback says so") {
  TempDir dir;
  for (char c = 'a'; c <= 'e'; ++c) WriteFile(dir.path() / (std::string(1, c) + ".docx"), "x");
  InputWalker walker;
  int seen = 0;
  bool finished = walker.Walk(dir.path().string(), [&](Input&&) { return ++seen < 2; });
  CHECK_FALSE(finished);
  CHECK(seen == 2);
}

// Returns |name| and |data| as one clausegap-frame/1 record.
std::string Frame(const std::string& name, const std::string& data) {
  return "clausegap-frame/1 " + std::to_string(name.size()) + " " + std::to_string(data.size()) +
         "\n" + name + data + "\n";
}

Walked WalkFrameStream(InputWalker& walker, const std::string& stream, bool* finished = nullptr) {
  Walked walked;
  std::istringstream in(stream);
  bool done = walker.WalkFrames(in, "standard input", [&](Input&& input) {
    walked.names.push_back(input.name);
    walked.errors.push_back(input.error ? input.error->message : "");
    walked.bytes.push_back(input.bytes);
    return true;
  });
  if (finished != nullptr) *finished = done;
  return walked;
}

TEST_CASE("framed records arrive as named documents; a .zip record is walked as an archive") {
  std::string binary("PK\0\3\n\n\r\0", 8);  // newlines and NULs inside the data are data
  std::string stream = Frame("契約/a.docx", binary) + Frame("~$a.docx", "lock") +
                       Frame("part.zip", MakeZip({{"x.docx", "X"}, {"notes.txt", "n"}})) +
                       Frame("b.pdf", "");
  InputWalker walker;
  bool finished = false;
  Walked w = WalkFrameStream(walker, stream, &finished);
  CHECK(finished);
  CHECK_FALSE(walker.stream_error());
  REQUIRE(w.names.size() == 3);
  CHECK(w.names[0] == "契約/a.docx");
  CHECK(w.bytes[0] == binary);
  CHECK(w.names[1] == "part.zip!x.docx");
  CHECK(w.bytes[1] == "X");
  CHECK(w.names[2] == "b.pdf");
  CHECK(w.bytes[2].empty());
  CHECK(w.errors == std::vector<std::string>{"", "", ""});
  CHECK(walker.stats().documents == 3);
  CHECK(walker.stats().litter == 1);
  CHECK(walker.stats().skipped == 1);
}

TEST_CASE("an empty framed stream holds no document and is not an error") {
  InputWalker walker;
  bool finished = false;
  Walked w = WalkFrameStream(walker, "", &finished);
  CHECK(finished);
  CHECK(w.names.empty());
  CHECK_FALSE(walker.stream_error());
}

TEST_CASE("a framed record over the size cap is skipped and the stream stays in step") {
  WalkLimits limits;
  limits.max_member_bytes = 4;
  InputWalker walker(limits);
  Walked w = WalkFrameStream(walker, Frame("big.docx", "12345") + Frame("small.docx", "1234"));
  REQUIRE(w.names.size() == 2);
  CHECK(w.errors[0] == "big.docx: larger than 4 bytes");
  CHECK(w.names[1] == "small.docx");
  CHECK(w.errors[1].empty());
  CHECK_FALSE(walker.stream_error());
}

TEST_CASE("a broken framing is one error and stops the walk") {
  struct Case {
    std::string stream;
    std::string message;
  };
  const std::string good = Frame("a.docx", "A");  // 30 bytes
  const Case cases[] = {
      {good + "hello\n", "standard input: record 2 at byte 30: not a clausegap-frame/1 header"},
      {good + "clausegap-frame/2 1 1\nab\n",
       "standard input: record 2 at byte 30: unsupported frame version (this clausegap reads "
       "clausegap-frame/1)"},
      {"clausegap-frame/1 6 -1\n", "standard input: record 1 at byte 0: the header needs two decimal "
                                   "byte counts, NAME_BYTES DATA_BYTES"},
      {"clausegap-frame/1 0 1\nA\n", "standard input: record 1 at byte 0: NAME_BYTES must be 1 to 4096"},
      {"clausegap-frame/1 6 10\na.docxABC",
       "standard input: record 1 at byte 0: the stream ends inside the data of a.docx"},
      // A name counted in characters instead of UTF-8 bytes shifts the data.
      {"clausegap-frame/1 6 1\n契約.docxA\n",
       "standard input: record 1 at byte 0: the data of 契約 is not followed by a newline (is "
       "DATA_BYTES right?)"},
      {good + "clausegap-frame/1 6", "standard input: record 2 at byte 30: the stream ends inside a header"},
      {std::string(100, 'x'), "standard input: record 1 at byte 0: header line too long: not a "
                              "clausegap-frame/1 stream"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.message);
    InputWalker walker;
    bool finished = true;
    Walked w = WalkFrameStream(walker, c.stream, &finished);
    CHECK_FALSE(finished);
    REQUIRE(walker.stream_error());
    CHECK(walker.stream_error()->message == c.message);
    REQUIRE(!w.names.empty());
    CHECK(w.names.back() == "standard input");
    CHECK(w.errors.back() == c.message);
  }
}

TEST_CASE("an archive read from a stream is walked like an archive file, under a size cap") {
  std::string archive = MakeZip({{"b.docx", "B"}, {"a.docx", "A"}});
  InputWalker walker;
  std::vector<std::string> names;
  std::istringstream in(archive);
  walker.WalkArchiveStream("stdin.zip", in, [&](Input&& input) {
    names.push_back(input.name);
    return true;
  });
  CHECK(names == std::vector<std::string>{"stdin.zip!a.docx", "stdin.zip!b.docx"});

  WalkLimits limits;
  limits.max_stream_archive_bytes = archive.size() - 1;
  InputWalker capped(limits);
  std::istringstream again(archive);
  std::vector<std::string> errors;
  capped.WalkArchiveStream("stdin.zip", again, [&](Input&& input) {
    errors.push_back(input.error ? input.error->message : "");
    return true;
  });
  CHECK(errors == std::vector<std::string>{"stdin.zip: archive larger than " +
                                           std::to_string(archive.size() - 1) + " bytes"});
}

}  // namespace
}  // namespace clausegap::batch
