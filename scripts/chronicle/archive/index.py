"""The archive as indexes: by date, topic and source, in time order. Pure: no I/O.

Built once per build from the stored articles; every derived page reads from here, so no page
scans the whole archive on its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from chronicle.archive.model import Article
from chronicle.text.normalize import make_slug


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored article and where it is published on the site."""

    article: Article
    url: str  # site-relative, e.g. "articles/2025/03/21/slug/"
    src_uri: str


@dataclass
class Group:
    """A named set of entries (a topic, a source), newest first."""

    name: str
    slug: str
    entries: list[Entry] = field(default_factory=list)


@dataclass
class Archive:
    entries: list[Entry]  # newest first; undated last
    years: dict[int, list[Entry]]
    months: dict[tuple[int, int], list[Entry]]
    days: dict[tuple[int, int, int], list[Entry]]
    undated: list[Entry]
    approximate: list[Entry]
    topics: dict[str, Group]
    sources: dict[str, Group]
    previous: dict[str, Entry]  # src_uri → the article before it in time
    following: dict[str, Entry]  # src_uri → the article after it in time

    @property
    def dated(self) -> list[Entry]:
        return [e for e in self.entries if e.article.date is not None]

    def span(self) -> tuple[Entry, Entry] | None:
        dated = self.dated
        return (dated[-1], dated[0]) if dated else None


def _newest_first(entries: list[Entry]) -> list[Entry]:
    dated = sorted(
        (e for e in entries if e.article.date), key=lambda e: e.article.sort_key, reverse=True
    )
    undated = sorted((e for e in entries if not e.article.date), key=lambda e: e.article.title)
    return dated + undated


UNKNOWN_SOURCE = "Unknown source"


def source_name(article: Article) -> str:
    """The name an article is listed under on the source pages."""
    return article.source or UNKNOWN_SOURCE


# The entity indexes live inside the topics folder by default (topics/people/, topics/places/,
# as news sites file people and places among their topics): a topic of one of those names takes
# a suffix, so neither page hides the other.
ENTITY_FOLDERS = frozenset({"people", "organisations", "places"})


def topic_slug(name: str) -> str:
    """The topic's folder under the topics pages ("Gaza ceasefire" → "gaza-ceasefire")."""
    slug = make_slug(name)
    return f"{slug}-topic" if slug in ENTITY_FOLDERS else slug


def _group(groups: dict[str, Group], name: str, entry: Entry, slug: str) -> None:
    group = groups.get(slug)
    if group is None:
        group = groups[slug] = Group(name=name, slug=slug)
    group.entries.append(entry)


def build_archive(entries: list[Entry]) -> Archive:
    ordered = _newest_first(entries)
    years: dict[int, list[Entry]] = defaultdict(list)
    months: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    days: dict[tuple[int, int, int], list[Entry]] = defaultdict(list)
    undated: list[Entry] = []
    approximate: list[Entry] = []
    topics: dict[str, Group] = {}
    sources: dict[str, Group] = {}
    for entry in ordered:
        date = entry.article.date
        if date is None:
            undated.append(entry)
        else:
            # Listed under the period that holds every day the date can mean (`1980-03-XX`
            # under March 1980); one that crosses a year (`198X`) only with the approximate.
            period = date.period
            if period is not None:
                year, month, day = period
                years[year].append(entry)
                if month is not None:
                    months[(year, month)].append(entry)
                    if day is not None:
                        days[(year, month, day)].append(entry)
            if period is None or not date.is_exact:
                approximate.append(entry)
        for topic in entry.article.topics:
            _group(topics, topic, entry, topic_slug(topic))
        name = source_name(entry.article)
        _group(sources, name, entry, make_slug(name))
    # Time order for previous/next: oldest → newest, undated at the end by title.
    chain = [e for e in reversed(ordered) if e.article.date] + undated
    previous = {b.src_uri: a for a, b in pairwise(chain)}
    following = {a.src_uri: b for a, b in pairwise(chain)}
    return Archive(
        entries=ordered,
        years=dict(years),
        months=dict(months),
        days=dict(days),
        undated=undated,
        approximate=approximate,
        topics=dict(sorted(topics.items(), key=lambda kv: kv[1].name.casefold())),
        sources=dict(sorted(sources.items(), key=lambda kv: kv[1].name.casefold())),
        previous=previous,
        following=following,
    )


# --- names that share a page ----------------------------------------------------------------


@dataclass(frozen=True)
class NameCollision:
    """Different topic (or source) names whose slugs are equal, so they share one page: "C++",
    "C#" and "C" are all `topics/c/`, listed together under the first name. Slugs of existing
    names never change (addresses must stay stable), so the curator is told instead."""

    kind: str  # "topic" | "source"
    slug: str
    names: dict[str, tuple[str, ...]]  # each name → the articles (files, pages) that use it

    def describe(self, limit: int = 3) -> str:
        """One line: the names, where each is used (up to `limit` places), and what to do."""
        uses = []
        for name, where in self.names.items():
            more = f" and {len(where) - limit} more" if len(where) > limit else ""
            uses.append(f"'{name}' ({', '.join(where[:limit])}{more})")
        return (
            f"the {self.kind}s {_and(uses)} share one page address, '{self.slug}/', so the site "
            f"lists them as one {self.kind}; give them one spelling, or names that differ in "
            "letters or digits"
        )


def name_collisions(articles: Iterable[tuple[str, Article]]) -> list[NameCollision]:
    """Topic and source names that differ but share a page address (pure). `articles` pairs each
    article with how to name it in messages (its file for `chronicle check`, its page for the
    build). Names are in order of first use; collisions sorted by kind and slug."""
    uses: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(dict)
    slugs: dict[str, str] = {}  # perf: every build runs this; archives reuse few names
    for label, article in articles:
        named = [("topic", topic) for topic in article.topics]
        named.append(("source", source_name(article)))
        for kind, name in named:
            slug = slugs.get(name) or slugs.setdefault(name, make_slug(name))
            where = uses[(kind, slug)].setdefault(name, [])
            if label not in where:
                where.append(label)
    return [
        NameCollision(kind, slug, {name: tuple(where) for name, where in names.items()})
        for (kind, slug), names in sorted(uses.items())
        if len(names) > 1
    ]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
