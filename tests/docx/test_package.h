// Test helpers: .docx packages built in memory with libzip, never on disk.
// Not thread-safe; each test builds its own packages.
#ifndef CLAUSEGAP_TESTS_DOCX_TEST_PACKAGE_H_
#define CLAUSEGAP_TESTS_DOCX_TEST_PACKAGE_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace clausegap::testing {

/// Namespace declarations for a Transitional w:document root.
inline constexpr const char* kNamespaces =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" "
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
    "xmlns:v=\"urn:schemas-microsoft-com:vml\"";

/// A [Content_Types].xml that makes every .xml part a WordprocessingML main
/// part: enough for packages built by hand in tests.
inline constexpr const char* kTestContentTypes =
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
    "wordprocessingml.document.main+xml\"/></Types>";

/// Builds a zip archive in memory from (name, data) entries, in order.
class ZipBuilder {
 public:
  /// Adds an entry (deflated unless |store|); returns *this.
  ZipBuilder& Add(std::string name, std::string data, bool store = false);
  /// Adds an entry of |size| bytes of |fill|, generated while compressing.
  ZipBuilder& AddGenerated(std::string name, std::uint64_t size, char fill);
  /// Returns the archive bytes; aborts the test on a libzip failure.
  std::string Build() const;

 private:
  struct Entry {
    std::string name;
    std::string data;
    bool store = false;
    bool generated = false;
    std::uint64_t size = 0;
    char fill = ' ';
  };
  std::vector<Entry> entries_;
};

/// The parts of a test .docx; empty strings are left out of the package.
struct DocxParts {
  std::string body;  ///< inside <w:body>
  std::string styles;     ///< inside <w:styles>
  std::string numbering;  ///< inside <w:numbering>
  std::string footnotes;  ///< inside <w:footnotes>
  std::string endnotes;   ///< inside <w:endnotes>
  std::string comments;   ///< inside <w:comments>
  std::string header;     ///< inside <w:hdr> (word/header1.xml, r:id "rIdH1")
  std::string footer;     ///< inside <w:ftr> (word/footer1.xml, r:id "rIdF1")
  std::string main_content_type =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
};

/// Returns the bytes of a complete package holding |parts| at word/…
std::string MakeDocx(const DocxParts& parts);

/// Returns a package whose only paragraphs are |body| (a <w:body> inner XML).
inline std::string MakeDocx(const std::string& body) {
  DocxParts parts;
  parts.body = body;
  return MakeDocx(parts);
}

}  // namespace clausegap::testing

#endif  // CLAUSEGAP_TESTS_DOCX_TEST_PACKAGE_H_
