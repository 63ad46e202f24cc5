"""The fixed words and the dates of the reading styles (styles.py) in the archive's language.
Pure.

The words ("n.d.", "ca.", "Accessed", "and", the quotation marks around a title) come from the
site's catalogue (labels.py, `cite.*`). The dates depend on the language: in English each manual's
own formats, exactly ("2019, March 22" in APA, "22 Mar. 2019" in MLA, "March 22, 2019" in
Chicago); in any other language the manuals' order with the language's own dates from Babel
("2019, 22 mars" in APA, "22 mars 2019" in MLA and Chicago), as the manuals' translations do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chronicle.archive.dates import MONTHS, ArticleDate
from chronicle.site.labels import Labels, english

_MLA_MONTHS = (
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Words:
    """One language's words and dates for the three styles."""

    labels: Labels

    @classmethod
    def of(cls, labels: Labels | None) -> Words:
        return cls(labels or english())

    @property
    def _manual(self) -> bool:
        """English: the manuals' own month names and orders."""
        return self.labels.code == "en"

    # --- words --------------------------------------------------------------------------------

    @property
    def no_date(self) -> str:
        return self.labels("cite.no_date")

    @property
    def conjunction(self) -> str:
        """ "and" between the last two authors (MLA, Chicago); APA's "&" is a symbol."""
        return self.labels("cite.and")

    def quoted(self, title: str) -> str:
        return f"{self.labels('quote_open')}{title}{self.labels('quote_close')}"

    def accessed(self, day: dt.date, style: str) -> str:
        """ "Accessed 5 Dec. 2026" (MLA) or "Accessed December 5, 2026" (Chicago)."""
        if not self._manual:
            shown = self.labels.day(day.year, day.month, day.day)
        elif style == "MLA":
            shown = f"{day.day} {_MLA_MONTHS[day.month - 1]} {day.year}"
        else:
            shown = f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        return self.labels("cite.accessed", date=shown)

    def _flagged(self, text: str, date: ArticleDate, style: str) -> str:
        """Approximate: "ca." (APA, Chicago) or "c." (MLA) before; uncertain: "?" after."""
        if date.approximate:
            text = self.labels("cite.circa_mla" if style == "MLA" else "cite.circa", date=text)
        return text + "?" if date.uncertain else text

    def _extended(self, date: ArticleDate, style: str) -> str | None:
        """A season, interval, set or span of years in the language's words ("spring 2025",
        "2024 or 2025", "1980s"), as every style gives a date it has no pattern for; None for a
        plain date or one whose unknown day or month the style writes as its known part."""
        form = date.form
        if form is None or (form.kind == "unspecified" and date.period is not None):
            return None
        if self._manual and style == "APA" and form.kind == "season":
            # APA's own order for a season: "(2025, Spring)".
            season = self.labels.form(form).replace(str(form.first.year), "").strip()
            text = f"{form.first.year}, {season[:1].upper()}{season[1:]}"
        else:
            text = self.labels.form(form)
        return self._flagged(text, date, style)

    # --- dates --------------------------------------------------------------------------------

    def apa(self, date: ArticleDate | None) -> str:
        """(Year, Month Day): "2019, March 22", "2019, 22 mars", "2019"; "n.d." when unknown."""
        if date is None:
            return self.no_date
        extended = self._extended(date, "APA")
        if extended is not None:
            return extended
        text = str(date.year)
        if date.month is not None:
            if not self._manual and date.day is not None:
                text += f", {self.labels.day_month(date.month, date.day)}"
            elif not self._manual:
                text += f", {self.labels.month_names()[date.month - 1]}"
            else:
                text += f", {MONTHS[date.month - 1]}"
                if date.day is not None:
                    text += f" {date.day}"
        return self._flagged(text, date, "APA")

    def mla(self, date: ArticleDate) -> str:
        """Day Mon. Year: "22 Mar. 2019", "22 mars 2019"."""
        extended = self._extended(date, "MLA")
        if extended is not None:
            return extended
        if not self._manual:
            return self._flagged(self._long(date), date, "MLA")
        parts = [str(date.year)]
        if date.month is not None:
            parts.insert(0, _MLA_MONTHS[date.month - 1])
            if date.day is not None:
                parts.insert(0, str(date.day))
        return self._flagged(" ".join(parts), date, "MLA")

    def chicago(self, date: ArticleDate | None) -> str:
        """Month Day, Year: "March 22, 2019", "22 mars 2019"; "n.d." when unknown."""
        if date is None:
            return self.no_date
        extended = self._extended(date, "Chicago")
        if extended is not None:
            return extended
        if not self._manual:
            return self._flagged(self._long(date), date, "Chicago")
        month = MONTHS[date.month - 1] if date.month else ""
        day = f"{date.day}," if date.day else ""
        text = " ".join(p for p in (month, day, str(date.year)) if p)
        return self._flagged(text, date, "Chicago")

    def _long(self, date: ArticleDate) -> str:
        """The language's date as precise as known, without the site's approximate marks (the
        styles mark them their own way)."""
        if date.month is None:
            return self.labels.year(date.year)
        if date.day is None:
            return self.labels.month(date.year, date.month)
        return self.labels.day(date.year, date.month, date.day)
