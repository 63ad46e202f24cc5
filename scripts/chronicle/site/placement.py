"""Where Chronicle's pages sit in MkDocs' files: which ones a navigation MkDocs makes from the
files may list (when mkdocs.yml has no `nav`), and the home page an archive without its own
docs/index.md still gets."""

from __future__ import annotations

import html
from collections.abc import Container

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

HOME = "index.md"
STYLES = "assets/chronicle/chronicle.css"  # the archive's look, on every page (plan.py)


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
        title = html.escape(config.site_name)
        files.append(File.generated(config, HOME, content=f"# {title}\n"))
