"""The EDTF forms beyond a plain day, month or year, read and kept exactly as the curator wrote
them: unspecified digits (`198X`, `2025-03-XX`), seasons and other parts of a year (`2025-21`,
`2025-33`), intervals (`2025-03/2025-04`) and sets (`[2024,2025]` one of, `{2024,2025}` all of).

The `edtf` package parses all of these, but turns each into a single day or a pair of bounds;
an archive must keep what was written and say it honestly. So these forms are read here, with
their meaning (`first` and `last` days they can mean, the parts they name), and the package is
asked only to name a form Chronicle refuses. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from chronicle.text.lexicon import MONTH_NAMES_EN as _MONTHS_EN

Kind = Literal["unspecified", "season", "interval", "one_of", "all_of"]
# A plain date inside an interval or a set: (year, month or None, day or None).
Point = tuple[int, int | None, int | None]
# How much of an unspecified date is unknown: its day, month, or digits of its year.
Unknown = Literal["day", "month", "decade", "century", "millennium"]

# EDTF's divisions of a year (21–41) → (name, first month, months long). 21–24 are seasons with
# no hemisphere; 25–32 name it; 33–36 quarters, 37–39 quadrimesters, 40–41 semesters.
DIVISIONS: dict[int, tuple[str, int, int]] = {
    21: ("spring", 3, 3),
    22: ("summer", 6, 3),
    23: ("autumn", 9, 3),
    24: ("winter", 12, 1),  # winter runs into the next year; the written year is where it sits
    25: ("spring_north", 3, 3),
    26: ("summer_north", 6, 3),
    27: ("autumn_north", 9, 3),
    28: ("winter_north", 12, 1),
    29: ("spring_south", 9, 3),
    30: ("summer_south", 12, 1),
    31: ("autumn_south", 3, 3),
    32: ("winter_south", 6, 3),
    33: ("quarter_1", 1, 3),
    34: ("quarter_2", 4, 3),
    35: ("quarter_3", 7, 3),
    36: ("quarter_4", 10, 3),
    37: ("quadrimester_1", 1, 4),
    38: ("quadrimester_2", 5, 4),
    39: ("quadrimester_3", 9, 4),
    40: ("semester_1", 1, 6),
    41: ("semester_2", 7, 6),
}


@dataclass(frozen=True)
class Form:
    """An extended EDTF date as written, and what it can mean."""

    text: str  # exactly as written, e.g. "198X", "[2024,2025]"
    kind: Kind
    first: dt.date  # the earliest day it can mean
    last: dt.date  # the latest
    points: tuple[Point, ...] = ()  # an unspecified date's known part; an interval's ends; a set
    unknown: Unknown | None = None  # for "unspecified": what is not known
    division: int | None = None  # for "season": 21–41

    @property
    def period(self) -> Point | None:
        """The smallest calendar year, month or day that holds every day the date can mean;
        None when it crosses a year (a decade, `[2024,2025]`). A season sits in its year."""
        if self.kind == "season":
            return (self.first.year, None, None)
        a, b = self.first, self.last
        if a.year != b.year:
            return None
        if a.month != b.month:
            return (a.year, None, None)
        return (a.year, a.month, a.day if a.day == b.day else None)


class Refused(ValueError):
    """A form that is EDTF but that Chronicle cannot show; the message names the form."""


_FLAG = r"([~?%]?)"
_YEAR_DIGITS = r"(\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)"
_UNSPECIFIED = re.compile("^" + _YEAR_DIGITS + r"(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?" + _FLAG + "$")
_SEASON = re.compile(r"^(\d{4})-(2[1-9]|3\d|4[01])" + _FLAG + "$")
_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_form(text: str) -> tuple[Form, bool, bool] | None:
    """(form, approximate, uncertain) for an extended form Chronicle shows, None when `text` is
    none of them. Raises `Refused` for a recognisable form it cannot show (an interval whose end
    is open, a set with a range, a qualifier on one part)."""
    try:
        return _read_form(text)
    except Refused:
        raise
    except ValueError:  # the calendar's: year 0 (there is none) in an otherwise good form
        raise Refused("a year outside 1 to 9999") from None


def _read_form(text: str) -> tuple[Form, bool, bool] | None:
    if "/" in text:
        return _interval(text), False, False
    if text[:1] in "[{":
        return _set("".join(text.split())), False, False  # EDTF writes a set without spaces
    match = _SEASON.match(text)
    if match:
        year, code, flag = int(match.group(1)), int(match.group(2)), match.group(3)
        _, start, length = DIVISIONS[code]
        first = dt.date(year, start, 1)
        last = _month_end(year, start + length - 1)
        return Form(text, "season", first, last, division=code), *_flags(flag)
    match = _UNSPECIFIED.match(text)
    if match and "X" in text:
        return _unspecified(text, *match.groups())
    return None


def _flags(flag: str) -> tuple[bool, bool]:
    return flag in ("~", "%"), flag in ("?", "%")


def _unspecified(
    text: str, year: str, month: str | None, day: str | None, flag: str
) -> tuple[Form, bool, bool]:
    parts = [p for p in (year, month, day) if p is not None]
    # Once a part is unknown, every finer one must be too: "2025-XX-21" names a day of no month.
    seen_unknown = False
    for part in parts:
        if "X" in part:
            seen_unknown = True
        elif seen_unknown:
            raise Refused("a known part after an unknown one")
    if "X" in year:
        if len(parts) > 1:
            raise Refused("a month or day in a year with unknown digits")
        if year.index("X") == 0:
            raise Refused("a year with every digit unknown; write 'unknown'")
        unknown: Unknown = {1: "decade", 2: "century", 3: "millennium"}[year.count("X")]
        low = int(year.replace("X", "0"))
        first, last = dt.date(max(low, 1), 1, 1), dt.date(int(year.replace("X", "9")), 12, 31)
        form = Form(text, "unspecified", first, last, ((low, None, None),), unknown)
        return form, *_flags(flag)
    y = int(year)
    if month is None or "X" in month:
        form = Form(
            text, "unspecified", dt.date(y, 1, 1), dt.date(y, 12, 31), ((y, None, None),), "month"
        )
        return form, *_flags(flag)
    m = int(month)
    if not 1 <= m <= 12:
        raise Refused(f"a month '{month}' that does not exist")
    form = Form(text, "unspecified", dt.date(y, m, 1), _month_end(y, m), ((y, m, None),), "day")
    return form, *_flags(flag)


def _interval(text: str) -> Form:
    start, _, end = text.partition("/")
    if not start or not end or ".." in (start, end):
        raise Refused("an interval with an open or unknown end")
    a, b = _point(start, "an interval"), _point(end, "an interval")
    first, last = _first_day(a), _last_day(b)
    if last < first:
        raise Refused("an interval that ends before it starts")
    return Form(text, "interval", first, last, (a, b))


def _set(text: str) -> Form:
    closing = {"[": "]", "{": "}"}[text[0]]
    if not text.endswith(closing):
        raise Refused("a set that is not closed")
    inner = text[1:-1]
    if ".." in inner:
        raise Refused("a set with a range (..)")
    members = [m.strip() for m in inner.split(",")]
    if not inner.strip() or not all(members):
        raise Refused("an empty set")
    points = tuple(sorted({_point(m, "a set") for m in members}, key=_first_day))
    first = min(_first_day(p) for p in points)
    last = max(_last_day(p) for p in points)
    kind: Kind = "one_of" if text[0] == "[" else "all_of"
    return Form(text, kind, first, last, points)


def _point(text: str, where: str) -> Point:
    match = _POINT.match(text)
    if match is None:
        raise Refused(f"{where} of dates other than YYYY, YYYY-MM or YYYY-MM-DD ('{text}')")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)  # type: ignore[arg-type]
    except ValueError as exc:
        raise Refused(f"{where} with a day that does not exist ('{text}')") from exc
    return (year, month, day)  # type: ignore[return-value]


def _first_day(p: Point) -> dt.date:
    return dt.date(p[0], p[1] or 1, p[2] or 1)


def _last_day(p: Point) -> dt.date:
    if p[2] is not None:
        return dt.date(p[0], p[1] or 1, p[2])
    return _month_end(p[0], p[1] or 12)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


# What the `edtf` package calls the forms Chronicle refuses, in words for the error message.
REFUSED_NAMES = {
    "ExponentialYear": "an exponential year",
    "LongYear": "a year beyond 9999",
    "PartialUncertainOrApproximate": "a qualifier on one part of a date",
    "PartialUnspecified": "unknown digits inside a month or day",
    "Level1Interval": "an interval with an open or unknown end",
    "Level2Interval": "an interval with qualified ends",
    "Consecutives": "a range",
    "OneOfASet": "a set of this kind",
    "MultipleDates": "a set of this kind",
    "Date": "significant digits",
    "DateAndTime": "a date with a time this way",
}


def describe_en(form: Form) -> str:
    """The form in English words, for the command line and citation notes (pages use
    `Labels.date`, in the archive's language): "1980s", "spring 2025", "2024 or 2025"."""
    if form.kind == "unspecified":
        year, month, _ = form.points[0]
        if form.unknown == "day":
            return f"{_MONTHS_EN[(month or 1) - 1]} {year}, day unknown"
        if form.unknown == "month":
            return f"{year}, month not known"
        if form.unknown == "decade":
            return f"{year}s"
        return f"{form.first.year}–{form.last.year}"
    if form.kind == "season":
        name, _, _ = DIVISIONS[form.division or 21]
        return f"{_DIVISIONS_EN[name]} {form.first.year}"
    shown = [_point_en(p) for p in form.points]
    if form.kind == "interval":
        return f"{shown[0]} to {shown[1]}"
    joined = ", ".join(shown[:-1]) + (" or " if form.kind == "one_of" else " and ") + shown[-1]
    return joined if len(shown) > 1 else shown[0]


def _point_en(p: Point) -> str:
    year, month, day = p
    if month is None:
        return str(year)
    if day is None:
        return f"{_MONTHS_EN[month - 1]} {year}"
    return f"{day} {_MONTHS_EN[month - 1]} {year}"


_DIVISIONS_EN = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "winter": "winter",
    "spring_north": "spring (Northern Hemisphere)",
    "summer_north": "summer (Northern Hemisphere)",
    "autumn_north": "autumn (Northern Hemisphere)",
    "winter_north": "winter (Northern Hemisphere)",
    "spring_south": "spring (Southern Hemisphere)",
    "summer_south": "summer (Southern Hemisphere)",
    "autumn_south": "autumn (Southern Hemisphere)",
    "winter_south": "winter (Southern Hemisphere)",
    "quarter_1": "first quarter of",
    "quarter_2": "second quarter of",
    "quarter_3": "third quarter of",
    "quarter_4": "fourth quarter of",
    "quadrimester_1": "first four months of",
    "quadrimester_2": "second four months of",
    "quadrimester_3": "last four months of",
    "semester_1": "first half of",
    "semester_2": "second half of",
}
