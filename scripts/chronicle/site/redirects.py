"""Redirect pages from the addresses an article used to have to where it is now.

The archive records them (`changes.yml`, see `archive/changes.py`): the file an article had
before `chronicle move` re-dated it, and the address a Material blog published a post at before
`chronicle add --redirects` brought it in. Each becomes a small static page at the old address
that sends the reader on (a meta refresh, a script keeping the #fragment, and a link), with the
new address as canonical so search engines move the page too. Written here rather than with the
mkdocs-redirects plugin because the redirects come from the archive, not from mkdocs.yml, and
the target is resolved by article id at build time (an article moved twice still has one hop).
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from chronicle.archive.changes import CHANGES_FILE, read_changes, redirects
from chronicle.archive.index import Entry
from chronicle.errors import ChronicleError

log = get_plugin_logger(__name__)


def old_page(address: str, directory_urls: bool) -> tuple[str, str]:
    """A recorded old address → (its URL, the file to write there). A source path (`….md`) is
    published where MkDocs would publish it; a site address ending in / gets an index.html."""
    address = address.strip().lstrip("/")
    if address.endswith(".md"):
        stem = address[:-3]
        if directory_urls:
            url = "" if stem in ("index", "") else stem.removesuffix("/index") + "/"
            return url, url + "index.html"
        return stem + ".html", stem + ".html"
    if address.endswith((".html", ".htm")):
        return address, address
    url = address.rstrip("/") + "/"
    return url, url + "index.html"


def redirect_page(target: str, here: str, site_url: str) -> str:
    """The HTML of a redirect from the page at `here` to `target` (both site-relative URLs)."""
    relative = get_relative_url(target, here)
    href = html.escape(relative, quote=True)
    canonical = html.escape(site_url.rstrip("/") + "/" + target, quote=True) if site_url else ""
    script = json.dumps(relative).replace("</", "<\\/")
    head = '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
    head += "<title>Redirecting…</title>\n"
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">\n'
    return (
        head + '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({script} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>This page has moved to <a href="{href}">{href}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def add_redirects(files: Files, config: MkDocsConfig, entries: dict[str, Entry]) -> int:
    """Add a redirect page for every recorded old address whose article is in this build and
    where no file of the site is (the record is beside mkdocs.yml); how many were added."""
    project = Path(config.config_file_path or ".").parent
    try:
        wanted = redirects(read_changes(project / CHANGES_FILE))
    except ChronicleError as exc:
        raise PluginError(f"Chronicle: {exc}") from None
    if not wanted:
        return 0
    by_id = {entry.article.id: entry.url for entry in entries.values()}
    taken = {file.dest_uri for file in files}
    added = 0
    for address, article_id in sorted(wanted.items()):
        target = by_id.get(article_id)
        if target is None:
            log.info(f"no article '{article_id}' for the old address {address}; no redirect")
            continue
        url, dest = old_page(address, config.use_directory_urls)
        if url == target or dest in taken:
            continue  # the article is back at its old address, or a page of the site is there
        taken.add(dest)
        page = redirect_page(target, url, config.site_url or "")
        files.append(File.generated(config, dest, content=page))
        added += 1
    return added
