"""RSS 2.0, Atom and JSON Feed 1.1 feeds of the archive and of each topic, source and entity.
Pure apart from `write_channel`, which writes one channel's three files.

Timestamps are honest: an entry's feed time is when the article entered the archive (its
provenance, else its file's time), never its publication date turned into a fake midnight (a
month-only date is not "the 1st at 00:00"). The publication date, as precise as it is known,
opens the entry's text instead. Two orders: "recently added" (a 2016 article curated today
reaches subscribers today) and "by publication date".

RSS and Atom are written with feedgen (valid XML, every field escaped); JSON Feed is plain JSON.
Titles are text: control characters, which XML cannot carry, are removed from every field.
A feed is in the archive's language (`theme.language`): its language tag, and its own words and
dates from the site's catalogue (labels.py, `feed.*`).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english

ATOM, RSS, JSON_FEED = "feed.xml", "rss.xml", "feed.json"
# The archive's second set of feeds, newest publication date first.
BY_DATE = {"atom": "published.xml", "rss": "published-rss.xml", "json": "published.json"}
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def clean(text: str) -> str:
    """Text a feed can carry: no control characters, one line."""
    return " ".join(_CONTROL.sub("", text).split())


@dataclass(frozen=True)
class Channel:
    """One feed: its title, the page it follows and the folder its files go in (site-relative,
    "" for the site's root), and its entries in the feed's order."""

    title: str
    description: str
    page: str
    folder: str
    entries: list[Entry]
    names: Mapping[str, str] | None = None  # kind → file name; default ATOM, RSS, JSON_FEED

    def path(self, kind: str) -> str:
        names = self.names or {"atom": ATOM, "rss": RSS, "json": JSON_FEED}
        return self.folder + names[kind]


AddedAt = Callable[[Entry], dt.datetime]


def recently_added(entries: list[Entry], added: AddedAt, size: int) -> list[Entry]:
    """The `size` entries added last, newest first (ties: the archive's order)."""
    return sorted(entries, key=added, reverse=True)[:size]


def _text(entry: Entry, labels: Labels) -> str:
    article = entry.article
    if article.date is None:
        when = labels("feed.undated")
    else:
        when = labels("feed.published", date=labels.date(article.date))
    source = f" · {article.source}" if article.source else ""
    summary = article.summary or article.title
    return clean(f"{when}{source}. {summary}")


def build_feed(
    channel: Channel,
    *,
    site_url: str,
    added: AddedAt,
    labels: Labels | None = None,
    language: str = "en",
) -> FeedGenerator:
    """The RSS and Atom feed object of `channel`; pure apart from feedgen's own state.
    `labels` give its words and dates, `language` (the archive's `theme.language`) its tag."""
    labels = labels or english()
    fg = FeedGenerator()
    home = urljoin(site_url, channel.page)
    fg.id(home)
    fg.title(clean(channel.title))
    fg.subtitle(clean(channel.description or channel.title))
    fg.link(href=home, rel="alternate")
    fg.link(href=urljoin(site_url, channel.path("atom")), rel="self")
    fg.language(language)
    fg.generator("Chronicle")
    fg.updated(max((added(e) for e in channel.entries), default=EPOCH))
    # feedgen prepends entries, so add the last first to keep the channel's order.
    for entry in reversed(channel.entries):
        article = entry.article
        url = urljoin(site_url, entry.url)
        fe = fg.add_entry()
        fe.id(url)
        fe.guid(url, permalink=True)
        fe.title(clean(article.title))
        fe.link(href=url)
        fe.updated(added(entry))
        fe.published(added(entry))
        fe.summary(_text(entry, labels))
        for author in article.authors:
            fe.author(name=clean(author))
        if not article.authors and article.source:
            fe.author(name=clean(article.source))
        for topic in article.topics:
            fe.category(term=clean(topic))
    return fg


def json_feed(
    channel: Channel,
    *,
    site_url: str,
    added: AddedAt,
    labels: Labels | None = None,
    language: str = "en",
) -> dict[str, object]:
    """The JSON Feed 1.1 document of `channel`. The publication date as stored (EDTF) is kept in
    the `_chronicle` extension object, which the spec allows."""
    labels = labels or english()
    items = []
    for entry in channel.entries:
        article = entry.article
        url = urljoin(site_url, entry.url)
        item: dict[str, object] = {
            "id": url,
            "url": url,
            "title": clean(article.title),
            "content_text": _text(entry, labels),
            "date_published": added(entry).isoformat(),
        }
        if article.authors:
            item["authors"] = [{"name": clean(a)} for a in article.authors]
        if article.topics:
            item["tags"] = [clean(t) for t in article.topics]
        if article.language:
            item["language"] = article.language
        item["_chronicle"] = {
            "publication_date": article.date.edtf if article.date else None,
            "source": article.source,
        }
        items.append(item)
    return {
        "version": JSON_FEED_VERSION,
        "title": clean(channel.title),
        "home_page_url": urljoin(site_url, channel.page),
        "feed_url": urljoin(site_url, channel.path("json")),
        "description": clean(channel.description or channel.title),
        "language": language,
        "items": items,
    }


def render_channel(
    channel: Channel,
    *,
    site_url: str,
    added: AddedAt,
    labels: Labels | None = None,
    language: str = "en",
) -> dict[str, str]:
    """A channel's three files: site-relative path → text."""
    fg = build_feed(channel, site_url=site_url, added=added, labels=labels, language=language)
    document = json_feed(channel, site_url=site_url, added=added, labels=labels, language=language)
    atom = fg.atom_str(pretty=True).decode("utf-8")
    _descriptions_as_html(fg)
    return {
        channel.path("atom"): atom,
        channel.path("rss"): fg.rss_str(pretty=True).decode("utf-8"),
        channel.path("json"): json.dumps(document, ensure_ascii=False, indent=1) + "\n",
    }


def _descriptions_as_html(fg: FeedGenerator) -> None:
    """RSS 2.0 reads a description (the channel's, each item's) as HTML, where Atom's summary
    and subtitle are text: once the Atom feed is written, the same text is escaped for RSS, so
    a summary or site description that reads "<script>" is shown as written, never as markup.
    feedgen keeps one value for both, hence the order."""
    fg.description(html.escape(fg.subtitle()))
    for entry in fg.entry():
        entry.description(html.escape(entry.summary()["summary"]), isSummary=True)
