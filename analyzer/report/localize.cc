#include "report/localize.h"

#include <algorithm>

#include "classify/classify.h"

namespace clausegap::report {

using i18n::Msg;

std::string_view StatusText(Lang lang, engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return i18n::Text(lang, Msg::kStatusPresent);
    case engine::Status::kWeak: return i18n::Text(lang, Msg::kStatusWeak);
    case engine::Status::kMissing: return i18n::Text(lang, Msg::kStatusMissing);
  }
  return i18n::Text(lang, Msg::kStatusMissing);
}

std::string_view SeverityText(Lang lang, engine::Severity severity) {
  return i18n::Text(lang, severity == engine::Severity::kRequired ? Msg::kSeverityRequired
                                                                  : Msg::kSeverityRecommended);
}

std::string_view RoleText(Lang lang, engine::PartyRole role) {
  switch (role) {
    case engine::PartyRole::kClient: return i18n::Text(lang, Msg::kRoleClient);
    case engine::PartyRole::kVendor: return i18n::Text(lang, Msg::kRoleVendor);
    case engine::PartyRole::kMutual: return i18n::Text(lang, Msg::kRoleMutual);
    case engine::PartyRole::kUnknown: return i18n::Text(lang, Msg::kRoleUnknown);
  }
  return i18n::Text(lang, Msg::kRoleUnknown);
}

std::string_view KindText(Lang lang, std::string_view kind_id) {
  if (kind_id.empty()) return {};
  switch (classify::KindFromId(kind_id)) {
    case classify::Kind::kOutsourcing: return i18n::Text(lang, Msg::kKindOutsourcing);
    case classify::Kind::kNda: return i18n::Text(lang, Msg::kKindNda);
    case classify::Kind::kMemorandum: return i18n::Text(lang, Msg::kKindMemorandum);
    case classify::Kind::kDataProcessing: return i18n::Text(lang, Msg::kKindDataProcessing);
    case classify::Kind::kTerms: return i18n::Text(lang, Msg::kKindTerms);
    case classify::Kind::kEmployment: return i18n::Text(lang, Msg::kKindEmployment);
    case classify::Kind::kOther: return i18n::Text(lang, Msg::kKindOther);
  }
  return i18n::Text(lang, Msg::kKindOther);
}

bool KindCovered(std::string_view kind_id) {
  return kind_id.empty() || classify::Covered(classify::KindFromId(kind_id));
}

std::string KindNotice(Lang lang, std::string_view kind_id) {
  if (KindCovered(kind_id)) return std::string();
  return i18n::Format(lang, Msg::kKindNotCovered, {KindText(lang, kind_id)});
}

const std::string& CitedLabel(const engine::Evidence& e) {
  return e.written_label.empty() ? e.label : e.written_label;
}

const std::string& CitedLabel(const engine::Passage& p) {
  return p.written_label.empty() ? p.label : p.written_label;
}

const std::string& CitedLabel(const engine::PendingRevision& p) {
  return p.written_label.empty() ? p.label : p.written_label;
}

std::string PlaceText(Lang lang, const engine::Evidence& e) {
  std::string out = CitedLabel(e);
  if (!e.heading.empty()) out += "（" + e.heading + "）";
  if (out.empty()) out = i18n::Text(lang, Msg::kOutsideArticles);
  if (e.page > 0) out += i18n::Format(lang, Msg::kPageSuffix, {std::to_string(e.page)});  // PDFs
  return out;
}

std::string JoinList(Lang lang, const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& item : list) {
    if (!out.empty()) out += i18n::Text(lang, Msg::kListSeparator);
    out += item;
  }
  return out;
}

std::string PlacesText(Lang lang, const std::vector<engine::Evidence>& evidence) {
  std::vector<std::string> places;
  for (const engine::Evidence& e : evidence) {
    std::string place = PlaceText(lang, e);
    if (std::find(places.begin(), places.end(), place) == places.end()) places.push_back(place);
  }
  return JoinList(lang, places);
}

std::string LabelsText(Lang lang, const std::vector<engine::Evidence>& evidence) {
  std::vector<std::string> labels;
  for (const engine::Evidence& e : evidence) {
    std::string label = e.label.empty() ? std::string(i18n::Text(lang, Msg::kTextOutsideArticles)) : CitedLabel(e);
    if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
  }
  return JoinList(lang, labels);
}

std::vector<std::string> Reasons(Lang lang, const engine::RequirementResult& r) {
  static constexpr std::string_view kNoClause = "no clause on ";
  static constexpr std::string_view kElement = "essential element missing: ";
  std::vector<std::string> out;
  for (const std::string& reason : r.reasons) {
    std::string said;
    if (reason.starts_with(kNoClause) && reason.ends_with(" was found")) {
      said = i18n::Format(lang, Msg::kReasonNoClause, {r.title});
    } else if (reason.starts_with(kElement)) {
      said = i18n::Format(lang, Msg::kReasonElementMissing,
                          {std::string_view(reason).substr(kElement.size())});
    } else {
      said = reason;
    }
    if (std::find(out.begin(), out.end(), said) == out.end()) out.push_back(std::move(said));
  }
  if (out.empty() && r.status == engine::Status::kMissing) {
    out.push_back(i18n::Format(lang, Msg::kReasonNoClause, {r.title}));
  }
  return out;
}

std::string PendingText(Lang lang, const engine::PendingRevision& p) {
  // The engine words its message in English; other languages compose theirs.
  if (lang == Lang::kEn && !p.message.empty()) return p.message;
  Msg kind = Msg::kRevisionInsertion;
  if (p.kind.find("deletion") != std::string::npos) kind = Msg::kRevisionDeletion;
  if (p.kind.starts_with("move")) kind = Msg::kRevisionMove;
  if (p.kind == "format") kind = Msg::kRevisionFormat;
  std::string where = p.label.empty() ? std::string(i18n::Text(lang, Msg::kTheClause)) : CitedLabel(p);
  std::string out = i18n::Format(lang, Msg::kPendingRevisionSentence, {where, i18n::Text(lang, kind)});
  if (!p.author.empty()) out += i18n::Format(lang, Msg::kPendingRevisionBy, {p.author});
  if (!p.date.empty()) out += i18n::Format(lang, Msg::kPendingRevisionDate, {p.date.substr(0, 10)});
  return out;
}

std::string PartiesText(Lang lang, const engine::DocumentReport& report) {
  std::vector<std::string> parties;
  for (const engine::Party& party : report.parties) {
    std::string text = party.full_name.empty() ? party.name : party.full_name;
    std::string detail;
    if (!party.full_name.empty() && !party.name.empty()) detail = party.name;
    if (party.role != engine::PartyRole::kUnknown) {
      if (!detail.empty()) detail += i18n::Text(lang, Msg::kListSeparator);
      detail += RoleText(lang, party.role);
    }
    if (!detail.empty()) text += lang == Lang::kJa ? "（" + detail + "）" : " (" + detail + ")";
    parties.push_back(std::move(text));
  }
  return JoinList(lang, parties);
}

std::string_view WhyItMatters(Lang lang, std::string_view id) {
  if (id == "redelegation") return i18n::Text(lang, Msg::kWhyRedelegation);
  if (id == "return-deletion") return i18n::Text(lang, Msg::kWhyReturnDeletion);
  if (id == "breach-notification") return i18n::Text(lang, Msg::kWhyIncidentReport);
  if (id == "liability") return i18n::Text(lang, Msg::kWhyLiability);
  return i18n::Text(lang, Msg::kWhyGeneric);
}

}  // namespace clausegap::report
