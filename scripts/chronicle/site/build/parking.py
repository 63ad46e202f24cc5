"""Article pages' HTML packed between MkDocs' two loops.

MkDocs converts every page (its HTML in `page.content`), then renders every page: each page's
HTML waits in memory for the whole second loop, news text two bytes a character (curly quotes
and dashes), some 11 KB an article (1.1 GB at 100,000). And the forked helper (parallel.py) is
a copy of the process made when rendering starts: every page of memory the build frees or
reuses after that stays in the helper's copy, so the waiting HTML costs twice.

`park` packs each article page's HTML (zlib of its UTF-8, about a fifth) once every plugin has
seen `on_env` and before the helper forks; `restore` puts it back in `on_page_context` before
any plugin sees the page. No other plugin's event runs in between, so none sees a packed page.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable

from mkdocs.structure.pages import Page

# What a parked page's `content` holds until it is restored: never shown, but plain text should
# anything read it.
PARKED = "<!-- chronicle: this page's HTML is packed until it is rendered -->"


class ParkedHtml:
    """Packed HTML by page source (src_uri)."""

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def park(self, pages: Iterable[Page]) -> int:
        """Pack the HTML of `pages` that have one; how many were packed."""
        for page in pages:
            content = page.content
            if content:
                self._packed[page.file.src_uri] = zlib.compress(content.encode(), 1)
                page.content = PARKED
        return len(self._packed)

    @property
    def size(self) -> int:
        """Bytes of packed HTML held."""
        return sum(len(packed) for packed in self._packed.values())

    def restore(self, page: Page) -> None:
        """The page's HTML as it was parked (a page not parked is left as it is)."""
        packed = self._packed.pop(page.file.src_uri, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode()
