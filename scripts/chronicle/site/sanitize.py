"""Article HTML → HTML with nothing active in it (nh3, the Python binding of Rust's ammonia).

Article bodies are Markdown, and Markdown passes raw HTML through; a hand-edited or extracted
article could carry a script or an event handler. Everything rendered from an article goes
through here before it reaches a page.
"""

from __future__ import annotations

import html as _html
import re

import nh3

_TAGS = set(nh3.ALLOWED_TAGS) | {
    "figure",
    "figcaption",
    "mark",
    "time",
    "section",
    "aside",
    "details",
    "summary",
    "sup",
    "sub",
}
_ATTRIBUTES = {tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()}
_ATTRIBUTES["*"] = {"id", "class", "title", "lang", "dir"}
_ATTRIBUTES.setdefault("a", set()).update({"href", "title"})
_ATTRIBUTES.setdefault("img", set()).update({"src", "alt", "width", "height", "loading"})
_ATTRIBUTES.setdefault("time", set()).add("datetime")


# nh3 writes every attribute as name="value", the value escaped: these patterns read its output,
# not arbitrary HTML.
_LINK_OR_IMAGE = re.compile(r"<a\b[^>]*>|</a>|<img\b[^>]*>")
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def clean_html(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return _local_images_only(cleaned) if "<img" in cleaned else cleaned


def _local_images_only(cleaned: str) -> str:
    """Images on another host become links to them, labelled with their description.

    The site makes no request to another host (readers' privacy; school networks that block
    them): an embedded remote image would be fetched by every reader of the page, and could be
    a tracker. A link keeps the record (nothing is lost) and is fetched only if clicked; inside
    a link of the article's own, the label alone (links do not nest).
    """
    out: list[str] = []
    depth = 0  # inside how many <a> elements
    at = 0
    for match in _LINK_OR_IMAGE.finditer(cleaned):
        out.append(cleaned[at : match.start()])
        at = match.end()
        token = match.group(0)
        if token.startswith("<a"):
            depth += 1
        elif token == "</a>":
            depth = max(depth - 1, 0)
        else:
            attrs = dict(_ATTR.findall(token))
            address = _as_browser_reads(attrs.get("src", ""))
            if _SCHEME.match(address) or address.startswith("//"):  # another host's
                token = f"[Image: {attrs.get('alt') or 'no description'}]"  # escaped by nh3
                if depth == 0 and address.lower().startswith(("http:", "https:", "//")):
                    link = f'<a class="chronicle-remote-image" href="{attrs["src"]}" rel="noopener'
                    token = f'{link} noreferrer">{token}</a>'
        out.append(token)
    out.append(cleaned[at:])
    return "".join(out)


def _as_browser_reads(src: str) -> str:
    """`src` (as nh3 wrote it) read as the WHATWG URL parser reads it, not as written: it strips
    surrounding spaces and control characters, drops tabs and newlines anywhere ("ht\ttps:") and
    takes a backslash for a slash ("/\\evil.example" is "//evil.example"). Only a path without a
    scheme stays on the site's own host."""
    value = _html.unescape(src).strip("".join(map(chr, range(0x21))))
    return _TAB_OR_NEWLINE.sub("", value).replace("\\", "/")
