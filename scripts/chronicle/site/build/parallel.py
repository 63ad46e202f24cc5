"""A second core for MkDocs' two serial loops, through the build cache.

MkDocs converts every page, then renders every page, one at a time in one process. Chronicle
cannot change those loops, but it can fill the build cache ahead of them: a forked copy of the
build (same config, pages, plugins and templates, inherited by `fork`) does the same per-page
work starting from the *last* page and going backwards, storing each result in the cache, while
MkDocs works forwards. When MkDocs reaches a page the copy has done, the cache hits. The two meet
in the middle; the copy stops as soon as MkDocs has passed the page it would do next.

Nothing the copy does reaches the site except through cache entries, and an entry is only used
when its key (a digest of all its inputs) matches what MkDocs itself computes for the page: a
copy that diverged, crashed or was too slow costs time, never correctness.

Only for `mkdocs build` on Linux-like systems with `fork`: `mkdocs serve` runs a web server in
another thread, and forking a process that has threads is not safe.

`BackgroundTask` is the other kind of overlap: work in a thread of MkDocs' own process (the
search index, whose heavy part runs in Pagefind's processes), started after any fork.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

from mkdocs.plugins import get_plugin_logger

log = get_plugin_logger(__name__)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Fork only a single-threaded process: `mkdocs serve` runs its web server in a thread, and
    a forked copy of a process with threads can deadlock on a lock another thread held."""
    return (
        "fork" in multiprocessing.get_all_start_methods()
        and available_cores() > 1
        and threading.active_count() == 1
    )


def start_helper(name: str, pages: Sequence[Any], work: Callable[[Any], None]) -> Helper:
    helper = Helper(name, pages, key=lambda page: page.file.src_uri)
    helper.start(work)
    return helper


class Helper:
    """One forked helper running `work(item)` over `items` from the end, until it meets MkDocs.

    The main process calls `reached(key)` as MkDocs gets to each item and `stop()` when the
    loop is over (or the build ends).
    """

    def __init__(self, name: str, items: Sequence[Any], key: Callable[[Any], str]) -> None:
        self.name = name
        self.items = list(items)
        self.index = {key(item): i for i, item in enumerate(self.items)}
        self._ctx = multiprocessing.get_context("fork")
        # Shared memory: how far MkDocs has got. No lock: one writer, a stale read is harmless.
        self._position = self._ctx.Value("l", -1, lock=False)
        self._process: Any = None
        self._owner = os.getpid()  # only MkDocs' own process reports progress

    def start(self, work: Callable[[Any], None]) -> None:
        if len(self.items) < 2:
            return
        self._process = self._ctx.Process(
            target=self._run, args=(work,), name=f"chronicle-{self.name}", daemon=True
        )
        # perf: the copy shares MkDocs' memory until either side writes to a page of it, and the
        # cycle collector writes to every object it walks, so a collection in either process
        # copies pages of the other's heap. Frozen objects are left out of collections, as
        # Python's documentation advises before a fork; they are unfrozen when the copy stops
        # (measured, clean build of 30,000 articles: 396 s of CPU → 371 s).
        gc.freeze()
        self._process.start()

    def _run(self, work: Callable[[Any], None]) -> None:
        for i in range(len(self.items) - 1, -1, -1):
            if self._position.value >= i - 1:
                break  # MkDocs is here or past it: the rest is already done
            if os.getppid() != self._owner:
                break  # MkDocs' process was killed: its build is over, and so is this copy's
            try:
                work(self.items[i])
            except Exception:
                continue

    def reached(self, key: str) -> None:
        if os.getpid() != self._owner:
            return  # the helper runs the same plugin code: its progress is not MkDocs'
        i = self.index.get(key)
        if i is not None and i > self._position.value:
            self._position.value = i

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        gc.unfreeze()
        self._position.value = len(self.items)
        process.join(timeout=10)
        if process.is_alive():
            process.terminate()
            process.join()


class BackgroundTask:
    """A function run in a thread; `result()` waits for it and re-raises its exception."""

    def __init__(self, work: Callable[[], None]) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), name="chronicle-search")
        self._thread.start()

    def _run(self, work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:  # handed to the main thread in result()
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> None:
        self.wait()
        if self._error is not None:
            raise self._error
