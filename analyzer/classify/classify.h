// What kind of document a contract is, from its title, preamble and article
// headings: the catalogue's requirements are written for vendor contracts
// (業務委託, NDA, 特記事項・覚書, データ処理契約); for other documents a report
// says that "missing" may not mean a defect.
//
// Pure functions over a structure::Structure; thread-safe.
#ifndef CLAUSEGAP_CLASSIFY_CLASSIFY_H_
#define CLAUSEGAP_CLASSIFY_CLASSIFY_H_

#include <string_view>

#include "structure/structure.h"

namespace clausegap::classify {

/// The kinds told apart.
enum class Kind {
  kOutsourcing,     ///< 業務委託契約, 委託契約, 請負・準委任
  kNda,             ///< 秘密保持契約, 機密保持契約
  kMemorandum,      ///< 特記事項, 覚書 (attached to or amending another contract)
  kDataProcessing,  ///< データ処理契約, 個人データの取扱いに関する契約
  kTerms,           ///< 利用規約
  kEmployment,      ///< 雇用契約, 労働契約
  kOther,           ///< anything else (a letter, a policy, an unrelated contract)
};

/// Returns the stable id: "outsourcing", "nda", "memorandum",
/// "data-processing", "terms", "employment", "other".
const char* KindId(Kind kind);

/// Parses a KindId; kOther for anything unknown.
Kind KindFromId(std::string_view id);

/// Returns whether the requirement catalogue is written for |kind|.
bool Covered(Kind kind);

/// Returns the kind of |structure|: the title decides when it names a kind;
/// else the preamble (…業務を委託し…, 秘密情報を開示…) and the article headings
/// (再委託, 秘密情報の定義); else kOther.
Kind Classify(const structure::Structure& structure);

}  // namespace clausegap::classify

#endif  // CLAUSEGAP_CLASSIFY_CLASSIFY_H_
