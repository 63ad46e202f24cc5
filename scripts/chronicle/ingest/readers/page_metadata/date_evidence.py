"""The article's day of publication and the evidence for it: which signals gave the day, and
whether they are enough to store it as certain.

Signals, one each: the article's JSON-LD `datePublished`, each publication-time meta tag
(`DATE_META`), `itemprop="datePublished"` (or a blog's `<abbr class="published">`), the first
`<time datetime>` that is not an update's, a comment's, a teaser's, an event's or the page
footer's, (on a page that declares nothing) the first `<time>`'s text and a date labelled as
the publication's in a list of facts ("<dt>Published</dt><dd>…</dd>"), the short dateline just
after the `<h1>` (an update's part of it set aside), and htmldate's day when it is its own
(read from the text, and neither the update shown nor the modification declared).
The day most of them give wins (`elect_day`); the local-day rules of `dates.py` then place it in the
publisher's own day.

How it is stored follows the evidence, because a wrong day stored as certain misleads a reader
and a wrong day marked uncertain does not:

- **certain** when a declared signal (JSON-LD, meta, microdata, `<time datetime>`) gives the day
  and no other signal gives another day (a UTC time gives every day it is somewhere on Earth,
  `possible_days`; two JSON-LD objects with two days are two signals);
- **uncertain** (EDTF `?`) when the signals disagree, when only the text gives the day (a
  dateline, a `<time>`'s text, a labelled date, htmldate's guess), or when the only declared
  timestamp is a *modification* time;
- **unknown** when the only date is a copyright year: "© 2022" says when the site was last
  touched, not when the article appeared.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from htmldate import find_date
from lxml.html import HtmlElement

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.dates import (
    DATE_META,
    dateline_and_updates,
    day_from_text,
    declared_value,
    elect_day,
    labelled_date,
    local_day,
    other_reading,
    parse_visible_date,
    possible_days,
    url_day,
)

# Signals a page declares for machines: a CMS writes them from the article's record.
DECLARED = frozenset({"json-ld", "meta", "microdata", "time"})
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "article:updated_time",
    "last-modified",
    "dcterms.modified",
    "datemodified",
)
# A <time> in a comment thread dates the comment, one marked as an update's dates the update:
# neither is the article's publication.
# So does one in a sidebar, a menu or a list of other articles ("Recent posts", "Related").
_NOT_PUBLICATION = (
    "contains(translate(@class, 'COMMENT', 'comment'), 'comment')"
    " or contains(translate(@id, 'COMMENT', 'comment'), 'comment')"
    " or self::aside or self::nav"
    " or contains(translate(@class, 'SIDEBRWGTL', 'sidebrwgtl'), 'sidebar')"
    " or contains(translate(@class, 'SIDEBRWGTL', 'sidebrwgtl'), 'widget')"
    " or contains(translate(@class, 'RELATD', 'relatd'), 'related')"
    # Teasers of other articles ("More stories", "Most popular"), readers' responses, an
    # event's or a review's own time, and the page's footer ("Page last reviewed: …").
    " or contains(translate(@class, 'TEASR', 'teasr'), 'teaser')"
    " or contains(translate(@class, 'MOREST', 'morest'), 'more-stor')"
    " or contains(translate(@class, 'POPULAR', 'popular'), 'popular')"
    " or contains(translate(@class, 'TRENDIG', 'trendig'), 'trending')"
    " or contains(translate(@class, 'RECOMEND', 'recomend'), 'recommend')"
    " or contains(translate(@class, 'RESPON', 'respon'), 'respons')"
    " or contains(translate(@class, 'EVNT', 'evnt'), 'event')"
    " or (@itemscope and (contains(@itemtype, 'Review') or contains(@itemtype, 'Comment')"
    " or contains(@itemtype, 'Event')))"
    " or self::footer[not(ancestor::article)]"
)
_ARTICLE_TIME = (
    f"//time[@datetime][not(ancestor::*[{_NOT_PUBLICATION}])]"
    "[not(contains(translate(@itemprop, 'M', 'm'), 'modified'))]"
)
# The publication time marked for machines in the page's body: schema.org microdata, and the
# microformat Blogger and older blog themes write (<abbr class="published" title="ISO">).
_MICRODATA_PUBLISHED = (
    '//time[@itemprop="datePublished"]/@datetime'
    ' | //*[@itemprop="datePublished"][not(self::meta)][not(self::time)]/@content'
    ' | //abbr[contains(concat(" ", normalize-space(@class), " "), " published ")]/@title'
)
_UPDATE_MARK = re.compile(
    r"updat|modif|edited|aktualisiert|geändert|mis à jour|actualiz|aggiornat|更新|oppdater"
    r"|uppdater|opdater|päivitet|aktualizov|atualiz|bijgewerkt|güncellen|обновлен",
    re.I,
)
_UPDATE_LABEL_END = re.compile(
    rf"(?:{_UPDATE_MARK.pattern})\w*(?:\s+(?:on|at|am|le|el|il))?\W*$", re.I
)
# Signals read from what the page shows readers, in the publisher's own day.
_SHOWN = ("dateline", "time-text")
_READ_FROM_TEXT = frozenset({*_SHOWN, "labelled"})
_LOCAL_MIDNIGHT = re.compile(r"T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")
_UTC_OR_NAIVE = re.compile(
    r"(?:Z|[+-]00:?00|GMT|UTC)\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+)?\s*$"
)


@dataclass(frozen=True, slots=True)
class Signal:
    kind: str  # json-ld, meta, microdata, time, time-text, labelled, dateline, text
    value: str
    # The other day a numeric dateline can be read as ("03/04/2024": 3 April or March 4).
    also: str | None = None

    @property
    def day(self) -> ArticleDate | None:
        return day_from_text(self.value)


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """The stored date (uncertain when the evidence is weak) and the signals behind it."""

    date: ArticleDate | None
    signals: tuple[str, ...] = ()  # the kinds of signal that gave the stored day
    disagreed: bool = False  # another signal gave another day
    modified_only: bool = False  # the only declared timestamp is an update's

    @property
    def certain(self) -> bool:
        return self.date is not None and self.date.is_exact


def _is_update_time(element: HtmlElement) -> bool:
    """A <time> the page labels as an update's: its class ("updated"), its own text
    ("Aktualisiert: 08.01.2024"), or the words just before it ("Updated: <time>…")."""
    classes = element.get("class") or ""
    if _UPDATE_MARK.search(classes):
        # WordPress themes mark a post never edited "entry-date published updated": both.
        return "publish" not in classes.casefold()
    if _UPDATE_MARK.match((element.text or "").strip()):
        return True
    previous, parent = element.getprevious(), element.getparent()
    before = (previous.tail if previous is not None else None) or ""
    if parent is not None and previous is None:
        before = parent.text or ""
    if previous is not None and not before.strip():
        # The label in an element of its own: "<span>Updated</span> <time>…"; it must end
        # there, since an update's <time> just before a publication's is no label of it.
        return bool(_UPDATE_LABEL_END.search(previous.text_content()[-40:]))
    return bool(_UPDATE_MARK.search(before[-40:]))


def publication_signals(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement
) -> list[Signal]:
    """The publication dates the page declares for machines, most trusted first. Every JSON-LD
    object's day is one (once per day): two objects of one page that give two publication days
    are a CMS contradicting itself, and the day must not be stored as certain."""
    declared = (o.get("datePublished") or o.get("dateCreated") for o in objects)
    ld_days: dict[ArticleDate | None, str] = {}
    for value in (declared_value(str(v)) for v in declared if v):
        ld_days.setdefault(day_from_text(value), value)
    signals = [Signal("json-ld", v) for v in ld_days.values()]
    signals += [Signal("meta", declared_value(meta[k])) for k in DATE_META if k in meta]
    microdata = tree.xpath(_MICRODATA_PUBLISHED)[:1]
    signals += [Signal("microdata", str(v)) for v in microdata]
    times = [t for t in tree.xpath(_ARTICLE_TIME) if not _is_update_time(t)][:1]
    signals += [Signal("time", str(t.get("datetime"))) for t in times]
    return [s for s in signals if s.day]


def modified_days(objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement) -> set:
    values = [str(o.get("dateModified") or "") for o in objects]
    values += [meta[k] for k in MODIFIED_META if k in meta]
    values += [str(v) for v in tree.xpath('//*[@itemprop="dateModified"]/@datetime')]
    values += [str(v) for v in tree.xpath('//*[@itemprop="dateModified"]/@content')]
    return {d for v in values if (d := day_from_text(v))}


def _htmldate(tree: HtmlElement, url: str | None, extensive: bool) -> str | None:
    try:
        return find_date(tree, original_date=True, extensive_search=extensive, url=url)
    except Exception:  # htmldate is best-effort; a parsing bug there must not fail the page
        return None


def choose_date(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement, url: str | None
) -> DateEvidence:
    text = _htmldate(tree, url, extensive=True)
    declared = publication_signals(objects, meta, tree)
    signals = list(declared)
    if not signals:
        # A <time> without a machine-readable datetime still shows the dateline as text; only
        # on a page that declares no date, since the first <time> of a page that does may be
        # the header's "today" (the day the page was saved), not the article's.
        shown = (
            parse_visible_date(normalise(t.text_content()))
            for t in tree.iter("time")
            if not _is_update_time(t)
        )
        signals += [Signal("time-text", v) for v in shown if v][:1]
        labelled = labelled_date(tree)
        signals += [Signal("labelled", labelled)] if labelled else []
    dateline, updates, written = dateline_and_updates(tree)
    if dateline:
        signals.append(Signal("dateline", dateline, other_reading(written)))
    found = day_from_text(text)
    # htmldate reads the same meta tags first: a day they already give is an echo, not a
    # second witness. A day of its own comes from the text (a dateline) and does count.
    echo = found in {s.day for s in declared if s.kind != "time"}
    in_url = url_day(url)
    # htmldate also reads the address first (/2016/12/05/, a magazine's issue day): that day
    # already breaks ties and disagrees when it differs, so it is no second witness either,
    # unless nothing else dates the page.
    from_address = found is not None and found == in_url and bool(signals)
    # The update's day shown under the headline ("Updated: 9 Jan 2024") is what htmldate often
    # reads from the text: it is the same line again, not a witness to the publication. On a
    # page that shows no other date it is still the best guess, and stays (uncertain).
    shown_update = bool(signals) and found in {day_from_text(u) for u in updates if u}
    # So is a day the page declares as its modification (JSON-LD `dateModified`, a modified
    # meta tag or microdata) when it declares a publication too: htmldate read the update.
    modified = modified_days(objects, meta, tree)
    declared_update = bool(declared) and found in modified
    if found and not echo and not from_address and not shown_update and not declared_update:
        copyright_year = found.month == found.day == 1
        if copyright_year and not signals and _only_extensive(tree, url, found):
            # htmldate's last resort, a copyright notice ("© 2022") read as 1 January: it
            # says when the site was last touched, not when this article appeared.
            return DateEvidence(None)
        signals.append(Signal("text", str(text)))
    elected = elect_day([s.value for s in signals], url)
    if elected is None:
        return DateEvidence(None)
    day, value = elected
    shown = next((s.day for s in signals if s.kind in _SHOWN), None)
    # A day read from what the page shows is already the publisher's own; only a timestamp
    # may be one seen from another time zone.
    if next(s.kind for s in signals if s.value == value) not in _READ_FROM_TEXT:
        day = _local_day(day, value, meta, tree, (found, shown), echo, in_url)
    backing = tuple(dict.fromkeys(s.kind for s in signals if _same_day(s, day)))
    others = [s for s in signals if not _same_day(s, day)]
    disagreed = bool(others) or (in_url is not None and in_url != day)
    modified_only = not declared and day in modified
    certain = bool(DECLARED & set(backing)) and not disagreed
    if not certain:
        day = replace(day, uncertain=True)
    return DateEvidence(day, backing, disagreed, modified_only)


def _same_day(signal: Signal, day: ArticleDate) -> bool:
    """Whether a signal gives the day, allowing a UTC or zone-less timestamp to be the day
    before or after it is somewhere (`possible_days`: the same instant in the publisher's zone)."""
    return day in possible_days(signal.value) or (
        signal.also is not None and day == day_from_text(signal.also)
    )


def _local_day(
    day: ArticleDate,
    value: str,
    meta: dict[str, str],
    tree: HtmlElement,
    read: tuple[ArticleDate | None, ArticleDate | None],
    echo: bool,
    in_url: ArticleDate | None,
) -> ArticleDate:
    """The elected day in the publisher's own time zone; `read` is htmldate's day and the day
    the page shows readers under its headline."""
    found, shown = read
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
    if shown is not None and shown != day and shown in possible_days(value):
        # A UTC timestamp ("Wed, 04 May 2022 02:41:00 GMT") and the dateline readers see (3 May)
        # are one moment: the evening of the 3rd in the Americas. The dateline is the local day.
        return shown
    near_url = in_url is not None and abs((day.as_date() - in_url.as_date()).days) == 1
    if near_url and _UTC_OR_NAIVE.search(value):
        # The address is written with the publisher's own day (/2023/11/08/); a UTC timestamp
        # one day off it is the same moment seen from Greenwich.
        assert in_url is not None
        return in_url
    one_day_off = found is not None and abs((day.as_date() - found.as_date()).days) == 1
    if one_day_off and not echo and _UTC_OR_NAIVE.search(value):
        # A UTC (or zone-less) timestamp may fall on the next or previous calendar day from
        # the publisher's; htmldate also reads the dateline readers see, so its day wins.
        assert found is not None
        return found
    return day


def _only_extensive(tree: HtmlElement, url: str | None, found: ArticleDate) -> bool:
    """Whether htmldate gives this day only by its extensive search (the page's text and
    copyright line, scanned as a last resort), not from the page's markup or address."""
    return day_from_text(_htmldate(tree, url, extensive=False)) != found
