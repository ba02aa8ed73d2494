// The classes of odd OOXML the issue lists, each fixed in the reader's
// mechanism and tested on a package built here: encodings, markup
// compatibility, part names, [Content_Types].xml, local vs central zip
// headers, fields nested in instructions, shared numbering.
#include <string>

#include <doctest/doctest.h>

#include "docx/read_helpers.h"

namespace clausegap {
namespace {

using testing::Lines;
using testing::MakeDocx;
using testing::P;
using testing::Read;
using testing::Strings;
using testing::ZipBuilder;

const char* const kRels =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"r\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"%s\"/></Relationships>";

std::string Rels(const std::string& target) {
  std::string rels = kRels;
  rels.replace(rels.find("%s"), 2, target);
  return rels;
}

std::string Document(const std::string& body, const std::string& declaration =
                                                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>") {
  return declaration + "<w:document " + testing::kNamespaces + "><w:body>" + body +
         "</w:body></w:document>";
}

Error ReadError(const std::string& bytes) {
  auto result = docx::ReadDocxBytes(bytes, "odd.docx");
  REQUIRE_FALSE(result.has_value());
  return result.error();
}

TEST_CASE("a part that is not UTF-8 is refused, naming the part") {
  // 契約 in Shift-JIS inside a part that says (or assumes) UTF-8.
  std::string sjis_text = "\x8c\x5f\x96\xf1";
  Error invalid = ReadError(ZipBuilder()
                                .Add("[Content_Types].xml", testing::kTestContentTypes)
                                .Add("_rels/.rels", Rels("word/document.xml"))
                                .Add("word/document.xml", Document(P(sjis_text)))
                                .Build());
  CHECK(invalid.code == ErrorCode::kMalformedXml);
  CHECK(invalid.message.rfind("odd.docx: invalid UTF-8 in word/document.xml at offset ", 0) == 0);

  Error declared = ReadError(
      ZipBuilder()
          .Add("[Content_Types].xml", testing::kTestContentTypes)
          .Add("_rels/.rels", Rels("word/document.xml"))
          .Add("word/document.xml",
               Document(P(sjis_text), "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>"))
          .Build());
  CHECK(declared.code == ErrorCode::kMalformedXml);
  CHECK(declared.message ==
        "odd.docx: word/document.xml declares the encoding \"Shift_JIS\"; OOXML parts are UTF-8 "
        "or UTF-16 (refused, as Word refuses it)");
  // Valid UTF-8 Japanese, declared in lower case, reads as before.
  auto fine = Read(ZipBuilder()
                       .Add("[Content_Types].xml", testing::kTestContentTypes)
                       .Add("_rels/.rels", Rels("word/document.xml"))
                       .Add("word/document.xml",
                            Document(P("契約"), "<?xml version='1.0' encoding='utf-8'?>"))
                       .Build());
  CHECK(Lines(fine) == Strings{"契約"});
}

TEST_CASE("mc:Choice whose Requires names an unknown namespace yields the Fallback") {
  auto alternate = [](const std::string& requires_attr, const std::string& extra_ns) {
    return "<w:p><mc:AlternateContent " + extra_ns + "><mc:Choice Requires=\"" + requires_attr +
           "\"><w:r><w:t>choice</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t>"
           "</w:r></mc:Fallback></mc:AlternateContent></w:p>";
  };
  std::string unknown = alternate("xyz", "xmlns:xyz=\"http://example.com/future-markup\"");
  std::string unbound = alternate("nope", "");
  std::string known = alternate("wps", "");
  std::string mixed = alternate("wps xyz", "xmlns:xyz=\"http://example.com/future-markup\"");
  CHECK(Lines(Read(MakeDocx(unknown + unbound + known + mixed))) ==
        Strings{"fallback", "fallback", "choice", "fallback"});
}

TEST_CASE("part names are IRIs: percent-encoded and plain names find the same part") {
  // The main part 契約.xml stored under its percent-encoded zip item name,
  // and named plainly by the relationship — and the other way round.
  const std::string encoded = "word/%E5%A5%91%E7%B4%84.xml";
  for (const auto& [stored, target] : {std::pair<std::string, std::string>{encoded, "word/契約.xml"},
                                       {"word/契約.xml", encoded}}) {
    CAPTURE(stored);
    auto document = Read(ZipBuilder()
                             .Add("[Content_Types].xml", testing::kTestContentTypes)
                             .Add("_rels/.rels", Rels(target))
                             .Add(stored, Document(P("第1条 目的")))
                             .Build());
    CHECK(Lines(document) == Strings{"第1条 目的"});
  }
}

TEST_CASE("a package without [Content_Types].xml is refused") {
  Error error = ReadError(ZipBuilder()
                              .Add("_rels/.rels", Rels("word/document.xml"))
                              .Add("word/document.xml", Document(P("本文")))
                              .Build());
  CHECK(error.code == ErrorCode::kNoMainPart);
  CHECK(error.message ==
        "odd.docx: [Content_Types].xml is missing: not a valid OOXML package (Word refuses it too)");
}

TEST_CASE("a zip whose local header names another file than the central directory is refused") {
  std::string bytes = ZipBuilder()
                          .Add("[Content_Types].xml", testing::kTestContentTypes)
                          .Add("_rels/.rels", Rels("word/document.xml"))
                          .Add("word/document.xml", Document(P("甲の契約")), /*store=*/true)
                          .Add("word/documenX.xml", Document(P("乙の契約")), /*store=*/true)
                          .Build();
  // Rename the second entry's local header only: a reader that follows
  // local headers sees two documents named word/document.xml.
  std::size_t local = bytes.find("word/documenX.xml");
  REQUIRE(local < bytes.find("PK\x01\x02"));
  bytes[local + 16] = 't';
  CHECK(bytes.find("word/documenX.xml") != std::string::npos);  // the central entry is unchanged
  Error error = ReadError(bytes);
  CHECK(error.code == ErrorCode::kCorruptZip);
  CHECK(error.message.rfind("odd.docx: inconsistent zip archive (the local headers do not match", 0) == 0);
}

TEST_CASE("a field nested in another field's instruction is instruction, not text") {
  auto fld = [](const char* type) {
    return std::string("<w:r><w:fldChar w:fldCharType=\"") + type + "\"/></w:r>";
  };
  auto instr = [](const char* text) {
    return std::string("<w:r><w:instrText xml:space=\"preserve\">") + text + "</w:instrText></w:r>";
  };
  auto run = [](const char* text) { return std::string("<w:r><w:t>") + text + "</w:t></w:r>"; };
  // IF { MERGEFIELD 区分 } = "委託" "再委託を禁止する。" "" — the MERGEFIELD's
  // cached result «区分» sits inside the IF's instruction.
  std::string body = "<w:p>" + run("乙は、") + fld("begin") + instr(" IF ") + fld("begin") +
                     instr(" MERGEFIELD 区分 ") + fld("separate") + run("«区分»") + fld("end") +
                     instr(" = \"委託\" \"再委託を禁止する。\" \"\" ") + fld("separate") +
                     run("再委託を禁止する。") + fld("end") + "</w:p>";
  CHECK(Lines(Read(MakeDocx(body))) == Strings{"乙は、再委託を禁止する。"});
}

TEST_CASE("two w:num sharing an abstractNum continue one count unless a startOverride restarts it") {
  testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"7\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"第%1条\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/></w:num>"
      // As LibreOffice writes a list that continues with its own level formatting.
      "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"7\"/><w:lvlOverride w:ilvl=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"第%1条\"/></w:lvl></w:lvlOverride></w:num>"
      "<w:num w:numId=\"4\"><w:abstractNumId w:val=\"7\"/><w:lvlOverride w:ilvl=\"0\">"
      "<w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>";
  auto numbered = [](const char* text, int num_id) {
    return P(text, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num_id) +
                       "\"/></w:numPr>");
  };
  parts.body = numbered("目的", 1) + numbered("定義", 1) + P("（本文）") + numbered("委託", 2) +
               numbered("報告", 3) + numbered("別契約", 4);
  CHECK(Lines(Read(MakeDocx(parts))) ==
        Strings{"第1条 目的", "第2条 定義", "（本文）", "第3条 委託", "第4条 報告", "第1条 別契約"});
}

}  // namespace
}  // namespace clausegap
