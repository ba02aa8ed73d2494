// Automatic numbering (numbering.xml) and its rendering as Word shows it.
//
// Numbering holds the abstract and concrete definitions (w:abstractNum,
// w:num, w:lvlOverride/w:startOverride, w:numStyleLink); it is immutable after
// Parse and safe to share. NumberingCounter renders labels ("第1条", "(2)",
// "①") for paragraphs visited in reading order; it is stateful and not
// thread-safe: use one per part being read.
#ifndef CLAUSEGAP_DOCX_NUMBERING_H_
#define CLAUSEGAP_DOCX_NUMBERING_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <pugixml.hpp>

namespace clausegap::docx {

class NsScope;
class Styles;

/// Returns |n| written in the OOXML number format |format| ("decimal",
/// "decimalFullWidth", "japaneseCounting", "decimalEnclosedCircle", "aiueo",
/// "iroha", "upperRoman" …). Unknown formats render as decimal; "none" as "".
std::string FormatNumber(int n, std::string_view format);

class Numbering {
 public:
  static constexpr int kLevels = 9;

  /// One level (w:lvl) of a list definition.
  struct Level {
    int start = 0;                   ///< w:start (OOXML default 0)
    std::string format = "decimal";  ///< w:numFmt
    std::string text;                ///< w:lvlText, e.g. "第%1条"
    int restart = -1;                ///< w:lvlRestart; -1 when absent (restart after any higher level)
    bool legal = false;              ///< w:isLgl: referenced levels render as decimal
    std::string style;               ///< w:pStyle: the paragraph style linked to this level
  };

  /// Reads the w:numbering element |root| (may be null: no numbering part).
  void Parse(pugi::xml_node root, const NsScope& ns);

  /// What a (numId, ilvl) pair resolves to.
  struct Resolved {
    std::string instance;                  ///< counter key: lists sharing it continue each other
    std::array<const Level*, kLevels> levels{};  ///< every level of the list (null if undefined)
    std::array<std::optional<int>, kLevels> start_override{};
  };

  /// Resolves |num_id| (following w:numStyleLink through |styles|), or
  /// returns nullopt when it is 0 or undefined.
  std::optional<Resolved> Resolve(int num_id, const Styles& styles) const;

  /// Returns the level of abstract list for |num_id| whose w:pStyle is
  /// |style|, or -1.
  int LevelForStyle(int num_id, std::string_view style, const Styles& styles) const;

 private:
  struct Abstract {
    std::array<std::optional<Level>, kLevels> levels;
    std::string num_style_link;
  };
  struct Num {
    int abstract_id = -1;
    std::array<std::optional<int>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
  };
  const Abstract* FindAbstract(int num_id, const Styles& styles, int* abstract_id) const;

  std::unordered_map<int, Abstract> abstracts_;
  std::unordered_map<int, Num> nums_;
};

class NumberingCounter {
 public:
  NumberingCounter(const Numbering& numbering, const Styles& styles)
      : numbering_(numbering), styles_(styles) {}

  /// Advances the list |num_id| at level |ilvl| (0-8) and returns the
  /// rendered label, or "" when |num_id| has no definition.
  std::string Next(int num_id, int ilvl);

 private:
  struct State {
    std::array<int, Numbering::kLevels> count{};
    std::array<bool, Numbering::kLevels> started{};
  };
  const Numbering& numbering_;
  const Styles& styles_;
  std::unordered_map<std::string, State> states_;
};

}  // namespace clausegap::docx

#endif  // CLAUSEGAP_DOCX_NUMBERING_H_
