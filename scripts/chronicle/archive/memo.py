"""The memo of parsed articles (and other small values) kept between runs.

Both sides load stored articles through `ArticleMemo`: the site on every build, `chronicle add`
when it looks for an article it already holds. A file whose size and modification time are
unchanged is not parsed again.
"""

from __future__ import annotations

import contextlib
import gc
import pickle
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from chronicle.archive.files import write_atomic

T = TypeVar("T")

# Bump when the layout or meaning of cached entries changes: old entries then simply miss.
CACHE_VERSION = "2"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a memo is (un)pickled.

    perf: unpickling 10,000 articles creates hundreds of thousands of objects, and every 700 of
    them the collector runs, each time walking more of the same fresh, acyclic heap (measured:
    article memo 0.35 s → 0.20 s to load, 0.47 s → 0.26 s to save). Nothing here makes cycles.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


MEMO_BUCKETS = 32


class PickleBuckets:
    """A dict kept between builds in MEMO_BUCKETS pickles beside `path` (`<stem>-NN<suffix>`),
    each key in the bucket its CRC-32 picks, so that a save rewrites only the buckets that
    changed. perf: after adding one article to 10,000, rewriting the whole article memo and the
    search-record memo took about 0.5 s at the end of every rebuild; one bucket is a 32nd of it.
    Written atomically (`files.write_atomic`); an unreadable or foreign bucket is ignored (its
    keys miss).
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def file(self, bucket: int) -> Path:
        return self.path.with_name(f"{self.path.stem}-{bucket:02d}{self.path.suffix}")

    @staticmethod
    def bucket(key: str) -> int:
        return zlib.crc32(key.encode("utf-8", "surrogatepass")) % MEMO_BUCKETS

    def load(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for bucket in range(MEMO_BUCKETS):
            try:
                with self.file(bucket).open("rb") as handle, collector_paused():
                    data = pickle.load(handle)
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
                continue
            if isinstance(data, dict) and data.get("version") == CACHE_VERSION:
                values.update(data.get("values", {}))
        return values

    def save(self, previous: dict[str, Any], current: dict[str, Any], dirty: set[int]) -> None:
        """Rewrite the buckets in `dirty` and those whose keys differ from `previous`'s."""
        keys: list[set[str]] = [set() for _ in range(MEMO_BUCKETS)]
        for key in previous:
            keys[self.bucket(key)].add(key)
        grouped: list[dict[str, Any]] = [{} for _ in range(MEMO_BUCKETS)]
        for key, value in current.items():
            grouped[self.bucket(key)][key] = value
        for bucket, values in enumerate(grouped):
            if bucket not in dirty and values.keys() == keys[bucket]:
                continue
            with collector_paused():
                data = pickle.dumps({"version": CACHE_VERSION, "values": values}, protocol=5)
            write_atomic(self.file(bucket), data)
        self.path.unlink(missing_ok=True)  # the single pickle of earlier versions


class ArticleMemo:
    """Parsed articles by (path, size, mtime), kept between runs (`PickleBuckets`).

    Reading 10,000 articles' YAML front matter takes seconds; unpickling them, a fraction of
    one. Chronicle's own files in the project's cache folder; the one way the site, `add` and
    `check` load stored articles.
    """

    def __init__(
        self, path: Path | None, fingerprint: Callable[[object], str] | None = None
    ) -> None:
        self.store = None if path is None else PickleBuckets(path)
        # What the site keeps with each article: its pages' input key (None: nothing kept).
        self.fingerprint = fingerprint
        # path → (size, mtime, value, its fingerprint)
        self.previous: dict[str, tuple[int, int, object, str]] = {}
        self.current: dict[str, tuple[int, int, object, str]] = {}
        self.dirty: set[int] = set()
        if self.store is not None:
            self.previous = self.store.load()

    def read(self, path: Path, reader: Callable[[Path], T]) -> T:
        stat = path.stat()
        key = str(path)
        hit = self.previous.get(key)
        if hit is not None and hit[0] == stat.st_size and hit[1] == stat.st_mtime_ns:
            self.current[key] = hit
            return hit[2]  # type: ignore[return-value]
        value = reader(path)
        # perf: its fingerprint (an incremental build's input key) is kept with it: making it
        # means printing the whole article, 0.3 s for 10,000 on every rebuild.
        fingerprint = self.fingerprint(value) if self.fingerprint is not None else ""
        self.current[key] = (stat.st_size, stat.st_mtime_ns, value, fingerprint)
        self.dirty.add(PickleBuckets.bucket(key))
        return value

    def fingerprints(self) -> Iterator[tuple[object, str]]:
        """Each value read in this build with its `Fingerprinter` text (`Fingerprinter.seed`)."""
        for entry in self.current.values():
            yield entry[2], entry[3]

    def save(self) -> None:
        if self.store is not None:
            self.store.save(self.previous, self.current, self.dirty)
            self.previous, self.current, self.dirty = self.current, {}, set()


class PickleMemo:
    """Values by key, kept between builds (`PickleBuckets`), holding only the keys the last
    build used: for many small entries read on every build. perf: the search records of 10,000
    articles took 1 s to read as one cache file each, a quarter of that pickled together.
    Chronicle's own files in the project's cache folder."""

    def __init__(self, path: Path | None) -> None:
        self.store = None if path is None else PickleBuckets(path)
        self.previous: dict[str, object] = {}
        self.current: dict[str, object] = {}
        self.dirty: set[int] = set()
        if self.store is not None:
            self.previous = self.store.load()

    def get(self, key: str) -> object | None:
        value = self.current.get(key, self.previous.get(key))
        if value is not None:
            self.current[key] = value
        return value

    def put(self, key: str, value: object) -> None:
        if self.current.get(key, self.previous.get(key)) != value:
            self.dirty.add(PickleBuckets.bucket(key))
        self.current[key] = value

    def save(self) -> None:
        if self.store is not None:
            self.store.save(self.previous, self.current, self.dirty)
            self.previous, self.current, self.dirty = self.current, {}, set()
