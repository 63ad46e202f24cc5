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
