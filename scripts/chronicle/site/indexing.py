"""One build's Pagefind index: which search records it is made from, and when it is written.

Each article's record is its text as rendered (`add`, from `on_page_content`). The bundle is
written into the site (also under `mkdocs serve`, whose site_dir is a temporary folder) by
Pagefind's processes in a thread, one shard of years each (search.write_bundle): started in
`on_env` once every page is converted (`start`), or, after a small change, as soon as the
articles are read (`start_early`); `on_post_build` waits for it (`wait`). With the cache on,
unchanged articles contribute the records stored when they were last rendered (`keep`), and
only shards whose records changed are indexed again.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files

from chronicle.archive.files import write_atomic
from chronicle.archive.front_matter import split_front_matter
from chronicle.archive.index import Entry
from chronicle.archive.memo import PickleMemo
from chronicle.errors import ChronicleError
from chronicle.site.build.incremental import Incremental, site_file
from chronicle.site.build.keys import record_key
from chronicle.site.build.pagecache import convert_ahead
from chronicle.site.build.parallel import BackgroundTask, available_cores
from chronicle.site.config import ChronicleConfig
from chronicle.site.labels import labels_for
from chronicle.site.sanitize import clean_html
from chronicle.site.search import (
    LateRecords,
    SearchRecord,
    Shard,
    html_to_text,
    packed,
    record_for,
    write_bundle,
)
from chronicle.text.counts import counted
from chronicle.text.normalize import language_code

log = get_plugin_logger(__name__)
PAGEFIND_DIR = "pagefind"
# perf: when at most this many articles are new or edited since the last build, the search
# index starts before the incremental plan (`start_early`), their records guessed; with more,
# after MkDocs has converted every page (their guesses would cost as much as waiting).
EARLY_SEARCH_MAX_GUESSES = 50
RECORDS_FILE = "search-records.pickle"  # in the cache folder: articles' search records by key


def entry_record_key(incremental: Incremental, entry: Entry) -> str:
    """What an article's search record is made from: the article (its text, metadata and
    address) and the site-wide salt (Markdown settings, Chronicle's code). Not its page's
    key, which also holds its neighbours: their change leaves its record as it was."""
    return record_key(incremental.salt, incremental.fingerprint(entry))


class SearchIndex:
    """The records of one build and the thread that writes them into the site's bundle.
    `memo` holds every article's record as last rendered, by `entry_record_key` (with the cache)."""

    def __init__(
        self,
        options: ChronicleConfig,
        config: MkDocsConfig,
        entries: dict[str, Entry],
        incremental: Incremental | None,
        memo: PickleMemo,
    ) -> None:
        self.options, self.config = options, config
        self.labels = labels_for(config.theme.get("language"))  # the dates results show
        self.entries = entries  # src_uri → entry
        self.incremental = incremental
        self.memo = memo
        # An article without a language is indexed in the site's.
        self.language: str = config.theme.get("language") or "en"
        self.records: list[SearchRecord] = []  # of the pages rendered in this build
        # perf: records of the article pages the incremental plan skips, from the memo
        self.kept: dict[str, SearchRecord] = {}
        self._keys: dict[str, str] = {}  # src_uri → entry_record_key, made once a build
        self._task: BackgroundTask | None = None
        self._late: LateRecords | None = None  # records an early-started index waits for
        self._owner = os.getpid()  # the process whose records are indexed (not a helper's)

    def key(self, src: str) -> str:
        key = self._keys.get(src)
        if key is None:
            assert self.incremental is not None
            key = self._keys[src] = entry_record_key(self.incremental, self.entries[src])
        return key

    def start_early(self, files: Files) -> None:
        """Start the index now, before the incremental plan, when the records of all but a few
        articles are known from the last build (a rebuild after a small change): those of new
        or edited articles are guessed (search.LateRecords). Otherwise it starts in `start`,
        once MkDocs has converted every page."""
        records, late = [], []
        for src in sorted(self.entries):
            record = self.memo.get(self.key(src))
            if isinstance(record, SearchRecord):
                records.append(record)
            else:
                late.append(src)
                if len(late) > EARLY_SEARCH_MAX_GUESSES:
                    return
        guesses = [self._guess(src, files) for src in late]
        if any(guess is None for guess in guesses):
            return
        known = [g for g in guesses if g is not None]
        self._late = LateRecords(known)
        self._task = BackgroundTask(partial(self._write, [*records, *known], self._late))

    def _guess(self, src: str, files: Files) -> SearchRecord | None:
        file = files.get_file_from_path(src)
        if file is None or file.abs_src_path is None:
            return None
        try:
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            html_text = convert_ahead(
                file, split_front_matter(text, src)[1], config=self.config, files=files
            )
        except Exception:  # only a guess: MkDocs converts the page itself and reports errors
            return None
        text = html_to_text(clean_html(html_text))
        record = record_for(
            self.entries[src], text, default_language=self.language, labels=self.labels
        )
        return packed(record)  # compared with the one MkDocs makes, packed as `add` packs it

    def keep(self, plan: Incremental) -> None:
        """The records of the article pages MkDocs will skip, stored when they were last
        rendered. A page whose record is missing is rebuilt."""
        for src in sorted(plan.kept & self.entries.keys()):
            record = self.memo.get(self.key(src))
            if isinstance(record, SearchRecord):
                self.kept[src] = record
            else:
                plan.rebuild(src)

    def add(self, src: str, cleaned_html: str) -> None:
        """The record of an article page as rendered in this build."""
        if os.getpid() != self._owner:
            return  # a forked helper converting ahead (parallel.py): MkDocs makes the record
        # Plain text only, packed (search.packed): the indexer never re-parses the page.
        record = packed(
            record_for(
                self.entries[src],
                html_to_text(cleaned_html),
                default_language=self.language,
                labels=self.labels,
            )
        )
        self.records.append(record)
        if self.incremental is not None:  # perf: so a later build may skip this page
            self.memo.put(self.key(src), record)

    def start(self) -> None:
        """Every record is known once every page is converted: the index is written by
        Pagefind's processes while MkDocs renders the pages, not after."""
        if self._late is not None:  # the index was started early: it waits for these
            self._late.deliver(self.records)
        else:
            records = [*self.records, *self.kept.values()]
            self._task = BackgroundTask(partial(self._write, records))

    def wait(self) -> None:
        """Until the bundle is written; re-raises what went wrong (a PluginError)."""
        task, self._task, self._late = self._task, None, None
        if task is not None:
            started = time.monotonic()
            task.result()
            log.debug(f"waited {time.monotonic() - started:.1f} s for the search index")

    def cancel(self) -> None:
        """Leave no indexer writing into the site after MkDocs gave up on it."""
        task, self._task, late, self._late = self._task, None, self._late, None
        if late is not None:
            late.cancel()  # an early-started index waiting for records stops waiting
        if task is not None:
            task.wait()

    def _write(self, records: list[SearchRecord], late: LateRecords | None = None) -> None:
        """The Pagefind bundle. With the cache on, shards whose records did not change since the
        last build into this site are kept as they are on disk (search.write_bundle); without
        it, the bundle is written from an empty folder, as a clean build does."""
        keys = None  # perf: a shard is digested by its records' keys (search.shard_digest)
        if self.incremental is not None:
            keys = {"/" + e.url.lstrip("/"): self.key(s) for s, e in self.entries.items()}
        bundle = Path(self.config.site_dir) / PAGEFIND_DIR
        digests = self._shard_digests_path()
        previous: dict[str, str] = {}
        if digests is None:
            shutil.rmtree(bundle, ignore_errors=True)
        else:
            previous = _read_json(digests)
            # Forgotten before anything is written: a build that fails half-way through leaves
            # no digest claiming a shard it may have half rewritten.
            digests.unlink(missing_ok=True)
        started = time.monotonic()
        try:
            shards = write_bundle(
                records,
                bundle,
                max_articles=self.options.search_shard_size,
                small_year=self.options.search_small_year,
                split_year=self.options.search_split_year,
                previous=previous,
                store=None if digests is None else digests.parent / "pagefind-shards",
                jobs=self.options.search_jobs or min(available_cores(), 4),
                late=late,
                keys=keys,
                site_language=language_code(self.language) or "en",
            )
        except ChronicleError as exc:
            raise PluginError(f"Chronicle search: {exc}") from None
        if digests is not None:
            _write_json(digests, {s.path: s.digest for s in shards})
        reused = sum(s.reused for s in shards)  # kept in place or copied from the cache
        log.info(
            f"search: {counted(len(records), 'article')}, {counted(len(shards), 'shard')}, "
            f"{len(shards) - reused} indexed with Pagefind, {reused} unchanged "
            f"({time.monotonic() - started:.1f} s{_peak(shards)})"
        )

    def _shard_digests_path(self) -> Path | None:
        """`<cache>/search-shards-<site>.json`, one per site folder (like incremental.Manifest)."""
        if not self.options.cache:
            return None
        project = Path(self.config.config_file_path or ".").parent
        return site_file(project / self.options.cache_dir, "search-shards", self.config.site_dir)


def _peak(shards: list[Shard]) -> str:
    """The largest indexer's peak memory, for the build log (Pagefind's memory grows with the
    articles of a shard: this is what `search_shard_size` and `search_jobs` trade against)."""
    peaks = [s.peak_rss_mb for s in shards if s.peak_rss_mb is not None]
    return f", largest indexer peaked at {max(peaks):.0f} MB" if peaks else ""


def _read_json(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, str]) -> None:
    write_atomic(path, json.dumps(data, sort_keys=True))
