"""The MkDocs plugin: stored articles in, archive pages out. Events only: each one asks the
build plan (plan.py), made anew in `on_files` for every build, which holds that build's state.

Order of events:
- `on_config` adds Chronicle's templates, scripts and styles to the theme and the config: its
  folder of templates comes before Material's (its main.html and header win over Material's)
  and after the archive's own `custom_dir` (whose templates win over Chronicle's).
- `on_files` (late, so other plugins' files exist) makes the build plan: every article read
  once, every generated page's view (views.py) and file, and which pages are up to date.
- `on_nav`, `on_env` attach the build cache and its helper processes; `on_env` (last of every
  plugin's) packs articles' HTML until each is rendered (build/parking.py) and starts the
  search index (indexing.py) once every page is converted.
- `on_page_read_source` hands MkDocs an article's body without its front matter,
  `on_page_markdown` sets each page's template and escaped title, `on_page_content` sanitises
  article HTML and keeps its search record, `on_page_context` puts an article's HTML back
  (first) and gives templates ready data.
- `on_post_build` records the build, writes the feeds and waits for the search index.

The plugin object itself lives across `mkdocs serve` rebuilds (MkDocs keeps a plugin that has
`on_startup`): it keeps only the memos the last build saved (memos.MemoShelf).
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from chronicle.errors import ChronicleError
from chronicle.site.build.incremental import install_warning_filter
from chronicle.site.build.parking import ParkedHtml
from chronicle.site.build.partial import Writing, remove_partial
from chronicle.site.config import ChronicleConfig
from chronicle.site.memos import MemoShelf
from chronicle.site.placement import SEARCH_ASSETS, STYLES, TABLES_JS
from chronicle.site.plan import BuildPlan
from chronicle.site.sanitize import safe_config
from chronicle.site.theme_bundle import after_load

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"
GC_YOUNG = 50_000  # allocations between two collections of the youngest objects (on_startup)


class ChroniclePlugin(BasePlugin[ChronicleConfig]):
    def __init__(self) -> None:
        self._shelf = MemoShelf()
        self._build: BuildPlan | None = None  # the build in progress, from on_files on
        self._files: Files | None = None
        self._writing = Writing()  # what MkDocs writes next, removed if that write fails
        self._parked = ParkedHtml()  # articles' HTML between MkDocs' two loops (parking.py)

    @property
    def build(self) -> BuildPlan:
        if self._build is None:
            raise RuntimeError("Chronicle: a page event came before on_files")
        return self._build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # perf: a build of 10,000 articles holds millions of long-lived objects (articles,
        # pages, the navigation), and with Python's default thresholds the cycle collector
        # walks them again every few thousand allocations. Collecting less often costs a little
        # memory held by cyclic garbage a while longer (measured, rebuild after adding one
        # article to 10,000: about 0.5 s less). Process-wide, but MkDocs' process is a build.
        gen0, gen1, gen2 = gc.get_threshold()
        gc.set_threshold(max(gen0, GC_YOUNG), max(gen1, 20), max(gen2, 100))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            safe_config(config)  # the theme prints mkdocs.yml's words unescaped
        except ValueError as exc:
            raise PluginError(f"Chronicle: {exc}") from None
        _add_templates(config)
        if STYLES not in config.extra_css:
            config.extra_css.insert(0, STYLES)  # first, so the archive's own styles win
        _add_module_script(config, TABLES_JS)
        if self.config.search_enabled:
            for name in ("search", "material/search"):
                if name in config.plugins:
                    # Two engines would make every reader download two indexes.
                    log.warning(
                        f"the '{name}' plugin is enabled besides Chronicle's Pagefind search; "
                        "remove it from mkdocs.yml"
                    )
            _add_module_script(config, SEARCH_ASSETS[0])
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # `chronicle build` is dirty on purpose; see incremental.py
        install_warning_filter(removes_stale=self.config.cache)
        self._files, self._writing = None, Writing()

    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        try:
            self._build = BuildPlan(files, config, self.config, self._shelf)
        except ChronicleError as exc:  # an article or the registry cannot be read
            raise PluginError(f"Chronicle: {exc}") from None
        self._build.generate_files(files)
        self._build.plan_pages(files)
        self._files = files
        incremental = self._build.incremental
        if incremental is not None and incremental.unfinished.stopped:
            remove_partial(files, [])  # copies a stopped build cut short: `--dirty` keeps them
        return files

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        self.build.attach_nav(nav, files)

    @event_priority(-100)  # last: the HTML is parked once every plugin has seen `on_env`
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> None:
        env.globals["chronicle_after_load"] = after_load  # main.html's scripts block
        self._parked = ParkedHtml()
        entries = self.build.entries
        # Before attach_env, which forks the helper that renders ahead: it shares them packed.
        self._parked.park(
            f.page for f in files.documentation_pages() if f.src_uri in entries and f.page
        )
        self.build.attach_env(env, files)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.render_source(page)

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return self.build.render_markdown(page, markdown)

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        return self.build.render_content(page, html_text)

    @event_priority(100)  # first: no plugin sees a parked page
    def _restore_page(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        self._parked.restore(page)
        return context

    def _page_context(
        self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        return self.build.render_context(page, context)

    on_page_context = CombinedEvent(_restore_page, _page_context)

    @event_priority(100)  # first: store the page as rendered, before any plugin changes it
    def _store_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        output = _valid_html(output)
        self.build.page_cache.store(page, output)
        self._writing.page(page.file.abs_dest_path)
        return output

    @event_priority(-100)  # last: every plugin has seen the page
    def _release_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        # mem: MkDocs keeps every page's Markdown and HTML until the build ends (about 17 KB
        # an article, 1.7 GB at 100,000), yet only writes `output` from here on. Chronicle's
        # own pages drop theirs once rendered; other pages are left as MkDocs has them.
        if self.build.owns(page.file.src_uri):
            page.content = page.markdown = None
        return output

    on_post_page = CombinedEvent(_store_page, _release_page)

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        self._writing.template(config.site_dir, template_name)
        return _valid_html(output_content)  # 404.html and the like

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        build, self._build = self.build, None
        self._writing = Writing()  # MkDocs has written every page: an error now is not its
        build.finish()
        if build.incremental is not None:
            build.incremental.unfinished.end()  # the site is whole (see Unfinished)

    def on_build_error(self, *, error: Exception) -> None:
        build, self._build = self._build, None
        if build is not None:
            build.abort()  # no indexer keeps writing into the site after MkDocs gave up on it
        if isinstance(error, OSError) and self._files is not None:  # a full disk: see partial.py
            remove_partial(self._files, self._writing.paths)
            if error.filename is None and self._writing.paths:  # MkDocs' write names no file
                error.filename = self._writing.paths[0]


def _add_templates(config: MkDocsConfig) -> None:
    """Chronicle's templates right after the archive's `custom_dir` (if any), before the
    theme's own: a Material theme needs no `custom_dir` to look like an archive."""
    dirs = config.theme.dirs
    if str(TEMPLATES) in dirs:
        return
    custom = config.theme.custom_dir
    dirs.insert(1 if custom is not None and dirs and dirs[0] == custom else 0, str(TEMPLATES))


def _add_module_script(config: MkDocsConfig, path: str) -> None:
    if not any(str(script) == path for script in config.extra_javascript):
        script = ExtraScriptValue(path)
        script.type = "module"
        config.extra_javascript.append(script)


_TOC_LABEL = '<label class="md-nav__title" for="__toc">'
_LABEL_END = "</label>"


_CHECKBOX_AUTOCOMPLETE = ' type="checkbox" id="__{}" autocomplete="off">'


def _valid_html(output: str) -> str:
    """Three fixes to Material's (9.x, in maintenance) markup, which the Nu HTML checker flags on
    every page, made here rather than by copying its 200-line nav-item.html or its toc.html
    into overrides/ to change one attribute:

    - the label of a navigation section gets an empty `tabindex=""`, invalid HTML; it means
      "not focusable by Tab" no more than leaving it out does;
    - the table of contents' title is a `<label for="__toc">` for a checkbox that Material only
      writes into a page that is in the navigation tree: on articles and listings (kept out of
      it) the label points at nothing. It becomes the plain title it already looks like;
    - its drawer and search toggles are checkboxes with `autocomplete="off"`, which HTML allows
      on text fields only (two errors on every page). Material set it so that Firefox does not
      restore a toggle after "back": without it, a drawer left open may show open again, which
      the reader closes as usual; valid markup on every page was chosen over that.
    """
    output = output.replace(' tabindex=""', "")
    for toggle in ("drawer", "search"):
        output = output.replace(
            _CHECKBOX_AUTOCOMPLETE.format(toggle), _CHECKBOX_AUTOCOMPLETE.format(toggle)[:-20] + ">"
        )
    if 'id="__toc"' not in output:
        output = _plain_toc_titles(output)
    return output


def _plain_toc_titles(output: str) -> str:
    """Each `<label …for="__toc">title</label>` as `<div class="md-nav__title">title</div>`.
    perf: found with `str.find` (what a regular expression with the same match did scanned the
    whole of every page, 0.7 s of CPU a thousand articles)."""
    parts, done = [], 0
    while (start := output.find(_TOC_LABEL, done)) >= 0:
        end = output.find(_LABEL_END, start + len(_TOC_LABEL))
        if end < 0:
            break
        title = output[start + len(_TOC_LABEL) : end]
        parts += [output[done:start], '<div class="md-nav__title">', title, "</div>"]
        done = end + len(_LABEL_END)
    return "".join(parts) + output[done:] if parts else output
