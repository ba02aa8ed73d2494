"""The Python module against the CLI: for every sample, analyse() on its
bytes and on its path gives the document object `clausegap check --format
json` prints, and info gives the CLI's pack and version.

Run by ctest with PYTHONPATH at the build tree, CLAUSEGAP_EXE the built
binary and CLAUSEGAP_SAMPLES the samples folder.
"""
import concurrent.futures
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

import clausegap

EXE = os.environ["CLAUSEGAP_EXE"]
SAMPLES = sorted(pathlib.Path(os.environ["CLAUSEGAP_SAMPLES"]).glob("*.docx"))


def cli_json(paths, *extra):
    run = subprocess.run([EXE, "check", "--format", "json", "--no-config",
                          "--quiet", *extra, *map(str, paths)],
                         capture_output=True, check=False)
    if run.returncode not in (0, 1, 2) or not run.stdout:
        raise AssertionError(f"clausegap check exited {run.returncode}: {run.stderr!r}")
    return json.loads(run.stdout)


class ModuleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.analyzer = clausegap.Analyzer()
        cls.cli = cli_json(SAMPLES)

    def test_samples_equal_the_cli_json_from_bytes_and_from_paths(self):
        self.assertGreaterEqual(len(SAMPLES), 5)
        for path, expected in zip(SAMPLES, self.cli["documents"]):
            with self.subTest(sample=path.name):
                self.assertEqual(expected["status"], "ok")
                from_bytes = self.analyzer.analyse(path.read_bytes(), name=str(path))
                self.assertEqual(from_bytes, expected)
                self.assertEqual(list(from_bytes), list(expected))  # key order too
                self.assertEqual(self.analyzer.analyse(str(path)), expected)
                self.assertEqual(self.analyzer.analyse(path), expected)  # os.PathLike

    def test_bytes_default_name_and_mutable_buffers(self):
        data = SAMPLES[0].read_bytes()
        doc = self.analyzer.analyse(bytearray(data))
        self.assertEqual(doc["file"], "<bytes>")
        self.assertEqual(doc["sha256"], self.cli["documents"][0]["sha256"])
        self.assertEqual(doc["requirements"], self.cli["documents"][0]["requirements"])
        self.assertEqual(self.analyzer.analyse(memoryview(data), name="m.docx")["size"], len(data))

    def test_unreadable_bytes_are_an_error_document_like_the_cli(self):
        with tempfile.TemporaryDirectory() as tmp:
            bad = pathlib.Path(tmp, "broken.docx")
            bad.write_bytes(b"PK\x03\x04 not really a zip")
            expected = cli_json([bad])["documents"][0]
            doc = self.analyzer.analyse(bad.read_bytes(), name=str(bad))
        self.assertEqual(doc["status"], "error")
        self.assertEqual(doc, expected)

    def test_pdf_bytes_go_through_the_pdf_reader_like_the_cli(self):
        # A minimal PDF; poppler rebuilds the xref table it lacks.
        pdf = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
               b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
               b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
               b"4 0 obj << /Length 90 >> stream\n"
               b"BT /F1 12 Tf 72 770 Td (Article 1. The vendor shall keep the data secret.) Tj ET\n"
               b"endstream endobj\n"
               b"5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
               b"trailer << /Root 1 0 R >>\n%%EOF\n")
        with tempfile.TemporaryDirectory() as tmp:
            path = pathlib.Path(tmp, "short.pdf")
            path.write_bytes(pdf)
            expected = cli_json([path])["documents"][0]
        doc = self.analyzer.analyse(pdf, name=str(path))
        self.assertEqual(doc["status"], "ok")
        self.assertEqual(doc, expected)

    def test_english_and_gate_options(self):
        path = SAMPLES[0]
        expected = cli_json([path], "--lang", "en", "--fail-on", "missing")["documents"][0]
        doc = self.analyzer.analyse(str(path), lang="en", fail_on="missing")
        self.assertEqual(doc, expected)
        with self.assertRaises(ValueError):
            self.analyzer.analyse(str(path), lang="fr")

    def test_info_names_the_cli_pack_and_version(self):
        run = self.cli["run"]
        info = self.analyzer.info
        self.assertEqual(info["tool_version"], run["tool_version"])
        self.assertEqual(clausegap.__version__, run["tool_version"])
        self.assertEqual(info["rules_sha256"], run["rules_sha256"])
        self.assertEqual([p["sha256"] for p in info["rule_packs"]],
                         [p["sha256"] for p in run["rule_packs"]])
        self.assertEqual(info["rule_packs"][0]["name"], run["rule_packs"][0]["name"])
        self.assertEqual(clausegap.REPORT_SCHEMA, self.cli["schema"])

    def test_threads_share_one_analyzer(self):
        blobs = [(p.read_bytes(), str(p)) for p in SAMPLES] * 3
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            docs = list(pool.map(lambda b: self.analyzer.analyse(b[0], name=b[1]), blobs))
        expected = self.cli["documents"] * 3
        self.assertEqual(docs, expected)

    def test_a_pack_that_does_not_load_raises_with_the_reason(self):
        with self.assertRaises(RuntimeError) as raised:
            clausegap.Analyzer(rules=["/nonexistent/pack.jsonc"])
        self.assertIn("/nonexistent/pack.jsonc", str(raised.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2, argv=[sys.argv[0]])
