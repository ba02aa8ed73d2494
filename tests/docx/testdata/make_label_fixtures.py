#!/usr/bin/env python3
"""Regenerates tests/docx/testdata/labels/*.labels from LibreOffice.

For each .docx given, LibreOffice renders the text twice: as is, and from a
copy whose automatic numbering is removed (every w:numPr dropped from the
document and its styles). Both renderings have the same lines; where they
differ, the difference at the start of the line is the label LibreOffice
shows. (The copy's numbering.xml is emptied too, since list levels can
name the styles they number.) The fixture lists those labels, one per line, in document order:
facts about the file, not its prose.

Usage: make_label_fixtures.py OUTDIR FILE.docx...
"""
import os
import re
import subprocess
import sys
import tempfile
import zipfile

EMPTY_NUMBERING = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
NUMPR = re.compile(rb"<(\w+:)?numPr\b[^>]*/>|<(\w+:)?numPr\b.*?</(\w+:)?numPr>", re.S)


def cat(path, workdir):
    env = dict(os.environ, HOME=workdir)
    out = subprocess.run(["soffice", "--headless", "--cat", path], capture_output=True,
                         env=env, timeout=300, check=False).stdout.decode("utf-8", "replace")
    return out.lstrip("\ufeff").split("\n")


def strip_numbering(src, dst):
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.endswith(".xml") and info.filename.startswith("word/"):
                data = NUMPR.sub(b"", data)
            if info.filename.endswith("numbering.xml"):
                # Levels can also name the styles they number (w:pStyle).
                data = EMPTY_NUMBERING
            zout.writestr(info, data)


def labels(path):
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "plain.docx")
        strip_numbering(path, plain)
        numbered, unnumbered = cat(path, tmp), cat(plain, tmp)
    if not numbered or len(numbered) != len(unnumbered):
        raise SystemExit(f"{path}: renderings do not align")
    out = []
    for a, b in zip(numbered, unnumbered):
        if a == b:
            continue
        body = b.strip()
        a = a.rstrip()
        prefix = a[: len(a) - len(body)] if body and a.endswith(body) else a
        label = prefix.strip()
        if label:
            out.append(label)
    return out


def main():
    outdir, files = sys.argv[1], sys.argv[2:]
    for path in files:
        name = os.path.basename(path)[: -len(".docx")]
        found = labels(path)
        with open(os.path.join(outdir, name + ".labels"), "w", encoding="utf-8") as f:
            f.write("".join(label + "\n" for label in found))
        print(f"{name}: {len(found)} labels")


if __name__ == "__main__":
    main()
