"""The MkDocs plugin: stored articles in, archive pages out. Thin: the work is in archive.py,
pages.py and the templates.

Order of events:
- `on_config` adds Chronicle's templates to the theme's search path.
- `on_files` (late, so other plugins' files exist) reads every article once, builds the archive
  indexes and generates the derived pages with `File.generated`, before anything is rendered, so
  every page can link to every other.
- `on_page_read_source` hands MkDocs the article body without its front matter (already parsed
  and validated here), `on_page_markdown` sets each page's template and escaped title.
- `on_page_content` sanitises article HTML and keeps each article's search record (its text as
  rendered); `on_page_context` gives templates ready data.
- The Pagefind bundle is written into the site (also under `mkdocs serve`, whose site_dir is a
  temporary folder) by Pagefind's processes in a thread, one shard of years each (search.py),
  started in `on_env` once every page is converted, or, after a small change, in `on_files` as
  soon as the articles are read (`_start_search_early`); `on_post_build` waits for it. With the
  cache on, unchanged articles contribute the records stored when they were last rendered, and
  only shards whose records changed are indexed again.
"""

from __future__ import annotations

import gc
import html
import json
import re
import shutil
import time
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from chronicle.archive.files import write_atomic
from chronicle.archive.index import Archive, Entry, build_archive, name_collisions
from chronicle.archive.memo import ArticleMemo, PickleMemo
from chronicle.archive.registry import Registry, load_registry
from chronicle.archive.store import ArticleStore, split_front_matter
from chronicle.errors import ChronicleError
from chronicle.site.build.cache import BuildCache, Fingerprinter
from chronicle.site.build.incremental import Incremental, install_warning_filter, site_file
from chronicle.site.build.keys import record_key, site_salt
from chronicle.site.build.pagecache import (
    PageCache,
    convert_ahead,
    convert_page,
    render_page,
)
from chronicle.site.build.parallel import BackgroundTask, available_cores, can_fork, start_helper
from chronicle.site.cite import citations
from chronicle.site.config import ChronicleConfig
from chronicle.site.entity_pages import KIND_FIELDS, EntitySite, build_entity_site
from chronicle.site.feeds import build_feed
from chronicle.site.pages import PageSpec, all_pages, article_breadcrumbs
from chronicle.site.sanitize import clean_html
from chronicle.site.search import (
    FACETS,
    LateRecords,
    SearchRecord,
    Shard,
    html_to_text,
    record_for,
    write_bundle,
)
from chronicle.text.normalize import make_slug

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
QUOTES_JS = "assets/chronicle/quotes.js"
TABLES_JS = "assets/chronicle/tables.js"  # wide tables reachable from the keyboard, every page
# perf: the source of every listing and entity page. Empty (their templates draw everything
# from the context), and a file rather than in-memory content, because MkDocs' `--dirty` check
# (`File.is_modified`) always rebuilds in-memory pages: with a file behind them, an incremental
# build can skip the ones whose inputs did not change (incremental.py).
GENERATED_SOURCE = str(ASSETS / "generated-page.md")
# Chronicle's search script and styles, copied into every site at these paths. search.js finds
# the Pagefind bundle and the search page relative to its own URL (../../pagefind/, ../../search/).
SEARCH_ASSETS = ("assets/chronicle/search.js", "assets/chronicle/search.css")
PAGEFIND_DIR = "pagefind"
# perf: when at most this many articles are new or edited since the last build, the search
# index starts before the incremental plan (`_start_search_early`), their records guessed; with
# more, after MkDocs has converted every page (their guesses would cost as much as waiting).
EARLY_SEARCH_MAX_GUESSES = 50
GC_YOUNG = 50_000  # allocations between two collections of the youngest objects (on_startup)
RECORDS_FILE = "search-records.pickle"  # in the cache folder: articles' search records by key


class ChroniclePlugin(BasePlugin[ChronicleConfig]):
    def __init__(self) -> None:
        self.archive: Archive | None = None
        self.entries: dict[str, Entry] = {}  # src_uri → entry
        self.specs: dict[str, PageSpec] = {}  # src_uri → derived page
        self.entity_site: EntitySite | None = None  # issue 4: entity and quote pages
        self.search_page: str | None = None  # src_uri of the generated search page
        self.records: list[SearchRecord] = []
        # perf: records of the article pages the incremental plan skips, from the build cache
        self.kept_records: dict[str, SearchRecord] = {}
        # perf: every article's search record as last rendered, by `_record_key` (with the cache)
        self.record_memo = PickleMemo(None)
        self.page_cache: PageCache  # perf: made in on_nav, used from then on
        self.incremental: Incremental | None = None  # perf: made in on_files
        self._search: BackgroundTask | None = None  # the Pagefind bundle, written from on_env
        self._late: LateRecords | None = None  # records an early-started index waits for
        self._record_keys: dict[str, str] = {}  # src_uri → _record_key, made once a build
        self._article_memo_to_save: ArticleMemo | None = None
        # perf: the contexts the incremental plan made (src_uri → context), not made twice
        self._planned: dict[str, dict[str, Any]] = {}
        # perf: under `mkdocs serve` this object lives from one rebuild to the next (MkDocs keeps
        # a plugin that has `on_startup`), so the memos saved by the last build are kept here,
        # by file, instead of being unpickled again (about 0.4 s a rebuild at 10,000 articles).
        # Safe: an article memo checks each file's size and time, a record memo's keys are
        # digests of what the records are made from.
        self._saved_memos: dict[Path, ArticleMemo | PickleMemo] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # perf: a build of 10,000 articles holds millions of long-lived objects (articles,
        # pages, the navigation), and with Python's default thresholds the cycle collector
        # walks them again every few thousand allocations. Collecting less often costs a little
        # memory held by cyclic garbage a while longer (measured, rebuild after adding one
        # article to 10,000: about 0.5 s less). Process-wide, but MkDocs' process is a build.
        gen0, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(max(gen0, GC_YOUNG), max(gen1, 20), max(gen2, 100))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if str(TEMPLATES) not in config.theme.dirs:
            config.theme.dirs.append(str(TEMPLATES))
        _add_module_script(config, TABLES_JS)
        if self.config.search_enabled:
            for name in ("search", "material/search"):
                if name in config.plugins:
                    # Two engines would make every reader download two indexes.
                    log.warning(
                        f"the '{name}' plugin is enabled besides Chronicle's Pagefind search; "
                        "remove it from mkdocs.yml"
                    )
            js, css = SEARCH_ASSETS
            if css not in config.extra_css:
                config.extra_css.append(css)
            _add_module_script(config, js)
        return config

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        started = time.monotonic()
        prefix = self.config.articles_dir.strip("/") + "/"
        store = ArticleStore(Path(config.docs_dir) / prefix)
        entries = []
        memo = self._article_memo(config)  # perf: parsed articles kept between builds
        for file in files.documentation_pages():
            if not file.src_uri.startswith(prefix) or file.generated_by:
                continue
            try:
                article = memo.read(Path(file.abs_src_path or ""), store.read)
            except ChronicleError as exc:
                raise PluginError(f"Chronicle: {exc}") from None
            entries.append(Entry(article=article, url=file.url, src_uri=file.src_uri))
        self._article_memo_to_save = memo  # perf: saved in on_post_build, off the critical path
        self.entries = {e.src_uri: e for e in entries}
        self._start_plan(files, config)  # perf: first, so the search index can start now
        self.archive = build_archive(entries)
        for collision in name_collisions((e.src_uri, e.article) for e in entries):
            log.warning(collision.describe())  # chronicle check names the files too
        base = {
            k: self.config[f"{k}_url"].strip("/") + "/"
            for k in ("archive", "topics", "sources", "timeline")
        }
        specs = all_pages(
            self.archive,
            archive_base=base["archive"],
            topics_base=base["topics"],
            sources_base=base["sources"],
            timeline_base=base["timeline"],
            page_size=self.config.listing_page_size,
        )
        self.specs = {}
        for spec in specs:
            if files.get_file_from_path(spec.src_uri) is not None:
                # The curator wrote this page by hand: theirs wins, ours gets out of the way.
                log.info(f"'{spec.src_uri}' exists in docs/; not generating it")
                continue
            self.specs[spec.src_uri] = spec
            files.append(File.generated(config, spec.src_uri, abs_src_path=GENERATED_SOURCE))
        # --- issue 4: entity and quote pages (entity_pages.py) ---
        self.entity_site = build_entity_site(
            self.archive,
            self._load_registry(config),
            bases={k: self.config[f"{f}_url"].strip("/") + "/" for k, f in KIND_FIELDS.items()},
            quotes_base=self.config.quotes_url.strip("/") + "/",
            page_size=self.config.listing_page_size,
        )
        for src_uri in list(self.entity_site.pages):
            if files.get_file_from_path(src_uri) is not None:
                del self.entity_site.pages[src_uri]  # written by hand: the curator's wins
            else:
                files.append(File.generated(config, src_uri, abs_src_path=GENERATED_SOURCE))
        files.append(File.generated(config, QUOTES_JS, abs_src_path=str(ASSETS / "quotes.js")))
        if files.get_file_from_path(TABLES_JS) is None:
            files.append(File.generated(config, TABLES_JS, abs_src_path=str(ASSETS / "tables.js")))
        log.info(
            f"{len(self.entity_site.info)} entities, {len(self.entity_site.pages)} entity pages"
        )
        # --- end issue 4 ---
        self.search_page = None
        if self.config.search_enabled:
            for asset in SEARCH_ASSETS:
                if files.get_file_from_path(asset) is None:
                    files.append(
                        File.generated(config, asset, abs_src_path=str(ASSETS / Path(asset).name))
                    )
            src = self.config.search_url.strip("/") + "/index.md"
            if files.get_file_from_path(src) is None:
                self.search_page = src
                files.append(File.generated(config, src, content=""))
        log.info(f"{len(entries)} articles, {len(self.specs)} archive pages")
        log.debug(f"articles read, pages planned in {time.monotonic() - started:.1f} s")
        started = time.monotonic()
        self._plan_incremental(files, config)  # perf: which article outputs are up to date
        log.debug(f"incremental plan made in {time.monotonic() - started:.1f} s")
        return files

    def _load_registry(self, config: MkDocsConfig) -> Registry | None:
        """The entity registry beside mkdocs.yml; None when there is none (issue 4)."""
        path = Path(config.config_file_path or ".").parent / self.config.entities_file
        if not path.exists():
            return None
        try:
            return load_registry(path)
        except ChronicleError as exc:
            raise PluginError(f"Chronicle: {exc}") from None

    def write_feeds(self, config: MkDocsConfig) -> None:
        if self.archive is None:
            return
        if not config.site_url:
            log.warning(
                "site_url is not set in mkdocs.yml: feeds need absolute links; none written"
            )
            return
        latest = self.archive.entries[: self.config.feed_size]
        feed = build_feed(
            latest,
            site_url=config.site_url,
            title=config.site_name,
            description=config.site_description or "",
            feed_path="feed.xml",
        )
        site = Path(config.site_dir)
        write_atomic(site / "feed.xml", feed.atom_str(pretty=True))
        write_atomic(site / "rss.xml", feed.rss_str(pretty=True))

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        if page.file.src_uri in self.entries:
            text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
            return split_front_matter(text, page.file.src_uri)[1]
        return None

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        src = page.file.src_uri
        entry = self.entries.get(src)
        if entry is not None:
            article = entry.article
            # Material prints meta title and description unescaped: escape them here, once.
            page.meta = {
                "title": html.escape(article.title),
                "description": html.escape(article.summary[:300]),
                "template": "chronicle/article.html",
            }
            return self.page_cache.markdown(page, markdown)  # perf: '' when already converted
        spec = self.specs.get(src)
        if spec is not None:
            page.meta = {
                "title": html.escape(spec.title),
                "template": "chronicle/listing.html",
            }
        elif src == self.search_page:
            page.meta = {
                "title": "Search",
                "template": "chronicle/search.html",
                "hide": ["navigation", "toc"],  # the facets need the width
            }
        entity_page = self.entity_site.pages.get(src) if self.entity_site else None
        if entity_page is not None:  # issue 4
            page.meta = {
                "title": html.escape(entity_page.title),
                "template": "chronicle/quotes.html"
                if entity_page.kind in ("quotes", "speaker-quotes")
                else "chronicle/entity.html",
            }
        return markdown

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        entry = self.entries.get(page.file.src_uri)
        if entry is None:
            return html_text
        html_text = self.page_cache.html(page, html_text)  # perf: the stored HTML on a hit
        cleaned = clean_html(html_text)
        if self.config.search_enabled:
            # Plain text only (about 3 KB an article): the indexer never re-parses the page.
            record = record_for(entry, html_to_text(cleaned))
            self.records.append(record)
            if self.incremental is not None:  # perf: so a later build may skip this page
                self.record_memo.put(self._record_key(page.file.src_uri), record)
        return cleaned

    def on_page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        src = page.file.src_uri
        chronicle = self._planned.pop(src, None) or self._page_context(src, config)
        if chronicle is None:
            chronicle = self._other_context(page)
        context["chronicle"] = chronicle
        if self._cached_page(src):
            self.page_cache.lookup(page, context)  # perf: keep last, after the context is final
        return context

    def _page_context(self, src: str, config: MkDocsConfig) -> dict[str, Any] | None:
        """Chronicle's template context of an article, listing or entity page (None for any
        other page). A listing's or entity page's is also its input key in incremental builds
        (incremental.py): a page may show nothing that is not in here, in the templates or in
        the site-wide salt. An article page's key is its context's inputs (`_article_inputs`)."""
        if src in self.entries:
            return {**self._base_context(), **self._article_context(src, config)}
        if src in self.specs:
            return {**self._base_context(), "spec": self.specs[src]}
        if self.entity_site is not None and src in self.entity_site.pages:  # issue 4
            page = self.entity_site.pages[src]
            return {**self._base_context(), "entity_page": page, "quotes_js": QUOTES_JS}
        return None

    def _other_context(self, page: Page) -> dict[str, Any]:
        """The search page, the home page (always built, see incremental.py) and hand-written
        pages."""
        assert self.archive is not None
        chronicle = self._base_context()
        if page.file.src_uri == self.search_page:
            chronicle.update(facets=FACETS, browse_limit=self.config.search_browse_limit)
        elif page.is_homepage:
            chronicle.update(
                latest=self.archive.entries[: self.config.home_latest],
                total=len(self.archive.entries),
                span=self.archive.span(),
                undated=len(self.archive.undated),
                topics=len(self.archive.topics),
                sources=len(self.archive.sources),
            )
        return chronicle

    def _base_context(self) -> dict[str, Any]:
        return {
            "archive_url": self.config.archive_url.strip("/") + "/",
            "topics_url": self.config.topics_url.strip("/") + "/",
            "sources_url": self.config.sources_url.strip("/") + "/",
            "search_url": self.config.search_url.strip("/") + "/"
            if self.config.search_enabled
            else None,
        }

    def _article_inputs(self, src: str) -> tuple[object, ...]:
        """What `_article_context` makes an article page's context from, besides the plugin's
        options, mkdocs.yml and the registry (all in the site-wide salt): the page's input key
        in incremental builds (incremental.py).

        perf: the key of each of 10,000 article pages is made on every build, most of them to
        find the page up to date; digesting these few values (the entries are digested once a
        build) costs a fraction of making and digesting the context they give (measured: 4.8 s
        → 1 s at 10,000 articles)."""
        assert self.archive is not None
        entry = self.entries[src]
        entities = self.entity_site.article_inputs(entry.article) if self.entity_site else None
        return (entry, self.archive.previous.get(src), self.archive.following.get(src), entities)

    def _article_context(self, src: str, config: MkDocsConfig) -> dict[str, Any]:
        """Everything an article page shows besides its body, made from `_article_inputs` alone:
        what is not in there must not change the page."""
        entry, previous, following, _ = self._article_inputs(src)
        archive_base = self.config.archive_url.strip("/") + "/"
        context = dict(
            entry=entry,
            previous=previous,
            next=following,
            citations=citations(entry.article, urljoin(config.site_url or "", entry.url)),
            breadcrumbs=article_breadcrumbs(entry.article.date, archive_base),
            sources_slug=make_slug(entry.article.source or "Unknown source"),
            topic_links=[(t, make_slug(t)) for t in entry.article.topics],
            # What the template marks for Pagefind (data-pagefind-*): the same record
            # search.py indexes, so the HTML and the index cannot disagree.
            search=record_for(entry, ""),
        )
        if self.entity_site is not None:  # issue 4: entity links, who said what
            context.update(self.entity_site.article_context(entry.article, entry))
        return context

    # --- perf: the build cache (pagecache.py); these events only feed and consult it --------

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        root = None
        if self.config.cache:
            root = Path(config.config_file_path or ".").parent / self.config.cache_dir
        self.page_cache = PageCache(BuildCache(root), config)
        if self.incremental is not None:
            # perf: one fingerprinter for the plan and the page keys: the articles, entries and
            # registry entries the plan has fingerprinted (its articles seeded from the memo)
            # are memo hits for the page keys, not printed a second time.
            self.page_cache.fingerprint = self.incremental.fingerprint
        self.page_cache.set_nav(nav)
        self._nav = nav
        if self.incremental is not None:
            # A page in the navigation tree gives other pages its title and neighbours, which
            # MkDocs only knows after reading it: such a page is never skipped.
            for nav_page in nav.pages:
                src = nav_page.file.src_uri
                if src in self.incremental.kept:
                    self.incremental.rebuild(src)
                    self.kept_records.pop(src, None)
        if self._use_helpers():
            kept = self.incremental.kept if self.incremental else set()
            articles = [
                f.page
                for f in files.documentation_pages()
                if f.src_uri in self.entries and f.src_uri not in kept
            ]
            self.page_cache.helpers = [
                start_helper("convert", articles, partial(convert_page, config=config, files=files))
            ]

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.page_cache.stop_helpers()  # every page is converted by now
        self.page_cache.start(env, config)
        if self._use_helpers():
            kept = self.incremental.kept if self.incremental else set()
            ours = [
                f.page
                for f in files.documentation_pages()
                if self._cached_page(f.src_uri) and f.src_uri not in kept
            ]
            render = partial(
                render_page,
                config=config,
                files=files,
                nav=self._nav,
                env=env,
                store=self.page_cache.store,
            )
            self.page_cache.helpers = [start_helper("render", ours, render)]
        # perf: every search record is known once every page is converted (now), so the index
        # is written by Pagefind's processes while MkDocs renders the pages, not after. Started
        # after the helper above: a process is only forked while it has a single thread.
        if self._late is not None:  # the index was started early: it waits for these
            self._late.deliver(self.records)
        elif self.config.search_enabled:
            records = [*self.records, *self.kept_records.values()]
            self._search = BackgroundTask(partial(self._write_search, records, config))

    def _article_memo(self, config: MkDocsConfig) -> ArticleMemo:
        if not self.config.cache:
            return ArticleMemo(None)
        root = Path(config.config_file_path or ".").parent / self.config.cache_dir
        path = root / "articles.pickle"
        kept = self._saved_memos.pop(path, None)
        return kept if isinstance(kept, ArticleMemo) else ArticleMemo(path, Fingerprinter())

    def _start_plan(self, files: Files, config: MkDocsConfig) -> None:
        """What the incremental plan needs before any page is planned (the site-wide salt, the
        last build's manifest), and the search index of a small rebuild, started at once: it
        needs only the articles (`_start_search_early`)."""
        self.incremental = None
        self._planned = {}
        self._late = None
        if not self.config.cache:
            return
        root = Path(config.config_file_path or ".").parent / self.config.cache_dir
        prefix = self.config.articles_dir.strip("/") + "/"
        # Material's (or MkDocs') search indexes only the pages built in this run: while it is
        # on, no article is skipped. Chronicle's Pagefind records of skipped articles come from
        # the build cache instead (_keep_records).
        lunr = any(
            name.split("/")[-1] == "search" and getattr(plugin.config, "enabled", True)
            for name, plugin in config.plugins.items()
        )
        registry = Path(config.config_file_path or ".").parent / self.config.entities_file
        salt = site_salt(config, prefix, self.config, [registry])
        plan = Incremental(config, root, salt, skip=not lunr)
        self.incremental = plan  # _record_key uses its salt and fingerprints
        if self._article_memo_to_save is not None:
            for article, text in self._article_memo_to_save.fingerprints():
                plan.fingerprint.seed(article, text)
        self._record_keys = {}
        self.kept_records = {}
        if self.config.search_enabled:
            kept = self._saved_memos.pop(root / RECORDS_FILE, None)
            if not isinstance(kept, PickleMemo):
                kept = PickleMemo(root / RECORDS_FILE)
            self.record_memo = kept
            self._start_search_early(config, files)  # perf: on another core, during the plan

    def _plan_incremental(self, files: Files, config: MkDocsConfig) -> None:
        plan = self.incremental
        if plan is None:
            return
        for file in files.documentation_pages():
            if file.src_uri in self.entries and file.abs_src_path is not None:
                plan.page(file, self._article_inputs(file.src_uri))
                continue
            # The page's whole template context, so whatever is added to it is covered.
            context = self._page_context(file.src_uri, config)
            if context is None or file.abs_src_path is None:
                plan.other(file)
            else:
                plan.page(file, (context,))
                if file.src_uri not in plan.kept:  # perf: on_page_context takes it from here
                    self._planned[file.src_uri] = context
        for file in files:  # static files and theme assets too: what is gone is removed
            plan.record(file)
        if self.config.search_enabled:
            self._keep_records(plan)
        if plan.kept:
            articles = len(plan.kept & self.entries.keys())
            log.info(
                f"{len(plan.kept)} pages are up to date ({articles} articles, "
                f"{len(plan.kept) - articles} listings)"
            )

    def _record_key(self, src: str) -> str:
        """What an article's search record is made from: the article (its text, metadata and
        address) and the site-wide salt (Markdown settings, Chronicle's code). Not its page's
        key, which also holds its neighbours: their change leaves its record as it was."""
        key = self._record_keys.get(src)
        if key is None:
            assert self.incremental is not None
            fingerprint = self.incremental.fingerprint(self.entries[src])
            key = self._record_keys[src] = record_key(self.incremental.salt, fingerprint)
        return key

    def _keep_records(self, plan: Incremental) -> None:
        """The search records of the article pages MkDocs will skip, stored when they were last
        rendered. A page whose record is missing is rebuilt."""
        for src in sorted(plan.kept & self.entries.keys()):
            record = self.record_memo.get(self._record_key(src))
            if isinstance(record, SearchRecord):
                self.kept_records[src] = record
            else:
                plan.rebuild(src)

    def _start_search_early(self, config: MkDocsConfig, files: Files) -> None:
        """Start the search index now, before the incremental plan, when the records of all but
        a few articles are known from the last build (a rebuild after a small change): those of
        new or edited articles are guessed (search.LateRecords). Otherwise it starts in on_env,
        once MkDocs has converted every page."""
        self._late = None
        records, late = [], []
        for src in sorted(self.entries):
            record = self.record_memo.get(self._record_key(src))
            if isinstance(record, SearchRecord):
                records.append(record)
            else:
                late.append(src)
                if len(late) > EARLY_SEARCH_MAX_GUESSES:
                    return
        guesses = [self._guess_record(src, config, files) for src in late]
        if any(guess is None for guess in guesses):
            return
        known = [g for g in guesses if g is not None]
        self._late = LateRecords(known)
        self._search = BackgroundTask(
            partial(self._write_search, [*records, *known], config, self._late)
        )

    def _guess_record(self, src: str, config: MkDocsConfig, files: Files) -> SearchRecord | None:
        file = files.get_file_from_path(src)
        if file is None or file.abs_src_path is None:
            return None
        try:
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            html_text = convert_ahead(
                file, split_front_matter(text, src)[1], config=config, files=files
            )
        except Exception:  # only a guess: MkDocs converts the page itself and reports errors
            return None
        return record_for(self.entries[src], html_to_text(clean_html(html_text)))

    def _cached_page(self, src: str) -> bool:
        """Pages whose template can print a stored copy (`chronicle/cached.html`)."""
        return (
            src in self.entries
            or src in self.specs
            or (self.entity_site is not None and src in self.entity_site.pages)
        )

    def _use_helpers(self) -> bool:
        return self.config.parallel and self.page_cache.cache.enabled and can_fork()

    @event_priority(100)  # first: store the page as rendered, before any plugin changes it
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = _valid_html(output)
        self.page_cache.store(page, output)
        return output

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        return _valid_html(output_content)  # 404.html and the like

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.records = []
        install_warning_filter()  # `chronicle build` is dirty on purpose; see incremental.py

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        started = time.monotonic()
        # perf: remove outputs of pages that are gone; drop cache entries no page used (those of
        # skipped pages count as used).
        if self.incremental:
            used = self.page_cache.cache.used
            self.incremental.finish(self.page_cache.keys, used)
            self.record_memo.save()
            if self.record_memo.store is not None:
                self._saved_memos[self.record_memo.store.path] = self.record_memo
        self.page_cache.finish()
        if self._article_memo_to_save is not None:
            memo, self._article_memo_to_save = self._article_memo_to_save, None
            memo.save()
            if memo.store is not None:
                self._saved_memos[memo.store.path] = memo
        self.write_feeds(config)
        self.records, self.kept_records, self._planned = [], {}, {}
        log.debug(f"cache pruned, feeds written in {time.monotonic() - started:.1f} s")
        started = time.monotonic()
        search, self._search, self._late = self._search, None, None
        if search is not None:
            search.result()  # re-raises what went wrong (a PluginError)
            log.debug(f"waited {time.monotonic() - started:.1f} s for the search index")

    def on_build_error(self, *, error: Exception) -> None:
        # Leave no indexer writing into the site after MkDocs gave up on it.
        search, self._search, late, self._late = self._search, None, self._late, None
        if late is not None:
            late.cancel()  # an early-started index waiting for records stops waiting
        if search is not None:
            search.wait()

    def _write_search(
        self, records: list[SearchRecord], config: MkDocsConfig, late: LateRecords | None = None
    ) -> None:
        """The Pagefind bundle. With the cache on, shards whose records did not change since the
        last build into this site are kept as they are on disk (search.write_bundle); without
        it, the bundle is written from an empty folder, as a clean build does."""
        keys = None  # perf: a shard is digested by its records' keys (search.shard_digest)
        if self.incremental is not None:
            keys = {"/" + e.url.lstrip("/"): self._record_key(s) for s, e in self.entries.items()}
        bundle = Path(config.site_dir) / PAGEFIND_DIR
        digests = self._shard_digests_path(config)
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
                max_articles=self.config.search_shard_size,
                small_year=self.config.search_small_year,
                split_year=self.config.search_split_year,
                language=config.theme.get("language") or "en",
                previous=previous,
                store=None if digests is None else digests.parent / "pagefind-shards",
                jobs=self.config.search_jobs or min(available_cores(), 4),
                late=late,
                keys=keys,
            )
        except ChronicleError as exc:
            raise PluginError(f"Chronicle search: {exc}") from None
        if digests is not None:
            _write_json(digests, {s.path: s.digest for s in shards})
        reused = sum(s.reused for s in shards)  # kept in place or copied from the cache
        log.info(
            f"search: {len(records)} articles, {len(shards)} shard(s), "
            f"{len(shards) - reused} indexed with Pagefind, {reused} unchanged "
            f"({time.monotonic() - started:.1f} s{_peak(shards)})"
        )

    def _shard_digests_path(self, config: MkDocsConfig) -> Path | None:
        """`<cache>/search-shards-<site>.json`, one per site folder (like incremental.Manifest)."""
        if not self.config.cache:
            return None
        root = Path(config.config_file_path or ".").parent / self.config.cache_dir
        return site_file(root, "search-shards", config.site_dir)


def _add_module_script(config: MkDocsConfig, path: str) -> None:
    if not any(str(script) == path for script in config.extra_javascript):
        script = ExtraScriptValue(path)
        script.type = "module"
        config.extra_javascript.append(script)


def _peak(shards: list[Shard]) -> str:
    """The largest indexer's peak memory, for the build log (Pagefind's memory grows with the
    articles of a shard: this is what `search_shard_size` and `search_jobs` trade against)."""
    peaks = [s.peak_rss_mb for s in shards if s.peak_rss_mb is not None]
    return f", largest indexer peaked at {max(peaks):.0f} MB" if peaks else ""


_ORPHAN_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.S)


def _valid_html(output: str) -> str:
    """Two fixes to Material's (9.x, in maintenance) markup, which the Nu HTML checker flags on
    every page, made here rather than by copying its 200-line nav-item.html or its toc.html
    into overrides/ to change one attribute:

    - the label of a navigation section gets an empty `tabindex=""`, invalid HTML; it means
      "not focusable by Tab" no more than leaving it out does;
    - the table of contents' title is a `<label for="__toc">` for a checkbox that Material only
      writes into a page that is in the navigation tree: on articles and listings (kept out of
      it) the label points at nothing. It becomes the plain title it already looks like.
    """
    output = output.replace(' tabindex=""', "")
    if 'id="__toc"' not in output:
        output = _ORPHAN_TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', output)
    return output


def _read_json(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_json(path: Path, data: dict[str, str]) -> None:
    write_atomic(path, json.dumps(data, sort_keys=True))
