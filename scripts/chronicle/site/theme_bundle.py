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

A page whose largest paint comes from its own script (the search page with words: its first
result) holds the bundle longer: it carries `data-chronicle-theme-hold`, and its script removes
the attribute and sends `chronicle:shown` once that paint is on screen. Lighthouse's estimate
of the largest paint counts every request started before it (measured on the search page: the
bundle's 114 KB shared the mobile link with Pagefind's files). A page whose script never sends
it (the script failed to load) still gets the bundle, a few seconds later.
"""

from __future__ import annotations

import json
import re

# How long a page that holds the bundle (see above) can hold it after its `load` event.
HOLD_AT_MOST_MS = 5000
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
        "<script>{ let started = false; const start = () => { if (started) return; started = true;"
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
        " document.body.append(bundle); };"
        ' addEventListener("load", () => setTimeout(() => {'
        ' if (!document.querySelector("[data-chronicle-theme-hold]")) return start();'
        ' document.addEventListener("chronicle:shown", start, { once: true });'
        f" setTimeout(start, {HOLD_AT_MOST_MS});"
        " })); }</script>"
    )
    return scripts[: match.start()] + loader + scripts[match.end() :]
