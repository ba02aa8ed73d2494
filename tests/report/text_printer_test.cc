#include "report/text_printer.h"

#include <sstream>

#include <doctest/doctest.h>

#include "report/report_fixtures.h"

namespace clausegap::report {
namespace {

std::string Print(const std::vector<engine::DocumentReport>& reports, bool color,
                  FailOn fail_on = FailOn::kMissing) {
  std::ostringstream out;
  auto printer = MakePrinter(Format::kText, out, testing::EnglishOptions(color, fail_on));
  printer->Begin();
  for (const auto& r : reports) printer->Document(r);
  printer->End(Summarize(reports, fail_on));
  return out.str();
}

bool Has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Returns the first line of |text| that contains |needle|, or "".
std::string LineWith(const std::string& text, std::string_view needle) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (Has(line, needle)) return line;
  }
  return "";
}

TEST_CASE("one line per requirement with its mark, severity, id, title, status and label") {
  std::string text = Print({testing::MixedReport()}, false);
  CHECK(text.rfind("samples/業務委託.docx — 業務委託契約書\n", 0) == 0);
  std::string present = LineWith(text, "redelegation");
  CHECK(present.rfind("  ✓ [required]", 0) == 0);
  CHECK(Has(present, "再委託の禁止・制限"));
  CHECK(Has(present, "present"));
  CHECK(Has(present, "第8条（再委託の禁止）"));
  std::string weak = LineWith(text, "breach-notification");
  CHECK(weak.rfind("  △ [required]", 0) == 0);
  CHECK(Has(weak, "weak"));
  CHECK(Has(weak, "第10条第2項（事故時の対応）"));
  std::string missing = LineWith(text, "liability");
  CHECK(missing.rfind("  ✗ [required]", 0) == 0);
  CHECK(Has(missing, "missing"));
  CHECK(LineWith(text, "audit").rfind("  ✓ [recommended]", 0) == 0);
  CHECK(Has(text, "  2 present, 1 weak, 1 missing\n"));
}

TEST_CASE("columns line up although titles are full-width") {
  std::string text = Print({testing::MixedReport()}, false);
  // The status word starts at the same display column on every row.
  auto status_column = [&](std::string_view id, std::string_view status) {
    std::string line = LineWith(text, std::string(id) + " ");
    return DisplayWidth(line.substr(0, line.find(status)));
  };
  std::size_t column = status_column("redelegation", "present");
  CHECK(column > 0);
  CHECK(status_column("breach-notification", "weak") == column);
  CHECK(status_column("liability", "missing") == column);
  CHECK(status_column("audit", "present") == column);
}

TEST_CASE("the Gaps section details weak and missing requirements") {
  std::string text = Print({testing::MixedReport()}, false);
  std::size_t gaps = text.find("\n  Gaps\n");
  REQUIRE(gaps != std::string::npos);
  std::string details = text.substr(gaps);
  CHECK(Has(details, "  △ breach-notification  漏えい等の事故発生時の報告 — weak (required)\n"));
  CHECK(Has(details, "      Reason: 報告義務に期限（直ちに、速やかに等）がない。\n"));
  CHECK(Has(details, "      Not found (essential): timeliness — 直ちに・速やかに等の期限\n"));
  // The evidence sentence is quoted exactly, with its label and heading.
  CHECK(Has(details,
            "      Evidence: 第10条第2項（事故時の対応） 「乙は、漏えいが生じたときは、甲に報告する。」\n"));
  // A multi-line suggestion is indented line by line.
  CHECK(Has(details,
            "      Suggested clause:\n"
            "        乙は、秘密情報の漏えい等の事故が発生したときは、直ちに甲に報告し、\n"
            "        甲の指示に従うものとする。\n"));
  CHECK(Has(details, "  ✗ liability  損害賠償の範囲・責任分担 — missing (required)\n"));
  CHECK(Has(details, "      Not found (essential): compensation — 違反した当事者が損害を賠償する\n"));
  CHECK(Has(details, "        甲又は乙は、本契約に違反して相手方に損害を与えたときは、その損害を賠償する。\n"));
  // The present redelegation requirement has no details at all.
  CHECK_FALSE(Has(details, "✓ redelegation"));
}

TEST_CASE("present requirements with findings go to Notes, without a suggestion") {
  std::string text = Print({testing::MixedReport()}, false);
  std::size_t notes = text.find("\n  Notes\n");
  REQUIRE(notes != std::string::npos);
  CHECK(notes > text.find("\n  Gaps\n"));
  std::string details = text.substr(notes);
  CHECK(Has(details, "  ✓ audit  監査 — present (recommended)\n"));
  CHECK(Has(details, "      Not found (recommended): on-site — 立入検査\n"));
  CHECK(Has(details, "      Pending revision: 第12条 is deleted in a pending revision by 山田\n"));
  CHECK_FALSE(Has(details, "Suggested clause"));
}

TEST_CASE("a pending revision without a message gets one from its fields") {
  engine::DocumentReport doc = testing::CompleteReport();
  doc.requirements[0].pending_revisions.push_back(
      {"insertion", "佐藤", "2024-05-14T09:30:00Z", "第3条", "ただし、…", ""});
  std::string text = Print({doc}, false);
  CHECK(Has(text, "\n  Notes\n  ✓ redelegation  再委託の禁止・制限 — present (required)\n"
                  "      Pending revision: 第3条 has a pending insertion by 佐藤 (2024-05-14)\n"));
}

TEST_CASE("a complete contract has no Gaps section and shows no suggestion") {
  std::string text = Print({testing::CompleteReport()}, false);
  CHECK_FALSE(Has(text, "Gaps"));
  CHECK_FALSE(Has(text, "Notes"));
  CHECK_FALSE(Has(text, "SHOULD-NOT-APPEAR"));
  CHECK(Has(text, "  2 present, 0 weak, 0 missing\n"));
  // One document: no totals line.
  CHECK_FALSE(Has(text, "Checked "));
}

TEST_CASE("an unreadable document prints its code and message") {
  std::string text = Print({testing::ErrorReport()}, false);
  CHECK(text ==
        "old.doc\n"
        "  ✗ could not be read [legacy-doc]: old.doc: a Word 97-2003 .doc file, not .docx\n");
}

TEST_CASE("a totals line ends a run of several documents") {
  std::string text = Print({testing::MixedReport(), testing::CompleteReport(),
                            testing::ErrorReport()},
                           false, FailOn::kWeak);
  CHECK(Has(text, "\nChecked 3 documents: 1 failing --fail-on weak, 1 unreadable\n"));
}

TEST_CASE("no ANSI escapes when colour is off; escapes when it is forced") {
  std::string plain = Print({testing::MixedReport(), testing::ErrorReport()}, false);
  CHECK(plain.find('\x1b') == std::string::npos);
  std::string coloured = Print({testing::MixedReport(), testing::ErrorReport()}, true);
  CHECK(Has(coloured, "\x1b[31m✗\x1b[0m"));  // missing in red
  CHECK(Has(coloured, "\x1b[33m△\x1b[0m"));  // weak in yellow
  CHECK(Has(coloured, "\x1b[32m✓\x1b[0m"));  // present in green
  CHECK(Has(coloured, "\x1b[1msamples/業務委託.docx — 業務委託契約書\x1b[0m"));
}

TEST_CASE("ResolveColor: auto means a terminal without NO_COLOR") {
  CHECK(ResolveColor(ColorChoice::kAuto, true, nullptr, "xterm-256color"));
  CHECK(ResolveColor(ColorChoice::kAuto, true, "", "xterm"));
  CHECK_FALSE(ResolveColor(ColorChoice::kAuto, true, "1", "xterm"));
  CHECK_FALSE(ResolveColor(ColorChoice::kAuto, false, nullptr, "xterm"));
  CHECK_FALSE(ResolveColor(ColorChoice::kAuto, true, nullptr, "dumb"));
  CHECK(ResolveColor(ColorChoice::kAlways, false, "1", nullptr));
  CHECK_FALSE(ResolveColor(ColorChoice::kNever, true, nullptr, "xterm"));
  CHECK(ParseColorChoice("always").value() == ColorChoice::kAlways);
  auto bad = ParseColorChoice("sometimes");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message == "--color: unknown choice 'sometimes' (valid: auto, always, never)");
}

TEST_CASE("DisplayWidth counts full-width characters as two columns") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("再委託") == 6);
  CHECK(DisplayWidth("（目的）") == 8);
  CHECK(DisplayWidth("ｱ") == 1);  // half-width katakana
  CHECK(DisplayWidth("\xff") == 1);  // invalid byte: one replacement column
  CHECK(DisplayWidth("") == 0);
}

TEST_CASE("StatusMark gives the three marks") {
  CHECK(std::string(StatusMark(engine::Status::kPresent)) == "✓");
  CHECK(std::string(StatusMark(engine::Status::kWeak)) == "△");
  CHECK(std::string(StatusMark(engine::Status::kMissing)) == "✗");
}

}  // namespace
}  // namespace clausegap::report
