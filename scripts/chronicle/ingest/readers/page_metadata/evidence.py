"""Where each field's value came from, in words a curator reads in the front matter and on the
article page: "JSON-LD headline", "page metadata (JSON-LD, meta), disputed", "text, guessed".
Pure functions of what the cascade already found."""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.normal import loose_key, normalise

_SIGNAL_WORDS = {
    "json-ld": "JSON-LD",
    "meta": "meta tag",
    "microdata": "microdata",
    "time": "<time> element",
    "time-text": "<time> text",
    "dateline": "dateline",
    "text": "text",
}


def date_evidence(date: ArticleDate | None, signals: tuple[str, ...], disagreed: bool) -> str:
    """ "JSON-LD, meta tag" for a certain date; the signals and why it is not certain else."""
    if date is None:
        return "none found"
    words = ", ".join(_SIGNAL_WORDS.get(s, s) for s in signals) or "unknown"
    if date.is_exact:
        return words
    why = "signals disagree" if disagreed else "no declared date"
    return f"{words}; uncertain: {why}"


def title_evidence(
    title: str | None, articles: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement
) -> str:
    """Which element of the page the title reads as, the most trusted first."""
    if not title:
        return "none found"
    key = loose_key(title)
    candidates = [
        ("JSON-LD headline", [str(o.get("headline") or "") for o in articles]),
        ("<h1>", [h.text_content() for h in tree.iter("h1")]),
        ("og:title", [meta.get("og:title", "")]),
        ("<title>", [t.text_content() for t in tree.iter("title")][:1]),
        ("<h2>", [h.text_content() for h in tree.iter("h2")]),
    ]
    for label, texts in candidates:
        if any(loose_key(normalise(t)) == key for t in texts if t):
            return label
    for label, texts in candidates:
        if any(key in loose_key(normalise(t)) for t in texts if t):
            return f"{label}, site name or kicker cut"
    return "page heuristics"
