"""Feeds (RSS 0.9x/1.0/2.0, Atom) → one Draft per entry, with `feedparser`.

The text is the entry's full content where the feed carries it (`content:encoded`, Atom
`content`), else its summary. Entries repeated in one feed (the same GUID, or the same link when
there is no GUID) are read once. Dates keep the day written in the feed (the publisher's local
day), not feedparser's UTC conversion.

Each entry records where its date, title, authors and source came from (`extra.evidence`, in the
archive's vocabulary): the entry's `published` (RSS `pubDate`) or `updated` element, its
`author`, the feed's own title as the source. An Atom entry with only `updated` gives the day it
was last changed, not published: stored uncertain (`?`), and the evidence says why.
"""

from __future__ import annotations

import email.utils
import html
import re
import warnings
from dataclasses import replace

import feedparser
import lxml.html
from lxml.etree import ParserError

from chronicle.archive.dates import ArticleDate
from chronicle.archive.evidence import NONE_FOUND, evidence_words
from chronicle.errors import ReaderError
from chronicle.ingest.readers.base import Draft, ReaderNote
from chronicle.ingest.readers.html import blocks_to_markdown
from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.byline import split_authors
from chronicle.ingest.readers.page_metadata.dates import day_from_text

NAME = "feed"
_REFERENCE = re.compile(rb"&#(x[0-9a-f]+|[0-9]+);", re.I)  # a numeric character reference
# An element naming a person, whose text feedparser searches for an e-mail address with a
# pattern that re-reads the rest of a run of letters from each one of them: an author of 50,000
# letters took 28 s, 200,000 letters minutes. No name is this long (a stored author may have
# 2,000 characters), so a longer one is left out before feedparser reads it.
_PERSON = re.compile(
    rb"<(?:[A-Za-z][\w.-]*:)?(?:author|creator|contributor|managingEditor|webMaster|name|email)"
    rb"(?:\s[^<>]*)?>"
)
_MAX_PERSON = 2_000
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


# feedparser's key → the signal's code. feedparser files RSS's `dc:date` (RSS 1.0's only date,
# the item's publication) under `updated`: in an RSS feed it is the entry's date; only Atom
# separates `published` from `updated`.
_DATE_KEYS = (
    ("published", "feed-published"),
    ("updated", "feed-updated"),
    ("created", "feed-created"),
    ("dc_date", "feed-dc-date"),
)


def _day(raw: str) -> ArticleDate | None:
    found = day_from_text(raw)
    if found:
        return found
    try:
        parsed = email.utils.parsedate_to_datetime(raw)  # RFC 822, as RSS 2.0 writes it
    except (TypeError, ValueError):
        return None
    return ArticleDate(parsed.year, parsed.month, parsed.day)


def entry_date(
    entry: feedparser.FeedParserDict, atom: bool = True
) -> tuple[ArticleDate | None, str]:
    """The entry's day of publication and the evidence for it. A day only an Atom `updated`
    gives is when the entry last changed, at or after its publication: uncertain."""
    for key, code in _DATE_KEYS:
        raw = entry.get(key)
        found = _day(raw) if raw else None
        if found is None:
            continue
        if key == "updated" and not atom:
            code = "feed-dc-date"
        if code == "feed-updated":
            return replace(found, uncertain=True), evidence_words([code], "updated-only")
        return found, evidence_words([code])
    return None, NONE_FOUND


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


def without_long_people(data: bytes) -> bytes:
    """`data` with the text of each author, creator, name or e-mail element longer than
    `_MAX_PERSON` bytes left out (with a note): see `_PERSON`."""
    pieces = []
    position = 0
    dropped = 0
    for tag in _PERSON.finditer(data):
        if tag.start() < position:
            continue
        end = data.find(b"</", tag.end())
        if end < 0:
            break
        content = data[tag.end() : end]
        # Only the text of the innermost element: an Atom <author> holding <name> is not cut.
        if end - tag.end() > _MAX_PERSON and b"<" not in content.replace(b"<![CDATA[", b""):
            pieces.append(data[position : tag.end()])
            position = end
            dropped += 1
    if not dropped:
        return data
    pieces.append(data[position:])
    warnings.warn(
        ReaderNote(f"{dropped} author name(s) over {_MAX_PERSON:,} characters left out"),
        stacklevel=2,
    )
    return b"".join(pieces)


def read_feed(data: bytes, name: str) -> list[Draft]:
    if not data.strip():
        raise ReaderError(name, "the file is empty")
    parsed = feedparser.parse(without_long_people(without_bad_references(data)))
    if parsed.bozo and not parsed.entries:
        raise ReaderError(name, "this is not a readable feed (not well-formed XML)")
    if not parsed.version and not parsed.entries:
        raise ReaderError(name, "this XML is not an RSS or Atom feed")
    feed_title = normalise(parsed.feed.get("title")) or None
    atom = str(parsed.version).startswith("atom")
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
        date, date_words = entry_date(entry, atom)
        evidence = {
            "title": evidence_words(["feed-entry-title"] if title else []),
            "date": date_words,
            "authors": evidence_words(["feed-author"] if authors else []),
            "source": evidence_words(["feed-title"] if feed_title else []),
        }
        drafts.append(
            Draft(
                body=blocks_to_markdown(blocks),
                text=text,
                reader=NAME,
                title=title,
                date=date,
                source=feed_title,
                url=entry.get("link") or None,
                authors=authors,
                language=(parsed.feed.get("language") or "").split("-")[0].lower() or None,
                topics=(),
                summary=_first_text(entry.get("summary", "")) or None,
                locator=key or f"entry-{index}",
                extra={"evidence": evidence},
            )
        )
    if not drafts:
        raise ReaderError(name, "the feed has no entries with text")
    return drafts
