"""Timelines: articles oldest first, under year and month headings. Pure: no I/O, no MkDocs.

`in_time_order` puts entries in the order a reader follows a story (oldest first, undated last);
`timeline_sections` turns one page's run of them into headed sections for the template:

    2025                      level 2, a year
      2025, month not known   level 3, articles dated only by year (they sort first in it)
      March 2025              level 3, a month, then its articles (titles at level 4)
    Undated                   level 2, with a note, then its articles (titles at level 3)

A page that starts in the middle of a year or month repeats its headings, marked as continued,
so every page of a long timeline reads on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from chronicle.archive.dates import parse_date
from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english

# (year, month) for an article dated to a month or day; (year, None) when only the year is
# known (or a season, an interval within it); the date as written when it crosses a year (`198X`,
# `[2024,2025]`: headed by itself, "1980s", where it sorts); None when undated.
_Period = tuple[int, int | None] | str | None


@dataclass
class TimelineSection:
    """A heading on a timeline page and the articles listed under it (possibly none: a year's
    heading is followed by its months' sections). Mutable on purpose, like `View`: the build
    cache fingerprints its fields one by one, so the entries are not re-printed per page."""

    heading: str
    level: int  # 2 for a year or "Undated", 3 for a month
    anchor: str  # the heading's id
    entries: list[Entry] = field(default_factory=list)
    note: str = ""
    continued: bool = False  # the same heading ended the page before

    @property
    def item_level(self) -> int:
        """The heading level of the article titles listed under this heading."""
        return self.level + 1


def in_time_order(entries: list[Entry]) -> list[Entry]:
    """Entries from the archive's newest-first order (`Archive.entries`, a `Group`'s entries:
    dated newest first, then undated by title) in timeline order: dated oldest first, then the
    undated ones as they were. The archive's order is total (date, then id), so reversing it is
    the exact oldest-first order."""
    dated = [e for e in entries if e.article.date is not None]
    undated = [e for e in entries if e.article.date is None]
    return dated[::-1] + undated


def _period(entry: Entry) -> _Period:
    date = entry.article.date
    if date is None:
        return None
    return (date.year, date.month) if date.period is not None else date.edtf


def timeline_sections(
    entries: list[Entry], before: Entry | None = None, *, labels: Labels | None = None
) -> list[TimelineSection]:
    """One page of a timeline (entries in time order) as headed sections. `before` is the last
    entry of the previous page, if any: the headings the page opens with that it shared are
    marked as continued."""
    labels = labels or english()
    sections: list[TimelineSection] = []
    last: _Period = None
    for entry in entries:
        period = _period(entry)
        if sections and period == last:
            sections[-1].entries.append(entry)
            continue
        new_year = not (isinstance(period, tuple) and isinstance(last, tuple)) or (
            period[0] != last[0]
        )
        opened = _headings(period, labels, with_year=new_year)
        if not sections and before is not None:
            shared = _anchors(_period(before))
            for section in opened:
                section.continued = section.anchor in shared
        opened[-1].entries.append(entry)
        sections += opened
        last = period
    return sections


def _anchors(period: _Period) -> set[str]:
    """The ids of the headings an article of this period is listed under."""
    if period is None:
        return {"undated"}
    if isinstance(period, str):
        return {_span_anchor(period)}
    year, month = period
    return {f"y{year}", _month_anchor(year, month)}


def _span_anchor(written: str) -> str:
    """An id for a span's heading: "span-198x", "span-2024-2025"."""
    return "span-" + "-".join(re.findall(r"[0-9a-z]+", written.lower()))


def _month_anchor(year: int, month: int | None) -> str:
    return f"y{year}-{month:02d}" if month is not None else f"y{year}-month-unknown"


def _headings(period: _Period, labels: Labels, *, with_year: bool) -> list[TimelineSection]:
    """The headings that open `period`: its year's (when the year changes) and its month's."""
    if period is None:
        note = labels("timeline.undated_note")
        return [TimelineSection(labels("timeline.undated"), 2, "undated", note=note)]
    if isinstance(period, str):
        date = parse_date(period)
        heading = labels.form(date.form) if date and date.form else period
        return [TimelineSection(heading, 2, _span_anchor(period))]
    year, month = period
    heading = (
        labels.month(year, month)
        if month is not None
        else labels("date.month_unknown", year=labels.year(year))
    )
    opened = [TimelineSection(heading, 3, _month_anchor(year, month))]
    if with_year:
        opened.insert(0, TimelineSection(labels.year(year), 2, f"y{year}"))
    return opened
