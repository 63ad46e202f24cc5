"""One writer of an archive at a time.

Two `chronicle add` batches committed together would each miss what the other stored and both
add the same article; a correction written while `enrich` rewrites the same file would be lost.
Held for a whole run, the lock makes the second writer start after the first and see all of it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import filelock

# The lock file where the archive folder itself cannot be locked (Windows).
LOCK_NAME = ".chronicle-add.lock"


@contextlib.contextmanager
def archive_lock(root: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the archive for one writer (`add`, `enrich`, a correction) at a time.

    Two batches committed together would each miss what the other stored and both add the same
    article; held for the whole run, the lock makes the second batch start after the first and
    see all of it. `on_wait` is told once, in one line, when another run holds the lock.

    The lock is the operating system's, taken on the archive folder itself (flock): no lock file
    is left in the archive, and a killed run never leaves it held. Where there is no flock
    (Windows), filelock locks a hidden file in the folder, which MkDocs never publishes."""
    root.mkdir(parents=True, exist_ok=True)
    waiting = (
        f"waiting for another `chronicle add` or correction on {root} to finish (the archive "
        "has one writer at a time)"
    )
    if fcntl is None:  # pragma: no cover - Windows
        lock = filelock.FileLock(root / LOCK_NAME)
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            if on_wait is not None:
                on_wait(waiting)
            lock.acquire()
        try:
            yield
        finally:
            lock.release()
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(waiting)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
