"""Reads an annotated contract with python-docx (an independent OOXML reader)
and checks it against the original: the body paragraphs are unchanged
except for the inserted ones, every comment in comments.xml has its range
and reference in the body, and every inserted paragraph is a tracked
insertion with an author and a date.

Usage: annotate_docx_check.py ORIGINAL.docx REVIEWED.docx AUTHOR
Prints a JSON summary on success; exits 1 with the reason otherwise.
"""
import json
import sys

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def inserted_by(paragraph, author):
    mark = paragraph._p.find(f"{W}pPr/{W}rPr/{W}ins")
    return mark is not None and mark.get(f"{W}author") == author


def main():
    original_path, reviewed_path, author = sys.argv[1:4]
    original = docx.Document(original_path)
    reviewed = docx.Document(reviewed_path)

    kept = [p.text for p in reviewed.paragraphs if not inserted_by(p, author)]
    before = [p.text for p in original.paragraphs]
    if kept != before:
        for i, (a, b) in enumerate(zip(before, kept)):
            if a != b:
                fail(f"body paragraph {i} changed: {a!r} became {b!r}")
        fail(f"{len(before)} body paragraphs became {len(kept)}")

    inserted = [p for p in reviewed.paragraphs if inserted_by(p, author)]
    for p in inserted:
        mark = p._p.find(f"{W}pPr/{W}rPr/{W}ins")
        runs = p._p.findall(f"{W}ins")
        if not mark.get(f"{W}date") or not runs:
            fail(f"inserted paragraph without a date or w:ins runs: {etree.tostring(p._p)[:200]!r}")
        for ins in runs:
            if ins.get(f"{W}author") != author or not ins.get(f"{W}date"):
                fail("a w:ins without the author or a date")

    comments_part = reviewed.part.part_related_by(RT.COMMENTS)
    if comments_part.content_type != (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"):
        fail(f"comments part has content type {comments_part.content_type}")
    root = etree.fromstring(comments_part.blob)
    comments = root.findall(f"{W}comment")
    ids = [c.get(f"{W}id") for c in comments]
    if len(set(ids)) != len(ids):
        fail(f"duplicate comment ids: {ids}")
    body = reviewed.element.body
    for kind in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        found = sorted(e.get(f"{W}id") for e in body.iter(f"{W}{kind}"))
        if found != sorted(ids):
            fail(f"{kind} ids {found} do not match the comments {sorted(ids)}")
    ours = [c for c in comments if c.get(f"{W}author") == author]
    texts = ["".join(t.text or "" for t in c.iter(f"{W}t")) for c in ours]
    print(json.dumps({
        "comments": len(comments),
        "our_comments": len(ours),
        "inserted_paragraphs": len(inserted),
        "first_comment": texts[0] if texts else "",
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
