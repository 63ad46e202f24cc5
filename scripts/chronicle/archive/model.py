"""The typed article model: what every reader produces and what the store writes.

Frozen dataclasses from the standard library, not pydantic or msgspec: the model has no
behaviour to validate on construction (validation happens once, at the edge, in `schema.py`,
where an error can name the file and the key), and the plugin builds thousands of these per
build, so a plain slotted dataclass keeps loading cheap and dependency-free.

Unknown is a value: `date=None`, `source=None`; the `*_origin` fields say where a value came
from, so the site and `chronicle check` can say what is known, devised or guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

from chronicle.archive.dates import ArticleDate

# Where a metadata value came from. "source": the document itself said so (byline, meta tag,
# feed); "curator": given by a person (sidecar file or flag; a devised title in archival terms);
# "inferred": guessed by Chronicle from the text (e.g. a title from the lede).
Origin = Literal["source", "curator", "inferred"]
ORIGINS: tuple[str, ...] = ("source", "curator", "inferred")

WORDS_PER_MINUTE = 200


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the article came from, and proof of it."""

    original_name: str
    sha256: str  # of the original bytes as given
    added: dt.datetime  # when it entered the archive (UTC)
    reader: str  # which reader produced it: text, markdown, html, feed, warc
    fingerprint: str = ""  # sha256 of the normalised text: duplicates share it
    retrieved: dt.datetime | None = None  # when the original was fetched or captured
    original_url: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote exactly as in the text, with its speaker where one is named."""

    text: str
    speaker: str | None = None
    entity: str | None = None  # canonical registry name, when resolved
    verb: str | None = None
    # "full": a whole utterance; "partial": words quoted inside the writer's own sentence
    # (`described it as a “blatant violation”`), shown with their context in mind.
    kind: str | None = None
    # The opening and closing quotation marks as printed (`«»`, `„“`, `「」`), so the site
    # quotes a French or Japanese speaker as the article did; None (archives written before
    # marks were kept) shows the site language's own.
    marks: str | None = None


QUOTE_MARKS = frozenset("“”„‟«»‹›‘’‚‛「」『』\"'")


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the text attributes to someone (`nearly 600 Palestinian deaths`, reported by
    `the Hamas-run Government Media Office`), with its words as printed: a reader compares what
    each side reported, so nothing is rounded or converted."""

    value: str  # the number as printed: "600", "a thousand", "1,200", "3.5 million"
    what: str  # what was counted, as printed: "Palestinian deaths", "civilians killed"
    reporter: str | None = None  # who the text says reported it; None when it does not say
    qualifier: str | None = None  # "nearly", "more than", "at least" …, as printed
    unit: str | None = None  # "%", "km", "$" … when the number is a measure


@dataclass(frozen=True, slots=True)
class Capture:
    """An earlier (or later) capture of the article's own address, kept with its text: the
    article's body and provenance are its newest capture's, and these are the others, so a
    reader can see how the page changed. Its original is in `originals/` like any other."""

    sha256: str  # of the capture's original bytes
    added: dt.datetime  # when it entered the archive (UTC)
    body: str  # its text, as the reader extracted it then (Markdown)
    captured: dt.datetime | None = None  # when the page was captured (a WARC record's date)
    original_name: str = ""
    title: str = ""  # its headline, when it differs from the article's
    fingerprint: str = ""  # of its normalised text, so the same text is not added again

    @property
    def when(self) -> dt.datetime:
        """When it was captured, or else when it was added: the order captures are shown in."""
        return self.captured or self.added


@dataclass(frozen=True, slots=True)
class Article:
    """One curated article. `body` is Markdown; everything else is metadata."""

    id: str
    title: str
    title_origin: Origin
    body: str
    date: ArticleDate | None = None
    date_origin: Origin | None = None
    source: str | None = None
    source_origin: Origin | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None
    topics: tuple[str, ...] = ()
    summary: str = ""
    word_count: int = 0
    provenance: Provenance | None = None
    people: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    reading_grade: float | None = None
    other_versions: tuple[str, ...] = ()
    captures: tuple[Capture, ...] = ()  # the other captures of its address, oldest first
    extra: dict[str, object] = field(default_factory=dict)  # curator keys we do not interpret

    @property
    def reading_time(self) -> int:
        """Minutes at 200 words a minute, at least one."""
        return max(1, round(self.word_count / WORDS_PER_MINUTE))

    @property
    def sort_key(self) -> tuple[str, str]:
        """Chronological; undated articles sort after every dated one."""
        return (self.date.sort_key if self.date else "9999-99-99", self.id)

    def with_changes(self, **changes: object) -> Article:
        return replace(self, **changes)  # type: ignore[arg-type]


def current_capture(article: Article) -> Capture | None:
    """The capture an article's body and provenance are (None for an article without
    provenance): with `captures`, every capture of its address."""
    prov = article.provenance
    if prov is None:
        return None
    return Capture(
        sha256=prov.sha256,
        added=prov.added,
        body=article.body.strip(),
        captured=prov.retrieved,
        original_name=prov.original_name,
        title=article.title,
        fingerprint=prov.fingerprint,
    )


def every_capture(article: Article) -> list[Capture]:
    """Every capture of the article's address, oldest first: [] when it was captured once."""
    current = current_capture(article)
    if not article.captures or current is None:
        return []
    return sorted((*article.captures, current), key=lambda c: c.when)
