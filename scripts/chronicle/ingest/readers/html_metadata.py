"""What a web page says about itself: the page-level metadata cascade, written down in one place.

For each field the first layer with a value wins (the curator's layers sit above all of this, in
`metadata.py`):

- **title**: the page's own headline when a declared title (JSON-LD `headline`, `og:title`,
  `twitter:title`, `<title>`) confirms it, headings tried in this order: elements marked as
  the headline (`itemprop="headline"`, a kicker-and-headline block), `<h1>`, `<h2>`; else the
  page's only `<h1>` when it is about what a declared title says (editors write the visible
  headline and the SEO title separately), or, on a page without an `<h1>` headline, the `<h2>`
  clearly like one; else the first declared title in that order; trafilatura's title last.
  The site name is cut off every candidate ("Headline | Site", "見出し:サイト" → "Headline").
  The site name is whatever the page declares (`og:site_name`, JSON-LD `publisher`,
  `application-name`), the text of its logo heading (an `<h1>` linked to the home page), plus
  the words of its host name, so no per-site rule is needed. A marked kicker is cut
  ("Covid-19: Headline" → "Headline"); a title in lower case takes the page text's casing.
- **date**: a vote. JSON-LD `datePublished` of the article, each publication-time meta tag
  (`article:published_time` and friends), `itemprop="datePublished"`, the first
  `<time datetime>` (or, on a page that declares nothing, the first `<time>`'s text) and the
  short dateline just after the `<h1>` each give one day, and `htmldate` (which also reads the
  text, with `original_date=True` so a "last updated" line does not win) one more when its day
  is its own; the day most of them give wins, the address's day (/2019/10/22/) then the most
  trusted source breaking a tie. A timestamp keeps the day it was written in (the page's own
  local day); a UTC one takes the publisher's day when the page writes the same instant with
  its offset, the next day when it is a Central European midnight (22:00 or 23:00 exactly),
  or htmldate's day when that is one day off.
- **authors**: JSON-LD `author`, then article-level author meta tags (`article:author`…), then
  rel="author" links, then page-level meta (`author`, often the publisher), then the byline
  printed after the `<h1>` ("By Name"), then trafilatura's byline heuristics, then a profile
  link (/author/…) inside a byline element.
- **source** (publisher): JSON-LD `publisher`, then `og:site_name`, then trafilatura's site name.

trafilatura's own metadata (`extract_metadata`) is used as the last layer of each field: it is
the best-measured general extractor, but it keeps site-name suffixes and takes meta tags before
the `<h1>`, which is where most of its misses on the shared corpus come from.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from chronicle.archive.dates import ArticleDate
from chronicle.text.lexicon import MONTH_WORDS_EN

# Separators between a headline and a site name in <title>/og:title. Spaced, so that a hyphen
# inside a word ("U.S.-backed") or a colon in a headline ("Tanz: Mit allen…") is never a cut.
# The full-width bar of CJK titles ("見出し｜サイト") separates without spaces.
# Titles are stored as written (NFC, not NFKC), so the full-width forms are listed too.
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|«|/|\\|~|:|－|／|＼|～|：)\s+|\s*｜\s*")
_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Posting|Report|Review|Story)$", re.I)
# How alike (letter-pair Dice) a lone <h1> and a declared title must be to be one headline.
TITLE_SIMILARITY = 0.4
# The same for an <h2> on a page without an <h1> headline (see `similar_subheading`).
SUBHEADING_SIMILARITY = 0.5
# How many times longer than the segment an <h1> matched another segment of the same title must
# be for the <h1> to be taken as the site's name and the other as the headline.
SITE_NAME_RATIO = 3
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)

DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
)
# Article-level tags come before the page-level `author`, which many CMSs fill with the
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


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None = None
    date: ArticleDate | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    language: str | None = None
    description: str | None = None
    # A date known only to the year, from htmldate's copyright fallback: a guess, not read.
    date_inferred: bool = False


def normalise(text: str | None) -> str:
    """Text as stored: spacing collapsed, and canonical composition (NFC) only, which never
    changes how text reads. NFKC would rewrite it ("…" → "...", "（" → "(", "CO₂" → "CO2",
    "½" → "1⁄2"); it is for comparison keys (`_key`), never for what is kept."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def _key(text: str) -> str:
    """Loose comparison key: case, punctuation, spacing and compatibility forms (full-width
    letters, ligatures: NFKC) do not matter."""
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", normalise(text)).casefold())


# --- reading the page's declarations -------------------------------------------------------


def read_json_ld(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists and `@graph`s; bad JSON skipped."""
    out: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(translate(@type,"LDJSON","ldjson"),"ld+json")]'):
        text = (script.text or "").strip()
        text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        out.extend(_flatten(data))
    return out


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type") or []
    return [kind] if isinstance(kind, str) else [k for k in kind if isinstance(k, str)]


def _names(value: Any) -> list[str]:
    """A JSON-LD person/organisation value (text, object or list of either) → names."""
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def read_meta(tree: HtmlElement) -> dict[str, str]:
    """<meta name|property|itemprop=… content=…>, keys lower-cased; the first value wins."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        # `value` is not standard but some CMSs and page savers write it instead of `content`.
        content = (meta.get("content") or meta.get("value") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key and key not in out:
                out[key] = content
    return out


def page_url(tree: HtmlElement, meta: dict[str, str], given: str | None) -> str | None:
    if given:
        return given
    for link in tree.xpath('//link[@rel="canonical"]/@href'):
        if link.startswith("http"):
            return str(link)  # lxml's smart string keeps its tree alive and cannot be pickled
    url = meta.get("og:url", "")
    return url if url.startswith("http") else None


# --- titles ---------------------------------------------------------------------------------


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
    parts = _SEPARATORS.split(normalise(html.unescape(declared)))
    name = parts[-1]
    return name if len(name) <= 60 else ""


def is_site_name(segment: str, sites: set[str], hosts: set[str]) -> bool:
    key = _key(segment)
    if not key:
        return True
    for site_key in filter(None, map(_key, sites)):
        if key == site_key or (len(key) >= 4 and key in site_key):
            return True
        if _names_site(key, site_key):
            return True
    return any(_names_site(key, _key(h)) for h in hosts)


def _names_site(key: str, site_key: str) -> bool:
    """ "Site Name Online", "site.com", "The Site", "SITE Site Logo": the site's name and a few
    letters, no digits (so "Gitarre & Bass 02/2022" is an issue's title, not the magazine's)."""
    if site_key not in key:
        return False
    rest = key.replace(site_key, "", 1)
    return not rest or (len(rest) <= 12 and rest.isalpha())


def strip_site_name(title: str, sites: set[str], hosts: set[str]) -> str:
    """Cut leading and trailing segments that name the site, keeping at least one segment."""
    parts = _SEPARATORS.split(title)
    seps = _SEPARATORS.findall(title)
    if len(parts) == 1:
        return strip_tight_site_name(title, sites, hosts)
    start, end = 0, len(parts)
    while end - start > 1 and is_site_name(parts[end - 1], sites, hosts):
        end -= 1
    while end - start > 1 and is_site_name(parts[start], sites, hosts):
        start += 1
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


def headings(tree: HtmlElement, tag: str = "h1") -> list[str]:
    """The text of the page's headings of one level, without the site's logo (`is_logo`)."""
    out = []
    for h in tree.iter(tag):
        text = normalise(html.unescape(h.text_content()))
        if 3 <= len(text) <= 300 and not is_logo(h):
            out.append(text)
    return out


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
            whole = normalise(html.unescape(h.text_content()))
            kicker = normalise(html.unescape(children[0].text_content()))
            rest = whole[len(kicker) :] if whole.startswith(kicker) else ""
            rest = rest.lstrip(" :|-–—").strip()
            if kicker and len(_key(rest)) >= 12:
                out.append((whole, rest))
    return out


def strip_kicker(title: str, kickers: list[tuple[str, str]]) -> str:
    """The headline without its kicker, when the chosen title is a kicker-marked heading whole."""
    for whole, rest in kickers:
        if _key(title) == _key(whole):
            return rest
    return title


_VISIBLE_TEXT = "//body//text()[not(ancestor::script)][not(ancestor::style)]"


def restore_case(title: str, tree: HtmlElement) -> str:
    """A title written all in lower case ("makrophotos von insekten", as some themes fill
    `og:title`) takes the casing the page's own text gives the same words, when it has them:
    the article usually opens by naming its subject ("<strong>Makrophotos von Insekten</strong>
    ist …")."""
    # One word is too little to recognise: "blog" is in every menu.
    if title != title.lower() or len(re.findall(r"[^\W\d_]+", title)) < 2:
        return title
    text = normalise(" ".join(str(t) for t in tree.xpath(_VISIBLE_TEXT)))
    for match in re.finditer(re.escape(title), text, re.I):
        if match.group(0) != title:
            return match.group(0)
    return title


def logo_names(tree: HtmlElement) -> set[str]:
    """The site's name as its logo heading writes it ("<h1><a href="/">Site</a></h1>"): many
    themes put the site's name in an <h1> on every page, and it is the text to cut from the
    page's <title> ("Headline - Site")."""
    names = set()
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            text = normalise(html.unescape(h.text_content()))
            if 2 <= len(text) <= 60 and is_logo(h):
                names.add(text)
    return names


def is_logo(heading: HtmlElement) -> bool:
    """A heading that is, as a whole, a link to the site's home page (or marked as its logo)
    names the site: themes wrap the site's name in an <h1> linked to "/" on every page, so it is
    never the article's headline."""
    text = _key(heading.text_content())
    if not text:
        return False
    links = [*list(heading.iterancestors("a"))[:1], *heading.iter("a")]
    for link in links:
        if _key(link.text_content()) != text:
            continue
        rel = (link.get("rel") or "").lower().split()
        marked = "logo" in (link.get("class") or "").lower() or "home" in rel
        if marked or _is_home(link.get("href") or ""):
            return True
    return False


def _is_home(href: str) -> bool:
    """ "/", "https://site.example/", or an archived copy's ".../https://site.example/"."""
    href = href.strip()
    if not href or href.startswith("#"):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if parts.path in ("", "/") and not parts.query and (parts.netloc or parts.path == "/"):
        return True
    return re.search(r"https?://[^/]+/?$", href) is not None


def microdata_headlines(tree: HtmlElement) -> list[str]:
    """Visible elements marked `itemprop="headline"`: the CMS says which text is the headline,
    as JSON-LD's `headline` does, and this one is what readers see (<meta> copies are read with
    the other meta tags)."""
    out = []
    for element in tree.xpath('//*[@itemprop="headline"][not(self::meta)]'):
        text = normalise(html.unescape(element.text_content()))
        if 3 <= len(text) <= 300 and not is_logo(element):
            out.append(text)
    return out


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
    cleaned = [strip_site_name(t, sites, hosts) for t in declared]
    cleaned = [t for t in cleaned if t and not is_site_name(t, sites, hosts)]
    levels: list[Sequence[str]] = [marked, h1s, h2s]
    for depth, level in enumerate(levels):
        by_key: dict[str, str] = {}
        whole = {_key(t) for t in declared}
        for heading in level:
            # A heading that repeats a whole declared title word for word is that title, even
            # when it looks like the host's name ("Axios Future" on axios.example): the host
            # test is a guess, two candidates agreeing is evidence. A declared site name
            # ("og:site_name") still rules it out.
            agreed = _key(heading) in whole and not is_site_name(heading, sites, set())
            if agreed or not is_site_name(heading, sites, hosts):
                by_key.setdefault(_key(heading), heading)
        # Marked headlines are a declaration of their own: no level below them to consult.
        below = [*levels[depth + 1 :], h3s] if depth else []
        for title in declared:  # the most trusted declaration first, whole or in part
            if _key(title) in by_key:
                return by_key[_key(title)]
            if _key(strip_site_name(title, sites, hosts)) in by_key:
                return by_key[_key(strip_site_name(title, sites, hosts))]
            parts = _SEPARATORS.split(title)
            for i, segment in enumerate(parts):
                if _key(segment) in by_key and not is_site_name(segment, sites, hosts):
                    return _longer_segment_below(parts, i, below) or by_key[_key(segment)]
    h1s = [h for h in h1s if not is_site_name(h, sites, hosts)]
    # An h1 that ends a declared title is the headline without its kicker ("Covid-19: …"); one
    # that starts it is the headline without a suffix ("…, Thailand"), unless a colon follows:
    # then the rest is its subtitle, which belongs to it.
    # A page without a headline <h1> (a logo only) may carry it in an <h2>.
    named = h1s or [h for h in h2s if not is_site_name(h, sites, hosts)]
    for title in declared:
        for h1 in named:
            key = _key(h1)
            if len(key) < 12:
                continue
            full = strip_site_name(title, sites, hosts)
            # Before the kicker test: "Album: Album" both starts and ends with "Album".
            if full.startswith(h1):
                # A subtitle's colon is followed by a space; one written tight against the
                # next word ("見出し:IPA 機構") separates a site name, as in CJK titles.
                return full if re.match(r"\s*[:：]\s", full[len(h1) :]) else h1
            if _key(title).endswith(key):
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


def _with_subtitle(heading: str, title: str) -> bool:
    """Whether a heading is a (long enough) title followed by its subtitle: "Title: Subtitle",
    or "タイトル ～サブタイトル～" as Japanese writes it (full-width or not). Spacing does not
    count: CJK titles are written with and without a space before 「."""
    head, tail = re.sub(r"\s+", "", heading), re.sub(r"\s+", "", title)
    return (
        len(_key(tail)) >= 12
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
    keys = {_key(h): h for level in below for h in level}
    short = len(_key(parts[matched]))
    found = [keys[_key(p)] for j, p in enumerate(parts) if j != matched and _key(p) in keys]
    found = [h for h in found if len(_key(h)) >= SITE_NAME_RATIO * short]
    return max(found, key=lambda h: len(_key(h))) if found else None


def _bigrams(text: str) -> set[str]:
    key = _key(text)
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
    distinct = {_key(h): h for h in h1s}
    if len(distinct) != 1:
        return None
    (key, h1) = next(iter(distinct.items()))
    # One inside the other is a kicker, a dateline or a site name around the same headline
    # ("Local News | Headline"): the declared title is the headline without them.
    if any(key in _key(title) or _key(title) in key for title in declared):
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
        and not any(_key(h) in _key(t) or _key(t) in _key(h) for t in declared)
    ]
    if not scored:
        return None
    score, best = max(scored, key=lambda pair: pair[0])
    return best if score >= SUBHEADING_SIMILARITY else None


# --- dates ----------------------------------------------------------------------------------


def day_from_text(value: str | None) -> ArticleDate | None:
    """The calendar day written in an ISO 8601 date or timestamp, as written (local day)."""
    if not value:
        return None
    match = _ISO_DAY.search(value)
    if not match:
        return None
    year, month, day = map(int, match.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= dt.date.today().year + 1:
        return None
    return ArticleDate(year, month, day)


_LOCAL_MIDNIGHT = re.compile(r"T2[23]:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)$")
_UTC_OR_NAIVE = re.compile(
    r"(?:Z|[+-]00:?00|GMT|UTC)\s*$|^\s*\d{4}-\d{1,2}-\d{1,2}(?:[T ][\d:.]+)?\s*$"
)


def declared_dates(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement
) -> list[str]:
    """The publication dates the page declares for machines, one per source, most trusted
    first: the article's JSON-LD, each publication meta tag, `itemprop="datePublished"`."""
    declared = (o.get("datePublished") or o.get("dateCreated") for o in objects)
    values = [str(next((v for v in declared if v), ""))]
    values += [meta[k] for k in DATE_META if k in meta]
    values += [str(v) for v in tree.xpath('//time[@itemprop="datePublished"]/@datetime')][:1]
    return [v for v in values if day_from_text(v)]


def elect_day(values: list[str], url: str | None = None) -> tuple[ArticleDate, str] | None:
    """The day most sources agree on, with its first value; on a tie, the day in the page's
    address (/2019/10/22/), else the most trusted. One stale source (a re-saved
    `article:published_time`, a comment's `<time>`) is outvoted by the rest of the page
    instead of winning by its rank."""
    days = [(day, v) for v in values if (day := day_from_text(v))]
    if not days:
        return None
    count: dict[ArticleDate, int] = {}
    for day, _ in days:
        count[day] = count.get(day, 0) + 1
    in_url = url_day(url)
    order = [e for e, _ in days]
    best = max(count, key=lambda d: (count[d], d == in_url, -order.index(d)))
    return best, next(v for d, v in days if d == best)


_URL_DAY = re.compile(r"/((?:19|20)\d\d)[/-](\d\d?)[/-](\d\d?)(?=[/_.-]|$)")


def url_day(url: str | None) -> ArticleDate | None:
    """The day in an address like /2019/10/22/slug, when it is a real day."""
    match = _URL_DAY.search(url or "")
    if not match:
        return None
    return day_from_text("{}-{:0>2}-{:0>2}".format(*match.groups()))


def local_day(value: str, stamps: list[str]) -> ArticleDate | None:
    """The day in the publisher's own time zone of a UTC timestamp, when the page writes the
    same instant elsewhere with its offset ("…T03:37Z" and "…-04:00" the evening before)."""
    instant = _parse_instant(value)
    if instant is None or instant.utcoffset() != dt.timedelta(0):
        return None
    for stamp in stamps:
        other = _parse_instant(stamp)
        if other is not None and other.utcoffset() and other == instant:
            return ArticleDate(other.year, other.month, other.day)
    return None


def _parse_instant(value: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


# How much of the text after the headline is read for its dateline, in characters, and how
# long one piece of it may be: a dateline is a short line ("17/02/2022", "Written: 2023-11-07
# 15:03"), not a date inside a sentence of the article ("Laut der am 28.01.2022 …").
DATELINE_WINDOW = 200
DATELINE_MAX_CHARS = 60
_FOLLOWING_TEXT = (
    "following::text()[normalize-space()][not(parent::script)][not(parent::style)]"
    "[position() <= 12]"
)
# A label that makes the date after it a revision's, not the publication's.
_UPDATED_LABEL = re.compile(
    r"\b(?:updated?|modified|last edited|aktualisiert|geändert|mis à jour|actualizado"
    r"|aggiornato)\b",
    re.I,
)


def headline_dateline(tree: HtmlElement) -> str | None:
    """The date written just after the headline (<h1>), as ISO: "Written: 2023-11-07 15:03",
    "1. Februar 2022, Daniel Dillenburg". Pages print their dateline next to the headline;
    htmldate, which reads the whole page, can prefer an older date in a teaser further down.
    Only short pieces of text count (`parse_visible_date`), and not one labelled as an
    update's date ("Updated: Mar 6, 2018 Original: Dec 21, 2016")."""
    headline = next(
        (h for h in tree.iter("h1") if len(normalise(h.text_content())) >= 3 and not is_logo(h)),
        None,
    )
    if headline is None:
        return None
    read, label = 0, ""
    for node in headline.xpath(_FOLLOWING_TEXT):
        text = normalise(str(node))
        read += len(text)
        if read > DATELINE_WINDOW:
            return None
        if not _UPDATED_LABEL.search(f"{label} {text}"):
            found = parse_visible_date(text)
            if found:
                return found
        label = text
    return None


_CJK_DATE = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")


def parse_visible_date(text: str) -> str | None:
    """A short piece of visible text that is a date ("17/02/2022", "1. Februar 2022, Name") →
    ISO day, by htmldate's own text-date parser (day-month order, month names in many
    languages), which is not part of its documented API: if it moves, this returns None."""
    # A day needs at least five digits ("1. Mai 2022"); fewer is a year or a number.
    if len(text) > DATELINE_MAX_CHARS or sum(c.isdigit() for c in text) < 5:
        return None
    # "2019年4月2日" (Chinese, Japanese), "2023년 11월 7일" (Korean): htmldate's parser does
    # not read these; the order is always year, month, day.
    cjk = _CJK_DATE.search(text)
    if cjk:
        iso = "{}-{:0>2}-{:0>2}".format(*cjk.groups())
        return iso if day_from_text(iso) else None
    # "4. 2. 2022": German typesetting puts a space after each period of a numeric date.
    text = re.sub(r"\b(\d{1,2})\.\s+(\d{1,2})\.\s+(\d{4})\b", r"\1.\2.\3", text)
    try:
        from htmldate.extractors import custom_parse

        found = custom_parse(text, "%Y-%m-%d", dt.datetime(1990, 1, 1), dt.datetime.now())
    except Exception:  # htmldate is best-effort; so is this vote
        return None
    return str(found) if found else None


# A <time> in a comment thread dates the comment, not the article.
_ARTICLE_TIME = (
    "//time[not(ancestor::*[contains(translate(@class, 'COMMENT', 'comment'), 'comment')"
    " or contains(translate(@id, 'COMMENT', 'comment'), 'comment')])]/@datetime"
)


def _only_extensive(tree: HtmlElement, url: str | None, found: ArticleDate) -> bool:
    """Whether htmldate gives this day only by its extensive search (the page's text and
    copyright line, scanned as a last resort), not from the page's markup or address."""
    try:
        plain = find_date(tree, original_date=True, extensive_search=False, url=url)
    except Exception:  # htmldate is best-effort
        plain = None
    return day_from_text(plain) != found


def choose_date(
    objects: list[dict[str, Any]], meta: dict[str, str], tree: HtmlElement, url: str | None
) -> ArticleDate | None:
    try:
        text = find_date(tree, original_date=True, extensive_search=True, url=url)
    except Exception:  # htmldate is best-effort; a parsing bug there must not fail the page
        text = None
    declared = declared_dates(objects, meta, tree)
    # The first <time datetime> on the page is the dateline readers see.
    votes = declared + [str(v) for v in tree.xpath(_ARTICLE_TIME)][:1]
    if not votes:
        # A <time> without a machine-readable datetime still shows the dateline as text; only
        # on a page that declares no date, since the first <time> of a page that does may be
        # the header's "today" (the day the page was saved), not the article's.
        shown = (parse_visible_date(normalise(t.text_content())) for t in tree.iter("time"))
        votes += [v for v in shown if v][:1]
    dateline = headline_dateline(tree)
    if dateline:
        votes.append(dateline)
    found = day_from_text(text)
    # htmldate reads the same meta tags first: a day they already give is an echo, not a
    # second witness. A day of its own comes from the text (a dateline) and does count.
    echo = found in {day_from_text(v) for v in declared}
    if found and not echo:
        if not votes and found.month == found.day == 1 and _only_extensive(tree, url, found):
            # htmldate's last resort, a copyright notice ("© 2022") read as 1 January: the
            # only evidence is a year. Kept as the year, never as an invented day.
            return ArticleDate(found.year)
        votes.append(str(text))
    elected = elect_day(votes, url)
    if elected is None:
        return None
    day, value = elected
    stamps = [str(v) for v in tree.xpath("//time/@datetime")] + list(meta.values())
    local = local_day(value, stamps)
    if local is not None:
        return local
    if _LOCAL_MIDNIGHT.search(value.strip()):
        # A day entered without a time is stored as the publisher's local midnight; written in
        # UTC from Central Europe (UTC+1, +2 in summer) that is 23:00 or 22:00 the day before.
        # No article goes out at exactly 23:00:00.000, so the day is the next one.
        following = day.as_date() + dt.timedelta(days=1)
        return ArticleDate(following.year, following.month, following.day)
    one_day_off = found is not None and abs((day.as_date() - found.as_date()).days) == 1
    if one_day_off and not echo and _UTC_OR_NAIVE.search(value):
        # A UTC (or zone-less) timestamp may fall on the next or previous calendar day from
        # the publisher's; htmldate also reads the dateline readers see, so its day wins.
        return found
    return day


# --- authors --------------------------------------------------------------------------------


# "By", "Von", "Par"… before a byline; not "di" or "de", which begin surnames (Di Maria).
_BYLINE_LEAD = re.compile(
    r"^view (?:all )?(?:posts|articles|stories) by\s+"
    r"|^(?:more|all) (?:posts |articles |stories )?(?:by|from)\s+|^alle?s? (?:artikel )?von\s+"
    r"|^(?:(?:written|posted|text|interview|artikel|article|story|words|photos?)\s+)?"
    r"(?:by|von|par|por|door)\s+"
    r"|^(?:autor(?:in)?|author|text|interview)\s*:?\s+",
    re.I,
)
# Words that follow a name in bylines but are not part of it (roles, degrees, page furniture).
_BYLINE_TAIL = re.compile(
    r"\s+(?:view\b|get author|follow\b|more by\b|updated\b|published\b|share[sd]?\b"
    r"|link copied|\||·).*$",
    re.I,
)
_MONTHS = "|".join(sorted(MONTH_WORDS_EN, key=len, reverse=True))
# A job title or a date after the name: "Sam Stein Senior Politics Editor", "… December".
_ROLE_TAIL = re.compile(
    r"\s+(?:(?:senior|chief|deputy|contributing|managing|staff|political|politics|news|"
    r"associate|executive|special)\s+)*(?:editor|writer|reporter|correspondent|contributor|"
    rf"columnist|journalist|producer)\b.*$|\s+(?:{_MONTHS})\.?$",
    re.I,
)
_MONTH_ONLY = re.compile(rf"^(?:{_MONTHS})\.?$", re.I)
_DEGREES = {"phd", "md", "msc", "ma", "ba", "mba", "rd", "dr", "jr", "sr", "staff", "tnn"}
# Placeholders CMSs put where a byline belongs.
_NOT_NAMES = {
    *("posted", "follow", "no author", "admin", "administrator", "wordpressadmin", "author"),
    *("see full bio", "full bio", "bio", "profile", "view profile", "more"),
}


def _caps_tail(name: str) -> str:
    """ "Meg Wagner NEW YORK DAILY NEWS" → "Meg Wagner": capitals after a mixed-case name are
    the outlet. An all-capitals byline ("JOSH HASKELL") is left alone."""
    words = name.split()
    keep = len(words)
    while keep > 2 and words[keep - 1].isupper() and len(words[keep - 1]) > 1:
        keep -= 1
    if keep < len(words) and not all(w.isupper() for w in words[:keep]):
        return " ".join(words[:keep])
    return name


def split_authors(text: str) -> list[str]:
    """A byline → names: "By Ada Lovelace and Grace Hopper, PhD" → [Ada Lovelace, Grace Hopper]."""
    text = _BYLINE_TAIL.sub("", _BYLINE_LEAD.sub("", normalise(html.unescape(text))))
    inverted = re.fullmatch(r"([^\W\d_][\w'’-]+),\s*([^\W\d_][\w'’.-]+)", text)
    if inverted:  # "Gillman, Steve": one surname, one given name, as library catalogues write
        text = f"{inverted.group(2)} {inverted.group(1)}"
    names = []
    for part in _AUTHOR_SPLIT.split(text):
        part = _ROLE_TAIL.sub("", _BYLINE_LEAD.sub("", part.strip(" :-|·")))
        if not re.search(r"\b\w\.$", part):  # keep the period of a final initial ("C.")
            part = part.rstrip(". ")
        part = _caps_tail(part)
        if not part or part.casefold().strip(".") in _DEGREES | _NOT_NAMES:
            continue
        if _MONTH_ONLY.match(part):
            continue
        if part.startswith(("http", "@")) or "@" in part or "[at]" in part or len(part) > 60:
            continue
        if re.search(r"\w\.[a-z]{2,}/", part):  # "facebook.com/someone": a profile address
            continue
        # Digits mark a date or a time, except in a one-word user name ("freeman1984").
        if re.search(r"\d", part) and not re.fullmatch(r"[^\W\d_]\w*", part):
            continue
        names.append(part)
    return names


def _person_names(value: Any) -> list[str]:
    """JSON-LD authors that are people: an Organization as author names the publisher."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict) and any("Organization" in t for t in _types(item)):
            continue
        out.extend(_names(item))
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


# "By", "Von", "Par", "Por", "Door" on their own or before a name: a byline's first word, maybe
# after what is signed ("Ein Artikel von", "Written by"); or a label ("Autor", "Author:").
_BYLINE_WORD = re.compile(
    r"^(?:(?:ein |an? )?(?:artikel|article|beitrag|text|story|written|posted|words)\s+)?"
    r"(?:by|von|par|por|door)(?:\s+(.+))?$"
    r"|^(?:autor(?:in)?|author|verfasser(?:in)?)\s*:?(?:\s+(.+))?$",
    re.I,
)
# How much text after the headline is read for its byline: past a standfirst, not into the body.
BYLINE_WINDOW = 600


def headline_byline(tree: HtmlElement) -> list[str]:
    """The byline printed after the headline (<h1>): "By <span>Yomi Kazeem</span>", "von Andreas
    Kürten". A short piece of text that starts with the byline's word, with the name in it or in
    the next piece; a sentence that happens to start with "By" is longer than a byline."""
    headline = next(
        (h for h in tree.iter("h1") if len(normalise(h.text_content())) >= 3 and not is_logo(h)),
        None,
    )
    if headline is None:
        return []
    texts = [normalise(str(t)) for t in headline.xpath(_FOLLOWING_BYLINE_TEXT)]
    read = 0
    for i, text in enumerate(texts):
        read += len(text)
        if read > BYLINE_WINDOW:
            break
        match = _BYLINE_WORD.match(text) if len(text) <= DATELINE_MAX_CHARS else None
        if not match:
            continue
        name = match.group(1) or match.group(2) or _names_after(texts[i + 1 : i + 8])
        names = split_authors(name) if len(name) <= DATELINE_MAX_CHARS else []
        if names and all(_looks_like_a_name(n) for n in names):
            return names
    return []


_FOLLOWING_BYLINE_TEXT = (
    "following::text()[normalize-space()][not(parent::script)][not(parent::style)]"
    "[position() <= 30]"
)


_JOINER = re.compile(r"^(?:,|;|&|and|und|et|y|e)$", re.I)


def _names_after(texts: list[str]) -> str:
    """The names after a lone "By": "Lars Fischer", "und", "Alina Schadwinkel" are one byline,
    each name in its own link; it ends where names and joiners stop alternating."""
    out: list[str] = []
    for text in texts:
        want_name = not out or _JOINER.match(out[-1])
        fits = _looks_like_a_name(text) if want_name else _JOINER.match(text)
        if not fits:  # two names in a row: the second is the outlet ("Joe Davidson", "Post")
            break
        out.append(text)
    while out and _JOINER.match(out[-1]):
        out.pop()
    return " ".join(out) if out else (texts[0] if texts else "")


def _looks_like_a_name(name: str) -> bool:
    """Two to four words, each starting with a capital (or a particle: "de", "van")."""
    words = name.split()
    particles = {"de", "da", "del", "van", "von", "der", "den", "di", "du", "la", "le", "bin"}
    return 2 <= len(words) <= 4 and all(w[0].isupper() or w in particles for w in words)


def choose_authors(
    tree: HtmlElement,
    articles: list[dict[str, Any]],
    meta: dict[str, str],
    fallback: str | None,
    sites: set[str],
    hosts: set[str],
    url: str | None = None,
) -> tuple[str, ...]:
    """The first source that names at least one person. A name that is the site's own is kept
    only when no source names anyone else (institutional pages are signed by the institution)."""
    sources: list[list[str]] = [
        _person_names(o.get("author") or o.get("creator")) for o in articles
    ]
    sources += [[meta[k]] for k in ARTICLE_AUTHOR_META if meta.get(k)]
    # rel="author" links are the byline the reader sees, marked up as such by the CMS.
    sources.append(rel_authors(tree))
    sources += [[meta[k]] for k in PAGE_AUTHOR_META if meta.get(k)]
    # The byline printed under the headline, before trafilatura's guesses from the whole page.
    sources.append(headline_byline(tree))
    if fallback:
        sources.append([fallback])
    sources.append(profile_link_author(tree, url))
    names_by_source = [_source_names(candidates) for candidates in sources]
    everyone = [name for names in names_by_source for name in names]
    institutional: tuple[str, ...] = ()
    for names in names_by_source:
        people = [
            _shortest_agreeing(_cut_site_tail(n, sites, hosts), everyone)
            for n in names
            if not is_site_name(n, sites, hosts)
        ]
        if people:
            return tuple(people)
        institutional = institutional or tuple(names)
    return institutional


def _source_names(candidates: list[str]) -> list[str]:
    names: list[str] = []
    for candidate in candidates:
        for name in split_authors(candidate):
            if name.casefold() not in {n.casefold() for n in names}:
                names.append(name)
    return names


def _cut_site_tail(name: str, sites: set[str], hosts: set[str]) -> str:
    """ "Adam Aaronson PhillyVoice Staff" → "Adam Aaronson": the outlet's staff after a name."""
    words = name.split()
    if len(words) > 3 and words[-1].casefold() == "staff" and is_site_name(words[-2], sites, hosts):
        return " ".join(words[:-2])
    return name


def _shortest_agreeing(name: str, everyone: list[str]) -> str:
    """A name another source gives as the end of this one is the name, the rest a role
    before it: "FOCUS-Online-Experte Robin Tschöpe" and "Robin Tschöpe"."""
    for other in everyone:
        if len(other.split()) >= 2 and name.casefold().endswith(" " + other.casefold()):
            return other
    return name


# --- the cascade ----------------------------------------------------------------------------


def extract_page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """The page's own metadata, by the cascade in this module's docstring. Reads, never edits."""
    ld = read_json_ld(tree)
    articles = [o for o in ld if any(_ARTICLE_TYPES.search(t) for t in _types(o))]
    pages = [o for o in ld if any(t.endswith("WebPage") for t in _types(o))]
    meta = read_meta(tree)
    url = page_url(tree, meta, url)
    try:
        traf = extract_metadata(tree, default_url=url)
    except Exception:  # trafilatura's metadata is the last layer; its failure is not ours
        traf = None

    publisher = next((n for o in articles for n in _names(o.get("publisher"))), None)
    sites = {
        site_name(s)
        for s in (
            publisher,
            meta.get("og:site_name"),
            meta.get("application-name"),
            meta.get("al:android:app_name"),
            meta.get("al:iphone:app_name"),
        )
        if s and site_name(s)
    }
    # trafilatura's site name is a guess, often cut from the <title> itself ("Wochenbericht 14.
    # - 20. Januar 2022" out of "… - SLF"): one that spans separators is part of a headline, and
    # its last segment is no site name; only a name without one is taken.
    guess = normalise(html.unescape(traf.sitename or "")) if traf else ""
    if guess and len(_SEPARATORS.split(guess)) == 1 and site_name(guess):
        sites.add(site_name(guess))
    # The logo heading's text whole: "Salsa-Figuren - Rueda in Berlin" is one name, which the
    # segments of "Figure - Salsa-Figuren - Rueda in Berlin" are each part of.
    sites |= logo_names(tree)
    hosts = host_words(url)
    declared_raw = [
        *(str(o.get("headline")) for o in articles if o.get("headline")),
        *(meta[k] for k in ("og:title", "twitter:title", "title") if meta.get(k)),
        *(normalise(t.text_content()) for t in tree.xpath("//title[not(ancestor::svg)]")[:1]),
        *(str(o.get("name")) for o in pages if isinstance(o.get("name"), str)),
    ]
    # Entities double-escaped by a CMS ("&amp;#8211;") reach us as "&#8211;": undo that once.
    declared = [normalise(html.unescape(t)) for t in declared_raw]
    declared = [t for t in declared if t]
    # A "site name" that is the page's title (some CMSs fill every field with it) names nothing.
    sites = {site for site in sites if _key(site) not in {_key(t) for t in declared}}
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
    title = restore_case(strip_kicker(title, kickers), tree) if title else title
    # trafilatura's title is often an <h1> it picked ("Original text"), so it may not confirm
    # one; it answers only for a page that declares no title and has no headline.
    title = title or (traf.title if traf else None)
    date = choose_date(articles + pages, meta, tree, url)
    authors = choose_authors(tree, articles, meta, traf.author if traf else None, sites, hosts, url)
    language = (tree.get("lang") or meta.get("og:locale") or "").split("-")[0].split("_")[0]
    return PageMetadata(
        title=normalise(title) or None,
        date=date,
        date_inferred=date is not None and date.precision == "year",
        authors=authors,
        source=publisher or meta.get("og:site_name") or (traf.sitename if traf else None),
        url=url,
        language=language.lower() or None,
        description=meta.get("description") or meta.get("og:description"),
    )
