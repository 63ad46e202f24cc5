"""Ingest throughput: `chronicle add inbox/` on N plain-text clippings, in articles per second.

    python -m benchmarks.ingest_speed --sizes 300,1000

Each clipping is a generated article (benchmarks/corpus.py) as plain text with a sidecar
(`<name>.yml`: title, date, source, topics), the way a curator drops files into an inbox. The
whole command runs in a subprocess: reading, the metadata cascade, whatever enrichment the
pipeline does, duplicate checks and writing the store.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

from . import corpus
from .measure import run

OUT = Path(__file__).resolve().parent / "out"


def write_inbox(folder: Path, count: int, seed: int) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for post in corpus.posts(count, seed):
        a = post.article
        name = f"{post.index:06d}"
        (folder / f"{name}.txt").write_text(a.body, encoding="utf-8")
        sidecar = {
            "title": a.title,
            "date": a.date.edtf if a.date else None,
            "source": a.source,
            "topics": list(a.topics),
        }
        (folder / f"{name}.yml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ingest_speed", description=__doc__)
    parser.add_argument("--sizes", default="300,1000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rows = [
        "| articles | wall s | CPU s | peak MB | articles/s (wall) |",
        "|---:|---:|---:|---:|---:|",
    ]
    for size in (int(s.replace("_", "")) for s in args.sizes.split(",") if s):
        root = OUT / f"ingest-{size}"
        write_inbox(root / "inbox", size, args.seed)
        archive = root / "articles"
        shutil.rmtree(archive, ignore_errors=True)
        print(f"ingest_speed: {size:,} …", file=sys.stderr, flush=True)
        result = run(
            [sys.executable, "-m", "chronicle", "add", "inbox", "--archive", str(archive)],
            cwd=root,
        )
        if result.returncode != 0:
            raise SystemExit(f"chronicle add failed:\n{result.stderr[-2000:]}")
        stored = sum(1 for _ in archive.rglob("*.md"))
        if stored != size:
            raise SystemExit(f"chronicle add stored {stored} of {size} articles")
        rows.append(
            f"| {size:,} | {result.wall:.1f} | {result.cpu:.1f} | {result.peak_mb:.0f} | "
            f"{size / result.wall:.0f} |"
        )
    print("\n## Ingest (`chronicle add inbox/`, plain text + sidecar, one process)\n")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
