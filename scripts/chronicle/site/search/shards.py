"""Which records are indexed together: shards of whole years, parts of large years, and the
digest that says whether a shard's files can be kept."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from chronicle.site.build.keys import shard_key
from chronicle.site.search.records import UNDATED, YEAR_UNCERTAIN, SearchRecord, record_to_json

SHARDS_DIR = "shards"


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
    # The primary only: the site's language when none of its records is in it, indexed with a
    # placeholder record (see bundle.language_placeholder).
    placeholder_language: str = ""
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
    # Neither has a year to share a shard by: they join the oldest, the uncertain years first.
    apart = [v for v in (YEAR_UNCERTAIN, UNDATED) if v in by_year]
    undated = [r for v in apart for r in by_year.pop(v)]
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
        shards[-1].years.extend(apart)
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


def shard_digest(shard: Shard, salt: str, keys: Mapping[str, str] | None = None) -> str:
    """What a shard's files are made from (`keys.shard_key`): its records (sorted, so the order
    pages were rendered in does not matter), where it goes, and the bundle's `salt`
    (`keys.shard_salt`: the forced language, the indexer's version and the rest of the
    toolchain).

    `keys` (address → a digest of everything the record is made from, see
    indexing.entry_record_key) stand for the records when given: digesting a year's records
    (a few MB of text) on every rebuild costs more than the rebuild's own planning, and a
    guessed record (LateRecords) has the key of the record it guesses."""
    records = sorted(shard.records, key=lambda r: r.url)
    if keys is not None and all(r.url in keys for r in records):
        parts = [f"{r.url} {keys[r.url]}" for r in records]
    else:
        parts = [record_to_json(r) for r in records]
    if shard.placeholder_language:
        parts.append(f"placeholder {shard.placeholder_language}")
    return shard_key(salt, shard.path, parts)
