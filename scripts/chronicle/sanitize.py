"""Article HTML → HTML with nothing active in it (nh3, the Python binding of Rust's ammonia).

Article bodies are Markdown, and Markdown passes raw HTML through; a hand-edited or extracted
article could carry a script or an event handler. Everything rendered from an article goes
through here before it reaches a page.
"""

from __future__ import annotations

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


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
