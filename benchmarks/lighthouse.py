"""Lighthouse (mobile) on a built site's six kinds of page, a few runs each, the median kept.

Uses the shared audit kit (`../shared/audit`: `serve.sh`, `lighthouse.sh`, `stop.sh`, installed
by its `setup.sh` into `$AUDIT_HOME`). Lighthouse's mobile performance score moves by a few
points from run to run on a loaded machine, so decisions take the median of the runs.

    python -m benchmarks.lighthouse SITE_DIR --port 8761 --runs 3 --query ceasefire \\
        --page home= --page year=archive/2025/ ... --json out.json

The kit's server sends every file uncompressed, which is what the figures in RESULTS.md (and the
audit) measure. `--gzip` serves the site gzipped instead (compressing_server.py), as most static
hosts do, to see the same pages as a phone would get them from such a host.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from benchmarks.compressing_server import serving

# The kit beside the repository (`../shared/audit`), unless AUDIT_KIT says where.
KIT = Path(os.environ.get("AUDIT_KIT", Path(__file__).resolve().parents[2] / "shared" / "audit"))
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run_once(url: str) -> dict:
    """One Lighthouse run: its scores, metrics and the audits that lost points."""
    with tempfile.TemporaryDirectory(prefix="chronicle-lh-") as out:
        done = subprocess.run(
            ["bash", str(KIT / "lighthouse.sh"), url, out],
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}: {done.stderr.strip()[-300:]}")
    return json.loads(done.stdout)


def medians(runs: list[dict]) -> dict[str, float]:
    return {c: statistics.median(r["scores"][c] for r in runs) for c in CATEGORIES}


@contextmanager
def kit_server(site: Path, port: int) -> Iterator[str]:
    """The audit kit's server (uncompressed) on `port` while the block runs; its base URL."""
    base = subprocess.run(
        ["bash", str(KIT / "serve.sh"), str(site), str(port)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    try:
        yield base
    finally:
        subprocess.run(["bash", str(KIT / "stop.sh"), str(port)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8761)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--page", action="append", default=[], help="NAME=PATH (site-relative)")
    parser.add_argument("--json", type=Path, help="write every run here")
    parser.add_argument("--gzip", action="store_true", help="serve text gzipped, as most hosts do")
    args = parser.parse_args()
    server = serving if args.gzip else kit_server
    results: dict[str, list[dict]] = {}
    with server(args.site, args.port) as base:
        for spec in args.page:
            name, _, path = spec.partition("=")
            results[name] = [run_once(base + path) for _ in range(args.runs)]
            m = medians(results[name])
            lost = sorted({a for r in results[name] for c in r["lost_points"].values() for a in c})
            print(name, " ".join(f"{c}={m[c]:g}" for c in CATEGORIES), "lost:", lost, flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
