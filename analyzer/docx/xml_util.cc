#include "docx/xml_util.h"

#include <charconv>
#include <cstring>

#include "base/encoding.h"

namespace clausegap::docx {
namespace {

// Scans raw UTF-8 XML for a DOCTYPE and for element nesting deeper than
// |max_depth|, without building anything. Returns an empty string when fine,
// else "doctype" or "depth".
std::string_view PreScan(std::string_view s, int max_depth) {
  int depth = 0;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (true) {
    i = s.find('<', i);
    if (i == std::string_view::npos || i + 1 >= n) return {};
    char next = s[i + 1];
    if (next == '/') {
      --depth;
      i = s.find('>', i + 2);
    } else if (next == '?') {
      i = s.find("?>", i + 2);
    } else if (next == '!') {
      if (s.compare(i, 4, "<!--") == 0) {
        i = s.find("-->", i + 4);
      } else if (s.compare(i, 9, "<![CDATA[") == 0) {
        i = s.find("]]>", i + 9);
      } else {
        return "doctype";  // <!DOCTYPE or <!ENTITY …
      }
    } else {
      // A start tag: find its end outside quoted attribute values, jumping
      // from quote to quote with memchr rather than byte by byte.
      const char* data = s.data();
      std::size_t j = i + 1;
      while (true) {
        const void* gt = std::memchr(data + j, '>', n - j);
        if (gt == nullptr) return {};  // unterminated: the parser reports it
        const std::size_t end = static_cast<std::size_t>(static_cast<const char*>(gt) - data);
        const void* dq = std::memchr(data + j, '"', end - j);
        const std::size_t limit =
            dq != nullptr ? static_cast<std::size_t>(static_cast<const char*>(dq) - data) : end;
        const void* sq = std::memchr(data + j, '\'', limit - j);
        const char* quote = static_cast<const char*>(sq != nullptr ? sq : dq);
        if (quote == nullptr) {
          j = end;
          break;
        }
        const std::size_t open = static_cast<std::size_t>(quote - data);
        const void* close = std::memchr(data + open + 1, *quote, n - open - 1);
        if (close == nullptr) return {};  // unterminated
        j = static_cast<std::size_t>(static_cast<const char*>(close) - data) + 1;
      }
      if (s[j - 1] != '/' && ++depth > max_depth) return "depth";
      i = j;
    }
    if (i == std::string_view::npos) return {};
    ++i;
  }
}

// Returns the maximum element depth of |doc|, walking without recursion and
// stopping once |limit| is exceeded.
int TreeDepth(const pugi::xml_document& doc, int limit) {
  int depth = 0;
  int max_depth = 0;
  pugi::xml_node node = doc.first_child();
  while (node) {
    if (node.type() == pugi::node_element) {
      ++depth;
      if (depth > max_depth) max_depth = depth;
      if (max_depth > limit) return max_depth;
      if (node.first_child()) {
        node = node.first_child();
        continue;
      }
      --depth;
    }
    while (node && !node.next_sibling()) {
      node = node.parent();
      if (node && node.type() == pugi::node_element) --depth;
      if (node == doc) return max_depth;
    }
    if (node) node = node.next_sibling();
  }
  return max_depth;
}

// Returns the encoding named by the XML declaration at the start of
// |bytes| (after a UTF-8 byte-order mark), or "" when none is named.
std::string_view DeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return {};
  std::string_view declaration = bytes.substr(0, bytes.find("?>"));
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  at = declaration.find_first_of("\"'", at);
  if (at == std::string_view::npos) return {};
  std::size_t close = declaration.find(declaration[at], at + 1);
  if (close == std::string_view::npos) return {};
  return declaration.substr(at + 1, close - at - 1);
}

bool IsUtf8Name(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  return lower == "utf-8" || lower == "utf8";
}

// Returns the namespace URI bound to |prefix| at |node|, or null.
const char* NamespaceUriOf(pugi::xml_node node, std::string_view prefix) {
  std::string attribute = "xmlns:" + std::string(prefix);
  for (; node; node = node.parent()) {
    if (pugi::xml_attribute a = node.attribute(attribute.c_str())) return a.value();
  }
  return nullptr;
}

// The namespaces whose markup clausegap reads (or safely looks through for
// w: text): the ECMA / ISO OOXML ones, Word's own extensions and VML.
bool UnderstoodNamespace(std::string_view uri) {
  for (std::string_view known : {"http://schemas.openxmlformats.org/", "http://purl.oclc.org/ooxml/",
                                 "http://schemas.microsoft.com/office/word/",
                                 "http://schemas.microsoft.com/office/drawing/",
                                 "urn:schemas-microsoft-com:"}) {
    if (uri.substr(0, known.size()) == known) return true;
  }
  return false;
}

}  // namespace

bool McChoiceUnderstood(pugi::xml_node choice) {
  std::string_view requires_list = choice.attribute("Requires").value();
  while (!requires_list.empty()) {
    std::size_t space = requires_list.find_first_of(" \t\r\n");
    std::string_view prefix = requires_list.substr(0, space);
    if (!prefix.empty()) {
      const char* uri = NamespaceUriOf(choice, prefix);
      if (uri == nullptr || !UnderstoodNamespace(uri)) return false;
    }
    if (space == std::string_view::npos) break;
    requires_list.remove_prefix(space + 1);
  }
  return true;
}

Expected<void> ParseXmlPart(XmlPart* part, const std::string& file, const std::string& part_name,
                            int max_depth) {
  std::string_view bytes = part->bytes;
  bool utf16 = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                     (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
  if (!utf16) {
    std::string_view problem = PreScan(bytes, max_depth);
    if (problem == "doctype") {
      return MakeError(ErrorCode::kMalformedXml,
                       file + ": DOCTYPE/DTD not allowed in " + part_name + " (refused, never expanded)");
    }
    if (problem == "depth") {
      return MakeError(ErrorCode::kTooLarge, file + ": XML nesting deeper than " +
                                                 std::to_string(max_depth) + " in " + part_name);
    }
    // A part is UTF-8 unless it starts as UTF-16: another declared encoding
    // or bytes that are not UTF-8 make a package Word refuses, and reading
    // it anyway would analyse text that is not the document's.
    if (std::string_view declared = DeclaredEncoding(bytes);
        !declared.empty() && !IsUtf8Name(declared) && bytes.substr(0, 2) != std::string_view("<\0", 2)) {
      return MakeError(ErrorCode::kMalformedXml,
                       file + ": " + part_name + " declares the encoding \"" + std::string(declared) +
                           "\"; OOXML parts are UTF-8 or UTF-16 (refused, as Word refuses it)");
    }
    if (std::size_t bad = InvalidUtf8Offset(bytes); bad != std::string_view::npos) {
      return MakeError(ErrorCode::kMalformedXml,
                       file + ": invalid UTF-8 in " + part_name + " at offset " +
                           std::to_string(bad) + " (refused, as Word refuses it)");
    }
  }
  // parse_ws_pcdata_single keeps <w:t> </w:t>; parse_doctype lets us see a
  // DOCTYPE in UTF-16 parts that the pre-scan cannot read.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
  pugi::xml_parse_result result = part->doc.load_buffer_inplace(
      part->bytes.data(), part->bytes.size(), options, pugi::encoding_auto);
  if (!result) {
    return MakeError(ErrorCode::kMalformedXml, file + ": malformed XML in " + part_name +
                                                   " at offset " + std::to_string(result.offset) +
                                                   ": " + result.description());
  }
  for (pugi::xml_node child = part->doc.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_doctype) {
      return MakeError(ErrorCode::kMalformedXml,
                       file + ": DOCTYPE/DTD not allowed in " + part_name + " (refused, never expanded)");
    }
  }
  if (utf16 && TreeDepth(part->doc, max_depth) > max_depth) {
    return MakeError(ErrorCode::kTooLarge, file + ": XML nesting deeper than " +
                                               std::to_string(max_depth) + " in " + part_name);
  }
  if (!part->doc.document_element()) {
    return MakeError(ErrorCode::kMalformedXml, file + ": malformed XML in " + part_name + ": no root element");
  }
  return {};
}

Ns NamespaceOfUri(std::string_view uri, bool* strict) {
  if (uri == "http://schemas.openxmlformats.org/wordprocessingml/2006/main") return Ns::kW;
  if (uri == "http://purl.oclc.org/ooxml/wordprocessingml/main") {
    *strict = true;
    return Ns::kW;
  }
  if (uri == "http://schemas.openxmlformats.org/markup-compatibility/2006") return Ns::kMc;
  if (uri == "http://schemas.openxmlformats.org/officeDocument/2006/relationships") return Ns::kR;
  if (uri == "http://purl.oclc.org/ooxml/officeDocument/relationships") {
    *strict = true;
    return Ns::kR;
  }
  return Ns::kNone;
}

int NsScope::Push(pugi::xml_node node) {
  int added = 0;
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
    const char* name = attr.name();
    if (std::strncmp(name, "xmlns", 5) != 0) continue;
    std::string_view prefix;
    if (name[5] == ':') {
      prefix = std::string_view(name + 6);
    } else if (name[5] != '\0') {
      continue;
    }
    bindings_.push_back({prefix, NamespaceOfUri(attr.value(), &strict_)});
    cached_ = false;
    ++added;
  }
  return added;
}

Ns NsScope::Resolve(std::string_view prefix) const {
  if (cached_ && cached_prefix_ == prefix) return cached_ns_;
  Ns ns = Ns::kNone;
  for (auto it = bindings_.rbegin(); it != bindings_.rend(); ++it) {
    if (it->prefix == prefix) {
      ns = it->ns;
      break;
    }
  }
  cached_prefix_ = prefix;
  cached_ns_ = ns;
  cached_ = true;
  return ns;
}

std::string SymbolText(const char* code) {
  std::string text;
  if (code == nullptr) return text;
  unsigned value = 0;
  std::string_view v(code);
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), value, 16);
  (void)ptr;
  if (ec == std::errc() && value > 0 && value < 0x110000 && (value < 0xD800 || value > 0xDFFF)) {
    AppendUtf8(&text, static_cast<char32_t>(value));
  }
  return text;
}

void UpdateFields(const char* type, std::vector<bool>* fields) {
  std::string_view t = type != nullptr ? type : "";
  if (t == "begin") {
    fields->push_back(true);
  } else if (t == "separate") {
    if (!fields->empty()) fields->back() = false;
  } else if (t == "end") {
    if (!fields->empty()) fields->pop_back();
  }
}

void AppendUtf8(std::string* out, char32_t c) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x110000) {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

const char* NsScope::Attr(pugi::xml_node node, Ns ns, std::string_view local) const {
  for (pugi::xml_attribute attr = node.first_attribute(); attr; attr = attr.next_attribute()) {
    std::string_view prefix, l;
    SplitName(attr.name(), &prefix, &l);
    if (l != local) continue;
    if (prefix.empty() || Resolve(prefix) == ns) return attr.value();
  }
  return nullptr;
}

pugi::xml_node NsScope::Child(pugi::xml_node node, Ns ns, std::string_view local) const {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (Is(child, ns, local)) return child;
  }
  return {};
}

bool OnOff(const char* value, bool absent) {
  if (value == nullptr) return absent;
  std::string_view v(value);
  return !(v == "0" || v == "false" || v == "off");
}

int ToInt(const char* value, int fallback) {
  if (value == nullptr) return fallback;
  std::string_view v(value);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  int out = fallback;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc()) return fallback;
  (void)ptr;
  return out;
}

}  // namespace clausegap::docx
