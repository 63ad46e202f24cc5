"""`chronicle serve` is told of changes by the system (inotify) rather than polling for them,
and polls as MkDocs does when the system cannot tell it."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from watchdog.observers.polling import PollingObserver

from chronicle.cli.serve_watch import NativeWatchServer


def _server(tmp_path: Path) -> NativeWatchServer:
    return NativeWatchServer(lambda: None, "127.0.0.1", 0, str(tmp_path))


def test_a_new_file_is_heard_of_without_polling(tmp_path):
    server = _server(tmp_path)
    docs = tmp_path / "docs"
    (docs / "2026" / "01").mkdir(parents=True)
    server.watch(str(docs))
    native = not isinstance(server.observer, PollingObserver)
    assert native == sys.platform.startswith("linux")
    server.observer.start()
    try:
        (docs / "2026" / "01" / "new.md").write_text("# New\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild
    finally:
        server.observer.stop()


def test_when_the_system_cannot_tell_it_polls_every_watched_folder(tmp_path):
    server = _server(tmp_path)
    for name in ("docs", "theme"):
        (tmp_path / name).mkdir()
        server.watch(str(tmp_path / name))
    server.watch(str(tmp_path / "docs"))  # watched twice: unwatched twice
    server._poll_instead(OSError(28, "inotify watch limit reached"))
    assert isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "docs"): 2, str(tmp_path / "theme"): 1}
    assert {w.path for w in server.observer._watches} == set(server._watched_paths)


def test_reading_a_file_or_writing_a_temporary_one_rebuilds_nothing(tmp_path):
    server = _server(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("# Old\n", encoding="utf-8")
    server.watch(str(docs))
    server.observer.start()
    try:
        time.sleep(0.2)
        server._want_rebuild = False
        assert (docs / "old.md").read_text(encoding="utf-8") == "# Old\n"  # opened, closed
        (docs / ".new.md.k2j4.tmp").write_text("# New\n", encoding="utf-8")
        (docs / ".new.md.k2j4.tmp").unlink()
        time.sleep(1.5)  # past the polling interval too, where inotify cannot start
        assert not server._want_rebuild
        (docs / "old.md").write_text("# Old, edited\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not server._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server._want_rebuild
    finally:
        server.observer.stop()
