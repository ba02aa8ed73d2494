#include "pdf/pdf_writer.h"

#include <cstdio>

namespace clausegap::testing {
namespace {

constexpr double kPageHeight = 842;

// Decodes UTF-8 |s| into BMP code points (no validation: test input).
std::vector<unsigned> CodePoints(const std::string& s) {
  std::vector<unsigned> out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned cp = c;
    int extra = 0;
    if (c >= 0xF0) {
      cp = c & 0x07, extra = 3;
    } else if (c >= 0xE0) {
      cp = c & 0x0F, extra = 2;
    } else if (c >= 0xC0) {
      cp = c & 0x1F, extra = 1;
    }
    for (int k = 1; k <= extra && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += 1 + extra;
  }
  return out;
}

std::string Hex16(const std::string& text) {
  std::string out;
  char buffer[8];
  for (unsigned cp : CodePoints(text)) {
    std::snprintf(buffer, sizeof buffer, "%04X", cp & 0xFFFF);
    out += buffer;
  }
  return out;
}

}  // namespace

std::string MakePdf(const std::vector<std::vector<PdfText>>& pages,
                    const std::string& extra_trailer,
                    const std::vector<std::string>& extra_objects) {
  // 1 catalog, 2 page tree, 3 Type0 font, 4 CID font, 5 descriptor, then a
  // page object and its content stream per page, then |extra_objects|.
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t p = 0; p < pages.size(); ++p) kids += std::to_string(6 + 2 * p) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) +
                    " >>");
  objects.push_back("<< /Type /Font /Subtype /Type0 /BaseFont /Ryumin-Light "
                    "/Encoding /UniJIS-UCS2-H /DescendantFonts [4 0 R] >>");
  objects.push_back("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Ryumin-Light "
                    "/CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> "
                    "/FontDescriptor 5 0 R /DW 1000 >>");
  objects.push_back("<< /Type /FontDescriptor /FontName /Ryumin-Light /Flags 6 "
                    "/FontBBox [-170 -331 1024 903] /ItalicAngle 0 /Ascent 723 /Descent -241 "
                    "/CapHeight 709 /StemV 69 >>");
  for (std::size_t p = 0; p < pages.size(); ++p) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                      "/Resources << /Font << /F1 3 0 R >> >> /Contents " +
                      std::to_string(7 + 2 * p) + " 0 R >>");
    std::string content;
    char buffer[128];
    for (const PdfText& t : pages[p]) {
      // The baseline sits about 0.88 em below the top of the line.
      std::snprintf(buffer, sizeof buffer, "BT /F1 %.2f Tf %.2f %.2f Td <", t.size, t.x,
                    kPageHeight - t.y - 0.88 * t.size);
      content += buffer + Hex16(t.text) + "> Tj ET\n";
    }
    objects.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                      "endstream");
  }
  objects.insert(objects.end(), extra_objects.begin(), extra_objects.end());

  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  char entry[32];
  for (std::size_t offset : offsets) {
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    out += entry;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         extra_trailer + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

std::vector<PdfText> Wrap(const std::string& text, int chars, double y, double pitch, double size,
                          double x) {
  std::vector<PdfText> lines;
  std::vector<unsigned> cps = CodePoints(text);
  std::size_t start = 0;
  // Byte offsets of each code point, to cut |text| between characters.
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < text.size();) {
    at.push_back(i);
    unsigned char c = static_cast<unsigned char>(text[i]);
    i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  }
  at.push_back(text.size());
  while (start < cps.size()) {
    std::size_t end = std::min(cps.size(), start + static_cast<std::size_t>(chars));
    lines.push_back(PdfText{x, y, size, text.substr(at[start], at[end] - at[start])});
    y += pitch;
    start = end;
  }
  return lines;
}

}  // namespace clausegap::testing
