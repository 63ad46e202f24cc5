"""Walking through time: the periods next to a date page, and a year as a calendar. Pure: no I/O,
no MkDocs.

`neighbours` gives a day, month or year page its previous and next period *that has articles*
(an archive has gaps; a link to an empty day would lead nowhere). `year_calendar` lays a year out
as the Wayback Machine does: twelve month grids of weeks, each day shaded by how many articles it
has and linked when it has any. Its words (month names, "2 articles") are the archive's
language (`labels`); the weekday headings are the template's, from the same labels.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from chronicle.site.labels import Labels, english

K = TypeVar("K")
# Shading steps: a day with this many articles or more gets the step's level (1–4).
LEVELS = (1, 2, 4, 8)


def neighbours(keys: Sequence[K], key: K) -> tuple[K | None, K | None]:
    """The key before and after `key` in the sorted `keys` (each None at an end)."""
    ordered = sorted(keys)  # type: ignore[type-var]
    i = ordered.index(key)
    return (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)


@dataclass(frozen=True)
class CalendarDay:
    day: int  # 0 for the blanks before the 1st and after the last day
    count: int = 0
    url: str | None = None
    label: str = ""  # "21 March 2025: 2 articles" on a day with articles, for its link

    @property
    def level(self) -> int:
        return sum(1 for step in LEVELS if self.count >= step)


@dataclass(frozen=True)
class CalendarMonth:
    name: str  # "March 2025"
    url: str | None  # the month's page, when it has articles
    count: int
    weeks: tuple[tuple[CalendarDay, ...], ...]  # Monday first


def year_calendar(
    year: int,
    day_counts: dict[tuple[int, int, int], int],
    month_counts: dict[int, int],
    base: str,
    labels: Labels | None = None,
) -> list[CalendarMonth]:
    """The twelve months of `year` as week grids; `day_counts` by (year, month, day) and
    `month_counts` by month (articles dated to the month, with or without a day); `base` is the
    archive's folder ("archive/"); `labels` the archive's language (English by default)."""
    L = labels or english()
    months = []
    for month in range(1, 13):
        name = L.month(year, month)
        weeks = []
        for week in calendar.Calendar(firstweekday=0).monthdayscalendar(year, month):
            days = []
            for day in week:
                count = day_counts.get((year, month, day), 0) if day else 0
                days.append(
                    CalendarDay(
                        day,
                        count,
                        f"{base}{year}/{month:02d}/{day:02d}/" if count else None,
                        # perf: only a linked day shows its label; Babel is slow for 365 a year
                        _day_label(L, year, month, day, count) if count else "",
                    )
                )
            weeks.append(tuple(days))
        count = month_counts.get(month, 0)
        url = f"{base}{year}/{month:02d}/" if count else None
        months.append(CalendarMonth(name, url, count, tuple(weeks)))
    return months


def _day_label(L: Labels, year: int, month: int, day: int, count: int) -> str:
    """ "21 March 2025: 2 articles", for screen readers and tooltips."""
    articles = L("count.articles", count=count)
    return L("labelled_count", label=L.day(year, month, day), articles=articles)


def same_day_in_other_years(
    days: dict[tuple[int, int, int], list[K]], today: dt.date
) -> list[tuple[int, list[K]]]:
    """(year, the entries of that year's same day and month), newest year first, `today`'s own
    year left out: what an "On this day" box lists. 29 February is its own day."""
    found = [
        (year, entries)
        for (year, month, day), entries in days.items()
        if month == today.month and day == today.day and year != today.year
    ]
    return sorted(found, key=lambda pair: pair[0], reverse=True)
