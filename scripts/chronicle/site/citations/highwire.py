"""Highwire Press `citation_*` meta tags: what Zotero's page translator ("Embedded Metadata"),
Google Scholar and Mendeley read to save the article in one click. Pure.

The tags describe the article, not this page: its title, each author, its publication date as
precise as it is known (Highwire's `YYYY/MM/DD`, shortened to what is known; an approximate date
is given as its known part, never filled with a fake day), its publisher (the source), the day
it came online in this archive and its permanent address. No `citation_journal_title`: that tag
makes a translator save a journal article.
"""

from __future__ import annotations

from chronicle.archive.model import Article
from chronicle.site.citations.names import one_line
from chronicle.site.citations.styles import Place


def highwire(article: Article, place: Place) -> list[tuple[str, str]]:
    """(name, content) pairs, in the order they are printed; values unescaped."""
    tags = [("citation_title", one_line(article.title))]
    tags += [("citation_author", one_line(a)) for a in article.authors]
    if article.date is not None and article.date.period is not None:
        d = article.date  # as far as the calendar period that holds it is known
        known = "/".join(f"{p:02d}" for p in (d.month, d.day) if p is not None)
        when = f"{d.year:04d}/{known}" if known else f"{d.year:04d}"
        tags += [("citation_publication_date", when), ("citation_date", when)]
    if article.source:
        tags.append(("citation_publisher", one_line(article.source)))
    if article.provenance is not None:
        tags.append(("citation_online_date", f"{article.provenance.added:%Y/%m/%d}"))
    if article.language:
        tags.append(("citation_language", article.language))
    if article.topics:
        tags.append(("citation_keywords", "; ".join(one_line(t) for t in article.topics)))
    tags += [("citation_public_url", place.url), ("citation_abstract_html_url", place.url)]
    tags += [("og:type", "article"), ("og:site_name", one_line(place.archive))]
    return tags
