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

Told at once, the server would also hear of files being only read (inotify reports every open
and close: `chronicle add` reading `mkdocs.yml`, the build reading the articles) and of each
write's temporary file, and start rebuilding before the article is there, then again after
every build (7.6–18 s instead of about 3 s from add to served, measured at 1,000 articles). So
only a file created, written, moved or deleted counts, and not a temporary file
(`files.write_atomic`'s, renamed into place when complete) nor `chronicle add`'s lock: MkDocs
leaves dot files out of the site.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    EVENT_TYPE_CREATED,
    EVENT_TYPE_DELETED,
    EVENT_TYPE_MODIFIED,
    EVENT_TYPE_MOVED,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from chronicle.archive.lock import LOCK_NAME

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

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """MkDocs' `watch`, deaf to Chronicle's lock and temporary files."""
        path = os.path.abspath(path)
        if func is not None and func is not self.builder:
            raise TypeError("Plugins can no longer pass a 'func' parameter to watch().")
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1

        def callback(event: FileSystemEvent) -> None:
            if event.is_directory or event.event_type not in _CHANGES:
                return
            if not any(map(_in_site, _paths(event))):
                return
            log.debug(str(event))
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = FileSystemEventHandler()
        handler.on_any_event = callback  # type: ignore[method-assign]
        self._watch_refs[path] = self.observer.schedule(handler, path, recursive=recursive)

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


_CHANGES = frozenset(
    (EVENT_TYPE_CREATED, EVENT_TYPE_MODIFIED, EVENT_TYPE_MOVED, EVENT_TYPE_DELETED)
)


def _paths(event: FileSystemEvent) -> list[str]:
    return [os.fsdecode(p) for p in (event.src_path, event.dest_path) if p]


def _in_site(path: str) -> bool:
    """Whether a change to `path` may change the site: not the lock `chronicle add` holds, nor a
    temporary file `files.write_atomic` renames into place (`.<name>.<random>.tmp`)."""
    name = os.path.basename(path)
    return name != LOCK_NAME and not (name.startswith(".") and name.endswith(".tmp"))


def main(argv: list[str]) -> None:
    import mkdocs.commands.serve

    from chronicle.cli import run_mkdocs

    mkdocs.commands.serve.LiveReloadServer = NativeWatchServer  # type: ignore[misc]
    run_mkdocs.run(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
