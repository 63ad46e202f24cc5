"""Adding one article to a large archive: `chronicle add clipping.txt` on N stored articles.

    python -m benchmarks.add_one --sizes 1000,10000 [--profile light] [--python PYTHON]

The archive is the generated corpus (benchmarks/corpus.py) in the repository's site set-up
(mkdocs.yml beside docs/, so `chronicle add` shares the site's cache folder). Two adds, each a
new plain-text clipping with a sidecar and each in a fresh process: the first finds no memo
(a fresh checkout, or a cleared cache), the second finds the first one's. Each row gives the
wall and CPU time of the whole command and how many stored files it parsed (calls of
`ArticleStore.read`, counted in the process). `--python` runs another checkout's interpreter
(its editable install) on the same archive, for before/after figures.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

from . import corpus
from .measure import run

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


def write_clipping(folder: Path, index: int, profile: str = "light") -> Path:
    """Article `index` of the corpus as a curator's clipping: plain text and a sidecar."""
    article = corpus.make_post(index, profile=profile).article
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
