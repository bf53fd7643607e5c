#!/usr/bin/env python3
"""Reload times inside `llmqa serve`: from saving a page to the server telling the open pages to reload.

For each jar (A B ... alternating, each on its own copy of the project), starts `llmqa serve`, listens to its
server-sent events as a browser page does, and times, per edit, the save -> `reload` event: a prose edit (a word
in a paragraph), code that runs (a java block added at the end of the page; the preview server runs it in the
page's open session), code mid-page (a java block added before the page's first section: the page runs again from
its start), a new paragraph (before the first section: the code below it moves down two lines), and a new
formula. Prints medians and, with two or more jars, the ratio to the first; and the first edit of each kind (the
first save after serve started, 5 s after it printed "serving", pays for whatever a rebuild starts on first use).
The time a browser then takes to load the page is not included.
Prints figures; asserts nothing.

Usage: bench/serve.py [-r K] [--site DIR] [JAR ...]
  -r K        edits of each kind per jar (default 5)
  --site DIR  the project to copy (default: this checkout: content/, templates/, examples/, diagrams/)
  JAR         thin jars to compare (their lib/ beside them); default: this checkout's target/llmqa.jar
  BENCH_PAGE=content/questions/NAME.md  the page edited (default content/questions/08-kv-cache.md), e.g. for a
              bench/scale.sh --site tree
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.environ.get("BENCH_PAGE", "content/questions/08-kv-cache.md")


class Serve:
    """One `llmqa serve` on its own copy of the project, with one event-stream listener."""

    def __init__(self, jar, site, work):
        self.root = os.path.join(work, os.path.basename(os.path.dirname(jar)) + "-" + str(id(self)))
        for part in ("content", "templates", "examples", "diagrams", "tools", ".llmqa"):
            source = os.path.join(site, part)
            if os.path.isdir(source):
                shutil.copytree(source, os.path.join(self.root, part), symlinks=True)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = open(os.path.join(self.root, "serve.log"), "w+")
        env = dict(os.environ, LLMQA_JAR=jar)
        self.process = subprocess.Popen([os.path.join(REPO, "llmqa"), "serve", "--root", self.root,
                                         "--port", str(self.port)], stdout=self.log, stderr=subprocess.STDOUT,
                                        env=env, start_new_session=True)
        deadline = time.time() + 900
        while "serving" not in self.text():
            if self.process.poll() is not None or time.time() > deadline:
                raise SystemExit("serve did not start:\n" + self.text()[-2000:])
            time.sleep(0.2)
        self.events = []
        self.ready = threading.Event()
        threading.Thread(target=self.listen, daemon=True).start()
        self.ready.wait(30)

    def text(self):
        self.log.flush()
        with open(self.log.name) as f:
            return f.read()

    def listen(self):
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__llmqa/events", timeout=600) as stream:
            self.ready.set()
            for line in stream:
                if line.startswith(b"event:"):
                    self.events.append((time.monotonic(), line.decode().split(":", 1)[1].strip()))

    def edit(self, change):
        """Applies change(text) -> text to the page and returns the seconds until the next reload event."""
        path = os.path.join(self.root, PAGE)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        seen = len(self.events)
        start = time.monotonic()
        with open(path, "w", encoding="utf-8") as f:
            f.write(change(text))
        while len(self.events) == seen:
            if time.monotonic() - start > 300:
                raise SystemExit("no reload within 300 s:\n" + self.text()[-2000:])
            time.sleep(0.002)
        when, kind = self.events[seen]
        if kind != "reload":
            raise SystemExit(f"the rebuild failed ({kind}):\n" + self.text()[-2000:])
        time.sleep(0.5)  # let the watcher settle before the next edit
        return when - start

    def close(self):
        os.killpg(self.process.pid, 15)
        self.process.wait(60)


def word(i):
    """Letters, not digits: the prose check refuses hand-typed numbers in prose and formulas."""
    return "".join("abcdefghij"[int(d)] for d in str(i))


def prose(i):
    return lambda text: re.sub(r"(\n\n[A-Z][^\n]*?) ", lambda m: m.group(1) + f" (edit {word(i)}) ", text, count=1)


def code(i):
    return lambda text: text + f"\n```java\nSystem.out.println({i} * 7);\n```\n"


def code_above(i):
    return lambda text: text.replace("\n## ", f"\n```java\nSystem.out.println({i} * 7);\n```\n\n## ", 1)


def paragraph(i):
    return lambda text: text.replace("\n## ", f"\nA new paragraph, {word(i)}.\n\n## ", 1)


def formula(i):
    return lambda text: text + f"\nA new formula: $x_{{{word(i)}}} = y_{{{word(i)}}}$.\n"


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("-r", type=int, default=5)
    parser.add_argument("--site", default=REPO)
    parser.add_argument("-h", "--help", action="store_true")
    parser.add_argument("jars", nargs="*")
    args = parser.parse_args()
    if args.help:
        print(__doc__.strip())
        return
    jars = args.jars or [os.path.join(REPO, "target", "llmqa.jar")]
    work = tempfile.mkdtemp(prefix="llmqa-serve-bench")
    servers = []
    try:
        servers = [Serve(jar, args.site, work) for jar in jars]
        time.sleep(5)  # as a contributor takes a moment before the first save
        kinds = {"prose edit": prose, "code that runs": code, "code mid-page": code_above,
                 "new paragraph": paragraph, "new formula": formula}
        times = {(k, j): [] for k in kinds for j in range(len(jars))}
        for i in range(args.r):
            for kind, change in kinds.items():
                for j, server in enumerate(servers):
                    times[(kind, j)].append(server.edit(change(1000 * i + j + 1)))
        load = os.getloadavg()[0]
        print(f"save -> reload event inside serve, {args.r} edits each, medians (load {load:.1f}, {os.cpu_count()} cores)")
        for kind in kinds:
            line = f"{kind:16}"
            base = statistics.median(times[(kind, 0)])
            for j, jar in enumerate(jars):
                m = statistics.median(times[(kind, j)])
                line += f"  {chr(65 + j)} {m * 1000:7.0f} ms" + (f" ({m / base:.2f} x A)" if j else "")
            print(line)
        line = f"{'first of each':16}"
        for j, jar in enumerate(jars):
            line += f"  {chr(65 + j)} " + " / ".join(f"{times[(kind, j)][0] * 1000:.0f}" for kind in kinds) + " ms"
        print(line)
        for j, jar in enumerate(jars):
            print(f"{chr(65 + j)} = {jar}")
    finally:
        for server in servers:
            server.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
