"""Which stored articles a curator asked for: `chronicle list`'s filters, pure functions.

Names (sources, topics, entities) compare folded, so `--source "le monde"` finds "Le Monde" and
`--entity Hamas` finds "Ḥamas". Dates compare by the earliest day they can mean and the latest:
an article dated "March 2025" is inside `--since 2025-03-10` only if March reaches that far, i.e.
a period overlapping the range is listed (a curator looking for what might be in a range wants
the uncertain ones too).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from chronicle.archive.dates import ArticleDate
from chronicle.archive.model import Article
from chronicle.text.fold import fold

# What `--missing FIELD` can ask about, and what "missing" means for each.
MISSING_FIELDS = ("date", "source", "title", "authors", "url", "language", "topics", "summary")
ENTITY_FIELDS = ("people", "organisations", "places")


@dataclass(frozen=True)
class Filters:
    since: ArticleDate | None = None
    until: ArticleDate | None = None
    sources: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    uncertain: bool = False


def first_day(date: ArticleDate) -> dt.date:
    return date.form.first if date.form is not None else date.as_date()


def last_day(date: ArticleDate) -> dt.date:
    if date.form is not None:  # a decade's last day is in its last year, not its first
        return date.form.last
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return dt.date(date.year, month, day)


def is_missing(article: Article, name: str) -> bool:
    """True when the archive does not know `name` (an inferred title counts as not known)."""
    if name == "title":
        return article.title_origin == "inferred"
    value = getattr(article, name)
    return value in (None, "", ())


def is_uncertain(article: Article) -> bool:
    """A date that is approximate, uncertain or not to the day, or a value Chronicle guessed."""
    if article.date is not None and (not article.date.is_exact or article.date.day is None):
        return True
    origins = (article.title_origin, article.date_origin, article.source_origin)
    return "inferred" in origins


def _names_match(wanted: Iterable[str], names: Iterable[str]) -> bool:
    folded = {fold(n) for n in names}
    return any(fold(w) in folded for w in wanted)


def matches(article: Article, filters: Filters) -> bool:
    if filters.since or filters.until:
        if article.date is None:
            return False
        if filters.since and last_day(article.date) < first_day(filters.since):
            return False
        if filters.until and first_day(article.date) > last_day(filters.until):
            return False
    if filters.sources and not _names_match(filters.sources, [article.source or ""]):
        return False
    if filters.topics and not _names_match(filters.topics, article.topics):
        return False
    if filters.entities:
        mentioned = [n for key in ENTITY_FIELDS for n in getattr(article, key)]
        mentioned += [q.entity or q.speaker or "" for q in article.quotes]
        if not _names_match(filters.entities, mentioned):
            return False
    if any(not is_missing(article, name) for name in filters.missing):
        return False
    return not (filters.uncertain and not is_uncertain(article))


def select(pairs: Iterable[tuple[str, Article]], filters: Filters) -> list[tuple[str, Article]]:
    """The (file, article) pairs that pass every filter, oldest first (undated last)."""
    chosen = [(name, a) for name, a in pairs if matches(a, filters)]
    return sorted(chosen, key=lambda pair: pair[1].sort_key)
