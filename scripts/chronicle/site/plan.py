"""One build of the site: the state the plugin's events share, made anew for every build (the
plugin itself lives across `mkdocs serve` rebuilds; a build's state must not).

Phases, in the order of MkDocs' events:

- resolve (`on_files`, late, so other plugins' files exist; `BuildPlan()`): read every article
  once, build the archive indexes and the entity site before anything is rendered, so every
  page can link to every other; after a small change, start the search index (indexing.py);
- generate (`generate_files`): generated pages' views and files, Chronicle's assets, search page;
- plan (`plan_pages`): which pages are up to date (build/incremental.py);
- attach (`on_nav`, `on_env`): the build cache (build/pagecache.py) and its helper processes;
- render (page events): each page's source without front matter, its meta (template and
  escaped title), its sanitised HTML and search record, and its template context;
- finish (`on_post_build`): record the build, prune the cache, save memos, write feeds, wait.

Long because every phase shares this state: split by phase, each part would reach into the
others' fields.
"""

from __future__ import annotations

import html
import time
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from chronicle.archive.front_matter import body_of
from chronicle.archive.index import Entry, build_archive, name_collisions
from chronicle.archive.memo import articles_file
from chronicle.archive.registry import load_registry
from chronicle.archive.sources import load_sources
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.site.article_page import article_context, article_inputs
from chronicle.site.build.cache import BuildCache
from chronicle.site.build.incremental import Incremental
from chronicle.site.build.keys import site_salt
from chronicle.site.build.lazyviews import (
    LAZY_PAGES_FILE,
    LazyPagesMemo,
    LazyViews,
    Recipe,
    add_lazy_pages,
)
from chronicle.site.build.pagecache import PageCache, convert_page, render_page
from chronicle.site.build.parallel import can_fork, start_helper
from chronicle.site.config import ChronicleConfig
from chronicle.site.entity_pages import KIND_FIELDS, build_entity_site
from chronicle.site.indexing import RECORDS_FILE, SearchIndex
from chronicle.site.labels import labels_for
from chronicle.site.memos import MemoShelf
from chronicle.site.pages import all_pages, home_view
from chronicle.site.placement import (
    GENERATED_SOURCE,
    QUOTES_JS,
    add_assets,
    add_home_page,
    generated_page,
    keep_out_of_nav,
)
from chronicle.site.publish import add_open_data_page, site_of, write_outputs
from chronicle.site.redirects import add_redirects
from chronicle.site.sanitize import clean_html, clean_toc, inert_includes, plain
from chronicle.site.search import FACETS
from chronicle.site.story_pages import story_site
from chronicle.text.counts import counted

log = get_plugin_logger(__name__)


class BuildPlan:
    """Made in `on_files` from the site's files; every later event of the build asks it.
    Raises ChronicleError for an article or a registry that cannot be read."""

    def __init__(
        self, files: Files, config: MkDocsConfig, options: ChronicleConfig, shelf: MemoShelf
    ) -> None:
        started = time.monotonic()
        self.config, self.options, self.shelf = config, options, shelf
        self.labels = labels_for(config.theme.get("language"))  # every word the site writes
        project = Path(config.config_file_path or ".").parent
        self.cache_dir = project / options.cache_dir if options.cache else None
        self.registry_path = project / options.entities_file
        self.sources = load_sources(project / options.sources_file)  # canonical source names
        self.prefix = options.articles_dir.strip("/") + "/"  # of the articles' sources
        self.page_cache = PageCache(BuildCache(self.cache_dir), config)
        self._nav: Any = None
        # perf: the contexts the incremental plan made (src_uri → context), not made twice
        self._planned: dict[str, dict[str, Any]] = {}
        # perf: parsed articles kept between builds; saved in `finish`, off the critical path
        self._article_memo = shelf.articles(self._cache_file(articles_file(options.limits())))
        self.entries = self._resolve_entries(files)
        self.incremental = self._resolve_incremental()  # perf: first, so the search can start
        self.search = self._resolve_search(files)
        self.archive = build_archive(list(self.entries.values()))
        for collision in name_collisions((e.src_uri, e.article) for e in self.entries.values()):
            log.warning(collision.describe())  # chronicle check names the files too
        self.entity_site = build_entity_site(
            self.archive,
            load_registry(self.registry_path) if self.registry_path.exists() else None,
            bases={k: self._base(f) for k, f in KIND_FIELDS.items()},
            quotes_base=self._base("quotes"),
            page_size=options.listing_page_size,
            quotes_page_size=options.quotes_page_size,
            labels=self.labels,
        )
        bases = self._base("archive"), self._base("stories")
        self.stories, self.story = story_site(self.archive, *bases, self.labels)
        self.views = LazyViews(self.labels)  # src_uri → generated page; set by generate_files
        self._lazy_memo: LazyPagesMemo | None = None  # made with the views
        self.search_page: str | None = None  # src_uri of the generated search page
        log.debug(f"articles read in {time.monotonic() - started:.1f} s")

    def _cache_file(self, name: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / name

    def _base(self, option: str) -> str:
        """A site folder from the options ("archive/")."""
        return self.options[f"{option}_url"].strip("/") + "/"

    # --- resolve ----------------------------------------------------------------------------

    def _resolve_entries(self, files: Files) -> dict[str, Entry]:
        store = ArticleStore(Path(self.config.docs_dir) / self.prefix, limits=self.options.limits())
        entries = {}
        for file in list(files.documentation_pages()):
            if not file.src_uri.startswith(self.prefix) or file.generated_by:
                continue
            try:
                article = self._article_memo.read(Path(file.abs_src_path or ""), store.read)
            except ChronicleError as exc:  # left out, loudly: `strict` fails, `check` names it
                log.warning(f"{exc}; this article is left out of the site")
                files.remove(file)
                continue
            entries[file.src_uri] = Entry(self.sources.settle(article), file.url, file.src_uri)
        return entries

    def _resolve_incremental(self) -> Incremental | None:
        """The site-wide salt, last build's manifest and memo's fingerprints, before planning."""
        if self.cache_dir is None:
            return None
        # Material's (or MkDocs') search indexes only the pages built in this run: while it is on,
        # no article is skipped (Chronicle's Pagefind records of skipped ones: SearchIndex.keep).
        lunr = any(
            name.split("/")[-1] == "search" and getattr(plugin.config, "enabled", True)
            for name, plugin in self.config.plugins.items()
        )
        registries = [self.registry_path, Path(self.sources.path)]  # pages show what they say
        salt = site_salt(self.config, self.prefix, self.options, registries)
        plan = Incremental(self.config, self.cache_dir, salt, skip=not lunr)
        for article, text in self._article_memo.fingerprints():
            plan.fingerprint.seed(article, text, items=("quotes", "figures"))
        # perf: one fingerprinter for the plan and the page keys: what the plan fingerprinted
        # (its articles seeded from the memo) are memo hits for the page keys, not done twice.
        self.page_cache.fingerprint = plan.fingerprint
        return plan

    def _resolve_search(self, files: Files) -> SearchIndex | None:
        if not self.options.search_enabled:
            return None
        memo = self.shelf.records(self._cache_file(RECORDS_FILE))
        search = SearchIndex(self.options, self.config, self.entries, self.incremental, memo)
        if self.incremental is not None:
            search.start_early(files)  # perf: on another core, during the plan
        return search

    # --- generate ---------------------------------------------------------------------------

    def generate_files(self, files: Files) -> None:
        """Generated pages (a curator's file at the same address wins), assets, search page."""
        later: list[Recipe] = []  # perf: pages made only when built (build/lazyviews.py)
        views = all_pages(
            self.archive,
            archive_base=self._base("archive"),
            topics_base=self._base("topics"),
            sources_base=self._base("sources"),
            timeline_base=self._base("timeline"),
            page_size=self.options.listing_page_size,
            stories=self.stories,
            stories_base=self._base("stories"),
            labels=self.labels,
            registry=self.sources,
            later=later,  # type: ignore[arg-type]
        )
        for view in [*views, *self.entity_site.shared.values()]:
            if self._generate(files, view.src_uri):
                self.views.add(view)
        if self.incremental is not None:
            memo = self.shelf.records(self._cache_file(LAZY_PAGES_FILE))
            plan = self.incremental
            self._lazy_memo = LazyPagesMemo(memo, plan.salt, plan.fingerprint)
        later += self.entity_site.entities.values()
        add_lazy_pages(later, self.views, self._lazy_memo, partial(self._generate, files))
        keep_out_of_nav(files, self.entries)
        add_home_page(files, self.config)
        add_assets(files, self.config, search=self.options.search_enabled)
        add_open_data_page(files, self.config)
        add_redirects(files, self.config, self.entries)
        if self.options.search_enabled:
            src = self.options.search_url.strip("/") + "/index.md"
            if files.get_file_from_path(src) is None:
                self.search_page = src
                files.append(File.generated(self.config, src, content=""))
        entities = counted(len(self.entity_site.info), "entity", "entities")
        pages = counted(len(self.views), "generated page")
        log.info(f"{counted(len(self.entries), 'article')}, {entities}, {pages}")

    def _generate(self, files: Files, src: str) -> bool:
        """Add a generated page at `src`, unless a curator's file is there (which wins)."""
        existing = files.get_file_from_path(src)
        if existing is not None and existing.generated_by:  # two of ours: say so, keep the first
            log.warning(f"two generated pages at '{src}': the second is left out")
            return False
        if existing is not None:
            log.info(f"'{src}' exists in docs/; not generating it")
            return False
        files.append(generated_page(self.config, src, GENERATED_SOURCE))
        return True

    def plan_pages(self, files: Files) -> None:
        """Which article and generated pages are up to date (perf: MkDocs skips them)."""
        plan = self.incremental
        if plan is None:
            return
        started = time.monotonic()
        for file in files.documentation_pages():
            if file.src_uri in self.entries and file.abs_src_path is not None:
                entry = self.entries[file.src_uri]
                plan.page(file, article_inputs(self.archive, self.entity_site, entry, self.story))
                continue
            memo, src = self._lazy_memo, file.src_uri
            known = memo.text(src) if memo is not None and not self.views.is_made(src) else None
            if known is not None and plan.fingerprinted(file, [known]):
                continue  # perf: its view is not even made (build/lazyviews.py)
            # The page's whole template context, so whatever is added to it is covered.
            context = self._page_context(file.src_uri)
            if context is None or file.abs_src_path is None:
                plan.other(file)
            else:
                texts = plan.page(file, (context,))
                if memo is not None:
                    memo.record(src, texts[0])
                if file.src_uri not in plan.kept:  # perf: on_page_context takes it from here,
                    self._planned[file.src_uri] = context  # and its page key this fingerprint
                    plan.fingerprint.pin(context, texts[0])
        for file in files:  # static files and theme assets too: what is gone is removed
            plan.record(file)
        if self.search is not None:
            self.search.keep(plan)
        if plan.kept:
            articles = len(plan.kept & self.entries.keys())
            kept = counted(len(plan.kept), "page is", "pages are")
            listings = counted(len(plan.kept) - articles, "listing")
            log.info(f"{kept} up to date ({counted(articles, 'article')}, {listings})")
        log.debug(f"incremental plan made in {time.monotonic() - started:.1f} s")

    # --- attach: the build cache (build/pagecache.py); these only feed and consult it -------

    def attach_nav(self, nav: Any, files: Files) -> None:
        self.page_cache.set_nav(nav)
        self._nav = nav
        kept = self.incremental.kept if self.incremental is not None else set()
        # A page in the navigation tree gives other pages its title and neighbours, which
        # MkDocs only knows after reading it: such a page is never skipped.
        for nav_page in nav.pages:
            src = nav_page.file.src_uri
            if src in kept and self.incremental is not None:
                self.incremental.rebuild(src)
                if self.search is not None:
                    self.search.kept.pop(src, None)
        if self._use_helpers():
            articles = [
                f.page
                for f in files.documentation_pages()
                if f.src_uri in self.entries and f.src_uri not in kept
            ]
            convert = partial(convert_page, config=self.config, files=files)
            self.page_cache.helpers = [start_helper("convert", articles, convert)]

    def attach_env(self, env: Any, files: Files) -> None:
        env.globals["chronicle_labels"] = self.labels  # before a helper process forks
        self.page_cache.stop_helpers()  # every page is converted by now
        self.page_cache.start(env, self.config)
        if self._use_helpers():
            kept = self.incremental.kept if self.incremental is not None else set()
            ours = [
                f.page
                for f in files.documentation_pages()
                if self.owns(f.src_uri) and f.src_uri not in kept
            ]
            render = partial(
                render_page,
                config=self.config,
                files=files,
                nav=self._nav,
                env=env,
                store=self.page_cache.store,
            )
            self.page_cache.helpers = [start_helper("render", ours, render)]
        # perf: after the helper above: a process is only forked while it has one thread.
        if self.search is not None:
            self.search.start()

    def _use_helpers(self) -> bool:
        return self.options.parallel and self.page_cache.cache.enabled and can_fork()

    def owns(self, src: str) -> bool:
        """An article or generated page: its template can print a stored copy (cached.html)."""
        return src in self.entries or src in self.views

    # --- render -----------------------------------------------------------------------------

    def render_source(self, page: Page) -> str | None:
        """An article's body without its front matter (already parsed and validated)."""
        if page.file.src_uri not in self.entries:
            return None
        text = Path(page.file.abs_src_path or "").read_text(encoding="utf-8")
        return inert_includes(body_of(text, page.file.src_uri), self.config.markdown_extensions)

    def render_markdown(self, page: Page, markdown: str) -> str:
        """Sets the page's template and escaped title; the Markdown MkDocs should convert."""
        src = page.file.src_uri
        entry = self.entries.get(src)
        view = self.views.get(src)
        if entry is not None:
            # Material prints meta title and description unescaped: escape them here, once.
            page.meta = {
                "title": html.escape(entry.article.title),
                "description": html.escape(entry.article.summary[:300]),
                "template": "chronicle/article.html",
            }
            return self.page_cache.markdown(page, markdown)  # perf: '' when already converted
        if view is not None:
            page.meta = {"title": html.escape(view.title), "template": view.template}
        elif page.is_homepage and "template" not in page.meta:
            page.meta["template"] = "chronicle/home.html"  # the curator's choice wins
        elif src == self.search_page:
            page.meta = {
                "title": self.labels("search.title"),
                "template": "chronicle/search.html",
                "hide": ["navigation", "toc"],  # the facets need the width
            }
        return markdown

    def render_content(self, page: Page, html_text: str) -> str:
        """An article's HTML, sanitised; its search record is taken from it."""
        src = page.file.src_uri
        if src not in self.entries:
            return html_text
        cleaned = clean_toc(clean_html(self.page_cache.html(page, html_text)), page.toc.items)
        if self.search is not None:
            self.search.add(src, cleaned)
        return cleaned

    def render_context(self, page: Page, context: dict[str, Any]) -> dict[str, Any]:
        src = page.file.src_uri
        chronicle = self._planned.pop(src, None) or self._page_context(src)
        context["chronicle"] = chronicle or self._other_context(page)
        if self.owns(src):
            self.page_cache.lookup(page, context)  # perf: keep last, after the context is final
        return context

    def _page_context(self, src: str) -> dict[str, Any] | None:
        """The template context of an article or generated page (None for others). A generated
        page's is its input key in incremental builds: it shows nothing that is not in here, the
        templates or the site-wide salt; an article's key is article_page.article_inputs."""
        entry = self.entries.get(src)
        if entry is not None:
            inputs = article_inputs(self.archive, self.entity_site, entry, self.story)
            article = article_context(
                inputs,
                self.entity_site,
                archive_base=self._base("archive"),
                site_url=self.config.site_url or "",
                site_name=plain(self.config.site_name),
            )
            return {**self._base_context(), **article}
        view = self.views.get(src)
        if view is not None:
            return {**self._base_context(), "view": view, "quotes_js": QUOTES_JS}
        return None

    def _other_context(self, page: Page) -> dict[str, Any]:
        """The search page, the home page (always built: build/incremental.py), other pages."""
        chronicle = self._base_context()
        if page.file.src_uri == self.search_page:
            chronicle.update(facets=FACETS, browse_limit=self.options.search_browse_limit)
        elif page.is_homepage:
            chronicle["view"] = home_view(
                self.archive,
                page.file.src_uri,
                latest=self.options.home_latest,
                topics_base=self._base("topics"),
                sources_base=self._base("sources"),
                labels=self.labels,
            )
        return chronicle

    def _base_context(self) -> dict[str, Any]:
        return {
            "archive_url": self._base("archive"),
            "topics_url": self._base("topics"),
            "sources_url": self._base("sources"),
            "search_url": self._base("search") if self.options.search_enabled else None,
        }

    # --- finish -----------------------------------------------------------------------------

    def finish(self) -> None:
        started = time.monotonic()
        # perf: remove gone pages' outputs; drop cache entries no page used (skipped ones count)
        if self.incremental is not None:
            self.incremental.finish(self.page_cache.keys, self.page_cache.cache.used)
            if self.search is not None:
                self.shelf.save(self.search.memo)
            if self._lazy_memo is not None:
                self.shelf.save(self._lazy_memo.save())
        self.page_cache.finish()
        self.shelf.save(self._article_memo)
        outputs = self.archive, self.entity_site, site_of(self.config, self.options, self._base)
        write_outputs(*outputs, self.cache_dir, self.incremental, self.shelf)
        log.debug(f"cache pruned, feeds written in {time.monotonic() - started:.1f} s")
        if self.search is not None:
            self.search.wait()

    def abort(self) -> None:
        if self.search is not None:
            self.search.cancel()
