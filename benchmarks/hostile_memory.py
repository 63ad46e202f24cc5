"""What one hostile file costs: peak memory (RSS) and time of `chronicle add` of it, and of a
clean `chronicle build` of a small site with it placed in the archive by hand.

    python -m benchmarks.hostile_memory [--articles 10] [--warc-mb 20]

Families: a YAML alias bomb in front matter (about 1 KB that would expand to 10^9 values), a
paragraph of 90,000 `[` (Python-Markdown is about quadratic on it), a gzip bomb (1 GB of zeros
in about 1 MB, as `.html.gz`) and the same bomb gzipped again, and a big web archive (`.warc.gz`
of distinct pages, just under `--max-size`). A row "ordinary" gives the same commands on an
ordinary clipping, to compare with. Files that cannot be stored (the bombs) have no build row:
nothing of them reaches the site.

Memory is the largest resident set of any one process of the command (the kernel's account of
its waited-for descendants, so exact for Pagefind and `add`'s workers too), read by a wrapper
process around each command: a fresh account per command.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from . import corpus

# Runs argv[1:], then prints the largest resident set (KiB) of any process it waited for.
WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)
CHRONICLE = [sys.executable, "-m", "chronicle"]
PAGE_BYTES = 1 << 20  # each page of the big WARC
FRONT = "---\nid: {id}\ntitle: {title}\ndate: 2025-03-21\nsource: Test Wire\n"


@dataclass(frozen=True)
class Measured:
    wall: float
    peak_mb: float
    status: int


def measure(cmd: list[str], cwd: Path) -> Measured:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *cmd], cwd=cwd, capture_output=True, text=True
    )
    status, kib = done.stderr.strip().splitlines()[-1].split()
    return Measured(time.perf_counter() - started, int(kib) / 1024, int(status))


def alias_bomb(slug: str) -> str:
    lines = ["  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    front = FRONT.format(id=slug, title="Alias bomb")
    return front + "extra:\n" + "\n".join(lines) + "\n---\nA body.\n"


def brackets(slug: str) -> str:
    return FRONT.format(id=slug, title="Bracket storm") + "---\n" + "[" * 90_000 + "\n"


def gzip_bomb(size: int = 1 << 30) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()


def big_warc(megabytes: int) -> bytes:
    """Distinct news-like pages (no two near-duplicates), gzipped per record, about
    `megabytes` in all."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    rng = random.Random(11)
    vocabulary = [w.lower() for name in corpus.TOPICS + corpus.SOURCES for w in name.split()]
    vocabulary += corpus.FIRST + corpus.LAST + [str(n) for n in range(1000)]
    paragraphs = (" ".join(rng.choices(vocabulary, k=120)).capitalize() + "." for _ in iter(int, 1))
    n = 0
    while out.tell() < megabytes << 20:
        title = f"Page {n} of a big capture"
        parts, size = [], 0
        while size < PAGE_BYTES:  # distinct text: it compresses as news does, about 3:1
            parts.append(f"<p>{next(paragraphs)}</p>")
            size += len(parts[-1])
        page = (
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{''.join(parts)}</article></body></html>"
        ).encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/news/{n}",
            "response",
            payload=io.BytesIO(page),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-03T10:00:00Z"},
        )
        writer.write_record(record)
        n += 1
    return out.getvalue()


def inputs(folder: Path, warc_mb: int) -> dict[str, tuple[Path, str | None]]:
    """Family → (the file to add, the text of a stored article to place by hand or None)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    ordinary = folder / "ordinary.txt"
    words = ["harbour", "council", "talks", "envoy", "border", "village", "bridge", "court"]
    ordinary.write_text(" ".join(rng.choice(words) for _ in range(600)) + ".\n", "utf-8")
    files = {"ordinary": (ordinary, None)}
    for name, make in (("alias bomb", alias_bomb), ("[ x 90,000", brackets)):
        path = folder / f"{name.split()[0].strip('[') or 'brackets'}.md"
        text = make(path.stem)
        path.write_text(text, encoding="utf-8")
        files[name] = (path, text)
    bomb = gzip_bomb()
    (folder / "bomb.html.gz").write_bytes(bomb)
    (folder / "double.html.gz").write_bytes(gzip.compress(bomb))
    files["gzip bomb (1 GB)"] = (folder / "bomb.html.gz", None)
    files["gzip bomb, gzipped again"] = (folder / "double.html.gz", None)
    (folder / "big.warc.gz").write_bytes(big_warc(warc_mb))
    files[f"WARC of {warc_mb} MB"] = (folder / "big.warc.gz", None)
    return files


def site(root: Path, articles: int) -> Path:
    project = corpus.write_chronicle(root, articles)
    corpus.set_material_search(project, on=False)
    return project


def _row(family: str, size: int, add: Measured, added: int, build: Measured | None) -> str:
    shown = "n/a" if build is None else f"{build.wall:.1f} s, {build.peak_mb:.0f} MB"
    if build is not None and build.status:
        shown += f" (exit {build.status})"
    return (
        f"| {family} | {size / 2**20:.2f} MB | {add.wall:.1f} s, {add.peak_mb:.0f} MB "
        f"(exit {add.status}) | {added} | {shown} |"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile_memory")
    parser.add_argument("--articles", type=int, default=10, help="ordinary articles in the site")
    parser.add_argument("--warc-mb", type=int, default=20, help="size of the big WARC")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    rows = []
    print(
        "| family | file | add: time, peak RSS | stored | clean build: time, peak RSS |\n"
        "|---|---:|---|---:|---|",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="chronicle-hostile-") as tmp:
        root = Path(tmp)
        files = inputs(root / "inbox", args.warc_mb)
        for family, (path, stored) in files.items():
            project = site(root / "site", args.articles)
            archive = project / "docs" / "articles"
            add = measure([*CHRONICLE, "add", str(path), "--archive", str(archive)], project)
            added = len(list(archive.rglob("*.md"))) - args.articles
            if stored is not None:  # a hand-placed article, as if `add` had let it through
                (archive / path.name).write_text(stored, encoding="utf-8")
            build = None
            if stored is not None or added > 0 or family == "ordinary":
                build = measure([*CHRONICLE, "build", "--clean"], project)
            rows.append((family, path.stat().st_size, add, added, build))
            print(_row(*rows[-1]), flush=True)  # as it comes: a big WARC takes minutes
            shutil.rmtree(project)
    if args.json:
        data = [
            {
                "family": f,
                "bytes": s,
                "add": vars(a),
                "stored": n,
                "build": None if b is None else vars(b),
            }
            for f, s, a, n, b in rows
        ]
        args.json.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
