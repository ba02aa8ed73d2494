// Tests of the PDF reader on PDFs written by the test: text in reading order
// with pages, scans and encrypted files refused with their own codes, and
// hostile files refused in bounded time, in the child process or not.
#include "pdf/reader.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "pdf/pdf_writer.h"

namespace clausegap::pdf {
namespace {

using testing::MakePdf;
using testing::PdfText;
using testing::Wrap;

// A two-page contract with a running header and page numbers.
std::string TwoPageContract() {
  std::vector<PdfText> one = {{250, 60, 14, "業務委託契約書"}, {72, 110, 10.5, "第1条（再委託の禁止）"}};
  for (PdfText& line : Wrap("乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、あらかじめ甲の"
                            "書面による承諾を得た場合は、この限りでない。",
                            40, 128)) {
    one.push_back(line);
  }
  one.push_back({290, 800, 9, "1"});
  std::vector<PdfText> two = {{72, 110, 10.5, "第2条（報告）"},
                              {72, 128, 10.5, "乙は、事故を知ったときは、直ちに甲に報告する。"},
                              {290, 800, 9, "2"}};
  one.push_back({450, 30, 9, "取扱注意"});
  two.push_back({450, 30, 9, "取扱注意"});
  return MakePdf({one, two});
}

TEST_CASE("a text PDF becomes paragraphs in reading order with their pages") {
  for (bool isolate : {true, false}) {
    CAPTURE(isolate);
    PdfLimits limits;
    limits.isolate = isolate;
    auto document = ReadPdfBytes(TwoPageContract(), "contract.pdf", limits);
    REQUIRE_MESSAGE(document.has_value(), (document ? "" : document.error().message));
    std::vector<std::string> texts;
    std::vector<int> pages;
    for (const model::Block& block : document->blocks) {
      texts.push_back(block.text);
      pages.push_back(block.page);
    }
    CHECK(texts == std::vector<std::string>{
                       "業務委託契約書", "第1条（再委託の禁止）",
                       "乙は、本業務の全部又は一部を第三者に再委託してはならない。ただし、あらかじめ甲の"
                       "書面による承諾を得た場合は、この限りでない。",
                       "第2条（報告）", "乙は、事故を知ったときは、直ちに甲に報告する。"});
    CHECK(pages == std::vector<int>{1, 1, 1, 2, 2});
    CHECK(document->file == "contract.pdf");
  }
}

TEST_CASE("a PDF without a text layer is a scan: OCR it first") {
  auto document = ReadPdfBytes(MakePdf({{}, {}}), "scan.pdf");
  REQUIRE_FALSE(document.has_value());
  CHECK(document.error().code == ErrorCode::kNoTextLayer);
  CHECK(document.error().message.rfind("scan.pdf: no text layer", 0) == 0);
  CHECK(document.error().message.find("OCR") != std::string::npos);
}

TEST_CASE("a PDF that needs a password is refused as encrypted") {
  // A standard security handler whose check values match no empty password.
  std::string encrypt = "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'A') + "> /U <" +
                        std::string(64, 'B') + "> /P -4 >>";
  std::string pdf = MakePdf({{{72, 100, 10.5, "秘密"}}},
                            "/Encrypt 8 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                            "<0123456789ABCDEF0123456789ABCDEF>]",
                            {encrypt});
  auto document = ReadPdfBytes(pdf, "locked.pdf");
  REQUIRE_FALSE(document.has_value());
  CHECK(document.error().code == ErrorCode::kEncrypted);
  CHECK(document.error().message.rfind("locked.pdf: encrypted PDF", 0) == 0);
}

TEST_CASE("hostile and damaged PDFs are refused with a reason, in bounded time") {
  std::string good = TwoPageContract();
  // A page tree that contains itself.
  std::string cycle = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                      "2 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >> endobj\n"
                      "3 0 obj << /Type /Pages /Kids [2 0 R] /Count 1 >> endobj\n"
                      "trailer << /Root 1 0 R >>\n%%EOF\n";
  // Arrays nested 200,000 deep.
  std::string deep = "%PDF-1.4\n1 0 obj " + std::string(200000, '[') + " endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  struct Case {
    const char* name;
    std::string bytes;
    ErrorCode code;
  };
  std::vector<Case> cases = {
      {"truncated", good.substr(0, good.size() / 3), ErrorCode::kCorruptPdf},
      {"garbage", "%PDF-1.7\n" + std::string(4096, '\xff'), ErrorCode::kCorruptPdf},
      {"cycle", cycle, ErrorCode::kCorruptPdf},
      {"deep", deep, ErrorCode::kCorruptPdf},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    auto document = ReadPdfBytes(c.bytes, c.name);
    REQUIRE_FALSE(document.has_value());
    // A truncated file may lose its pages' text rather than its structure.
    bool expected = document.error().code == c.code || document.error().code == ErrorCode::kNoTextLayer;
    CHECK_MESSAGE(expected, document.error().message);
    CHECK(document.error().message.rfind(std::string(c.name) + ": ", 0) == 0);
  }
}

TEST_CASE("the caps: pages, text size, time") {
  std::vector<std::vector<PdfText>> many(30, std::vector<PdfText>{{72, 100, 10.5, "第1条 本契約は有効とする。"}});
  PdfLimits limits;
  limits.max_pages = 20;
  auto pages = ReadPdfBytes(MakePdf(many), "many.pdf", limits);
  REQUIRE_FALSE(pages.has_value());
  CHECK(pages.error().code == ErrorCode::kTooLarge);
  CHECK(pages.error().message == "many.pdf: PDF has 30 pages, more than 20");

  PdfLimits small_text;
  small_text.max_text_bytes = 200;
  auto text = ReadPdfBytes(MakePdf(many), "text.pdf", small_text);
  REQUIRE_FALSE(text.has_value());
  CHECK(text.error().code == ErrorCode::kTooLarge);

  PdfLimits small_file;
  small_file.max_bytes = 100;
  auto file = ReadPdfBytes(MakePdf(many), "big.pdf", small_file);
  REQUIRE_FALSE(file.has_value());
  CHECK(file.error().message == "big.pdf: PDF larger than 0 MiB");
}

TEST_CASE("PDFs are recognised by their header, not their name") {
  CHECK(LooksLikePdf("%PDF-1.7\n"));
  CHECK(LooksLikePdf(std::string(100, ' ') + "%PDF-1.4"));
  CHECK_FALSE(LooksLikePdf("PK\x03\x04"));
  CHECK_FALSE(LooksLikePdf(std::string(2000, ' ') + "%PDF-1.4"));
}

}  // namespace
}  // namespace clausegap::pdf
