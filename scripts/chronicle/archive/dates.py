"""Publication dates with their precision, read and written as EDTF strings.

The Library of Congress' Extended Date/Time Format says what an archive needs and ISO 8601 cannot:
`2025-03-21~` (about that day), `2025-03` (month known), `2025?` (uncertain year). The `edtf`
package parses it; this module keeps only what the archive uses: year, month, day, and whether
the date is approximate or uncertain. An unknown date is `None`, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

import edtf

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

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def is_exact(self) -> bool:
        return not (self.approximate or self.uncertain)

    @property
    def edtf(self) -> str:
        """The EDTF form, e.g. `2025-03-21~`; this is what the front matter stores."""
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
    def iso(self) -> str:
        """The known part in ISO 8601 (`2025-03-21`, `2025-03`, `2025`), for machines."""
        return self.edtf.rstrip("~?%")

    @property
    def sort_key(self) -> str:
        """A string that sorts chronologically; unknown parts sort first in their period."""
        return f"{self.year:04d}-{self.month or 0:02d}-{self.day or 0:02d}"

    def as_date(self) -> dt.date:
        """The earliest day the date can mean (for feeds and sorting, never for display)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def human(self) -> str:
        """In English: `21 March 2025`, `March 2025`, `c. 21 March 2025 (approximate)` (pages
        use `Labels.date`, in the archive's language)."""
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
        parsed = edtf.parse_edtf(text)
    except Exception as exc:  # edtf raises its own EDTFParseException and sometimes others
        raise InvalidDate(
            where,
            f"'{text}' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY, "
            "add ~ for approximate or ? for uncertain (e.g. 2025-03-21~), or 'unknown'",
        ) from exc
    lower = parsed.lower_strict()
    precision = getattr(parsed, "precision", None)
    if precision is None:
        precision = _precision_of(text)
    year = lower.tm_year
    month = lower.tm_mon if precision in ("month", "day") else None
    day = lower.tm_mday if precision == "day" else None
    return ArticleDate(
        year=year,
        month=month,
        day=day,
        approximate=bool(re.search(r"[~%]$", text)),
        uncertain=bool(re.search(r"[?%]$", text)),
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


def _precision_of(text: str) -> Precision:
    core = text.rstrip("~?%")
    return {4: "year", 7: "month"}.get(len(core), "day")  # type: ignore[return-value]
