// The message catalogue: every word clausegap shows a person, in Japanese
// (the default) and English.
//
// Printers and the CLI never spell a label themselves: they ask for a Msg in
// the run's Lang. Each language has one table (messages_ja.cc,
// messages_en.cc); a unit test fails when a key is missing from either or
// when the two disagree on placeholders. Placeholders are {0} … {9}.
// Everything here is immutable after static initialisation and thread-safe.
#ifndef CLAUSEGAP_I18N_MESSAGES_H_
#define CLAUSEGAP_I18N_MESSAGES_H_

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/error.h"

namespace clausegap::i18n {

/// The language of reports and messages.
enum class Lang { kJa, kEn };

/// Returns "ja" / "en".
const char* LangName(Lang lang);

/// Parses a --lang value ("ja", "en"; also "ja_JP.UTF-8"-style locale
/// names). Returns kUsage naming the valid values on error.
Expected<Lang> ParseLang(std::string_view name);

/// Returns the language the environment asks for: the first non-empty of
/// LC_ALL, LC_MESSAGES, LANG (POSIX order) when it starts with "en" or "ja";
/// Japanese otherwise (unset, "C", "POSIX", another language). Arguments may
/// be null.
Lang LangFromEnvironment(const char* lc_all, const char* lc_messages, const char* lang);

// The keys. Grouped by where they are shown; names say what, not how.
#define CLAUSEGAP_I18N_KEYS(X)                                                          \
  /* verdicts */                                                                        \
  X(StatusPresent) X(StatusWeak) X(StatusMissing) X(SeverityRequired)                   \
  X(SeverityRecommended) X(RoleClient) X(RoleVendor) X(RoleMutual) X(RoleUnknown) \
  /* revisions */                                                                       \
  X(RevisionInsertion) X(RevisionDeletion) X(RevisionMove) X(RevisionFormat)            \
  X(PendingRevisionSentence) X(PendingRevisionBy) X(PendingRevisionDate)                \
  X(TheClause)                                                                          \
  /* reasons the engine gives in English */                                             \
  X(ReasonNoClause) X(ReasonElementMissing)                                             \
  /* labels shared by printers */                                                       \
  X(OutsideArticles) X(TextOutsideArticles) X(PageSuffix) X(ConvertedFrom) X(Reason) X(Evidence) X(Binds) X(Suggestion) X(PendingRevision)           \
  X(MissingElementEssential) X(MissingElementRecommended) X(Waived) X(WaivedNote)       \
  X(WaivedBadge) X(CouldNotBeRead) X(NoRequirements) X(Counts) X(Gaps) X(Notes)         \
  X(Present) X(GatePass) X(GateFail) X(GateUnreadable) X(GateLine) X(RunTotals)         \
  X(NoLocation) X(GapMessageNoLocation) X(GapMessageAt) X(Parties) X(NoParties)         \
  X(DocumentKind) X(KindNotCovered) X(KindUncertain)                                    \
  X(ListSeparator)                                                                      \
  /* document kinds */                                                                  \
  X(KindOutsourcing) X(KindNda) X(KindMemorandum) X(KindDataProcessing) X(KindTerms)    \
  X(KindEmployment) X(KindOther)                                                        \
  /* summary table */                                                                   \
  X(SummaryLine) X(SummaryUnreadableCode) X(SummaryRequirement) X(SummaryPresent)       \
  X(SummaryWeak) X(SummaryMissing)                                                      \
  /* html */                                                                            \
  X(HtmlTitle) X(HtmlCover) X(HtmlFile) X(HtmlTitleField) X(HtmlCheckedAt)              \
  X(HtmlVersions) X(HtmlRulePack) X(HtmlContract) X(HtmlGapsColumn)                     \
  X(HtmlGapsColumnHint) X(HtmlNotEvaluated) X(HtmlSortHint) X(HtmlContractText)         \
  X(HtmlNoText) X(HtmlRiskSummary) X(HtmlRiskNone) X(HtmlRiskFails) X(HtmlWhy)          \
  X(HtmlArticle) X(HtmlQuote) X(HtmlGateRule) X(HtmlSize) X(HtmlConfig) X(HtmlWaiverFiles) \
  X(HtmlNone) X(HtmlToc)                                                                \
  /* why a required clause matters, by requirement id */                                \
  X(WhyRedelegation) X(WhyReturnDeletion) X(WhyIncidentReport) X(WhyLiability)          \
  X(WhyGeneric)                                                                         \
  /* csv columns */                                                                     \
  X(CsvFile) X(CsvRead) X(CsvErrorCode) X(CsvError) X(CsvTitle) X(CsvKind) X(CsvParties) \
  X(CsvClient) X(CsvVendor) X(CsvGate) X(CsvSha256) X(CsvSize) X(CsvArticleOf)         \
  X(CsvReadOk) X(CsvReadError) X(CsvPass) X(CsvFail) X(CsvUnreadable) X(CsvRulePack) X(CsvTool)                                \
  /* github / junit */                                                                  \
  X(GithubSummary) X(GithubMore) X(JunitRecommended)                                   \
  /* diff */                                                                            \
  X(DiffOld) X(DiffNew) X(DiffSideOld) X(DiffSideNew) X(DiffNotEvaluated)              \
  X(ChangeUnchanged) X(ChangeStrengthened) X(ChangeWeakened) X(ChangeRemoved)          \
  X(ChangeAdded) X(ChangeMoved) X(ChangeTextChanged) X(DiffGained) X(DiffLost)          \
  X(DiffTotals) X(DiffChanges) X(DiffDetailHead) X(DiffSideNotEvaluated)              \
  X(DiffSideNoClause) X(DiffSideReason) X(DiffElement) X(DiffElementGained)           \
  X(DiffElementLost)                                                                    \
  /* cli */                                                                             \
  X(OutputIsInput) X(OutputInsideInput) X(NoInput) X(Interrupted) X(NotWritten)         \
  X(CannotReadList) X(DiffFormatUnknown) X(CountRange)                                \
  X(StdinTwice) X(SummaryJsonFormat) X(MapperFormat) X(CannotWriteReport)              \
  X(NothingInPartition)                                                                 \
  /* summarize */                                                                       \
  X(SummarizeNotJson) X(SummarizeUnknownLine) X(SummarizeCannotRead)                    \
  X(SummarizeDuplicate) X(SummarizeCountMismatch) X(SummarizeMixed)                     \
  X(SummarizeNoSummary) X(SummarizeParts)                                               \
  /* annotate: comments written into the contract */                                   \
  X(AnnotateFinding) X(AnnotateBullet) X(AnnotateLabel) X(AnnotateInserted)             \
  X(AnnotateAfter) X(AnnotateEndOfBody) X(AnnotateAlsoHere) X(AnnotateSummaryTitle)     \
  X(AnnotatePackVersion) X(AnnotateCounts) X(AnnotateTotals) X(AnnotateWritten)         \
  X(AnnotateNotWord) X(AnnotateNoOutput)

/// A catalogue key.
enum class Msg {
#define CLAUSEGAP_I18N_ENUM(name) k##name,
  CLAUSEGAP_I18N_KEYS(CLAUSEGAP_I18N_ENUM)
#undef CLAUSEGAP_I18N_ENUM
      kCount
};

/// Number of keys.
inline constexpr std::size_t kMessageCount = static_cast<std::size_t>(Msg::kCount);

/// Returns the key's name without the k ("StatusPresent").
const char* MsgName(Msg key);

/// One entry of a language table.
struct Entry {
  Msg key;
  const char* text;
};

/// The tables (for the catalogue test); each lists every key once.
extern const Entry kJapanese[];
extern const std::size_t kJapaneseSize;
extern const Entry kEnglish[];
extern const std::size_t kEnglishSize;

/// Returns the text of |key| in |lang|; "[MsgName]" when a table lacks it.
std::string_view Text(Lang lang, Msg key);

/// Returns Text(lang, key) with {0}, {1} … replaced by |args| (a missing
/// argument leaves the placeholder as it is).
std::string Format(Lang lang, Msg key, std::initializer_list<std::string_view> args);

}  // namespace clausegap::i18n

#endif  // CLAUSEGAP_I18N_MESSAGES_H_
