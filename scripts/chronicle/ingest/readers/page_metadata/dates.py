"""Dates as a page writes them: ISO days in declared values, the dateline printed after the
headline, the day in the address, a vote among several, and the publisher's local day of a UTC
timestamp. Which of them date the article, and how certainly, is `date_evidence.py`'s call.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re

from lxml.html import HtmlElement

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.page_metadata.headings import (
    SHORT_TEXT_MAX_CHARS,
    texts_after_headline,
)
from chronicle.text.month_names import english_months

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    # Names other CMSs give the same tag (the publication-time ones htmldate also reads).
    "article:published",
    "article:published_date",
    "article:post_date",
    "article.created",
    "article_date_original",
    "date_published",
    "dateposted",
    "dc.date.publication",
    "dc.date.created",
    "dcterms.created",
    "dcsext.articlefirstpublished",
    "og:article:published",
    "og:pubdate",
    "og:publish_date",
    "originalpublicationdate",
    "published_date",
    "published-date",
    "publisheddate",
    "publication_date",
    "publish_time",
    "ptime",
    "rnews:datepublished",
    "shareaholic:article_published_time",
    "cxenseparse:recs:publishtime",
)


def day_from_text(value: str | None) -> ArticleDate | None:
    """The calendar day written in an ISO 8601 date or timestamp, as written (local day)."""
    if not value:
        return None
    match = _ISO_DAY.search(value)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= dt.date.today().year + 1:
        return None
    return ArticleDate(year, month, day)


_SLASHED_DAY = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")


def declared_value(value: str) -> str:
    """A declared date as ISO 8601. Some CMSs write an HTTP-style date into JSON-LD or a meta
    tag ("Wed, 04 May 2022 02:41:00 GMT"); it is rewritten, anything else kept as written."""
    if _ISO_DAY.search(value):
        return value
    slashed = _SLASHED_DAY.match(value.strip())
    if slashed:  # "2024/03/03", "2024/3/3 10:15": year first, so never ambiguous
        year, month, day = slashed.groups()
        return f"{year}-{int(month):02}-{int(day):02}" + value.strip()[slashed.end() :]
    try:
        parsed = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return value
    return parsed.isoformat() if parsed else value


# The time zones in use run from UTC-12 to UTC+14.
_WEST, _EAST = dt.timedelta(hours=-12), dt.timedelta(hours=14)


def possible_days(value: str) -> set[ArticleDate]:
    """The calendar days a declared value can be the publisher's own day of. A day, or a time
    written with its zone's offset, is that day; a UTC time of day (or one written without a
    zone, often UTC too) is the day it falls on somewhere, so "…-05-04T02:41Z" is also the
    3rd in the Americas, never the 5th."""
    day = day_from_text(value)
    if day is None:
        return set()
    instant = _parse_instant(value) or _parse_naive(value, seconds=False)
    if instant is None or (instant.utcoffset() or dt.timedelta(0)) != dt.timedelta(0):
        return {day}
    moments = (instant + _WEST, instant + _EAST)
    return {d for m in moments if (d := day_from_text(m.date().isoformat()))} | {day}


def elect_day(values: list[str], url: str | None = None) -> tuple[ArticleDate, str] | None:
    """The day most sources agree on, with its first value; on a tie, the day in the page's
    address (/2019/10/22/), else the most trusted. One stale source (a re-saved
    `article:published_time`, a comment's `<time>`) is outvoted by the rest of the page
    instead of winning by its rank."""
    days = [(day, v) for v in values if (day := day_from_text(v))]
    if not days:
        return None
    count: dict[ArticleDate, int] = {}
    for day, _ in days:
        count[day] = count.get(day, 0) + 1
    in_url = url_day(url)
    order = [e for e, _ in days]
    best = max(count, key=lambda d: (count[d], d == in_url, -order.index(d)))
    return best, next(v for d, v in days if d == best)


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?=[/_.-]|$)")


def url_day(url: str | None) -> ArticleDate | None:
    """The day in an address like /2019/10/22/slug, when it is a real day."""
    match = _URL_DAY.search(url or "")
    if not match:
        return None
    return day_from_text("{}-{:0>2}-{:0>2}".format(*match.groups()))


def local_day(value: str, stamps: list[str]) -> ArticleDate | None:
    """The day in the publisher's own time zone of a UTC timestamp, when the page writes the
    same instant elsewhere with its offset ("…T03:37Z" and "…-04:00" the evening before), or
    without a zone but with the same minutes and seconds a whole number of hours away
    ("…T05:30:59Z" and "2023-11-08 23:30:59": the CMS's local clock)."""
    instant = _parse_instant(value)
    if instant is None or instant.utcoffset() != dt.timedelta(0):
        return None
    for stamp in stamps:
        other = _parse_instant(stamp)
        if other is not None and other.utcoffset() and other == instant:
            return ArticleDate(other.year, other.month, other.day)
    for stamp in stamps:
        naive = _parse_naive(stamp)
        if naive is None or (naive.minute, naive.second) == (0, 0):
            continue  # a round hour is as likely another time as the same one
        hours = (naive - instant.replace(tzinfo=None)).total_seconds() / 3600
        if hours and hours.is_integer() and abs(hours) <= 14:
            return ArticleDate(naive.year, naive.month, naive.day)
    return None


def _parse_naive(value: str, seconds: bool = True) -> dt.datetime | None:
    """A timestamp written with a time of day and no zone ("2023-11-08 23:30:59"; with
    `seconds=False` also "2023-11-08T23:30" and fractions of a second)."""
    pattern = r"\s*\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\s*"
    if not seconds:
        pattern = r"\s*\d{4}-\d\d-\d\d[T ]\d\d?:\d\d(?::\d\d(?:\.\d+)?)?\s*"
    if not re.fullmatch(pattern, value):
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _parse_instant(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


# How much of the text after the headline is read for its dateline, in characters and in
# pieces: a dateline is a short line near it ("17/02/2022", "Written: 2023-11-07 15:03"), not a
# date inside a sentence of the article ("Laut der am 28.01.2022 …", `SHORT_TEXT_MAX_CHARS`).
DATELINE_WINDOW = 200
DATELINE_PIECES = 12
# A label that makes the date after it a revision's, not the publication's.
_UPDATE_WORDS = (
    r"(?:updated?|modified|last edited|aktualisiert|geändert|mis à jour|modifié|actualizad[oa]"
    r"|aggiornato|bijgewerkt|zaktualizowano|atualizado|обновлено|oppdatert|uppdaterad"
    r"|opdateret|päivitetty|aktualizováno|güncellendi)"
)
_UPDATED_LABEL = re.compile(rf"\b{_UPDATE_WORDS}\b", re.I)
# Where one line of a dateline holds two dates ("Veröffentlicht am 3. März 2024 | Aktualisiert
# am 5. März 2024", "Publié le 3 mars 2024 à 10h15, modifié le 4 mars 2024"): it is read in
# parts, cut at a separator and before each label, so the update's part is told apart.
_DATE_LABEL = (
    r"(?:published|posted|first published|veröffentlicht|erstellt|publié|publicad[oa]"
    r"|pubblicato|gepubliceerd|opublikowano|publicerad|publisert|publiceret|julkaistu"
    r"|publikováno|опубликовано)"
)
_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_BEFORE_LABEL = re.compile(rf"(?=\b(?:{_DATE_LABEL}|{_UPDATE_WORDS})\b)", re.I)


def _dateline_parts(text: str) -> list[str]:
    """The parts of one piece of text that may each be a dateline: the piece itself, or, when
    it is cut by separators or labels, each part between separators and each part that starts
    with a label. The words before a label inside a sentence ("Die Studie wurde am 3. März 2024
    veröffentlicht") are no dateline, so they are not taken on their own."""
    parts = []
    for piece in _SEPARATOR.split(text):
        cut = [p.strip(" ,;") for p in _BEFORE_LABEL.split(piece) if p.strip(" ,;")]
        if len(cut) <= 1:
            parts.append(piece)
        else:
            parts += [p for p in cut if _BEFORE_LABEL.match(p)]
    return parts


def dateline_and_updates(tree: HtmlElement) -> tuple[str | None, set[str], str]:
    """The date written just after the headline (<h1>), as ISO: "Written: 2023-11-07 15:03",
    "1. Februar 2022, Daniel Dillenburg", and the days shown before it labelled as an update's.
    The text the dateline was read from comes third. Pages print their dateline next to the
    headline; htmldate, which reads the whole page, can prefer an older date in a teaser
    further down. Only short pieces of text count
    (`parse_visible_date`), and not one labelled as an update's date ("Updated: Mar 6, 2018
    Original: Dec 21, 2016")."""
    read, label, updates = 0, "", set()
    for text in texts_after_headline(tree, DATELINE_PIECES):
        read += len(text)
        if read > DATELINE_WINDOW:
            return None, updates, ""
        # A label alone before this piece ("<span>Updated:</span><time>…") labels its first part.
        for part in _dateline_parts(text):
            found = parse_visible_date(part)
            if _UPDATED_LABEL.search(f"{label} {part}"):
                updates.add(found)
            elif found and found not in updates:
                # The same update day printed again (a tooltip, a second <time>) is still the
                # update's day, not a dateline of its own.
                return found, updates, part
            label = ""
        # Only a bare label ("Updated:") labels the next piece; a dated update does not.
        label = "" if parse_visible_date(text) else text
    return None, updates, ""


def headline_dateline(tree: HtmlElement) -> str | None:
    """The dateline under the headline, by `dateline_and_updates`."""
    return dateline_and_updates(tree)[0]


_NUMERIC_DAY = re.compile(r"(?<!\d)(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")


def other_reading(text: str) -> str | None:
    """The month-first reading, as ISO, of a numeric date that reads both ways ("03/04/2024":
    3 April day-first, as `parse_visible_date` reads it, or March 4 as US pages write it)."""
    match = _NUMERIC_DAY.search(text)
    if not match:
        return None
    first, _, second, year = match.groups()
    if first == second or int(first) > 12 or int(second) > 12:
        return None
    iso = f"{year}-{int(first):02}-{int(second):02}"
    return iso if day_from_text(iso) else None


# The label of a publication day in a list of facts: "<dt>Published</dt><dd>2019/3/5</dd>", a
# shop's or a library's record of a book, a report, a release.
_PUBLISHED_LABEL = re.compile(
    r"^(?:published(?: on)?|publication date|date (?:of )?publi(?:shed|cation)|release date"
    r"|released|erschienen(?: am)?|veröffentlicht(?: am)?|erscheinungsdatum|publié le"
    r"|date de publication|fecha de publicación|publicado|data di pubblicazione|pubblicato"
    r"|配信開始日|公開日|発行日|発売日|掲載日|発行年月日|出版日期|发布日期|發布日期|발행일|게시일)"
    r"\s*[:：]?$",
    re.I,
)


def labelled_date(tree: HtmlElement) -> str | None:
    """The day a page's list of facts gives as the publication's ("<dt>Published</dt>
    <dd>2019/3/5</dd>", the same in a table's <th>/<td>), as ISO; the first such."""
    for label in tree.xpath("//dt | //th"):
        if not _PUBLISHED_LABEL.match(" ".join(label.text_content().split())):
            continue
        value = label.getnext()
        if value is not None and value.tag in ("dd", "td"):
            found = parse_visible_date(" ".join(value.text_content().split()))
            if found:
                return found
    return None


_AP_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.\s*", re.I)
_CJK_DATE = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


def parse_visible_date(text: str) -> str | None:
    """A short piece of visible text that is a date ("17/02/2022", "1. Februar 2022, Name") →
    ISO day, by htmldate's own text-date parser (day-month order, month names in many
    languages), which is not part of its documented API: if it moves, this returns None."""
    # A day needs at least five digits ("1. Mai 2022"); fewer is a year or a number.
    if len(text) > SHORT_TEXT_MAX_CHARS or sum(c.isdigit() for c in text) < 5:
        return None
    # "2019年4月2日" (Chinese, Japanese), "2023년 11월 7일" (Korean): htmldate's parser does
    # not read these; the order is always year, month, day.
    cjk = _CJK_DATE.search(text)
    if cjk:
        iso = "{}-{:0>2}-{:0>2}".format(*cjk.groups())
        return iso if day_from_text(iso) else None
    # "4. 2. 2022": German typesetting puts a space after each period of a numeric date.
    text = re.sub(r"\b(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})\b", r"\1.\2.\3", text)
    text = english_months(text)
    # AP style abbreviates months with a period ("Mar. 3, 2024", "Sept. 3"): htmldate reads
    # "Mar 3, 2024" and "Sep 3".
    text = _AP_MONTH.sub(lambda m: m.group(1)[:3] + " ", text)
    try:
        from htmldate.extractors import custom_parse

        found = custom_parse(text, "%Y-%m-%d", dt.datetime(1990, 1, 1), dt.datetime.now())
    except Exception:  # htmldate is best-effort; so is this vote
        return None
    return str(found) if found else None
