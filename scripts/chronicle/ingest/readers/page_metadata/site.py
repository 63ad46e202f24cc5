"""The site's own name, as the page and its address give it, and cutting it from titles
("Headline | Site", "見出し:サイト" → "Headline"), so that no per-site rule is needed."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from chronicle.ingest.readers.normal import loose_key, normalise
from chronicle.ingest.readers.page_metadata.headings import logo_names

# Separators between a headline and a site name in <title>/og:title. Spaced, so that a hyphen
# inside a word ("U.S.-backed") or a colon in a headline ("Tanz: Mit allen…") is never a cut.
# The full-width bar of CJK titles ("見出し｜サイト") separates without spaces.
# Titles are stored as written (NFC, not NFKC), so the full-width forms are listed too.
SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|\\|~|:|－|／|＼|～|：)\s+|\s*｜\s*")
# Meta tags that name the site (after JSON-LD's `publisher`).
SITE_NAME_META = ("og:site_name", "application-name", "al:android:app_name", "al:iphone:app_name")


def site_names(
    tree: HtmlElement,
    meta: dict[str, str],
    publisher: str | None,
    guess: str | None,
    titles: list[str],
) -> set[str]:
    """Every name the page gives its site: the declared ones (`publisher`, `SITE_NAME_META`),
    trafilatura's `guess` when it is one name, and the logo heading's text whole ("Salsa-Figuren
    - Rueda in Berlin" is one name, which the segments of "Figure - Salsa-Figuren - Rueda in
    Berlin" are each part of). A "site name" that is one of the page's declared `titles` (some
    CMSs fill every field with it) names nothing."""
    declared = (publisher, *(meta.get(k) for k in SITE_NAME_META))
    sites = {site_name(s) for s in declared if s and site_name(s)}
    # trafilatura's site name is a guess, often cut from the <title> itself ("Wochenbericht 14.
    # - 20. Januar 2022" out of "… - SLF"): one that spans separators is part of a headline, and
    # its last segment is no site name; only a name without one is taken.
    guess = normalise(html.unescape(guess or ""))
    if guess and len(SEPARATORS.split(guess)) == 1 and site_name(guess):
        sites.add(site_name(guess))
    sites |= logo_names(tree)
    title_keys = {loose_key(t) for t in titles}
    return {site for site in sites if loose_key(site) not in title_keys}


def host_words(url: str | None) -> set[str]:
    """Words of the host name that can name the site: www.tagblatt.ch → {tagblatt}."""
    if not url:
        return set()
    host = urlsplit(url).hostname or ""
    parts = host.split(".")
    generic = {"www", "m", "amp", "news", "blog", "blogs", "com", "org", "net", "co", "go"}
    return {p for p in parts[:-1] if p not in generic and len(p) > 2}


def site_name(declared: str) -> str:
    """A declared site name, trusted only as far as it looks like one: some CMSs put the whole
    page title in `og:site_name` ("Headline | Site"); the site is then its last segment."""
    parts = SEPARATORS.split(normalise(html.unescape(declared)))
    name = parts[-1]
    return name if len(name) <= 60 else ""


def is_site_name(segment: str, sites: set[str], hosts: set[str]) -> bool:
    key = loose_key(segment)
    if not key:
        return True
    for site_key in filter(None, map(loose_key, sites)):
        if key == site_key or (len(key) >= 4 and key in site_key):
            return True
        if _names_site(key, site_key):
            return True
    return any(_names_site(key, loose_key(h)) for h in hosts)


def _names_site(key: str, site_key: str) -> bool:
    """ "Site Name Online", "site.com", "The Site", "SITE Site Logo": the site's name and a few
    letters, no digits (so "Gitarre & Bass 02/2022" is an issue's title, not the magazine's)."""
    if site_key not in key:
        return False
    rest = key.replace(site_key, "", 1)
    return not rest or (len(rest) <= 12 and rest.isalpha())


def strip_site_name(title: str, sites: set[str], hosts: set[str]) -> str:
    """Cut leading and trailing segments that name the site, and what follows the site's name
    (its tagline), keeping at least one segment."""
    parts = SEPARATORS.split(title)
    seps = SEPARATORS.findall(title)
    if len(parts) == 1:
        return _strip_site_prefix(strip_tight_site_name(title, sites, hosts), sites, hosts)
    start, end = 0, len(parts)
    while end - start > 1 and is_site_name(parts[end - 1], sites, hosts):
        end -= 1
    while end - start > 1 and is_site_name(parts[start], sites, hosts):
        start += 1
    # "Headline – Site – Tagline": what follows the site's name is the site's, not the headline's.
    end = next((i for i in range(start + 1, end) if is_site_name(parts[i], sites, hosts)), end)
    out = parts[start]
    for i in range(start + 1, end):
        out += seps[i - 1] + parts[i]
    return out.strip()


# Separators written without spaces, as CJK titles do ("見出し:サイト", "見出し_サイト"); only
# trusted when what follows the last one names the site, since ":" also joins words.
_TIGHT_SEPARATORS = re.compile(r"[:：|_]")


def strip_tight_site_name(title: str, sites: set[str], hosts: set[str]) -> str:
    """ "Headline:Site" → "Headline"; anything else is left as it is."""
    cuts = list(_TIGHT_SEPARATORS.finditer(title))
    if not cuts:
        return title
    head, tail = title[: cuts[-1].start()].strip(), title[cuts[-1].end() :]
    return head if head and is_site_name(tail, sites, hosts) else title


# "Blog Name: Post title", as Blogger and many blog themes write <title>: a colon after a word,
# so not a separator in general ("Tanz: Mit allen…" is a headline with its kicker).
_PREFIX = re.compile(r"^([^:：]{2,60}?)[:：]\s+(\S.*)$")


def _strip_site_prefix(title: str, sites: set[str], hosts: set[str]) -> str:
    """ "Hill Walker: Snow on the ridge" → "Snow on the ridge" when "Hill Walker" names the site
    and the rest is more than a word; anything else is left as it is."""
    match = _PREFIX.match(title)
    if match and len(match.group(2).split()) > 1 and is_site_name(match.group(1), sites, hosts):
        return match.group(2)
    return title
