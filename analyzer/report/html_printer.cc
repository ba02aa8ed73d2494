#include "report/html_printer.h"

#include <algorithm>
#include <map>
#include <utility>

namespace clausegap::report {
namespace {

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

// Returns "第8条（再委託の禁止）" / "第8条" / "(outside articles)", escaped.
std::string Place(const engine::Evidence& e) {
  std::string out = e.label.empty() ? std::string("(outside articles)") : e.label;
  if (!e.heading.empty()) out += "（" + e.heading + "）";
  return HtmlEscape(out);
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
  out_ << "<h3>Contract text</h3>\n";
  if (report.text.empty()) {
    out_ << "<p class=\"note\">The contract's text is not part of this report; the evidence is "
            "quoted above.</p>\n";
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
    std::string label = first.label;
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

void HtmlPrinter::Section(std::size_t index, const engine::DocumentReport& report) {
  out_ << "<section id=\"" << Anchor(index) << "\">\n<h2>" << HtmlEscape(report.file);
  if (!report.title.empty()) out_ << "<span class=\"doctitle\">" << HtmlEscape(report.title) << "</span>";
  out_ << "</h2>\n";
  if (!report.ok) {
    out_ << "<p><span class=\"verdict error\">could not be read";
    if (!report.error_code.empty()) out_ << " (" << HtmlEscape(report.error_code) << ")";
    out_ << "</span></p>\n<p class=\"error-text\">" << HtmlEscape(report.error) << "</p>\n</section>\n";
    return;
  }
  int counts[3] = {0, 0, 0};
  for (const engine::RequirementResult& r : report.requirements) ++counts[Rank(r.status)];
  out_ << "<p>" << (FailsGate(report, fail_on_) ? "<span class=\"verdict fail\">fails the gate"
                                               : "<span class=\"verdict pass\">passes the gate")
       << " (--fail-on " << FailOnName(fail_on_) << ")</span> " << counts[0] << " present, "
       << counts[1] << " weak, " << counts[2] << " missing</p>\n";

  // Positions of the evidence sentences, to link quotes into the text.
  auto link = [&](const engine::Evidence& e) {
    long at = PassageOf(e, report.text);
    if (at < 0) return std::string("<b>") + Place(e) + "</b>";
    const engine::Passage& p = report.text[at];
    return "<a href=\"#" + Anchor(index, "s", p.sentence >= 0 ? p.sentence : at) + "\">" +
           Place(e) + "</a>";
  };

  bool gaps = false;
  for (std::size_t k = 0; k < report.requirements.size(); ++k) {
    const engine::RequirementResult& r = report.requirements[k];
    if (r.status == engine::Status::kPresent) continue;
    if (!gaps) out_ << "<h3>Gaps</h3>\n";
    gaps = true;
    const char* status = engine::StatusName(r.status);
    out_ << "<div class=\"gap " << status << "\" id=\"" << Anchor(index, "r", k) << "\">\n<h4>"
         << Mark(r.status) << ' ' << HtmlEscape(r.title) << " <code>" << HtmlEscape(r.id)
         << "</code><span class=\"badge " << StatusClass(r.status) << "\">" << status
         << "</span><span class=\"sev\">" << engine::SeverityName(r.severity) << "</span>"
         << (r.waived ? "<span class=\"badge st-error\">waived</span>" : "") << "</h4>\n";
    if (r.waived) {
      out_ << "<p class=\"note\">Accepted by a waiver"
           << (r.waiver_reason.empty() ? std::string() : ": " + HtmlEscape(r.waiver_reason))
           << "</p>\n";
    }
    if (!r.reasons.empty()) {
      out_ << "<ul class=\"reasons\">";
      for (const std::string& reason : r.reasons) out_ << "<li>" << HtmlEscape(reason) << "</li>";
      out_ << "</ul>\n";
    }
    std::string unfound;
    for (const engine::ElementResult& e : r.elements) {
      if (e.found) continue;
      unfound += "<li>Not found (" + std::string(e.essential ? "essential" : "recommended") +
                 "): <code>" + HtmlEscape(e.id) + "</code>";
      if (!e.description.empty()) unfound += " — " + HtmlEscape(e.description);
      unfound += "</li>";
    }
    if (!unfound.empty()) out_ << "<ul class=\"elements\">" << unfound << "</ul>\n";
    if (r.evidence.empty()) {
      out_ << "<p class=\"nolocation\">No clause was found, so there is no place in the text to "
              "show.</p>\n";
    }
    for (const engine::Evidence& e : r.evidence) {
      out_ << "<blockquote class=\"evidence\">" << link(e) << "「" << HtmlEscape(e.text)
           << "」</blockquote>\n";
    }
    for (const engine::PendingRevision& p : r.pending_revisions) {
      out_ << "<p class=\"pending\">Pending revision: " << HtmlEscape(p.message.empty() ? p.kind : p.message)
           << "</p>\n";
    }
    if (!r.suggestion.empty()) {
      out_ << "<div class=\"suggestion\"><div class=\"caption\">Suggested clause</div><p>"
           << Multiline(r.suggestion) << "</p></div>\n";
    }
    out_ << "</div>\n";
  }

  bool present = false;
  for (std::size_t k = 0; k < report.requirements.size(); ++k) {
    const engine::RequirementResult& r = report.requirements[k];
    if (r.status != engine::Status::kPresent) continue;
    if (!present) out_ << "<h3>Present</h3>\n<ul class=\"present\">\n";
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
        out_ << "<div class=\"note\">Recommended element not found: <code>" << HtmlEscape(e.id)
             << "</code> " << HtmlEscape(e.description) << "</div>";
      }
    }
    for (const engine::PendingRevision& p : r.pending_revisions) {
      out_ << "<div class=\"pending\">Pending revision: "
           << HtmlEscape(p.message.empty() ? p.kind : p.message) << "</div>";
    }
    out_ << "</li>\n";
  }
  if (present) out_ << "</ul>\n";
  Text(index, report);
  out_ << "</section>\n";
}

void HtmlPrinter::End(const Summary& summary) {
  out_ << "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
          "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<title>clausegap report</title>\n<style>"
       << kStyle << "</style>\n</head>\n<body>\n<h1>clausegap report</h1>\n"
       << "<p class=\"totals\">" << summary.documents << " document"
       << (summary.documents == 1 ? "" : "s") << " checked: " << summary.failed
       << " failing (--fail-on " << FailOnName(summary.fail_on) << "), " << summary.errors
       << " unreadable.</p>\n";

  // The summary table: contracts × requirements.
  out_ << "<div class=\"wrap\"><table class=\"summary\">\n<thead><tr><th>Contract</th>"
          "<th title=\"required requirements weak or missing\">Gaps</th>";
  for (const Column& c : columns_) {
    out_ << "<th class=\"req " << engine::SeverityName(c.severity) << "\" title=\""
         << HtmlEscape(c.title) << " (" << engine::SeverityName(c.severity) << ")\">"
         << HtmlEscape(c.id) << "</th>";
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
    out_ << "<tr><td class=\"file\"><a href=\"#" << Anchor(i) << "\">" << HtmlEscape(report.file)
         << "</a></td><td class=\"" << (verdict == "pass" ? "st-present" : verdict == "fail" ? "st-missing" : "st-error")
         << "\" data-key=\"" << (report.ok ? gaps : 1000) << "\">" << (report.ok ? std::to_string(gaps) : "?")
         << "</td>";
    for (const Column& c : columns_) {
      auto it = std::find_if(report.requirements.begin(), report.requirements.end(),
                             [&c](const engine::RequirementResult& r) { return r.id == c.id; });
      if (!report.ok || it == report.requirements.end()) {
        out_ << "<td class=\"st-error\" data-key=\"3\" title=\""
             << (report.ok ? "not evaluated" : "could not be read") << "\">–</td>";
        continue;
      }
      long k = it - report.requirements.begin();
      out_ << "<td class=\"" << StatusClass(it->status) << (it->waived ? " waived" : "")
           << "\" data-key=\"" << Rank(it->status) << "\" title=\"" << HtmlEscape(it->title) << ": "
           << engine::StatusName(it->status) << (it->waived ? " (waived)" : "") << "\"><a href=\"#"
           << Anchor(i, "r", k) << "\">" << Mark(it->status) << "</a></td>";
    }
    out_ << "</tr>\n";
  }
  out_ << "</tbody></table></div>\n<p class=\"legend\"><span class=\"st-present\">✓ present</span>"
          "<span class=\"st-weak\">△ weak</span><span class=\"st-missing\">✗ missing</span>"
          "<span class=\"st-error\">– not evaluated</span> Click a column header to sort.</p>\n";

  fail_on_ = summary.fail_on;
  for (std::size_t i = 0; i < reports_.size(); ++i) Section(i, reports_[i]);
  out_ << "<script>" << kScript << "</script>\n</body>\n</html>\n";
  out_.flush();
}

}  // namespace clausegap::report
