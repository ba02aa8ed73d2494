// Paragraph styles of a WordprocessingML package (styles.xml): ids, display
// names, basedOn chains, outline levels and style-linked numbering.
// Immutable after Parse; safe to read from many threads.
#ifndef CLAUSEGAP_DOCX_STYLES_H_
#define CLAUSEGAP_DOCX_STYLES_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include <pugixml.hpp>

namespace clausegap::docx {

class NsScope;

/// Numbering properties (w:numPr); -1 means "not given here".
struct NumPr {
  int num_id = -1;
  int ilvl = -1;
};

class Styles {
 public:
  struct Style {
    std::string id;
    std::string name;
    std::string based_on;
    int outline_level = -1;  ///< w:outlineLvl given on this style, else -1
    NumPr num;               ///< w:numPr given on this style
  };

  /// Reads the w:styles element |root| (may be null: no styles part).
  void Parse(pugi::xml_node root, const NsScope& ns);

  /// Returns the style |id|, or nullptr.
  const Style* Find(std::string_view id) const;

  /// Returns the id of the default paragraph style ("" if none).
  const std::string& default_paragraph() const { return default_paragraph_; }

  /// Returns the outline level of |id| following basedOn, or -1.
  int OutlineLevel(std::string_view id) const;

  /// Returns the numbering properties of |id| following basedOn (num_id -1
  /// when the chain sets none) and sets |*owner| to the style that set them.
  NumPr Numbering(std::string_view id, std::string* owner) const;

 private:
  std::unordered_map<std::string, Style> styles_;
  std::string default_paragraph_;
};

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_STYLES_H_
