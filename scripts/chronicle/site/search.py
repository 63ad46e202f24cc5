"""Full-text search: articles → Pagefind records, and a small client that writes the index.

Pagefind (PyPI `pagefind`, whose wheel ships the indexer binary) builds a static, chunked index
that a browser fetches piece by piece, so a reader downloads only the parts a query needs.

Records, not HTML: each article is indexed straight from the model and its rendered body text
with Pagefind's "custom record" call, so the indexer never re-parses whole Material pages (nav,
header, footer), which is what made indexing 10,000 unmarked pages take 48 s and 3.8 GB. The
article template still carries the same contract as `data-pagefind-*` attributes, so running the
stock `pagefind --site site` over a build gives an equivalent index (see docs/guide/searching.md).

`record_for` is pure and testable without MkDocs or the binary. `PagefindWriter` talks to the
binary's `--service` mode (base64 JSON messages separated by commas, the protocol of the official
Python and Node wrappers). Why not the `pagefind.index.PagefindIndex` wrapper itself: its reader
loop sleeps 100 ms before each response, i.e. 10 records a second (measured: 50 records, 5.0 s),
about three hours for 100,000 articles; this client streams requests and reads responses on a
thread, so indexing runs at the binary's own speed.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import html
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from chronicle.archive.index import Entry
from chronicle.errors import ChronicleError
from chronicle.site.build.cache import digest
from chronicle.text.normalize import language_code

# Filters readers can facet on, in the order the search page shows them. `day` is not a facet: it
# only lets a date range end part-way through a month (see assets/chronicle/search.js).
FACETS: tuple[tuple[str, str], ...] = (
    ("source", "Source"),
    ("topic", "Topic"),
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("place", "Place"),
    ("language", "Language"),
    ("year", "Year"),
    ("month", "Month"),
)
UNKNOWN_SOURCE = "Unknown source"
UNDATED = "Undated"
# Pagefind leaves out of a sorted search every page that lacks the sort key, so undated articles
# get a sentinel instead: `date` puts them last when sorting newest first (descending), and
# `date_oldest` puts them last when sorting oldest first (ascending).
UNDATED_NEWEST_LAST = "0000-00-00"
UNDATED_OLDEST_LAST = "9999-99-99"


class SearchIndexError(ChronicleError):
    """The Pagefind indexer failed or is missing."""


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One article as Pagefind indexes it."""

    url: str  # site-relative, starting with "/"
    content: str  # plain text: excerpts are cut from it, so it must carry no markup
    language: str
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


_RECORD_FIELDS = dataclasses.fields(SearchRecord)
_BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|pre|tr|td|th|dd|dt|div|figcaption)>|<br\s*/?>", re.I
)
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def html_to_text(fragment: str) -> str:
    """Sanitised article HTML → plain text, paragraphs kept apart so words never run together."""
    text = _HEADERLINK.sub("", fragment)  # the "¶" permalinks Python-Markdown adds to headings
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    # Pagefind's excerpts are inserted as HTML by the result list; angle brackets from the
    # article's own text are replaced so an excerpt can only ever carry Pagefind's <mark>.
    text = text.replace("<", "‹").replace(">", "›")
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def record_for(entry: Entry, body_text: str, *, default_language: str = "en") -> SearchRecord:
    """The record for one article: what is searched, filtered, sorted and shown with a result."""
    article = entry.article
    date = article.date
    source = article.source or UNKNOWN_SOURCE
    meta = {"title": article.title, "source": source}
    filters: dict[str, list[str]] = {
        "source": [source],
        # The primary subtag: 'pt-BR' and 'pt' are one value of the facet.
        "language": [language_code(article.language) or default_language],
    }
    for key, values in (
        ("topic", article.topics),
        ("person", article.people),
        ("organisation", article.organisations),
        ("place", article.places),
    ):
        if values:
            filters[key] = sorted(set(values))
    if date is None:
        meta["date"] = "Date unknown"
        filters["year"] = [UNDATED]
        sort = {"date": UNDATED_NEWEST_LAST, "date_oldest": UNDATED_OLDEST_LAST}
    else:
        meta["date"] = date.human()
        meta["date_iso"] = date.iso
        filters["year"] = [f"{date.year:04d}"]
        if date.month is not None:
            filters["month"] = [f"{date.year:04d}-{date.month:02d}"]
            if date.day is not None:
                filters["day"] = [date.iso]
        sort = {"date": date.sort_key, "date_oldest": date.sort_key}
    # The title is searched too (Pagefind weights it as a heading when it leads the content).
    content = f"{article.title}\n{body_text}".strip()
    return SearchRecord(
        url="/" + entry.url.lstrip("/"),
        content=content,
        language=article.language or default_language,
        meta=meta,
        filters=filters,
        sort=sort,
    )


@dataclass
class Shard:
    """A run of whole years indexed together, or one part of a large year (whole consecutive
    months, see `plan_shards`); the newest shard is the primary bundle."""

    label: str  # "2019-2025", "2003", "2024-m07-m12" (a part: its first and last month), "undated"
    path: str  # bundle folder under the site's pagefind/ ("" for the primary)
    years: list[str] = field(default_factory=list)  # `year` filter values, newest first
    # A part of a split year: the `month` filter values ("YYYY-MM") it covers, oldest first;
    # empty for whole years. search.js filters a date-sorted search by them (see write_bundle).
    months: list[str] = field(default_factory=list)
    records: list[SearchRecord] = field(default_factory=list)
    peak_rss_mb: float | None = None
    digest: str = ""  # of its records, see shard_digest
    reused: bool = False  # True: its files were kept from the previous build


# How many parts a split year may have: each part is whole consecutive months, the same number
# for every part of the year (12 / k), so a part's months never depend on its neighbours' counts.
SPLIT_PARTS = (1, 2, 3, 4, 6, 12)


def plan_shards(
    records: Iterable[SearchRecord], max_articles: int, small_year: int = 0, split_year: int = 0
) -> list[Shard]:
    """Group records into shards of whole years, newest first, of at most `max_articles` each
    (a single year larger than that stays whole); undated articles join the oldest shard.

    Why shards: Pagefind's indexer peaks at about 0.22 MB per article while writing (measured:
    2.2 GB for 10,000), so one index of 100,000 would need some 22 GB; and its metadata file,
    which a browser loads before the first query, grows by about 8 KB (gzip) per 1,000 articles.
    Shards bound both: each is written alone, and a browser searches the newest shard first and
    merges the older ones after (Pagefind's mergeIndex).

    `max_articles` 0 (the default) makes one shard per year: the plan of one year never depends
    on another's count, so a rebuild after adding an article re-indexes only its year's shard
    (and the oldest when it is undated). With a cap, a year that grows can push the run
    boundaries of every older year, and they are all re-indexed.

    `small_year` (with `max_articles` 0): consecutive years of the same decade with fewer
    articles than this share one shard. A shard costs a browser about 30 KB (its entry, page
    list and filter files) whenever every shard is searched (measured: 830 KB for one word over
    1,000 articles in 26 one-year shards), so a small archive spread over many years would pay
    that for nothing; a group's plan still depends on its decade alone.

    `split_year` (with `max_articles` 0; 0: off): a year with more articles than this is split
    into k parts of 12/k whole consecutive months (k=2: January-June and July-December; 4:
    quarters; 12: months), k the smallest of `SPLIT_PARTS` with at most `split_year` articles
    a part on average (12 when none is); empty parts are left out, and a split year never shares
    a shard with small years. Why: re-indexing a shard takes time linear in its records
    (measured: 425 records 0.7 s, 1,651 records 2.7 s), and after one article is added the
    build waits for its shard last; a part holds a fraction of its year. The parts depend on
    their year's records alone, so a rebuild re-indexes the one part that changed (all of the
    year's only when its k changes). Articles known only by their year go to the part holding
    January (it is made for them if need be): search.js relies on that (see `write_bundle`).
    A year of which no article has a month stays whole. Parts are labelled by their first and
    last month, `2024-m07-m12` (or `2024-m07` for one month): not a date, so never mistaken
    for `2024-07-12`."""
    by_year: dict[str, list[SearchRecord]] = {}
    for record in records:
        by_year.setdefault(record.filters["year"][0], []).append(record)
    undated = by_year.pop(UNDATED, [])
    shards: list[Shard] = []
    group: list[str] = []
    count = 0
    for year in sorted(by_year, reverse=True):
        parts = _month_parts(year, by_year[year], split_year) if not max_articles else []
        if parts:
            if group:
                shards.append(_shard(group, by_year))
                group, count = [], 0
            shards.extend(parts)
            continue
        if group and (
            count + len(by_year[year]) > max_articles
            if max_articles
            else not _same_small_decade(group[-1], year, by_year, small_year)
        ):
            shards.append(_shard(group, by_year))
            group, count = [], 0
        group.append(year)
        count += len(by_year[year])
    if group:
        shards.append(_shard(group, by_year))
    if undated:
        if not shards:
            shards.append(Shard(label="undated", path=""))
        shards[-1].records.extend(undated)
        shards[-1].years.append(UNDATED)
    if not shards:
        shards.append(Shard(label="empty", path=""))
    shards[0].path = ""
    return shards


def _month_parts(year: str, records: list[SearchRecord], split_year: int) -> list[Shard]:
    """The parts of a year larger than `split_year`, newest first ([] when it stays whole)."""
    if split_year <= 0 or len(records) <= split_year:
        return []
    if not any("month" in r.filters for r in records):
        return []  # nothing to split by
    parts = next((k for k in SPLIT_PARTS if len(records) <= k * split_year), SPLIT_PARTS[-1])
    size = 12 // parts
    by_part: dict[int, list[SearchRecord]] = {}
    for record in records:
        month = record.filters.get("month")
        # Known only by its year: with the January part (the first of the year's date order).
        number = int(month[0][5:7]) if month else 1
        by_part.setdefault((number - 1) // size, []).append(record)
    shards = []
    for index in sorted(by_part, reverse=True):
        first, last = index * size + 1, index * size + size
        label = f"{year}-m{first:02d}" + (f"-m{last:02d}" if last > first else "")
        shards.append(
            Shard(
                label=label,
                path=f"{SHARDS_DIR}/{label}/",
                years=[year],
                months=[f"{year}-{m:02d}" for m in range(first, last + 1)],
                records=by_part[index],
            )
        )
    return shards


def _same_small_decade(
    newer: str, older: str, by_year: dict[str, list[SearchRecord]], small_year: int
) -> bool:
    """Whether two consecutive years share a shard: both small, in the same decade."""
    small = all(len(by_year[y]) < small_year for y in (newer, older))
    return small and newer[:3] == older[:3]


def _shard(years: list[str], by_year: dict[str, list[SearchRecord]]) -> Shard:
    label = years[0] if len(years) == 1 else f"{years[-1]}-{years[0]}"
    records = [r for y in years for r in by_year[y]]
    return Shard(label=label, path=f"{SHARDS_DIR}/{label}/", years=list(years), records=records)


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
SHARDS_DIR = "shards"
TRASH_DIR = ".chronicle-old"  # the files of a replaced primary shard, until the bundle is done


def record_to_json(record: SearchRecord) -> str:
    """A record as stored in the build cache (and digested per shard)."""
    # perf: not `dataclasses.asdict`, which deep-copies every list and dict first; a record's
    # fields are plain JSON values already. Every record is digested on every build.
    fields = {f.name: getattr(record, f.name) for f in _RECORD_FIELDS}
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)


def record_from_json(text: str) -> SearchRecord:
    return SearchRecord(**json.loads(text))


def shard_digest(shard: Shard, language: str, keys: Mapping[str, str] | None = None) -> str:
    """What a shard's files are made from: its records (sorted, so the order pages were rendered
    in does not matter), where it goes (the primary keeps Pagefind's code, the others do not),
    the forced language and the indexer's version.

    `keys` (address → a digest of everything the record is made from, see plugin.py) stand for
    the records when given: digesting a year's records (a few MB of text) on every rebuild
    costs more than the rebuild's own planning, and a guessed record (LateRecords) has the key
    of the record it guesses."""
    records = sorted(shard.records, key=lambda r: r.url)
    if keys is not None and all(r.url in keys for r in records):
        parts = [f"{r.url} {keys[r.url]}" for r in records]
    else:
        parts = [record_to_json(r) for r in records]
    return digest(shard.path, language, _pagefind_version(), *parts)


def _pagefind_version() -> str:
    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "-"


def write_bundle(
    records: Iterable[SearchRecord],
    bundle: Path,
    *,
    max_articles: int,
    small_year: int = 0,
    split_year: int = 0,
    language: str = "en",
    previous: dict[str, str] | None = None,
    store: Path | None = None,
    jobs: int = 1,
    late: LateRecords | None = None,
    keys: Mapping[str, str] | None = None,
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

    `keys`: see `shard_digest`; `max_articles`, `small_year` and `split_year`: see
    `plan_shards`."""
    shards = plan_shards(records, max_articles, small_year, split_year)
    previous = previous or {}
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
            shard.digest = shard_digest(shard, language, keys)
            target = bundle / shard.path if shard.path else bundle
            if previous.get(shard.path) == shard.digest and (target / ENTRY_FILE).is_file():
                shard.reused = True
            elif store is not None and (store / shard.digest / ENTRY_FILE).is_file():
                _restore_shard(shard, bundle, store)
                shard.reused = True
            elif guessed(shard):
                running.append(pool.submit(_index_shard, shard, bundle, language, late, keys))
            else:
                stale.append(shard)
            if shard.reused and guessed(shard):
                kept_guesses.append(shard)
        stale.sort(key=lambda shard: len(shard.records), reverse=True)
        running += [pool.submit(_index_shard, s, bundle, language, late, keys) for s in stale]
        for future in running:
            future.result()
    for shard in kept_guesses:  # kept because its guesses match the last build: check them
        assert late is not None
        real = [late.get(r.url) if r.url in late_urls else r for r in shard.records]
        if real != shard.records:
            shard.records, shard.reused = real, False
            _index_records(shard, bundle, language)
            shard.digest = shard_digest(shard, language, keys)
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
        manifest.append(item)
    # Atomically: a reader of a site being rebuilt never sees half a list.
    tmp = bundle / f".{SHARDS_FILE}.tmp"
    tmp.write_text(json.dumps(manifest), encoding="utf-8")
    os.replace(tmp, bundle / SHARDS_FILE)
    for unused in bundle.glob("pagefind-*ui.*"):  # Pagefind's ready-made UIs: search.js is ours
        unused.unlink()
    return shards


ENTRY_FILE = "pagefind-entry.json"


def _index_shard(
    shard: Shard,
    bundle: Path,
    language: str,
    late: LateRecords | None,
    keys: Mapping[str, str] | None,
) -> None:
    """Index one shard, then check its guessed records (`LateRecords`), if any, and index it
    again with the real ones if a guess was wrong."""
    guessed = late is not None and any(r.url in late.urls for r in shard.records)
    _index_records(shard, bundle, language)
    if late is None or not guessed:
        return
    real = [late.get(r.url) if r.url in late.urls else r for r in shard.records]
    if real != shard.records:
        shard.records = real
        _index_records(shard, bundle, language)
    shard.digest = shard_digest(shard, language, keys)


def _index_records(shard: Shard, bundle: Path, language: str) -> None:
    """An older shard is written beside its old folder and swapped in; the primary is the
    bundle's root (it holds the other shards), so its own files are cleared."""
    if shard.path:
        target = bundle / shard.path
        output = target.parent / f".tmp-{target.name}"
        shutil.rmtree(output, ignore_errors=True)
    else:
        output = bundle
        _clear_primary(bundle)
    writer = PagefindWriter(language=language)
    try:
        for record in sorted(shard.records, key=lambda r: r.url):  # the same input, same index
            writer.add(record)
        writer.write(output)
    finally:
        writer.close()
    shard.peak_rss_mb = writer.peak_rss_mb
    if shard.path:  # a merged shard needs only its index: the primary brings the code
        for unused in [*output.glob("*.js"), *output.glob("*.css")]:
            unused.unlink()
        shutil.rmtree(target, ignore_errors=True)
        os.replace(output, target)


def _shard_files(shard: Shard, bundle: Path) -> list[Path]:
    """A shard's files (the primary's: all but the older shards and the shard list)."""
    root = bundle / shard.path if shard.path else bundle
    skip = () if shard.path else (SHARDS_DIR, SHARDS_FILE, TRASH_DIR)
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
        if path.name in (SHARDS_DIR, SHARDS_FILE, TRASH_DIR):
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


def pagefind_binary() -> Path:
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise SearchIndexError(
            "pagefind", "the Pagefind binary is missing; install 'pagefind[extended]'"
        )
    return binary


PIPE_BYTES = 1 << 20


def _widen(pipe: object) -> None:
    """Make a pipe hold PIPE_BYTES (Linux: F_SETPIPE_SZ; elsewhere, or over the system's limit,
    it keeps its size)."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), getattr(fcntl, "F_SETPIPE_SZ", 1031), PIPE_BYTES)  # type: ignore[attr-defined]
    except (ImportError, OSError, AttributeError, ValueError):
        pass


class PagefindWriter:
    """One Pagefind index in a `pagefind --service` subprocess: `add` records, then `write`.

    Requests are streamed; a reader thread collects responses so neither side's pipe fills up.
    `language` is forced for the whole index: Pagefind would otherwise split records into one
    index per language and a reader would only search the one matching the page's language.
    """

    def __init__(self, *, language: str = "en") -> None:
        # perf: requests go out in writes of about 1 MB through pipes of 1 MB, not one write
        # per record through the default 64 KB. Indexing runs in a thread while MkDocs' own
        # thread keeps the interpreter busy, and every write that blocks must win the
        # interpreter lock back before the next: per record, that starved the indexer
        # (measured: one year's shard, 1,700 articles, 4.8 s alone, 7 s beside a rebuild).
        self._process = subprocess.Popen(
            [str(pagefind_binary()), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            bufsize=PIPE_BYTES,
        )
        for pipe in (self._process.stdin, self._process.stdout):
            _widen(pipe)
        self._lock = threading.Condition()
        self._responses: dict[int, dict] = {}
        self._errors: list[str] = []
        self._next_id = 0
        self.records = 0
        self.peak_rss_mb: float | None = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        reply = self._call({"type": "NewIndex", "config": {"force_language": language}})
        self._index_id = reply["index_id"]

    @property
    def pid(self) -> int:
        return self._process.pid

    def _read(self) -> None:
        assert self._process.stdout is not None
        pending: list[bytes] = []  # parts of a message not yet ended by a comma
        while chunk := self._process.stdout.read1(1 << 20):
            if b"," not in chunk:
                pending.append(chunk)  # the bundle comes as one large message: no re-copying
                continue
            *messages, rest = chunk.split(b",")
            messages[0] = b"".join([*pending, messages[0]])
            pending = [rest]
            for message in messages:
                if not message.strip():
                    continue
                response = json.loads(base64.b64decode(message))
                payload = response.get("payload", {})
                with self._lock:
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("message")))
                    message_id = response.get("message_id")
                    # A record's reply carries nothing we need: keep only the others.
                    if message_id is not None and payload.get("type") != "IndexedFile":
                        self._responses[message_id] = payload
                    self._lock.notify_all()
        with self._lock:
            self._errors.append("the Pagefind service exited")
            self._lock.notify_all()

    def _send(self, payload: dict) -> int:
        self._next_id += 1
        request = {"message_id": self._next_id, "payload": payload}
        assert self._process.stdin is not None
        try:
            self._process.stdin.write(base64.b64encode(json.dumps(request).encode()) + b",")
        except BrokenPipeError:
            self._raise()
        return self._next_id

    def _wait(self, message_id: int) -> dict:
        with self._lock:
            while message_id not in self._responses and not self._errors:
                self._lock.wait(timeout=1)
            if self._errors:
                self._raise()
            return self._responses.pop(message_id)

    def _call(self, payload: dict) -> dict:
        message_id = self._send(payload)
        assert self._process.stdin is not None
        try:
            self._process.stdin.flush()
        except BrokenPipeError:
            self._raise()
        return self._wait(message_id)

    def _raise(self) -> None:
        # A broken pipe must not escape as itself: click turns EPIPE into a silent exit 1.
        errors = [e for e in self._errors if e != "the Pagefind service exited"]
        if not errors:  # it stopped without a word: say how
            try:
                code = self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                code = None
            binary = self._process.args[0] if isinstance(self._process.args, list) else "pagefind"
            errors.append(f"the Pagefind indexer ({binary}) stopped, exit code {code}")
        raise SearchIndexError("pagefind", "; ".join(errors[:3]))

    def add(self, record: SearchRecord) -> None:
        """Queue one record; errors surface at the latest when the index is written."""
        if self._errors:
            self._raise()
        self._send(
            {
                "type": "AddRecord",
                "index_id": self._index_id,
                "url": record.url,
                "content": record.content,
                "language": record.language,
                "meta": record.meta,
                "filters": record.filters,
                "sort": record.sort,
            }
        )
        self.records += 1

    def write(self, output: Path) -> None:
        """Write the bundle (pagefind.js, index chunks, fragments…) into `output`, then stop.

        The files are fetched and written here rather than with Pagefind's WriteFiles, which
        answers before its files are on disk: stopping the service then truncated some
        (measured: 1 bundle in 20 with an empty pagefind-entry.json)."""
        try:
            reply = self._call({"type": "GetFiles", "index_id": self._index_id})
            for item in reply["files"]:
                path = output / item["path"]
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(base64.b64decode(item["content"]))
        finally:
            self.close()

    def close(self) -> None:
        # Closing its input ends the service; it is stopped only if it does not.
        if self._process.poll() is None:
            with contextlib.suppress(OSError):
                assert self._process.stdin is not None
                self._process.stdin.close()
            if self._reap(timeout=120):
                return
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def _reap(self, timeout: float) -> bool:
        """Wait for the service to exit; keep its peak memory (the kernel's ru_maxrss)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self._process.pid, os.WNOHANG)
            if pid:
                self._process.returncode = os.waitstatus_to_exitcode(status)
                self.peak_rss_mb = usage.ru_maxrss / 1024  # KB on Linux
                return True
            time.sleep(0.02)
        return False

    def __enter__(self) -> PagefindWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
