// Reading order, runs, tables, content controls, text boxes, notes,
// headers/footers and comments.
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

const std::string kDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
const std::string kRelsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

TEST_CASE("the main part is found through _rels/.rels, not at word/document.xml") {
  std::string rels = kDecl + "<Relationships xmlns=\"" + kRelsNs + "\">"
      "<Relationship Id=\"a\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      "<Relationship Id=\"b\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/content/main%20part.xml\"/>"
      "</Relationships>";
  std::string main_rels = kDecl + "<Relationships xmlns=\"" + kRelsNs + "\">"
      "<Relationship Id=\"s\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"../style/s.xml\"/>"
      "</Relationships>";
  std::string doc = kDecl + "<w:document " + std::string(testing::kNamespaces) +
                    "><w:body>" + P("本文", "<w:pStyle w:val=\"Title\"/>") + "</w:body></w:document>";
  std::string styles = kDecl + "<w:styles " + std::string(testing::kNamespaces) +
                       "><w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"title\"/>"
                       "<w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>";
  std::string bytes = ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes)
                          .Add("_rels/.rels", rels)
                          .Add("word/document.xml", "<not-the-main-part/>")
                          .Add("content/main part.xml", doc)
                          .Add("content/_rels/main part.xml.rels", main_rels)
                          .Add("style/s.xml", styles)
                          .Build();
  model::Document document = Read(bytes);
  CHECK(document.main_part == "content/main part.xml");
  REQUIRE(document.blocks.size() == 1);
  CHECK(document.blocks[0].text == "本文");
  CHECK(document.blocks[0].part == "content/main part.xml");
  CHECK(document.blocks[0].style == "Title");
  CHECK(document.blocks[0].style_name == "title");
  CHECK(document.blocks[0].outline_level == 0);
}

TEST_CASE("Strict OOXML namespaces with an unusual prefix") {
  std::string rels = kDecl + "<Relationships xmlns=\"" + kRelsNs + "\">"
      "<Relationship Id=\"b\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\" Target=\"word/document.xml\"/>"
      "</Relationships>";
  std::string doc = kDecl +
      "<x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><x:body>"
      "<x:p><x:r><x:t>第一</x:t></x:r><x:r><x:t>条</x:t></x:r></x:p>"
      "<w:p xmlns:w=\"urn:not-word\"><w:r><w:t>ignored</w:t></w:r></w:p>"
      "</x:body></x:document>";
  model::Document document =
      Read(ZipBuilder().Add("[Content_Types].xml", testing::kTestContentTypes).Add("_rels/.rels", rels).Add("word/document.xml", doc).Build());
  CHECK(document.strict);
  CHECK(Lines(document) == Strings{"第一条"});
}

TEST_CASE("macro-enabled and template content types are accepted; other Office files are not") {
  testing::DocxParts parts;
  parts.body = P("x");
  parts.main_content_type = "application/vnd.ms-word.document.macroEnabled.main+xml";
  CHECK(Read(MakeDocx(parts)).blocks.size() == 1);
  parts.main_content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
  CHECK(Read(MakeDocx(parts)).blocks.size() == 1);
  parts.main_content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  auto result = docx::ReadDocxBytes(MakeDocx(parts), "book.xlsx");
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().code == ErrorCode::kUnsupported);
  CHECK(result.error().message.find("book.xlsx: not a Word document") == 0);
}

TEST_CASE("runs are joined; tabs, breaks, symbols, hyphens and fields are rendered") {
  std::string body =
      "<w:p><w:r><w:t>甲</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"1\" w:name=\"x\"/>"
      "<w:r><w:t xml:space=\"preserve\">及び </w:t></w:r><w:bookmarkEnd w:id=\"1\"/><w:r><w:t>乙</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t>"
      "<w:noBreakHyphen/><w:t>E</w:t><w:softHyphen/><w:t>F</w:t><w:sym w:font=\"Symbol\" w:char=\"2192\"/></w:r></w:p>"
      // A complex field: the instruction is not text, the result is.
      "<w:p><w:r><w:t>参照：</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
      "<w:r><w:instrText xml:space=\"preserve\"> REF _Ref1 \\h </w:instrText></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>第3条</w:t></w:r>"
      "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
      // A simple field, a hyperlink, hidden text and ruby text.
      "<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>7</w:t></w:r></w:fldSimple>"
      "<w:hyperlink r:id=\"rIdX\"><w:r><w:t>頁</w:t></w:r></w:hyperlink>"
      "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し</w:t></w:r>"
      "<w:r><w:ruby><w:rt><w:r><w:t>こう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>甲</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>"
      "<w:p/>";
  model::Document document = Read(MakeDocx(body));
  CHECK(Lines(document) == Strings{"甲及び 乙", "A\tB\nC\nD-EF→", "参照：第3条", "7頁甲", ""});
  CHECK(document.blocks[4].index == 4);
}

TEST_CASE("tables: every cell in order, nested tables and merged cells") {
  std::string body =
      P("前") +
      "<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + P("A1") + "</w:tc><w:tc>" + P("C1") + "</w:tc></w:tr>"
      "<w:tr><w:tc>" + P("A2") +
      "<w:tbl><w:tr><w:tc>" + P("n1") + P("n2") + "</w:tc><w:tc>" + P("n3") + "</w:tc></w:tr></w:tbl>"
      "</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>" + P("C2") + "</w:tc></w:tr></w:tbl>" + P("後");
  model::Document document = Read(MakeDocx(body));
  CHECK(Lines(document) == Strings{"前", "A1", "C1", "A2", "n1", "n2", "n3", "", "C2", "後"});
  using K = model::BlockKind;
  CHECK(document.blocks[0].kind == K::kParagraph);
  CHECK(document.blocks[9].kind == K::kParagraph);
  const model::Block& c1 = document.blocks[2];
  CHECK(c1.kind == K::kTableCell);
  CHECK(c1.cell.table == 0);
  CHECK(c1.cell.row == 0);
  CHECK(c1.cell.column == 2);  // after a cell spanning two grid columns
  const model::Block& n3 = document.blocks[6];
  CHECK(n3.cell.table == 1);
  CHECK(n3.cell.depth == 1);
  CHECK(n3.cell.column == 1);
  const model::Block& c2 = document.blocks[8];
  CHECK(c2.cell.table == 0);
  CHECK(c2.cell.row == 1);
  CHECK(c2.cell.column == 2);
  CHECK(c2.cell.depth == 0);
  CHECK(c2.index == 8);
}

TEST_CASE("content controls at block and run level") {
  std::string body =
      "<w:sdt><w:sdtPr><w:alias w:val=\"名称\"/><w:text/></w:sdtPr><w:sdtContent>" + P("ブロック") +
      "</w:sdtContent></w:sdt>"
      "<w:p><w:r><w:t>甲：</w:t></w:r><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtEndPr/>"
      "<w:sdtContent><w:r><w:t>株式会社</w:t></w:r></w:sdtContent></w:sdt></w:p>";
  CHECK(Lines(Read(MakeDocx(body))) == Strings{"ブロック", "甲：株式会社"});
}

TEST_CASE("text boxes: one branch of mc:AlternateContent, after their paragraph") {
  auto box = [](const std::string& text) {
    return "<w:txbxContent>" + P(text) + "</w:txbxContent>";
  };
  std::string body =
      "<w:p><w:r><w:t>本文</w:t></w:r><w:r><mc:AlternateContent>"
      "<mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>" +
      box("枠内") +
      "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
      "<mc:Fallback><w:pict><v:shape><v:textbox>" + box("枠内") +
      "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>続き</w:t></w:r></w:p>" +
      P("次") +
      // Only a Fallback: it is the branch taken.
      "<w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox>" + box("旧") +
      "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  model::Document document = Read(MakeDocx(body));
  CHECK(Lines(document) == Strings{"本文続き", "枠内", "次", "", "旧"});
  CHECK(document.blocks[1].kind == model::BlockKind::kTextBox);
  CHECK(document.blocks[1].index == 1);
  // Paragraph indices count every w:p of the part, the skipped branch too.
  CHECK(document.blocks[2].index == 3);
  CHECK(document.blocks[4].index == 5);
}

TEST_CASE("footnotes and endnotes: blocks after the body, notes linked to their reference") {
  testing::DocxParts parts;
  parts.body = "<w:p><w:r><w:t>本文</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
               P("二") + "<w:p><w:r><w:endnoteReference w:id=\"2\"/></w:r></w:p>";
  parts.footnotes =
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
      "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> 注記一</w:t></w:r></w:p>" +
      P("注記二") + "</w:footnote>";
  parts.endnotes = "<w:endnote w:id=\"2\">" + P("後注") + "</w:endnote>";
  model::Document document = Read(MakeDocx(parts));
  CHECK(Lines(document) == Strings{"本文", "二", "", " 注記一", "注記二", "後注"});
  CHECK(document.blocks[3].kind == model::BlockKind::kFootnote);
  CHECK(document.blocks[3].part == "word/footnotes.xml");
  CHECK(document.blocks[3].index == 2);
  CHECK(document.blocks[5].kind == model::BlockKind::kEndnote);
  REQUIRE(document.notes.size() == 2);
  CHECK(document.notes[0].kind == model::Note::Kind::kFootnote);
  CHECK(document.notes[0].id == "1");
  CHECK(document.notes[0].text == " 注記一\n注記二");
  CHECK(document.notes[0].block == 0);
  CHECK(document.notes[1].kind == model::Note::Kind::kEndnote);
  CHECK(document.notes[1].block == 2);
}

TEST_CASE("headers and footers follow the body, as the section references them") {
  testing::DocxParts parts;
  parts.body = P("本文") +
               "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/>"
               "<w:footerReference w:type=\"default\" r:id=\"rIdF1\"/></w:sectPr>";
  parts.header = P("社外秘");
  parts.footer = "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
                 "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
  model::Document document = Read(MakeDocx(parts));
  CHECK(Lines(document) == Strings{"本文", "社外秘", "1"});
  CHECK(document.blocks[1].kind == model::BlockKind::kHeader);
  CHECK(document.blocks[1].part == "word/header1.xml");
  CHECK(document.blocks[2].kind == model::BlockKind::kFooter);
}

TEST_CASE("comments are kept apart from the text, with their anchors") {
  testing::DocxParts parts;
  parts.body = P("前文") +
               "<w:p><w:r><w:t>乙は</w:t></w:r><w:commentRangeStart w:id=\"5\"/><w:r><w:t>再委託</w:t></w:r></w:p>"
               "<w:p><w:r><w:t>できる</w:t></w:r><w:commentRangeEnd w:id=\"5\"/>"
               "<w:r><w:commentReference w:id=\"5\"/></w:r><w:r><w:t>。</w:t></w:r></w:p>";
  parts.comments = "<w:comment w:id=\"5\" w:author=\"法務\" w:date=\"2024-04-01T10:00:00Z\">"
                   "<w:p><w:r><w:annotationRef/></w:r><w:r><w:t>承諾が必要では？</w:t></w:r></w:p>" +
                   P("要確認") + "</w:comment>";
  model::Document document = Read(MakeDocx(parts));
  CHECK(Lines(document) == Strings{"前文", "乙は再委託", "できる。"});
  REQUIRE(document.comments.size() == 1);
  const model::Comment& comment = document.comments[0];
  CHECK(comment.id == "5");
  CHECK(comment.author == "法務");
  CHECK(comment.date == "2024-04-01T10:00:00Z");
  CHECK(comment.text == "承諾が必要では？\n要確認");
  CHECK(comment.anchor_text == "再委託\nできる");
  CHECK(comment.block == 1);
}

TEST_CASE("control characters that XML 1.0 forbids are dropped from text") {
  CHECK(Lines(Read(MakeDocx(P("\x0c第4条")))) == Strings{"第4条"});
}

}  // namespace
}  // namespace clausegap
