"""The build cache: converted article bodies and whole rendered pages, kept between builds.

MkDocs converts every page's Markdown and renders every template on every build. Most of a
rebuild after adding one article repeats work whose inputs did not change, so results are
stored under a key that is a digest of *all* their inputs and reused when the key matches.
A key that misses something an output depends on would serve a stale page; a key that includes
too much only costs a rebuild. So keys err on the side of including more, and
`tests/test_incremental.py` compares an incremental build with a clean one byte for byte.

Entries are files under `<project>/.cache/chronicle/<kind>/<key[:2]>/<key>`: one file per
entry, so a rebuild reads only what it uses and writes only what changed. Entries not used by a
build are deleted at its end, so the cache holds one build's worth and never grows without bound.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from chronicle.archive.files import write_atomic
from chronicle.site.build.keys import digest

# Folders of the cache that are not entries and prune themselves: Jinja's bytecode cache, and
# the Pagefind shards kept by digest (search.write_bundle).
SELF_MANAGED = ("jinja", "pagefind-shards")
LONG_TEXT = 128  # characters: a fingerprint text longer than this is kept as its digest


class Fingerprinter:
    """A stable text for a template context value, for use in a cache key.

    `repr` of the values would do, but a listing page holds fifty articles with their bodies;
    objects seen before (the same article on many pages) are fingerprinted once per build.
    Values without a stable text (an object that prints its memory address) make keys that never
    repeat: always a miss, never a wrong page.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[object, str]] = {}
        self._once: dict[int, tuple[object, str]] = {}  # see `pin`
        self._scoped: list[int] | None = None  # see `scoped`

    def __call__(self, value: Any) -> str:
        kind = type(value)
        if kind in _PLAIN:
            return repr(value)
        key = id(value)
        if self._once:
            pinned = self._once.pop(key, None)
            if pinned is not None and pinned[0] is value:
                return pinned[1]
        hit = self._memo.get(key)
        if hit is not None and hit[0] is value:
            return hit[1]
        text = self._compute(value)
        if _frozen(kind):
            # Only frozen values: a list or dict could change between two pages. The memo keeps
            # `value` alive, so its id cannot be reused by another object during the build.
            self._memo[key] = (value, text)
            if self._scoped is not None:
                self._scoped.append(key)
        return text

    @contextlib.contextmanager
    def scoped(self) -> Iterator[None]:
        """Forget, at the end, the values first fingerprinted inside: those of one page's own
        template context, made for that page alone. mem: the memo keeps each value alive, so an
        article page's citations, quotes and links would otherwise stay in memory until the
        build ends (about 150 MB at 10,000 articles). Values met before (the articles, the
        listings' views, fingerprinted when the build was planned) stay memoised."""
        outer, self._scoped = self._scoped, []
        try:
            yield
        finally:
            for key in self._scoped:
                self._memo.pop(key, None)
            self._scoped = outer

    def seed(self, value: object, text: str, items: tuple[str, ...] = ()) -> None:
        """Take `text` as the fingerprint of the frozen `value` (made by a Fingerprinter in an
        earlier build, see ArticleMemo), instead of making it again. And each item of its tuple
        fields `items` (an article's quotes) as `text` with the item's place: that changes with
        `value`, and so with the item, and no other item has it. perf: listings show an
        article's quotes one by one, each of which would be printed field by field again."""
        self._memo[id(value)] = (value, text)
        for field in items:
            for i, item in enumerate(getattr(value, field)):
                self._memo[id(item)] = (item, f"{text}.{field}[{i}]")

    def pin(self, value: object, text: str) -> None:
        """Take `text` as the fingerprint of `value` (a dict or list, not frozen) the next time
        it is asked for, and only then: a generated page's context, fingerprinted when the
        build is planned and again for its page key when it is rendered, unchanged in between.
        Once only, because after that the page adds to it (the stored page on a cache hit)."""
        self._once[id(value)] = (value, text)

    def _compute(self, value: Any) -> str:
        if isinstance(value, dict):
            items = ",".join(f"{self(k)}:{self(v)}" for k, v in value.items())
            return "{" + items + "}"
        if isinstance(value, (list, tuple)):
            return "[" + ",".join([self(v) for v in value]) + "]"
        # Field by field, frozen or not: a frozen value inside (an article in its entry) is then a
        # memo hit, also when its text was seeded from an earlier build (`seed`).
        names = _field_names(type(value))
        if names is not None:
            fields = ",".join([f"{name}={self(getattr(value, name))}" for name in names])
            text = f"{type(value).__qualname__}({fields})"
            # Long texts (an article with its body) are replaced by their digest. mem: the memo
            # keeps one text per frozen value for the whole build (700,000 at 10,000 articles:
            # 280 MB with texts up to 512 characters), so anything longer than a digest is one.
            return text if len(text) < LONG_TEXT else f"{type(value).__qualname__}#{digest(text)}"
        return repr(value)


# Values printed as they are (`repr`): exact types only, so a subclass with its own `repr`
# (an enum of ints, say) goes the long way like any other object.
_PLAIN = frozenset({type(None), str, int, float, bool})


@functools.cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass type's field names, in order (None for any other type). perf: asked for
    hundreds of thousands of times a build; `dataclasses.fields` builds the list every time."""
    if not dataclasses.is_dataclass(kind):
        return None
    return tuple(f.name for f in dataclasses.fields(kind))


@functools.cache
def _frozen(kind: type) -> bool:
    params = getattr(kind, "__dataclass_params__", None)
    return params is not None and bool(params.frozen)


FRAME = "chronicle-cache-entry "


def frame(text: str) -> str:
    """An entry as stored: a first line with its length, then `text`."""
    return f"{FRAME}{len(text)}\n{text}"


def unframe(stored: str) -> str | None:
    """The text of a stored entry; None when it is not whole (see BuildCache.put): no first
    line or another length (cut short), or a NUL (never in a page or in JSON, but what a block
    that never reached the disk reads as)."""
    head, _, text = stored.partition("\n")
    if not head.startswith(FRAME) or head[len(FRAME) :] != str(len(text)) or "\0" in text:
        return None
    return text


class BuildCache:
    """Content-addressed text entries in a folder; `None` as the folder disables it."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.used: set[tuple[str, str]] = set()
        self.hits = 0
        self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, kind: str, key: str) -> Path:
        assert self.root is not None
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> str | None:
        if self.root is None:
            return None
        self.used.add((kind, key))
        try:
            text = unframe(self._path(kind, key).read_text(encoding="utf-8"))
        except (FileNotFoundError, UnicodeDecodeError):
            text = None
        if text is None:
            self.misses += 1
            return None
        self.hits += 1
        return text

    def put(self, kind: str, key: str, text: str) -> None:
        if self.root is None:
            return
        self.used.add((kind, key))
        # Not durable (no fsync): the cache is one build's worth of outputs, made again when
        # lost, and a cache entry is written for every page (measured here: 0.17 ms a write,
        # 0.62 ms with fsync; some 200,000 entries at 100,000 articles). So a crash can leave
        # an entry empty, cut short or full of zeros (renamed, its data never on the disk):
        # `frame` lets `get` take any of those for a miss.
        write_atomic(self._path(kind, key), frame(text), durable=False)

    def prune(self) -> int:
        """Delete the entries this build did not use; returns how many."""
        if self.root is None or not self.root.is_dir():
            return 0
        removed = 0
        for kind_dir in self.root.iterdir():
            if not kind_dir.is_dir() or kind_dir.name in SELF_MANAGED:
                continue
            for shard in kind_dir.iterdir():
                for entry in shard.iterdir():
                    if (kind_dir.name, entry.name) not in self.used:
                        entry.unlink(missing_ok=True)
                        removed += 1
        return removed

    def clear(self) -> None:
        if self.root is not None and self.root.exists():
            shutil.rmtree(self.root)
