// Hostile and broken packages: each gets its own error code and a message
// naming the file and the cause, in bounded time and memory.
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include "docx/read_helpers.h"

namespace clausegap {
namespace {

using testing::MakeDocx;
using testing::P;
using testing::ZipBuilder;

Error ReadError(const std::string& bytes, const docx::ReadOptions& options = {}) {
  auto result = docx::ReadDocxBytes(bytes, "bad.docx", options);
  REQUIRE_FALSE(result.has_value());
  return result.error();
}

void CheckError(const std::string& bytes, ErrorCode code, const std::string& message,
                const docx::ReadOptions& options = {}) {
  Error error = ReadError(bytes, options);
  CHECK(ErrorCodeName(error.code) == ErrorCodeName(code));
  INFO("got: ", error.message, " wanted: ", message);
  CHECK(error.message.find(message) != std::string::npos);
  CHECK(error.message.rfind("bad.docx: ", 0) == 0);
}

std::string Ole(const std::string& directory_names) {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.append(504, '\0');
  for (char c : directory_names) {
    bytes.push_back(c);
    bytes.push_back('\0');
  }
  bytes.append(512, '\0');
  return bytes;
}

std::string WithDocument(const std::string& document_xml) {
  return ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
      .Add("_rels/.rels",
           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
           "Target=\"word/document.xml\"/></Relationships>")
      .Add("word/document.xml", document_xml)
      .Build();
}

TEST_CASE("empty file, legacy .doc, encrypted package, not a zip") {
  CheckError("", ErrorCode::kEmpty, "bad.docx: empty file");
  CheckError(Ole("WordDocument"), ErrorCode::kLegacyDoc, "legacy Word 97-2003 .doc");
  CheckError(Ole("EncryptionInfo EncryptedPackage"), ErrorCode::kEncrypted, "encrypted");
  CheckError("%PDF-1.7 not a docx", ErrorCode::kNotZip, "not a zip archive");
  CheckError("{\\rtf1 hello}", ErrorCode::kNotZip, "not a zip archive");
}

TEST_CASE("truncated and corrupt zips") {
  std::string good = MakeDocx(P("本文"));
  CheckError(good.substr(0, good.size() / 2), ErrorCode::kCorruptZip, "truncated or corrupt zip");
  CheckError(good.substr(0, 30), ErrorCode::kCorruptZip, "truncated or corrupt zip");
  // Damage the compressed data of the main part, keeping the directory.
  std::string stored = ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
                           .Add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                                "Target=\"word/document.xml\"/></Relationships>")
                           .Add("word/document.xml", std::string(testing::kNamespaces) + "MARKER-MARKER", true)
                           .Build();
  std::size_t at = stored.find("MARKER-MARKER");
  REQUIRE(at != std::string::npos);
  stored[at] = 'X';  // CRC no longer matches
  CheckError(stored, ErrorCode::kCorruptZip, "corrupt data in zip entry word/document.xml");
}

TEST_CASE("no main part") {
  CheckError(ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes).Add("hello.txt", "hi").Build(), ErrorCode::kNoMainPart, "_rels/.rels is missing");
  CheckError(ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
                 .Add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>")
                 .Build(),
             ErrorCode::kNoMainPart, "no officeDocument relationship");
  CheckError(ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
                 .Add("_rels/.rels",
                      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                      "Target=\"word/missing.xml\"/></Relationships>")
                 .Build(),
             ErrorCode::kNoMainPart, "main document part word/missing.xml named in _rels/.rels is missing");
  CheckError(WithDocument("<x:workbook xmlns:x=\"urn:other\"/>"), ErrorCode::kNoMainPart,
             "is not a WordprocessingML document");
}

TEST_CASE("malformed XML, DOCTYPE and external entities") {
  CheckError(WithDocument("<w:document " + std::string(testing::kNamespaces) + "><w:body><w:p></w:body>"),
             ErrorCode::kMalformedXml, "malformed XML in word/document.xml at offset");
  std::string xxe =
      "<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<w:document " + std::string(testing::kNamespaces) + "><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";
  CheckError(WithDocument(xxe), ErrorCode::kMalformedXml, "DOCTYPE/DTD not allowed in word/document.xml");
  std::string laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><w:document/>";
  CheckError(WithDocument(laughs), ErrorCode::kMalformedXml, "DOCTYPE/DTD not allowed");
}

TEST_CASE("a million nested elements is refused without recursion") {
  std::string deep = "<w:document " + std::string(testing::kNamespaces) + "><w:body>";
  deep.reserve(8 << 20);
  for (int i = 0; i < 1000000; ++i) deep += "<w:sdt>";
  for (int i = 0; i < 1000000; ++i) deep += "</w:sdt>";
  deep += "</w:body></w:document>";
  // So repetitive a part compresses past the ratio cap; lift it to reach the parser.
  docx::ReadOptions options;
  options.limits.max_ratio = 1u << 20;
  CheckError(WithDocument(deep), ErrorCode::kTooLarge, "XML nesting deeper than 512 in word/document.xml",
             options);
  CheckError(WithDocument(deep), ErrorCode::kTooLarge, "zip bomb suspected");
  // 800 levels of content controls: refused as well.
  std::string ok = "<w:document " + std::string(testing::kNamespaces) + "><w:body>";
  for (int i = 0; i < 400; ++i) ok += "<w:sdt><w:sdtContent>";
  ok += P("深い");
  for (int i = 0; i < 400; ++i) ok += "</w:sdtContent></w:sdt>";
  ok += "</w:body></w:document>";
  CheckError(WithDocument(ok), ErrorCode::kTooLarge, "XML nesting deeper than 512");
  // 400 levels are within the limit.
  std::string shallow = "<w:document " + std::string(testing::kNamespaces) + "><w:body>";
  for (int i = 0; i < 200; ++i) shallow += "<w:sdt><w:sdtContent>";
  shallow += P("深い");
  for (int i = 0; i < 200; ++i) shallow += "</w:sdtContent></w:sdt>";
  shallow += "</w:body></w:document>";
  auto document = docx::ReadDocxBytes(WithDocument(shallow), "deep.docx");
  REQUIRE(document.has_value());
  CHECK(document->blocks.at(0).text == "深い");
}

TEST_CASE("zip bombs: ratio, per-part and total caps, reading with a cap") {
  auto started = std::chrono::steady_clock::now();
  // 256 MiB of spaces (four times the part cap) compress to a few hundred KiB.
  std::string bomb = ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
                         .Add("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                              "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                              "Target=\"word/document.xml\"/></Relationships>")
                         .AddGenerated("word/document.xml", 256ull << 20, ' ')
                         .Build();
  CHECK(bomb.size() < (4u << 20));
  CheckError(bomb, ErrorCode::kTooLarge, "zip bomb suspected: part word/document.xml expands more than 200 times");
  docx::ReadOptions no_ratio;
  no_ratio.limits.max_ratio = 1u << 30;
  CheckError(bomb, ErrorCode::kTooLarge, "part word/document.xml is larger than 64 MiB uncompressed", no_ratio);
  // Headers that lie about the size: the streamed read still stops at the
  // cap (or libzip notices the mismatch), whatever the header claims.
  std::string liar = bomb;
  int patched = 0;
  for (std::size_t at = liar.find("PK\x01\x02"); at != std::string::npos; at = liar.find("PK\x01\x02", at + 4)) {
    if (liar.compare(at + 46, 17, "word/document.xml") != 0) continue;
    liar.replace(at + 24, 4, std::string("\x00\x04\x00\x00", 4));  // claims 1 KiB
    ++patched;
  }
  for (std::size_t at = liar.find("PK\x03\x04"); at != std::string::npos; at = liar.find("PK\x03\x04", at + 4)) {
    if (liar.compare(at + 30, 17, "word/document.xml") != 0) continue;
    liar.replace(at + 22, 4, std::string("\x00\x04\x00\x00", 4));
  }
  REQUIRE(patched == 1);
  Error lie = ReadError(liar, no_ratio);
  CHECK((lie.code == ErrorCode::kTooLarge || lie.code == ErrorCode::kCorruptZip));
  MESSAGE("lying header: " << lie.message);
  docx::ReadOptions small_total;
  small_total.limits.max_total_bytes = 100;
  CheckError(MakeDocx(P(std::string(200, 'x'))), ErrorCode::kTooLarge, "parts total more than", small_total);
  docx::ReadOptions few_entries;
  few_entries.limits.max_entries = 2;
  CheckError(MakeDocx(P("x")), ErrorCode::kTooLarge, "entries, more than 2", few_entries);
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("zip bomb tests took " << seconds << " s");
}

TEST_CASE("entry-name tricks are refused and nothing is extracted") {
  auto with_entry = [](const std::string& name) {
    return ZipBuilder().Add("_rels/.rels", "<x/>").Add(name, "data").Build();
  };
  CheckError(with_entry("../../etc/passwd"), ErrorCode::kBadEntryName, "entry name with '..'");
  CheckError(with_entry("word/../../x.xml"), ErrorCode::kBadEntryName, "entry name with '..'");
  CheckError(with_entry("/etc/passwd"), ErrorCode::kBadEntryName, "absolute entry name");
  CheckError(with_entry("\\windows\\system.ini"), ErrorCode::kBadEntryName, "absolute entry name");
  CheckError(with_entry("C:/boot.ini"), ErrorCode::kBadEntryName, "drive letter");
  CheckError(with_entry("word\\..\\x.xml"), ErrorCode::kBadEntryName, "entry name with '..'");
  // Office compares part names case-insensitively.
  CheckError(ZipBuilder().Add("word/document.xml", "<a/>").Add("Word/Document.XML", "<b/>").Build(),
             ErrorCode::kBadEntryName, "duplicate entry name in zip archive: \"Word/Document.XML\"");
  // An exact duplicate, made by renaming an entry in place.
  std::string twice = ZipBuilder().Add("word/document.xml", "<a/>").Add("word/documenX.xml", "<b/>").Build();
  for (std::size_t at = twice.find("documenX"); at != std::string::npos; at = twice.find("documenX", at)) {
    twice[at + 7] = 't';
  }
  CheckError(twice, ErrorCode::kBadEntryName, "duplicate entry name");
}

TEST_CASE("ReadDocx reports files that cannot be read") {
  auto missing = docx::ReadDocx("/nonexistent/dir/contract.docx");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == ErrorCode::kIo);
  CHECK(missing.error().message.rfind("/nonexistent/dir/contract.docx: cannot open", 0) == 0);
  auto directory = docx::ReadDocx("/");
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().code == ErrorCode::kIo);
}

}  // namespace
}  // namespace clausegap
