"""Articles on disk: `docs/articles/YYYY/MM/DD/<slug>.md`, Markdown with YAML front matter.

The only module that writes articles. Writes are atomic (`files.write_atomic`): an interrupted
run never leaves half a file. Duplicates are refused by the fingerprint of the normalised text.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from chronicle.archive.catalogue import (
    CATALOGUE_FILE,
    BarFactory,
    Catalogue,
    addresses_of,
    capture_keys,
)
from chronicle.archive.files import Flush, write_atomic
from chronicle.archive.front_matter import parse_yaml, split_front_matter
from chronicle.archive.limits import (
    LIMITS,
    Limits,
    check_limits,
    limits_from,
    without_controls,
)
from chronicle.archive.memo import CONFIG_FILE, ArticleMemo, articles_file, site_settings
from chronicle.archive.model import Article
from chronicle.archive.render import render_article
from chronicle.archive.schema import article_from_mapping
from chronicle.archive.stored_keys import StoredKeys, read_keys
from chronicle.errors import ChronicleError, FrontMatterError
from chronicle.text.normalize import make_slug

UNDATED = "undated"


def relative_dir(article: Article) -> Path:
    date = article.date
    if date is None:
        return Path(UNDATED)
    # As far as known: 2025/03/21, 2025/03, 2025; a span of years (`198X`) apart: 1980-1989.
    return Path(*date.filed_as.split("-")) if date.period is not None else Path(date.filed_as)


def file_slug(article: Article) -> str:
    """The slug of a new article's file name: the one its id ends with (the id is the date part
    and the slug, and an imported blog post keeps its own slug there), else the title's."""
    prefix = f"{article.date.filed_as}-" if article.date else ""
    rest = article.id[len(prefix) :] if article.id.startswith(prefix) else ""
    return rest if rest and make_slug(rest) == rest else make_slug(article.title)


@dataclass(frozen=True)
class StoredRef:
    """What dedupe needs to know about a stored article, without its body."""

    path: Path
    id: str
    sha256: str
    fingerprint: str
    locator: str = ""  # the entry or record inside a multi-article original (feed, WARC)
    captures: tuple[tuple[str, str, str], ...] = ()  # catalogue.capture_keys
    addresses: tuple[str, ...] = ()  # catalogue.addresses_of


AddStatus = Literal["added", "unchanged", "duplicate"]


@dataclass(frozen=True)
class AddOutcome:
    status: AddStatus
    path: Path
    article_id: str


def locator_of(article: Article) -> str:
    """The entry inside its original ('feed.xml#guid' → 'guid'); '' for single-article inputs."""
    name = article.provenance.original_name if article.provenance else ""
    return name.split("#", 1)[1] if "#" in name else ""


class ArticleStore:
    """The folder of stored articles (usually `docs/articles`).

    Every stored file is parsed at most once a run, through the article memo; with `cache` (the
    site's cache folder, `site_cache_folder`) that memo is the site's own, so a file parsed by
    an earlier build or command is not parsed again. Dedupe lookups are dictionaries (by
    original + locator, by text fingerprint, by id), built once from the files, so adding
    hundreds of articles stays linear.
    """

    def __init__(self, root: Path, cache: Path | None = None, limits: Limits = LIMITS) -> None:
        self.root = Path(root)
        self.cache = cache
        self.limits = limits
        self.flush: Flush | None = None  # set while a batch flushes its writes together
        self.progress: BarFactory | None = None  # a bar for long reads (the command line's)
        self.memo = ArticleMemo(None if cache is None else cache / articles_file(limits))
        # The dedupe lookups' source: ids and hashes of every file, parsing only changed ones.
        self.catalogue = Catalogue(self.root, None if cache is None else cache / CATALOGUE_FILE)
        self._read_all = False  # every stored file went through the memo in this run
        self._refs: list[StoredRef] | None = None
        self._by_original: dict[tuple[str, str], StoredRef] = {}
        self._by_fingerprint: dict[str, StoredRef] = {}
        self._by_id: dict[str, StoredRef] = {}
        self._paths: set[Path] = set()
        # perf: a run's complete scan, kept until the store writes (`add` scans twice: for the
        # dedupe lookups and for the near-duplicate index; 10,000 files: about 0.3 s each).
        self._scanned: list[tuple[Path, Article | ChronicleError]] | None = None
        self._writes = 0  # counts writes, so a scan that saw one is not kept

    @classmethod
    def of_site(cls, root: Path, flags: Mapping[str, int | None] | None = None) -> ArticleStore:
        """The store at `root`, with the limits its site sets (`limits.LIMIT_OPTIONS` in its
        mkdocs.yml), or `flags` by the same names, and sharing the site's memo (if any).
        ChronicleError for a limit set wrong."""
        project, settings = site_settings(root) or (None, {})
        cache = None
        if project is not None and settings["cache"] is True:
            cache = project / str(settings["cache_dir"])
        limits = limits_from(settings, str(project / CONFIG_FILE) if project else "")
        given = {k: v for k, v in (flags or {}).items() if v is not None}
        if given:
            ours = limits_from({**settings, **given}, "")
            cache = cache if ours == limits else None  # one run's limits: no memo of its own
            limits = ours
        return cls(root, cache, limits)

    def files(self) -> list[Path]:
        """Every stored article's file, in path order.

        perf: os.walk and string keys, not `Path.rglob` and sorting Paths: 10,000 files listed
        in 0.10–0.19 s against 0.37–1.4 s (measured twice on a loaded 2-core machine); every
        `add`, `check` and `enrich` lists them."""
        if not self.root.is_dir():
            return []
        found = [
            os.path.join(folder, name)
            for folder, _, names in os.walk(self.root)
            for name in names
            if name.endswith(".md") and not name.startswith(".")
        ]
        found.sort(key=lambda path: path.split(os.sep))  # the order Paths sort in
        return [Path(path) for path in found]

    def name(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent.parent))
        except ValueError:
            return str(path)

    def read(self, path: Path) -> Article:
        """Parse one stored file (the memo's reader; `load` is the memoised way)."""
        where = self.name(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise FrontMatterError(where, "", "the file is not UTF-8") from None
        raw, body = split_front_matter(text, where)
        return article_from_mapping(where, parse_yaml(raw, where), body, self.limits)

    def read_keys(self, path: Path) -> Article | StoredKeys:
        """What the catalogue keeps of the article in `path`, read without parsing the rest of
        its front matter; the whole article when the file is unusual (`stored_keys.read_keys`)."""
        return read_keys(path, self.name(path)) or self.read(path)

    def body(self, path: Path) -> str:
        """`load(path).body`, without parsing the front matter when no memo holds the file."""
        recent = self.catalogue.recent(path)
        if recent is not None:
            return recent.body
        if self._read_all or self.memo.holds_any():
            return self.load(path).body
        where = self.name(path)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise FrontMatterError(where, "", "the file is not UTF-8") from None
        return split_front_matter(text, where)[1]

    def load(self, path: Path) -> Article:
        """The article in `path`, parsed only if the memo does not hold this version of it."""
        return self.memo.read(path, self.read)

    def scan(self) -> Iterator[tuple[Path, Article | ChronicleError]]:
        """Every stored file with its article, or the error that it cannot be read."""
        if self._scanned is not None:
            yield from self._scanned
            return
        writes, found = self._writes, []
        for path in self.files():
            try:
                item: tuple[Path, Article | ChronicleError] = (path, self.load(path))
            except ChronicleError as exc:
                item = (path, exc)
            found.append(item)
            yield item
        self._read_all = True
        if writes == self._writes:
            self._scanned = found

    def iter_articles(self) -> Iterator[tuple[Path, Article]]:
        """Every stored article; raises the error of the first file that cannot be read."""
        for path, article in self.scan():
            if isinstance(article, ChronicleError):
                raise article
            yield path, article

    def save_memo(self) -> None:
        """Keep what this run parsed for the next run and build. Only after every stored file
        was read: the memo keeps only the entries of a run, and a partial run would drop the
        others."""
        if self._read_all:
            # A memo that cannot be written (a read-only project) costs the next run a parse,
            # not this command its result.
            with contextlib.suppress(OSError):
                self.memo.save()
        self.catalogue.save()

    def reread(self) -> None:
        """Forget the dedupe lookups, to build them again from the files as they are now (after
        waiting for another writer); the memo still spares parsing unchanged files."""
        self._refs = None
        self._scanned = None
        self._by_original.clear()
        self._by_fingerprint.clear()
        self._by_id.clear()
        self._paths.clear()

    def refs(self) -> list[StoredRef]:
        if self._refs is None:
            self._refs = []
            # With no article memo to read them from, changed files are read for their keys
            # only (stored_keys.py), not parsed whole.
            light = None if self.memo.holds_any() else self.read_keys
            entries = self.catalogue.refresh(self.read, self.iter_articles, light, self.progress)
            for path, e in entries:
                ref = StoredRef(
                    path, e.id, e.sha256, e.fingerprint, e.locator, e.captures, e.addresses
                )
                self._remember_ref(ref)
        return self._refs

    def _remember(self, path: Path, article: Article) -> None:
        prov = article.provenance
        ref = StoredRef(
            path,
            article.id,
            prov.sha256 if prov else "",
            prov.fingerprint if prov else "",
            locator_of(article),
            capture_keys(article),
            addresses_of(article),
        )
        self._remember_ref(ref)

    def _remember_ref(self, ref: StoredRef) -> None:
        path = ref.path
        assert self._refs is not None
        self._refs.append(ref)
        if ref.sha256:
            self._by_original.setdefault((ref.sha256, ref.locator), ref)
        if ref.fingerprint:
            self._by_fingerprint.setdefault(ref.fingerprint, ref)
        self._by_id.setdefault(ref.id, ref)
        self._paths.add(path)
        # An earlier capture of the article's address is this article too: adding its original
        # or its text again finds the article.
        for sha256, locator, fingerprint in ref.captures:
            self._by_original.setdefault((sha256, locator), ref)
            if fingerprint:
                self._by_fingerprint.setdefault(fingerprint, ref)

    def find_duplicate(self, article: Article) -> tuple[AddStatus, StoredRef] | None:
        """'unchanged': this very original (and entry) was added before; 'duplicate': the same
        text came from another original."""
        self.refs()
        prov = article.provenance
        if prov is None:
            return None
        ref = self._by_original.get((prov.sha256, locator_of(article)))
        if ref:
            return "unchanged", ref
        ref = self._by_fingerprint.get(prov.fingerprint) if prov.fingerprint else None
        return ("duplicate", ref) if ref else None

    def find_original(self, sha256: str, locator: str = "") -> StoredRef | None:
        """The article added from this original (and entry), if any."""
        self.refs()
        return self._by_original.get((sha256, locator))

    def by_id(self, article_id: str) -> StoredRef | None:
        self.refs()
        return self._by_id.get(article_id)

    def path_for(self, article: Article) -> Path:
        folder = self.root / relative_dir(article)
        slug = file_slug(article)
        path = folder / f"{slug}.md"
        self.refs()
        n = 2
        while path in self._paths or path.exists():
            path = folder / f"{slug}-{n}.md"
            n += 1
        return path

    def add(self, article: Article, *, checked: bool = False) -> AddOutcome:
        """Write a new article; an identical input is 'unchanged', the same text 'duplicate'.
        Control characters are taken out of its text; an article over a limit is refused
        (FrontMatterError), as reading it back would be. `checked`: the caller found this very
        article free of control characters and within `self.limits` (perf: `chronicle add`
        checks each article before any work on it, and most reach here unchanged)."""
        if not checked:
            article = without_controls(article)
        where = article.provenance.original_name if article.provenance else ""
        if not article.title.strip():  # e.g. a title of control characters only
            raise FrontMatterError(where, "title", "nothing is left once control characters go")
        if not checked:
            check_limits(where, article, self.limits)
        found = self.find_duplicate(article)
        if found:
            status, ref = found
            return AddOutcome(status, ref.path, ref.id)
        path = self.path_for(article)
        if path.stem != file_slug(article):
            article = article.with_changes(id=f"{article.id}-{path.stem.rsplit('-', 1)[-1]}")
        self.write(path, article)
        self._remember(path, article)
        return AddOutcome("added", path, article.id)

    def write(self, path: Path, article: Article) -> None:
        self._written()
        write_atomic(path, render_article(article), flush=self.flush)
        self.catalogue.record(path, article)

    def rewrite(self, path: Path, article: Article) -> None:
        """Write a stored article that gained a capture (recapture.py): its new original and
        text now find it, as its first ones do."""
        self.write(path, article)
        self._remember(path, article)

    def link_versions(self, ids: list[str], new_id: str) -> None:
        """Name `new_id` among the `other_versions` of each stored article in `ids`: a new
        near-duplicate names them, and they name it back."""
        for article_id in ids:
            ref = self.by_id(article_id)
            if ref is None:
                continue
            existing = self.load(ref.path)
            if new_id not in existing.other_versions:
                versions = (*existing.other_versions, new_id)
                self.write(ref.path, existing.with_changes(other_versions=versions))

    def _written(self) -> None:
        self._writes += 1
        self._scanned = None

    def move(self, old: Path, article: Article) -> Path:
        """Write `article` (its date changed) into its date's folder under the same file name
        (numbered if that is taken), then delete `old`: a crash in between leaves both files,
        never none. The new path."""
        folder = self.root / relative_dir(article)
        if folder == old.parent:
            self.write(old, article)
            return old
        path, n = folder / old.name, 2
        while path.exists():
            path = folder / f"{old.stem}-{n}.md"
            n += 1
        self.write(path, article)
        self.remove(old)
        return path

    def remove(self, path: Path) -> None:
        """Delete a stored article's file and the date folders it leaves empty."""
        self._written()
        path.unlink(missing_ok=True)
        self.catalogue.forget(path)
        folder = path.parent
        while folder != self.root and folder.is_relative_to(self.root):
            try:
                folder.rmdir()
            except OSError:
                break
            folder = folder.parent
        # The lookups are made again from the files when next asked.
        self._refs = None
        self._by_original, self._by_fingerprint, self._by_id = {}, {}, {}
        self._paths = set()
