"""Story clusters: the archive's articles grouped into stories, each the articles that report
the same events (shared people, organisations and places, close in time, or other versions of
one text). Pure: no I/O, no MkDocs.

Two articles are linked when they are within `WINDOW_DAYS` of each other and either are versions
of one text (near duplicates, recorded at ingest), or share at least `MIN_NAMES` distinctive
names plus a topic or a title word. A name is distinctive when at most `COMMON_SHARE` of the
archive's articles (and at least `MIN_COMMON`) carry it: in a large archive about Gaza, "Hamas"
or "Benjamin Netanyahu" is on most pages and says nothing about which story an article is part
of, while a small archive has too few articles to tell a common name from a story's. Stories
are the connected groups of links (single linkage), so a story that runs for weeks is followed
from one report to the next.

A date is the span of days it can mean (one day; a month; `2024-12/2025-01`, `2024-12-XX`), and
two articles are within the window when their spans are: a report dated "December 2024 or
January 2025" may be part of a story of 3 January, and claiming one of its days would be a
guess. A date that can mean more than `MAX_SPAN_DAYS` days (a season, a year, `198X`,
`[2024,2025]`) is too vague to place next to another report, so it belongs to no story.

Why not a clustering library (scikit-learn's agglomerative clustering, HDBSCAN): they need a
vector per article and a distance threshold that means nothing to a curator, and they pull in
scipy (0.8 s to import, measured on this machine) for what is a union of pairs found in one pass
over a time-ordered list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from chronicle.archive.index import Archive, Entry, source_name
from chronicle.text.normalize import make_slug

WINDOW_DAYS = 14
# Two months (December and January: 62 days): a date that crosses a year by a month either side
# still takes part; a season (about 92 days) or a year does not.
MAX_SPAN_DAYS = 62
MAX_NEIGHBOURS = 200  # perf: at most this many later articles are compared with each one
MIN_NAMES = 2
COMMON_SHARE = 0.05
MIN_COMMON = 10
MIN_ARTICLES = 2
NAMES_IN_TITLE = 3
_NAME_KINDS = ("people", "organisations", "places")
# Title words shorter than this (articles, prepositions, "says") are not evidence of one story.
_MIN_TITLE_WORD = 5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Story:
    """One story: its articles oldest first, the names most of them share, who covered it."""

    slug: str
    names: tuple[str, ...]  # the names its articles share most, most shared first
    entries: tuple[Entry, ...]  # oldest first
    sources: tuple[tuple[str, int], ...]  # (source as listed, articles), most first

    @property
    def first(self) -> Entry:
        return self.entries[0]

    @property
    def last(self) -> Entry:
        return self.entries[-1]


def date_span(entry: Entry) -> tuple[dt.date, dt.date] | None:
    """The first and last day the article's date can mean; None when undated or when it can
    mean more than `MAX_SPAN_DAYS` days (too vague to place next to another report)."""
    date = entry.article.date
    if date is None:
        return None
    first, last = date.as_date(), date.latest()
    return (first, last) if (last - first).days < MAX_SPAN_DAYS else None


def days_apart(earlier: tuple[dt.date, dt.date], later: tuple[dt.date, dt.date]) -> int:
    """Days between two spans, the `later` one starting no earlier; 0 when they overlap."""
    return max(0, (later[0] - earlier[1]).days)


def _names(entry: Entry) -> frozenset[str]:
    a = entry.article
    return frozenset(name for kind in _NAME_KINDS for name in getattr(a, kind))


def _title_words(entry: Entry) -> frozenset[str]:
    words = _WORD.findall(entry.article.title.casefold())
    return frozenset(w for w in words if len(w) >= _MIN_TITLE_WORD and not w.isdigit())


class _Union:
    """Union-find over list positions."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


@dataclass(frozen=True)
class _Features:
    names: frozenset[str]  # distinctive names only
    topics: frozenset[str]
    words: frozenset[str]  # title words

    def linked(self, other: _Features) -> bool:
        if len(self.names & other.names) < MIN_NAMES:
            return False
        return bool(self.topics & other.topics) or bool(self.words & other.words)


def story_clusters(archive: Archive) -> list[Story]:
    """The archive's stories of at least `MIN_ARTICLES` articles, newest story first (by the
    first possible day of its latest article). Undated articles, and those whose date can mean
    more than `MAX_SPAN_DAYS` days (a year, `198X`), belong to no story."""
    placed = sorted(
        ((span, e) for e in archive.entries if (span := date_span(e)) is not None),
        key=lambda pair: (pair[0][0], pair[1].article.sort_key, pair[1].src_uri),
    )
    if not placed:
        return []
    df: Counter[str] = Counter()
    for _, entry in placed:
        df.update(_names(entry))
    common = max(MIN_COMMON, COMMON_SHARE * len(placed))
    features = [
        _Features(
            frozenset(n for n in _names(e) if df[n] <= common),
            frozenset(e.article.topics),
            _title_words(e),
        )
        for _, e in placed
    ]
    position = {e.article.id: i for i, (_, e) in enumerate(placed)}
    union = _Union(len(placed))
    for i, (span, entry) in enumerate(placed):
        for other_id in entry.article.other_versions:
            if other_id in position:
                union.join(i, position[other_id])
        for j in range(i + 1, min(i + 1 + MAX_NEIGHBOURS, len(placed))):
            later = placed[j][0]
            # Sorted by first day: no later article can be in reach once the first days are
            # further apart than the window and the longest span together.
            if (later[0] - span[0]).days > WINDOW_DAYS + MAX_SPAN_DAYS:
                break
            if days_apart(span, later) <= WINDOW_DAYS and features[i].linked(features[j]):
                union.join(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(len(placed)):
        groups.setdefault(union.find(i), []).append(i)
    stories = [
        _story([placed[i][1] for i in members], [features[i].names for i in members])
        for members in groups.values()
        if len(members) >= MIN_ARTICLES
    ]
    stories.sort(key=lambda s: (_first_day(s.last), s.last.article.sort_key, s.slug), reverse=True)
    return _unique_slugs(stories)


def _story(entries: list[Entry], names: list[frozenset[str]]) -> Story:
    counts: Counter[str] = Counter(n for found in names for n in found)
    shared = [n for n, c in sorted(counts.items(), key=lambda t: (-t[1], t[0])) if c >= 2]
    top = tuple(shared[:NAMES_IN_TITLE])
    sources = Counter(source_name(e.article) for e in entries)
    day = _first_day(entries[0]).isoformat()
    return Story(
        slug=make_slug(f"{day} {' '.join(top)}") or day,
        names=top,
        entries=tuple(entries),
        sources=tuple(sorted(sources.items(), key=lambda t: (-t[1], t[0]))),
    )


def _first_day(entry: Entry) -> dt.date:
    """The first day a clustered article's date can mean: where it starts a story."""
    date = entry.article.date
    assert date is not None  # only placed articles are clustered
    return date.as_date()


def _unique_slugs(stories: list[Story]) -> list[Story]:
    """Two stories that start on one day with the same names get "-2", "-3"… in time order of
    their last article (oldest keeps the plain slug), so a page's address is stable as newer
    stories are added."""
    seen: Counter[str] = Counter()
    out: list[Story] = []
    for story in reversed(stories):
        seen[story.slug] += 1
        n = seen[story.slug]
        slug = story.slug if n == 1 else f"{story.slug}-{n}"
        out.append(Story(slug, story.names, story.entries, story.sources))
    return out[::-1]


def story_of(stories: list[Story]) -> dict[str, Story]:
    """src_uri → the story its article belongs to."""
    return {e.src_uri: story for story in stories for e in story.entries}
