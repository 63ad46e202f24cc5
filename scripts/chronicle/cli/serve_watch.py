"""`python -m chronicle.cli.serve_watch serve …`: `mkdocs serve`, run by `chronicle serve`, told
of changes by the operating system instead of by polling.

MkDocs' live-reload server polls the folders it watches every 0.5 s, listing and stat-ing every
file (watchdog's `PollingObserver`). perf: over a 10,000-article archive one poll took 0.3–0.5 s
(0.14–0.2 s CPU, measured with watchdog's `DirectorySnapshot` on 12,284 files), so a new article
was seen 0.5–1 s after `chronicle add` wrote it, and the polling took about a third of a core
from the rebuild the whole time the server ran. On Linux, inotify (watchdog's native observer)
tells the server at once and costs nothing between changes; where it cannot start (the system's
limit on watches reached), the server falls back to MkDocs' polling and says so. A folder whose
changes the kernel never hears of (one mounted from another machine) needs `chronicle serve
--poll`. Elsewhere MkDocs' polling stays: its native observers were dropped for missed changes.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.observers import Observer

log = logging.getLogger("mkdocs.commands.serve")


class _Native(Observer):  # type: ignore[misc,valid-type]
    """The native observer, which may be started before MkDocs starts it."""

    def start(self) -> None:
        if not self.is_alive():
            super().start()


class NativeWatchServer(LiveReloadServer):
    """MkDocs' live-reload server with the native observer (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._polling = self.observer
        if sys.platform.startswith("linux"):
            self.observer = _Native()

    def serve(self, *, open_in_browser: bool = False) -> None:
        if self._watched_paths and self.observer is not self._polling:
            try:
                self.observer.start()
            except OSError as exc:
                self._poll_instead(exc)
        super().serve(open_in_browser=open_in_browser)

    def _poll_instead(self, exc: OSError) -> None:
        self.observer.stop()
        watched = dict(self._watched_paths)
        self._watched_paths.clear()
        self._watch_refs.clear()
        self.observer = self._polling
        for path, count in watched.items():
            for _ in range(count):
                self.watch(path)
        log.warning(f"Cannot be told of changes ({exc.strerror or exc}): polling for them instead")


def main(argv: list[str]) -> None:
    import mkdocs.commands.serve

    from chronicle.cli import run_mkdocs

    mkdocs.commands.serve.LiveReloadServer = NativeWatchServer  # type: ignore[misc]
    run_mkdocs.run(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
