// `clausegap extract` on hostile or broken inputs built by the test itself:
// every one must fail with exit code 2, a "path: cause" message naming the
// specific cause, within the timeout, and without writing anything.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run.h"

namespace clausegap::e2e {
namespace {
namespace fs = std::filesystem;

const char kWordNs[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// Runs extract on |file| (alone in |dir|) and checks the common contract.
void ExpectRejected(const ScratchDir& dir, const fs::path& file,
                    const std::vector<std::string>& causes, int timeout_seconds = 60) {
  std::vector<std::string> before = dir.List();
  RunResult run = RunClausegap({"extract", file.string()}, timeout_seconds);
  INFO("stderr: " << run.err);
  CHECK_FALSE(run.timed_out);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(file.string()) != std::string::npos);
  bool named = false;
  for (const std::string& cause : causes) {
    if (run.err.find(cause) != std::string::npos) named = true;
  }
  CHECK_MESSAGE(named, "none of the expected causes is in stderr");
  CHECK(run.err.find("reader not built yet") == std::string::npos);
  CHECK(dir.List() == before);  // nothing written next to the file
}

fs::path Write(const ScratchDir& dir, const std::string& name, std::string_view bytes) {
  fs::path path = dir.path() / name;
  REQUIRE(WriteFileBytes(path, bytes));
  return path;
}

}  // namespace

TEST_CASE("extract rejects an empty file") {
  ScratchDir dir;
  ExpectRejected(dir, Write(dir, "empty.docx", ""), {"empty file"});
}

TEST_CASE("extract rejects random bytes that are not a zip") {
  ScratchDir dir;
  std::string bytes;
  std::uint32_t state = 12345;
  for (int i = 0; i < 8192; ++i) {
    state = state * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>(state >> 24));
  }
  ExpectRejected(dir, Write(dir, "random.docx", bytes), {"not a zip"});
}

TEST_CASE("extract rejects a legacy Word 97-2003 .doc (OLE compound file)") {
  ScratchDir dir;
  ExpectRejected(dir, Write(dir, "old.doc", OleFile(Utf16Le("WordDocument"))), {"legacy"});
}

TEST_CASE("extract rejects an encrypted OOXML package (OLE with EncryptionInfo)") {
  ScratchDir dir;
  std::string payload = Utf16Le("EncryptionInfo") + std::string(50, '\0') + Utf16Le("EncryptedPackage");
  ExpectRejected(dir, Write(dir, "secret.docx", OleFile(payload)), {"encrypted"});
}

TEST_CASE("extract rejects a truncated copy of a sample") {
  ScratchDir dir;
  std::string whole = ReadFileBytes(SamplePath("itaku-callcenter"));
  REQUIRE(whole.size() > 1000);
  fs::path path = Write(dir, "truncated.docx", std::string_view(whole).substr(0, whole.size() / 2));
  ExpectRejected(dir, path, {"truncated or corrupt"});
}

TEST_CASE("extract rejects a part whose data fails its CRC") {
  ScratchDir dir;
  std::string zip = StoredZip(MinimalPackage(MinimalDocumentXml({"第1条（目的）"})));
  std::size_t at = zip.find("</w:body>");
  REQUIRE(at != std::string::npos);
  zip[at + 2] = 'X';  // the stored data changes, its CRC in the headers does not
  ExpectRejected(dir, Write(dir, "crc.docx", zip), {"corrupt", "CRC"});
}

TEST_CASE("extract rejects a package without the main document part") {
  ScratchDir dir;
  SUBCASE("relationship to a missing word/document.xml") {
    std::vector<ZipEntry> entries = MinimalPackage(MinimalDocumentXml({"x"}));
    entries.pop_back();
    entries.push_back({"word/other.xml", MinimalDocumentXml({"x"})});
    fs::path path = Write(dir, "nomain.docx", StoredZip(entries));
    ExpectRejected(dir, path, {"main document part word/document.xml"});
    RunResult run = RunClausegap({"extract", path.string()});
    CHECK(run.err.find("missing") != std::string::npos);
  }
  SUBCASE("no _rels/.rels and no word/document.xml") {
    std::vector<ZipEntry> entries = {{"[Content_Types].xml", MinimalPackage("")[0].data},
                                     {"docProps/app.xml", "<Properties/>"}};
    ExpectRejected(dir, Write(dir, "norels.docx", StoredZip(entries)),
                   {"no main document part (_rels/.rels is missing"});
  }
  SUBCASE("a zip that is no Office package at all") {
    ExpectRejected(dir, Write(dir, "photos.docx", StoredZip(std::vector<ZipEntry>{ZipEntry{"photo.txt", "hello"}})),
                   {"[Content_Types].xml is missing: not a valid OOXML package"});
  }
}

TEST_CASE("extract rejects malformed document.xml") {
  ScratchDir dir;
  std::string xml = std::string("<?xml version=\"1.0\"?><w:document xmlns:w=\"") + kWordNs +
                    "\"><w:body><w:p><w:r><w:t>第1条</w:r></w:p></w:body></w:document>";
  fs::path path = Write(dir, "malformed.docx", StoredZip(MinimalPackage(xml)));
  ExpectRejected(dir, path, {"malformed XML"});
  RunResult run = RunClausegap({"extract", path.string()});
  CHECK(run.err.find("word/document.xml") != std::string::npos);
}

TEST_CASE("extract refuses a DOCTYPE with an external entity (XXE)") {
  ScratchDir dir;
  std::string xml = std::string("<?xml version=\"1.0\"?>"
                                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                                "<w:document xmlns:w=\"") +
                    kWordNs + "\"><w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>";
  fs::path path = Write(dir, "xxe.docx", StoredZip(MinimalPackage(xml)));
  ExpectRejected(dir, path, {"DOCTYPE"});
  RunResult run = RunClausegap({"extract", "--format", "json", path.string()});
  CHECK(run.out.find("root:") == std::string::npos);  // /etc/passwd never appears
}

TEST_CASE("extract refuses a billion-laughs DTD") {
  ScratchDir dir;
  std::string dtd = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    std::string prev = i == 1 ? "lol" : "lol" + std::to_string(i - 1);
    dtd += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dtd += "&" + prev + ";";
    dtd += "\">";
  }
  dtd += "]>";
  std::string xml = "<?xml version=\"1.0\"?>" + dtd + "<w:document xmlns:w=\"" + kWordNs +
                    "\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
  ExpectRejected(dir, Write(dir, "laughs.docx", StoredZip(MinimalPackage(xml))), {"DOCTYPE"});
}

TEST_CASE("extract refuses 1,000,000 nested elements") {
  ScratchDir dir;
  std::string xml = std::string("<?xml version=\"1.0\"?><w:document xmlns:w=\"") + kWordNs +
                    "\"><w:body>";
  const int kDepth = 1000000;
  xml.reserve(xml.size() + kDepth * 7 + 64);
  for (int i = 0; i < kDepth; ++i) xml += "<w:x>";
  for (int i = 0; i < kDepth; ++i) xml += "</w:x>";
  xml += "</w:body></w:document>";
  // Stored, not deflated: the depth cap, not the ratio cap, must catch it.
  fs::path path = Write(dir, "nested.docx", StoredZip(MinimalPackage(std::move(xml))));
  ExpectRejected(dir, path, {"nesting", "deeper"});
}

namespace {

// A package whose document.xml is |mebibytes| MiB of 'a' inside one w:t, deflated.
fs::path WriteBomb(const ScratchDir& dir, const std::string& name, int mebibytes) {
  DeflatedEntry bomb;
  bomb.prefix = std::string("<?xml version=\"1.0\"?><w:document xmlns:w=\"") + kWordNs +
                "\"><w:body><w:p><w:r><w:t>";
  bomb.data = std::string(1 << 20, 'a');
  bomb.repeat = static_cast<std::uint64_t>(mebibytes);
  bomb.suffix = "</w:t></w:r></w:p></w:body></w:document>";
  fs::path path = dir.path() / name;
  REQUIRE(WriteDeflatedPackage(path, bomb));
  return path;
}

}  // namespace

TEST_CASE("extract refuses a zip bomb under the size cap (10 MiB at ratio ~1000)") {
  ScratchDir dir;
  fs::path path = WriteBomb(dir, "bomb10.docx", 10);
  CHECK(fs::file_size(path) < 64 * 1024);
  ExpectRejected(dir, path, {"zip bomb suspected"});
}

TEST_CASE("extract refuses a zip bomb over the size cap (100 MiB document.xml)") {
  ScratchDir dir;
  fs::path path = WriteBomb(dir, "bomb100.docx", 100);
  CHECK(fs::file_size(path) < 256 * 1024);
  // Both caps are exceeded; either one is a specific, correct cause.
  ExpectRejected(dir, path, {"zip bomb suspected", "larger than 64 MiB"});
}

TEST_CASE("extract refuses a zip bomb whose headers understate its size") {
  // The headers claim 4 KiB uncompressed; the data inflates to 100 MiB. The
  // reader must not trust the claim: it stops on the cap, the ratio or the
  // inconsistency, quickly and with a specific message.
  ScratchDir dir;
  fs::path path = WriteBomb(dir, "liar.docx", 100);
  std::string zip = ReadFileBytes(path);
  const std::string name = "word/document.xml";
  int patched = 0;
  for (std::size_t at = zip.find(name); at != std::string::npos; at = zip.find(name, at + 1)) {
    auto signature = [&](std::size_t header) {
      return header + 4 <= zip.size() && zip.compare(header, 2, "PK") == 0;
    };
    std::size_t size_field = 0;
    if (at >= 30 && signature(at - 30) && zip[at - 28] == '\x03') size_field = at - 30 + 22;
    if (at >= 46 && signature(at - 46) && zip[at - 44] == '\x01') size_field = at - 46 + 24;
    if (size_field == 0) continue;
    const char claimed[4] = {0x00, 0x10, 0x00, 0x00};  // 4096, little-endian
    zip.replace(size_field, 4, claimed, 4);
    ++patched;
  }
  REQUIRE(patched == 2);  // the local header and the central directory
  REQUIRE(WriteFileBytes(path, zip));
  ExpectRejected(dir, path, {"zip bomb suspected", "larger than 64 MiB", "corrupt"});
}

TEST_CASE("extract refuses a part over the 64 MiB cap even when stored uncompressed") {
  ScratchDir dir;
  std::string xml = std::string("<?xml version=\"1.0\"?><w:document xmlns:w=\"") + kWordNs +
                    "\"><w:body><w:p><w:r><w:t>";
  xml.append(65u << 20, 'a');
  xml += "</w:t></w:r></w:p></w:body></w:document>";
  fs::path path = Write(dir, "huge.docx", StoredZip(MinimalPackage(std::move(xml))));
  ExpectRejected(dir, path, {"larger than 64 MiB"});
}

TEST_CASE("extract rejects suspicious zip entry names") {
  ScratchDir dir;
  std::vector<ZipEntry> entries = MinimalPackage(MinimalDocumentXml({"第1条（目的）"}));
  SUBCASE("a name climbing out with ../") {
    entries.push_back({"word/../../evil.xml", "<x/>"});
    ExpectRejected(dir, Write(dir, "dotdot.docx", StoredZip(entries)), {"'..'"});
  }
  SUBCASE("an absolute name") {
    entries.push_back({"/etc/cron.d/evil", "x"});
    ExpectRejected(dir, Write(dir, "absolute.docx", StoredZip(entries)), {"absolute entry name"});
  }
  SUBCASE("a duplicated main part") {
    entries.push_back({"word/document.xml", MinimalDocumentXml({"別の本文"})});
    ExpectRejected(dir, Write(dir, "duplicate.docx", StoredZip(entries)), {"duplicate entry name"});
  }
  SUBCASE("names differing only in case (OPC names are case-insensitive)") {
    entries.push_back({"WORD/Document.xml", MinimalDocumentXml({"別の本文"})});
    ExpectRejected(dir, Write(dir, "case.docx", StoredZip(entries)), {"duplicate entry name"});
  }
}

TEST_CASE("extract reports a missing file") {
  ScratchDir dir;
  fs::path path = dir.path() / "no-such-contract.docx";
  RunResult run = RunClausegap({"extract", path.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(path.string() + ": cannot open") != std::string::npos);
  CHECK(dir.List().empty());
  run = RunClausegap({"extract", dir.path().string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(dir.path().string() + ": is a directory") != std::string::npos);
}

TEST_CASE("a minimal valid package built the same way is accepted") {
  // Guards the hostile cases above: they fail because of what was broken,
  // not because the test's zip writer is wrong.
  ScratchDir dir;
  fs::path path = Write(dir, "minimal.docx",
                        StoredZip(MinimalPackage(MinimalDocumentXml({"第1条（目的）", "本文"}))));
  RunResult run = RunClausegap({"extract", "--format", "text", path.string()});
  INFO("stderr: " << run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("第1条（目的）") != std::string::npos);
  CHECK(run.out.find("本文") != std::string::npos);
  DeflatedEntry doc;
  doc.data = MinimalDocumentXml({"第2条（定義）"});
  fs::path deflated = dir.path() / "deflated.docx";
  REQUIRE(WriteDeflatedPackage(deflated, doc));
  run = RunClausegap({"extract", "--format", "text", deflated.string()});
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("第2条（定義）") != std::string::npos);
}

}  // namespace clausegap::e2e
