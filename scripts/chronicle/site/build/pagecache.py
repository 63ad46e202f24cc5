"""How the plugin uses the build cache (cache.py) inside MkDocs' events.

Two layers, each keyed by a digest of everything its output depends on:

- `html`: an article's Markdown → the HTML and table of contents MkDocs made of it. Key
  (`keys.html_key`): the final Markdown, the page's URL (relative links depend on it), the
  Markdown configuration and the toolchain. On a hit the plugin hands MkDocs an empty body
  (nothing to convert) and puts the stored HTML back in `on_page_content`, so every later step
  (sanitising, other plugins, search) runs as usual on the same HTML.
- `page`: a whole rendered article or listing page. Key (`keys.page_key`): everything the
  template can read — the templates themselves, mkdocs.yml, the toolchain (package versions and
  Chronicle's code), the navigation, the page's own fields and a fingerprint of every value in
  the template context. On a hit the page's template extends `chronicle/cached.html`, which
  prints the stored page instead of rendering Material's.

What a build still does for every page on a hit: MkDocs reads it, runs every plugin's events,
and writes the file; the cache removes the two expensive steps, converting and rendering.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from chronicle.site.build import keys
from chronicle.site.build.cache import BuildCache, Fingerprinter
from chronicle.site.build.parallel import Helper
from chronicle.text.counts import counted

log = get_plugin_logger(__name__)


class TemplateMemo:
    """Rendered template blocks by name and key (`keys.block_key`), for one build
    (chronicle/base.html)."""

    def __init__(self) -> None:
        self._blocks: dict[tuple[str, str], str] = {}
        self.nav_urls: list[list[str]] = []

    def key(self, page: Page, base_url: str) -> str:
        return keys.block_key(page.url, base_url, self.nav_urls)

    def get(self, name: str, key: str) -> str | None:
        return self._blocks.get((name, key))

    def put(self, name: str, key: str, html: str) -> str:
        self._blocks[(name, key)] = html
        return html


class PageCache:
    def __init__(self, cache: BuildCache, config: MkDocsConfig) -> None:
        self.cache = cache
        self.salt = ""  # templates, config and the toolchain; set in `start`
        # MkDocs converts every page's Markdown before `on_env`, so this salt is made here.
        self.markdown_salt = keys.markdown_salt(config)
        self.nav_digest = ""
        self.fingerprint = Fingerprinter()
        self._html_hits: dict[str, dict[str, Any]] = {}  # src_uri → stored html + toc
        self._pending: dict[str, str] = {}  # src_uri → page key to store after rendering
        self._html_keys: dict[str, str] = {}  # src_uri → html key to store after converting
        self.helpers: list[Helper] = []  # parallel.py: told how far MkDocs has got
        self.template_memo = TemplateMemo()
        self.keys: dict[str, list[tuple[str, str]]] = {}  # src_uri → cache entries it used

    # -- once per build -------------------------------------------------------------------------

    def start(self, env: Environment, config: MkDocsConfig) -> None:
        """Digest what every page depends on: templates, mkdocs.yml, the toolchain."""
        template_files = [
            p
            for p in keys.theme_files(getattr(env.loader, "searchpath", []))
            if p.suffix in (".html", ".xml", ".js", ".json", ".yml")
        ]
        self.salt = keys.template_salt(template_files, config.config_file_path)
        if self.cache.root is not None:
            # Compiling Material's templates takes most of a second on every build.
            env.bytecode_cache = FileSystemBytecodeCache(str(self._jinja_dir()))

    def _jinja_dir(self) -> Path:
        assert self.cache.root is not None
        folder = self.cache.root / "jinja"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    def set_nav(self, nav: Any) -> None:
        self.nav_digest = keys.nav_digest(nav)
        self.template_memo.nav_urls = [
            (p.url or "").split("/")[:-1] for p in getattr(nav, "pages", []) if p.url is not None
        ]

    def _reached(self, src: str) -> None:
        for helper in self.helpers:
            helper.reached(src)

    def stop_helpers(self) -> None:
        for helper in self.helpers:
            helper.stop()
        self.helpers = []

    def finish(self, prune: bool = True) -> None:
        """End of build: stop helpers, drop the entries no page used (see BuildCache.prune)."""
        self.stop_helpers()
        c = self.cache
        if c.enabled:
            removed = c.prune() if prune else 0
            log.info(
                f"build cache: {counted(c.hits, 'hit')}, {counted(c.misses, 'miss', 'misses')}, "
                f"{removed} stale removed"
            )

    # -- Markdown → HTML ------------------------------------------------------------------------

    def markdown(self, page: Page, markdown: str) -> str:
        """The Markdown MkDocs should convert: '' when the HTML is already known."""
        if not self.cache.enabled:
            return markdown
        src = page.file.src_uri
        self._reached(src)
        key = keys.html_key(self.markdown_salt, page.file.url, markdown)
        self.keys.setdefault(src, []).append(("html", key))
        stored = self.cache.get("html", key)
        if stored is not None:
            self._html_hits[src] = json.loads(stored)
            return ""
        self._html_keys[src] = key
        return markdown

    def html(self, page: Page, html_text: str) -> str:
        """MkDocs' HTML for the page: the stored one on a hit (with its table of contents)."""
        src = page.file.src_uri
        hit = self._html_hits.pop(src, None)
        if hit is not None:
            page.toc = get_toc(hit["toc"])
            return hit["html"]
        key = self._html_keys.pop(src, None)
        if key is not None:
            value = {"html": html_text, "toc": keys.toc_tokens(list(page.toc))}
            self.cache.put("html", key, json.dumps(value, ensure_ascii=False))
        return html_text

    # -- whole pages ----------------------------------------------------------------------------

    def page_key(self, page: Page, context: dict[str, Any]) -> str:
        with self.fingerprint.scoped():
            return keys.page_key(self.salt, self.nav_digest, page, context, self.fingerprint)

    def lookup(self, page: Page, context: dict[str, Any]) -> None:
        """Called last in `on_page_context`: on a hit, the template prints the stored page."""
        if not self.cache.enabled or "chronicle" not in context:
            return
        if not page.file.inclusion.is_in_nav():
            context["chronicle_memo"] = self.template_memo  # chronicle/base.html
        self._reached(page.file.src_uri)
        key = self.page_key(page, context)
        self.keys.setdefault(page.file.src_uri, []).append(("page", key))
        stored = self.cache.get("page", key)
        if stored is not None:
            context["chronicle"]["cached_page"] = stored
        else:
            self._pending[page.file.src_uri] = key

    def store(self, page: Page, output: str) -> None:
        """Called in `on_post_page` with the rendered page."""
        key = self._pending.pop(page.file.src_uri, None)
        if key is not None:
            self.cache.put("page", key, output)


# -- the per-page work a helper (parallel.py) does ahead of MkDocs ------------------------------


def convert_page(page: Page, *, config: MkDocsConfig, files: Files) -> None:
    """What MkDocs does to populate a page, with every plugin's events, so that Chronicle's own
    `on_page_content` stores the HTML in the cache (in the helper's copy; nothing else is kept).
    """
    page = config.plugins.on_pre_page(page, config=config, files=files)
    page.read_source(config)
    page.markdown = config.plugins.on_page_markdown(
        page.markdown or "", page=page, config=config, files=files
    )
    page.render(config, files)
    config.plugins.on_page_content(page.content or "", page=page, config=config, files=files)
    # mem: the helper's copy of the page would keep its Markdown, HTML and table of contents
    # until the helper stops (about 20 KB a page, half the articles): the cache holds them now.
    page.markdown = page.content = None
    page.toc = get_toc([])


def convert_ahead(file: File, markdown: str, *, config: MkDocsConfig, files: Files) -> str:
    """MkDocs' own conversion of a page's Markdown (`Page.render`), before MkDocs gets to it:
    on a copy of its File, so that the page MkDocs makes for it later is untouched, and with
    MkDocs' warnings about its links held back (MkDocs gives them when it converts the page).
    No plugin event runs: whoever uses the result checks it against MkDocs' (search.LateRecords).
    """
    page = Page(None, copy.copy(file), config)
    page.markdown = markdown
    logger = logging.getLogger("mkdocs.structure.pages")
    quiet = logging.Filter("nothing")  # a filter named after no logger lets nothing through
    logger.addFilter(quiet)
    try:
        page.render(config, files)
    finally:
        logger.removeFilter(quiet)
    return page.content or ""


def render_page(
    page: Page,
    *,
    config: MkDocsConfig,
    files: Files,
    nav: Any,
    env: Environment,
    store: Callable[[Page, str], None],
) -> None:
    """What MkDocs does to render a page, up to the template: the cache stores the result."""
    page.active = True
    context = get_context(nav, files, config, page)
    template = env.get_template(page.meta.get("template", "main.html"))
    context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
    if "cached_page" not in context.get("chronicle", {}):
        store(page, template.render(context))
    page.active = False
