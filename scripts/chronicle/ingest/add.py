"""`chronicle add`: inputs → drafts → curator metadata → articles → the store.

Two phases, as in pelican: *prepare* (prepare.py: read the input, extract, resolve metadata) is
pure and runs in worker processes, one input at a time; *commit* (originals, dedupe,
near-duplicates, writes) runs in the main process only, in input order, so duplicate detection
sees every earlier article and the result does not depend on which worker finished first. One
bad input is reported and the rest go on; a failed input leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chronicle.archive.files import Flush, remove_stale_temporaries
from chronicle.archive.limits import check_limits, without_controls
from chronicle.archive.lock import archive_lock
from chronicle.archive.model import Article
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.sources import SourceRegistry, sources_near
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.again import Outcome, added_again
from chronicle.ingest.ahead import NOTHING, Ahead, Plan, prepare_ahead, warm
from chronicle.ingest.fetch import is_url
from chronicle.ingest.inputs import (
    DEFAULT_MAX_BYTES,
    Input,
    Refused,
)
from chronicle.ingest.near_duplicates import NearDuplicateIndex, remember, stored_index
from chronicle.ingest.prepare import DEFAULT_SETTINGS, Prepared, Settings, prepare_safely
from chronicle.ingest.recapture import Recaptures
from chronicle.ingest.sources import settle_source
from chronicle.ingest.workers import exit_with_parent

if TYPE_CHECKING:  # perf: enrichment (0.45 s to import) loads when an article is really added
    from chronicle.ingest.enrich import Registry

DEFAULT_JOBS = 2


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
        self._sources: SourceRegistry | None = None
        self.jobs = 1  # worker processes for long work (`add_all` sets its own)
        self.recaptures = Recaptures(store, self.originals, lambda: self.registry, self.show)

    @property
    def registry(self) -> Registry:
        """The project's entities.yml, loaded once, on the first article to add."""
        if self._registry is None:
            from chronicle.ingest.enrich import registry_near

            self._registry = registry_near(self.store.root)
        return self._registry

    @property
    def sources(self) -> SourceRegistry:
        """The project's sources.yml, loaded once, on the first article to add, as the entity
        registry is (perf: looking for the file again cost a dozen system calls an article)."""
        if self._sources is None:
            self._sources = sources_near(self.store.root)
        return self._sources

    @property
    def index(self) -> NearDuplicateIndex:
        if self._index is None:
            self._index = stored_index(self.store, self.jobs)
        return self._index

    def reread(self) -> None:
        """Forget what was read of the archive: it is read again, as it is now, when needed."""
        self.store.reread()
        self._index = None
        self.recaptures.reread()

    @contextlib.contextmanager
    def flushed_together(self) -> Iterator[None]:
        """Articles and originals written in the block reach the disk together at its end
        (`files.Flush`), not one fsync pair each."""
        batch = Flush()
        self.store.flush = self.originals.flush = batch
        try:
            yield
        finally:
            self.store.flush = self.originals.flush = None
            batch.flush()

    def save_memos(self) -> None:
        """Keep the articles and signatures this run read for the next run (and build)."""
        self.store.save_memo()
        if self._index is not None:
            with contextlib.suppress(OSError):  # as for the article memo (`save_memo`)
                self._index.save_signatures()

    def already_added(
        self, item: Input, max_bytes: int, flags: Mapping[str, Any] | None = None
    ) -> Outcome | None:
        """'unchanged' for a file whose bytes were added before as one article ('corrected'
        when `flags` or its sidecar give other curator values), else None."""
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
        return added_again(self.store, str(item), ref, flags or {}, self.show)

    def plan(self) -> Plan:
        """What workers work out ahead for this ingester (ahead.py)."""
        return Plan(self.store.root, self.store.limits, signatures=self.mode != "add")

    def commit(
        self,
        prepared: Prepared,
        flags: Mapping[str, Any] | None = None,
        aheads: tuple[Ahead, ...] = (),
    ) -> list[Outcome]:
        """Outcomes of one prepared input (`aheads`: what a worker did ahead for each of its
        articles). An OSError (the disk, not the input) is raised, after undoing this article's
        writes: stop rather than fail every later file."""
        name, pairs, failure, notes = prepared
        if pairs is None:
            return [Outcome(name, "failed", failure, warnings=notes)]
        out = []
        for n, (article, original) in enumerate(pairs):
            ahead = aheads[n] if n < len(aheads) else NOTHING
            try:
                outcome = self.commit_article(name, article, original, flags, ahead)
            except OSError:
                raise
            except ChronicleError as exc:
                outcome = Outcome(name, "failed", exc.reason, article)
            except Exception as exc:  # a bug must fail one article, not the batch
                reason = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
                outcome = Outcome(name, "failed", reason, article)
            out.append(outcome)
        if notes:  # about the input, not one of its articles: said once, with one it added
            first = next((i for i, o in enumerate(out) if o.status == "added"), 0)
            out[first] = dataclasses.replace(out[first], warnings=notes)
        return out

    def commit_article(
        self,
        name: str,
        article: Article,
        original: bytes,
        flags: Mapping[str, Any] | None = None,
        ahead: Ahead = NOTHING,
    ) -> Outcome:
        # Refused before any work on it, as storing it would be: enrichment reads the body with
        # regular expressions that take minutes over a paragraph of 90,000 '[' (measured).
        where = article.provenance.original_name if article.provenance else name
        clean = without_controls(article)
        check_limits(where, clean, self.store.limits)
        checked = article if clean is article else None  # the store need not check it again
        article = settle_source(article, self.sources, self.registry)  # sources.yml
        found = self.store.find_duplicate(article)
        if found:
            status, ref = found
            if status == "unchanged":
                self.originals.keep(original)  # heals an originals folder that lost it
            elif self.recaptures.same_page(article, ref):  # captured again, the text as it was
                status = "unchanged"
            if status == "unchanged":
                corrected = added_again(self.store, name, ref, flags or {}, self.show)
                if corrected.status != "unchanged":
                    return corrected
            return Outcome(name, status, self.show(ref.path), article)
        version, note = self.recaptures.record(name, article, original, flags or {})
        if version is not None:
            return version
        similar = self.index.similar(article.body, ahead.signature) if self.mode != "add" else []
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
            note = f"another version of {where} ({percent} similar)" + (note and f"; {note}")
        if not ahead.enriched:  # else a worker did it (ahead.py)
            from chronicle.ingest.enrich import enrich_article

            article = enrich_article(article, self.registry)
        with self.originals.keeping(original):
            result = self.store.add(article, checked=article is checked)
        stored = article.with_changes(id=result.article_id)
        if similar:
            self.store.link_versions([i for i, _ in similar], stored.id)  # both ways
        if self.mode != "add":  # "add" never asks, so never pays for reading the archive
            remember(self.store, self.index, stored.id, result.path, stored.body)
        self.recaptures.added(stored)
        return Outcome(name, "added", self.show(result.path), stored, note)


def add_all(
    ingester: Ingester,
    items: list[Input],
    flags: Mapping[str, Any],
    settings: Settings = DEFAULT_SETTINGS,
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
    ingester.jobs = jobs
    with archive_lock(ingester.store.root, on_wait):
        ingester.reread()  # what another run stored while this one waited
        for folder in (ingester.store.root, ingester.originals.root):
            remove_stale_temporaries(folder)  # a killed run's, never to be finished
        with ingester.flushed_together():
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
    known = {
        i: ingester.already_added(item, settings.max_bytes, flags) for i, item in enumerate(items)
    }
    plan = ingester.plan()
    tasks = [
        ((item, flags, settings, added), plan) for i, item in enumerate(items) if known[i] is None
    ]
    pool = None
    if jobs > 1 and len(tasks) > 1:
        warm(plan)
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(tasks)),
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        )
    try:
        # A few inputs a message: fewer round trips, the order kept.
        chunk = max(1, min(8, len(tasks) // (8 * jobs)))
        results = iter(
            pool.map(prepare_ahead, tasks, chunksize=chunk) if pool else map(prepare_ahead, tasks)
        )
        for i in range(len(items)):
            found = known[i]
            if found is None:
                prepared, aheads = next(results)
                yield from ingester.commit(prepared, flags, aheads)
            else:
                yield found
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
        outcomes = ingester.already_added(path, max_bytes, flags)
        outcomes = (
            [outcomes]
            if outcomes
            else ingester.commit(prepare_safely((path, flags, settings, added)), flags)
        )
        ingester.save_memos()
    return outcomes
