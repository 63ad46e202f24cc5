"""The article's title: the page's own headline when a declared title confirms it.

Declared titles are JSON-LD `headline`, `og:title`, `twitter:title`, `<title>`, in that order of
trust. Headings are tried in this order: elements marked as the headline (`itemprop="headline"`,
a kicker-and-headline block), `<h1>`, `<h2>`; else the page's only `<h1>` when it is about what
a declared title says (editors write the visible headline and the SEO title separately), or, on
a page without an `<h1>` headline, the `<h2>` clearly like one; else the first declared title.
The site's name is cut off every candidate (`site.py`), a marked kicker is cut ("Covid-19:
Headline" → "Headline"), and a declared title takes the casing the page shows (`restore_case`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from lxml.html import HtmlElement

from chronicle.ingest.readers.normal import loose_key, normalise
from chronicle.ingest.readers.page_metadata.dates import parse_visible_date
from chronicle.ingest.readers.page_metadata.declared import microdata_headlines
from chronicle.ingest.readers.page_metadata.headings import heading_text, headings
from chronicle.ingest.readers.page_metadata.site import (
    SEPARATORS,
    is_site_name,
    strip_site_name,
)
from chronicle.text.boilerplate import is_furniture

# How alike (letter-pair Dice) a lone <h1> and a declared title must be to be one headline.
TITLE_SIMILARITY = 0.4
# The same for an <h2> on a page without an <h1> headline (see `similar_subheading`).
SUBHEADING_SIMILARITY = 0.5
# How many times longer than the segment an <h1> matched another segment of the same title must
# be for the <h1> to be taken as the site's name and the other as the headline.
SITE_NAME_RATIO = 3


def declared_titles(
    articles: list[dict[str, Any]],
    pages: list[dict[str, Any]],
    meta: dict[str, str],
    tree: HtmlElement,
) -> list[str]:
    """The titles the page declares, most trusted first: the article's JSON-LD `headline`,
    `og:title`, `twitter:title`, the `title` meta tag, `<title>`, the WebPage's JSON-LD `name`."""
    raw = [
        *(str(o.get("headline")) for o in articles if o.get("headline")),
        *(meta[k] for k in ("og:title", "twitter:title", "title") if meta.get(k)),
        *(normalise(t.text_content()) for t in tree.xpath("//title[not(ancestor::svg)]")[:1]),
        *(str(o.get("name")) for o in pages if isinstance(o.get("name"), str)),
    ]
    # Entities double-escaped by a CMS ("&amp;#8211;") reach us as "&#8211;": undo that once.
    titles = [normalise(html.unescape(t)) for t in raw]
    return [t for t in titles if t]


def page_title(
    tree: HtmlElement, declared: list[str], sites: set[str], hosts: set[str]
) -> str | None:
    """The page's headline by this module's rules, its kicker cut and its casing restored."""
    kickers = kicker_headlines(tree)
    # A heading built as kicker + headline is the article's headline block, marked up as such
    # like a microdata headline; an <h1> elsewhere may be a breadcrumb with an older wording.
    marked = microdata_headlines(tree) + [whole for whole, _ in kickers]
    title = choose_title(
        declared,
        headings(tree),
        sites,
        hosts,
        headings(tree, "h2"),
        headings(tree, "h3"),
        marked,
    )
    return strip_date_prefix(restore_case(strip_kicker(title, kickers), tree)) if title else title


def strip_date_prefix(title: str) -> str:
    """The headline without a day written before it ("23.01.2022 - Headline", "2022-01-23 |
    Headline"): a dateline the CMS runs into the heading, not words of the headline."""
    parts = SEPARATORS.split(title, maxsplit=1)
    if len(parts) < 2 or len(parts[0].split()) > 4 or len(loose_key(parts[1])) < 12:
        return title
    return parts[1] if parse_visible_date(parts[0]) and not _has_words(parts[0]) else title


def _has_words(text: str) -> bool:
    """Whether a date-like piece holds a word the date does not need (no month's name):
    "Rückblick 2022-01-23", not "23 January 2022"."""
    words = re.findall(r"[^\W\d_]+", text)
    return any(parse_visible_date(text.replace(w, " ")) for w in words) or len(words) > 1


# Class names newsrooms give the line above a headline (the kicker): "Covid-19" in
# "<h2><span class=kicker>Covid-19</span>: <span>Headline</span></h2>".
_KICKER_CLASS = re.compile(
    r"kicker|overline|topline|dachzeile|spitzmarke|eyebrow|roofline|supertitle|pretitle|highline",
    re.I,
)


def kicker_headlines(tree: HtmlElement) -> list[tuple[str, str]]:
    """(the heading's whole text, its text without the kicker) for headings whose first child is
    marked as a kicker. Pages and their declared titles often run the kicker into the headline
    ("Covid-19: Headline"); the headline is what follows it."""
    out = []
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            children = [c for c in h if isinstance(c.tag, str)]
            if len(children) < 2 or not _KICKER_CLASS.search(children[0].get("class") or ""):
                continue
            whole = heading_text(h)
            kicker = heading_text(children[0])
            rest = whole[len(kicker) :] if whole.startswith(kicker) else ""
            rest = rest.lstrip(" :|-–—").strip()
            if kicker and len(loose_key(rest)) >= 12:
                out.append((whole, rest))
    return out


def strip_kicker(title: str, kickers: list[tuple[str, str]]) -> str:
    """The headline without its kicker, when the chosen title is a kicker-marked heading whole."""
    for whole, rest in kickers:
        if loose_key(title) == loose_key(whole):
            return rest
    return title


_VISIBLE_TEXT = "//body//text()[not(ancestor::script)][not(ancestor::style)]"


def restore_case(title: str, tree: HtmlElement) -> str:
    """The title in the casing readers see. One written all in lower case ("makrophotos von
    insekten", as some themes fill `og:title`) takes the casing the page's own text gives the
    same words, when it has them: the article usually opens by naming its subject
    ("<strong>Makrophotos von Insekten</strong> ist …"). Any other declared title that the
    page shows only in another casing, as an element's whole text (a headline in a `<div>`,
    "SCHOOLS REOPEN IN LAGOS" declared, "Schools reopen in Lagos" shown), takes the shown one."""
    # One word is too little to recognise: "blog" is in every menu.
    if len(re.findall(r"[^\W\d_]+", title)) < 2:
        return title
    text = normalise(" ".join(str(t) for t in tree.xpath(_VISIBLE_TEXT)))
    others = [m.group(0) for m in re.finditer(re.escape(title), text, re.I) if m.group(0) != title]
    if not others:
        return title
    if title == title.lower():
        return others[0]
    return _shown_casing(title, tree) or title


def _shown_casing(title: str, tree: HtmlElement) -> str | None:
    """The whole text of the first element showing `title` in another casing, unless one shows
    it as written (the visible headline is then the title's own casing). Shown texts in lower
    case are left out: a menu or a tag cloud, not a headline."""
    shown = None
    key = title.casefold()
    for element in tree.xpath("//body//*[not(self::script)][not(self::style)]"):
        if len(element.text_content()) > 4 * len(title) + 40:
            continue  # a container of the headline and more; its children are read instead
        text = normalise(element.text_content())
        if text == title:
            return None
        if shown is None and text.casefold() == key and text != text.lower():
            shown = text
    return shown


def choose_title(
    declared: list[str],
    h1s: list[str],
    sites: set[str],
    hosts: set[str],
    h2s: Sequence[str] = (),
    h3s: Sequence[str] = (),
    marked: Sequence[str] = (),
) -> str | None:
    """The page's headline: a heading confirmed by a declared title, else the first declared one.

    Declared titles are tried in order of trust; the first one a heading confirms wins, in the
    heading's own wording. Headings are tried by level: the elements marked
    `itemprop="headline"` (`marked`), then the <h1>s, then the <h2>s (for pages whose <h1> is
    the site's logo). A declared title with a suffix that is *not* the site name (a section, a
    slogan) is cut when a heading equals one of its segments, so the cleaning is checked against
    the page itself. A heading that names the site is never a headline.
    """
    declared = [t for t in declared if not is_furniture(strip_site_name(t, sites, hosts))]
    h1s, h2s, h3s, marked = (
        [h for h in level if not is_furniture(h)] for level in (h1s, h2s, h3s, marked)
    )
    cleaned = [strip_site_name(t, sites, hosts) for t in declared]
    cleaned = [t for t in cleaned if t and not is_site_name(t, sites, hosts)]
    levels: list[Sequence[str]] = [marked, h1s, h2s]
    for depth, level in enumerate(levels):
        by_key: dict[str, str] = {}
        whole = {loose_key(t) for t in declared}
        for heading in level:
            # A heading that repeats a whole declared title word for word is that title, even
            # when it looks like the host's name ("Axios Future" on axios.example): the host
            # test is a guess, two candidates agreeing is evidence. A declared site name
            # ("og:site_name") still rules it out.
            agreed = loose_key(heading) in whole and not is_site_name(heading, sites, set())
            if agreed or not is_site_name(heading, sites, hosts):
                by_key.setdefault(loose_key(heading), heading)
        # Marked headlines are a declaration of their own: no level below them to consult.
        below = [*levels[depth + 1 :], h3s] if depth else []
        for title in declared:  # the most trusted declaration first, whole or in part
            if loose_key(title) in by_key:
                return _spaced_wording(by_key[loose_key(title)], title)
            stripped = strip_site_name(title, sites, hosts)
            if loose_key(stripped) in by_key:
                return _spaced_wording(by_key[loose_key(stripped)], stripped)
            parts = SEPARATORS.split(title)
            for i, segment in enumerate(parts):
                if loose_key(segment) in by_key and not is_site_name(segment, sites, hosts):
                    return _longer_segment_below(parts, i, below) or _spaced_wording(
                        by_key[loose_key(segment)], segment
                    )
    h1s = [h for h in h1s if not is_site_name(h, sites, hosts)]
    # An h1 that ends a declared title is the headline without its kicker ("Covid-19: …"); one
    # that starts it is the headline without a suffix ("…, Thailand"), unless a colon follows:
    # then the rest is its subtitle, which belongs to it.
    # A page without a headline <h1> (a logo only) may carry it in an <h2>.
    named = h1s or [h for h in h2s if not is_site_name(h, sites, hosts)]
    for title in declared:
        for h1 in named:
            key = loose_key(h1)
            if len(key) < 12:
                continue
            full = strip_site_name(title, sites, hosts)
            # Before the kicker test: "Album: Album" both starts and ends with "Album".
            if full.startswith(h1):
                # A subtitle's colon is followed by a space; one written tight against the
                # next word ("見出し:IPA 機構") separates a site name, as in CJK titles.
                return full if re.match(r"\s*[:：]\s", full[len(h1) :]) else h1
            if loose_key(title).endswith(key):
                return h1
            if _with_subtitle(h1, full):
                return h1  # the headline and its subtitle, the declared title without it
    # The same in an <h2> under an <h1> that is a section's name ("Events"), which no declared
    # title confirms: the declared title is the headline without its subtitle.
    for title in declared:
        full = strip_site_name(title, sites, hosts)
        for h2 in h2s:
            if _with_subtitle(h2, full) and not is_site_name(h2, sites, hosts):
                return h2
    lone = lone_headline(h1s, cleaned)
    if lone:
        return lone
    if not h1s:
        subheading = similar_subheading(
            [h for h in h2s if not is_site_name(h, sites, hosts)], cleaned
        )
        if subheading:
            return subheading
    return cleaned[0] if cleaned else (h1s[0] if h1s else None)


def _spaced_wording(heading: str, title: str) -> str:
    """The heading's wording, unless the declared title is the same words with spaces the
    heading lost where its inline elements meet ("Word of the weekThe pyramid")."""
    if re.sub(r"\s+", "", heading) == re.sub(r"\s+", "", title) and len(title) > len(heading):
        return title
    return heading


def _with_subtitle(heading: str, title: str) -> bool:
    """Whether a heading is a (long enough) title followed by its subtitle: "Title: Subtitle",
    or "タイトル ～サブタイトル～" as Japanese writes it (full-width or not). Spacing does not
    count: CJK titles are written with and without a space before 「."""
    head, tail = re.sub(r"\s+", "", heading), re.sub(r"\s+", "", title)
    return (
        len(loose_key(tail)) >= 12
        and head.startswith(tail)
        and head[len(tail) : len(tail) + 1] in (":", "~", "：", "～")
    )


def _longer_segment_below(
    parts: list[str], matched: int, below: Sequence[Sequence[str]]
) -> str | None:
    """A heading of a lower level that is a much longer segment of the same declared title, when
    the one an upper heading matched is the title's first or last: "Site - Headline" with the
    site's name in the <h1> and the post's title in an <h3>. A site's name sits at an end of
    the title and is short; the headline is the long part. "Much": an artist's name and a song
    ("Artist – Song") are both short, and the song's <h1> is then the headline."""
    if len(parts) < 2 or matched not in (0, len(parts) - 1):
        return None
    keys = {loose_key(h): h for level in below for h in level}
    short = len(loose_key(parts[matched]))
    found = [
        keys[loose_key(p)] for j, p in enumerate(parts) if j != matched and loose_key(p) in keys
    ]
    found = [h for h in found if len(loose_key(h)) >= SITE_NAME_RATIO * short]
    return max(found, key=lambda h: len(loose_key(h))) if found else None


def _bigrams(text: str) -> set[str]:
    key = loose_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)}


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the letter pairs of two titles: word order, punctuation and case do
    not matter, and it works for scripts written without spaces."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def lone_headline(h1s: list[str], declared: list[str]) -> str | None:
    """The page's only <h1>, when it is about what a declared title says: editors write the
    visible headline and the SEO title separately ("Eignet sich eine Wärmepumpe im Altbau?"
    against "Wärmepumpe im Altbau - Wann es sich lohnt"), and readers see the headline. A
    heading that shares little with every declaration is page furniture ("Original text")."""
    distinct = {loose_key(h): h for h in h1s}
    if len(distinct) != 1:
        return None
    (key, h1) = next(iter(distinct.items()))
    # A declared title of one word inside a heading of several is the section's name
    # ("Arbeit" over "Wir kämpfen für gute Arbeit"): the heading is the headline.
    if len(h1.split()) >= 3 and all(
        len(title.split()) == 1 and loose_key(title) in key for title in declared
    ):
        return h1
    # One inside the other is a kicker, a dateline or a site name around the same headline
    # ("Local News | Headline"): the declared title is the headline without them.
    if any(key in loose_key(title) or loose_key(title) in key for title in declared):
        return None
    if any(similarity(h1, title) >= TITLE_SIMILARITY for title in declared):
        return h1
    return None


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{3,}", normalise(text).casefold())}


def similar_subheading(h2s: Sequence[str], declared: list[str]) -> str | None:
    """On a page without an <h1> headline, the <h2> most like a declared title, when it is
    clearly the same headline in other words ("Projektwettbewerb Neubau Werkstattgebäude WSL
    Birmensdorf" against "Neubau Werkstattgebäude - Neubau WSL Birmensdorf"): the visible
    heading is what readers see. Stricter than `lone_headline`, since a page has many <h2>s
    (navigation, teasers) and one of them may share a word with a short title by chance
    ("Enchufla switch" under "Enchufla Figuren"): it must also share two words with it."""
    scored = [
        (max(similarity(h, t) for t in declared if len(_words(h) & _words(t)) >= 2), h)
        for h in h2s
        if any(len(_words(h) & _words(t)) >= 2 for t in declared)
        and not any(loose_key(h) in loose_key(t) or loose_key(t) in loose_key(h) for t in declared)
    ]
    if not scored:
        return None
    score, best = max(scored, key=lambda pair: pair[0])
    return best if score >= SUBHEADING_SIMILARITY else None
