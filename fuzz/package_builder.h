// Turns a fuzz input into a .docx package: the input is cut at NUL bytes
// into up to five XML parts (document, styles, numbering, footnotes,
// comments) that are stored, uncompressed and with valid CRCs, in a package
// with fixed [Content_Types].xml and relationships. The XML fuzzer and the
// regression tests share it so that a crash input replays exactly.
// Header only; pure functions, thread-safe.
#ifndef CLAUSEGAP_FUZZ_PACKAGE_BUILDER_H_
#define CLAUSEGAP_FUZZ_PACKAGE_BUILDER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clausegap::fuzz {

/// Part names, in the order the NUL-separated pieces of an input fill them.
inline constexpr std::array<const char*, 5> kXmlParts = {
    "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml",
    "word/comments.xml"};

/// Returns the CRC-32 (ISO 3309, as zip uses it) of |data|.
inline std::uint32_t Crc32(std::string_view data) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char c : data) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

/// Returns a zip archive holding |entries| (name, data) stored, in order.
inline std::string StoredZip(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string out, central;
  auto u16 = [](std::string& s, unsigned v) {
    s.push_back(static_cast<char>(v & 0xFF));
    s.push_back(static_cast<char>((v >> 8) & 0xFF));
  };
  auto u32 = [&](std::string& s, std::uint32_t v) {
    u16(s, v & 0xFFFF);
    u16(s, v >> 16);
  };
  for (const auto& [name, data] : entries) {
    const std::uint32_t offset = static_cast<std::uint32_t>(out.size());
    const std::uint32_t crc = Crc32(data);
    const auto size = static_cast<std::uint32_t>(data.size());
    // Local file header.
    u32(out, 0x04034b50);
    u16(out, 20);  // version needed
    u16(out, 0);   // flags
    u16(out, 0);   // method: stored
    u16(out, 0);   // time
    u16(out, 0x21);  // date 1980-01-01
    u32(out, crc);
    u32(out, size);
    u32(out, size);
    u16(out, static_cast<unsigned>(name.size()));
    u16(out, 0);
    out += name;
    out += data;
    // Central directory record.
    u32(central, 0x02014b50);
    u16(central, 20);  // version made by
    u16(central, 20);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0x21);
    u32(central, crc);
    u32(central, size);
    u32(central, size);
    u16(central, static_cast<unsigned>(name.size()));
    u16(central, 0);  // extra
    u16(central, 0);  // comment
    u16(central, 0);  // disk
    u16(central, 0);  // internal attributes
    u32(central, 0);  // external attributes
    u32(central, offset);
    central += name;
  }
  const auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  u32(out, 0x06054b50);
  u16(out, 0);
  u16(out, 0);
  u16(out, static_cast<unsigned>(entries.size()));
  u16(out, static_cast<unsigned>(entries.size()));
  u32(out, static_cast<std::uint32_t>(central.size()));
  u32(out, central_offset);
  u16(out, 0);
  return out;
}

/// Returns the package for |input|: its NUL-separated pieces become the
/// parts of kXmlParts (missing pieces are left out of the package; the
/// relationships name every part all the same).
inline std::string PackageFromXmlParts(std::string_view input) {
  std::vector<std::pair<std::string, std::string>> entries;
  entries.emplace_back("[Content_Types].xml",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" ContentType=\"application/"
                       "vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                       "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                       "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                       "</Types>");
  entries.emplace_back("_rels/.rels",
                       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                       "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                       "</Relationships>");
  const std::string type = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  entries.emplace_back(
      "word/_rels/document.xml.rels",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rIdS\" Type=\"" + type + "styles\" Target=\"styles.xml\"/>"
      "<Relationship Id=\"rIdN\" Type=\"" + type + "numbering\" Target=\"numbering.xml\"/>"
      "<Relationship Id=\"rIdFn\" Type=\"" + type + "footnotes\" Target=\"footnotes.xml\"/>"
      "<Relationship Id=\"rIdC\" Type=\"" + type + "comments\" Target=\"comments.xml\"/>"
      "</Relationships>");
  std::size_t part = 0;
  while (part < kXmlParts.size()) {
    std::size_t nul = input.find('\0');
    entries.emplace_back(kXmlParts[part++], std::string(input.substr(0, nul)));
    if (nul == std::string_view::npos) break;
    input.remove_prefix(nul + 1);
  }
  return StoredZip(entries);
}

}  // namespace clausegap::fuzz

#endif  // CLAUSEGAP_FUZZ_PACKAGE_BUILDER_H_
