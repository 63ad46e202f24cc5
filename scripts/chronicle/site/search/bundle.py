"""The Pagefind bundle in the site: every shard indexed (or kept), and the list of shards the
browser merges (`chronicle-shards.json`)."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from chronicle.archive.files import write_atomic
from chronicle.site.build.keys import shard_salt
from chronicle.site.search.counts import COUNTS_DIR, COUNTS_FILE, count_facets, write_counts
from chronicle.site.search.indexer import PagefindWriter, SearchIndexError
from chronicle.site.search.records import SearchRecord
from chronicle.site.search.settle import settle
from chronicle.site.search.shards import SHARDS_DIR, Shard, plan_shards, shard_digest


class LateRecords:
    """Records indexed before MkDocs has made them: those of new or edited articles, guessed by
    converting their Markdown ahead of MkDocs (`guesses`), then checked against the ones MkDocs
    makes (`deliver`); a shard whose guess was wrong is indexed again.

    perf: after one article is added to 10,000, the search index of its year is what the build
    waits for last, and Pagefind writes an index only once it has every record. With the guess,
    indexing starts as soon as the incremental plan is made instead of after MkDocs has read
    every page (measured: about 1 s of a 10 s rebuild)."""

    def __init__(self, guesses: Iterable[SearchRecord]) -> None:
        self.guesses = {r.url: r for r in guesses}
        self.urls = frozenset(self.guesses)
        self._records: dict[str, SearchRecord] = {}
        self._ready = threading.Event()
        self._cancelled = False

    def deliver(self, records: Iterable[SearchRecord]) -> None:
        self._records = {r.url: r for r in records if r.url in self.urls}
        self._ready.set()

    def cancel(self) -> None:
        """The build stopped: whoever waits gives up."""
        self._cancelled = True
        self._ready.set()

    def get(self, url: str) -> SearchRecord:
        """The record MkDocs made (waits for it)."""
        self._ready.wait()
        if self._cancelled:
            raise SearchIndexError("pagefind", "the build stopped before every page was read")
        record = self._records.get(url)
        if record is None:  # a page MkDocs did not read after all: say so, index nothing wrong
            raise SearchIndexError("pagefind", f"no search record was made for {url}")
        return record


SHARDS_FILE = "chronicle-shards.json"
TRASH_DIR = ".chronicle-old"  # the files of a replaced primary shard, until the bundle is done
ENTRY_FILE = "pagefind-entry.json"
INDEX_LANGUAGES = "each record's own"
# What the bundle's root holds besides the primary shard's own files.
_NOT_PRIMARY = (SHARDS_DIR, SHARDS_FILE, TRASH_DIR, COUNTS_DIR, COUNTS_FILE)


def write_bundle(
    records: Iterable[SearchRecord],
    bundle: Path,
    *,
    max_articles: int,
    small_year: int = 0,
    split_year: int = 0,
    previous: dict[str, str] | None = None,
    store: Path | None = None,
    jobs: int = 1,
    late: LateRecords | None = None,
    keys: Mapping[str, str] | None = None,
    site_language: str = "",
) -> list[Shard]:
    """Write the primary bundle into `bundle` and the older shards under it, one indexer at a
    time, and the list of shards search.js merges (`chronicle-shards.json`).

    `previous` (shard path → digest, from the last build into this folder) lets a rebuild keep
    the shards whose records did not change: their files stay on disk untouched, and only new or
    changed shards are indexed. Without it every shard is indexed.

    `store` (a folder in the build cache) keeps a hard-linked copy of every shard by digest, so a
    build into an emptied site folder (`mkdocs serve` empties it before every rebuild) copies
    unchanged shards back instead of indexing them again.

    `jobs`: how many shards are indexed at the same time.

    `late`: records of `records` that are guesses (`LateRecords`); their shards are indexed
    at once, checked against the real records when MkDocs has made them, and digested with
    those.

    `site_language` (a primary subtag): the primary shard always has an index in it (see
    `language_placeholder`).

    `keys`: see `shard_digest`; `max_articles`, `small_year` and `split_year`: see
    `plan_shards`."""
    shards = plan_shards(records, max_articles, small_year, split_year)
    if site_language and all(r.language != site_language for r in shards[0].records):
        shards[0].placeholder_language = site_language
    previous = previous or {}
    # What indexes a record besides itself: each record in its own language's index (the
    # language is in the record), no forced one.
    salt = shard_salt(INDEX_LANGUAGES)
    late_urls = late.urls if late is not None else frozenset()

    def guessed(shard: Shard) -> bool:
        return any(r.url in late_urls for r in shard.records)

    # perf: shards are independent indexes, each in its own Pagefind process, which keeps
    # about one core busy: `jobs` of them at a time (memory: each holds its shard's index).
    # Shards with guessed records (new or edited articles: likely changed) are digested and
    # started before the others are digested; then the biggest first, so the last one to
    # finish is a small one.
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        running, stale, kept_guesses = [], [], []
        for shard in sorted(shards, key=lambda s: not guessed(s)):  # stable: newest first
            shard.digest = shard_digest(shard, salt, keys)
            target = bundle / shard.path if shard.path else bundle
            if previous.get(shard.path) == shard.digest and (target / ENTRY_FILE).is_file():
                shard.reused = True
            elif store is not None and (store / shard.digest / ENTRY_FILE).is_file():
                _restore_shard(shard, bundle, store)
                shard.reused = True
            elif guessed(shard):
                running.append(pool.submit(_index_shard, shard, bundle, salt, late, keys))
            else:
                stale.append(shard)
            if shard.reused and guessed(shard):
                kept_guesses.append(shard)
        stale.sort(key=lambda shard: len(shard.records), reverse=True)
        running += [pool.submit(_index_shard, s, bundle, salt, late, keys) for s in stale]
        # perf: the counts are made while Pagefind's processes index (2 s of CPU at 100,000
        # articles), from the records as planned; made again below only if a guess was wrong.
        planned = [r for s in shards for r in s.records]
        counts = count_facets(planned)
        for future in running:
            future.result()
    for shard in kept_guesses:  # kept because its guesses match the last build: check them
        assert late is not None
        _check_guesses(shard, bundle, salt, late, keys)
    if store is not None:
        for shard in shards:
            _store_shard(shard, bundle, store)
    _remove_vanished_shards(bundle, shards)
    shutil.rmtree(bundle / TRASH_DIR, ignore_errors=True)
    if store is not None:
        _prune_store(store, shards)
    # search.js merges the older shards, and runs a date-sorted search shard by shard (newest
    # first or last), because Pagefind orders merged results by score, not by the sort key:
    # each search is filtered to one shard's records, by its years, or for a part of a split
    # year by its months (the part holding January also by its year, less the other months:
    # it holds the year's articles that have no month).
    manifest = []
    for s in shards:
        item: dict[str, object] = {"path": s.path, "label": s.label, "years": s.years}
        if s.months:
            item["months"] = s.months
        item["articles"] = len(s.records)
        # The languages of its records, each a Pagefind index of its own that search.js merges
        # (Pagefind's key for an index is the record's language, the primary subtag here).
        languages = Counter(r.language for r in s.records)
        if s.placeholder_language:  # an index of no article: listed, so search.js loads it
            languages[s.placeholder_language] = 0
        item["languages"] = dict(sorted(languages.items()))
        manifest.append(item)
    # Atomically: a reader of a site being rebuilt never sees half a list.
    write_atomic(bundle / SHARDS_FILE, json.dumps(manifest, ensure_ascii=False))
    # The counts of searches without words, so the search page needs no shard for them.
    final = [r for s in shards for r in s.records]
    write_counts(counts if final == planned else count_facets(final), bundle)
    for unused in bundle.glob("pagefind-*ui.*"):  # Pagefind's ready-made UIs: search.js is ours
        unused.unlink()
    return shards


def language_placeholder(language: str) -> SearchRecord:
    """A record that gives the primary shard an index in the site's language when none of its
    articles is in it (the newest year all in French on an English site).

    Why: Pagefind runs one stemmer on every query, that of the index it loads first from the
    primary shard (the page's language when the primary has it, else its largest), for every
    merged index too: with only a French index in the primary, an English word was stemmed the
    French way and its English articles in older shards were not found.

    Never a result: its one word is "_" (Pagefind drops a record without words), and it has
    no filter and no sort key, so every search without words (each has a filter, a range or an
    order) leaves it out; and its URL is the home page."""
    return SearchRecord(url="/", content="_", language=language)


def _index_shard(
    shard: Shard,
    bundle: Path,
    salt: str,
    late: LateRecords | None,
    keys: Mapping[str, str] | None,
) -> None:
    """Index one shard, then check its guessed records (`LateRecords`), if any."""
    _index_records(shard, bundle)
    if late is not None and any(r.url in late.urls for r in shard.records):
        _check_guesses(shard, bundle, salt, late, keys)


def _check_guesses(
    shard: Shard,
    bundle: Path,
    salt: str,
    late: LateRecords,
    keys: Mapping[str, str] | None,
) -> None:
    """Wait for the records MkDocs makes of the shard's guessed ones; index the shard again
    with them if a guess was wrong."""
    real = [late.get(r.url) if r.url in late.urls else r for r in shard.records]
    if real != shard.records:
        shard.records, shard.reused = real, False
        _index_records(shard, bundle)
    shard.digest = shard_digest(shard, salt, keys)


def _index_records(shard: Shard, bundle: Path) -> None:
    """An older shard is written beside its old folder and swapped in; the primary is the
    bundle's root (it holds the other shards), so its own files are cleared."""
    if shard.path:
        target = bundle / shard.path
        output = target.parent / f".tmp-{target.name}"
        shutil.rmtree(output, ignore_errors=True)
    else:
        output = bundle
        _clear_primary(bundle)
    writer = PagefindWriter()
    try:
        for record in sorted(shard.records, key=lambda r: r.url):  # the same input, same index
            writer.add(record)
        if shard.placeholder_language:
            writer.add(language_placeholder(shard.placeholder_language))
        writer.write(output)
    finally:
        writer.close()
    settle(output)  # the same records, the same files
    shard.peak_rss_mb = writer.peak_rss_mb
    if shard.path:  # a merged shard needs only its index: the primary brings the code
        for unused in [*output.glob("*.js"), *output.glob("*.css")]:
            unused.unlink()
        shutil.rmtree(target, ignore_errors=True)
        os.replace(output, target)


def _shard_files(shard: Shard, bundle: Path) -> list[Path]:
    """A shard's files (the primary's: all but the older shards and the shard list)."""
    root = bundle / shard.path if shard.path else bundle
    skip = () if shard.path else _NOT_PRIMARY
    return [
        p
        for top in root.iterdir()
        if top.name not in skip
        for p in ([top] if top.is_file() else top.rglob("*"))
        if p.is_file()
    ]


def _link(source: Path, destination: Path) -> None:
    """Hard link (no copy, no extra disk), or a copy where links are not possible."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def _store_shard(shard: Shard, bundle: Path, store: Path) -> None:
    """Keep the shard's files in the store under its digest, unless they already are."""
    kept = store / shard.digest
    if (kept / ENTRY_FILE).is_file():
        return
    root = bundle / shard.path if shard.path else bundle
    tmp = store / f".tmp-{shard.digest}"
    shutil.rmtree(tmp, ignore_errors=True)
    for path in _shard_files(shard, bundle):
        _link(path, tmp / path.relative_to(root))
    shutil.rmtree(kept, ignore_errors=True)
    os.replace(tmp, kept)


def _restore_shard(shard: Shard, bundle: Path, store: Path) -> None:
    kept = store / shard.digest
    if shard.path:
        target = bundle / shard.path
        shutil.rmtree(target, ignore_errors=True)
    else:
        target = bundle
        _clear_primary(bundle)
    for path in kept.rglob("*"):
        if path.is_file():
            _link(path, target / path.relative_to(kept))


def _prune_store(store: Path, shards: list[Shard]) -> None:
    """The store holds one build's shards, like the rest of the build cache."""
    wanted = {s.digest for s in shards}
    for path in store.iterdir():
        if path.name not in wanted:
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def _clear_primary(bundle: Path) -> None:
    """Move the primary's files (all but the older shards and the shard list) out of the way,
    into a folder that `write_bundle` deletes when it is done.

    perf: a rename per top-level entry (about ten), not a deletion per file (thousands): this
    runs in a thread beside MkDocs' own, busy one, and there every system call made from Python
    waits for the interpreter lock to come back (measured: 2.4 s to delete one year's index
    before indexing could start, during a rebuild that takes 9)."""
    if not bundle.is_dir():
        return
    trash = bundle / TRASH_DIR / f"{os.getpid()}-{threading.get_ident()}-{time.monotonic_ns()}"
    for path in bundle.iterdir():
        if path.name in _NOT_PRIMARY:
            continue
        trash.mkdir(parents=True, exist_ok=True)
        os.replace(path, trash / path.name)


def _remove_vanished_shards(bundle: Path, shards: list[Shard]) -> None:
    """Shard folders of a previous build that this plan no longer has (and leftovers)."""
    folder = bundle / SHARDS_DIR
    if not folder.is_dir():
        return
    wanted = {(bundle / s.path).resolve() for s in shards if s.path}
    for path in folder.iterdir():
        if path.resolve() not in wanted:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    if not any(folder.iterdir()):
        folder.rmdir()
