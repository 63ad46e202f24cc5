"""What every reader returns: a `Draft`, the document's own view of an article.

A draft holds only what the input itself says (or what a reader had to guess, listed in
`inferred`). Curator metadata is layered on top later, in one place: `metadata.py`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chronicle.archive.dates import ArticleDate


class ReaderNote(UserWarning):
    """Something a reader assumed or left out of an input that still gave articles (a guessed
    encoding, a skipped record): `chronicle add` collects it and prints it once with the input."""


@dataclass(frozen=True, slots=True)
class Draft:
    body: str  # Markdown, safe to render (plain text has been escaped)
    text: str  # the plain text, paragraphs separated by blank lines (for fingerprints, enrichment)
    reader: str
    title: str | None = None
    date: ArticleDate | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    topics: tuple[str, ...] = ()
    summary: str | None = None
    slug: str | None = None  # the input's own slug (a blog post's), kept in the id and file name
    retrieved: dt.datetime | None = None
    inferred: frozenset[str] = field(default_factory=frozenset)  # fields guessed, not read
    extra: dict[str, object] = field(default_factory=dict)
    # Where the draft came from inside its input (a feed entry, a WARC record); for messages.
    locator: str = ""
    # The original bytes of this one article when the input holds several (a WARC record).
    original: bytes | None = None
