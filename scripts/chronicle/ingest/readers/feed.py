"""Feeds (RSS 0.9x/1.0/2.0, Atom) → one Draft per entry, with `feedparser`.

The text is the entry's full content where the feed carries it (`content:encoded`, Atom
`content`), else its summary. Entries repeated in one feed (the same GUID, or the same link when
there is no GUID) are read once. Dates keep the day written in the feed (the publisher's local
day), not feedparser's UTC conversion.
"""

from __future__ import annotations

import email.utils
import html
import re

import feedparser
import lxml.html
from lxml.etree import ParserError

from chronicle.archive.dates import ArticleDate
from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import Draft
from chronicle.ingest.readers.html import blocks_to_markdown
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.byline import split_authors
from chronicle.ingest.readers.page_metadata.dates import day_from_text

NAME = "feed"
_REFERENCE = re.compile(rb"&#(x[0-9a-f]+|[0-9]+);", re.I)  # a numeric character reference
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre"}


def fragment_blocks(markup: str) -> list[tuple[str, str]]:
    """An entry's HTML fragment → [(kind, text)]. Our own walk, not trafilatura: a feed entry is
    already the article (no boilerplate to remove), and trafilatura refuses short fragments."""
    if "<" not in markup:
        return [
            ("paragraph", normalise(p)) for p in html.unescape(markup).split("\n\n") if p.strip()
        ]
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (ParserError, ValueError):
        return []
    for bad in root.xpath("//script|//style|//iframe|//noscript"):
        bad.drop_tree()
    blocks: list[tuple[str, str]] = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS:
            continue
        if any(a.tag in _BLOCKS for a in element.iterancestors()):
            continue  # its text is part of the enclosing block
        text = normalise(element.text_content())
        if text:
            kind = "heading" if element.tag.startswith("h") else "paragraph"
            kind = {"li": "item", "blockquote": "quote"}.get(element.tag, kind)
            blocks.append((kind, text))
    if not blocks:
        text = normalise(root.text_content())
        blocks = [("paragraph", text)] if text else []
    return blocks


def entry_date(entry: feedparser.FeedParserDict) -> ArticleDate | None:
    for key in ("published", "updated", "created", "dc_date"):
        raw = entry.get(key)
        if not raw:
            continue
        found = day_from_text(raw)
        if found:
            return found
        try:
            parsed = email.utils.parsedate_to_datetime(raw)  # RFC 822, as RSS 2.0 writes it
        except (TypeError, ValueError):
            parsed = None
        if parsed:
            return ArticleDate(parsed.year, parsed.month, parsed.day)
    return None


def entry_markup(entry: feedparser.FeedParserDict) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "")
    return best if len(best) >= len(summary) else summary


def _first_text(markup: str) -> str:
    blocks = fragment_blocks(markup) if markup else []
    return blocks[0][1] if blocks else ""


def _valid_reference(match: re.Match[bytes]) -> bytes:
    digits = match.group(1)
    hexadecimal = digits[:1] in (b"x", b"X")
    digits = digits[1:] if hexadecimal else digits
    # Leading zeros are allowed; past eight digits no number is a character (and a long one
    # would be slow or refused to convert).
    digits = digits.lstrip(b"0") or b"0"
    code = 0x110000 if len(digits) > 8 else int(digits, 16 if hexadecimal else 10)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return b"&#xFFFD;"  # what an HTML parser makes of it: the replacement character
    return match.group(0)


def without_bad_references(data: bytes) -> bytes:
    """`data` with each numeric character reference that names no character (&#0;, a UTF-16
    surrogate such as &#xD800;, beyond U+10FFFF) as U+FFFD: feedparser's lenient parser, which
    reads a feed that is not well-formed XML, fails on them with an encoding error."""
    return _REFERENCE.sub(_valid_reference, data)


def read_feed(data: bytes, name: str) -> list[Draft]:
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    parsed = feedparser.parse(without_bad_references(data))
    if parsed.bozo and not parsed.entries:
        raise ReaderError(name, "this is not a readable feed (not well-formed XML)")
    if not parsed.version and not parsed.entries:
        raise ReaderError(name, "this XML is not an RSS or Atom feed")
    feed_title = normalise(parsed.feed.get("title")) or None
    seen: set[str] = set()
    drafts = []
    for index, entry in enumerate(parsed.entries, 1):
        key = entry.get("id") or entry.get("link") or ""
        if key and key in seen:
            continue
        seen.add(key)
        blocks = fragment_blocks(entry_markup(entry))
        text = "\n\n".join(t for _, t in blocks)
        if not text:
            continue  # a title-only entry has no article to keep
        authors = tuple(
            n
            for a in (entry.get("authors") or [{"name": entry.get("author", "")}])
            for n in split_authors(a.get("name") or "")
        )
        title = normalise(html.unescape(entry.get("title", ""))) or None
        drafts.append(
            Draft(
                body=blocks_to_markdown(blocks),
                text=text,
                reader=NAME,
                title=title,
                date=entry_date(entry),
                source=feed_title,
                url=entry.get("link") or None,
                authors=authors,
                language=(parsed.feed.get("language") or "").split("-")[0].lower() or None,
                topics=(),
                summary=_first_text(entry.get("summary", "")) or None,
                locator=key or f"entry-{index}",
            )
        )
    if not drafts:
        raise ReaderError(name, "the feed has no entries with text")
    return drafts
