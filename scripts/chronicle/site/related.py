"""Related coverage: for each article, the articles near it in time that share the most people,
organisations, places and topics with it, each with the reason in words ("2 shared people,
1 shared topic; 3 days apart", in the archive's language). Pure: no I/O, no MkDocs.

perf: articles are compared only with their neighbours in time (within `WINDOW_DAYS`, and at most
`MAX_NEIGHBOURS` on each side), so the work grows with the archive, not with its square.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicle.archive.index import Archive, Entry
from chronicle.site.labels import Labels, english

WINDOW_DAYS = 7
MAX_NEIGHBOURS = 150
SHOWN = 5
MIN_SHARED = 2  # one shared name or topic alone is too common to call coverage related
_KINDS = ("people", "organisations", "places", "topics")


@dataclass(frozen=True)
class RelatedLink:
    entry: Entry
    reason: str  # "2 shared people, 1 shared topic; same day"


def _day(entry: Entry) -> dt.date | None:
    """The day an article is placed at: its first possible day when only the month is known;
    None when its month is not known (too vague to be near anything)."""
    date = entry.article.date
    if date is None or date.month is None or date.period is None:
        return None
    return dt.date(date.year, date.month, date.day or 1)


def _features(entry: Entry) -> dict[str, frozenset[str]]:
    return {field: frozenset(getattr(entry.article, field)) for field in _KINDS}


def _reason(shared: dict[str, int], days: int, L: Labels) -> str:
    parts = [L(f"related.{field}", count=shared[field]) for field in _KINDS if shared.get(field)]
    when = L("related.same_day") if days == 0 else L("related.days_apart", count=days)
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
        ((day, e) for e in archive.entries if (day := _day(e)) is not None),
        key=lambda pair: (pair[0], pair[1].src_uri),
    )
    features = [_features(e) for _, e in placed]
    found: dict[str, list[tuple[int, int, str, RelatedLink]]] = {}
    for i, (day, entry) in enumerate(placed):
        for j in range(i + 1, min(i + 1 + MAX_NEIGHBOURS, len(placed))):
            other_day, other = placed[j]
            days = (other_day - day).days
            if days > WINDOW_DAYS:
                break
            shared = {f: len(features[i][f] & features[j][f]) for f in features[i]}
            total = sum(shared.values())
            if total < MIN_SHARED:
                continue
            reason = _reason(shared, days, L)
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
