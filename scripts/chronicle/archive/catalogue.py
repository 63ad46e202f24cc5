"""The archive's catalogue: what "already added?" and "near duplicate?" need to know of every
stored article, kept between runs in one file of the site's cache folder.

For each stored file: its article's id, the SHA-256 of its original and the entry inside it, the
fingerprint of its text, the SHA-256 of its body and its MinHash signature (made and read by the
near-duplicate index; opaque bytes here), stamped with the file's size, modification time and
inode. A run lists the folder and looks at each file's stamp; only a file whose stamp changed
(new, edited by hand, rewritten) is parsed again. perf: adding one clipping to a 10,000-article
archive read every article (the article memo: 64 pickles, 0.3 s) to answer the two questions;
the catalogue answers them from one file of ids and hashes.

Written atomically (`files.write_atomic`, not durably) by the run that holds the archive's
lock (`lock.py`); an unreadable, foreign or older catalogue is ignored (every file is then
parsed, as with no memo) and written again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chronicle.archive.files import write_atomic
from chronicle.archive.memo import collector_paused
from chronicle.archive.model import Article
from chronicle.archive.stored_keys import StoredKeys

# A bar factory (`cli.progress.bar`): a label and a total → the function advancing it by one.
BarFactory = Callable[[str, int], contextlib.AbstractContextManager[Callable[[], None]]]

# Bump when an entry's layout or meaning changes: an older file is then ignored.
CATALOGUE_VERSION = "3"
CATALOGUE_FILE = "catalogue.pickle"
# Above this many files to parse, they are parsed through the article memo (which costs 0.3 s
# to load at 10,000 articles, about the parsing of 100 files) rather than one by one.
PARSE_THROUGH_MEMO = 100

Stamp = tuple[int, int, int]  # size, modification time (ns), inode


@dataclass(frozen=True, slots=True)
class Entry:
    """What the catalogue keeps of one stored file."""

    stamp: Stamp
    id: str
    sha256: str  # of the original
    locator: str  # the entry inside a multi-article original, '' for others
    fingerprint: str  # of the normalised text
    body: str  # SHA-256 of the body: a rewrite that keeps the text keeps its signature
    signature: bytes | None = None  # the near-duplicate index's, for `Catalogue.scheme`
    captures: tuple[tuple[str, str, str], ...] = ()  # earlier captures: sha256, locator, text
    addresses: tuple[str, ...] = ()  # its own address and the one it was fetched from


def stamp_of(stat: os.stat_result) -> Stamp:
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def listing(root: Path) -> list[tuple[str, Stamp | None]]:
    """Every stored article's file under `root` with its stamp (None: it cannot be looked at;
    parsing it says why), in the order `ArticleStore.files` gives: path order."""
    found: list[tuple[str, Stamp | None]] = []
    folders = [str(root)]
    while folders:
        try:
            with os.scandir(folders.pop()) as entries:
                items = list(entries)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed is skipped
        for item in items:
            try:
                if item.is_dir() and not item.is_symlink():
                    folders.append(item.path)
                    continue
            except OSError:
                pass
            if item.name.endswith(".md") and not item.name.startswith("."):
                try:
                    stamp: Stamp | None = stamp_of(item.stat())
                except OSError:
                    stamp = None
                found.append((item.path, stamp))
    found.sort(key=lambda pair: pair[0].split(os.sep))  # the order Paths sort in
    return found


class Catalogue:
    """The catalogue of the stored files under `root`, kept in `path` (None: this run only)."""

    def __init__(self, root: Path, path: Path | None) -> None:
        self.root = Path(root)  # as given: the paths it yields start with it, as `files()`'s do
        self.absolute = os.path.abspath(root)
        self._prefix = os.path.join(str(root), "")
        self.path = path
        self.scheme = ""  # how the kept signatures were made (the near-duplicate index says)
        self._entries: dict[str, Entry] | None = None  # by path relative to root
        self._changed = False
        self.parsed = 0  # files parsed to refresh it, in this run
        # The few articles parsed one by one in this run, by key: their signatures are made
        # from them next, without parsing them again.
        self._recent: dict[str, Article] = {}

    def _key(self, path: Path | str) -> str:
        """The file's path relative to the root. perf: mostly a slice (os.path.relpath took
        0.2 s for 10,000 files)."""
        name = str(path)
        if name.startswith(self._prefix) and "/./" not in name and "/../" not in name:
            return name[len(self._prefix) :]
        return os.path.relpath(os.path.abspath(name), self.absolute)

    @property
    def entries(self) -> dict[str, Entry]:
        if self._entries is None:
            self._entries = self._load()
        return self._entries

    def _load(self) -> dict[str, Entry]:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as handle, collector_paused():
                data = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}
        except Exception:  # a damaged file can raise almost anything: it is only a memo
            return {}
        if not isinstance(data, dict) or data.get("version") != CATALOGUE_VERSION:
            return {}
        if data.get("root") != self.absolute or not isinstance(data.get("entries"), dict):
            return {}
        self.scheme = str(data.get("scheme", ""))
        return {key: Entry(*row) for key, row in data["entries"].items()}

    def refresh(
        self,
        read: Callable[[Path], Article],
        scan: Callable[[], Iterator[tuple[Path, Article]]],
        light: Callable[[Path], Article | StoredKeys] | None = None,
        progress: BarFactory | None = None,
    ) -> Iterator[tuple[Path, Entry]]:
        """Every stored file with its entry, in path order, parsing only the files whose stamp
        changed, each with `read`. When more than `PARSE_THROUGH_MEMO` changed, or there is no
        catalogue yet (a first run, a lost catalogue), every article comes from `scan` instead
        (`ArticleStore.iter_articles`, through the article memo, which that run then keeps for
        the site), or, given `light` (there is no article memo to read them from), each changed
        file from `light`, which reads only what an entry needs (stored_keys.py). A file that
        cannot be parsed raises its error when reached, as `iter_articles` does. `progress`
        shows a bar while many files are read."""
        files = listing(self.root)
        known = self.entries
        keyed = [(self._key(name), Path(name), stamp) for name, stamp in files]
        stale = sum(1 for key, _, stamp in keyed if not _fresh(known.get(key), stamp))
        fresh: dict[str, Entry] = {}
        if light is not None and (stale > PARSE_THROUGH_MEMO or (stale and not known)):
            with _bar(progress, "Cataloguing the stored articles (once)", stale) as advance:
                for key, path, stamp in keyed:
                    entry = known.get(key)
                    if entry is None or not _fresh(entry, stamp):
                        entry = self._entry(entry, light(path), stamp or _stat(path))
                        advance()
                    fresh[key] = entry
                    yield path, entry
        elif stale > PARSE_THROUGH_MEMO or (stale and not known):
            stamps = {key: stamp for key, _, stamp in keyed}
            for path, article in scan():
                key = self._key(path)  # `scan`'s paths are `files()`'s: those of the listing
                entry = self._entry(known.get(key), article, stamps.get(key) or _stat(path))
                fresh[key] = entry
                yield path, entry
        else:
            for key, path, stamp in keyed:
                entry = known.get(key)
                if entry is None or not _fresh(entry, stamp):
                    article = self._recent[key] = read(path)
                    entry = self._entry(entry, article, stamp or _stat(path))
                fresh[key] = entry
                yield path, entry
        # Complete (no error stopped it): files gone since the last run are forgotten.
        self.parsed += stale
        if fresh != known:
            self._changed = True
        self._entries = fresh

    @staticmethod
    def _entry(old: Entry | None, article: Article | StoredKeys, stamp: Stamp) -> Entry:
        body = body_digest(article.body)
        prov = article.provenance
        signature = old.signature if old is not None and old.body == body else None
        return Entry(
            stamp,
            article.id,
            prov.sha256 if prov else "",
            _locator(article),
            prov.fingerprint if prov else "",
            body,
            signature,
            capture_keys(article),
            addresses_of(article),
        )

    def record(self, path: Path, article: Article) -> None:
        """`article` was just written to `path` (under the lock): its entry, without parsing it
        back. Nothing when the catalogue was not read in this run (the next run sees the file's
        new stamp)."""
        if self._entries is None:
            return
        key = self._key(path)
        try:
            stamp = stamp_of(path.stat())
        except OSError:
            self._entries.pop(key, None)
            return
        self._entries[key] = self._entry(self._entries.get(key), article, stamp)
        self._changed = True

    def forget(self, path: Path) -> None:
        if self._entries is not None and self._entries.pop(self._key(path), None) is not None:
            self._changed = True

    def recent(self, path: Path) -> Article | None:
        """The article in `path` if this run parsed it one by one (it had changed)."""
        return self._recent.get(self._key(path))

    def signatures(self, scheme: str) -> dict[str, bytes]:
        """The kept signature of each article id's first file (in path order, as the store's
        lookups by id), if made by `scheme`."""
        if scheme != self.scheme:
            return {}
        first: dict[str, bytes | None] = {}
        for entry in self.entries.values():
            first.setdefault(entry.id, entry.signature)
        return {i: signature for i, signature in first.items() if signature is not None}

    def keep_signature(self, path: Path, scheme: str, signature: bytes) -> None:
        """Keep the signature of the file's (current) body; one scheme a catalogue."""
        if scheme != self.scheme:
            self.scheme = scheme
            self._entries = {
                key: _with_signature(entry, None) for key, entry in self.entries.items()
            }
            self._changed = True
        key = self._key(path)
        entry = self.entries.get(key)
        if entry is not None and entry.signature != signature:
            self.entries[key] = _with_signature(entry, signature)
            self._changed = True

    def save(self) -> None:
        """Write it (atomically) if this run changed it; a catalogue that cannot be written
        costs the next run some parsing, not this command its result."""
        if self.path is None or self._entries is None or not self._changed:
            return
        rows = {
            key: (
                e.stamp,
                e.id,
                e.sha256,
                e.locator,
                e.fingerprint,
                e.body,
                e.signature,
                e.captures,
                e.addresses,
            )
            for key, e in self._entries.items()
        }
        data = {
            "version": CATALOGUE_VERSION,
            "root": self.absolute,
            "scheme": self.scheme,
            "entries": rows,
        }
        with collector_paused():
            blob = pickle.dumps(data, protocol=5)
        with contextlib.suppress(OSError):
            # Not durable: a catalogue a crash loses, empties or rolls back is still checked
            # file by file against its stamps. perf: its fsync was 0.5 s of wall time at 10,000.
            write_atomic(self.path, blob, durable=False)
            self._changed = False


def _locator(article: Article | StoredKeys) -> str:
    """As `store.locator_of` (which imports this module)."""
    name = article.provenance.original_name if article.provenance else ""
    return name.split("#", 1)[1] if "#" in name else ""


def capture_keys(article: Article | StoredKeys) -> tuple[tuple[str, str, str], ...]:
    """The original (SHA-256, locator) and text fingerprint of each earlier capture of the
    article's address: adding any of them again finds this article."""
    return tuple(
        (c.sha256, c.original_name.partition("#")[2], c.fingerprint or "") for c in article.captures
    )


def addresses_of(article: Article | StoredKeys) -> tuple[str, ...]:
    """The addresses a capture of the same page may be recognised by (ingest/recapture.py)."""
    prov = article.provenance
    return tuple(u for u in (article.url, prov.original_url if prov else None) if u)


@contextlib.contextmanager
def _bar(progress: BarFactory | None, label: str, total: int) -> Iterator[Callable[[], None]]:
    if progress is None:
        yield lambda: None
        return
    with progress(label, total) as advance:
        yield advance


def _fresh(entry: Entry | None, stamp: Stamp | None) -> bool:
    return entry is not None and stamp is not None and entry.stamp == stamp


def _stat(path: Path) -> Stamp:
    """The stamp of a file the listing could not look at; one that never matches when it
    still cannot be (it is parsed again next run)."""
    try:
        return stamp_of(path.stat())
    except OSError:
        return (-1, -1, -1)


def _with_signature(entry: Entry, signature: bytes | None) -> Entry:
    return Entry(
        entry.stamp,
        entry.id,
        entry.sha256,
        entry.locator,
        entry.fingerprint,
        entry.body,
        signature,
        entry.captures,
        entry.addresses,
    )
