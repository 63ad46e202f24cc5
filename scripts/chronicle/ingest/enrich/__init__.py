"""Enrichment: an article's text → its people, organisations, places, quotes and reading level.

`enrich_article` is pure and ordered: plain text from the Markdown body, then entity mentions
(the registry's automaton), then quotes (which resolve speakers through those mentions), the
figures the text attributes (figures.py), then the reading level. Quotes and reading level
follow the article's stored language (text.language);
an article stored without one gets it decided here, by the function ingest uses, and stored. It
depends only on the body, the stored language and the registry, so running it again on its own
output changes nothing (`chronicle enrich` is idempotent).
"""

from __future__ import annotations

from chronicle.archive.model import Article
from chronicle.archive.registry import (
    Entity,
    Registry,
    find_registry_file,
    load_registry,
    registry_near,
)
from chronicle.ingest.enrich.entities import group_by_kind, matcher_for
from chronicle.ingest.enrich.figures import extract_figures
from chronicle.ingest.enrich.quotes import extract_quotes
from chronicle.ingest.enrich.readability import reading_grade, word_count
from chronicle.text.language import decide_language
from chronicle.text.plain import plain_text

__all__ = [
    "Entity",
    "Registry",
    "enrich_article",
    "find_registry_file",
    "load_registry",
    "plain_text",
    "registry_near",
]


def enrich_article(article: Article, registry: Registry) -> Article:
    text = plain_text(article.body)
    mentions = matcher_for(registry).find(text)
    kinds = group_by_kind(mentions)
    language = article.language or decide_language(None, text)
    changes = {
        "language": language,
        "people": kinds["person"],
        "organisations": kinds["organisation"],
        "places": kinds["place"],
        "quotes": tuple(extract_quotes(text, mentions, language)),
        "figures": tuple(extract_figures(text, language)),
        "word_count": word_count(text),
        "reading_grade": reading_grade(text, language),
    }
    if all(getattr(article, key) == value for key, value in changes.items()):
        return article
    return article.with_changes(**changes)
