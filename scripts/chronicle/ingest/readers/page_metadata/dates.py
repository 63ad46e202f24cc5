"""The article's day of publication: a vote among the dates the page gives.

JSON-LD `datePublished` of the article, each publication-time meta tag (`DATE_META`),
`itemprop="datePublished"`, the first `<time datetime>` (or, on a page that declares nothing,
the first `<time>`'s text) and the short dateline just after the `<h1>` each give one day, and
`htmldate` (which also reads the text, with `original_date=True` so a "last updated" line does
not win) one more when its day is its own; the day most of them give wins, the address's day
(/2019/10/22/) then the most trusted source breaking a tie. A timestamp keeps the day it was
written in (the page's own local day); a UTC one takes the publisher's day when the page writes
the same instant with its offset, the next day when it is a Central European midnight (22:00 or
23:00 exactly), or htmldate's day when that is one day off.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.headings import (
    SHORT_TEXT_MAX_CHARS,
    texts_after_headline,
)

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
    "cxenseparse:recs:publishtime",
)
# Article-level tags come before the page-level `author`, which many CMSs fill with the


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


_LOCAL_MIDNIGHT = re.compile(r"T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")
_UTC_OR_NAIVE = re.compile(
    r"(?:Z|[+-]00:?00|GMT|UTC)\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+)?\s*$"
)


def declared_dates(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement
) -> list[str]:
    """The publication dates the page declares for machines, one per source, most trusted
    first: the article's JSON-LD, each publication meta tag, `itemprop="datePublished"`."""
    declared = (o.get("datePublished") or o.get("dateCreated") for o in objects)
    values = [str(next((v for v in declared if v), ""))]
    values += [meta[k] for k in DATE_META if k in meta]
    values += [str(v) for v in tree.xpath('//time[@itemprop="datePublished"]/@datetime')][:1]
    return [v for v in values if day_from_text(v)]


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
    same instant elsewhere with its offset ("…T03:37Z" and "…-04:00" the evening before)."""
    instant = _parse_instant(value)
    if instant is None or instant.utcoffset() != dt.timedelta(0):
        return None
    for stamp in stamps:
        other = _parse_instant(stamp)
        if other is not None and other.utcoffset() and other == instant:
            return ArticleDate(other.year, other.month, other.day)
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
_UPDATED_LABEL = re.compile(
    r"\b(?:updated?|modified|last edited|aktualisiert|geändert|mis à jour|actualizado"
    r"|aggiornato)\b",
    re.I,
)


def headline_dateline(tree: HtmlElement) -> str | None:
    """The date written just after the headline (<h1>), as ISO: "Written: 2023-11-07 15:03",
    "1. Februar 2022, Daniel Dillenburg". Pages print their dateline next to the headline;
    htmldate, which reads the whole page, can prefer an older date in a teaser further down.
    Only short pieces of text count (`parse_visible_date`), and not one labelled as an
    update's date ("Updated: Mar 6, 2018 Original: Dec 21, 2016")."""
    read, label = 0, ""
    for text in texts_after_headline(tree, DATELINE_PIECES):
        read += len(text)
        if read > DATELINE_WINDOW:
            return None
        if not _UPDATED_LABEL.search(f"{label} {text}"):
            found = parse_visible_date(text)
            if found:
                return found
        label = text
    return None


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
    try:
        from htmldate.extractors import custom_parse

        found = custom_parse(text, "%Y-%m-%d", dt.datetime(1990, 1, 1), dt.datetime.now())
    except Exception:  # htmldate is best-effort; so is this vote
        return None
    return str(found) if found else None


# A <time> in a comment thread dates the comment, not the article.
_ARTICLE_TIME = (
    "//time[not(ancestor::*[contains(translate(@class, 'COMMENT', 'comment'), 'comment')"
    " or contains(translate(@id, 'COMMENT', 'comment'), 'comment')])]/@datetime"
)


def _only_extensive(tree: HtmlElement, url: str | None, found: ArticleDate) -> bool:
    """Whether htmldate gives this day only by its extensive search (the page's text and
    copyright line, scanned as a last resort), not from the page's markup or address."""
    try:
        plain = find_date(tree, original_date=True, extensive_search=False, url=url)
    except Exception:  # htmldate is best-effort
        plain = None
    return day_from_text(plain) != found


def choose_date(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement, url: str | None
) -> ArticleDate | None:
    try:
        text = find_date(tree, original_date=True, extensive_search=True, url=url)
    except Exception:  # htmldate is best-effort; a parsing bug there must not fail the page
        text = None
    declared = declared_dates(objects, meta, tree)
    # The first <time datetime> on the page is the dateline readers see.
    votes = declared + [str(v) for v in tree.xpath(_ARTICLE_TIME)][:1]
    if not votes:
        # A <time> without a machine-readable datetime still shows the dateline as text; only
        # on a page that declares no date, since the first <time> of a page that does may be
        # the header's "today" (the day the page was saved), not the article's.
        shown = (parse_visible_date(normalise(t.text_content())) for t in tree.iter("time"))
        votes += [v for v in shown if v][:1]
    dateline = headline_dateline(tree)
    if dateline:
        votes.append(dateline)
    found = day_from_text(text)
    # htmldate reads the same meta tags first: a day they already give is an echo, not a
    # second witness. A day of its own comes from the text (a dateline) and does count.
    echo = found in {day_from_text(v) for v in declared}
    if found and not echo:
        if not votes and found.month == found.day == 1 and _only_extensive(tree, url, found):
            # htmldate's last resort, a copyright notice ("© 2022") read as 1 January: the
            # only evidence is a year. Kept as the year, never as an invented day.
            return ArticleDate(found.year)
        votes.append(str(text))
    elected = elect_day(votes, url)
    if elected is None:
        return None
    day, value = elected
    stamps = [str(v) for v in tree.xpath("//time/@datetime")] + list(meta.values())
    local = local_day(value, stamps)
    if local is not None:
        return local
    if _LOCAL_MIDNIGHT.search(value.strip()):
        # A day entered without a time is stored as the publisher's local midnight; written in
        # UTC from Central Europe (UTC+1, +2 in summer) that is 23:00 or 22:00 the day before.
        # No article goes out at exactly 23:00:00.000, so the day is the next one.
        following = day.as_date() + dt.timedelta(days=1)
        return ArticleDate(following.year, following.month, following.day)
    one_day_off = found is not None and abs((day.as_date() - found.as_date()).days) == 1
    if one_day_off and not echo and _UTC_OR_NAIVE.search(value):
        # A UTC (or zone-less) timestamp may fall on the next or previous calendar day from
        # the publisher's; htmldate also reads the dateline readers see, so its day wins.
        return found
    return day
