"""The metadata cascade, written down in one place.

For every field, the first layer that has a value wins:

1. the curator: command-line flags, then a sidecar file next to the input (`article.yml`), then
   front matter the curator wrote into a Markdown input;
2. the document itself: what the reader found (JSON-LD, meta tags, feed fields, byline…);
3. a guess from the text, marked `inferred` (a title from the lede);
4. unknown: `None`, shown as unknown on the page and reported by `chronicle check`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from chronicle.archive.evidence import TRANSCRIBED
from chronicle.archive.model import Article, Origin, Provenance
from chronicle.ingest.readers.base import Draft
from chronicle.text.language import decide_language
from chronicle.text.normalize import (
    count_words,
    fingerprint,
    make_slug,
    normalise_space,
    web_address,
)

SUMMARY_MAX_CHARS = 600


def layer_curator(*layers: Mapping[str, Any]) -> dict[str, Any]:
    """Merge curator layers; earlier layers win (flags first, then sidecar, then front matter)."""
    merged: dict[str, Any] = {}
    for layer in layers:
        for key, value in layer.items():
            if key not in merged:
                merged[key] = value
    return merged


def _pick(curator: Mapping[str, Any], draft: Draft, key: str) -> tuple[Any, Origin | None]:
    if key in curator:
        value = curator[key]
        return value, ("curator" if value not in (None, (), "") else None)
    value = getattr(draft, key)
    if value in (None, (), ""):
        return None, None
    return value, ("inferred" if key in draft.inferred else "source")


def make_id(title: str, date_iso: str | None) -> str:
    return f"{date_iso}-{make_slug(title)}" if date_iso else make_slug(title)


def resolve(
    draft: Draft,
    curator: Mapping[str, Any],
    *,
    original_name: str,
    sha256: str,
    added: dt.datetime,
    original_url: str | None = None,
    front_matter: Mapping[str, Any] | None = None,
) -> Article:
    """Draft + curator metadata + provenance → Article (not yet enriched, not yet stored).
    `front_matter`: the curator's keys the input itself carried (a Markdown file's), whose
    evidence the reader wrote; a flag or sidecar that replaced one is "curator"."""
    title, title_origin = _pick(curator, draft, "title")
    if title_origin == "curator" and curator.get("title_origin") == "source":
        title_origin = "source"  # a headline the curator typed in from the original
    date, date_origin = _pick(curator, draft, "date")
    source, source_origin = _pick(curator, draft, "source")
    # The curator's address was checked in schema.py; a blank one falls back to the page's.
    url = curator.get("url") or web_address(draft.url)
    authors, _ = _pick(curator, draft, "authors")
    topics, _ = _pick(curator, draft, "topics")
    # The curator's language was checked in schema.py; else the page's, else the text's.
    language = curator.get("language") or decide_language(draft.language, draft.text)
    summary, _ = _pick(curator, draft, "summary")
    if not title:
        # Every article needs a title to be listed; the reader had none, so say it is a guess.
        first = normalise_space(draft.text)[:80] or original_name
        title, title_origin = first, "inferred"
    if source in ("unknown", "Unknown"):
        source, source_origin = None, None
    extra = dict(draft.extra)
    if isinstance(extra.get("evidence"), Mapping):
        extra["evidence"] = _evidence(extra["evidence"], curator, title_origin, front_matter or {})
    elif title_origin == "source" and "title" in curator:
        extra["evidence"] = {"title": TRANSCRIBED}  # a reader that keeps no evidence
    summary = normalise_space(summary or "")
    if len(summary) > SUMMARY_MAX_CHARS:
        summary = summary[:SUMMARY_MAX_CHARS].rsplit(" ", 1)[0] + "…"
    return Article(
        id=make_id(draft.slug or title, date.filed_as if date else None),
        title=normalise_space(title),
        title_origin=title_origin or "inferred",
        body=draft.body,
        date=date,
        date_origin=date_origin if date else None,
        source=source,
        source_origin=source_origin if source else None,
        url=url,
        authors=tuple(authors or ()),
        language=language,
        topics=tuple(topics or ()),
        summary=summary,
        word_count=count_words(draft.text),
        provenance=Provenance(
            original_name=original_name,
            sha256=sha256,
            added=added,
            reader=draft.reader,
            fingerprint=fingerprint(draft.text),
            retrieved=draft.retrieved,
            original_url=original_url or web_address(draft.url),
        ),
        extra=extra,
    )


def _evidence(
    found: Mapping[str, Any],
    curator: Mapping[str, Any],
    title_origin: Origin | None,
    front_matter: Mapping[str, Any],
) -> dict[str, str]:
    """The reader's evidence for each field, with the curator's word over any it replaced."""
    out = {str(k): str(v) for k, v in found.items()}
    for key in ("title", "date", "source", "authors"):
        own = key in front_matter and front_matter[key] == curator.get(key) and key in out
        if key in curator and not own:
            out[key] = "curator"
    if title_origin == "source" and "title" in curator:
        out["title"] = TRANSCRIBED
    if title_origin == "inferred" and "title" not in curator:
        out["title"] = "first words of the text"
    return out
