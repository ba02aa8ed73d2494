// Safe XML parsing and namespace resolution for OOXML parts.
//
// ParseXmlPart rejects DTDs, bounds the nesting depth before building a tree
// and reports malformed XML with the part name and byte offset. NsScope maps
// element and attribute prefixes to the namespaces clausegap knows
// (Transitional and Strict WordprocessingML, markup compatibility, the
// relationships namespace), so no code assumes the prefix is "w:".
// Not thread-safe per object; distinct objects may be used on distinct threads.
#ifndef CLAUSEGAP_DOCX_XML_UTIL_H_
#define CLAUSEGAP_DOCX_XML_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "base/error.h"

namespace clausegap::docx {

/// A namespace clausegap understands.
enum class Ns : unsigned char {
  kNone,    ///< no namespace or one clausegap ignores
  kW,       ///< WordprocessingML main (Transitional or Strict)
  kMc,      ///< markup compatibility (mc:AlternateContent)
  kR,       ///< officeDocument relationships (r:id)
};

/// A parsed part: owns its bytes (parsed in place) and the tree.
struct XmlPart {
  std::string bytes;
  pugi::xml_document doc;
};

/// Parses |part->bytes| as the part |part_name| of |file|. Returns
/// kMalformedXml ("file: malformed XML in part at offset N: cause", or a
/// DOCTYPE refusal) or kTooLarge when elements nest deeper than |max_depth|.
Expected<void> ParseXmlPart(XmlPart* part, const std::string& file, const std::string& part_name,
                            int max_depth);

/// Returns the namespace of |uri|; sets |*strict| when it is a Strict OOXML one.
Ns NamespaceOfUri(std::string_view uri, bool* strict);

/// Splits "prefix:local" into its two halves (prefix empty when absent).
inline void SplitName(std::string_view name, std::string_view* prefix, std::string_view* local) {
  std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) {
    *prefix = {};
    *local = name;
  } else {
    *prefix = name.substr(0, colon);
    *local = name.substr(colon + 1);
  }
}

/// The in-scope prefix bindings while walking a tree.
class NsScope {
 public:
  /// Adds the xmlns declarations of |node|; returns how many were added.
  int Push(pugi::xml_node node);
  /// Removes the last |count| bindings.
  void Pop(int count) {
    bindings_.resize(bindings_.size() - static_cast<std::size_t>(count));
    cached_ = false;
  }

  /// Returns the namespace bound to |prefix| ("" is the default namespace).
  Ns Resolve(std::string_view prefix) const;

  /// Returns the namespace of element |node| and sets |*local| to its local name.
  Ns Element(pugi::xml_node node, std::string_view* local) const {
    std::string_view prefix;
    SplitName(node.name(), &prefix, local);
    return Resolve(prefix);
  }

  /// Returns whether |node| is the element |local| in namespace |ns|.
  bool Is(pugi::xml_node node, Ns ns, std::string_view local) const {
    std::string_view l;
    return node.type() == pugi::node_element && Element(node, &l) == ns && l == local;
  }

  /// Returns the value of the attribute |local| of |node| in namespace |ns|
  /// (unprefixed attributes are accepted too, as lenient readers do), or
  /// nullptr when absent.
  const char* Attr(pugi::xml_node node, Ns ns, std::string_view local) const;

  /// Returns the first child element of |node| named |local| in |ns|, or null.
  pugi::xml_node Child(pugi::xml_node node, Ns ns, std::string_view local) const;

  /// Returns whether a Strict namespace was seen by Push.
  bool strict() const { return strict_; }

 private:
  struct Binding {
    std::string_view prefix;
    Ns ns;
  };
  std::vector<Binding> bindings_;
  mutable std::string_view cached_prefix_;  // one-entry cache of Resolve
  mutable Ns cached_ns_ = Ns::kNone;
  mutable bool cached_ = false;
  bool strict_ = false;
};

/// Returns the OOXML on/off value of |value| (null → |absent|): "0", "false",
/// "off" are false, everything else true.
bool OnOff(const char* value, bool absent);

/// Returns whether clausegap understands every namespace an mc:Choice
/// |choice| Requires (the OOXML, Word-extension and VML ones), so that its
/// branch of mc:AlternateContent is the one to read.
bool McChoiceUnderstood(pugi::xml_node choice);

/// Appends the UTF-8 encoding of |c| to |out|.
void AppendUtf8(std::string* out, char32_t c);

/// Returns the text of a w:sym whose w:char is |code| (hexadecimal), or ""
/// when |code| is null or not a valid code point.
std::string SymbolText(const char* code);

/// Applies a w:fldChar of type |type| ("begin", "separate", "end"; may be
/// null) to the open fields |*fields|: one entry per open field, true while
/// in its instruction (whose text is not part of the document's text).
void UpdateFields(const char* type, std::vector<bool>* fields);

/// Returns |value| parsed as a decimal integer, or |fallback|.
int ToInt(const char* value, int fallback);

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_XML_UTIL_H_
