// Tracked changes: the signed view, the original view, and the revision list.
#include <doctest/doctest.h>

#include "docx/read_helpers.h"

namespace clausegap {
namespace {

using testing::Lines;
using testing::MakeDocx;
using testing::P;
using testing::Read;
using testing::Strings;

const char* kAttrs = " w:id=\"1\" w:author=\"乙法務\" w:date=\"2024-05-01T09:00:00Z\"";

std::string Ins(const std::string& text) {
  return std::string("<w:ins") + kAttrs + "><w:r><w:t>" + text + "</w:t></w:r></w:ins>";
}
std::string Del(const std::string& text) {
  return std::string("<w:del") + kAttrs + "><w:r><w:delText>" + text + "</w:delText></w:r></w:del>";
}

testing::DocxParts Contract() {
  testing::DocxParts parts;
  parts.numbering =
      "<w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"第%1条\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  const std::string num = "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
  const std::string deleted_mark = std::string("<w:rPr><w:del") + kAttrs + "/></w:rPr>";
  const std::string inserted_mark = std::string("<w:rPr><w:ins") + kAttrs + "/></w:rPr>";
  parts.body =
      P("（目的）", num) +
      "<w:p><w:r><w:t>乙は、</w:t></w:r>" + Del("甲の承諾なく") + Ins("甲の事前の書面による承諾なく") +
      "<w:r><w:t>再委託してはならない。</w:t></w:r></w:p>" +
      // A whole numbered article deleted, paragraph marks included.
      "<w:p><w:pPr>" + num + deleted_mark + "</w:pPr>" + Del("（再委託）") + "</w:p>" +
      "<w:p><w:pPr>" + deleted_mark + "</w:pPr>" + Del("乙は再委託できる。") + "</w:p>" +
      // A paragraph split by an inserted mark: one paragraph originally.
      "<w:p><w:pPr>" + num + inserted_mark + "</w:pPr><w:r><w:t>（秘密保持）</w:t></w:r></w:p>" +
      "<w:p><w:r><w:t>乙は秘密を守る。</w:t></w:r></w:p>" +
      "<w:p><w:r><w:t>返還</w:t></w:r><w:moveFrom" + kAttrs + "><w:r><w:t>移動元</w:t></w:r></w:moveFrom>"
      "<w:moveTo" + kAttrs + "><w:r><w:t>移動先</w:t></w:r></w:moveTo></w:p>" +
      "<w:p><w:pPr>" + num + "</w:pPr><w:r><w:rPr><w:b/><w:rPrChange" + kAttrs +
      "><w:rPr/></w:rPrChange></w:rPr><w:t>（解除）</w:t></w:r></w:p>";
  return parts;
}

TEST_CASE("the signed view keeps insertions and drops deletions") {
  model::Document document = Read(MakeDocx(Contract()));
  CHECK(Lines(document) == Strings{"第1条 （目的）", "乙は、甲の事前の書面による承諾なく再委託してはならない。",
                                   "第2条 （秘密保持）", "乙は秘密を守る。", "返還移動先", "第3条 （解除）"});
  CHECK(document.view == model::View::kSigned);
  // The deleted article's paragraphs merged into the next one: its index is kept.
  CHECK(document.blocks[2].index == 2);
  CHECK(document.blocks[2].has_revision);
  CHECK(document.blocks[1].has_revision);
  CHECK_FALSE(document.blocks[0].has_revision);
  CHECK_FALSE(document.blocks[5].has_revision);  // formatting only
}

TEST_CASE("the original view rejects every change") {
  model::Document document = Read(MakeDocx(Contract()), model::View::kOriginal);
  CHECK(Lines(document) == Strings{"第1条 （目的）", "乙は、甲の承諾なく再委託してはならない。", "第2条 （再委託）",
                                   "乙は再委託できる。", "第3条 （秘密保持）乙は秘密を守る。", "返還移動元",
                                   "第4条 （解除）"});
  CHECK(document.view == model::View::kOriginal);
}

TEST_CASE("every pending revision is listed with kind, author, date, text and place") {
  for (model::View view : {model::View::kSigned, model::View::kOriginal}) {
    model::Document document = Read(MakeDocx(Contract()), view);
    using K = model::RevisionKind;
    std::vector<K> kinds;
    for (const model::Revision& r : document.revisions) kinds.push_back(r.kind);
    CHECK(kinds == std::vector<K>{K::kDeletion, K::kInsertion, K::kParagraphDeletion, K::kDeletion,
                                  K::kParagraphDeletion, K::kDeletion, K::kParagraphInsertion,
                                  K::kMoveFrom, K::kMoveTo, K::kFormat});
    const model::Revision& del = document.revisions[0];
    CHECK(del.author == "乙法務");
    CHECK(del.date == "2024-05-01T09:00:00Z");
    CHECK(del.text == "甲の承諾なく");
    CHECK(del.part == "word/document.xml");
    CHECK(del.paragraph == 1);
    CHECK(del.block == 1);
    CHECK(document.revisions[1].text == "甲の事前の書面による承諾なく");
    CHECK(document.revisions[3].text == "（再委託）");
    CHECK(document.revisions[3].paragraph == 2);
    CHECK(document.revisions[5].paragraph == 3);
    if (view == model::View::kSigned) {
      CHECK(document.revisions[3].block == 2);  // merged into 第2条 （秘密保持）
      CHECK(document.revisions[8].block == 4);
    } else {
      CHECK(document.revisions[3].block == 2);
      CHECK(document.revisions[6].block == 4);  // the inserted mark joined 秘密保持 with its text
    }
  }
}

TEST_CASE("tracked row deletions hide the row in the signed view only") {
  std::string row_del = std::string("<w:trPr><w:del") + kAttrs + "/></w:trPr>";
  std::string body = "<w:tbl><w:tr><w:tc>" + P("残る") + "</w:tc></w:tr><w:tr>" + row_del + "<w:tc>" +
                     P("消える") + "</w:tc></w:tr></w:tbl>" + P("後");
  model::Document signed_view = Read(MakeDocx(body));
  CHECK(Lines(signed_view) == Strings{"残る", "後"});
  CHECK(signed_view.blocks[1].index == 2);
  CHECK(Lines(Read(MakeDocx(body), model::View::kOriginal)) == Strings{"残る", "消える", "後"});
  REQUIRE(signed_view.revisions.size() == 1);
  CHECK(signed_view.revisions[0].kind == model::RevisionKind::kDeletion);
}

}  // namespace
}  // namespace clausegap
