"""Run one command and measure it: wall time, CPU time, peak memory of its process tree.

Memory of a tree whose processes fork: a forked child shares its parent's pages until either
writes to them, and each process's resident set (RSS) counts every shared page in full, so the
sum of the tree's RSS counts the same memory twice. The honest figure is the sum of the
proportional set sizes (PSS: a page shared by two processes counts half in each), which adds up
to what the tree really holds; USS (the pages a process alone holds) says what stopping it
would free. Both come from Linux's /proc/PID/smaps_rollup; elsewhere only RSS (psutil) is known.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - psutil is a benchmark extra
    psutil = None  # type: ignore[assignment]

POLL_SECONDS = 0.02
# Reading smaps_rollup walks the process's page tables (milliseconds for gigabytes): sampled
# less often than RSS.
PSS_EVERY_SECONDS = 0.25
PROC = Path("/proc")


@dataclass(frozen=True)
class Usage:
    """Peaks of one kind of process in the tree (MiB), each taken on its own."""

    rss: float = 0.0
    pss: float = 0.0
    uss: float = 0.0


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the command and everything it started
    peak_mb: float  # largest sum of the tree's PSS seen while polling (MiB; RSS without /proc)
    main_peak_mb: float  # largest RSS of the command's own process alone (no helpers)
    returncode: int
    stderr: str
    rss_peak_mb: float = 0.0  # largest sum of the tree's RSS (shared pages counted per process)
    # role → peaks: "main" (the command), "fork" (its forked copies), "pagefind", "other"
    roles: dict[str, Usage] = field(default_factory=dict)

    def memory_note(self) -> str:
        """One line: the tree's peaks and each role's, for a results table."""
        parts = [f"tree PSS {self.peak_mb:.0f} MB (RSS sum {self.rss_peak_mb:.0f})"]
        for role, u in sorted(self.roles.items()):
            if not u.rss:  # a process seen once, as it exited
                continue
            parts.append(f"{role} RSS {u.rss:.0f} / PSS {u.pss:.0f} / USS {u.uss:.0f}")
        return "; ".join(parts)


def _read_kb(path: Path, names: tuple[str, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    try:
        for line in path.read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in names:
                found[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        pass
    return found


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _role(pid: int, root: int, root_exe: str) -> str:
    if pid == root:
        return "main"
    try:
        exe = os.readlink(PROC / str(pid) / "exe")
    except OSError:
        return "other"
    if "pagefind" in Path(exe).name:
        return "pagefind"
    return "fork" if exe == root_exe else "other"


class TreeSampler:
    """Polls a process tree from a thread: RSS every POLL_SECONDS, PSS/USS every
    PSS_EVERY_SECONDS (Linux). `stop()` ends it; the peaks are then in its fields."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.proc = (PROC / str(pid) / "smaps_rollup").exists()
        try:
            self._exe = os.readlink(PROC / str(pid) / "exe") if self.proc else ""
        except OSError:
            self._exe = ""
        self.rss_peak = self.pss_peak = self.main_peak = 0  # KiB
        self.roles: dict[str, list[int]] = {}  # role → [rss, pss, uss] peaks, KiB
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        next_pss = 0.0
        while not self._done.is_set():
            now = time.monotonic()
            deep = self.proc and now >= next_pss
            if deep:
                next_pss = now + PSS_EVERY_SECONDS
            with contextlib.suppress(Exception):  # a process that exited while we looked
                self._sample(deep)
            self._done.wait(POLL_SECONDS)

    def _tree(self) -> list[int]:
        pids, i = [self.pid], 0
        while i < len(pids):
            pids += _children(pids[i])
            i += 1
        return pids

    def _sample(self, deep: bool) -> None:
        if not self.proc:
            self._sample_psutil()
            return
        rss_sum = pss_sum = 0
        for pid in self._tree():
            role = _role(pid, self.pid, self._exe)
            peaks = self.roles.setdefault(role, [0, 0, 0])
            rss = _read_kb(PROC / str(pid) / "status", ("VmRSS",)).get("VmRSS", 0)
            rss_sum += rss
            peaks[0] = max(peaks[0], rss)
            if pid == self.pid:
                self.main_peak = max(self.main_peak, rss)
            if deep:
                names = ("Pss", "Private_Clean", "Private_Dirty")
                kb = _read_kb(PROC / str(pid) / "smaps_rollup", names)
                pss_sum += kb.get("Pss", 0)
                peaks[1] = max(peaks[1], kb.get("Pss", 0))
                uss = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
                peaks[2] = max(peaks[2], uss)
        self.rss_peak = max(self.rss_peak, rss_sum)
        self.pss_peak = max(self.pss_peak, pss_sum)

    def _sample_psutil(self) -> None:
        if psutil is None:
            return
        watched = psutil.Process(self.pid)
        total = 0
        for p in [watched, *watched.children(recursive=True)]:
            try:
                rss = p.memory_info().rss // 1024
            except psutil.Error:
                continue
            total += rss
            if p.pid == self.pid:
                self.main_peak = max(self.main_peak, rss)
        self.rss_peak = max(self.rss_peak, total)

    def stop(self) -> None:
        self._done.set()
        self._thread.join()

    def usage(self) -> dict[str, Usage]:
        return {r: Usage(*(v / 1024 for v in peaks)) for r, peaks in self.roles.items()}


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to completion. CPU comes from the kernel's accounting of waited-for children
    (exact); memory is polled over the whole process tree (a pool of workers counts)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    sampler = TreeSampler(proc.pid)
    _, stderr = proc.communicate()
    sampler.stop()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    rss, main = sampler.rss_peak / 1024, sampler.main_peak / 1024
    pss = sampler.pss_peak / 1024 if sampler.proc else rss
    if not sampler.proc and psutil is None:
        # Neither /proc nor psutil: the largest child ever (KiB on Linux); only exact for the
        # first run.
        rss = pss = main = after.ru_maxrss / 1024
    return Run(wall, cpu, pss, main, proc.returncode, stderr, rss, sampler.usage())


def tree_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20
