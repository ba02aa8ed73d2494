// Test helper: small PDF files written byte by byte — Japanese text in a
// Type0 font with Adobe-Japan1's UniJIS-UCS2-H encoding (poppler maps it to
// Unicode with poppler-data), blank pages as scans are, and hostile files.
#ifndef CLAUSEGAP_TESTS_PDF_PDF_WRITER_H_
#define CLAUSEGAP_TESTS_PDF_PDF_WRITER_H_

#include <string>
#include <vector>

namespace clausegap::testing {

/// One line of text placed on a page; |y| is the top of the line in points
/// from the top of the page (A4: 595 × 842).
struct PdfText {
  double x = 72;
  double y = 72;
  double size = 10.5;
  std::string text;  ///< UTF-8, Basic Multilingual Plane only
};

/// Returns a PDF of A4 pages holding |pages| (an empty page has no text,
/// like a scan). |extra_trailer| is added to the trailer dictionary
/// (e.g. an /Encrypt reference) and |extra_objects| appended as objects
/// numbered after the pages.
std::string MakePdf(const std::vector<std::vector<PdfText>>& pages,
                    const std::string& extra_trailer = "",
                    const std::vector<std::string>& extra_objects = {});

/// Returns |text| wrapped into lines of at most |chars| characters starting
/// at |y| with |pitch| points between lines (a paragraph as a word
/// processor lays it out, full-width characters of |size| points).
std::vector<PdfText> Wrap(const std::string& text, int chars, double y, double pitch = 18,
                          double size = 10.5, double x = 72);

}  // namespace clausegap::testing

#endif  // CLAUSEGAP_TESTS_PDF_PDF_WRITER_H_
