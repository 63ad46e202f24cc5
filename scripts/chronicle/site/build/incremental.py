"""Incremental builds: after one article is added, rebuild only the pages it affects.

`chronicle build` runs `mkdocs build --dirty`. In that mode MkDocs keeps `site/` and skips a page
whose output file is newer than its source, which alone would leave neighbours' previous/next
links and listings stale. So before MkDocs looks (in `on_files`), Chronicle decides for every
page:

- an article page, and a page Chronicle generates (date archives, topics, sources, people,
  organisations, places, quotes), is kept only when its *input key* is the one recorded when
  its output was written: a digest of its Chronicle template context, or of what that context
  is made from (for an article: the article, its two neighbours in time and the registry
  entries it links to, `article_page.article_inputs`; for a listing: its whole context, its
  `View` with every entry it lists), and the site salt (`keys.site_salt`:
  the templates, mkdocs.yml, the non-article files in docs/, the entity registry, Chronicle's
  own code and the versions of every package in `keys.PACKAGES`). Otherwise its output file is
  deleted, and MkDocs builds it again. Data a page shows from anywhere else must be added to its
  context or to the site salt. Generated pages are backed by an empty file on disk
  (`File.generated(abs_src_path=…)`, not in-memory content) so that MkDocs' `--dirty` check
  can skip them at all;
- every other page (home, search, guide pages) is always built: there are few of them, and
  the build cache (pagecache.py) makes most of them cheap;
- outputs of files that no longer exist (a deleted article, a day that lost its last article,
  an entity nobody mentions any more, a deleted image) are removed after the build.

MkDocs' `--dirty` skips a page only if it is unchanged on disk, and Chronicle only ever *adds*
pages to rebuild, so a plain `mkdocs build` (which cleans `site/`) and `chronicle build` produce
the same site. When Material's own search plugin is on, nothing is skipped: its index only
holds the pages built in this run. Chronicle's Pagefind search does not need that: each
article's search record is stored in the build cache under its record key (`keys.record_key`),
and a skipped page's record is read from there (indexing.SearchIndex.keep).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from chronicle.archive.files import remove_stale_temporaries, write_atomic
from chronicle.site.build.cache import Fingerprinter
from chronicle.site.build.keys import output_key, site_tag

DIRTY_WARNING = "A 'dirty' build is being performed"
STALE_NOTE = "The directory contains stale files"


class QuietDirtyWarning(logging.Filter):
    """MkDocs warns that a dirty build may leave stale links; Chronicle's dirty builds rebuild
    every page a change affects, so the warning would be wrong (and fail `--strict`). With the
    build cache on, the outputs of pages that are gone are removed after the build (see
    `Incremental.finish`), so MkDocs' note that site/ "contains stale files" is wrong too."""

    def __init__(self) -> None:
        super().__init__()
        self.removes_stale = False  # set for each build: the cache can be switched off

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith(DIRTY_WARNING):
            return False
        return not (self.removes_stale and message.startswith(STALE_NOTE))


def install_warning_filter(removes_stale: bool) -> None:
    """Quiet MkDocs' dirty-build messages; `removes_stale`: this build removes stale outputs."""
    logger = logging.getLogger("mkdocs.commands.build")
    quiet = next((f for f in logger.filters if isinstance(f, QuietDirtyWarning)), None)
    if quiet is None:
        quiet = QuietDirtyWarning()
        logger.addFilter(quiet)
    quiet.removes_stale = removes_stale


SITES_FILE = "sites.json"


def site_file(cache_dir: Path, stem: str, site_dir: str) -> Path:
    """`<cache>/<stem>-<site>.json`: what the cache knows about one site folder.

    `mkdocs serve` builds into a new temporary folder in every session and deletes it at the
    end, so such files would pile up: `<cache>/sites.json` lists the folders seen, and the files
    of folders that no longer exist are removed here."""
    site = os.path.abspath(site_dir)
    tag = site_tag(site)
    index_path = cache_dir / SITES_FILE
    try:
        known = json.loads(index_path.read_text(encoding="utf-8"))
        known = known if isinstance(known, dict) else {}
    except (FileNotFoundError, ValueError):
        known = {}
    gone = [t for t, folder in known.items() if t != tag and not os.path.isdir(str(folder))]
    for old_tag in gone:
        for path in cache_dir.glob(f"*-{old_tag}.json"):
            path.unlink(missing_ok=True)
        del known[old_tag]
    if known.get(tag) != site or gone:
        known[tag] = site
        write_atomic(index_path, json.dumps(known, sort_keys=True))
    return cache_dir / f"{stem}-{tag}.json"


class Manifest:
    """`<cache>/outputs-<site>.json`: for each output Chronicle made, the key it was made from
    and the cache entries it used (kept alive while the page is skipped)."""

    VERSION = 2

    def __init__(self, cache_dir: Path, site_dir: str) -> None:
        self.path = site_file(cache_dir, "outputs", site_dir)
        self.previous: dict[str, str] = {}
        self.previous_cache: dict[str, list[list[str]]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") == self.VERSION:
                self.previous, self.previous_cache = data["outputs"], data["cache"]
        except (FileNotFoundError, ValueError, AttributeError, KeyError):
            pass  # no manifest or an older one: nothing is known to be up to date
        self.current: dict[str, str] = {}
        self.cache: dict[str, list[list[str]]] = {}

    def save(self) -> None:
        data = {"version": self.VERSION, "outputs": self.current, "cache": self.cache}
        write_atomic(self.path, json.dumps(data, sort_keys=True))


class Unfinished:
    """`<cache>/building-<site>.json`, there while a build writes the site: found by the next
    build, it says the last one was stopped (killed, or failed) before its end.

    Every file the site gets is written whole (`write_atomic`, or a page deleted first and
    unknown to the manifest until the build ends), but a killed writer leaves its temporary
    file (`.NAME.XXXX.tmp`) in site/, which no build would ever remove. Only then is site/
    walked for them: a walk of every build's 100,000 files would cost each build time."""

    def __init__(self, cache_dir: Path, site_dir: str) -> None:
        self.path = site_file(cache_dir, "building", site_dir)
        self.site = Path(site_dir)
        self.stopped = False  # the last build was: see begin

    def begin(self) -> int:
        """Note that a build begins; how many temporary files the last, stopped one left.

        After a stopped build no output is trusted as up to date: MkDocs writes pages in place,
        and one it was writing then is cut short, yet the manifest (saved at a build's end)
        would have it kept. Every page is written again, from the cache (see partial.py for
        the copies of static files)."""
        self.stopped = self.path.exists()
        removed = remove_stale_temporaries(self.site) if self.stopped else 0
        write_atomic(self.path, "{}", durable=False)
        return removed

    def end(self) -> None:
        self.path.unlink(missing_ok=True)


class Incremental:
    def __init__(self, config: MkDocsConfig, cache_dir: Path, salt: str, skip: bool) -> None:
        self.site = Path(config.site_dir)
        self.unfinished = Unfinished(cache_dir, config.site_dir)
        self.unfinished.begin()
        self.manifest = Manifest(cache_dir, config.site_dir)
        self.salt = salt
        self.skip = skip  # False: decide nothing is up to date (Material's search is on)
        self.fingerprint = Fingerprinter()
        self.kept: set[str] = set()  # src_uris of the pages MkDocs will skip
        self._dest: dict[str, str] = {}  # src_uri → dest_uri of the pages recorded

    def page(self, file: File, parts: Iterable[object]) -> list[str]:
        """Keep the page's output if it was made from the same inputs; else delete it. Returns
        the fingerprints of `parts`."""
        texts = [self.fingerprint(p) for p in parts]
        self.fingerprinted(file, texts)
        return texts

    def fingerprinted(self, file: File, texts: list[str]) -> bool:
        """`page` with the fingerprints of its parts already made (a page's kept ones, see
        lazyviews.py). Returns whether the page is kept."""
        key = output_key(self.salt, file.dest_uri, texts)
        self.manifest.current[file.dest_uri] = key
        self._dest[file.src_uri] = file.dest_uri
        dest = self.site / file.dest_uri
        up_to_date = self.manifest.previous.get(file.dest_uri) == key and dest.exists()
        if self.skip and up_to_date and not self.unfinished.stopped:
            self.kept.add(file.src_uri)
            return True
        dest.unlink(missing_ok=True)
        return False

    def key(self, src_uri: str) -> str:
        """The input key of a page planned in this build."""
        return self.manifest.current[self._dest[src_uri]]

    def rebuild(self, src_uri: str) -> None:
        """Do not skip this page after all (something it feeds is not at hand)."""
        self.kept.discard(src_uri)
        (self.site / self._dest[src_uri]).unlink(missing_ok=True)

    def other(self, file: File) -> None:
        """Any other page is built every time: delete its output, so `--dirty` cannot skip it.
        A page generated from in-memory content is always built by MkDocs: nothing to do."""
        self.manifest.current[file.dest_uri] = ""
        self._dest[file.src_uri] = file.dest_uri
        if file.abs_src_path is not None:
            (self.site / file.dest_uri).unlink(missing_ok=True)

    def record(self, file: File) -> None:
        """Any file this build writes (pages, static files, theme assets), so that when it is
        gone from a later build, its output is removed as a clean build would not have it."""
        self.manifest.current.setdefault(file.dest_uri, "")

    def finish(self, cache_keys: dict[str, list[tuple[str, str]]], used: set) -> int:
        """Remove outputs of pages that are gone; record this build, with the cache entries each
        page used (`cache_keys`, by src_uri). The entries of skipped pages are added to `used`,
        so pruning the cache keeps them. Returns how many outputs were removed."""
        for src, dest_uri in self._dest.items():
            if src in self.kept:
                keys = self.manifest.previous_cache.get(dest_uri, [])
                used.update((kind, key) for kind, key in keys)
            else:
                keys = [list(k) for k in cache_keys.get(src, [])]
            self.manifest.cache[dest_uri] = keys
        removed = 0
        for dest_uri in self.manifest.previous.keys() - self.manifest.current.keys():
            path = self.site / dest_uri
            if path.exists():
                path.unlink()
                removed += 1
                _remove_empty_parents(path.parent, self.site)
        self.manifest.save()
        return removed


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
