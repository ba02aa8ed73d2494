// The annotation writer: comments anchored on exact text, tracked
// insertions, and everything else left as it was.
#include <zip.h>

#include <map>
#include <string>

#include <doctest/doctest.h>

#include "docx/annotate.h"
#include "docx/read_helpers.h"

namespace clausegap {
namespace {

using testing::Lines;
using testing::MakeDocx;
using testing::P;
using testing::Read;
using testing::Strings;

// Every entry of a zip archive: name → (uncompressed data, compressed size, crc).
struct EntryInfo {
  std::string data;
  zip_uint64_t compressed = 0;
  zip_uint32_t crc = 0;
  zip_uint16_t method = 0;
};
std::map<std::string, EntryInfo> Entries(const std::string& bytes) {
  std::map<std::string, EntryInfo> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    EntryInfo info;
    info.compressed = st.comp_size;
    info.crc = st.crc;
    info.method = st.comp_method;
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    info.data.resize(st.size);
    REQUIRE(zip_fread(file, info.data.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    out[st.name] = std::move(info);
  }
  zip_close(archive);
  zip_error_fini(&error);
  return out;
}

const std::string kHeaderSection =
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdH1\"/></w:sectPr>";

docx::NewComment Comment(int block, std::size_t begin, std::size_t end, const std::string& text,
                         int end_block = -1) {
  docx::NewComment c;
  c.range.begin = {block, begin};
  c.range.end = {end_block < 0 ? block : end_block, end};
  c.author = "clausegap";
  c.initials = "CG";
  c.date = "2026-12-01T09:00:00Z";
  c.text = text;
  return c;
}

docx::AnnotatedPackage Annotate(const std::string& bytes, const docx::Annotations& annotations) {
  model::Document document = Read(bytes);
  auto out = docx::AnnotateDocx(bytes, "test.docx", document, annotations);
  REQUIRE_MESSAGE(out.has_value(), (out ? std::string() : out.error().message));
  return *std::move(out);
}

// "乙は、" + "甲の承諾を得て" + "再委託することができる。" + "報告する。" split over runs.
std::string SplitRuns() {
  return "<w:p><w:pPr><w:jc w:val=\"left\"/></w:pPr>"
         "<w:r><w:rPr><w:b/></w:rPr><w:t>乙は、甲の</w:t></w:r>"
         "<w:bookmarkStart w:id=\"0\" w:name=\"x\"/>"
         "<w:r><w:t>承諾を得て再委託</w:t></w:r><w:bookmarkEnd w:id=\"0\"/>"
         "<w:r><w:t>することができる。</w:t><w:tab/><w:t>報告する。</w:t></w:r></w:p>";
}

TEST_CASE("a comment covers exactly the requested characters, across split runs") {
  std::string bytes = MakeDocx(P("業務委託契約書") + SplitRuns() + P("第2条"));
  model::Document before = Read(bytes);
  const std::string& text = before.blocks[1].text;
  REQUIRE(text == "乙は、甲の承諾を得て再委託することができる。\t報告する。");
  std::size_t begin = text.find("甲の承諾");
  std::size_t end = text.find("\t");
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(1, begin, end, "再委託：不十分\n理由：承諾が条件になっていない"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>{docx::Placement::kExact});

  model::Document after = Read(out.bytes);
  CHECK(Lines(after) == Lines(before));  // the body text is unchanged
  REQUIRE(after.comments.size() == 1);
  CHECK(after.comments[0].anchor_text == "甲の承諾を得て再委託することができる。");
  CHECK(after.comments[0].text == "再委託：不十分\n理由：承諾が条件になっていない");
  CHECK(after.comments[0].author == "clausegap");
  CHECK(after.comments[0].date == "2026-12-01T09:00:00Z");
  CHECK(after.comments[0].block == 1);
  // The split run keeps its formatting on both halves.
  std::string xml = Entries(out.bytes)["word/document.xml"].data;
  CHECK(xml.find("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">乙は、</w:t></w:r>"
                 "<w:commentRangeStart w:id=\"1\"/>"
                 "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">甲の</w:t></w:r>") != std::string::npos);
}

TEST_CASE("comments on the same run and across paragraphs nest correctly") {
  std::string bytes = MakeDocx(P("第1条（再委託）") + P("乙は再委託してはならない。ただし承諾があればよい。"));
  model::Document before = Read(bytes);
  docx::Annotations annotations;
  // Two ranges inside one run, then one from the middle of block 0 to the middle of block 1.
  annotations.comments.push_back(Comment(1, 0, std::string("乙は再委託してはならない。").size(), "一"));
  annotations.comments.push_back(Comment(1, std::string("乙は再委託してはならない。").size(), std::string::npos, "二"));
  annotations.comments.push_back(Comment(0, std::string("第1条").size(), std::string("乙は").size(), "三", 1));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>(3, docx::Placement::kExact));
  model::Document after = Read(out.bytes);
  CHECK(Lines(after) == Lines(before));
  REQUIRE(after.comments.size() == 3);
  CHECK(after.comments[0].anchor_text == "乙は再委託してはならない。");
  CHECK(after.comments[1].anchor_text == "ただし承諾があればよい。");
  CHECK(after.comments[2].anchor_text == "（再委託）\n乙は");
  CHECK(after.comments[2].block == 0);
}

TEST_CASE("existing comments are kept and new ids do not collide") {
  testing::DocxParts parts;
  parts.body = "<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>第1条（目的）</w:t></w:r>"
               "<w:commentRangeEnd w:id=\"7\"/><w:r><w:commentReference w:id=\"7\"/></w:r></w:p>" +
               P("本契約は、業務の委託について定める。");
  parts.comments = "<w:comment w:id=\"7\" w:author=\"山田\"><w:p><w:r><w:t>目的を具体的に</w:t></w:r></w:p></w:comment>";
  std::string bytes = MakeDocx(parts);
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(1, 0, std::string::npos, "新しいコメント"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  model::Document after = Read(out.bytes);
  REQUIRE(after.comments.size() == 2);
  CHECK(after.comments[0].id == "7");
  CHECK(after.comments[0].author == "山田");
  CHECK(after.comments[0].anchor_text == "第1条（目的）");
  CHECK(after.comments[1].id == "8");
  CHECK(after.comments[1].anchor_text == "本契約は、業務の委託について定める。");

  // An existing comments part: no new relationship or content type.
  auto in = Entries(bytes);
  auto outs = Entries(out.bytes);
  CHECK(outs["word/_rels/document.xml.rels"].data == in["word/_rels/document.xml.rels"].data);
  CHECK(outs["[Content_Types].xml"].data == in["[Content_Types].xml"].data);
  CHECK(outs.size() == in.size());
}

TEST_CASE("a new comments part is related and typed; every other part is copied byte for byte") {
  testing::DocxParts parts;
  parts.body = P("秘密保持契約書") + P("受領者は秘密を守る。") + kHeaderSection;
  parts.styles = "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>";
  parts.header = P("社外秘");
  std::string bytes = MakeDocx(parts);
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(0, 0, std::string::npos, "要約"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  auto in = Entries(bytes);
  auto outs = Entries(out.bytes);
  for (const auto& [name, entry] : in) {
    if (name == "word/document.xml" || name == "word/_rels/document.xml.rels" || name == "[Content_Types].xml") {
      continue;
    }
    INFO(name);
    REQUIRE(outs.count(name) == 1);
    CHECK(outs[name].data == entry.data);
    CHECK(outs[name].compressed == entry.compressed);
    CHECK(outs[name].crc == entry.crc);
  }
  REQUIRE(outs.count("word/comments.xml") == 1);
  CHECK(outs["word/_rels/document.xml.rels"].data.find(
            "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
            "Target=\"comments.xml\"") != std::string::npos);
  CHECK(outs["[Content_Types].xml"].data.find(
            "<Override PartName=\"/word/comments.xml\" "
            "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>") !=
        std::string::npos);
  // The declarations survive.
  CHECK(outs["word/document.xml"].data.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0) == 0);
  model::Document after = Read(out.bytes);
  REQUIRE(after.comments.size() == 1);
  CHECK(after.comments[0].anchor_text == "秘密保持契約書");
  // The header is still a block of its own.
  CHECK(after.blocks.back().kind == model::BlockKind::kHeader);
}

TEST_CASE("a paragraph whose XML text differs from the model gets the whole paragraph") {
  // A field instruction that runs on into the next paragraph: the reader
  // hides "XREF" (still in the instruction), a per-paragraph reading would not.
  std::string bytes = MakeDocx(
      "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC</w:instrText></w:r></w:p>"
      "<w:p><w:r><w:t>XREF</w:t></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
      "<w:r><w:t>目次</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>" +
      P("本文"));
  model::Document before = Read(bytes);
  REQUIRE(before.blocks[1].text == "目次");
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(1, 0, 3, "x"));
  annotations.comments.push_back(Comment(2, 0, 3, "y"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>{docx::Placement::kParagraph, docx::Placement::kExact});
  model::Document after = Read(out.bytes);
  CHECK(Lines(after) == Lines(before));
  REQUIRE(after.comments.size() == 2);
  CHECK(after.comments[0].anchor_text == "目次");
  CHECK(after.comments[1].anchor_text == "本");
}

TEST_CASE("tracked changes in the paragraph: ranges count the signed text only") {
  const std::string attrs = " w:id=\"3\" w:author=\"乙法務\" w:date=\"2024-05-01T09:00:00Z\"";
  std::string bytes = MakeDocx(
      P("題") + "<w:p><w:r><w:t>乙は、</w:t></w:r><w:del" + attrs +
      "><w:r><w:delText>甲の承諾なく</w:delText></w:r></w:del><w:ins" + attrs +
      "><w:r><w:t>甲の書面による承諾なく</w:t></w:r></w:ins><w:r><w:t>再委託してはならない。</w:t></w:r></w:p>"
      // A deleted paragraph mark: two w:p, one block.
      "<w:p><w:pPr><w:rPr><w:del" + attrs + "/></w:rPr></w:pPr><w:r><w:t>前半、</w:t></w:r></w:p>" +
      P("後半。"));
  model::Document before = Read(bytes);
  REQUIRE(before.blocks.size() == 3);
  REQUIRE(before.blocks[2].text == "前半、後半。");
  docx::Annotations annotations;
  const std::string& text = before.blocks[1].text;
  annotations.comments.push_back(Comment(1, text.find("書面"), text.find("再委託"), "a"));
  annotations.comments.push_back(Comment(2, std::string("前").size(), std::string("前半、後").size(), "b"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>(2, docx::Placement::kExact));
  model::Document after = Read(out.bytes);
  CHECK(Lines(after) == Lines(before));
  CHECK(Lines(Read(out.bytes, model::View::kOriginal)) == Lines(Read(bytes, model::View::kOriginal)));
  REQUIRE(after.comments.size() == 2);
  CHECK(after.comments[0].anchor_text == "書面による承諾なく");
  CHECK(after.comments[1].anchor_text == "半、\n後");
}

TEST_CASE("inserted paragraphs are tracked insertions styled like their models") {
  testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"第%1条\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string num = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
  parts.body = P("（目的）", num) + P("本契約は委託について定める。", "<w:ind w:left=\"210\"/>") +
               P("（協議）", num) + P("誠実に協議する。") +
               "<w:p><w:pPr><w:sectPr/></w:pPr></w:p><w:sectPr/>";
  std::string bytes = MakeDocx(parts);
  docx::Annotations annotations;
  docx::NewParagraphs insertion;
  insertion.after_block = 1;
  insertion.paragraphs = {{"（再委託の禁止）", 0}, {"乙は、甲の書面による事前の承諾なく\n再委託してはならない。", 1}};
  insertion.author = "clausegap";
  insertion.date = "2026-12-01T09:00:00Z";
  annotations.insertions.push_back(insertion);
  docx::AnnotatedPackage out = Annotate(bytes, annotations);

  model::Document signed_view = Read(out.bytes);
  CHECK(Lines(signed_view) == Strings{"第1条 （目的）", "本契約は委託について定める。", "第2条 （再委託の禁止）",
                                      "乙は、甲の書面による事前の承諾なく\n再委託してはならない。", "第3条 （協議）",
                                      "誠実に協議する。", ""});
  CHECK(signed_view.blocks[2].has_revision);
  CHECK(Lines(Read(out.bytes, model::View::kOriginal)) == Lines(Read(bytes, model::View::kOriginal)));
  int insertions = 0;
  for (const model::Revision& r : signed_view.revisions) {
    if (r.kind == model::RevisionKind::kInsertion) {
      ++insertions;
      CHECK(r.author == "clausegap");
      CHECK(r.date == "2026-12-01T09:00:00Z");
    }
  }
  CHECK(insertions == 2);
  std::string xml = Entries(out.bytes)["word/document.xml"].data;
  // The body paragraph copies the indentation, not the section break.
  CHECK(xml.find("<w:p><w:pPr><w:ind w:left=\"210\"/><w:rPr><w:ins w:id=") != std::string::npos);
  CHECK(xml.find("<w:sectPr/></w:pPr></w:p><w:sectPr/></w:body>") != std::string::npos);
  CHECK(xml.find("事前の承諾なく</w:t><w:br/><w:t xml:space=\"preserve\">再委託") != std::string::npos);
}

TEST_CASE("a block outside the main part is annotated on the first paragraph") {
  testing::DocxParts parts;
  parts.body = P("契約書") + P("本文。") + kHeaderSection;
  parts.header = P("社外秘");
  std::string bytes = MakeDocx(parts);
  model::Document before = Read(bytes);
  REQUIRE(before.blocks[2].kind == model::BlockKind::kHeader);
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(2, 0, 3, "ヘッダー"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>{docx::Placement::kDocument});
  model::Document after = Read(out.bytes);
  REQUIRE(after.comments.size() == 1);
  CHECK(after.comments[0].anchor_text == "契約書");
}

TEST_CASE("another prefix for the WordprocessingML namespace is written as the part uses it") {
  // Some generators bind the namespace to "ns0:" (or make it the default).
  const std::string decl = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  std::string document = decl +
      "<ns0:document xmlns:ns0=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><ns0:body>"
      "<ns0:p><ns0:r><ns0:t>業務委託契約書</ns0:t></ns0:r></ns0:p>"
      "<ns0:p><ns0:r><ns0:t>乙は再委託しない。</ns0:t></ns0:r></ns0:p></ns0:body></ns0:document>";
  std::string bytes =
      testing::ZipBuilder()
          .Add("[Content_Types].xml",
               decl + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>")
          .Add("_rels/.rels",
               decl + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                      "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
          .Add("word/document.xml", document)
          .Build();
  docx::Annotations annotations;
  annotations.comments.push_back(Comment(1, 0, std::string("乙は").size(), "x"));
  docx::AnnotatedPackage out = Annotate(bytes, annotations);
  CHECK(out.placements == std::vector<docx::Placement>{docx::Placement::kExact});
  auto entries = Entries(out.bytes);
  CHECK(entries["word/document.xml"].data.find("<ns0:commentRangeStart ns0:id=\"0\"/>") != std::string::npos);
  // No relationships part before: one is created.
  CHECK(entries.count("word/_rels/document.xml.rels") == 1);
  model::Document after = Read(out.bytes);
  REQUIRE(after.comments.size() == 1);
  CHECK(after.comments[0].anchor_text == "乙は");
}

TEST_CASE("unreadable packages give the reader's errors") {
  model::Document document;
  auto out = docx::AnnotateDocx("not a zip", "x.docx", document, {});
  REQUIRE_FALSE(out.has_value());
  CHECK(out.error().message == "x.docx: not a .docx file (not a zip archive)");
}

}  // namespace
}  // namespace clausegap
