"""Article HTML → HTML with nothing active in it (nh3, the Python binding of Rust's ammonia).

Article bodies are Markdown, and Markdown passes raw HTML through; a hand-edited or extracted
article could carry a script or an event handler. Everything rendered from an article goes
through here before it reaches a page.
"""

from __future__ import annotations

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
_IMG = re.compile(r"<img\b[^>]*>")
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"')


def clean_html(html: str) -> str:
    cleaned = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return _IMG.sub(_local_image, cleaned) if "<img" in cleaned else cleaned


def _local_image(match: re.Match[str]) -> str:
    """An image on another host becomes a link to it, labelled with its description.

    The site makes no request to another host (readers' privacy; school networks that block
    them): an embedded remote image would be fetched by every reader of the page, and could be
    a tracker. A link keeps the record (nothing is lost) and is fetched only if clicked.
    """
    attrs = dict(_ATTR.findall(match.group(0)))
    src = attrs.get("src", "")
    if not src.lower().startswith(("http:", "https:", "//")):
        return match.group(0)  # an image of the archive's own
    label = attrs.get("alt") or "no description"
    link = f'<a class="chronicle-remote-image" href="{src}" rel="noopener noreferrer">'
    return f"{link}[Image: {label}]</a>"

