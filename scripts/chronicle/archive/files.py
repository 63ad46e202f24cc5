"""The one way Chronicle replaces a file: never half a file, whoever reads it and whenever the
writer stops.

`write_atomic` writes a temporary file in the target's own folder (a rename is atomic only
within one file system), flushes it to disk, renames it over the target and flushes the folder,
so that after a crash the target holds either its old bytes or its new ones. Articles, originals,
the registry, memos, manifests, feeds and the build cache all go through it.

A batch of writes (`chronicle add inbox/`) flushes once, not per file (`Flush`): each file is
still renamed into place whole, so a killed run never leaves half a file (the system has its
bytes); only a power cut before the batch's flush can lose what the batch wrote since its last
flush. perf: two fsyncs an article and two for its original were most of the wall time of
adding 1,000 clippings on a busy disk (about 40 s of 45).
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

# Flush once in this many files at the latest: what a power cut mid-batch can lose.
FLUSH_EVERY = 500
# From this many files, one syncfs (Linux) rather than an fsync each: it also waits for every
# other write pending on the file system (0.4 s seen on a shared machine), worth it only when
# it saves many fsyncs.
SYNCFS_FROM = 32


class Flush:
    """Durable writes made durable together: `write_atomic(..., flush=batch)` renames each file
    into place at once and leaves the flushing to `flush()` (a batch's end, or every
    FLUSH_EVERY files). For SYNCFS_FROM files or more on Linux, one `syncfs` call per file
    system flushes files and folders alike; otherwise every file, then every folder, is
    fsynced."""

    def __init__(self) -> None:
        self._files: dict[Path, None] = {}
        self._folders: dict[Path, None] = {}

    def __len__(self) -> int:
        return len(self._files)

    def note(self, path: Path, created: list[Path]) -> None:
        """`path` was renamed into place, after making the folders `created` (outermost first)."""
        self._files[path] = None
        self._folders[path.parent] = None
        if created:  # a new folder's entry is in its parent
            self._folders[created[0].parent] = None
        if len(self._files) >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        files, folders = list(self._files), list(self._folders)
        self._files.clear()
        self._folders.clear()
        if not files:
            return
        if len(files) >= SYNCFS_FROM and _syncfs_each(folders):
            return
        for path in files:  # the data first, then the renames that name it
            _sync_folder(path)
        for folder in folders:
            _sync_folder(folder)


def _syncfs_each(folders: list[Path]) -> bool:
    """syncfs(2) on each file system holding one of `folders`; False where there is none."""
    syncfs = _syncfs()
    if syncfs is None:
        return False
    done: set[int] = set()
    for folder in folders:
        with contextlib.suppress(OSError):
            fd = os.open(folder, os.O_RDONLY)
            try:
                device = os.fstat(fd).st_dev
                if device not in done and syncfs(fd) != 0:
                    return False
                done.add(device)
            finally:
                os.close(fd)
    return bool(done)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def write_atomic(
    path: Path, data: bytes | str, *, durable: bool = True, flush: Flush | None = None
) -> None:
    """Replace `path` with `data` (text is written as UTF-8), creating its missing folders; a
    write that fails leaves neither a temporary file nor a folder it made behind.

    `durable=False` skips the two fsyncs: the file is still never seen half-written, but a crash
    soon after may lose it (or leave it empty). Only for files that are made again when lost.
    `flush`: durable, but flushed with the rest of its batch (`Flush`)."""
    later = durable and flush is not None
    durable = durable and flush is None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    created = missing_folders(path)
    tmp: str | None = None
    try:
        if created:
            path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        # mkstemp makes the file 0600 (private while half-written); the finished file gets what
        # any new file gets, so a web server running as another user can read feeds and pages.
        os.chmod(tmp, umask_mode())
        os.replace(tmp, path)
    except BaseException as exc:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        remove_empty(created)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)  # a full disk says so on a write, without naming the file
        raise
    if durable:
        _sync_folder(path.parent)
    elif later:
        flush.note(path, created)  # type: ignore[union-attr]


@functools.cache
def umask_mode() -> int:
    """0o666 less the process's umask: the mode `open()` gives a new file. Read once: the only
    way to read the umask is to set it, and setting it while another thread creates a file
    would give that file the wrong mode."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename), or a file's bytes, to disk; not possible
    everywhere for a folder (Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_stale_temporaries(folder: Path) -> int:
    """Remove the temporary files `write_atomic` left under `folder` when its process was killed
    mid-write; how many. Only for a caller that holds the folder's lock (archive/lock.py): another
    writer's temporary file would be in use."""
    removed = 0
    # perf: os.walk, not Path.rglob: 0.08 s against 0.7 s over a 10,000-article archive's
    # folders, on every `chronicle add`.
    for parent, _, names in os.walk(folder):
        for name in names:
            if name.startswith(".") and name.endswith(".tmp") and len(name) >= 5:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(parent, name))
                    removed += 1
    return removed


def missing_folders(path: Path) -> list[Path]:
    """The folders a write to `path` would create, outermost first."""
    missing = []
    for folder in Path(path).parents:
        if folder.exists():
            break
        missing.append(folder)
    return missing[::-1]


def remove_empty(folders: list[Path]) -> None:
    """Remove `folders` (outermost first, as `missing_folders` lists them) that are empty."""
    for folder in reversed(folders):
        # Not empty, or already gone: either way not ours to remove.
        with contextlib.suppress(OSError):
            folder.rmdir()
