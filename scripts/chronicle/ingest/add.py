"""`chronicle add`: inputs → drafts → curator metadata → articles → the store.

Two phases, as in pelican: *prepare* (read the input, extract, resolve metadata) is pure and runs
in worker processes, one input at a time; *commit* (originals, dedupe, near-duplicates, writes)
runs in the main process only, in input order, so duplicate detection sees every earlier article
and the result does not depend on which worker finished first. One bad input is reported and the
rest go on; a failed input leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
import warnings
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.files import missing_folders, remove_empty, remove_stale_temporaries
from chronicle.archive.limits import check_limits, without_controls
from chronicle.archive.lock import archive_lock
from chronicle.archive.memo import SIGNATURES_FILE, PickleMemo
from chronicle.archive.model import Article
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError, ReaderError
from chronicle.ingest.enrich import Registry, enrich_article, registry_near
from chronicle.ingest.fetch import DEFAULT_TIMEOUT, fetch, is_url
from chronicle.ingest.inputs import (
    DEFAULT_MAX_BYTES,
    Input,
    Refused,
    read_input,
    read_sidecar,
    sidecar_for,
)
from chronicle.ingest.metadata import layer_curator, resolve
from chronicle.ingest.near_duplicates import NearDuplicateIndex
from chronicle.ingest.readers import read_bytes
from chronicle.ingest.readers.decode import EncodingAssumed
from chronicle.ingest.workers import exit_with_parent

DEFAULT_JOBS = 2


@dataclass(frozen=True)
class Outcome:
    """What happened to one input (or one article inside it)."""

    input: str
    status: str  # added | unchanged | duplicate | near-duplicate | failed
    detail: str  # path written, existing article, or the reason it failed
    article: Article | None = None
    note: str = ""  # e.g. "another version of …" for a linked near-duplicate
    # What the curator should check, e.g. "decoded as cp1252 (not UTF-8)" for a guessed encoding.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    near_duplicates: str = "link"  # link | report | add (see near_duplicates.MODES)


# --- prepare (pure, runs in workers) --------------------------------------------------------


def articles_from_bytes(
    data: bytes,
    name: str,
    curator: Mapping[str, Any],
    *,
    added: dt.datetime,
    original_url: str | None = None,
    retrieved: dt.datetime | None = None,
) -> list[tuple[Article, bytes]]:
    """Pure: original bytes + curator metadata → articles, each with the bytes it came from."""
    out = []
    for draft in read_bytes(data, name):
        own = draft.extra.get("curator", {})
        extra = {k: v for k, v in draft.extra.items() if k != "curator"}
        draft = dataclasses.replace(draft, extra=extra, retrieved=draft.retrieved or retrieved)
        original = draft.original if draft.original is not None else data
        article = resolve(
            draft,
            layer_curator(curator, own),
            original_name=Path(name).name + (f"#{draft.locator}" if draft.locator else ""),
            sha256=hashlib.sha256(original).hexdigest(),
            added=added,
            original_url=original_url,
        )
        out.append((article, original))
    return out


def prepare(
    item: Input, flags: Mapping[str, Any], settings: Settings, added: dt.datetime
) -> list[tuple[Article, bytes]]:
    """One input → its articles and originals. Raises ChronicleError for a bad input."""
    if isinstance(item, Refused):
        raise ReaderError(str(item.path), item.reason)
    if isinstance(item, str) and is_url(item):
        page = fetch(item, max_bytes=settings.max_bytes, timeout=settings.timeout)
        name = page.url.rstrip("/").rsplit("/", 1)[-1] or "page"
        return articles_from_bytes(
            page.data,
            name if "." in name else name + ".html",
            flags,
            added=added,
            original_url=page.url,
            retrieved=page.retrieved,
        )
    path = Path(item)
    sidecar = sidecar_for(path)
    try:
        own = read_sidecar(sidecar) if sidecar else {}
    except ChronicleError as exc:
        # The batch reports the input; the mistake is in the sidecar: name it.
        raise ReaderError(str(path), f"sidecar {exc.where}: {exc.reason}") from None
    curator = layer_curator(flags, own)
    data = read_input(path, settings.max_bytes)
    return articles_from_bytes(data, str(path), curator, added=added)


# (input, pairs, failure, warnings about the input)
Prepared = tuple[str, list[tuple[Article, bytes]] | None, str, tuple[str, ...]]


def prepare_safely(task: tuple[Input, Mapping[str, Any], Settings, dt.datetime]) -> Prepared:
    """`prepare` for a worker: never raises, so one bad file cannot stop the batch. What the
    readers warn about (a guessed encoding) comes back with the result, to be printed with it."""
    item = task[0]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", EncodingAssumed)
        pairs, failure = _prepare_or_fail(task)
    notes = []
    for warning in caught:
        if issubclass(warning.category, EncodingAssumed):
            notes.append(str(warning.message))
        else:  # not ours to collect: let it through as if it had not been caught
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return str(item), pairs, failure, tuple(dict.fromkeys(notes))


def _prepare_or_fail(
    task: tuple[Input, Mapping[str, Any], Settings, dt.datetime],
) -> tuple[list[tuple[Article, bytes]] | None, str]:
    try:
        return prepare(*task), ""
    except ChronicleError as exc:
        return None, exc.reason
    except RecursionError:
        return None, "the document is nested too deeply to read"
    except Exception as exc:  # a reader bug must fail one input, not the batch; say it is a bug
        return None, f"unexpected error ({type(exc).__name__}: {exc}); please report it"


# --- commit (main process only) -------------------------------------------------------------


class Ingester:
    """Commits prepared articles: originals, dedupe, near-duplicates, then the article file."""

    def __init__(
        self,
        store: ArticleStore,
        originals: OriginalsStore | None = None,
        near_duplicates: str = "link",
        registry: Registry | None = None,
        *,
        show_path: Callable[[Path], str] | None = None,
    ) -> None:
        self.store = store
        # How outcomes name article files: relative to the project by default; the command line
        # names them relative to where it was run.
        self.show = show_path or store.name
        self.originals = originals or OriginalsStore(default_location(store.root))
        self.mode = near_duplicates
        self._index: NearDuplicateIndex | None = None
        self._registry = registry

    @property
    def registry(self) -> Registry:
        """The project's entities.yml, loaded once, on the first article to add."""
        if self._registry is None:
            self._registry = registry_near(self.store.root)
        return self._registry

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            cache = self.store.cache
            signatures = PickleMemo(None if cache is None else cache / SIGNATURES_FILE)
            self._index = NearDuplicateIndex(
                ((a.id, a.body) for _, a in self.store.iter_articles()), signatures=signatures
            )
        return self._index

    def reread(self) -> None:
        """Forget what was read of the archive: it is read again, as it is now, when needed."""
        self.store.reread()
        self._index = None

    def save_memos(self) -> None:
        """Keep the articles and signatures this run read for the next run (and build)."""
        self.store.save_memo()
        if self._index is not None:
            with contextlib.suppress(OSError):  # as for the article memo (`save_memo`)
                self._index.signatures.save()

    def already_added(self, item: Input, max_bytes: int) -> Outcome | None:
        """'unchanged' for a file whose bytes were added before as one article, else None."""
        if isinstance(item, Refused) or (isinstance(item, str) and is_url(item)):
            return None
        path = Path(item)
        try:
            if not path.is_file() or path.stat().st_size > max_bytes:
                return None
            data = path.read_bytes()
        except OSError:
            return None  # prepare reports it
        ref = self.store.find_original(hashlib.sha256(data).hexdigest())
        if ref is None:
            return None
        self.originals.keep(data)  # heals an originals folder that lost it
        return Outcome(str(item), "unchanged", self.show(ref.path))

    def commit(self, prepared: Prepared) -> list[Outcome]:
        """Outcomes of one prepared input. An OSError (the disk, not the input) is raised, after
        undoing this article's writes: stop rather than fail every later file."""
        name, pairs, failure, notes = prepared
        if pairs is None:
            return [Outcome(name, "failed", failure, warnings=notes)]
        out = []
        for article, original in pairs:
            try:
                outcome = self.commit_article(name, article, original)
            except OSError:
                raise
            except ChronicleError as exc:
                outcome = Outcome(name, "failed", exc.reason, article)
            except Exception as exc:  # a bug must fail one article, not the batch
                reason = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
                outcome = Outcome(name, "failed", reason, article)
            out.append(dataclasses.replace(outcome, warnings=notes) if notes else outcome)
        return out

    def commit_article(self, name: str, article: Article, original: bytes) -> Outcome:
        # Refused before any work on it, as storing it would be: enrichment reads the body with
        # regular expressions that take minutes over a paragraph of 90,000 '[' (measured).
        where = article.provenance.original_name if article.provenance else name
        check_limits(where, without_controls(article), self.store.limits)
        found = self.store.find_duplicate(article)
        if found:
            status, ref = found
            if status == "unchanged":
                self.originals.keep(original)  # heals an originals folder that lost it
            return Outcome(name, status, self.show(ref.path), article)
        similar = self.index.similar(article.body) if self.mode != "add" else []
        note = ""
        if similar:
            others = [self.store.by_id(i) for i, _ in similar]
            first = others[0]
            where = self.show(first.path) if first else similar[0][0]
            percent = f"{similar[0][1]:.0%}"
            if self.mode == "report":
                return Outcome(
                    name,
                    "near-duplicate",
                    f"{percent} similar to {where}; not added "
                    "(--near-duplicates=link keeps it as another version)",
                    article,
                )
            article = article.with_changes(
                other_versions=tuple(
                    dict.fromkeys((*article.other_versions, *(i for i, _ in similar)))
                )
            )
            note = f"another version of {where} ({percent} similar)"
        # Entities, quotes and reading level, here in the main process: the registry is loaded
        # once, and only for articles that are really added.
        article = enrich_article(article, self.registry)
        created = missing_folders(self.originals.path_for(hashlib.sha256(original).hexdigest()))
        sha, new = self.originals.keep(original)
        try:
            result = self.store.add(article)
        except BaseException:
            if new:  # leave nothing behind: the original and the folders made for it
                self.originals.forget(sha)
                remove_empty(created)
            raise
        stored = article.with_changes(id=result.article_id)
        if similar:
            self._link_back(stored.id, [i for i, _ in similar])
        if self.mode != "add":  # "add" never asks, so never pays for reading the archive
            self.index.add(stored.id, stored.body)
        return Outcome(name, "added", self.show(result.path), stored, note)

    def _link_back(self, new_id: str, ids: list[str]) -> None:
        """Record the new article in each older version's `other_versions` (both ways)."""
        for article_id in ids:
            ref = self.store.by_id(article_id)
            if ref is None:
                continue
            existing = self.store.load(ref.path)
            if new_id not in existing.other_versions:
                self.store.write(
                    ref.path,
                    existing.with_changes(other_versions=(*existing.other_versions, new_id)),
                )


def add_all(
    ingester: Ingester,
    items: list[Input],
    flags: Mapping[str, Any],
    settings: Settings = Settings(),
    *,
    jobs: int = DEFAULT_JOBS,
    now: dt.datetime | None = None,
    on_progress: Callable[[], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Add every input, preparing in `jobs` worker processes; outcomes in input order.

    A file whose exact bytes are already in the archive is reported unchanged without being
    extracted again, so re-running `chronicle add inbox/` costs a hash per file, not a parse.
    The archive is locked for the whole run (`archive_lock`; `on_wait` hears when another run
    holds it), so two runs at once store each article once.
    """
    added = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    with archive_lock(ingester.store.root, on_wait):
        ingester.reread()  # what another run stored while this one waited
        for folder in (ingester.store.root, ingester.originals.root):
            remove_stale_temporaries(folder)  # a killed run's, never to be finished
        yield from _add_locked(ingester, items, flags, settings, jobs, added, on_progress)


def _add_locked(
    ingester: Ingester,
    items: list[Input],
    flags: Mapping[str, Any],
    settings: Settings,
    jobs: int,
    added: dt.datetime,
    on_progress: Callable[[], None] | None,
) -> Iterator[Outcome]:
    known = {i: ingester.already_added(item, settings.max_bytes) for i, item in enumerate(items)}
    tasks = [(item, flags, settings, added) for i, item in enumerate(items) if known[i] is None]
    pool = (
        ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)),
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        )
        if jobs > 1 and len(tasks) > 1
        else None
    )
    try:
        results = iter(pool.map(prepare_safely, tasks) if pool else map(prepare_safely, tasks))
        for i in range(len(items)):
            found = known[i]
            yield from [found] if found is not None else ingester.commit(next(results))
            if on_progress:
                on_progress()
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    ingester.save_memos()


def add_path(
    store: ArticleStore,
    path: Path,
    flags: Mapping[str, Any],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    now: dt.datetime | None = None,
    originals: OriginalsStore | None = None,
    near_duplicates: str = "link",
    registry: Registry | None = None,
) -> list[Outcome]:
    """Add one input file in this process; never raises for a bad input."""
    ingester = Ingester(store, originals, near_duplicates, registry)
    settings = Settings(max_bytes=max_bytes, near_duplicates=near_duplicates)
    added = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    with archive_lock(store.root):
        ingester.reread()
        outcomes = ingester.commit(prepare_safely((path, flags, settings, added)))
        ingester.save_memos()
    return outcomes
