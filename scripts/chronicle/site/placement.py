"""Where Chronicle's pages sit in MkDocs' files: which ones a navigation MkDocs makes from the
files may list (when mkdocs.yml has no `nav`), the home page an archive without its own
docs/index.md still gets, and the scripts and styles written into every site."""

from __future__ import annotations

import html
from collections.abc import Container
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from chronicle.site.minify import minified
from chronicle.site.sanitize import plain
from chronicle.site.story_pages import STORY_CSS

HOME = "index.md"
# The archive's look, on every page; the story pages' and the search box's styles joined to it.
STYLES = "assets/chronicle/chronicle.css"
ASSETS = Path(__file__).parent / "assets"
QUOTES_JS = "assets/chronicle/quotes.js"
TABLES_JS = "assets/chronicle/tables.js"  # wide tables reachable from the keyboard, every page
PRINT_CSS = "assets/chronicle/print.css"  # the handout an article prints as
# Chronicle's search scripts, copied into every site at their paths, and styles (joined into
# chronicle.css, see add_assets). The first, on every page, loads the others when a page needs
# them (the header box on its first use, the search page its own); they find the Pagefind
# bundle relative to their own URL (../../pagefind/).
SEARCH_ASSETS = ("assets/chronicle/search.js", "assets/chronicle/search.css")
SEARCH_JOBS = ("box", "page", "labels", "pagefind", "words", "results", "query", "counts", "facets")
SEARCH_MODULES = tuple(f"assets/chronicle/search-{job}.js" for job in SEARCH_JOBS)
# perf: the source of every generated page. Empty (their templates draw everything from the
# context), and a file rather than in-memory content, because MkDocs' `--dirty` check
# (`File.is_modified`) always rebuilds in-memory pages: with a file behind them, an incremental
# build can skip the ones whose inputs did not change (build/incremental.py).
GENERATED_SOURCE = str(ASSETS / "generated-page.md")


def add_assets(files: Files, config: MkDocsConfig, *, search: bool) -> None:
    """Chronicle's scripts and styles, from the package and minified (minify.py), unless the
    archive has its own file at the same path (copied as it is)."""
    scripts = (SEARCH_ASSETS[0], *SEARCH_MODULES) if search else ()
    for asset in (QUOTES_JS, TABLES_JS, PRINT_CSS, *scripts):
        if files.get_file_from_path(asset) is None:
            text = (ASSETS / Path(asset).name).read_text(encoding="utf-8")
            files.append(File.generated(config, asset, content=minified(text, asset)))
    parts = [STYLES, STORY_CSS, *(SEARCH_ASSETS[1:] if search else ())]
    text = "\n".join(_stylesheet(files, part) for part in parts)
    own = files.get_file_from_path(STYLES)
    if own is not None:
        files.remove(own)  # its text is the first part of the file that replaces it
    files.append(File.generated(config, STYLES, content=minified(text, STYLES)))


def _stylesheet(files: Files, path: str) -> str:
    """perf: one of the stylesheets joined into chronicle.css, so a page waits for one request
    before its first paint instead of three: the archive's own file at `path` if it has one (as
    the separate files were), else the package's."""
    own = files.get_file_from_path(path)
    if own is not None and own.abs_src_path:
        return Path(own.abs_src_path).read_text(encoding="utf-8")
    return (ASSETS / Path(path).name).read_text(encoding="utf-8")


def generated_page(config: MkDocsConfig, src_uri: str, source: str) -> File:
    """A generated page's file. Only the first page of each kind (archive/index.md, topics/…)
    may show in a navigation MkDocs makes from the files; days, topics and people may not."""
    top = src_uri.count("/") == 1 and src_uri.endswith("/index.md")
    inclusion = InclusionLevel.UNDEFINED if top else InclusionLevel.NOT_IN_NAV
    return File.generated(config, src_uri, abs_src_path=source, inclusion=inclusion)


def keep_out_of_nav(files: Files, articles: Container[str]) -> None:
    """Articles (by src_uri) are reached through the archive's pages, never the navigation:
    without `nav` in mkdocs.yml, MkDocs would list every one in the sidebar."""
    for file in files.documentation_pages():
        if file.src_uri in articles and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV


def add_home_page(files: Files, config: MkDocsConfig) -> None:
    """A home page titled with the site's name, unless docs/ has one (index.md, README.md);
    the plugin gives it the home template with the archive's figures and latest articles."""
    if not any(f.url in ("", "./", "index.html") for f in files.documentation_pages()):
        title = html.escape(plain(config.site_name))
        files.append(File.generated(config, HOME, content=f"# {title}\n"))
