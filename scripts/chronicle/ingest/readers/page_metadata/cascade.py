"""What a web page says about itself: the page-level metadata cascade.

For each field the first layer with a value wins (the curator's layers sit above all of this, in
`metadata.py`); each field's layers are written down in its own module:

- **title** (`title.py`): the page's own headline when a declared title confirms it, the site's
  name cut off (`site.py`: whatever the page declares, its logo heading and the words of its
  host name, so no per-site rule is needed); trafilatura's title last.
- **date** (`date_evidence.py`, `dates.py`): a vote among the page's declared dates, its first
  `<time>`, the dateline after its `<h1>` and htmldate; stored as certain only when a declared
  date gives the day and nothing disagrees, else marked uncertain (EDTF `?`).
- **authors** (`authors.py`, `byline.py`): the first source that names a person, from JSON-LD
  `author` down to a profile link inside a byline element.
- **source** (publisher): JSON-LD `publisher`, then `og:site_name`, then trafilatura's site name.

trafilatura's own metadata (`extract_metadata`) is used as the last layer of each field: it is
the best-measured general extractor, but it keeps site-name suffixes and takes meta tags before
the `<h1>`, which is where most of its misses on the shared corpus come from.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from chronicle.archive.dates import ArticleDate
from chronicle.ingest.readers.normal import loose_key, normalise
from chronicle.ingest.readers.page_metadata.authors import choose_authors
from chronicle.ingest.readers.page_metadata.date_evidence import choose_date
from chronicle.ingest.readers.page_metadata.declared import (
    is_article,
    is_web_page,
    ld_names,
    ld_types,
    page_url,
    read_json_ld,
    read_meta,
)
from chronicle.ingest.readers.page_metadata.evidence import date_evidence, title_evidence
from chronicle.ingest.readers.page_metadata.site import host_words, site_name, site_names
from chronicle.ingest.readers.page_metadata.title import (
    declared_titles,
    is_furniture,
    page_title,
)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None = None
    date: ArticleDate | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    # Which signals gave the date (json-ld, meta, microdata, time, time-text, dateline, text):
    # a date only the text gives is a guess, stored as uncertain and said to be inferred.
    date_signals: tuple[str, ...] = ()
    # Where each field came from, in words (`evidence.py`): stored with the article.
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def date_inferred(self) -> bool:
        return self.date is not None and not set(self.date_signals) - {"text"}


# trafilatura cleans a <meta> author with patterns that re-read the rest of the value from each
# bracket or quote (20,000 '[' took 2 s CPU, 200,000 minutes), and htmldate serialises the page,
# which lxml does in quadratic time over a long value of escaped marks (50,000 "<!--" in three
# <meta>: 17 s CPU). No real value is this long (a stored one-line value may have 2,000
# characters), so both are given a copy without it.
_MAX_META = 2_000


def _without_long_meta(tree: HtmlElement) -> HtmlElement:
    """`tree`, or a copy of it whose <meta> values over `_MAX_META` characters are emptied."""
    if all(len(m.get("content") or "") <= _MAX_META for m in tree.iter("meta")):
        return tree
    copy = deepcopy(tree)
    for meta in copy.iter("meta"):
        if len(meta.get("content") or "") > _MAX_META:
            meta.set("content", "")
    return copy


def extract_page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """The page's own metadata, by the cascade in this module's docstring. Reads, never edits."""
    ld = read_json_ld(tree)
    articles = [o for o in ld if is_article(o)]
    pages = [o for o in ld if is_web_page(o)]
    meta = read_meta(tree)
    url = page_url(tree, meta, url)
    bounded = _without_long_meta(tree)
    try:
        traf = extract_metadata(bounded, default_url=url)
    except Exception:  # trafilatura's metadata is the last layer; its failure is not ours
        traf = None

    publisher = next((n for o in articles for n in ld_names(_organisation(o))), None)
    declared = declared_titles(articles, pages, meta, tree)
    sites = site_names(tree, meta, publisher, traf.sitename if traf else None, declared)
    hosts = host_words(url)
    # trafilatura's title is often an <h1> it picked ("Original text"), so it may not confirm
    # one; it answers only for a page that declares no title and has no headline.
    guess = traf.title if traf and traf.title and not is_furniture(traf.title) else None
    title = page_title(tree, declared, sites, hosts) or guess
    dated = choose_date(articles + pages, meta, bounded, url)
    authors, authors_found = choose_authors(
        tree, articles, meta, traf.author if traf else None, sites, hosts, url
    )
    title = normalise(title) or None
    # trafilatura's site name is a guess, often a byline's name: only it is checked against
    # the authors (an institution's page is rightly signed and published by the same name).
    og_site = _declared_site(meta.get("og:site_name"), title)
    site_guess = _declared_site(traf.sitename if traf else None, title)
    named = [(publisher, ()), (og_site, ()), (site_guess, authors)]
    source = next((n for n, by in named if n and is_publisher_name(n, title, by)), None)
    refused = [n for n, _ in named[:2] if n and n != source and not is_publisher_name(n, title, ())]
    evidence = {
        "title": title_evidence(title, articles, meta, tree),
        "date": date_evidence(dated.date, dated.signals, dated.disagreed, dated.modified_only),
        "authors": authors_found,
        "source": _source_evidence(source, publisher, og_site, refused),
    }
    language = (tree.get("lang") or meta.get("og:locale") or "").split("-")[0].split("_")[0]
    return PageMetadata(
        title=title,
        date=dated.date,
        date_signals=dated.signals,
        authors=authors,
        source=source,
        url=url,
        language=language.lower() or None,
        description=meta.get("description") or meta.get("og:description"),
        evidence=evidence,
    )


def _organisation(article: dict[str, Any]) -> Any:
    """The article's JSON-LD `publisher`, unless it is typed as a person: a blog's theme names
    its writer as publisher, and a person is never stored as a source."""
    publisher = article.get("publisher")
    items = publisher if isinstance(publisher, list) else [publisher]
    return [p for p in items if not (isinstance(p, dict) and "Person" in ld_types(p))]


def _declared_site(declared: str | None, title: str | None) -> str | None:
    """og:site_name as declared, but the site's name alone when it holds the whole headline
    first ("Headline | Site", the <title> copied into it). Other names with separators are
    kept whole: "AOC media - Analyse Opinion Critique" is one name, not its tagline."""
    if not declared or not title:
        return declared
    key, headline = loose_key(declared), loose_key(title)
    return site_name(declared) if key != headline and key.startswith(headline) else declared


def _source_evidence(
    source: str | None, publisher: str | None, site_name: str | None, refused: list[str]
) -> str:
    # A declared name that was not taken is said, so the page's word is not lost.
    why = "; ".join(f"“{n}” refused: the headline, or a place's initials" for n in refused)
    if source is None:
        return why or "none found"
    if source == publisher:
        found = "JSON-LD publisher"
    else:
        found = "og:site_name" if source == site_name else "site name guess"
    return "; ".join(filter(None, [found, why]))


# A dateline's place written as an abbreviation ("U.S.", "N.Y."): never a publisher's name.
_PLACE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){1,3}$")
# A site name that is the start of the headline is the headline cut short (a CMS's field
# truncated), not a publisher, when it holds most of it: "The New York Times sues…" keeps the
# newspaper (15 of 25 letters), "Talks stall in Cairo as envoys" of "… leave" does not.
_HEADLINE_SHARE = 2 / 3
# A headline this long (in letters) that a site name starts with is the headline, not a name
# that happens to begin like it.
_HEADLINE_MIN = 12


def is_publisher_name(name: str, title: str | None, authors: tuple[str, ...]) -> bool:
    """Whether a name the page gives for its site can be the publisher: not the headline
    repeated, cut short or followed by the site's name (a CMS filling `og:site_name` with the
    title), not one of the article's authors, not a place's abbreviation."""
    key = loose_key(name)
    if not key or _PLACE_ABBREVIATION.match(name.strip()):
        return False
    if title:
        headline = loose_key(title)
        if key == headline or (
            headline.startswith(key) and len(key) >= _HEADLINE_SHARE * len(headline)
        ):
            return False
        if len(headline) >= _HEADLINE_MIN and key.startswith(headline):
            return False  # the whole headline, the site's name after it: the <title> copied
    return all(key != loose_key(a) for a in authors)
