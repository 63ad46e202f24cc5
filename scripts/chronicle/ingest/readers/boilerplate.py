"""Site boilerplate that is not the article: cookie-consent banners in the body, and a site's
tagline offered as the article's description. Pure functions of a page tree or of text; the
HTML reader calls them before and after trafilatura. Whether a text is a consent notice is
`text.boilerplate` (the search index uses it too)."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from chronicle.text.boilerplate import is_consent_text

# Ids and classes consent managers give their banners (OneTrust, Didomi, Usercentrics, Borlabs,
# Cookiebot, Quantcast, Complianz, and the generic words themes use).
_CONSENT_MARK = re.compile(
    r"cookie|consent|gdpr|\bcmp\b|cmp[-_]|didomi|onetrust|usercentrics|borlabs|cookiebot"
    r"|qc-cmp|cmplz|privacy[-_]?(?:banner|notice|popup)",
    re.I,
)
_NEVER_DROPPED = {"html", "body", "main", "article"}


def drop_consent_banners(tree: HtmlElement) -> None:
    """Remove the elements a consent manager marks as its banner, when their text reads as
    consent text (a class "cookie-recipe" on a food blog's article stays)."""
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in _NEVER_DROPPED:
            continue
        marks = f"{element.get('id') or ''} {element.get('class') or ''}"
        if not _CONSENT_MARK.search(marks) or element.getparent() is None:
            continue
        if is_consent_text(element.text_content()):
            element.drop_tree()


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{4,}", text.casefold())}


def article_description(description: str | None, title: str | None, lede: str) -> str | None:
    """The page's description when it is about this article; a site's tagline ("News and views
    from the coast since 1998"), repeated on every page, shares no word with the article's
    headline or first paragraph and is not a summary of it."""
    if not description:
        return None
    if _words(description) & (_words(title or "") | _words(lede)):
        return description
    return None
