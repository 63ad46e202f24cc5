"""Where each field's value came from, in words a curator reads in the front matter and on the
article page: "JSON-LD headline", "JSON-LD, meta tag", "text; uncertain: no declared date".
The words are the archive's vocabulary (`archive/evidence.py`), written from its codes so the
reader of the archive knows each. Pure functions of what the cascade already found."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from chronicle.archive.dates import ArticleDate
from chronicle.archive.evidence import NONE_FOUND, evidence_words
from chronicle.ingest.readers.normal import loose_key, normalise

# The date cascade's kinds of signal (`date_evidence.Signal.kind`) → the archive's codes.
_DATE_CODES = {"json-ld": "jsonld"}


def date_evidence(
    date: ArticleDate | None,
    signals: tuple[str, ...],
    disagreed: bool,
    modified_only: bool = False,
) -> str:
    """ "JSON-LD, meta tag" for a certain date; the signals and why it is not certain else:
    they disagree, the page declares no date, or the day is only its modification time's."""
    if date is None:
        return NONE_FOUND
    codes = [_DATE_CODES.get(s, s) for s in signals]
    if date.is_exact:
        return evidence_words(codes)
    if disagreed:
        return evidence_words(codes, "disagree")
    return evidence_words(codes, "modified-only" if modified_only else "no-declared-date")


def title_evidence(
    title: str | None, articles: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement
) -> str:
    """Which element of the page the title reads as, the most trusted first."""
    if not title:
        return NONE_FOUND
    key = loose_key(title)
    candidates = [
        ("jsonld-headline", [str(o.get("headline") or "") for o in articles]),
        ("h1", [h.text_content() for h in tree.iter("h1")]),
        ("og-title", [meta.get("og:title", "")]),
        ("title-element", [t.text_content() for t in tree.iter("title")][:1]),
        ("h2", [h.text_content() for h in tree.iter("h2")]),
    ]
    for code, texts in candidates:
        if any(loose_key(normalise(t)) == key for t in texts if t):
            return evidence_words([code])
    for code, texts in candidates:
        if any(key in loose_key(normalise(t)) for t in texts if t):
            return evidence_words([code, "cut"])
    return evidence_words(["heuristics"])
