#!/usr/bin/env python3
"""Writes the version pairs that `clausegap diff` is tested on.

Each pair is two sources in samples/src/ (same format as generate.py, whose
functions this script reuses) that differ only by the redline described at
the top of the later one. The .docx files are written next to the others as
samples/diff-*.docx, byte-for-byte deterministic like every generated sample.

    python3 samples/generate_diff.py            # rewrite every diff sample
    python3 samples/generate_diff.py --check    # exit 1 if a committed one differs
"""

import os
import sys
import tempfile

import generate

# The versions, oldest first; tests/e2e/diff_test.cc relies on these names.
VERSIONS = ["diff-v1", "diff-v2", "diff-v3"]


def check(name):
    """Returns True when samples/<name>.docx is what its source generates."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = generate.generate(name, tmp)
        committed = os.path.join(generate.HERE, name + ".docx")
        if not os.path.exists(committed):
            return False
        with open(fresh, "rb") as a, open(committed, "rb") as b:
            return a.read() == b.read()


def main(argv):
    status = 0
    for name in VERSIONS:
        if "--check" in argv:
            same = check(name)
            print(f"{name}.docx: {'up to date' if same else 'DIFFERS from its source'}")
            status |= 0 if same else 1
        else:
            print(generate.generate(name, generate.HERE))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
