"""Atom and RSS feeds of the latest articles, with feedgen (it writes valid XML and escapes
every field; hand-built XML strings are how feeds break): `build_feed` makes one, pure;
`write_feeds` writes it into the site as feed.xml (Atom) and rss.xml (RSS)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator

from chronicle.archive.files import write_atomic
from chronicle.archive.index import Entry

FEED_PATH = "feed.xml"
RSS_PATH = "rss.xml"


def _when(entry: Entry) -> dt.datetime:
    """Feeds need a timestamp: the publication day when known, else when it was added.

    An estimated or partial date still gives the earliest day it can mean; the entry's summary
    is not changed, and the article page says how precise the date is.
    """
    article = entry.article
    if article.date is not None:
        day = article.date.as_date()
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    if article.provenance is not None:
        return article.provenance.added
    return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def build_feed(
    entries: list[Entry], *, site_url: str, title: str, description: str, feed_path: str
) -> FeedGenerator:
    """The feed object for `entries` (newest first); pure apart from feedgen's own state."""
    fg = FeedGenerator()
    fg.id(site_url)
    fg.title(title)
    fg.subtitle(description or title)
    fg.link(href=site_url, rel="alternate")
    fg.link(href=urljoin(site_url, feed_path), rel="self")
    fg.language("en")
    fg.generator("Chronicle")
    newest = max((_when(e) for e in entries), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    fg.updated(newest)
    # feedgen prepends entries, so add oldest first to keep the feed newest first.
    for entry in reversed(entries):
        article = entry.article
        url = urljoin(site_url, entry.url)
        fe = fg.add_entry()
        fe.id(url)
        fe.title(article.title)
        fe.link(href=url)
        fe.updated(_when(entry))
        if article.date is not None:
            fe.published(_when(entry))
        fe.summary(article.summary or article.title)
        for author in article.authors:
            fe.author(name=author)
        if not article.authors and article.source:
            fe.author(name=article.source)
        for topic in article.topics:
            fe.category(term=topic)
    return fg


def write_feeds(
    entries: list[Entry], *, site_dir: Path, site_url: str, title: str, description: str
) -> None:
    """Both feeds of `entries` (newest first) into the site."""
    feed = build_feed(
        entries, site_url=site_url, title=title, description=description, feed_path=FEED_PATH
    )
    write_atomic(site_dir / FEED_PATH, feed.atom_str(pretty=True))
    write_atomic(site_dir / RSS_PATH, feed.rss_str(pretty=True))
