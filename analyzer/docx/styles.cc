#include "docx/styles.h"

#include "docx/xml_util.h"

namespace clausegap::docx {
namespace {
constexpr int kMaxChain = 32;  // basedOn chains are short; this stops loops
}  // namespace

void Styles::Parse(pugi::xml_node root, const NsScope& ns) {
  if (!root) return;
  for (pugi::xml_node node = root.first_child(); node; node = node.next_sibling()) {
    if (!ns.Is(node, Ns::kW, "style")) continue;
    const char* type = ns.Attr(node, Ns::kW, "type");
    if (type != nullptr && std::string_view(type) != "paragraph") continue;
    const char* id = ns.Attr(node, Ns::kW, "styleId");
    if (id == nullptr) continue;
    Style style;
    style.id = id;
    if (pugi::xml_node name = ns.Child(node, Ns::kW, "name")) {
      if (const char* v = ns.Attr(name, Ns::kW, "val")) style.name = v;
    }
    if (pugi::xml_node based = ns.Child(node, Ns::kW, "basedOn")) {
      if (const char* v = ns.Attr(based, Ns::kW, "val")) style.based_on = v;
    }
    if (pugi::xml_node ppr = ns.Child(node, Ns::kW, "pPr")) {
      if (pugi::xml_node outline = ns.Child(ppr, Ns::kW, "outlineLvl")) {
        style.outline_level = ToInt(ns.Attr(outline, Ns::kW, "val"), -1);
      }
      if (pugi::xml_node numpr = ns.Child(ppr, Ns::kW, "numPr")) {
        if (pugi::xml_node n = ns.Child(numpr, Ns::kW, "numId")) {
          style.num.num_id = ToInt(ns.Attr(n, Ns::kW, "val"), -1);
        }
        if (pugi::xml_node n = ns.Child(numpr, Ns::kW, "ilvl")) {
          style.num.ilvl = ToInt(ns.Attr(n, Ns::kW, "val"), -1);
        }
      }
    }
    if (OnOff(ns.Attr(node, Ns::kW, "default"), false) && default_paragraph_.empty()) {
      default_paragraph_ = style.id;
    }
    styles_.emplace(style.id, std::move(style));
  }
}

const Styles::Style* Styles::Find(std::string_view id) const {
  if (id.empty()) return nullptr;
  auto it = styles_.find(std::string(id));
  return it == styles_.end() ? nullptr : &it->second;
}

int Styles::OutlineLevel(std::string_view id) const {
  const Style* style = Find(id);
  for (int hops = 0; style != nullptr && hops < kMaxChain; ++hops) {
    if (style->outline_level >= 0) return style->outline_level;
    style = Find(style->based_on);
  }
  return -1;
}

NumPr Styles::Numbering(std::string_view id, std::string* owner) const {
  // numId and ilvl are inherited separately along the basedOn chain.
  NumPr out;
  const Style* style = Find(id);
  for (int hops = 0; style != nullptr && hops < kMaxChain; ++hops) {
    if (out.num_id == -1 && style->num.num_id != -1) {
      out.num_id = style->num.num_id;
      if (owner != nullptr) *owner = style->id;
    }
    if (out.ilvl == -1 && style->num.ilvl != -1) out.ilvl = style->num.ilvl;
    if (out.num_id != -1 && out.ilvl != -1) break;
    style = Find(style->based_on);
  }
  return out;
}

}  // namespace clausegap::docx
