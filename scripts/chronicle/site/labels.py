"""Chronicle's own words in the archive's language: one message catalogue per language
(`locales/<code>.yml`), chosen by `theme.language`, with dates, numbers and plurals formatted by
Babel for that language (the CLDR data Material already installs).

`labels_for(language)` is the one entry point: the templates get its `Labels` as the Jinja global
`chronicle_labels`, the page generators (pages.py, entity_pages.py, timeline.py) and the citation
and feed writers take it as an argument, and the scripts read its `js.*` messages from a JSON blob
in the page (`for_script`). A language without a catalogue falls back to English, whole: a page
half in one language and half in another reads worse than one in English.

What is written by the curator or an article (titles, names, topics) is never translated here;
only the words Chronicle puts around them.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from collections.abc import Mapping
from pathlib import Path
from string import Formatter

import yaml
from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from chronicle.archive.date_forms import DIVISIONS, Form, Point
from chronicle.archive.dates import ArticleDate

LOCALES = Path(__file__).parent / "locales"
DEFAULT = "en"
# Languages written right to left (ISO 639-1 where it exists, else 639-3). Babel knows the
# direction of the locales it has; this also covers language codes it has no data for.
RTL_LANGUAGES = frozenset(
    {
        "ar",
        "arc",
        "ckb",
        "dv",
        "fa",
        "he",
        "iw",
        "ks",
        "ku-arab",
        "ps",
        "sd",
        "syr",
        "ug",
        "ur",
        "yi",
    }
)

Message = str | Mapping[str, str]  # a string, or one string per CLDR plural category


def available() -> list[str]:
    """The languages Chronicle ships a catalogue for."""
    return sorted(p.stem for p in LOCALES.glob("*.yml"))


@functools.cache
def load_catalogue(code: str) -> dict[str, Message]:
    """One catalogue as written; `_locale` and `_name` are its Babel locale and its name."""
    with (LOCALES / f"{code}.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{code}.yml: not a mapping of messages")
    return data


def catalogue_code(language: str | None) -> str:
    """The catalogue for a language tag: `fr-CA` and `fr_CA` use `fr`; none found, English."""
    tag = (language or DEFAULT).replace("_", "-").lower()
    codes = available()
    for candidate in (tag, tag.split("-")[0]):
        if candidate in codes:
            return candidate
    return DEFAULT


def direction(language: str | None) -> str:
    """`rtl` or `ltr`: how text in `language` (a BCP 47 tag such as `ar`, `he-IL`) runs."""
    tag = (language or "").replace("_", "-").lower()
    return "rtl" if tag in RTL_LANGUAGES or tag.split("-")[0] in RTL_LANGUAGES else "ltr"


@functools.cache
def labels_for(language: str | None) -> Labels:
    """The labels of an archive whose `theme.language` is `language` (None: English)."""
    code = catalogue_code(language)
    messages = load_catalogue(code)
    # The archive's own tag (e.g. pt-BR) formats dates when Babel knows it; else the catalogue's.
    locale = _babel_locale(language) if code != DEFAULT else None
    return Labels(code, messages, locale or Locale.parse(str(messages["_locale"])))


def english() -> Labels:
    """The reference catalogue: what a page generator uses when given no labels."""
    return labels_for(DEFAULT)


def _babel_locale(language: str | None) -> Locale | None:
    try:
        return Locale.parse((language or "").replace("-", "_"))
    except (ValueError, TypeError, LookupError):
        return None


class Labels:
    """One language's messages and formats. Immutable once made (shared by every page): it only
    remembers the numbers and plural forms it has worked out."""

    def __init__(self, code: str, messages: Mapping[str, Message], locale: Locale) -> None:
        self.code = code
        self.messages = messages
        self.locale = locale
        self.direction = direction(code)
        # perf: a build formats the same small counts thousands of times (a calendar's days, a
        # chart's columns on every entity page) and Babel takes ~40 µs a number and a plural.
        self._numbers: dict[int, str] = {}
        self._forms: dict[int, str] = {}
        # perf: the same months and days are named on every chart, calendar and listing (84,000
        # Babel calls, 4.3 s of a 13 s rebuild of 1,000 articles, measured); each is kept.
        self._dates: dict[tuple[str, dt.date], str] = {}
        self._script: str | None = None  # for_script's JSON: every page carries it (1.3 s/1,000)

    def __repr__(self) -> str:  # also what a cache key sees of it: the language decides all
        return f"Labels({self.code!r}, {str(self.locale)!r})"

    def __call__(self, key: str, /, count: int | None = None, **values: object) -> str:
        """The message `key` with its {placeholders} filled; `count` picks the plural form and
        is shown as a number of the language (`{count}`)."""
        message = self.messages[key]
        if isinstance(message, Mapping):
            if count is None:
                raise KeyError(f"message {key!r} needs a count")
            form = self._forms.get(count)
            if form is None:
                form = self._forms[count] = self.locale.plural_form(count)
            message = message.get(form, message["other"])
        if count is not None:
            values["count"] = self.number(count)
        return message.format(**values) if values else message

    def get(self, key: str, default: str) -> str:
        """The message `key`, or `default` when no catalogue has it (e.g. a facet added later)."""
        return self(key) if key in self.messages else default

    def number(self, n: int) -> str:
        found = self._numbers.get(n)
        if found is None:
            found = self._numbers[n] = format_decimal(n, locale=self.locale)
        return found

    def percent(self, n: int) -> str:
        """A whole percentage as the language writes it: "52%", "52 %", "52٪"."""
        return format_percent(n / 100, locale=self.locale)

    # --- dates --------------------------------------------------------------------------------

    def date(self, date: ArticleDate | None) -> str:
        """How a reader sees a date: "21 mars 2025", "März 2025", "2025", with approximate and
        uncertain ones marked; `date_unknown` for None."""
        if date is None:
            return self("date_unknown")
        if date.form is not None:
            text = self.form(date.form)
        elif date.day is not None and date.month is not None:
            text = self.day(date.year, date.month, date.day)
        elif date.month is not None:
            text = self.month(date.year, date.month)
        else:
            text = self.year(date.year)
        if date.approximate:
            return self("date.approximate", date=text)
        if date.uncertain:
            return self("date.uncertain", date=text)
        return text

    def country(self, code: str) -> str:
        """A country's name in the archive's language from its ISO 3166-1 code ("GB" → "United
        Kingdom", "Royaume-Uni"); the code itself when Babel does not know it."""
        return self.locale.territories.get(code.upper(), code.upper())

    def time(self, date: ArticleDate | None) -> str:
        """The date as HTML, escaped: `<time datetime="2025-03">` round the words when the
        known part has an ISO form; a plain `<span>` for a span of years (`198X`), for which
        a `datetime` would claim a year that is not known."""
        words = html.escape(self.date(date))
        if date is None or date.iso is None:
            return f'<span class="chronicle-date">{words}</span>'
        return f'<time datetime="{html.escape(date.iso)}">{words}</time>'

    def form(self, form: Form) -> str:
        """An extended EDTF date in words, without its approximate or uncertain mark: "1980s",
        "spring 2025", "March 2025, day unknown", "2024 or 2025", "March – April 2025"."""
        if form.kind == "unspecified":
            year, month, _ = form.points[0]
            if form.unknown == "day" and month is not None:
                return self("date.day_unknown", month=self.month(year, month))
            if form.unknown == "month":
                return self("date.month_unknown", year=self.year(year))
            if form.unknown == "decade":
                return self("date.decade", year=self.year(year))
            return format_interval(form.first, form.last, "y", locale=self.locale)
        if form.kind == "season":
            return self._division(form)
        if form.kind == "interval":
            start, end = form.points
            if _precision(start) == _precision(end):
                skeleton = {1: "y", 2: "yMMMM", 3: "yMMMMd"}[_precision(start)]
                return format_interval(form.first, form.last, skeleton, locale=self.locale)
            return self("date.interval", start=self._point(start), end=self._point(end))
        shown = [self._point(p) for p in form.points]
        style = "or" if form.kind == "one_of" else "standard"
        return format_list(shown, style=style, locale=self.locale)

    def _division(self, form: Form) -> str:
        """A season (with its hemisphere when the form names one), a quarter, or the months a
        third or a half of a year runs through."""
        name, start, length = DIVISIONS[form.division or 21]
        year = form.first.year
        season, _, hemisphere = name.partition("_")
        if season in ("spring", "summer", "autumn", "winter"):
            text = self(f"date.season.{season}", year=self.year(year))
            return self(f"date.hemisphere.{hemisphere}", date=text) if hemisphere else text
        if season == "quarter":
            return format_date(form.first, "QQQQ y", locale=self.locale)
        end = dt.date(year, start + length - 1, 1)
        return format_interval(form.first, end, "yMMMM", locale=self.locale)

    def _point(self, point: Point) -> str:
        year, month, day = point
        if month is None:
            return self.year(year)
        return self.month(year, month) if day is None else self.day(year, month, day)

    def _skeleton(self, skeleton: str, date: dt.date) -> str:
        """`date` formatted by a Babel skeleton ("long" for the language's long date)."""
        key = (skeleton, date)
        found = self._dates.get(key)
        if found is None:
            if skeleton == "long":
                found = format_date(date, "long", self.locale)
            else:
                found = format_skeleton(skeleton, date, locale=self.locale)
            self._dates[key] = found
        return found

    def moment(self, when: dt.datetime) -> str:
        """A moment a page was captured: its day as the language writes it, and the time (UTC),
        so two captures of one day are told apart."""
        when = when.astimezone(dt.UTC)
        return self(
            "captures.at", day=self.day(when.year, when.month, when.day), time=f"{when:%H:%M}"
        )

    def year(self, year: int) -> str:
        return self._skeleton("y", dt.date(year, 1, 1))

    def month(self, year: int, month: int) -> str:
        """A month of a year: "March 2025", "mars 2025", "marzo de 2025"."""
        return self._skeleton("yMMMM", dt.date(year, month, 1))

    def day(self, year: int, month: int, day: int) -> str:
        return self._skeleton("long", dt.date(year, month, day))

    def day_month(self, month: int, day: int) -> str:
        """A day without its year (a breadcrumb under the year's): "21 March", "21. März"."""
        return self._skeleton("MMMMd", dt.date(2000, month, day))

    def month_short(self, year: int, month: int, *, with_year: bool = False) -> str:
        """A month abbreviated, for a chart's axis: "Mar", "mars", "Mar 2025" with the year."""
        return self._skeleton("yMMM" if with_year else "MMM", dt.date(year, month, 1))

    def weekdays(self) -> list[tuple[str, str]]:
        """(name, abbreviation) of the seven days, Monday first: ("Monday", "Mo"),
        ("lundi", "lu")… as a calendar's column headings."""
        wide, short = (self.locale.days["stand-alone"][width] for width in ("wide", "short"))
        return [(wide[d], short[d]) for d in range(7)]

    def month_names(self) -> list[str]:
        """The twelve months as they stand alone ("janvier" … "décembre")."""
        names = self.locale.months["stand-alone"]["wide"]
        return [names[m] for m in range(1, 13)]

    # --- direction ----------------------------------------------------------------------------

    def dir(self, language: str | None) -> str:
        """` dir="rtl"` (or `ltr`) for text in `language` when it runs the other way from the
        interface; "" when it runs the same way, or its language is unknown."""
        if not language:
            return ""
        way = direction(language)
        return f' dir="{way}"' if way != self.direction else ""

    # --- the browser --------------------------------------------------------------------------

    def for_script(self) -> str:
        """The scripts' messages (`js.*`), the month names and the locale, as JSON safe inside a
        <script type="application/json"> element."""
        if self._script is not None:
            return self._script
        data = {
            "locale": self.locale.language
            + (f"-{self.locale.territory}" if self.locale.territory else ""),
            "months": self.month_names(),
            "messages": {k[3:]: v for k, v in self.messages.items() if k.startswith("js.")},
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        self._script = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return self._script


def _precision(point: Point) -> int:
    """1 for a year, 2 for a month, 3 for a day."""
    return sum(1 for part in point if part is not None)


def placeholders(message: Message) -> set[str]:
    """The {names} a message uses (every plural form together); for the catalogue tests."""
    forms = message.values() if isinstance(message, Mapping) else [message]
    return {name for form in forms for _, name, _, _ in Formatter().parse(form) if name}
