"""The memo of parsed articles (and other small values) kept between runs.

Both sides load stored articles through `ArticleMemo`, in one file of the site's cache folder:
the site on every build, `chronicle add`, `check` and `enrich` through `ArticleStore`. A file
whose size and modification time are unchanged is not parsed again.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import yaml

from chronicle.archive.files import write_atomic
from chronicle.archive.limits import Limits, limits_tag

T = TypeVar("T")

# Bump when the layout or meaning of cached entries changes: old entries then simply miss.
CACHE_VERSION = "4"  # 4: quotes keep their printed marks


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

    def exists(self) -> bool:
        """Whether any of its files is there (without reading them)."""
        return any(self.file(bucket).exists() for bucket in range(MEMO_BUCKETS))

    def load(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for bucket in range(MEMO_BUCKETS):
            try:
                with self.file(bucket).open("rb") as handle, collector_paused():
                    data = pickle.load(handle)
            except Exception:  # missing, or damaged (a crash mid-write): parsed again
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
    one. Chronicle's own files in the project's cache folder; the one way the site, `add`,
    `check` and `enrich` load stored articles, always with `ArticleStore.read` as the reader.
    """

    def __init__(
        self, path: Path | None, fingerprint: Callable[[object], str] | None = None
    ) -> None:
        self.store = None if path is None else PickleBuckets(path)
        # What the site keeps with each article: its pages' input key. The ingest side has no
        # fingerprinter and keeps None, which the site fills in when it reads the entry.
        self.fingerprint = fingerprint
        # path → (size, mtime, value, its fingerprint or None)
        self._previous: dict[str, tuple[int, int, object, str | None]] | None = None
        self.current: dict[str, tuple[int, int, object, str | None]] = {}
        self.dirty: set[int] = set()
        self.parsed = 0  # files the reader was called for, in this run

    @property
    def loaded(self) -> bool:
        """Whether the last run's entries were read (on the first `read`)."""
        return self._previous is not None

    @property
    def previous(self) -> dict[str, tuple[int, int, object, str | None]]:
        """The last run's entries, loaded on first use. perf: 0.3 s at 10,000 articles, which
        `chronicle add` of one clipping no longer pays: it answers from the catalogue."""
        if self._previous is None:
            self._previous = self.store.load() if self.store is not None else {}
        return self._previous

    @previous.setter
    def previous(self, value: dict[str, tuple[int, int, object, str | None]]) -> None:
        self._previous = value

    def holds_any(self) -> bool:
        """Whether it holds (or kept, in files not read yet) any entry. perf: it is not loaded
        to answer, only its files looked for."""
        if self._previous is not None or self.current:
            return bool(self._previous or self.current)
        return self.store is not None and self.store.exists()

    def read(self, path: Path, reader: Callable[[Path], T]) -> T:
        stat = path.stat()
        # Absolute, as MkDocs names pages' sources: the site and the command line share entries.
        key = os.path.abspath(path)
        hit = self.current.get(key) or self.previous.get(key)
        if hit is not None and hit[0] == stat.st_size and hit[1] == stat.st_mtime_ns:
            if hit[3] is None and self.fingerprint is not None:
                hit = (hit[0], hit[1], hit[2], self.fingerprint(hit[2]))
                self.dirty.add(PickleBuckets.bucket(key))
            self.current[key] = hit
            return hit[2]  # type: ignore[return-value]
        value = reader(path)
        self.parsed += 1
        # perf: its fingerprint (an incremental build's input key) is kept with it: making it
        # means printing the whole article, 0.3 s for 10,000 on every rebuild.
        fingerprint = self.fingerprint(value) if self.fingerprint is not None else None
        self.current[key] = (stat.st_size, stat.st_mtime_ns, value, fingerprint)
        self.dirty.add(PickleBuckets.bucket(key))
        return value

    def fingerprints(self) -> Iterator[tuple[object, str]]:
        """Each value read in this build with its `Fingerprinter` text (`Fingerprinter.seed`)."""
        for entry in self.current.values():
            if entry[3] is not None:
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
        self._previous: dict[str, object] | None = None
        self.current: dict[str, object] = {}
        self.dirty: set[int] = set()

    @property
    def loaded(self) -> bool:
        """Whether the last build's values were read (on the first get, put or save)."""
        return self._previous is not None

    @property
    def previous(self) -> dict[str, object]:
        if self._previous is None:
            self._previous = self.store.load() if self.store is not None else {}
        return self._previous

    @previous.setter
    def previous(self, value: dict[str, object]) -> None:
        self._previous = value

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


# The files in the site's cache folder that the ingest side shares.
ARTICLES_FILE = "articles.pickle"
SIGNATURES_FILE = "near-duplicates.pickle"

# MkDocs' `docs_dir` and the plugin's options by default (site/config.py takes its defaults from
# here), read without MkDocs: loading its configuration imports the theme and the plugin, about
# a second the command line should not pay.
DOCS_DIR = "docs"
PLUGIN_DEFAULTS: dict[str, Any] = {
    "articles_dir": "articles",
    "cache": True,
    "cache_dir": ".cache/chronicle",
}
CONFIG_FILE = "mkdocs.yml"
PLUGIN = "chronicle"


try:  # perf: libyaml reads mkdocs.yml in a tenth of the time, on every `chronicle add`
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _TolerantLoader(_SafeLoader):
    """Safe YAML that reads MkDocs' own tags (`!ENV`, `!!python/name:…`) as nothing."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_cache_folder(archive: Path, levels: int = 3) -> Path | None:
    """The cache folder of the site whose articles are `archive` (see `site_settings`), its
    cache on. None otherwise: a memo beside another site would be one it never reads."""
    site = site_settings(archive, levels)
    if site is None or site[1]["cache"] is not True:
        return None
    return site[0] / str(site[1]["cache_dir"])


def site_settings(archive: Path, levels: int = 3) -> tuple[Path, dict[str, Any]] | None:
    """The project folder and the Chronicle plugin's options (defaults filled in) of the site
    whose articles are `archive`: mkdocs.yml in a folder above it (up to `levels`) with the
    plugin reading exactly this folder. None otherwise."""
    archive = Path(os.path.abspath(archive))
    for project in list(archive.parents)[:levels]:
        config_file = project / CONFIG_FILE
        if not config_file.is_file():
            continue
        try:
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return None
        options = _plugin_options(config)
        if options is None:
            return None
        settings = {**PLUGIN_DEFAULTS, **options}
        docs = config.get("docs_dir") or DOCS_DIR  # a dict: it has the plugin
        articles = project / str(docs) / str(settings["articles_dir"]).strip("/")
        if Path(os.path.abspath(articles)) != archive:
            return None
        return project, settings
    return None


def _plugin_options(config: Any) -> dict[str, Any] | None:
    """The Chronicle plugin's options in a parsed mkdocs.yml; None when it is not enabled."""
    plugins = config.get("plugins") if isinstance(config, dict) else None
    entries = plugins.items() if isinstance(plugins, dict) else plugins or []
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else _single(entry)
        if name == PLUGIN:
            options = options if isinstance(options, dict) else {}
            return None if options.get("enabled", True) is not True else options
    return None


def _single(entry: object) -> tuple[object, object]:
    if isinstance(entry, tuple):
        return entry[0], entry[1]
    if isinstance(entry, dict) and len(entry) == 1:
        return next(iter(entry.items()))
    return None, None


def articles_file(limits: Limits) -> str:
    """The memo of parsed articles for `limits` (those parsed under others were not checked
    against them)."""
    tag = limits_tag(limits)
    return ARTICLES_FILE.replace(".", f"-{tag}.", 1) if tag else ARTICLES_FILE
