"""The article's authors: the first source on the page that names at least one person.

JSON-LD `author`, then article-level author meta tags (`article:author`…), then rel="author"
links, then page-level meta (`author`, often the publisher), then the byline printed after the
`<h1>` ("By Name"), then trafilatura's byline heuristics, then a profile link (/author/…) inside
a byline element.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from chronicle.ingest.readers.normal import normalise
from chronicle.ingest.readers.page_metadata.byline import byline_names, imprint, split_authors
from chronicle.ingest.readers.page_metadata.declared import ld_names, ld_types
from chronicle.ingest.readers.page_metadata.headings import texts_after_headline
from chronicle.ingest.readers.page_metadata.site import is_site_name

# publisher ("Condé Nast", "mediagene Inc.", "Die FURCHE") while `article:author` names the writer.
ARTICLE_AUTHOR_META = (
    "article:author",
    "og:article:author",
    "article_author",
    "cxenseparse:author",
    "parsely-author",
    "byl",
)
PAGE_AUTHOR_META = ("author", "sailthru.author", "dc.creator", "dcterms.creator", "twitter:creator")
# A newsroom signing for its staff ("Redacción", "La Rédaction", "Redaktion Nordkurier", "Web
# Desk"): like the site's own name, kept only when no source on the page names a person.
NEWSROOM = re.compile(
    r"^(?:(?:la|die|the|el|a|de|der)\s+)?(?:redacci[oó]n|r[ée]daction|redaktion|redazione"
    r"|redactie|redakcja|reda[cç][aã]o|newsroom|news ?desk|web ?desk|online[- ]redaktion"
    r"|editorial (?:staff|team|board))\b",
    re.I,
)
# How many pieces of text after the headline are read for its byline (see `byline.BYLINE_WINDOW`).
BYLINE_PIECES = 30


def headline_byline(tree: HtmlElement) -> list[str]:
    """The byline printed after the headline (<h1>), by `byline_names`."""
    return byline_names(texts_after_headline(tree, BYLINE_PIECES))


def _person_names(value: Any) -> list[str]:
    """JSON-LD authors that are people: an Organization as author names the publisher."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and any("Organization" in t for t in ld_types(item)):
            continue
        out.extend(ld_names(item))
    return out


def rel_authors(tree: HtmlElement) -> list[str]:
    """The text of the page's rel="author" links, each name once, in page order. Many links to
    different authors are a list of the site's writers (a sidebar, related articles), not a
    byline; a link that reads as an address is a profile link, not a name."""
    names: list[str] = []
    for link in tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " author ")]'):
        name = normalise(link.text_content())
        if name and name not in names and not re.search(r"/|\.\w{2,4}\b", name):
            names.append(name)
    return names if len(names) <= 2 else []


# A link to a person's page on the same site: /author/jane-doe, /user/jdoe/, /about/editors/x.
_PROFILE_PATH = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|users?|profiles?|editors|staff|people|journalists?)"
    r"/[^/?#]+/?$",
    re.I,
)


# Profile links that sit in a byline: inside the article's header or an element whose class
# says author/byline, not in a sidebar of the site's other writers or a comment thread.
_NEAR_BYLINE = (
    "//a[ancestor-or-self::*[contains(translate(@class, 'AUTHORBYLINE', 'authorbyline'), "
    "'author') or contains(translate(@class, 'AUTHORBYLINE', 'authorbyline'), 'byline')]]"
)


def profile_link_author(tree: HtmlElement, url: str | None) -> list[str]:
    """The first link on the page to an author's or user's profile on the same site: a byline
    that is neither marked up nor in the metadata is still usually such a link."""
    host = urlsplit(url).hostname if url else None
    for link in tree.xpath(_NEAR_BYLINE):
        try:
            parts = urlsplit(link.get("href") or "")
            elsewhere = parts.hostname is not None and parts.hostname != host
        except ValueError:  # a malformed address ("http://[x]/") links nowhere
            continue
        if elsewhere or not _PROFILE_PATH.search(parts.path):
            continue
        name = normalise(link.text_content())
        if 2 <= len(name) <= 60:
            return [name]
    return []


def choose_authors(
    tree: HtmlElement,
    articles: list[dict[str, Any]],
    meta: dict[str, str],
    fallback: str | None,
    sites: set[str],
    hosts: set[str],
    url: str | None = None,
) -> tuple[tuple[str, ...], str]:
    """The first source that names at least one person, and where the names came from in words
    ("JSON-LD author", "meta article:author", "byline under the headline"…; "none found"). A
    name that is the site's own or its newsroom's is kept only when no source names anyone
    else (institutional pages are signed by the institution)."""
    sources: list[tuple[str, list[str]]] = [
        ("JSON-LD author", _person_names(o.get("author") or o.get("creator"))) for o in articles
    ]
    sources += [(f"meta {k}", [meta[k]]) for k in ARTICLE_AUTHOR_META if meta.get(k)]
    # Scholarly pages name each author in a tag of its own, "Surname, Given" (Highwire tags).
    cited = [str(v) for v in tree.xpath('//meta[@name="citation_author"]/@content')]
    sources.append(("meta citation_author", cited))
    # rel="author" links are the byline the reader sees, marked up as such by the CMS.
    rel_names = rel_authors(tree)
    sources.append(('rel="author" link', rel_names))
    sources += [(f"meta {k}", [meta[k]]) for k in PAGE_AUTHOR_META if meta.get(k)]
    # The byline printed under the headline, before trafilatura's guesses from the whole page.
    sources.append(("byline under the headline", headline_byline(tree)))
    if fallback:
        sources.append(("byline found by trafilatura", [fallback]))
    sources.append(("author profile link", profile_link_author(tree, url)))
    # An imprint ("Site GmbH, Frankfurt, Germany") names the publisher, like the site's own
    # name, and its places are no people, also where another reader passed the same line on.
    imprints = [found for _, candidates in sources for c in candidates if (found := imprint(c))]
    # A name a JSON-LD or rel="author" byline gives is a person's, whatever the imprint says.
    people = {n.casefold() for label, names in sources[: len(articles)] for n in names}
    people |= {n.casefold() for n in rel_names}
    places = {place.casefold() for _, where in imprints for place in where} - people
    publishers = {organisation.casefold() for organisation, _ in imprints}
    names_by_source = [
        (label, [n for n in _source_names(candidates) if n.casefold() not in places])
        for label, candidates in sources
    ]
    everyone = [name for _, names in names_by_source for name in names]
    institutional: tuple[tuple[str, ...], str] = ((), "none found")
    for label, names in names_by_source:
        people = [
            shortest_agreeing(cut_site_tail(n, sites, hosts), everyone)
            for n in names
            if not is_site_name(n, sites, hosts) and n.casefold() not in publishers
        ]
        # A newsroom alone is signing for its staff; beside a person it is one of the authors.
        if people and not all(NEWSROOM.match(p) for p in people):
            return tuple(people), label
        if names and not institutional[0]:
            institutional = (tuple(names), f"{label}, the site's own name")
    return institutional


def _source_names(candidates: list[str]) -> list[str]:
    names: list[str] = []
    for candidate in candidates:
        for name in split_authors(candidate):
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


def cut_site_tail(name: str, sites: set[str], hosts: set[str]) -> str:
    """ "Adam Aaronson PhillyVoice Staff" → "Adam Aaronson": the outlet's staff after a name."""
    words = name.split()
    if len(words) > 3 and words[-1].casefold() == "staff" and is_site_name(words[-2], sites, hosts):
        return " ".join(words[:-2])
    return name


def shortest_agreeing(name: str, everyone: list[str]) -> str:
    """A name another source gives as the end of this one is the name, the rest a role
    before it: "FOCUS-Online-Experte Robin Tschöpe" and "Robin Tschöpe"."""
    for other in everyone:
        if len(other.split()) >= 2 and name.casefold().endswith(" " + other.casefold()):
            return other
    return name
