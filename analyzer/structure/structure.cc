#include "structure/structure.h"

#include <algorithm>
#include <string_view>
#include <utility>

#include "structure/markers.h"
#include "structure/sentences.h"
#include "text/contains.h"
#include "text/normalize.h"
#include "text/numerals.h"

namespace clausegap::structure {
namespace {

using model::Block;
using model::BlockKind;

enum class LineKind { kEmpty, kArticle, kChapter, kHeading, kSection, kMarked, kText };

// What one body block is, before its context is known.
struct Line {
  LineKind kind = LineKind::kEmpty;
  ArticleHead head;       // kArticle
  Marker marker;          // kMarked
  SectionHead section;    // kSection
  std::string heading;    // kHeading, or a numbered clause's heading
  std::size_t body = 0;   // offset in Block::text where the block's own text starts
  bool from_label = false;
  bool clause = false;    // kArticle made from a numbered clause head (1. 目的)
  std::string decimal;    // the canonical number of a decimal section head (1.4, 3.2.1)
};

bool IsBody(BlockKind kind) {
  return kind == BlockKind::kParagraph || kind == BlockKind::kTableCell ||
         kind == BlockKind::kTextBox;
}

bool Has(std::string_view s, std::string_view needle) { return text::Contains(s, needle); }

bool HeadingStyle(const Block& b) {
  return b.outline_level >= 0 || Has(b.style, "Heading") || Has(b.style_name, "heading") ||
         Has(b.style_name, "Heading") || Has(b.style_name, "見出し");
}

// Returns true for a line spaced out for layout, one or two characters per
// piece: 「利　用　規　約」, 「サ ー ビ ス 利 用 規 約」 (whose サ is no iroha marker).
bool SpacedOut(std::string_view text) {
  int pieces = 0;
  std::size_t pos = SkipSpace(text, 0);
  while (pos < text.size()) {
    std::size_t end = pos;
    int length = 0;
    while (end < text.size() && SkipSpace(text, end) == end) {
      char32_t cp = 0;
      end += text::DecodeAt(text, end, &cp);
      ++length;
    }
    if (length > 2) return false;
    ++pieces;
    pos = SkipSpace(text, end);
  }
  return pieces >= 3;
}

bool TitleStyle(const Block& b) {
  return b.style == "Title" || b.style_name == "Title" || b.style_name == "title" ||
         b.style_name == "表題" || b.outline_level == 0 || b.style == "Heading1" ||
         b.style_name == "heading 1";
}

// Splits the text after an article label into heading and body.
void ReadArticleText(std::string_view text, ArticleHead* head) {
  head->body = text.size();
  std::string heading;
  if (ParseHeadingLine(text, &heading)) {
    head->heading = heading;
    return;
  }
  std::size_t pos = SkipSpace(text, 0);
  std::string_view inside;
  if (std::size_t after = ReadBracket(text, pos, &inside)) {
    head->heading = std::string(Trim(inside));
    head->body = SkipSpace(text, after);
    return;
  }
  std::string_view rest = Trim(text);
  if (rest.empty()) return;
  if (LooksLikeHeading(rest)) {
    head->heading = std::string(rest);
  } else {
    head->body = pos;
  }
}

Line Classify(const Block& b, std::string_view text, bool first) {
  Line line;
  std::string_view label = first ? Trim(b.label) : std::string_view();
  if (!label.empty()) {
    ArticleHead head = ParseArticleHead(label);
    if (head.ok && head.body == label.size() && head.heading.empty()) {
      ReadArticleText(text, &head);
      line.kind = LineKind::kArticle;
      line.head = std::move(head);
      line.from_label = true;
      return line;
    }
    Marker marker = ParseMarker(label, true);
    if (marker.kind != MarkerKind::kNone) {
      marker.body = SkipSpace(text, 0);
      line.kind = Trim(text).empty() ? LineKind::kEmpty : LineKind::kMarked;
      line.marker = std::move(marker);
      line.body = line.marker.body;
      line.from_label = true;
      return line;
    }
    if (IsChapterHead(label)) {
      line.kind = LineKind::kChapter;
      return line;
    }
  }
  if (Trim(text).empty()) return line;
  if (SectionHead section = ParseSectionHead(text);
      section.ok && b.kind != BlockKind::kTableCell) {  // a form field 特記事項 | なし is no section
    line.kind = LineKind::kSection;
    line.section = std::move(section);
    return line;
  }
  if (IsChapterHead(text)) {
    line.kind = LineKind::kChapter;
    return line;
  }
  if (ArticleHead head = ParseArticleHead(text); head.ok) {
    line.kind = LineKind::kArticle;
    line.body = head.body;
    line.head = std::move(head);
    return line;
  }
  if (ParseHeadingLine(text, &line.heading)) {
    line.kind = LineKind::kHeading;
    return line;
  }
  if (HeadingStyle(b) && b.label.empty() && LooksLikeHeading(text) &&
      ParseMarker(text, false).kind == MarkerKind::kNone) {
    line.kind = LineKind::kChapter;  // a group title such as 権利帰属
    line.heading = std::string(Trim(text));
    return line;
  }
  if (Marker marker = ParseMarker(text, false); marker.kind != MarkerKind::kNone) {
    line.kind = LineKind::kMarked;
    line.body = marker.body;
    line.marker = std::move(marker);
    return line;
  }
  // 1（目的）: a clause number glued to its bracketed heading.
  std::size_t pos = SkipSpace(text, 0);
  std::size_t digits = pos;
  while (digits < text.size()) {
    char32_t cp = 0;
    std::size_t n = text::DecodeAt(text, digits, &cp);
    if (text::DigitValue(cp) < 0) break;
    digits += n;
  }
  if (digits > pos && ParseHeadingLine(text.substr(digits), &line.heading)) {
    line.kind = LineKind::kMarked;
    line.marker.kind = MarkerKind::kArabic;
    line.marker.value = text::ParseNumeral(text.substr(pos, digits - pos));
    line.marker.literal = std::string(text.substr(pos, digits - pos));
    line.marker.body = digits;
    line.body = digits;
    return line;
  }
  line.kind = LineKind::kText;
  line.body = SkipSpace(text, 0);
  return line;
}

// A numbered clause head in a contract without 第N条: "1. 目的", "1（目的）",
// or a heading-styled "1 目的".
bool ClauseHead(const Block& b, std::string_view text, Line* line) {
  if (line->kind != LineKind::kMarked || line->marker.kind != MarkerKind::kArabic) return false;
  std::string_view rest = Trim(text.substr(line->body));
  std::string heading = line->heading;
  if (heading.empty() && !ParseHeadingLine(rest, &heading)) {
    if (rest.empty() || Has(rest, "。") || Has(rest, "、") || Has(rest, "：") ||
        CodePoints(rest) > (HeadingStyle(b) ? 40u : 30u)) {
      return false;
    }
    heading = std::string(rest);
  }
  line->heading = std::move(heading);
  return true;
}

// A decimal section head in a contract numbered the Western way: "1.4 秘密保持",
// "３．２．１　データの削除" — two or three dotted numbers, a space, and a short
// title without 。. Sets |number| to "1.4" and |heading| to the title.
bool DecimalHead(const Block& b, std::string_view text, std::string* number, std::string* heading) {
  std::size_t pos = SkipSpace(text, 0);
  std::string out;
  int parts = 0;
  while (pos < text.size()) {
    std::size_t len = 0;
    int value = text::ReadNumeral(text.substr(pos), &len);
    char32_t cp = 0;
    text::DecodeAt(text, pos, &cp);
    if (value <= 0 || len == 0 || text::DigitValue(cp) < 0) return false;
    out += std::to_string(value);
    ++parts;
    pos += len;
    char32_t dot = 0;
    std::size_t dot_len = text::DecodeAt(text, pos, &dot);
    if (dot != U'.' && dot != U'．') break;
    char32_t after = 0;
    text::DecodeAt(text, pos + dot_len, &after);
    pos += dot_len;
    if (text::DigitValue(after) < 0) break;  // "1.4. 秘密保持"
    out += '.';
  }
  if (parts < 2 || parts > 3) return false;
  std::size_t title = SkipSpace(text, pos);
  if (title == pos) return false;  // 1.5倍
  std::string_view rest = Trim(text.substr(title));
  if (rest.empty() || Has(rest, "。") || CodePoints(rest) > (HeadingStyle(b) ? 40u : 30u))
    return false;
  *number = std::move(out);
  *heading = std::string(rest);
  return true;
}

// Per-article state of the 項/号 walk.
struct ArticleState {
  int paragraph = 0;
  bool numbered = false;      // some 項 carried a number
  bool paren = false;         // 項 are (1), (2) …: cited literally
  int paragraph_level = -1;   // Word numbering level of labelled 項
  int item = 0;
  MarkerKind item_kind = MarkerKind::kNone;
  int item_level = -1;
  std::string paragraph_numeral;  // the 項 number as its marker writes it; "" when implicit
  std::string paragraph_paren;    // a (1) 項's marker as written: "（１）"
  std::string item_numeral;       // the 号 number as its marker writes it; "" when none
  int sub = 0;
  MarkerKind sub_kind = MarkerKind::kNone;
  std::string sub_literal;
  bool intro = false;         // the last 項 text introduces a list
  bool has_text = false;      // the article has text of its own
  bool open = false;          // the last block ended mid-sentence
};

// Where a sentence sits, before labels are made.
struct Place {
  int paragraph = 0;
  int item = 0;
  int sub = 0;
  MarkerKind item_kind = MarkerKind::kNone;
  std::string sub_literal;
  std::string paragraph_numeral;  // as ArticleState
  std::string paragraph_paren;
  std::string item_numeral;
};

struct ArticleInfo {
  bool numbered = false;
  bool paren = false;
  bool clause = false;  // numbered-clause contract
  bool pseudo = false;  // section text outside any article
  bool decimal = false; // 項 written 1.1, 1.2: always cited
};

class Analyzer {
 public:
  explicit Analyzer(const model::Document& document) : doc_(document) {}

  Structure Run() {
    ClassifyAll();
    Walk();
    Finish();
    return std::move(out_);
  }

 private:
  // Cuts body blocks into lines at line breaks ("\n", and "<br />" left in
  // text converted from HTML); other blocks stay whole.
  void MakeUnits() {
    for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
      const std::string_view text = doc_.blocks[i].text;
      const int block = static_cast<int>(i);
      if (!IsBody(doc_.blocks[i].kind)) {
        units_.push_back({block, 0, text, true});
        continue;
      }
      std::size_t start = 0;
      bool first = true;
      // Only a '\n' or a '<' can cut: go from one to the next (memchr).
      std::size_t newline = text.find('\n');
      std::size_t open = text.find('<');
      for (std::size_t pos; (pos = std::min(newline, open)) != std::string_view::npos;) {
        std::size_t cut = 0;
        if (pos == newline) {
          cut = 1;
        } else if (text.compare(pos, 3, "<br") == 0) {
          std::size_t k = pos + 3;
          while (k < text.size() && text[k] == ' ') ++k;
          if (k < text.size() && text[k] == '/') ++k;
          if (k < text.size() && text[k] == '>') cut = k + 1 - pos;
        }
        if (cut != 0) {
          units_.push_back({block, start, text.substr(start, pos - start), first});
          first = false;
          start = pos + cut;
        }
        const std::size_t next = cut != 0 ? pos + cut : pos + 1;
        if (newline < next) newline = text.find('\n', next);
        if (open < next) open = text.find('<', next);
      }
      units_.push_back({block, start, text.substr(start), first});
    }
  }

  const Block& Blk(std::size_t unit) const { return doc_.blocks[units_[unit].block]; }

  void ClassifyAll() {
    MakeUnits();
    lines_.resize(units_.size());
    int articles = 0;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (!IsBody(Blk(i).kind)) continue;
      lines_[i] = Classify(Blk(i), units_[i].text, units_[i].first);
      if (lines_[i].kind == LineKind::kArticle) ++articles;
    }
    MarkFrontMatter();
    if (articles > 0) {
      MarkTrailingSignature();
      return;
    }
    // No 第N条: try numbered clauses.
    std::vector<std::size_t> heads;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (IsBody(Blk(i).kind) && ClauseHead(Blk(i), units_[i].text, &lines_[i])) heads.push_back(i);
    }
    // No 1. 目的 either: try decimal section heads (1.4 秘密保持).
    if (heads.size() < 2) {
      heads.clear();
      std::vector<Line> decimal(units_.size());
      for (std::size_t i = 0; i < units_.size(); ++i) {
        if (!IsBody(Blk(i).kind) || lines_[i].kind == LineKind::kSection) continue;
        Line& line = decimal[i];
        if (!DecimalHead(Blk(i), units_[i].text, &line.decimal, &line.heading)) continue;
        line.kind = LineKind::kMarked;
        line.marker.kind = MarkerKind::kArabic;
        line.marker.value = text::ParseNumeral(line.decimal.substr(0, line.decimal.find('.')));
        heads.push_back(i);
      }
      if (heads.size() < 2) return;
      for (std::size_t i : heads) lines_[i] = std::move(decimal[i]);
    }
    out_.numbered_clauses = true;
    for (std::size_t i : heads) {
      Line& line = lines_[i];
      line.kind = LineKind::kArticle;
      line.clause = true;
      line.head.ok = true;
      line.head.number = line.marker.value;
      line.head.heading = line.heading;
      line.head.body = units_[i].text.size();
    }
    MarkTrailingSignature();
  }

  // YAML front matter (--- … ---) at the very start is preamble text, never
  // the title.
  void MarkFrontMatter() {
    int first = NextContent(static_cast<std::size_t>(-1));
    if (first < 0 || Trim(units_[first].text) != "---") return;
    for (int k = NextContent(first); k >= 0 && k - first < 60; k = NextContent(k)) {
      if (Trim(units_[k].text) == "---") {
        front_matter_end_ = k;
        return;
      }
    }
  }

  // Party names and addresses after the last article (short lines without
  // 。 up to the end of the main text or the first section head) are the
  // signature block even without 以上 or 記名押印.
  void MarkTrailingSignature() {
    int last_article = -1;
    int first_section = static_cast<int>(units_.size());
    for (std::size_t i = 0; i < units_.size(); ++i) {
      if (!IsBody(Blk(i).kind)) continue;
      if (lines_[i].kind == LineKind::kSection && first_section == static_cast<int>(units_.size())) {
        first_section = static_cast<int>(i);
      }
      if (lines_[i].kind == LineKind::kArticle && static_cast<int>(i) < first_section) {
        last_article = static_cast<int>(i);
      }
    }
    if (last_article < 0) return;
    int start = -1;
    for (int i = first_section - 1; i > last_article; --i) {
      if (!IsBody(Blk(i).kind) || lines_[i].kind == LineKind::kEmpty) continue;
      std::string_view t = Trim(units_[i].text);
      if (lines_[i].kind != LineKind::kText || Has(t, "。") || CodePoints(t) > 40) break;
      start = i;
    }
    if (start < 0) return;
    int before = -1;
    for (int k = start - 1; k >= last_article; --k) {
      if (IsBody(Blk(k).kind) && lines_[k].kind != LineKind::kEmpty) {
        before = k;
        break;
      }
    }
    // The article's own text must have ended: its last block ends with 。.
    if (before > last_article && EndsVisibly(units_[before].text)) signature_from_ = start;
  }

  // Index of the next non-empty body block after |i|, or -1.
  int NextContent(std::size_t i) const {
    for (std::size_t k = i + 1; k < units_.size(); ++k) {
      if (!IsBody(Blk(k).kind)) continue;
      if (lines_[k].kind != LineKind::kEmpty) return static_cast<int>(k);
    }
    return -1;
  }

  void StartSection(std::string name, std::string written_name, std::string title, int block) {
    CloseSection();
    Section section;
    section.name = std::move(name);
    section.title = std::move(title);
    section.heading_block = block;
    section.first_article = static_cast<int>(out_.articles.size());
    out_.sections.push_back(std::move(section));
    section_ = out_.sections.back().name;
    section_written_ = std::move(written_name);
    // Text before the section's first article belongs to a pseudo-article.
    Article pseudo;
    pseudo.section = section_;
    pseudo.label = section_;
    pseudo.written_label = section_written_;
    pseudo.heading = out_.sections.back().title;
    pseudo.heading_block = block;
    OpenArticle(std::move(pseudo), ArticleInfo{false, false, false, true});
    zone_ = Zone::kArticle;
  }

  void CloseSection() {
    if (!out_.sections.empty()) {
      out_.sections.back().end_article = static_cast<int>(out_.articles.size());
    }
  }

  void OpenArticle(Article article, ArticleInfo info) {
    article.first_sentence = static_cast<int>(out_.sentences.size());
    article.end_sentence = article.first_sentence;
    out_.articles.push_back(std::move(article));
    info_.push_back(info);
    article_ = static_cast<int>(out_.articles.size()) - 1;
    state_ = ArticleState{};
  }

  void Walk() {
    bool seen_article = false;
    int preamble_blocks = 0;
    std::string pending_heading;
    int skip = -1;
    for (std::size_t i = 0; i < units_.size(); ++i) {
      const Block& block = Blk(i);
      const std::string_view utext = units_[i].text;
      if (!IsBody(block.kind)) {
        Emit(static_cast<int>(i), 0, Zone::kOther, -1, Place{});
        continue;
      }
      Line& line = lines_[i];
      if (line.kind == LineKind::kEmpty || static_cast<int>(i) == skip) continue;
      const int b = static_cast<int>(i);
      if (line.kind == LineKind::kSection) {
        StartSection(line.section.name, line.section.written_name, line.section.title, units_[b].block);
        seen_article = true;
        continue;
      }
      if (line.kind == LineKind::kChapter && !(line.from_label == false && !line.heading.empty() && !seen_article)) {
        continue;
      }
      if (line.kind == LineKind::kHeading) {
        int next = NextContent(i);
        if (next >= 0 && lines_[next].kind == LineKind::kArticle && lines_[next].head.heading.empty()) {
          pending_heading = line.heading;
          continue;
        }
      }
      if (line.kind == LineKind::kArticle) {
        Article article;
        article.section = section_;
        article.number = line.decimal.empty() ? line.head.Number() : line.decimal;
        std::string label = line.clause ? article.number : line.head.Label();
        std::string written = line.clause ? article.number : line.head.WrittenLabel();
        article.label = section_.empty() ? label : section_ + " " + label;
        article.written_label = section_.empty() ? written : section_written_ + " " + written;
        article.heading = line.head.heading.empty() ? pending_heading : line.head.heading;
        article.heading_block = units_[b].block;
        pending_heading.clear();
        if (article.heading.empty()) {  // heading on the line after: 第1条 / （目的）
          int next = NextContent(i);
          if (next >= 0 && lines_[next].kind == LineKind::kHeading) {
            article.heading = lines_[next].heading;
            skip = next;
          }
        }
        // An article number that restarts inside a section's pseudo-article
        // text keeps the section.
        OpenArticle(std::move(article), ArticleInfo{false, false, line.clause, false});
        zone_ = Zone::kArticle;
        seen_article = true;
        if (line.head.body < utext.size()) Body(b, line.head.body, MarkerKind::kNone, line);
        continue;
      }
      pending_heading.clear();
      if (!seen_article) {
        Preamble(b, line, preamble_blocks++);
        continue;
      }
      if (zone_ == Zone::kArticle && ((line.kind != LineKind::kMarked && IsSignatureStart(utext)) ||
                                      b == signature_from_)) {
        zone_ = Zone::kSignature;
        article_ = -1;
      }
      if (zone_ != Zone::kArticle) {
        Emit(b, SkipSpace(utext, 0), zone_, -1, Place{});
        continue;
      }
      Body(b, line.body, line.kind == LineKind::kMarked ? line.marker.kind : MarkerKind::kNone, line);
    }
    CloseSection();
  }

  void Preamble(int b, const Line& line, int count) {
    const Block& block = Blk(b);
    const std::string_view utext = units_[b].text;
    if (out_.title_block < 0 && count < 8 + front_matter_end_ + 1 && b > front_matter_end_ &&
        (line.kind != LineKind::kMarked || SpacedOut(utext)) &&
        (IsTitleText(utext) || (TitleStyle(block) && CodePoints(Trim(utext)) <= 40))) {
      std::string_view title = Trim(utext);
      while (!title.empty() && (title.front() == '#' || title.front() == '*')) title = Trim(title.substr(1));
      while (!title.empty() && title.back() == '*') title = Trim(title.substr(0, title.size() - 1));
      out_.title = std::string(title);
      out_.title_block = units_[b].block;
      Emit(b, SkipSpace(utext, 0), Zone::kTitle, -1, Place{});
      // A document that is itself a schedule: ○○契約書別紙.
      for (std::string_view word : {"別紙", "別記", "別表", "特記事項"}) {
        if (title.size() >= word.size() && title.substr(title.size() - word.size()) == word) {
          StartSection(std::string(word), std::string(word), out_.title, units_[b].block);
          zone_ = Zone::kPreamble;
          pseudo_from_title_ = true;
          break;
        }
      }
      return;
    }
    if (pseudo_from_title_) {
      Body(b, SkipSpace(utext, 0), MarkerKind::kNone, line);
      return;
    }
    Emit(b, SkipSpace(utext, 0), Zone::kPreamble, -1, Place{});
  }

  // Places the text of block |b| from |from| inside the current article.
  void Body(int b, std::size_t from, MarkerKind kind, const Line& line) {
    const Block& block = Blk(b);
    ArticleState& st = state_;
    const Marker& m = line.marker;
    const int level = line.from_label ? block.num_level : -1;
    auto new_paragraph = [&](int number, std::string_view numeral, std::string_view paren) {
      st.paragraph = number;
      st.paragraph_numeral = numeral;
      st.paragraph_paren = paren;
      st.item = 0;
      st.item_kind = MarkerKind::kNone;
      st.item_level = -1;
      st.sub = 0;
      st.sub_kind = MarkerKind::kNone;
      st.intro = false;
    };
    auto new_item = [&](int number, MarkerKind item_kind, std::string_view numeral) {
      if (st.paragraph == 0) st.paragraph = 1;
      st.item = number;
      st.item_numeral = numeral;
      st.item_kind = item_kind;
      st.intro = false;
      st.item_level = level;
      st.sub = 0;
      st.sub_kind = MarkerKind::kNone;
    };
    auto new_sub = [&](int number, MarkerKind sub_kind, std::string literal) {
      st.sub = number;
      st.sub_kind = sub_kind;
      st.sub_literal = std::move(literal);
    };
    const bool clause = info_[article_].clause;
    switch (kind) {
      case MarkerKind::kNone:
        if (!st.open) {
          if (st.item > 0) {  // text after a list returns to the 項
            st.item = 0;
            st.sub = 0;
            st.item_kind = MarkerKind::kNone;
          }
        }
        if (st.paragraph == 0) st.paragraph = 1;
        break;
      case MarkerKind::kDecimal:
        if (clause) {
          new_paragraph(m.sub_value, "", "");
          st.numbered = true;
          info_[article_].decimal = true;
        } else {
          new_item(m.value * 100 + m.sub_value, MarkerKind::kDecimal, "");
        }
        break;
      case MarkerKind::kArabic: {
        bool deeper = level >= 0 && st.paragraph_level >= 0 && level > st.paragraph_level;
        bool continues_items = st.item_kind == MarkerKind::kArabic && m.value == st.item + 1;
        bool next_paragraph = m.value == st.paragraph + 1 && (st.numbered || st.paragraph == 1);
        bool is_item = deeper || (continues_items && !(next_paragraph && st.item == 0)) ||
                       (st.intro && m.value == 1) || (st.has_text && m.value == 1 && st.paragraph >= 1 &&
                                                      !st.numbered);
        if (st.intro && !is_item && !next_paragraph) is_item = true;
        if (is_item && st.item > 0 && st.item_kind != MarkerKind::kArabic &&
            st.item_kind != MarkerKind::kNone) {
          new_sub(m.value, kind, "(" + std::to_string(m.value) + ")");
        } else if (is_item) {
          new_item(m.value, MarkerKind::kArabic, m.Numeral());
        } else {
          new_paragraph(m.value, m.Numeral(), "");
          st.numbered = true;
          if (level >= 0) st.paragraph_level = level;
        }
        break;
      }
      case MarkerKind::kParen:
      case MarkerKind::kHalfParen:
      case MarkerKind::kCircled:
      case MarkerKind::kKanji:
        if ((kind == MarkerKind::kParen || kind == MarkerKind::kHalfParen) &&
            (st.paren || (!st.has_text && st.paragraph == 0) ||
             (st.paragraph <= 1 && !st.numbered && st.item == 0 && !st.intro))) {
          new_paragraph(m.value, m.Numeral(), m.literal);
          st.paren = true;
          st.numbered = true;
        } else if (st.item == 0 || st.item_kind == kind || st.item_kind == MarkerKind::kNone ||
                   (level >= 0 && st.item_level >= 0 && level <= st.item_level)) {
          new_item(m.value, kind, m.Numeral());
        } else {
          new_sub(m.value, kind, Literal(kind, m));
        }
        break;
      case MarkerKind::kIroha:
      case MarkerKind::kLatin:
        if (st.item > 0 && st.item_kind != kind) {
          new_sub(m.value, kind, Literal(kind, m));
        } else {
          new_item(m.value, kind, "");
        }
        break;
      case MarkerKind::kBullet:
        if (st.item > 0 && st.item_kind != MarkerKind::kBullet &&
            !(level >= 0 && st.item_level >= 0 && level <= st.item_level)) {
          new_sub(st.sub_kind == MarkerKind::kBullet ? st.sub + 1 : 1, kind, "");
          st.sub_literal = "(" + std::to_string(st.sub) + ")";
        } else {
          new_item(st.item_kind == MarkerKind::kBullet ? st.item + 1 : 1, MarkerKind::kBullet, "");
        }
        break;
    }
    if (st.paren) info_[article_].paren = true;
    Place place{st.paragraph,   st.item,          st.sub,
                st.item_kind,   st.sub_literal,   st.paragraph_numeral,
                st.paragraph_paren, st.item_numeral};
    std::size_t first = out_.sentences.size();
    Emit(b, from, Zone::kArticle, article_, place);
    if (out_.sentences.size() > first) {
      const std::string& last = out_.sentences.back().text;
      if (st.item == 0) st.intro = IntroducesList(last);
      st.open = !EndsVisibly(last);
      st.has_text = true;
    }
  }

  static std::string Literal(MarkerKind kind, const Marker& m) {
    switch (kind) {
      case MarkerKind::kIroha: {
        std::string_view lit = m.literal;
        // Keep the katakana itself: (イ) / イ． → イ.
        for (std::size_t pos = 0; pos < lit.size();) {
          char32_t cp = 0;
          std::size_t n = text::DecodeAt(lit, pos, &cp);
          if (text::IrohaIndex(cp) > 0) return std::string(lit.substr(pos, n));
          pos += n;
        }
        return std::string(lit);
      }
      case MarkerKind::kLatin:
        return "(" + std::string(1, static_cast<char>('a' + m.value - 1)) + ")";
      case MarkerKind::kCircled:
        return m.literal.substr(0, 3);
      default:
        return "(" + std::to_string(m.value) + ")";
    }
  }

  void Emit(int b, std::size_t from, Zone zone, int article, const Place& place) {
    const Unit& unit = units_[b];
    std::vector<SentenceSpan> spans = SplitSentences(unit.text, from);
    for (std::size_t k = 0; k < spans.size(); ++k) {
      Sentence s;
      s.text = unit.text.substr(spans[k].begin, spans[k].end - spans[k].begin);
      s.normalized = text::NormalizeText(s.text);
      s.block = unit.block;
      s.begin = unit.offset + spans[k].begin;
      s.zone = zone;
      s.article = article;
      s.paragraph = place.paragraph;
      s.item = place.item;
      s.sub_item = place.sub;
      s.proviso = IsProviso(s.text);
      out_.sentences.push_back(std::move(s));
      places_.push_back(place);
      unit_of_.push_back(b);
    }
    if (article >= 0) out_.articles[article].end_sentence = static_cast<int>(out_.sentences.size());
  }

  void Finish() {
    // Which articles have more than one 項.
    for (std::size_t a = 0; a < out_.articles.size(); ++a) {
      const Article& article = out_.articles[a];
      for (int i = article.first_sentence; i < article.end_sentence; ++i) {
        if (out_.sentences[i].paragraph > 1 || info_[a].decimal) info_[a].numbered = true;
      }
    }
    for (std::size_t i = 0; i < out_.sentences.size(); ++i) {
      Sentence& s = out_.sentences[i];
      const Place& place = places_[i];
      if (s.article >= 0) {
        const ArticleInfo& info = info_[s.article];
        const Article& article = out_.articles[s.article];
        std::string label = article.label;
        std::string written = article.written_label;
        // Appends |canonical| to the label and |as_written| to the written one.
        auto add = [&](const std::string& canonical, const std::string& as_written) {
          label += canonical;
          written += as_written;
        };
        // A number as its marker writes it, else in half-width digits.
        auto numeral = [](const std::string& as_written, int n) {
          return as_written.empty() ? std::to_string(n) : as_written;
        };
        if (!info.numbered) s.paragraph = 0;
        if (info.pseudo) {
          // Section text: cite the section; items as 第N号.
        } else if (s.paragraph > 0 && info.clause) {
          std::string part = info.paren ? "(" + std::to_string(s.paragraph) + ")" : "." + std::to_string(s.paragraph);
          add(part, part);
        } else if (s.paragraph > 0 && info.paren) {
          std::string part = "(" + std::to_string(s.paragraph) + ")";
          add(part, place.paragraph_paren.empty() ? part : place.paragraph_paren);
        } else if (s.paragraph > 0) {
          add("第" + std::to_string(s.paragraph) + "項",
              "第" + numeral(place.paragraph_numeral, s.paragraph) + "項");
        }
        if (s.item > 0) {
          std::string part;
          if (info.clause) {
            part = place.item_kind == MarkerKind::kCircled ? CircledLiteral(s.item) : "(" + std::to_string(s.item) + ")";
          } else if (place.item_kind == MarkerKind::kDecimal) {
            part = std::to_string(s.item / 100) + "." + std::to_string(s.item % 100);
          }
          if (!part.empty()) {
            add(part, part);
          } else {
            std::string dai = (info.pseudo ? " " : "") + std::string("第");
            add(dai + std::to_string(s.item) + "号", dai + numeral(place.item_numeral, s.item) + "号");
          }
        }
        if (s.sub_item > 0) add(place.sub_literal, place.sub_literal);
        s.label = std::move(label);
        s.written_label = std::move(written);
      }
      if (s.proviso) s.proviso_of = ProvisoTarget(static_cast<int>(i));
    }
    // The last sentence of a block that ends mid-sentence runs on into the
    // next block's first sentence when that one continues the same place.
    for (std::size_t i = 0; i + 1 < out_.sentences.size(); ++i) {
      Sentence& s = out_.sentences[i];
      const Sentence& next = out_.sentences[i + 1];
      const int u = unit_of_[i + 1];
      if (unit_of_[i] == u || s.zone != next.zone || s.zone == Zone::kOther ||
          s.zone == Zone::kSignature || s.zone == Zone::kTitle) {
        continue;
      }
      if (next.begin != units_[u].offset + SkipSpace(units_[u].text, 0)) continue;  // a marker came first
      // A table cell ends its text: a short entry in one cell (「委託期間」's
      // value) never runs on into the next cell or row.
      if (!SameCell(doc_.blocks[s.block], doc_.blocks[next.block])) continue;
      if (!lines_[u].from_label && lines_[u].kind == LineKind::kText &&
          s.label == next.label && !EndsVisibly(s.text) && !next.proviso && CodePoints(s.text) >= 20) {
        s.continued = true;
      }
    }
  }

  // Returns whether |a| and |b| are both outside tables or both in one cell.
  static bool SameCell(const Block& a, const Block& b) {
    const bool in_a = a.kind == model::BlockKind::kTableCell;
    const bool in_b = b.kind == model::BlockKind::kTableCell;
    if (!in_a && !in_b) return true;
    return in_a && in_b && a.part == b.part && a.cell.table == b.cell.table && a.cell.row == b.cell.row &&
           a.cell.column == b.cell.column && a.cell.depth == b.cell.depth;
  }

  static std::string CircledLiteral(int n) {
    char32_t cp = n <= 20 ? 0x2460 + n - 1 : n <= 35 ? 0x3251 + n - 21 : 0x32B1 + n - 36;
    std::string out;
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
    return out;
  }

  int ProvisoTarget(int i) const {
    const Sentence& s = out_.sentences[i];
    int fallback = -1;
    for (int j = i - 1; j >= 0 && j >= i - 200; --j) {
      const Sentence& t = out_.sentences[j];
      if (t.zone != s.zone || t.article != s.article) break;
      if (s.article < 0) return t.block == s.block ? j : -1;
      if (t.paragraph != s.paragraph) break;
      if (t.item == s.item && t.sub_item == s.sub_item) return j;
      if (t.item == 0 && fallback < 0) fallback = j;
    }
    return fallback;
  }

  // One line of a block: the whole block, or a piece between line breaks.
  struct Unit {
    int block;               // index into Document::blocks
    std::size_t offset;      // byte offset of |text| in the block's text
    std::string_view text;
    bool first;              // the block's first line (the one its label numbers)
  };

  const model::Document& doc_;
  std::vector<Unit> units_;
  std::vector<int> unit_of_;  // per sentence
  std::vector<Line> lines_;
  Structure out_;
  std::vector<ArticleInfo> info_;
  std::vector<Place> places_;
  ArticleState state_;
  std::string section_;
  std::string section_written_;  // |section_| in the document's numerals
  Zone zone_ = Zone::kPreamble;
  int article_ = -1;
  bool pseudo_from_title_ = false;
  int front_matter_end_ = -1;  // block closing YAML front matter
  int signature_from_ = -1;    // first block of an unmarked trailing signature
};

}  // namespace

const char* ZoneName(Zone zone) {
  switch (zone) {
    case Zone::kTitle: return "title";
    case Zone::kPreamble: return "preamble";
    case Zone::kArticle: return "article";
    case Zone::kSignature: return "signature";
    case Zone::kOther: return "other";
  }
  return "other";
}

Structure Analyze(const model::Document& document) { return Analyzer(document).Run(); }

}  // namespace clausegap::structure
