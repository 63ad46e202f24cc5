"""Generated pages whose views are made only when they are built.

perf: an incremental build keys each generated page by the fingerprint of its whole context
(incremental.py). After one article is added to 10,000, making every entity's, topic's and
source's pages (charts, later pages, timelines) and fingerprinting them took seconds, to find
nearly all of them up to date. Such a set of pages is made from a few inputs (a `Recipe`:
entity_pages.EntityPages, group_pages.GroupPages); so the last build's fingerprints of its
pages are kept (`<cache>/lazy-pages-NN.pickle`) under the digest of the site salt and those
inputs' fingerprints. When that digest is found again, the pages are planned with the kept
fingerprints and their views are made only if one of them is built after all (its output gone,
or in the navigation). Sound because a recipe's views are a pure function of its inputs and of
what the salt covers: equal inputs, equal views, equal fingerprints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from chronicle.archive.memo import PickleMemo
from chronicle.site.build.keys import digest
from chronicle.site.labels import Labels
from chronicle.site.views import View

LAZY_PAGES_FILE = "lazy-pages.pickle"


class Recipe(Protocol):
    """A set of pages made from `inputs` (and what the site salt covers) alone."""

    def inputs(self) -> tuple[object, ...]: ...

    def views(self, L: Labels) -> list[View]: ...


class LazyViews:
    """The generated pages by src_uri; a recipe's pages are made on the first `get` of one."""

    def __init__(self, labels: Labels) -> None:
        self.labels = labels
        self._views: dict[str, View] = {}
        self._lazy: dict[str, Recipe] = {}  # src_uri → the pages it is one of

    def add(self, view: View) -> None:
        self._views[view.src_uri] = view

    def add_lazy(self, src_uri: str, pages: Recipe) -> None:
        self._lazy[src_uri] = pages

    def is_made(self, src_uri: str) -> bool:
        return src_uri in self._views

    def get(self, src_uri: str) -> View | None:
        view = self._views.get(src_uri)
        if view is None and src_uri in self._lazy:
            for made in self._lazy[src_uri].views(self.labels):
                # Only those added lazily: one whose address a curator's file has is not ours.
                if self._lazy.pop(made.src_uri, None) is not None:
                    self._views[made.src_uri] = made
            view = self._views.get(src_uri)
        return view

    def __contains__(self, src_uri: object) -> bool:
        return src_uri in self._views or src_uri in self._lazy

    def __len__(self) -> int:
        return len(self._views) + len(self._lazy)


class LazyPagesMemo:
    """Each recipe's pages and their fingerprints, by the digest of what they are made from."""

    def __init__(self, memo: PickleMemo, salt: str, fingerprint: Callable[[object], str]) -> None:
        self.memo = memo
        self.salt = salt
        self.fingerprint = fingerprint
        self._keys: dict[str, str] = {}  # src_uri → its recipe's key, for `record`
        self._pages: dict[str, list[str]] = {}  # key → the src_uris of its pages, in order
        self._texts: dict[str, str] = {}  # src_uri → fingerprint, this build's

    def key(self, pages: Recipe) -> str:
        return digest(self.salt, type(pages).__qualname__, self.fingerprint(pages.inputs()))

    def known(self, key: str) -> list[tuple[str, str]] | None:
        """The pages (src_uri, fingerprint) the same inputs made in the last build; None when
        they are not known."""
        kept = self.memo.get(key)
        if not isinstance(kept, tuple):
            return None
        self._texts.update(kept)
        return list(kept)

    def expect(self, key: str, srcs: list[str]) -> None:
        """This build's pages of `key`: kept for the next once each one's fingerprint is
        known (`record`)."""
        self._pages[key] = srcs
        for src in srcs:
            self._keys[src] = key

    def text(self, src_uri: str) -> str | None:
        """The kept fingerprint of a page planned lazily."""
        return self._texts.get(src_uri)

    def record(self, src_uri: str, text: str) -> None:
        if src_uri in self._keys:
            self._texts[src_uri] = text

    def save(self) -> PickleMemo:
        """Keep the pages whose fingerprints were all made or found in this build (a page
        a curator's file replaced is never planned: its recipe is made anew every build).
        Returns the memo, for the shelf to save."""
        for key, srcs in self._pages.items():
            texts = [self._texts.get(src) for src in srcs]
            if srcs and all(t is not None for t in texts):
                self.memo.put(key, tuple(zip(srcs, texts, strict=True)))
        return self.memo


def add_lazy_pages(
    recipes: Iterable[Recipe],
    views: LazyViews,
    memo: LazyPagesMemo | None,
    generate: Callable[[str], bool],
) -> None:
    """Each recipe's pages: made now, or, when `memo` knows their inputs, added to be made if
    one of them is built. `generate(src)` adds a page's file; False: a curator's file is there."""
    for pages in recipes:
        key = memo.key(pages) if memo is not None else ""
        known = memo.known(key) if memo is not None else None
        if known is None:
            made = pages.views(views.labels)
            srcs = [v.src_uri for v in made]
            for view in made:
                if generate(view.src_uri):
                    views.add(view)
        else:
            srcs = [src for src, _ in known]
            for src in srcs:
                if generate(src):
                    views.add_lazy(src, pages)
        if memo is not None:
            memo.expect(key, srcs)
