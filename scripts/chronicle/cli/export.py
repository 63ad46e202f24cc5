"""`chronicle export --offline archive.zip`: a copy of the site that works opened from the disk,
with no server and no network.

Three things a site needs a server for are changed in the copy, and only there:

- addresses: the site links to folders (`../2025/`), which a browser shows from file:// as a
  directory listing; every relative link to a folder is rewritten to its `index.html`;
- scripts: browsers refuse module scripts from file://; Chronicle's own (which import nothing)
  become deferred classic scripts;
- search: Pagefind fetches its index, which browsers also refuse from file://. The copy leaves
  Pagefind out and carries a prebuilt index instead, a plain script (offline-index.js) with each
  article's address, title, date, source and text, searched in the page by offline-search.js.
  It costs about the size of the archive's text (the whole index is loaded at once, so this
  suits archives of up to a few thousand articles); filters and date sorting need Pagefind and
  are left out.

The site is built afresh into a temporary folder (the build cache is not used, so the site's own
`site/` and cache are untouched), changed, and zipped under one folder named after the ZIP.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

import click
from lxml import html as lxml_html

from chronicle.archive.files import write_atomic

ASSETS = Path(__file__).resolve().parent.parent / "site" / "assets"
INDEX_JS = "assets/chronicle/offline-index.js"
SEARCH_JS = "assets/chronicle/offline-search.js"
LEFT_OUT = ("pagefind/",)  # Pagefind's bundle cannot run from file://

_ATTR = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^#")
_MODULE = re.compile(r'<script([^>]*?)\stype="module"([^>]*)>')
# Material fetches sitemap.xml for a page with <link rel="alternate"> (its language links); from
# file:// that request fails. The feeds these links announce need a server anyway.
_ALTERNATE = re.compile(r'\s*<link rel="alternate"[^>]*>')
_PAGEFIND_SCRIPT = re.compile(
    r'\s*<script[^>]*src="[^"]*assets/chronicle/search(?:-\w+)?\.js"[^>]*></script>'
)


def folder_links(page: str) -> str:
    """Every relative link to a folder in `page` made a link to that folder's index.html."""

    def fix(match: re.Match[str]) -> str:
        value = match.group(2)
        if not value or _SCHEME.match(value) or value.startswith(("?", "/")):
            return match.group(0)
        cut = min((i for i in (value.find("?"), value.find("#")) if i != -1), default=len(value))
        path, rest = value[:cut], value[cut:]
        if path in (".", "..") or path.endswith(("/.", "/..")):
            path += "/"
        if path.endswith("/"):
            path += "index.html"
        return f"{match.group(1)}{path}{rest}{match.group(3)}"

    return _ATTR.sub(fix, page)


def classic_scripts(page: str) -> str:
    """Pagefind's search scripts and feed links removed; module scripts made deferred classic
    ones."""
    page = _ALTERNATE.sub("", _PAGEFIND_SCRIPT.sub("", page))
    return _MODULE.sub(r"<script\1 defer\2>", page)


def _root_of(path: Path, site: Path) -> str:
    depth = len(path.relative_to(site).parts) - 1
    return "../" * depth


def article_record(path: Path, site: Path) -> dict[str, str] | None:
    """What the offline search needs of a built article page, or None for any other page."""
    text = path.read_text(encoding="utf-8")
    if "data-pagefind-body" not in text:
        return None
    doc = lxml_html.fromstring(text)
    (body,) = doc.xpath("//*[@data-pagefind-body]")[:1] or [None]
    if body is None:
        return None
    title = " ".join(body.xpath("string(.//h1)").split())
    meta = {
        span.get("data-pagefind-meta"): " ".join(span.text_content().split())
        for span in body.xpath(".//*[@data-pagefind-meta]")
    }
    when = " ".join(body.xpath("string(.//dl[contains(@class,'chronicle-meta')]//time)").split())
    words = body.xpath(".//*[contains(@class,'chronicle-article__body')]")
    content = " ".join(words[0].text_content().split()) if words else ""
    langs = body.xpath(".//h1/@lang")
    return {
        "url": path.relative_to(site).as_posix(),
        "title": title,
        "when": when,
        "date": meta.get("date", ""),
        "source": meta.get("source", ""),
        "language": langs[0] if langs else "",
        "text": content,
    }


def offline_copy(site: Path, search_page: str | None) -> int:
    """Changes the built `site` in place into its offline copy; the number of articles indexed."""
    for left_out in LEFT_OUT:
        shutil.rmtree(site / left_out, ignore_errors=True)
    records = []
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        record = article_record(path, site)
        if record is not None:
            records.append(record)
    for path in pages:
        page = classic_scripts(folder_links(path.read_text(encoding="utf-8")))
        relative = path.relative_to(site).as_posix()
        if search_page is not None and relative == search_page:
            root = _root_of(path, site)
            scripts = (
                f'<script src="{root}{INDEX_JS}"></script>\n'
                f'<script src="{root}{SEARCH_JS}"></script>\n'
            )
            page = page.replace("</body>", scripts + "</body>", 1)
        write_atomic(path, page, durable=False)
    # The search's words are in each page, in the archive's language (js.offline_* messages).
    data = {"articles": records}
    index = "window.CHRONICLE_OFFLINE = " + json.dumps(data, ensure_ascii=False) + ";\n"
    write_atomic(site / INDEX_JS, index, durable=False)
    shutil.copyfile(ASSETS / "offline-search.js", site / SEARCH_JS)
    return len(records)


def build_site(config_file: Path, site_dir: Path) -> str | None:
    """Builds the site of `config_file` into `site_dir` without the build cache; the search
    page's path in the site (None when search is off)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        plugin = config.plugins.get("chronicle")
        if plugin is None:
            raise click.ClickException(f"{config_file} does not use the chronicle plugin")
        options = plugin.config
        options["cache"] = False  # a build elsewhere must not mark the site's own pages done
        options["parallel"] = False
        build(config)
    except MkDocsException as exc:
        raise click.ClickException(f"the site could not be built: {exc}") from None
    if not options["search_enabled"]:
        return None
    return options["search_url"].strip("/") + "/index.html"


def zip_folder(folder: Path, target: Path, name: str) -> None:
    """`folder` zipped into `target` under `name`/, written whole or not at all."""
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    z.write(path, f"{name}/{path.relative_to(folder).as_posix()}")
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


@click.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--offline",
    is_flag=True,
    required=True,
    help="A copy that works opened from the disk (file://), with its own search.",
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
    help="The site's mkdocs.yml.",
)
def export(target: Path, offline: bool, config_file: Path) -> None:
    """Export the site as a ZIP that works without a server or a network.

    Unzip it anywhere and open index.html in a browser: browsing by date, topic and source and
    searching work from the disk.

    \b
    Example:
      chronicle export --offline archive.zip
    """
    if target.suffix.lower() != ".zip":
        raise click.ClickException(f"{target}: the offline copy is a .zip file")
    if not target.parent.is_dir():
        raise click.ClickException(f"{target.parent}: no such folder")
    with tempfile.TemporaryDirectory(prefix="chronicle-export-") as tmp:
        site = Path(tmp) / "site"
        search_page = build_site(config_file, site)
        count = offline_copy(site, search_page)
        index_size = (site / INDEX_JS).stat().st_size
        try:
            zip_folder(site, target, target.stem or "archive")
        except OSError as exc:
            raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from None
    size = target.stat().st_size / 1_000_000
    click.echo(
        f"{target}: {count} articles, {size:.1f} MB (search index {index_size / 1_000_000:.1f} MB"
        " before compression); unzip it and open index.html from the disk"
    )
