"""Site boilerplate in text: cookie-consent notices, and the names of the parts every site has
(menus, "Share", "Skip to content"). Pure functions of text, shared by the readers (which keep
them out of what is stored) and the search index (which keeps out what reached a stored body
all the same: an archive imported before the readers knew, or by another reader).
"""

from __future__ import annotations

import re
import unicodedata

# Consent text: it names cookies (or tracking) and asks to accept, refuse or set them.
_COOKIE = re.compile(r"cookie|tracking|tracker|datenschutz", re.I)
_CONSENT_VERB = re.compile(
    r"\b(?:accept|agree|consent|allow|reject|decline|manage|settings|preferences|opt[- ]out"
    r"|akzeptier\w*|zustimm\w*|einwillig\w*|einverstanden|ablehnen|accepter|acceptez|refuser"
    r"|paramétrer|aceptar|acepto|rechazar|accetta\w*|rifiuta\w*)\b",
    re.I,
)
# ... and says it is about this site and its visitors, not cookies in a bakery.
_SITE = re.compile(
    r"\b(?:we use|this (?:site|website)|our (?:site|website)|website|webseite|browser"
    r"|experience|nutzererlebnis|nutzung|site web|ce site|sitio web|este sitio|sito)\b",
    re.I,
)
# Longer than this is an article that talks about cookies, not a banner.
CONSENT_MAX_CHARS = 700

# The names of pages and page parts that every site has: never an article's headline.
FURNITURE = frozenset(
    {
        *("home", "homepage", "home page", "startseite", "accueil", "inicio", "index", "start"),
        *("blog", "news", "nachrichten", "aktuelles", "actualités", "noticias", "archive"),
        *("archives", "archiv", "articles", "posts", "menu", "navigation", "main navigation"),
        *("hauptnavigation", "search", "suche", "untitled", "skip to content", "related articles"),
        *("related posts", "latest news", "top stories", "most read", "meistgelesen", "share"),
        *("comments", "kommentare", "newsletter", "subscribe", "login", "sign in", "404"),
        *("page not found", "seite nicht gefunden", "cookie settings", "cookies", "datenschutz"),
        *("privacy policy", "impressum", "contact", "kontakt", "about", "about us", "sitemap"),
    }
)
# Navigation and sharing links that reach a body as lines of their own (a title may be "Print").
_NAVIGATION = FURNITURE | {
    *("skip to main content", "skip to navigation", "back to top", "read more", "print"),
    *("email", "e-mail", "tweet", "share this", "share this article", "share on facebook"),
    *("share on twitter", "share on x", "share on linkedin", "share on whatsapp", "facebook"),
    *("twitter", "linkedin", "whatsapp", "previous article", "next article", "advertisement"),
    *("sign up", "log in", "register", "terms of use", "terms and conditions", "weiterlesen"),
    *("lire la suite", "partager", "teilen", "drucken", "zurück nach oben", "anzeige"),
}
# What separates the items of a menu written on one line: "Home | News | Sport".
_MENU_SEPARATOR = re.compile(r"\s*[|•·»›/]\s*|\s{2,}|\t")
_EDGES = " .:|»›-–—"
MENU_MAX_CHARS = 200
MENU_ITEM_MAX_CHARS = 25


def is_consent_text(text: str) -> bool:
    """Whether a piece of text is a cookie-consent notice: short, about this site's cookies,
    asking to accept or set them."""
    text = text.strip()
    return (
        0 < len(text) <= CONSENT_MAX_CHARS
        and _COOKIE.search(text) is not None
        and _CONSENT_VERB.search(text) is not None
        and _SITE.search(text) is not None
    )


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def is_furniture(text: str) -> bool:
    """A heading or title that names a part of the site (the home page, "Blog", "Related
    articles", a menu), not an article."""
    return _key(text).strip(_EDGES) in FURNITURE


def is_navigation_text(line: str) -> bool:
    """Whether a line of a body is only navigation: a link to the top or to share the page
    ("Share on Facebook"), every item the name of a site's part; or a menu of three items or
    more ("Home | News | Sport | Contact"), each a short name, half of them a site's parts
    (the others are its sections, which no list can know)."""
    text = _key(line)
    if not text or len(text) > MENU_MAX_CHARS:
        return False
    items = [item.strip(_EDGES) for item in _MENU_SEPARATOR.split(text)]
    items = [item for item in items if item]
    known = sum(item in _NAVIGATION for item in items)
    if items and known == len(items):
        return True
    short = all(len(item) <= MENU_ITEM_MAX_CHARS and item.count(" ") < 3 for item in items)
    return len(items) >= 3 and short and known * 2 >= len(items)


def without_boilerplate(text: str) -> str:
    """Text without its lines (paragraphs, list items) that are consent notices or navigation."""
    lines = text.split("\n")
    kept = [line for line in lines if not (is_consent_text(line) or is_navigation_text(line))]
    return "\n".join(kept) if len(kept) < len(lines) else text
