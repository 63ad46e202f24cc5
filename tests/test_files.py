"""archive/files.py: the one atomic writer, and the build cache's reading of what it left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from chronicle.archive.files import write_atomic
from chronicle.site.build.cache import BuildCache


def test_a_write_replaces_the_file_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "new" / "folder" / "data.json"
    write_atomic(target, "first")
    write_atomic(target, b"second \xe2\x80\x94 bytes")
    assert target.read_text(encoding="utf-8") == "second — bytes"
    assert [p.name for p in target.parent.iterdir()] == ["data.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "data.json"
    write_atomic(target, "old")

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["data.json"]  # no temporary file left


def synced_paths(monkeypatch) -> list[Path]:
    """What `os.fsync` is called on (it still runs)."""
    synced: list[Path] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        synced.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return synced


def test_a_durable_write_reaches_the_disk_with_its_folder(tmp_path, monkeypatch):
    synced = synced_paths(monkeypatch)
    target = tmp_path / "manifest.json"
    write_atomic(target, "{}")
    # The temporary file's data (before it is renamed), then the folder that holds the rename.
    assert len(synced) == 2
    assert synced[0].parent == tmp_path and synced[0].name.endswith(".tmp")
    assert synced[1] == tmp_path


def test_a_cache_entry_is_not_synced_and_an_empty_one_is_a_miss(tmp_path, monkeypatch):
    synced = synced_paths(monkeypatch)
    cache = BuildCache(tmp_path)
    cache.put("page", "ab12", "<html>")
    assert synced == []  # made again when lost: not worth an fsync per page
    assert cache.get("page", "ab12") == "<html>"
    # What a crash between the rename and the data reaching the disk can leave.
    (tmp_path / "page" / "ab" / "ab34").write_text("", encoding="utf-8")
    assert cache.get("page", "ab34") is None
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_batch_is_renamed_into_place_at_once_and_flushed_together(tmp_path, monkeypatch):
    from chronicle.archive import files

    synced = synced_paths(monkeypatch)
    monkeypatch.setattr(files, "_syncfs", lambda: None)  # the portable way: fsync each
    batch = files.Flush()
    write_atomic(tmp_path / "a" / "one.md", "1", flush=batch)
    write_atomic(tmp_path / "a" / "two.md", "2", flush=batch)
    write_atomic(tmp_path / "b" / "three.md", "3", flush=batch)
    # Whole files, under their names, before any flush; nothing synced yet.
    assert (tmp_path / "a" / "two.md").read_text(encoding="utf-8") == "2"
    assert synced == [] and len(batch) == 3
    batch.flush()
    assert synced[:3] == [
        tmp_path / "a" / "one.md",
        tmp_path / "a" / "two.md",
        tmp_path / "b" / "three.md",
    ]
    # then the folders holding the renames, and the one holding the new folders
    assert set(synced[3:]) == {tmp_path / "a", tmp_path / "b", tmp_path}
    assert len(batch) == 0
    batch.flush()  # nothing left: nothing synced again
    assert len(synced) == 6


def test_a_batch_flushes_with_one_syncfs_where_there_is_one(tmp_path, monkeypatch):
    from chronicle.archive import files

    synced = synced_paths(monkeypatch)
    batch = files.Flush()
    count = files.SYNCFS_FROM
    for n in range(count):
        write_atomic(tmp_path / f"{n:03d}.md", str(n), flush=batch)
    batch.flush()
    # One syncfs call covered files and folder (elsewhere: each file, then the folder).
    assert len(synced) == (0 if files._syncfs() is not None else count + 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{n:03d}.md" for n in range(count)]
