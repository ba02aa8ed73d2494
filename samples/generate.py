#!/usr/bin/env python3
"""Writes the Word-style sample contracts from their sources in samples/src/.

Standard library only. Each samples/src/<name>.txt becomes samples/<name>.docx,
built from WordprocessingML strings the way Word lays a package out
(numbering.xml, styles.xml, headers, footers, footnotes, comments, tracked
changes). The output is deterministic: fixed part order, fixed zip
timestamps, ids assigned in document order.

    python3 samples/generate.py            # rewrite every sample
    python3 samples/generate.py NAME ...   # only these (names without .txt)
    python3 samples/generate.py --check    # exit 1 if a committed .docx differs

Source format (UTF-8, one directive or paragraph per line; see README.md):

  # comment                     ignored, as are blank lines
  @title TEXT                   docProps/core.xml title
  @author TEXT                  docProps/core.xml creator
  @split N                      split text runs every N characters and put a
                                bookmark or proofErr between the pieces, as
                                Word does after editing
  @num ID LVL FMT TEXT [start=N] [suff=tab|space|nothing]
                                numbering instance ID (abstractNum ID), level
                                LVL: w:numFmt FMT, w:lvlText TEXT
  @numref ID ABSTRACT [restart] another numbering instance ID of the levels
                                defined for ABSTRACT; "restart" adds a
                                w:startOverride on level 0 (Word's "restart at 1")
  @stylenum STYLE ID LVL        paragraph style STYLE carries numPr ID/LVL
  @header TEXT / @footer TEXT   default header / footer paragraph (inline
                                {page} is a PAGE field)
  title: TEXT                   Title paragraph
  p: TEXT                       Normal paragraph; p>: right-aligned, p^: centred
  h1: TEXT / h2: TEXT           Heading1 / Heading2 paragraph
  n<ID>.<LVL>: TEXT             paragraph numbered directly (w:numPr)
  s<STYLE>: TEXT                paragraph of style STYLE (numbering may come
                                from the style, see @stylenum)
  table: W1|W2|...              start a table, column widths in twips
  | a | b |                     a table row; a cell "=" merges with the cell
                                on its left (w:gridSpan); ";;" inside a cell
                                starts another paragraph of that cell
  endtable

Paragraph prefixes (right after the colon):
  [pdel:AUTHOR|DATE]            the paragraph mark is a tracked deletion
  [pins:AUTHOR|DATE]            the paragraph mark is a tracked insertion

Inline markup:
  {ins:AUTHOR|DATE}text{/ins}   tracked insertion
  {del:AUTHOR|DATE}text{/del}   tracked deletion
  {mf:NAME|AUTHOR|DATE}text{/mf}  moveFrom (text moved away from here)
  {mt:NAME|AUTHOR|DATE}text{/mt}  moveTo (text moved to here)
  {c:AUTHOR|DATE|COMMENT}text{/c} a comment anchored on text
  {fn:TEXT}                     a footnote reference, TEXT is the footnote
  {b}text{/b}                   bold
"""

import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
ZIP_DATE = (2024, 4, 1, 9, 0, 0)
CORE_DATE = "2024-04-01T09:00:00Z"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
W_ROOT_ATTRS = f'xmlns:w="{W_NS}" xmlns:r="{R_NS}"'


def esc(text):
    return escape(text, {'"': "&quot;"})


def t_elem(tag, text):
    """A w:t or w:delText element, keeping surrounding spaces."""
    space = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return f"<w:{tag}{space}>{esc(text)}</w:{tag}>"


class Level:
    def __init__(self, fmt, text, start=1, suff="tab"):
        self.fmt, self.text, self.start, self.suff = fmt, text, start, suff


class Doc:
    """What one source file describes, and the ids handed out while writing."""

    def __init__(self, name):
        self.name = name
        self.title = name
        self.author = "clausegap samples"
        self.split = 0
        self.nums = {}        # num id -> {lvl: Level}
        self.style_nums = {}  # style id -> (num id, lvl)
        self.num_refs = {}    # extra num id -> (abstract id, restart)
        self.header = None
        self.footer = None
        self.body = []        # xml strings of body elements
        self.footnotes = []   # (id, text)
        self.comments = []    # (id, author, date, text)
        self.next_rev_id = 1
        self.next_mark_id = 0
        self.split_count = 0

    def rev_id(self):
        value = self.next_rev_id
        self.next_rev_id += 1
        return value


INLINE = re.compile(r"\{(/?)(ins|del|mf|mt|c|fn|b)(?::([^{}]*))?\}")


def parse_inline(text):
    """Splits |text| into a list of ('text', s) / ('open', kind, args) /
    ('close', kind) / ('fn', s) items."""
    items = []
    pos = 0
    for m in INLINE.finditer(text):
        if m.start() > pos:
            items.append(("text", text[pos:m.start()]))
        closing, kind, args = m.group(1), m.group(2), m.group(3)
        if kind == "fn":
            items.append(("fn", args or ""))
        elif closing:
            items.append(("close", kind))
        else:
            items.append(("open", kind, (args or "").split("|")))
        pos = m.end()
    if pos < len(text):
        items.append(("text", text[pos:]))
    return items


def runs_for_text(doc, text, deleted=False, bold=False):
    """Runs for |text|; with @split, cut into pieces with markup between."""
    pieces = [text]
    if doc.split and len(text) > doc.split:
        pieces = [text[i:i + doc.split] for i in range(0, len(text), doc.split)]
    rpr_parts = ['<w:rFonts w:hint="eastAsia"/>']
    if bold:
        rpr_parts.append("<w:b/>")
    rpr = "<w:rPr>" + "".join(rpr_parts) + "</w:rPr>"
    tag = "delText" if deleted else "t"
    out = []
    for i, piece in enumerate(pieces):
        if i > 0:
            doc.split_count += 1
            if doc.split_count % 2:
                mark = doc.next_mark_id
                doc.next_mark_id += 1
                out.append(f'<w:bookmarkStart w:id="{mark}" w:name="_Ref{100000 + mark}"/>'
                           f'<w:bookmarkEnd w:id="{mark}"/>')
            else:
                out.append('<w:proofErr w:type="gramStart"/>')
        out.append(f"<w:r>{rpr}{t_elem(tag, piece)}</w:r>")
    return "".join(out)


def render_inline(doc, text):
    """WordprocessingML runs for a paragraph's inline markup."""
    out = []
    stack = []  # open wrappers: (kind, closing xml)
    bold = False
    for item in parse_inline(text):
        if item[0] == "text":
            deleted = any(kind == "del" for kind, _ in stack)
            out.append(runs_for_text(doc, item[1], deleted=deleted, bold=bold))
        elif item[0] == "fn":
            fid = len(doc.footnotes) + 1
            doc.footnotes.append((fid, item[1]))
            out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                       f'<w:footnoteReference w:id="{fid}"/></w:r>')
        elif item[0] == "open":
            kind, args = item[1], item[2]
            if kind == "b":
                bold = True
                stack.append(("b", ""))
            elif kind in ("ins", "del"):
                author, date = args
                rid = doc.rev_id()
                out.append(f'<w:{kind} w:id="{rid}" w:author="{esc(author)}" w:date="{date}">')
                stack.append((kind, f"</w:{kind}>"))
            elif kind in ("mf", "mt"):
                name, author, date = args
                tag = "moveFrom" if kind == "mf" else "moveTo"
                range_id = doc.rev_id()
                rid = doc.rev_id()
                out.append(f'<w:{tag}RangeStart w:id="{range_id}" w:name="{esc(name)}" '
                           f'w:author="{esc(author)}" w:date="{date}"/>'
                           f'<w:{tag} w:id="{rid}" w:author="{esc(author)}" w:date="{date}">')
                stack.append((kind, f'</w:{tag}><w:{tag}RangeEnd w:id="{range_id}"/>'))
            elif kind == "c":
                author, date, comment = args[0], args[1], "|".join(args[2:])
                cid = len(doc.comments)
                doc.comments.append((cid, author, date, comment))
                out.append(f'<w:commentRangeStart w:id="{cid}"/>')
                stack.append(("c", f'<w:commentRangeEnd w:id="{cid}"/>'
                              '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                              f'<w:commentReference w:id="{cid}"/></w:r>'))
        else:  # close
            kind = item[1]
            if not stack or stack[-1][0] != kind:
                raise ValueError(f"{doc.name}: unbalanced {{/{kind}}} in: {text}")
            _, closing = stack.pop()
            if kind == "b":
                bold = False
            out.append(closing)
    if stack:
        raise ValueError(f"{doc.name}: unclosed {{{stack[-1][0]}}} in: {text}")
    return "".join(out)


PARA_MARK = re.compile(r"^\[(pdel|pins):([^|\]]*)\|([^\]]*)\]\s*")


def paragraph(doc, text, style=None, num=None, jc=None):
    """One w:p element."""
    ppr = []
    if style:
        ppr.append(f'<w:pStyle w:val="{style}"/>')
    if num:
        ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    m = PARA_MARK.match(text)
    if m:
        tag = "del" if m.group(1) == "pdel" else "ins"
        ppr.append(f'<w:rPr><w:{tag} w:id="{doc.rev_id()}" w:author="{esc(m.group(2))}" '
                   f'w:date="{m.group(3)}"/></w:rPr>')
        text = text[m.end():]
    ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{render_inline(doc, text)}</w:p>"


def table(doc, widths, rows):
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>',
           f"<w:tblGrid>{grid}</w:tblGrid>"]
    for row in rows:
        cells = []  # [text, span]
        for cell in row:
            if cell == "=" and cells:
                cells[-1][1] += 1
            else:
                cells.append([cell, 1])
        out.append("<w:tr>")
        col = 0
        for text, span in cells:
            width = sum(widths[col:col + span])
            col += span
            tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                tcpr += f'<w:gridSpan w:val="{span}"/>'
            paras = "".join(paragraph(doc, part.strip()) for part in text.split(";;"))
            out.append(f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{paras}</w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


LINE = re.compile(r"^(title|p|p>|p\^|h1|h2|n\d+\.\d|s[A-Za-z0-9]+):\s?(.*)$")


def parse_source(name, lines):
    doc = Doc(name)
    table_rows = None
    widths = None
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\n")
        where = f"{name}.txt:{lineno}"
        if table_rows is not None:
            if line.strip() == "endtable":
                doc.body.append(table(doc, widths, table_rows))
                table_rows = None
            elif line.startswith("|"):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                table_rows.append(cells)
            elif line.strip() and not line.startswith("#"):
                raise ValueError(f"{where}: expected a table row or endtable")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            value = value.strip()
            if key == "title":
                doc.title = value
            elif key == "author":
                doc.author = value
            elif key == "split":
                doc.split = int(value)
            elif key == "num":
                parts = value.split()
                num_id, lvl, fmt, text = int(parts[0]), int(parts[1]), parts[2], parts[3]
                opts = dict(p.split("=", 1) for p in parts[4:])
                doc.nums.setdefault(num_id, {})[lvl] = Level(
                    fmt, text, int(opts.get("start", 1)), opts.get("suff", "tab"))
            elif key == "numref":
                parts = value.split()
                doc.num_refs[int(parts[0])] = (int(parts[1]), "restart" in parts[2:])
            elif key == "stylenum":
                style, num_id, lvl = value.split()
                doc.style_nums[style] = (int(num_id), int(lvl))
            elif key == "header":
                doc.header = value
            elif key == "footer":
                doc.footer = value
            else:
                raise ValueError(f"{where}: unknown directive @{key}")
            continue
        if line.startswith("table:"):
            widths = [int(w) for w in line[len("table:"):].strip().split("|")]
            table_rows = []
            continue
        m = LINE.match(line)
        if not m:
            raise ValueError(f"{where}: cannot parse: {line}")
        kind, text = m.group(1), m.group(2)
        if kind == "title":
            doc.body.append(paragraph(doc, text, style="Title", jc="center"))
        elif kind == "p":
            doc.body.append(paragraph(doc, text))
        elif kind == "p>":
            doc.body.append(paragraph(doc, text, jc="right"))
        elif kind == "p^":
            doc.body.append(paragraph(doc, text, jc="center"))
        elif kind in ("h1", "h2"):
            doc.body.append(paragraph(doc, text, style="Heading" + kind[1]))
        elif kind.startswith("n"):
            num_id, lvl = kind[1:].split(".")
            doc.body.append(paragraph(doc, text, num=(int(num_id), int(lvl))))
        else:
            doc.body.append(paragraph(doc, text, style=kind[1:]))
    if table_rows is not None:
        raise ValueError(f"{name}.txt: table not closed")
    return doc


# ---------------------------------------------------------------- parts


def content_types(doc):
    overrides = [
        ("/word/document.xml", WML_CT + "document.main+xml"),
        ("/word/styles.xml", WML_CT + "styles+xml"),
        ("/word/settings.xml", WML_CT + "settings+xml"),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
    ]
    if doc.nums:
        overrides.append(("/word/numbering.xml", WML_CT + "numbering+xml"))
    if doc.header is not None:
        overrides.append(("/word/header1.xml", WML_CT + "header+xml"))
    if doc.footer is not None:
        overrides.append(("/word/footer1.xml", WML_CT + "footer+xml"))
    if doc.footnotes:
        overrides.append(("/word/footnotes.xml", WML_CT + "footnotes+xml"))
    if doc.comments:
        overrides.append(("/word/comments.xml", WML_CT + "comments+xml"))
    body = "".join(f'<Override PartName="{p}" ContentType="{c}"/>' for p, c in overrides)
    return (XML_DECL + f'<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{body}</Types>")


def package_rels():
    return (XML_DECL + f'<Relationships xmlns="{REL_NS}">'
            f'<Relationship Id="rId1" Type="{OFFICE_REL}officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{OFFICE_REL}extended-properties" Target="docProps/app.xml"/>'
            "</Relationships>")


def document_rels(doc):
    rels = [("rId1", "styles", "styles.xml"), ("rId2", "settings", "settings.xml")]
    if doc.nums:
        rels.append(("rId3", "numbering", "numbering.xml"))
    if doc.header is not None:
        rels.append(("rId4", "header", "header1.xml"))
    if doc.footer is not None:
        rels.append(("rId5", "footer", "footer1.xml"))
    if doc.footnotes:
        rels.append(("rId6", "footnotes", "footnotes.xml"))
    if doc.comments:
        rels.append(("rId7", "comments", "comments.xml"))
    body = "".join(f'<Relationship Id="{i}" Type="{OFFICE_REL}{t}" Target="{p}"/>'
                   for i, t, p in rels)
    return XML_DECL + f'<Relationships xmlns="{REL_NS}">{body}</Relationships>'


def core_props(doc):
    return (XML_DECL +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{esc(doc.title)}</dc:title><dc:creator>{esc(doc.author)}</dc:creator>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{CORE_DATE}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{CORE_DATE}</dcterms:modified>'
            "</cp:coreProperties>")


def app_props():
    return (XML_DECL +
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            "<Application>clausegap samples/generate.py</Application></Properties>")


def style_xml(style_id, name, kind="paragraph", ppr="", rpr="", based="Normal", extra=""):
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>'
            f"{based_xml}{extra}{ppr_xml}{rpr_xml}</w:style>")


def styles(doc):
    def num_ppr(style_id):
        if style_id in doc.style_nums:
            num_id, lvl = doc.style_nums[style_id]
            return f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        return ""

    items = [
        '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Century" w:eastAsia="MS Mincho" '
        'w:hAnsi="Century"/><w:kern w:val="2"/><w:sz w:val="21"/><w:lang w:val="en-US" '
        'w:eastAsia="ja-JP"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>',
        style_xml("Title", "Title", ppr='<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
                  rpr='<w:b/><w:sz w:val="32"/>', extra="<w:qFormat/>"),
        style_xml("Heading1", "heading 1",
                  ppr=num_ppr("Heading1") + '<w:keepNext/><w:outlineLvl w:val="0"/>',
                  rpr="<w:b/>", extra="<w:qFormat/>"),
        style_xml("Heading2", "heading 2",
                  ppr=num_ppr("Heading2") + '<w:keepNext/><w:outlineLvl w:val="1"/>',
                  rpr="<w:b/>", extra="<w:qFormat/>"),
        style_xml("ListParagraph", "List Paragraph", ppr='<w:ind w:leftChars="400" w:left="840"/>'),
        style_xml("FootnoteText", "footnote text", rpr='<w:sz w:val="18"/>'),
        style_xml("FootnoteReference", "footnote reference", kind="character", based="",
                  rpr='<w:vertAlign w:val="superscript"/>'),
        style_xml("CommentText", "annotation text"),
        style_xml("CommentReference", "annotation reference", kind="character", based="",
                  rpr='<w:sz w:val="18"/>'),
        style_xml("Header", "header"),
        style_xml("Footer", "footer"),
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr>'
        '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        "</w:tblBorders></w:tblPr></w:style>",
    ]
    for style_id in doc.style_nums:
        if style_id not in ("Heading1", "Heading2"):
            items.append(style_xml(style_id, style_id, ppr=num_ppr(style_id)))
    return XML_DECL + f"<w:styles {W_ROOT_ATTRS}>{''.join(items)}</w:styles>"


def numbering(doc):
    abstracts, nums = [], []
    for num_id in sorted(doc.nums):
        levels = []
        for lvl in sorted(doc.nums[num_id]):
            level = doc.nums[num_id][lvl]
            suff = "" if level.suff == "tab" else f'<w:suff w:val="{level.suff}"/>'
            style_link = "".join(f'<w:pStyle w:val="{s}"/>' for s, (n, l) in doc.style_nums.items()
                                 if n == num_id and l == lvl)
            indent = 420 * lvl + (0 if lvl == 0 else 210)
            levels.append(
                f'<w:lvl w:ilvl="{lvl}"><w:start w:val="{level.start}"/>'
                f'<w:numFmt w:val="{level.fmt}"/>{style_link}{suff}'
                f'<w:lvlText w:val="{esc(level.text)}"/><w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{indent + 420}" w:hanging="420"/></w:pPr></w:lvl>')
        abstracts.append(f'<w:abstractNum w:abstractNumId="{num_id}">'
                         f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>')
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>')
    for num_id in sorted(doc.num_refs):
        abstract, restart = doc.num_refs[num_id]
        override = ""
        if restart:
            start = doc.nums[abstract][0].start
            override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/>'
                        "</w:lvlOverride>")
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                    f"{override}</w:num>")
    return XML_DECL + f"<w:numbering {W_ROOT_ATTRS}>{''.join(abstracts)}{''.join(nums)}</w:numbering>"


def settings(doc):
    parts = ['<w:zoom w:percent="100"/>']
    if doc.next_rev_id > 1:
        parts.append("<w:trackRevisions/>")
    parts.append('<w:defaultTabStop w:val="840"/>')
    if doc.footnotes:
        parts.append('<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
    parts.append('<w:compat><w:compatSetting w:name="compatibilityMode" '
                 'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>')
    return XML_DECL + f"<w:settings {W_ROOT_ATTRS}>{''.join(parts)}</w:settings>"


def header_footer(doc, tag, style, text):
    runs = []
    for i, piece in enumerate(text.split("{page}")):
        if i > 0:
            runs.append('<w:fldSimple w:instr=" PAGE   \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple>')
        if piece:
            runs.append(f"<w:r>{t_elem('t', piece)}</w:r>")
    para = f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="center"/></w:pPr>{"".join(runs)}</w:p>'
    return XML_DECL + f"<w:{tag} {W_ROOT_ATTRS}>{para}</w:{tag}>"


def footnotes(doc):
    items = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             "<w:continuationSeparator/></w:r></w:p></w:footnote>"]
    for fid, text in doc.footnotes:
        items.append(f'<w:footnote w:id="{fid}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                     '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                     f'<w:r>{t_elem("t", " " + text)}</w:r></w:p></w:footnote>')
    return XML_DECL + f"<w:footnotes {W_ROOT_ATTRS}>{''.join(items)}</w:footnotes>"


def comments(doc):
    items = []
    for cid, author, date, text in doc.comments:
        initials = author[:1]
        items.append(f'<w:comment w:id="{cid}" w:author="{esc(author)}" w:date="{date}" '
                     f'w:initials="{esc(initials)}"><w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
                     '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
                     f"<w:r>{t_elem('t', text)}</w:r></w:p></w:comment>")
    return XML_DECL + f"<w:comments {W_ROOT_ATTRS}>{''.join(items)}</w:comments>"


def document(doc):
    refs = ""
    if doc.header is not None:
        refs += '<w:headerReference w:type="default" r:id="rId4"/>'
    if doc.footer is not None:
        refs += '<w:footerReference w:type="default" r:id="rId5"/>'
    sect = (f'<w:sectPr>{refs}<w:pgSz w:w="11906" w:h="16838"/>'
            '<w:pgMar w:top="1985" w:right="1701" w:bottom="1701" w:left="1701" w:header="851" '
            'w:footer="992" w:gutter="0"/><w:cols w:space="425"/>'
            '<w:docGrid w:type="lines" w:linePitch="360"/></w:sectPr>')
    return XML_DECL + f"<w:document {W_ROOT_ATTRS}><w:body>{''.join(doc.body)}{sect}</w:body></w:document>"


def build(doc):
    """Returns the (part name, xml) list of the package, in a fixed order."""
    body_xml = document(doc)  # first: hands out footnote/comment ids
    parts = [("[Content_Types].xml", content_types(doc)),
             ("_rels/.rels", package_rels()),
             ("docProps/core.xml", core_props(doc)),
             ("docProps/app.xml", app_props()),
             ("word/document.xml", body_xml),
             ("word/_rels/document.xml.rels", document_rels(doc)),
             ("word/styles.xml", styles(doc)),
             ("word/settings.xml", settings(doc))]
    if doc.nums:
        parts.append(("word/numbering.xml", numbering(doc)))
    if doc.header is not None:
        parts.append(("word/header1.xml", header_footer(doc, "hdr", "Header", doc.header)))
    if doc.footer is not None:
        parts.append(("word/footer1.xml", header_footer(doc, "ftr", "Footer", doc.footer)))
    if doc.footnotes:
        parts.append(("word/footnotes.xml", footnotes(doc)))
    if doc.comments:
        parts.append(("word/comments.xml", comments(doc)))
    return parts


def write_docx(parts, path):
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, xml in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, xml.encode("utf-8"), compresslevel=9)
    os.replace(tmp, path)


def generate(name, out_dir):
    with open(os.path.join(SRC, name + ".txt"), encoding="utf-8") as f:
        doc = parse_source(name, f.readlines())
    path = os.path.join(out_dir, name + ".docx")
    write_docx(build(doc), path)
    return path


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if not a.startswith("--")]
    if not names:
        names = sorted(f[:-4] for f in os.listdir(SRC) if f.endswith(".txt"))
    status = 0
    for name in names:
        if check:
            import tempfile
            with tempfile.TemporaryDirectory() as tmp:
                fresh = generate(name, tmp)
                with open(fresh, "rb") as a, open(os.path.join(HERE, name + ".docx"), "rb") as b:
                    same = a.read() == b.read()
            print(f"{name}.docx: {'up to date' if same else 'DIFFERS from its source'}")
            status |= 0 if same else 1
        else:
            print(generate(name, HERE))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
