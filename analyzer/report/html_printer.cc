#include "report/html_printer.h"

#include <algorithm>
#include <map>
#include <utility>

#include "report/localize.h"

namespace clausegap::report {
namespace {

using i18n::Msg;

// The page's style and script; nothing in them loads a resource.
constexpr std::string_view kStyle = R"css(
:root{--ok:#1a7f37;--ok-bg:#d8f5df;--weak:#8a5a00;--weak-bg:#ffedb3;--miss:#c4141f;--miss-bg:#ffd9d9;--err:#57606a;--err-bg:#e6e8eb;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0;padding:20px 28px 60px;color:#1f2328;background:#fff;font:15px/1.65 "Noto Sans CJK JP","Hiragino Sans","Yu Gothic","Meiryo",sans-serif}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:19px;margin:36px 0 6px;padding-top:10px;border-top:3px solid #24292f}
h3{font-size:16px;margin:20px 0 8px;color:#24292f}
code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:13px;background:#f3f4f6;padding:0 4px;border-radius:3px}
.totals{color:#444;margin:0 0 14px}
.wrap{overflow-x:auto}
table.summary{border-collapse:collapse;font-size:13px}
table.summary th,table.summary td{border:1px solid var(--line);padding:3px 5px;text-align:center}
table.summary th{background:#f6f8fa;cursor:pointer;user-select:none;font-weight:600}
table.summary th.req{writing-mode:vertical-rl;white-space:nowrap;vertical-align:bottom;padding:6px 3px;min-width:30px}
table.summary th.req.required{color:#000}
table.summary th.req.recommended{color:#57606a;font-weight:400}
table.summary td.file{text-align:left;white-space:nowrap}
table.summary td a{color:inherit;text-decoration:none;display:block}
table.summary tbody tr:hover td{outline:1px solid #999}
table.summary td.waived{opacity:.55}
.st-present{background:var(--ok-bg);color:var(--ok)}
.st-weak{background:var(--weak-bg);color:var(--weak);font-weight:700}
.st-missing{background:var(--miss-bg);color:var(--miss);font-weight:700}
.st-error{background:var(--err-bg);color:var(--err)}
.legend{font-size:13px;color:#444;margin:6px 0 0}
.legend span{padding:0 6px;margin-right:6px;border-radius:3px}
.verdict{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:700;font-size:13px}
.verdict.pass{background:var(--ok-bg);color:var(--ok)}
.verdict.fail{background:var(--miss-bg);color:var(--miss)}
.verdict.error{background:var(--err-bg);color:var(--err)}
.doctitle{font-weight:400;color:#444;margin-left:8px}
.gap{border:1px solid var(--line);border-left:6px solid var(--weak);border-radius:4px;padding:8px 14px;margin:10px 0;background:#fffdf5}
.gap.missing{border-left-color:var(--miss);background:#fff8f8}
.gap h4{margin:0 0 4px;font-size:15px}
.badge{font-size:12px;padding:1px 7px;border-radius:10px;margin-left:6px;vertical-align:1px}
.sev{font-size:12px;color:#57606a;margin-left:6px}
.gap ul{margin:4px 0;padding-left:22px}
.nolocation{color:var(--miss);margin:4px 0}
blockquote.evidence{margin:6px 0;padding:4px 10px;border-left:3px solid var(--line);background:#f6f8fa}
blockquote.evidence a{font-weight:600;margin-right:6px}
.suggestion{margin:8px 0 2px;padding:6px 12px;background:#eef6ff;border:1px dashed #6ea8fe;border-radius:4px}
.suggestion .caption{font-size:12px;font-weight:700;color:#0550ae}
.suggestion p{margin:2px 0}
.pending{color:var(--weak);margin:4px 0}
ul.present{padding-left:22px;margin:4px 0;font-size:14px}
ul.present li .labels{color:#57606a}
.note{color:#57606a;font-size:13px}
.text{border:1px solid var(--line);border-radius:4px;padding:10px 16px;background:#fcfcfd;max-height:none}
.text p{margin:3px 0;display:flex;gap:12px}
.text .lbl{flex:0 0 11em;color:#57606a;font-size:13px;text-align:right;padding-top:1px}
.text .body{flex:1}
mark{padding:1px 0;border-radius:2px;color:inherit}
mark.ev-present{background:var(--ok-bg);box-shadow:inset 0 -2px 0 var(--ok)}
mark.ev-weak{background:var(--weak-bg);box-shadow:inset 0 -2px 0 var(--weak)}
mark.ev-missing{background:var(--miss-bg)}
mark .tag{font-size:11px;color:#57606a;margin-left:4px}
:target{outline:2px solid #0969da;outline-offset:2px}
.error-text{color:var(--miss)}
table.meta{border-collapse:collapse;margin:6px 0 10px;font-size:14px}
table.meta th{text-align:left;font-weight:600;color:#444;padding:2px 14px 2px 0;vertical-align:top;white-space:nowrap}
table.meta td{padding:2px 0;word-break:break-all}
table.meta code{font-size:12px}
.cover{border:1px solid var(--line);border-radius:6px;padding:8px 16px;margin:8px 0 14px;background:#f6f8fa}
.cover h2{border:0;margin:4px 0;padding:0;font-size:17px}
.risk{border:2px solid var(--miss);border-radius:6px;padding:6px 16px;margin:10px 0;background:#fff8f8}
.risk.ok{border-color:var(--ok);background:#f4fbf6}
.risk h3{margin:4px 0}
.risk li{margin:4px 0}
.risk .why{color:#444;font-size:14px}
.notice{border-left:6px solid var(--weak);background:var(--weak-bg);padding:6px 12px;margin:8px 0}
.field{font-weight:700;color:#444;margin-right:6px}
.gap .reasons,.gap .quote{margin:4px 0}
@page{size:A4 portrait;margin:12mm 10mm}
@media print{
  body{padding:0;font-size:10pt;line-height:1.5}
  h1{font-size:16pt}
  h2{font-size:13pt;break-before:page;border-top:0}
  .cover h2{break-before:auto}
  .wrap{overflow:visible}
  table.summary{width:100%;table-layout:fixed;font-size:7.5pt}
  table.summary th,table.summary td{padding:1px 1px}
  table.summary th.req{min-width:0;font-size:7pt}
  table.summary td.file{white-space:normal;width:28%}
  table.summary td.file .dir{word-break:break-all}
  table.summary td.file .name{display:inline-block;overflow-wrap:anywhere}
  table.summary th:first-child{width:28%}
  table.summary th:nth-child(2){width:6%}
  .legend .sorthint{display:none}
  .gap,.risk,blockquote.evidence,.suggestion,table.meta tr{break-inside:avoid}
  .text{max-height:none;overflow:visible}
  .text .lbl{flex-basis:7em}
  a{color:inherit;text-decoration:none}
  mark .tag{display:none}
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

constexpr std::string_view kScript = R"js(
document.querySelectorAll('table.summary th').forEach(function(th,i){
  th.addEventListener('click',function(){
    var body=th.closest('table').tBodies[0],rows=Array.prototype.slice.call(body.rows);
    var asc=th.getAttribute('data-asc')!=='1';th.setAttribute('data-asc',asc?'1':'0');
    rows.sort(function(x,y){
      var a=x.cells[i].getAttribute('data-key'),b=y.cells[i].getAttribute('data-key');
      var d=(a!==null&&b!==null)?(Number(a)-Number(b)):x.cells[i].textContent.localeCompare(y.cells[i].textContent);
      return asc?d:-d;});
    rows.forEach(function(r){body.appendChild(r);});});});
)js";

const char* Mark(engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return "✓";
    case engine::Status::kWeak: return "△";
    case engine::Status::kMissing: return "✗";
  }
  return "✗";
}

std::string StatusClass(engine::Status status) {
  return std::string("st-") + engine::StatusName(status);
}

// Returns "d<doc>", "d<doc>-r<req>", "d<doc>-s<sentence>": anchors built from
// indices only, never from document text.
std::string Anchor(std::size_t doc) { return "d" + std::to_string(doc); }
std::string Anchor(std::size_t doc, const char* kind, long index) {
  return Anchor(doc) + "-" + kind + std::to_string(index);
}

// Returns "第8条（再委託の禁止）" / "第8条" / 「（条項外）」, escaped.
std::string Place(Lang lang, const engine::Evidence& e) { return HtmlEscape(PlaceText(lang, e)); }

// Returns <tr><th>|name|</th><td>|value_html|</td></tr>.
std::string MetaRow(std::string_view name, const std::string& value_html) {
  return "<tr><th>" + HtmlEscape(name) + "</th><td>" + value_html + "</td></tr>\n";
}

// Returns |text| escaped with line breaks as <br>.
std::string Multiline(std::string_view text) {
  std::string escaped = HtmlEscape(text);
  std::string out;
  for (char c : escaped) {
    if (c == '\n') {
      out += "<br>";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Returns the sentence index of |e| within |text| (its Passage position):
// by Evidence::sentence when set, else the first passage with the same text.
// -1 when not found.
long PassageOf(const engine::Evidence& e, const std::vector<engine::Passage>& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (e.sentence >= 0 ? text[i].sentence == e.sentence : text[i].text == e.text) {
      return static_cast<long>(i);
    }
  }
  return -1;
}

// A sentence that is evidence: the worst status relying on it and the
// requirement ids.
struct Highlight {
  engine::Status status = engine::Status::kPresent;
  std::vector<std::string> ids;
};

int Rank(engine::Status status) {
  switch (status) {
    case engine::Status::kPresent: return 0;
    case engine::Status::kWeak: return 1;
    case engine::Status::kMissing: return 2;
  }
  return 2;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string clean = SanitizeUtf8(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

void HtmlPrinter::Begin() {}

void HtmlPrinter::Document(const engine::DocumentReport& report) {
  if (report.ok) {
    for (const engine::RequirementResult& r : report.requirements) {
      bool known = std::any_of(columns_.begin(), columns_.end(),
                               [&r](const Column& c) { return c.id == r.id; });
      if (!known) columns_.push_back(Column{r.id, r.title, r.severity});
    }
  }
  reports_.push_back(report);
}

void HtmlPrinter::Text(std::size_t index, const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  out_ << "<h3>" << HtmlEscape(i18n::Text(lang, Msg::kHtmlContractText)) << "</h3>\n";
  if (report.text.empty()) {
    out_ << "<p class=\"note\">" << HtmlEscape(i18n::Text(lang, Msg::kHtmlNoText)) << "</p>\n";
    return;
  }
  std::map<long, Highlight> highlights;  // by position in report.text
  for (const engine::RequirementResult& r : report.requirements) {
    std::vector<const engine::Evidence*> all;
    for (const engine::Evidence& e : r.evidence) all.push_back(&e);
    for (const engine::ElementResult& element : r.elements) {
      for (const engine::Evidence& e : element.evidence) all.push_back(&e);
    }
    for (const engine::Evidence* e : all) {
      long at = PassageOf(*e, report.text);
      if (at < 0) continue;
      Highlight& h = highlights[at];
      if (Rank(r.status) > Rank(h.status)) h.status = r.status;
      if (std::find(h.ids.begin(), h.ids.end(), r.id) == h.ids.end()) h.ids.push_back(r.id);
    }
  }
  out_ << "<div class=\"text\">\n";
  std::string last_heading;
  for (std::size_t i = 0; i < report.text.size();) {
    // One paragraph per block; its label is that of its first sentence.
    const engine::Passage& first = report.text[i];
    std::string label = CitedLabel(first);
    if (!first.heading.empty() && first.heading != last_heading) {
      label += "（" + first.heading + "）";
    }
    last_heading = first.heading;
    out_ << "<p><span class=\"lbl\">" << HtmlEscape(label) << "</span><span class=\"body\">";
    std::size_t j = i;
    for (; j < report.text.size() && report.text[j].block == first.block; ++j) {
      const engine::Passage& p = report.text[j];
      std::string id = Anchor(index, "s", p.sentence >= 0 ? p.sentence : static_cast<long>(j));
      auto h = highlights.find(static_cast<long>(j));
      if (h == highlights.end()) {
        out_ << "<span id=\"" << id << "\">" << HtmlEscape(p.text) << "</span>";
        continue;
      }
      std::string ids;
      for (const std::string& rid : h->second.ids) ids += (ids.empty() ? "" : ", ") + rid;
      out_ << "<mark class=\"ev ev-" << engine::StatusName(h->second.status) << "\" id=\"" << id
           << "\" title=\"" << HtmlEscape(ids) << "\">" << HtmlEscape(p.text)
           << "<span class=\"tag\">[" << HtmlEscape(ids) << "]</span></mark>";
    }
    out_ << "</span></p>\n";
    if (j == i) ++j;  // cannot happen; guards the loop
    i = j;
  }
  out_ << "</div>\n";
}

void HtmlPrinter::DocumentCover(const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  std::string rows;
  if (!report.title.empty()) rows += MetaRow(i18n::Text(lang, Msg::kHtmlTitleField), HtmlEscape(report.title));
  rows += MetaRow(i18n::Text(lang, Msg::kHtmlFile), HtmlEscape(report.file));
  if (!report.sha256.empty()) {
    rows += MetaRow("SHA-256", "<code>" + HtmlEscape(report.sha256) + "</code>");
  }
  if (report.size >= 0) {
    rows += MetaRow(i18n::Text(lang, Msg::kHtmlSize), std::to_string(report.size) +
                                                           (lang == Lang::kJa ? " バイト" : " bytes"));
  }
  if (!report.kind.empty()) {
    rows += MetaRow(i18n::Text(lang, Msg::kDocumentKind), HtmlEscape(KindText(lang, report.kind)));
  }
  if (report.ok) {
    std::string parties = PartiesText(lang, report);
    rows += MetaRow(i18n::Text(lang, Msg::kParties),
                    HtmlEscape(parties.empty() ? i18n::Text(lang, Msg::kNoParties) : parties));
  }
  out_ << "<table class=\"meta\">\n" << rows << "</table>\n";
  if (std::string notice = KindNotice(lang, report.kind); report.ok && !notice.empty()) {
    out_ << "<p class=\"notice\">" << HtmlEscape(notice) << "</p>\n";
  }
  if (!report.ok) return;
  // The risk summary: what fails the gate and why it matters.
  std::vector<const engine::RequirementResult*> failing;
  for (const engine::RequirementResult& r : report.requirements) {
    engine::DocumentReport one;
    one.requirements.push_back(r);
    if (FailsGate(one, fail_on_)) failing.push_back(&r);
  }
  out_ << "<div class=\"risk" << (failing.empty() ? " ok" : "") << "\"><h3>"
       << HtmlEscape(i18n::Text(lang, Msg::kHtmlRiskSummary)) << "</h3>\n";
  if (failing.empty()) {
    out_ << "<p>" << HtmlEscape(i18n::Text(lang, Msg::kHtmlRiskNone)) << "</p>\n";
  } else {
    std::vector<std::string> titles;
    for (const engine::RequirementResult* r : failing) {
      titles.push_back((lang == Lang::kJa ? "「" : "") + r->title + (lang == Lang::kJa ? "」" : ""));
    }
    out_ << "<p><b>" << HtmlEscape(i18n::Format(lang, Msg::kHtmlRiskFails,
                                                {JoinList(lang, titles),
                                                 lang == Lang::kJa ? "不足又は不十分" : "missing or weak"}))
         << "</b></p>\n<ul>\n";
    for (const engine::RequirementResult* r : failing) {
      out_ << "<li><b>" << HtmlEscape(r->title) << "</b> — <span class=\"badge "
           << StatusClass(r->status) << "\">" << HtmlEscape(StatusText(lang, r->status))
           << "</span><div class=\"why\"><span class=\"field\">"
           << HtmlEscape(i18n::Text(lang, Msg::kHtmlWhy)) << "</span>"
           << HtmlEscape(WhyItMatters(lang, r->id)) << "</div></li>\n";
    }
    out_ << "</ul>\n";
  }
  out_ << "</div>\n";
}

void HtmlPrinter::Section(std::size_t index, const engine::DocumentReport& report) {
  const Lang lang = options_.lang;
  auto text = [lang](Msg key) { return HtmlEscape(i18n::Text(lang, key)); };
  out_ << "<section id=\"" << Anchor(index) << "\">\n<h2>" << HtmlEscape(report.file);
  if (!report.title.empty()) out_ << "<span class=\"doctitle\">" << HtmlEscape(report.title) << "</span>";
  out_ << "</h2>\n";
  DocumentCover(report);
  if (!report.ok) {
    out_ << "<p><span class=\"verdict error\">" << text(Msg::kCouldNotBeRead);
    if (!report.error_code.empty()) out_ << " (" << HtmlEscape(report.error_code) << ")";
    out_ << "</span></p>\n<p class=\"error-text\">" << HtmlEscape(report.error) << "</p>\n</section>\n";
    return;
  }
  int counts[3] = {0, 0, 0};
  for (const engine::RequirementResult& r : report.requirements) ++counts[Rank(r.status)];
  bool fails = FailsGate(report, fail_on_);
  out_ << "<p><span class=\"verdict " << (fails ? "fail" : "pass") << "\">"
       << HtmlEscape(i18n::Format(lang, Msg::kGateLine,
                                  {i18n::Text(lang, fails ? Msg::kGateFail : Msg::kGatePass),
                                   FailOnName(fail_on_)}))
       << "</span> "
       << HtmlEscape(i18n::Format(lang, Msg::kCounts,
                                  {std::to_string(counts[0]), std::to_string(counts[1]),
                                   std::to_string(counts[2])}))
       << "</p>\n";

  // Positions of the evidence sentences, to link quotes into the text.
  auto link = [&](const engine::Evidence& e) {
    long at = PassageOf(e, report.text);
    if (at < 0) return std::string("<b>") + Place(lang, e) + "</b>";
    const engine::Passage& p = report.text[at];
    return "<a href=\"#" + Anchor(index, "s", p.sentence >= 0 ? p.sentence : at) + "\">" +
           Place(lang, e) + "</a>";
  };
  auto field = [&](Msg key) { return "<span class=\"field\">" + text(key) + "</span>"; };

  bool gaps = false;
  for (std::size_t k = 0; k < report.requirements.size(); ++k) {
    const engine::RequirementResult& r = report.requirements[k];
    if (r.status == engine::Status::kPresent) continue;
    if (!gaps) out_ << "<h3>" << text(Msg::kGaps) << "</h3>\n";
    gaps = true;
    const char* status = engine::StatusName(r.status);
    out_ << "<div class=\"gap " << status << "\" id=\"" << Anchor(index, "r", k) << "\">\n<h4>"
         << Mark(r.status) << ' ' << HtmlEscape(r.title) << " <code>" << HtmlEscape(r.id)
         << "</code><span class=\"badge " << StatusClass(r.status) << "\">"
         << HtmlEscape(StatusText(lang, r.status)) << "</span><span class=\"sev\">"
         << HtmlEscape(SeverityText(lang, r.severity)) << "</span>"
         << (r.waived ? "<span class=\"badge st-error\">" + text(Msg::kWaivedBadge) + "</span>" : "")
         << "</h4>\n";
    if (r.waived) {
      out_ << "<p class=\"note\">" << text(Msg::kWaivedNote)
           << (r.waiver_reason.empty() ? std::string() : ": " + HtmlEscape(r.waiver_reason))
           << "</p>\n";
    }
    out_ << "<p class=\"quote\">" << field(Msg::kHtmlArticle)
         << (r.evidence.empty() ? text(Msg::kHtmlNone) : HtmlEscape(PlacesText(lang, r.evidence)))
         << "</p>\n";
    std::vector<std::string> reasons = Reasons(lang, r);
    if (!reasons.empty()) {
      out_ << "<div class=\"reasons\">" << field(Msg::kReason) << "<ul class=\"reasons\">";
      for (const std::string& reason : reasons) out_ << "<li>" << HtmlEscape(reason) << "</li>";
      out_ << "</ul></div>\n";
    }
    std::string unfound;
    for (const engine::ElementResult& e : r.elements) {
      if (e.found) continue;
      unfound += "<li>" +
                 HtmlEscape(i18n::Text(lang, e.essential ? Msg::kMissingElementEssential
                                                         : Msg::kMissingElementRecommended)) +
                 ": <code>" + HtmlEscape(e.id) + "</code>";
      if (!e.description.empty()) unfound += " — " + HtmlEscape(e.description);
      unfound += "</li>";
    }
    if (!unfound.empty()) out_ << "<ul class=\"elements\">" << unfound << "</ul>\n";
    if (r.evidence.empty()) out_ << "<p class=\"nolocation\">" << text(Msg::kNoLocation) << "</p>\n";
    for (const engine::Evidence& e : r.evidence) {
      out_ << "<blockquote class=\"evidence\">" << field(Msg::kEvidence) << link(e) << "「"
           << HtmlEscape(e.text) << "」</blockquote>\n";
    }
    for (const engine::PendingRevision& p : r.pending_revisions) {
      out_ << "<p class=\"pending\">" << text(Msg::kPendingRevision) << ": "
           << HtmlEscape(PendingText(lang, p)) << "</p>\n";
    }
    if (!r.suggestion.empty()) {
      out_ << "<div class=\"suggestion\"><div class=\"caption\">" << text(Msg::kSuggestion)
           << "</div><p>" << Multiline(r.suggestion) << "</p></div>\n";
    }
    out_ << "</div>\n";
  }

  bool present = false;
  for (std::size_t k = 0; k < report.requirements.size(); ++k) {
    const engine::RequirementResult& r = report.requirements[k];
    if (r.status != engine::Status::kPresent) continue;
    if (!present) out_ << "<h3>" << text(Msg::kPresent) << "</h3>\n<ul class=\"present\">\n";
    present = true;
    out_ << "<li id=\"" << Anchor(index, "r", k) << "\"><span class=\"st-present\">✓</span> "
         << HtmlEscape(r.title) << " <code>" << HtmlEscape(r.id) << "</code> <span class=\"labels\">";
    std::vector<std::string> seen;
    for (const engine::Evidence& e : r.evidence) {
      if (std::find(seen.begin(), seen.end(), e.label) != seen.end()) continue;
      seen.push_back(e.label);
      out_ << ' ' << link(e);
    }
    out_ << "</span>";
    for (const engine::ElementResult& e : r.elements) {
      if (!e.found && !e.essential) {
        out_ << "<div class=\"note\">" << text(Msg::kMissingElementRecommended) << ": <code>"
             << HtmlEscape(e.id) << "</code> " << HtmlEscape(e.description) << "</div>";
      }
    }
    for (const engine::PendingRevision& p : r.pending_revisions) {
      out_ << "<div class=\"pending\">" << text(Msg::kPendingRevision) << ": "
           << HtmlEscape(PendingText(lang, p)) << "</div>";
    }
    out_ << "</li>\n";
  }
  if (present) out_ << "</ul>\n";
  Text(index, report);
  out_ << "</section>\n";
}

void HtmlPrinter::Cover(const Summary& summary) {
  const Lang lang = options_.lang;
  const RunInfo& run = options_.run;
  std::string packs;
  for (const RulePackInfo& pack : run.packs) {
    if (!packs.empty()) packs += "<br>";
    packs += HtmlEscape(pack.name.empty() ? pack.path : pack.name);
    if (!pack.version.empty()) packs += " " + HtmlEscape(pack.version);
  }
  if (!run.rules_sha256.empty()) {
    packs += (packs.empty() ? "" : "<br>") + std::string("SHA-256 <code>") +
             HtmlEscape(run.rules_sha256) + "</code>";
  }
  std::string waivers;
  for (const std::string& w : run.waiver_files) waivers += (waivers.empty() ? "" : "<br>") + HtmlEscape(w);
  std::string none = HtmlEscape(i18n::Text(lang, Msg::kHtmlNone));
  out_ << "<div class=\"cover\"><h2>" << HtmlEscape(i18n::Text(lang, Msg::kHtmlCover)) << "</h2>\n"
       << "<table class=\"meta\">\n"
       << MetaRow(i18n::Text(lang, Msg::kHtmlCheckedAt),
                  HtmlEscape(run.started_at.empty() ? i18n::Text(lang, Msg::kHtmlNone) : run.started_at))
       << MetaRow(i18n::Text(lang, Msg::kHtmlVersions), "clausegap " + HtmlEscape(run.tool_version))
       << MetaRow(i18n::Text(lang, Msg::kHtmlRulePack), packs.empty() ? none : packs)
       << MetaRow(i18n::Text(lang, Msg::kHtmlGateRule),
                  "<code>--fail-on " + std::string(FailOnName(summary.fail_on)) + "</code>")
       << MetaRow(i18n::Text(lang, Msg::kHtmlConfig), run.config.empty() ? none : HtmlEscape(run.config))
       << MetaRow(i18n::Text(lang, Msg::kHtmlWaiverFiles), waivers.empty() ? none : waivers)
       << "</table>\n<p class=\"totals\">"
       << HtmlEscape(i18n::Format(lang, Msg::kRunTotals,
                                  {std::to_string(summary.documents), std::to_string(summary.failed),
                                   FailOnName(summary.fail_on), std::to_string(summary.errors)}))
       << "</p></div>\n";
}

void HtmlPrinter::End(const Summary& summary) {
  const Lang lang = options_.lang;
  auto text = [lang](Msg key) { return HtmlEscape(i18n::Text(lang, key)); };
  out_ << "<!DOCTYPE html>\n<html lang=\"" << i18n::LangName(lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>" << text(Msg::kHtmlTitle) << "</title>\n<style>"
       << kStyle << "</style>\n</head>\n<body>\n<h1>" << text(Msg::kHtmlTitle) << "</h1>\n";
  fail_on_ = summary.fail_on;
  Cover(summary);

  // The summary table: contracts × requirements.
  out_ << "<div class=\"wrap\"><table class=\"summary\">\n<thead><tr><th>" << text(Msg::kHtmlContract)
       << "</th><th title=\"" << text(Msg::kHtmlGapsColumnHint) << "\">" << text(Msg::kHtmlGapsColumn)
       << "</th>";
  for (const Column& c : columns_) {
    out_ << "<th class=\"req " << engine::SeverityName(c.severity) << "\" title=\""
         << HtmlEscape(c.title) << " (" << HtmlEscape(SeverityText(lang, c.severity)) << ", "
         << HtmlEscape(c.id) << ")\">" << HtmlEscape(lang == Lang::kJa ? c.title : c.id) << "</th>";
  }
  out_ << "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < reports_.size(); ++i) {
    const engine::DocumentReport& report = reports_[i];
    int gaps = 0;
    for (const engine::RequirementResult& r : report.requirements) {
      if (r.severity == engine::Severity::kRequired && r.status != engine::Status::kPresent &&
          !r.waived) {
        ++gaps;
      }
    }
    std::string verdict = !report.ok ? "error" : FailsGate(report, summary.fail_on) ? "fail" : "pass";
    // The folder may wrap anywhere; the file name keeps to one line when it fits,
    // so a deep path never splits the name a reader looks for.
    std::string_view file = report.file;
    size_t slash = file.find_last_of("/\\!");
    std::string_view folder = slash == std::string_view::npos ? std::string_view() : file.substr(0, slash + 1);
    std::string_view name = file.substr(folder.size());
    out_ << "<tr><td class=\"file\"><a href=\"#" << Anchor(i) << "\">";
    if (!folder.empty()) out_ << "<span class=\"dir\">" << HtmlEscape(folder) << "</span>";
    out_ << "<span class=\"name\">" << HtmlEscape(name) << "</span></a></td><td class=\"" << (verdict == "pass" ? "st-present" : verdict == "fail" ? "st-missing" : "st-error")
         << "\" data-key=\"" << (report.ok ? gaps : 1000) << "\">" << (report.ok ? std::to_string(gaps) : "?")
         << "</td>";
    for (const Column& c : columns_) {
      auto it = std::find_if(report.requirements.begin(), report.requirements.end(),
                             [&c](const engine::RequirementResult& r) { return r.id == c.id; });
      if (!report.ok || it == report.requirements.end()) {
        out_ << "<td class=\"st-error\" data-key=\"3\" title=\""
             << text(report.ok ? Msg::kHtmlNotEvaluated : Msg::kCouldNotBeRead) << "\">–</td>";
        continue;
      }
      long k = it - report.requirements.begin();
      out_ << "<td class=\"" << StatusClass(it->status) << (it->waived ? " waived" : "")
           << "\" data-key=\"" << Rank(it->status) << "\" title=\"" << HtmlEscape(it->title) << ": "
           << HtmlEscape(StatusText(lang, it->status))
           << (it->waived ? " (" + text(Msg::kWaivedBadge) + ")" : std::string()) << "\"><a href=\"#"
           << Anchor(i, "r", k) << "\">" << Mark(it->status) << "</a></td>";
    }
    out_ << "</tr>\n";
  }
  out_ << "</tbody></table></div>\n<p class=\"legend\"><span class=\"st-present\">✓ "
       << text(Msg::kStatusPresent) << "</span><span class=\"st-weak\">△ " << text(Msg::kStatusWeak)
       << "</span><span class=\"st-missing\">✗ " << text(Msg::kStatusMissing)
       << "</span><span class=\"st-error\">– " << text(Msg::kHtmlNotEvaluated)
       << "</span> <span class=\"sorthint\">" << text(Msg::kHtmlSortHint) << "</span></p>\n";

  for (std::size_t i = 0; i < reports_.size(); ++i) Section(i, reports_[i]);
  out_ << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  out_.flush();
}

}  // namespace clausegap::report
