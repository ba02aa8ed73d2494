#!/usr/bin/env python3
"""clausegap on a Dask cluster: a recipe that checks itself.

Starts a loopback Dask cluster (two worker processes, one thread each), splits
a corpus into partitions -- among them an empty one and one whose files are
all unreadable -- and checks every partition with `clausegap check --mapper`
twice: once with the documents sent as bytes (clausegap-frame/1 records on
standard input, as a worker that fetched them from object storage would) and
once as paths (`--files-from -`, for a shared file system). In each run one
task kills its own worker in the middle of its partition; Dask starts a new
worker and runs the task again. Then it checks that

  * every partition exited 0 (gaps and unreadable files are lines, not failures),
  * every document is reported exactly once,
  * `clausegap summarize` over the partitions' outputs gives the totals of
    one local `clausegap check` over the whole corpus.

Usage:
  run.py --clausegap build/clausegap [--corpus DIR] [--samples samples/] [--keep DIR]

Without --corpus it builds one from the sample contracts (copies under other
names, plus broken files). Exits 0 when every check holds, 1 when one fails,
77 when Dask's `distributed` is not installed (apt-get install python3-distributed).
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

try:
    from distributed import Client, LocalCluster
except ImportError:
    print("skipped: Dask's distributed is not installed (Debian: apt-get install python3-distributed)")
    sys.exit(77)


def frame(name, data):
    """One clausegap-frame/1 record: header line, name, data, newline."""
    encoded = name.encode("utf-8")
    return b"clausegap-frame/1 %d %d\n" % (len(encoded), len(data)) + encoded + data + b"\n"


def check_bytes(clausegap, paths, kill_marker):
    """A task: reads its documents and sends them to clausegap as frames.

    In a real job the bytes would come from object storage; here they are
    read from disk by the worker. When |kill_marker| names a file that does
    not exist yet, the task creates it and kills its own worker half-way
    through the stream, as a lost machine would.
    """
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([clausegap, "check", "--mapper", "--stdin", "frames"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors)

        def feed():
            # A thread writes while this one reads, so that neither pipe fills up.
            for i, path in enumerate(paths):
                with open(path, "rb") as f:
                    process.stdin.write(frame(path, f.read()))
                if kill_marker and i == len(paths) // 2 and not os.path.exists(kill_marker):
                    open(kill_marker, "w").close()
                    os.kill(os.getpid(), signal.SIGKILL)
            process.stdin.close()

        writer = threading.Thread(target=feed)
        writer.start()
        out = process.stdout.read()
        writer.join()
        process.wait()
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError("clausegap exited %d: %s" % (process.returncode, errors.read().decode(errors="replace")))
    return out.decode("utf-8")


def check_paths(clausegap, paths, kill_marker):
    """A task: sends its file names to clausegap (NUL-separated, any name survives)."""
    if kill_marker and not os.path.exists(kill_marker):
        open(kill_marker, "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    result = subprocess.run([clausegap, "check", "--mapper", "--null", "--files-from", "-"],
                            input=b"".join(p.encode("utf-8") + b"\0" for p in paths),
                            capture_output=True, check=False)
    if result.returncode != 0:
        raise RuntimeError("clausegap exited %d: %s" % (result.returncode, result.stderr.decode(errors="replace")))
    return result.stdout.decode("utf-8")


def build_corpus(samples, root, copies=3):
    """Copies of the sample contracts under new names, and broken files."""
    good = sorted(f for f in os.listdir(samples) if f.endswith(".docx"))
    paths = []
    for copy in range(copies):
        folder = os.path.join(root, "batch-%d" % copy)
        os.makedirs(folder)
        for name in good:
            path = os.path.join(folder, "%d-%s" % (copy, name))
            shutil.copyfile(os.path.join(samples, name), path)
            paths.append(path)
    broken = os.path.join(root, "broken")
    os.makedirs(broken)
    with open(os.path.join(samples, good[0]), "rb") as f:
        sample = f.read()
    for name, data in [("truncated.docx", sample[: len(sample) // 2]), ("text.docx", b"plain text"),
                       ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504), ("empty.docx", b"")]:
        with open(os.path.join(broken, name), "wb") as f:
            f.write(data)
    return paths, sorted(os.path.join(broken, n) for n in os.listdir(broken))


def list_corpus(root):
    paths = []
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        paths += [os.path.join(folder, f) for f in sorted(files) if f.endswith((".docx", ".doc", ".pdf"))]
    return paths


def partitions(readable, unreadable, size=5):
    """Partitions of |size| documents, plus an empty and an all-unreadable one."""
    parts = [readable[i:i + size] for i in range(0, len(readable), size)]
    return [[]] + parts[:1] + [unreadable] + parts[1:]


def summarize(clausegap, files):
    result = subprocess.run([clausegap, "summarize", "--format", "json"] + files, capture_output=True, check=False)
    return result.returncode, result.stdout.decode(), result.stderr.decode()


def run_on_cluster(client, task, clausegap, parts, marker, out_dir):
    """Runs |task| on every partition; returns the part files and the seconds taken."""
    start = time.monotonic()
    futures = [client.submit(task, clausegap, part, marker if i == 1 else None, pure=False, retries=2)
               for i, part in enumerate(parts)]
    outputs = client.gather(futures)
    seconds = time.monotonic() - start
    files = []
    for i, text in enumerate(outputs):
        path = os.path.join(out_dir, "part-%04d.jsonl" % i)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        files.append(path)
    return files, seconds


def verify(label, clausegap, files, expected_names, local, failures):
    names = {}
    summary_lines = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        if not lines or lines[-1].get("schema") != "clausegap/summary/v1":
            failures.append("%s: %s does not end with a summary line" % (label, path))
        for line in lines:
            if line.get("schema") == "clausegap/summary/v1":
                summary_lines += 1
            else:
                names[line["file"]] = names.get(line["file"], 0) + 1
    twice = sorted(n for n, c in names.items() if c > 1)
    missing = sorted(set(expected_names) - set(names))
    if twice or missing or len(names) != len(expected_names):
        failures.append("%s: reported twice %s, missing %s" % (label, twice, missing))
    if summary_lines != len(files):
        failures.append("%s: %d summary lines for %d partitions" % (label, summary_lines, len(files)))
    code, out, err = summarize(clausegap, files)
    if code != 0:
        failures.append("%s: summarize exited %d: %s" % (label, code, err))
        return None
    merged = json.loads(out)
    for key in ("documents", "errors", "failed", "warnings", "waived", "skipped", "litter",
                "error_codes", "requirements", "outcome", "rules_sha256", "fail_on"):
        if merged.get(key) != local.get(key):
            failures.append("%s: merged %s is %r, the local run's %r" % (label, key, merged.get(key), local.get(key)))
    return merged


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clausegap", required=True, help="the clausegap binary")
    parser.add_argument("--corpus", help="a folder of contracts (default: built from --samples)")
    parser.add_argument("--samples", default=os.path.join(os.path.dirname(__file__), "..", "..", "samples"))
    parser.add_argument("--keep", help="keep the partition outputs in this folder")
    args = parser.parse_args()
    clausegap = os.path.abspath(args.clausegap)

    with tempfile.TemporaryDirectory(prefix="clausegap-dask-") as scratch:
        if args.corpus:
            readable = list_corpus(args.corpus)
            unreadable = []
            root = args.corpus
        else:
            root = os.path.join(scratch, "corpus")
            readable, unreadable = build_corpus(args.samples, root)
        parts = partitions(readable, unreadable)
        names = readable + unreadable

        # The local run every cluster run must agree with.
        local_file = os.path.join(scratch, "local-summary.json")
        start = time.monotonic()
        local_run = subprocess.run([clausegap, "check", "--format", "jsonl", "--quiet", "--null", "--files-from", "-",
                                    "--summary-json", local_file],
                                   input=b"".join(n.encode() + b"\0" for n in names), capture_output=True)
        local_seconds = time.monotonic() - start
        if local_run.returncode not in (0, 1):
            print("local run failed (exit %d): %s" % (local_run.returncode, local_run.stderr.decode()))
            return 1
        with open(local_file, encoding="utf-8") as f:
            local = json.load(f)

        failures = []
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               local_directory=os.path.join(scratch, "dask"), silence_logs=50)
        client = Client(cluster)
        try:
            timings = {}
            for label, task in (("bytes", check_bytes), ("paths", check_paths)):
                out_dir = os.path.join(args.keep or scratch, label)
                os.makedirs(out_dir, exist_ok=True)
                marker = os.path.join(scratch, "killed-" + label)
                files, timings[label] = run_on_cluster(client, task, clausegap, parts, marker, out_dir)
                if not os.path.exists(marker):
                    failures.append("%s: no worker was killed" % label)
                merged = verify(label, clausegap, files, names, local, failures)
                if merged:
                    print("%s: %d partitions (%d documents, one empty, one all unreadable), a worker killed "
                          "and its task retried: %d documents, %d unreadable, %d failing the gate, in %.1f s"
                          % (label, len(parts), len(names), merged["documents"], merged["errors"],
                             merged["failed"], timings[label]))
        finally:
            client.close()
            cluster.close()
        print("local run: %d documents in %.1f s" % (local["documents"], local_seconds))
        for failure in failures:
            print("FAILED: " + failure)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
