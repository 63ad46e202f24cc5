"""How each stored field was found, as the article page, `chronicle show` and `chronicle check`
say it. Pure: reads an Article, never edits one.

The readers store their evidence in `extra["evidence"]` (field → "JSON-LD, meta tag", "text;
uncertain: no declared date", "curator"…): signals separated by commas, then what made the value
uncertain. Every word a reader writes is one of the signals or notes below, each with a code:
the readers write through `evidence_words`, this module reads back through `parse`, and the
decisions ("guessed from the text") and the site's translated words go by the codes.

Why words and not a mapping of codes: the articles already stored have the words, and a curator
reads and edits them in the front matter. Keeping that form with a closed vocabulary reads old
and new articles alike, leaves the stored files as they were, and any word this module does not
know (one edited by hand) is still shown, quoted as written.

The field's origin (`source`, `inferred`, `curator`) decides its standing: read from the
original, given by the curator, guessed from the text, or unknown; a date is also said to be
not certain when stored so (EDTF `?` or `~`). An article stored before readers kept evidence
has origins only: its standing is the same, its words are empty.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from chronicle.archive.model import Article

FIELDS = ("date", "title", "authors", "source")
# curator: given by the curator; source: read from the original; guessed: guessed from the
# text, never certain; unknown: not found.
Standing = Literal["curator", "source", "guessed", "unknown"]


# Every signal a reader may name, code → the words stored. A date's "meta tag" and an author's
# "meta author" are both a meta tag: any "meta …" word reads as `meta`.
SIGNALS: dict[str, str] = {
    # the page's declarations for machines
    "jsonld": "JSON-LD",
    "jsonld-headline": "JSON-LD headline",
    "jsonld-author": "JSON-LD author",
    "jsonld-publisher": "JSON-LD publisher",
    "meta": "meta tag",
    "microdata": "microdata",
    "time": "<time> element",
    "og-title": "og:title",
    "og-site-name": "og:site_name",
    "rel-author": 'rel="author" link',
    # what a reader of the page sees
    "time-text": "<time> text",
    "dateline": "dateline",
    "labelled": "date labelled as published",
    "text": "text",
    "url": "URL",
    "h1": "<h1>",
    "h2": "<h2>",
    "title-element": "<title>",
    "byline": "byline under the headline",
    "byline-guess": "byline found by trafilatura",
    "profile-link": "author profile link",
    "site-name-guess": "site name guess",
    "site-own-name": "the site's own name",
    "cut": "site name or kicker cut",
    "heuristics": "page heuristics",
    "first-words": "first words of the text",
    "heading": "first heading",
    # a feed's elements
    "feed-published": "published date of the feed entry",
    "feed-updated": "updated date of the feed entry",
    "feed-created": "created date of the feed entry",
    "feed-dc-date": "date of the feed entry",
    "feed-entry-title": "title of the feed entry",
    "feed-author": "author of the feed entry",
    "feed-title": "title of the feed",
    # the curator's
    "front-matter": "front matter",
    "authors-file": ".authors.yml",
    "curator": "curator",
    "transcribed": "transcribed from the original",
}
# Why a value is not certain (after "uncertain: "), code → the words stored.
NOTES: dict[str, str] = {
    "no-declared-date": "no declared date",
    "disagree": "signals disagree",
    "updated-only": "only an updated date",
    "modified-only": "only a modified date",
}
NONE_FOUND = "none found"
_CODE_OF = {words: code for code, words in SIGNALS.items()}
_NOTE_OF = {words: code for code, words in NOTES.items()}
# Signals read only from the page's visible text (a dateline under the headline, a <time>'s
# text, a date labelled "Published", htmldate's guess): a date backed by nothing else is guessed.
TEXT_SIGNALS = frozenset({"text", "dateline", "time-text", "labelled"})


def evidence_words(signals: Iterable[str], note: str | None = None) -> str:
    """Codes → the words stored: "JSON-LD, meta tag", "updated date of the feed entry; uncertain:
    only an updated date"; "none found" without a signal. A code not listed is a bug."""
    words = ", ".join(SIGNALS[code] for code in dict.fromkeys(signals)) or NONE_FOUND
    return f"{words}; uncertain: {NOTES[note]}" if note else words


@dataclass(frozen=True, slots=True)
class Parsed:
    signals: tuple[str, ...] = ()  # codes, in the order stored
    note: str | None = None  # why uncertain, a code
    complete: bool = True  # every signal is in the vocabulary (else show the words as stored)
    # What follows the signals that is not a note of the vocabulary: words with a name in them
    # (what the source registry did: "given as “nytimes.com”, …"), shown as stored.
    rest: str = ""


def parse(words: str) -> Parsed:
    """The stored words → their codes; old and new articles are written alike."""
    words = words.strip()
    if words in ("", NONE_FOUND):
        return Parsed()
    head, *tail = (part.strip() for part in words.split(";"))
    note = None
    rest = []
    for part in filter(None, tail):
        code = _NOTE_OF.get(part.removeprefix("uncertain:").strip())
        if code and part.startswith("uncertain:") and note is None:
            note = code
        else:
            rest.append(part)
    codes = []
    complete = True
    for part in (p.strip() for p in head.split(",")):
        code = _CODE_OF.get(part) or ("meta" if part.startswith("meta ") else None)
        if code is None:
            complete = False
        elif code not in codes:
            codes.append(code)
    return Parsed(tuple(codes), note, complete, "; ".join(rest))


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    field: str
    standing: Standing
    words: str  # the reader's evidence as stored ("" when none was recorded)
    uncertain: bool = False  # a date stored approximate or uncertain (EDTF ~ or ?)
    signals: tuple[str, ...] = ()  # the words as codes (`SIGNALS`), for the site's labels
    note: str | None = None  # why uncertain, a code (`NOTES`)
    # Every signal is in the vocabulary: the site says them in the archive's language; else it
    # quotes the words as stored, in English.
    translated: bool = False
    rest: str = ""  # words after the signals outside the vocabulary, quoted as stored


def recorded(article: Article) -> dict[str, str]:
    """The evidence words stored with the article, field → words (empty when none)."""
    found = article.extra.get("evidence")
    if not isinstance(found, Mapping):
        return {}
    return {str(k): str(v) for k, v in found.items() if v not in (None, "")}


# The evidence for a headline the curator typed in from the original (`--title-origin source`).
TRANSCRIBED = evidence_words(["curator", "transcribed"])


def date_guessed(article: Article) -> bool:
    """A date guessed from the text: marked inferred, or every signal recorded for it is read
    from the page's text, none declared for machines ("dateline, text; uncertain: …")."""
    if article.date is None or article.date_origin == "curator":
        return False
    if article.date_origin == "inferred":
        return True
    found = parse(recorded(article).get("date", ""))
    if found.note == "modified-only":
        return False  # the page's own modification time: read from it, though not certain
    return found.complete and bool(found.signals) and set(found.signals) <= TEXT_SIGNALS


def record_evidence(article: Article) -> list[FieldEvidence]:
    """Date, title, authors and source: how each was found, in that order."""
    words = recorded(article)
    inexact = article.date is not None and not article.date.is_exact
    out = []
    for name in FIELDS:
        said = words.get(name, "")
        found = parse(said)
        out.append(
            FieldEvidence(
                name,
                _standing(article, name, said),
                said,
                uncertain=name == "date" and inexact,
                signals=found.signals,
                note=found.note,
                translated=bool(said) and found.complete,
                rest=found.rest,
            )
        )
    return out


def _standing(article: Article, field: str, words: str) -> Standing:
    if field == "date":
        if article.date is None:
            return "unknown"
        return "guessed" if date_guessed(article) else _of_origin(article.date_origin)
    if field == "title":
        return _of_origin(article.title_origin)
    if field == "source":
        return _of_origin(article.source_origin) if article.source else "unknown"
    # Authors have no origin of their own: the curator's word is in the evidence.
    if not article.authors:
        return "unknown"
    return "curator" if set(parse(words).signals) & _CURATOR_SIGNALS else "source"


# An author named in the curator's own words (a flag, a sidecar, a Markdown file's front matter).
_CURATOR_SIGNALS = frozenset({"curator", "front-matter", "authors-file"})


def _of_origin(origin: str | None) -> Standing:
    if origin == "curator":
        return "curator"
    return "guessed" if origin == "inferred" else "source"


# The standings in English, for the command line (the site's words are in its catalogues).
_STANDING_WORDS = {
    "curator": "given by the curator",
    "source": "read from the original",
    "guessed": "guessed from the text",
    "unknown": "unknown",
}


def standing_words(found: FieldEvidence) -> str:
    """ "guessed from the text, not certain": a field's standing in English."""
    words = _STANDING_WORDS[found.standing]
    return words + ", not certain" if found.uncertain or found.standing == "guessed" else words


def as_mapping(article: Article) -> dict[str, dict[str, object]]:
    """The evidence for `--json`: field → {standing, uncertain, evidence (the stored words),
    signals and note (their codes, for scripts)}."""
    return {
        found.field: {
            "standing": found.standing,
            "uncertain": found.uncertain or found.standing == "guessed",
            "evidence": found.words or None,
            "signals": list(found.signals),
            "note": found.note,
        }
        for found in record_evidence(article)
    }
