#include "classify/classify.h"

#include <string>

namespace clausegap::classify {
namespace {

// Returns whether |text| contains one of the '|'-separated |terms|.
bool Has(std::string_view text, std::string_view terms) {
  std::size_t start = 0;
  while (start <= terms.size()) {
    std::size_t end = terms.find('|', start);
    if (end == std::string_view::npos) end = terms.size();
    std::string_view term = terms.substr(start, end - start);
    if (!term.empty() && text.find(term) != std::string_view::npos) return true;
    start = end + 1;
  }
  return false;
}

// The title's cues, most specific first: a memorandum on data handling is a
// memorandum, an NDA for an outsourcing project an NDA.
Kind FromTitle(std::string_view title, bool* found) {
  *found = true;
  if (Has(title, "特記事項|覚書|覚え書|念書|付属合意|附属合意|変更契約")) return Kind::kMemorandum;
  if (Has(title, "データ処理|データの処理|個人データの取扱|個人情報の取扱|個人情報取扱|DPA|Data Processing")) {
    return Kind::kDataProcessing;
  }
  if (Has(title, "秘密保持|機密保持|守秘義務|秘密情報|NDA|Non-Disclosure|Nondisclosure")) return Kind::kNda;
  if (Has(title, "雇用契約|労働契約|労働条件通知|雇入")) return Kind::kEmployment;
  if (Has(title, "利用規約|サービス規約|会員規約|Terms of")) return Kind::kTerms;
  if (Has(title, "業務委託|委託契約|業務委任|準委任|請負|アウトソーシング|代行|受託|派遣|BPO|業務提携|基本契約")) {
    return Kind::kOutsourcing;
  }
  *found = false;
  return Kind::kOther;
}

}  // namespace

const char* KindId(Kind kind) {
  switch (kind) {
    case Kind::kOutsourcing: return "outsourcing";
    case Kind::kNda: return "nda";
    case Kind::kMemorandum: return "memorandum";
    case Kind::kDataProcessing: return "data-processing";
    case Kind::kTerms: return "terms";
    case Kind::kEmployment: return "employment";
    case Kind::kOther: return "other";
  }
  return "other";
}

Kind KindFromId(std::string_view id) {
  for (Kind kind : {Kind::kOutsourcing, Kind::kNda, Kind::kMemorandum, Kind::kDataProcessing,
                    Kind::kTerms, Kind::kEmployment}) {
    if (id == KindId(kind)) return kind;
  }
  return Kind::kOther;
}

bool Covered(Kind kind) {
  return kind == Kind::kOutsourcing || kind == Kind::kNda || kind == Kind::kMemorandum ||
         kind == Kind::kDataProcessing;
}

Kind Classify(const structure::Structure& structure) {
  std::string title = structure.title;
  std::string preamble;
  for (const structure::Sentence& s : structure.sentences) {
    if (s.zone == structure::Zone::kTitle) title += " " + s.normalized;
    if (s.zone == structure::Zone::kPreamble && preamble.size() < 4000) preamble += s.normalized;
  }
  bool found = false;
  Kind kind = FromTitle(title, &found);
  if (found) return kind;
  // A title that says nothing ("契約書"): the preamble says what is agreed.
  if (Has(preamble, "特記事項|覚書")) return Kind::kMemorandum;
  if (Has(preamble, "業務を委託|業務の委託|委託し、|委託する|受託し|請け負")) return Kind::kOutsourcing;
  if (Has(preamble, "秘密情報|秘密保持|機密情報")) return Kind::kNda;
  if (Has(preamble, "雇用|雇い入れ|労働")) return Kind::kEmployment;
  if (Has(preamble, "利用規約|本規約")) return Kind::kTerms;
  // No preamble either: the clauses themselves.
  int outsourcing = 0, nda = 0;
  for (const structure::Article& a : structure.articles) {
    if (Has(a.heading, "再委託|委託業務|業務の範囲|委託料|業務の内容|検収")) ++outsourcing;
    if (Has(a.heading, "秘密情報|秘密保持|機密")) ++nda;
  }
  if (!structure.sections.empty() && structure.articles.size() ==
      static_cast<std::size_t>(structure.sections.back().end_article - structure.sections.front().first_article) &&
      structure.sections.front().name == "特記事項") {
    return Kind::kMemorandum;
  }
  if (outsourcing > 0) return Kind::kOutsourcing;
  if (nda > 0) return Kind::kNda;
  return Kind::kOther;
}

}  // namespace clausegap::classify
