"""Publication dates with their precision, read and written as EDTF strings.

The Library of Congress' Extended Date/Time Format says what an archive needs and ISO 8601 cannot:
`2025-03-21~` (about that day), `2025-03` (month known), `2025?` (uncertain year). This module
keeps what the archive uses: year, month, day, and whether the date is approximate or uncertain.
An unknown date is `None`, never a guess.

The other forms a curator may write (`198X`, `2025-03-XX`, seasons `2025-21`, intervals
`2025-03/2025-04`, sets `[2024,2025]`) are kept exactly as written (`form`, see date_forms.py).
Their year, month and day are the calendar period that holds every day they can mean, which is
where the date archive lists them; a date that crosses a year (a decade, `[2024,2025]`) has no
such period (`period` is None): it is listed only with the approximate dates, it has no ISO
form (`iso` is None: no `<time datetime>`, no year in search), it is filed under the span of
years it can mean (`filed_as`, "1980-1989"), and it sorts by the earliest day it can mean.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Literal

import edtf

from chronicle.archive.date_forms import REFUSED_NAMES, Form, Point, Refused, describe_en, read_form
from chronicle.errors import InvalidDate
from chronicle.text.lexicon import MONTH_NAMES_EN

Precision = Literal["day", "month", "year"]

# English: for the command line, `chronicle check` and the citation styles. The site's pages
# write dates in the archive's language (site/labels.py).
MONTHS = MONTH_NAMES_EN


@dataclass(frozen=True, order=True)
class ArticleDate:
    """A date as precise as it is known. Ordered chronologically (then by precision)."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False
    form: Form | None = field(default=None, compare=False)  # an extended form, as written

    @property
    def period(self) -> Point | None:
        """(year, month, day) as far as known: where the date archive lists the date. None for
        a date that crosses a year (`198X`, `[2024,2025]`)."""
        if self.form is not None:
            return self.form.period
        return (self.year, self.month, self.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def is_exact(self) -> bool:
        """Not approximate, not uncertain, and not one of several dates (`[2024,2025]`)."""
        one_of = self.form is not None and self.form.kind == "one_of"
        return not (self.approximate or self.uncertain or one_of)

    @property
    def is_precise(self) -> bool:
        """Exact and a plain day, month or year: nothing for `chronicle check` to report."""
        return self.is_exact and self.form is None

    @property
    def edtf(self) -> str:
        """The EDTF form, e.g. `2025-03-21~`, or as written (`198X`); what the front matter
        stores."""
        if self.form is not None:
            return self.form.text
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        return text + "?" if self.uncertain else text

    @property
    def iso(self) -> str | None:
        """The known part in ISO 8601 (`2025-03-21`, `2025-03`, `2025`), for machines (HTML's
        `<time datetime>`, search filters); None for a date that crosses a year (`198X`,
        `[2024,2025]`), whose year is not known: no single year may be claimed for it."""
        if self.period is None:
            return None
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        return text + (f"-{self.day:02d}" if self.day is not None else "")

    @property
    def filed_as(self) -> str:
        """What an article's id starts with and its folder is named by: the known part in ISO
        8601, or for a date that crosses a year the span of years it can mean ("1980-1989"),
        which names no single year as if it were known."""
        if self.iso is not None:
            return self.iso
        first, last = self.as_date().year, self.latest().year
        return f"{first:04d}-{last:04d}"

    def latest(self) -> dt.date:
        """The latest day the date can mean."""
        if self.form is not None:
            return self.form.last
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        following = dt.date(self.year + month // 12, month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    @property
    def sort_key(self) -> str:
        """A string that sorts chronologically; unknown parts sort first in their period, and
        an extended form after the plain dates of its period, by the days it can mean."""
        key = f"{self.year:04d}-{self.month or 0:02d}-{self.day or 0:02d}"
        if self.form is not None:
            key += f" {self.form.first.isoformat()} {self.form.last.isoformat()}"
        return key

    def as_date(self) -> dt.date:
        """The earliest day the date can mean (for feeds and sorting, never for display)."""
        if self.form is not None:
            return self.form.first
        return dt.date(self.year, self.month or 1, self.day or 1)

    def human(self) -> str:
        """In English: `21 March 2025`, `March 2025`, `c. 21 March 2025 (approximate)` (pages
        use `Labels.date`, in the archive's language)."""
        if self.form is not None:
            text = describe_en(self.form)
            if self.approximate:
                return f"c. {text} (approximate)"
            return f"{text}? (uncertain)" if self.uncertain else text
        parts = [str(self.year)]
        if self.month is not None:
            parts.insert(0, MONTHS[self.month - 1])
        if self.day is not None:
            parts.insert(0, str(self.day))
        text = " ".join(parts)
        if self.approximate:
            return f"c. {text} (approximate)"
        if self.uncertain:
            return f"{text}? (uncertain)"
        return text


_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def parse_date(value: object, where: str = "date") -> ArticleDate | None:
    """Read a date from front matter, a sidecar or a flag.

    Accepts EDTF (`2025-03-21~`, `2025-03`, `2025?`), ISO dates and datetimes, and `date` objects
    as YAML gives them. `None`, "" and "unknown" mean unknown. Anything else raises `InvalidDate`.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return ArticleDate(value.year, value.month, value.day)
    if isinstance(value, list | dict):
        # YAML reads an unquoted set (`date: [2024,2025]`, `{2024,2025}`) as a list or mapping.
        inner = ",".join(str(v) for v in value)
        value = f"[{inner}]" if isinstance(value, list) else f"{{{inner}}}"
    text = str(value).strip()
    if text.lower() in {"", "unknown", "none", "null", "undated", "n.d."}:
        return None
    match = _ISO_DATETIME.match(text)
    if match:
        # A timestamp: keep its calendar day as written (the source's own day), not converted.
        text = match.group(1)
    fast = _parse_simple(text)
    if fast is not None:
        return fast
    try:
        extended = read_form(text)
    except Refused as exc:
        raise _refused(where, text, str(exc)) from exc
    if extended is not None:
        form, approximate, uncertain = extended
        year, month, day = form.period or (form.first.year, None, None)
        return ArticleDate(year, month, day, approximate, uncertain, form)
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the package prints while it tries
            parsed = edtf.parse_edtf(text)
    except Exception as exc:  # edtf raises its own EDTFParseException and sometimes others
        raise InvalidDate(
            where,
            f"'{text}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY, "
            "add ~ for approximate or ? for uncertain (e.g. 2025-03-21~), or 'unknown'",
        ) from exc
    kind = type(parsed).__name__
    if kind == "Date" and "S" not in text:
        # A plain date with a year beyond four digits' reach (0000, -0044): read as it is, for
        # the schema to refuse by its year rather than by its form.
        lower = parsed.lower_strict()
        precision = getattr(parsed, "precision", None) or "year"
        month = lower.tm_mon if precision in ("month", "day") else None
        return ArticleDate(lower.tm_year, month, lower.tm_mday if precision == "day" else None)
    # The package reads it, but it is none of the forms Chronicle keeps and shows.
    raise _refused(where, text, REFUSED_NAMES.get(kind, f"the form {kind}"))


def _refused(where: str, text: str, name: str) -> InvalidDate:
    return InvalidDate(
        where,
        f"'{text}' is EDTF that Chronicle cannot show ({name}); use a day, month or year "
        "(2025-03-21, 2025-03, 2025, with ~ or ?), unknown digits (198X, 2025-03-XX), a season "
        "(2025-21), an interval (2025-03/2025-04) or a set ([2024,2025])",
    )


# The forms every stored article uses: YYYY, YYYY-MM, YYYY-MM-DD with an optional ~ ? or %.
_SIMPLE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%]?)$")


def _parse_simple(text: str) -> ArticleDate | None:
    """The common EDTF forms without the `edtf` package, whose pyparsing grammar costs ~15 ms a
    date (half of a 1,000-article build). Anything else (seasons, intervals, a bad day) returns
    None and goes through `edtf`, which parses it or produces the error message."""
    match = _SIMPLE.match(text)
    if match is None:
        return None
    year, month, day, flag = match.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))  # a real calendar day?
    except ValueError:
        return None
    return ArticleDate(
        year=int(year),
        month=int(month) if month else None,
        day=int(day) if day else None,
        approximate=flag in ("~", "%"),
        uncertain=flag in ("?", "%"),
    )
