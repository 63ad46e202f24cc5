"""Run one command and measure it: wall time, CPU time, peak memory of its process tree."""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is a benchmark extra
    psutil = None  # type: ignore[assignment]

POLL_SECONDS = 0.02


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and everything it started
    peak_mb: float  # largest resident set of the process tree seen while polling (MiB)
    main_peak_mb: float  # the same for the command's own process alone (no helpers)
    returncode: int
    stderr: str


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):  # a child that exited while we looked
            total += p.memory_info().rss
    return total


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion. CPU comes from the kernel's accounting of waited-for children
    (exact); memory is polled every 20 ms over the whole process tree (a pool of workers counts)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = main_peak = 0
    if psutil is not None:
        watched = psutil.Process(proc.pid)
        while proc.poll() is None:
            try:
                main_peak = max(main_peak, watched.memory_info().rss)
                peak = max(peak, _tree_rss(watched))
            except psutil.Error:
                break
            time.sleep(POLL_SECONDS)
    _, stderr = proc.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if psutil is None:
        # Without psutil: the largest child ever (KiB on Linux); only exact for the first run.
        peak = main_peak = after.ru_maxrss * 1024
    return Run(wall, cpu, peak / 2**20, main_peak / 2**20, proc.returncode, stderr)


def tree_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20
