"""Adding one article to a large archive: `chronicle add clipping.txt` on N stored articles.

    python -m benchmarks.add_one --sizes 1000,10000 [--profile light] [--python PYTHON]

The archive is the generated corpus (benchmarks/corpus.py) in the repository's site set-up
(mkdocs.yml beside docs/, so `chronicle add` shares the site's cache folder). Two adds, each a
new plain-text clipping with a sidecar and each in a fresh process: the first finds no memo
(a fresh checkout, or a cleared cache), the second finds the first one's. Each row gives the
wall and CPU time of the whole command and how many stored files it parsed (calls of
`ArticleStore.read`, counted in the process). `--python` runs another checkout's interpreter
(its editable install) on the same archive, for before/after figures.

`build_speed` takes three more rows from here (`served_rows`): from `chronicle add` to the new
article's page served by `chronicle serve`, and the throughput of `chronicle add inbox/` and of
`chronicle enrich` on the same generated articles.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from . import corpus
from .measure import Run, run

OUT = Path(__file__).resolve().parent / "out"

# `chronicle ARGS` in this process, with ArticleStore.read counted; the count on stderr's last line.
COUNTING = """
import sys
import chronicle.archive.store as store
from chronicle.cli.main import main
calls = [0]
parse = store.ArticleStore.read
def counted(self, path):
    calls[0] += 1
    return parse(self, path)
store.ArticleStore.read = counted
try:
    main(args=sys.argv[1:], prog_name="chronicle")
finally:
    print(f"stored files parsed: {calls[0]}", file=sys.stderr)
"""
PARSED = re.compile(r"stored files parsed: (\d+)")


def write_clipping(folder: Path, index: int, profile: str = "light", seed: int = 7) -> Path:
    """Article `index` of the corpus as a curator's clipping: plain text and a sidecar."""
    article = corpus.make_post(index, seed, profile).article
    folder.mkdir(parents=True, exist_ok=True)
    text = folder / f"clipping-{index}.txt"
    text.write_text(article.body, encoding="utf-8")
    sidecar = {
        "title": article.title,
        "date": article.date.edtf if article.date else None,
        "source": article.source,
        "topics": list(article.topics),
    }
    text.with_suffix(".yml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")
    return text


def add_one(python: str, project: Path, clipping: Path) -> tuple[float, float, int]:
    """(wall s, CPU s, stored files parsed) of one `chronicle add` in `project`."""
    result = run([python, "-c", COUNTING, "add", str(clipping)], cwd=project)
    parsed = PARSED.findall(result.stderr)
    if result.returncode != 0 or not parsed:
        raise SystemExit(f"chronicle add failed:\n{result.stderr[-2000:]}")
    return result.wall, result.cpu, int(parsed[-1])


# --- rows for build_speed: add to served, ingest and enrich throughput ---------------------------

CHRONICLE = [sys.executable, "-m", "chronicle"]
ADDED = re.compile(r"^added\s+(\S+\.md)", re.M)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def add_to_served(project: Path, clipping: Path, timeout: float = 900) -> tuple[float, float]:
    """(s from the start of `chronicle add clipping` to its article's page served by a running
    `chronicle serve`, s of the add alone). The server is started and its first build awaited
    first; the page is asked for every 0.1 s until it answers."""
    server = subprocess.Popen(
        [*CHRONICLE, "serve", "-a", f"127.0.0.1:{_free_port()}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:  # the server's log, read on a thread so that waiting can time out
        for line in server.stdout or []:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    try:
        base = _wait_for(server, lines, r"Serving on (\S+)", timeout).group(1).rstrip("/") + "/"
        time.sleep(2)  # let the watcher settle after the first build
        start = time.perf_counter()
        added = subprocess.run(
            [*CHRONICLE, "add", str(clipping)], cwd=project, capture_output=True, text=True
        )
        add_wall = time.perf_counter() - start
        found = ADDED.search(added.stdout)
        if added.returncode != 0 or not found:
            raise SystemExit(f"chronicle add failed:\n{added.stdout}{added.stderr[-2000:]}")
        page = Path(found.group(1)).relative_to("docs").with_suffix("").as_posix() + "/"
        deadline = start + timeout
        while time.perf_counter() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(base + page, timeout=5) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - start, add_wall
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        raise SystemExit(f"chronicle serve never served {base + page}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def _wait_for(
    server: subprocess.Popen[str], lines: queue.Queue[str], pattern: str, timeout: float
) -> re.Match[str]:
    log: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        log.append(line)
        if found := re.search(pattern, line):
            return found
    raise SystemExit(f"chronicle serve: no '{pattern}':\n{''.join(log[-30:])}")


def ingest_and_enrich(out: Path, size: int, seed: int, profile: str) -> tuple[Run, Run]:
    """`chronicle add inbox/` of `size` clippings (plain text + sidecar) into an empty archive
    of the repository's site set-up, then `chronicle enrich` of that archive."""
    project = corpus.write_chronicle(out / f"ingest-{profile}-{size}", 0, seed, profile)
    inbox = project / "inbox"
    shutil.rmtree(inbox, ignore_errors=True)
    for index in range(size):
        write_clipping(inbox, index, profile, seed)
    added = run([*CHRONICLE, "add", "inbox"], cwd=project)
    if added.returncode != 0:
        raise SystemExit(f"chronicle add inbox/ failed:\n{added.stderr[-2000:]}")
    stored = sum(1 for _ in (project / "docs" / "articles").rglob("*.md"))
    if stored != size:
        raise SystemExit(f"chronicle add inbox/ stored {stored} of {size} articles")
    enriched = run([*CHRONICLE, "enrich"], cwd=project)
    if enriched.returncode != 0:
        raise SystemExit(f"chronicle enrich failed:\n{enriched.stderr[-2000:]}")
    return added, enriched


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.add_one", description=__doc__)
    parser.add_argument("--sizes", default="1000", help="comma-separated archive sizes")
    parser.add_argument("--python", default=sys.executable, help="the interpreter to measure")
    parser.add_argument("--profile", choices=("light", "realistic"), default="realistic")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    rows = [
        "| stored articles | add | wall s | CPU s | stored files parsed |",
        "|---:|---|---:|---:|---:|",
    ]
    for size in (int(s.replace("_", "")) for s in args.sizes.split(",") if s):
        project = corpus.write_chronicle(
            args.out / f"add-one-{args.profile}-{size}", size, profile=args.profile
        )
        print(f"add_one: {size:,} …", file=sys.stderr, flush=True)
        for label, index in (("first (no memo)", size), ("second (memo of the first)", size + 1)):
            clipping = write_clipping(project, index, args.profile)
            wall, cpu, parsed = add_one(args.python, project, clipping)
            rows.append(f"| {size:,} | {label} | {wall:.2f} | {cpu:.2f} | {parsed:,} |")
    print(
        f"\n## Add one article (`chronicle add clipping.txt`, plain text + sidecar; "
        f"{args.profile} profile)\n"
    )
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
