"""Related coverage: for each article, the articles near it in time that share the most people,
organisations, places and topics with it, each with the reason in words ("2 shared people,
1 shared topic; 3 days apart", in the archive's language). Pure: no I/O, no MkDocs.

Dates are the spans of days they can mean, as for stories (`stories.date_span`): a month-only
date is near the days of its month, and the reason never states a gap more precisely than the
dates allow ("dates overlap", "at least 12 days apart").

perf: articles are compared only with their neighbours in time (within `WINDOW_DAYS`, and at most
`MAX_NEIGHBOURS` on each side), so the work grows with the archive, not with its square.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicle.archive.index import Archive, Entry
from chronicle.site.labels import Labels, english
from chronicle.site.stories import date_span, days_apart

WINDOW_DAYS = 7
MAX_NEIGHBOURS = 150
SHOWN = 5
MIN_SHARED = 2  # one shared name or topic alone is too common to call coverage related
_KINDS = ("people", "organisations", "places", "topics")
Span = tuple[dt.date, dt.date]  # the first and last day a date can mean


@dataclass(frozen=True)
class RelatedLink:
    entry: Entry
    reason: str  # "2 shared people, 1 shared topic; same day"


def _features(entry: Entry) -> dict[str, frozenset[str]]:
    return {field: frozenset(getattr(entry.article, field)) for field in _KINDS}


def _when(a: Span, b: Span, days: int, L: Labels) -> str:
    """How far apart in words, no more precise than the two dates are."""
    if a[0] == a[1] and b[0] == b[1]:  # two single days
        return L("related.same_day") if days == 0 else L("related.days_apart", count=days)
    return L("related.dates_overlap") if days == 0 else L("related.at_least_apart", count=days)


def _reason(shared: dict[str, int], when: str, L: Labels) -> str:
    parts = [L(f"related.{field}", count=shared[field]) for field in _KINDS if shared.get(field)]
    return L("related.reason", shared=L("list_separator").join(parts), when=when)


def related_coverage(
    archive: Archive,
    exclude: dict[str, set[str]] | None = None,
    labels: Labels | None = None,
) -> dict[str, tuple[RelatedLink, ...]]:
    """src_uri → up to `SHOWN` related articles, most shared first, then nearest in time.
    `exclude`: src_uri → articles not to list (its other versions, listed on their own);
    `labels`: the language of the reasons (English by default)."""
    L = labels or english()
    placed = sorted(
        ((span, e) for e in archive.entries if (span := date_span(e)) is not None),
        key=lambda pair: (pair[0][0], pair[1].src_uri),
    )
    features = [_features(e) for _, e in placed]
    found: dict[str, list[tuple[int, int, str, RelatedLink]]] = {}
    for i, (span, entry) in enumerate(placed):
        for j in range(i + 1, min(i + 1 + MAX_NEIGHBOURS, len(placed))):
            other_span, other = placed[j]
            # Sorted by first day: once a later article starts more than the window after this
            # one ends, every article after it does too.
            if (other_span[0] - span[1]).days > WINDOW_DAYS:
                break
            days = days_apart(span, other_span)
            shared = {f: len(features[i][f] & features[j][f]) for f in features[i]}
            total = sum(shared.values())
            if total < MIN_SHARED:
                continue
            reason = _reason(shared, _when(span, other_span, days, L), L)
            for a, b in ((entry, other), (other, entry)):
                if exclude and b.src_uri in exclude.get(a.src_uri, ()):
                    continue
                found.setdefault(a.src_uri, []).append(
                    (-total, days, b.src_uri, RelatedLink(b, reason))
                )
    return {
        src: tuple(link for *_, link in sorted(links, key=lambda t: t[:3])[:SHOWN])
        for src, links in found.items()
    }
