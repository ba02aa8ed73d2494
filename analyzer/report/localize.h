// Engine values in the reader's language: statuses, severities, party roles,
// document kinds, places, reasons and pending revisions, through the message
// catalogue (i18n/messages.h). Shared by every printer so that each says a
// thing the same way. Pure functions; thread-safe.
#ifndef CLAUSEGAP_REPORT_LOCALIZE_H_
#define CLAUSEGAP_REPORT_LOCALIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"
#include "i18n/messages.h"

namespace clausegap::report {

using i18n::Lang;

/// 「充足」「不十分」「不足」 / present, weak, missing.
std::string_view StatusText(Lang lang, engine::Status status);
/// 「必須」「推奨」 / required, recommended.
std::string_view SeverityText(Lang lang, engine::Severity severity);
/// The role of a party (委託者・開示者 …).
std::string_view RoleText(Lang lang, engine::PartyRole role);
/// The document kind of a DocumentReport::kind id (業務委託契約 …); "" for "".
std::string_view KindText(Lang lang, std::string_view kind_id);
/// Returns whether |kind_id| is a kind the catalogue is written for (an
/// empty id counts as covered: the document was not classified).
bool KindCovered(std::string_view kind_id);
/// The notice for a document of a kind the catalogue does not cover; "" when covered.
std::string KindNotice(Lang lang, std::string_view kind_id);

/// The label a citation shows: the document's own numerals ("第十二条第２項")
/// when known, else the canonical label. Machine fields keep the canonical one.
const std::string& CitedLabel(const engine::Evidence& evidence);
const std::string& CitedLabel(const engine::Passage& passage);
const std::string& CitedLabel(const engine::PendingRevision& revision);

/// "第8条（再委託の禁止）", "第8条", or 「（条項外）」 for text outside articles;
/// for a PDF the page follows (「（3頁）」 / ", p. 3").
std::string PlaceText(Lang lang, const engine::Evidence& evidence);
/// The distinct places of |evidence| joined with the language's separator.
std::string PlacesText(Lang lang, const std::vector<engine::Evidence>& evidence);

/// The distinct article labels of |evidence| (no headings), 「条項外の本文」 /
/// "text outside articles" for text outside articles, joined.
std::string LabelsText(Lang lang, const std::vector<engine::Evidence>& evidence);

/// The reasons of |r| in |lang|: the engine's own English sentences ("no
/// clause on X was found", "essential element missing: …") are re-said from
/// the catalogue; the rule pack's reasons are kept as written. A missing
/// requirement without a reason gets the "no clause" reason.
std::vector<std::string> Reasons(Lang lang, const engine::RequirementResult& r);

/// A pending revision as a sentence, composed from its fields
/// (「第8条に未確定の削除があります（変更者: 山田）（2026-10-01）」).
std::string PendingText(Lang lang, const engine::PendingRevision& p);

/// The parties as 「株式会社A（甲、委託者・開示者）、株式会社B（乙、受託者・受領者）」;
/// "" when none was found.
std::string PartiesText(Lang lang, const engine::DocumentReport& report);

/// Why a required requirement matters (the statute behind it), by id; a
/// generic sentence for ids without one.
std::string_view WhyItMatters(Lang lang, std::string_view requirement_id);

/// Returns |list| joined with the language's separator (「、」 / ", ").
std::string JoinList(Lang lang, const std::vector<std::string>& list);

}  // namespace clausegap::report

#endif  // CLAUSEGAP_REPORT_LOCALIZE_H_
