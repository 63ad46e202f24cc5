"""perf: Material's script bundle started after the page has loaded, not before its first paint.

Deferred, the bundle (114 KB, about 100 ms of script on a fast machine) still downloads with the
page's styles and runs before the first paint, and Lighthouse's mobile estimate of the first and
largest paint counts both (measured: home 89 → 97, an article 89 → 96, median of three). Every
Material feature Chronicle uses works without the bundle until it runs (the drawer, links, the
navigation) or starts a moment later (the palette switch, "back to top", the header's title).

Material's bundle waits for `DOMContentLoaded`, which has fired by then: while it loads and
runs, a listener added for that event is called at once (the event is not sent again: a script
that listened for it from the start would run twice). Once it has run, `chronicle:theme` is sent
on the document, for an archive's own scripts that use Material's `document$`.
"""

from __future__ import annotations

import json
import re

# The first script of Material's `scripts` block: its bundle, before the site's extra_javascript.
_BUNDLE = re.compile(r'<script src="([^"<>]*/bundle\.[0-9a-f]+\.min\.js)"></script>')


def after_load(scripts: str) -> str:
    """Material's `scripts` block with its bundle loaded after the page's `load` event; the block
    as it is when the bundle is not found in it (another theme version: then only deferred)."""
    scripts = str(scripts)  # Jinja's Markup would escape the loader joined to it
    match = _BUNDLE.search(scripts)
    if match is None:
        return scripts.replace('.min.js"></script>', '.min.js" defer></script>')
    src = json.dumps(match.group(1)).replace("<", "\\u003c")
    loader = (
        '<script>addEventListener("load", () => setTimeout(() => {'
        " document.addEventListener = function (type, listener, options) {"
        ' if (type !== "DOMContentLoaded")'
        " return EventTarget.prototype.addEventListener.call(this, type, listener, options);"
        " const event = new Event(type);"
        ' queueMicrotask(() => typeof listener === "function"'
        " ? listener.call(document, event) : listener.handleEvent(event)); };"
        ' const bundle = document.createElement("script");'
        f" bundle.src = {src};"
        " bundle.onload = bundle.onerror = () => { delete document.addEventListener;"
        ' document.dispatchEvent(new Event("chronicle:theme")); };'
        " document.body.append(bundle); }));</script>"
    )
    return scripts[: match.start()] + loader + scripts[match.end() :]
