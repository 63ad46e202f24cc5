"""The page's visible headings: which ones are the site's logo, which one is the article's
headline, and the short pieces of text printed right after it (its dateline and byline)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from chronicle.ingest.readers.normal import loose_key, normalise

# How long one piece of the text after the headline may be to be its dateline or byline: a
# short line ("17/02/2022", "By Ada Lovelace"), not a sentence of the article.
SHORT_TEXT_MAX_CHARS = 60
_FOLLOWING_TEXT = (
    "following::text()[normalize-space()][not(parent::script)][not(parent::style)]"
    "[position() <= {pieces}]"
)


def heading_text(element: HtmlElement) -> str:
    """An element's text as a title is compared: entities a CMS escaped twice undone, and the
    text of its child elements kept apart (`spaced_text`)."""
    return normalise(html.unescape(spaced_text(element)))


# Elements that end a line: their text never runs into the next.
_BREAKING = {"br", "div", "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "header", "section"}
_BOUNDARY = "\x00"


def _join(match: re.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    apart = (before.islower() or before in ".!?:") and after.isupper()
    return before + (" " if apart else "")


def spaced_text(element: HtmlElement) -> str:
    """The element's text, a space put where two child elements' texts meet without one and
    would otherwise read as one word: "<span>Word of the week</span><span>The pyramid</span>"
    is "Word of the week The pyramid", not "…weekThe…". A boundary inside a word
    ("<b>Un</b>believable") is left alone: only a line-breaking element, or a lower-case letter
    or a sentence's end meeting a capital, is taken for two pieces of text."""
    pieces: list[str] = []

    def walk(node: HtmlElement, top: bool) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        pieces.append("\n" if tag in _BREAKING else _BOUNDARY)
        if tag and node.text:
            pieces.append(node.text)
        for child in node:
            walk(child, False)
        pieces.append("\n" if tag in _BREAKING else _BOUNDARY)
        if not top and node.tail:
            pieces.append(node.tail)

    walk(element, True)
    text = re.sub(r"(.)\x00+(?=(.))", _join, "".join(pieces), flags=re.S)
    return text.replace(_BOUNDARY, "").replace("\n", " ")


def visible_headings(elements: Iterable[HtmlElement]) -> list[str]:
    """The text of each element long enough to be a headline, the site's logo (`is_logo`) left
    out."""
    out = []
    for element in elements:
        text = heading_text(element)
        if 3 <= len(text) <= 300 and not is_logo(element):
            out.append(text)
    return out


def headings(tree: HtmlElement, tag: str = "h1") -> list[str]:
    """The text of the page's headings of one level, without the site's logo."""
    return visible_headings(tree.iter(tag))


def logo_names(tree: HtmlElement) -> set[str]:
    """The site's name as its logo heading writes it ("<h1><a href="/">Site</a></h1>"): many
    themes put the site's name in an <h1> on every page, and it is the text to cut from the
    page's <title> ("Headline - Site")."""
    names = set()
    for tag in ("h1", "h2"):
        for h in tree.iter(tag):
            text = heading_text(h)
            if 2 <= len(text) <= 60 and is_logo(h):
                names.add(text)
    return names


def is_logo(heading: HtmlElement) -> bool:
    """A heading that is, as a whole, a link to the site's home page (or marked as its logo)
    names the site: themes wrap the site's name in an <h1> linked to "/" on every page, so it is
    never the article's headline."""
    text = loose_key(heading.text_content())
    if not text:
        return False
    links = [*list(heading.iterancestors("a"))[:1], *heading.iter("a")]
    for link in links:
        if loose_key(link.text_content()) != text:
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


def texts_after_headline(tree: HtmlElement, pieces: int) -> list[str]:
    """The first `pieces` pieces of text after the page's headline (its first <h1> that is not
    the logo), each normalised; none on a page without one."""
    headline = next(
        (h for h in tree.iter("h1") if len(normalise(h.text_content())) >= 3 and not is_logo(h)),
        None,
    )
    if headline is None:
        return []
    return [normalise(str(t)) for t in headline.xpath(_FOLLOWING_TEXT.format(pieces=pieces))]
