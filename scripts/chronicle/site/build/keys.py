"""Every cache key of a build, in one place: what each kept output is made from.

A kept output (a page left on disk by an incremental build, a converted body or a rendered page
in the build cache, an article's search record, a Pagefind shard) is reused only while its key
is the same. A key that misses something the output depends on serves a stale output; a key
that holds too much only costs a rebuild. So every key starts from `toolchain()`: the versions
of every package in `PACKAGES` and Chronicle's own code, looked up here and nowhere else. A
package that can change what a build writes is added to `PACKAGES` once, and every key covers
it (`tests/test_build_keys.py` changes a version through `package_version` and sees every
article page rebuilt).

The recipes:

- `site_salt`: what every page depends on besides its own data (docs/ outside the articles,
  the entity registry, templates, mkdocs.yml, the plugin's options, the toolchain);
- `output_key`: a page's input key in incremental builds (incremental.py): the site salt and
  fingerprints of what the page's context is made from;
- `record_key`: an article's search record (the site salt and the article's fingerprint);
- `markdown_salt` and `html_key`: an article's Markdown → HTML in the build cache;
- `template_salt`, `nav_digest` and `page_key`: a whole rendered page in the build cache;
- `block_key`: a rendered template block shared by pages within one build (TemplateMemo);
- `shard_salt` and `shard_key`: a Pagefind shard, by its records' keys or texts;
- `site_tag`: the name of one site folder's files in the cache.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from chronicle.archive.memo import CACHE_VERSION

# Every distribution whose version can change what a build writes: MkDocs and the theme (pages),
# Markdown and its extensions (article bodies, highlighted code), Jinja (templates), nh3 (the
# sanitiser), PyYAML (mkdocs.yml, front matter, the registry), python-slugify and edtf (URLs
# and dates shown), Pagefind (the search bundle) and Chronicle itself.
PACKAGES = (
    "mkdocs",
    "mkdocs-material",
    "markdown",
    "pymdown-extensions",
    "pygments",
    "jinja2",
    "nh3",
    "pyyaml",
    "python-slugify",
    "edtf",
    "pagefind",
    "chronicle-archive",
)
PACKAGE_DIR = Path(__file__).parents[2]  # the whole chronicle package: its code is a build input

Fingerprint = Callable[[Any], str]


# -- digests ------------------------------------------------------------------------------------


def digest(*parts: str | bytes) -> str:
    h = hashlib.sha256(CACHE_VERSION.encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))  # length-prefixed: ("ab","c") ≠ ("a","bc")
        h.update(data)
    return h.hexdigest()


def _name(path: Path, root: Path | None) -> str:
    """A file's name in a digest: relative to `root` when inside it, so that a project copied or
    cloned elsewhere (with its cache) keeps its keys."""
    if root is not None and path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return str(path)


def digest_files(paths: Iterable[Path], root: Path | None = None) -> str:
    """One digest of many files' names and contents (templates, config)."""
    parts: list[str | bytes] = []
    for path in sorted(paths):
        parts += [_name(path, root), path.read_bytes()]
    return digest(*parts)


def digest_stats(paths: Iterable[Path], root: Path | None = None) -> str:
    """Names, sizes and modification times: for large trees of files that change rarely
    (Material's templates, Chronicle's code), where reading every byte on every build would cost
    more than the rest of an incremental build's bookkeeping. An edit gives a new time."""
    return digest(
        *(f"{_name(p, root)}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(paths))
    )


def theme_files(folders: Iterable[str | Path]) -> list[Path]:
    """Every file of the theme's folders, for a digest of what pages are rendered with.

    perf: an installed theme's `.icons` folder (Material ships some 14,000 SVG files) is left
    out: its files change only with the theme's version, which every cache key already holds.
    A project's own icons (`overrides/.icons`, beside mkdocs.yml) are not installed: kept."""
    files = []
    for folder in folders:
        installed = "site-packages" in Path(folder).parts or "dist-packages" in Path(folder).parts
        for root, subfolders, names in os.walk(folder):
            if installed:
                subfolders[:] = [d for d in subfolders if d != ".icons"]
            files += [Path(root, name) for name in names]
    return files


# -- what every key holds -----------------------------------------------------------------------


def package_version(name: str) -> str:
    """The version of one distribution this process runs ("-" when it is not installed)."""
    return _loaded_version(name)


@functools.cache
def _loaded_version(name: str) -> str:
    # perf: each lookup scans every folder of sys.path (measured: 2 to 20 ms for the list,
    # and a build makes several keys). Looked up once a process, which is also what the process
    # runs: under `mkdocs serve`, a package upgraded meanwhile is not the one loaded.
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def package_versions() -> str:
    return ",".join(
        [f"python={platform.python_version()}", *(f"{n}={package_version(n)}" for n in PACKAGES)]
    )


def toolchain() -> str:
    """The package versions and Chronicle's own code (templates and assets included)."""
    code = [p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return digest(package_versions(), digest_stats(code))


# -- incremental builds (incremental.py) and search records -------------------------------------


def site_salt(
    config: MkDocsConfig, articles_prefix: str, plugin_config: object, data_files: list[Path]
) -> str:
    """What every page depends on besides its own data (`data_files`: e.g. the entity registry,
    wherever it lives)."""
    docs = Path(config.docs_dir)
    articles = docs / articles_prefix.strip("/")
    non_articles = []
    for folder, subfolders, names in os.walk(docs):
        if Path(folder) == articles.parent:  # do not walk 10,000 articles to skip them
            subfolders[:] = [d for d in subfolders if Path(folder, d) != articles]
        non_articles += [Path(folder, n) for n in names]
    templates = theme_files(config.theme.dirs)
    config_file = Path(config.config_file_path) if config.config_file_path else None
    # Names relative to the project: a copy or a clone elsewhere keeps its cache.
    project = config_file.parent if config_file else None
    return digest(
        toolchain(),
        digest_files(non_articles, project),
        digest_files([p for p in data_files if p.is_file()], project),
        digest_stats(templates, project),
        config_file.read_bytes() if config_file and config_file.exists() else b"",
        repr(sorted(config.plugins)),
        repr(dict(plugin_config)),  # type: ignore[call-overload]
    )


def output_key(salt: str, dest_uri: str, fingerprints: Iterable[str]) -> str:
    """A page's input key: kept on disk while it is the one its output was written with."""
    return digest(salt, dest_uri, *fingerprints)


def record_key(salt: str, article_fingerprint: str) -> str:
    """What an article's search record is made from: the article (its text, metadata and
    address) and the site salt. Not its page's key, which also holds its neighbours: their
    change leaves its record as it was."""
    return digest(salt, article_fingerprint)


def site_tag(site_dir: str) -> str:
    """The name of one site folder's files in the cache (`<stem>-<tag>.json`)."""
    return digest(os.path.abspath(site_dir))[:16]


# -- the build cache (pagecache.py) -------------------------------------------------------------


def markdown_salt(config: MkDocsConfig) -> str:
    """What converting any article's Markdown depends on besides the Markdown and its URL."""
    return digest(
        repr(config.markdown_extensions),
        repr(sorted((config.mdx_configs or {}).items(), key=lambda kv: kv[0])),
        str(config.use_directory_urls),
        toolchain(),
    )


def html_key(salt: str, url: str, markdown: str) -> str:
    """An article's converted body: its final Markdown and URL (relative links depend on it)."""
    return digest(salt, url, markdown)


def template_salt(template_files: Iterable[Path], config_file: str | None) -> str:
    """What every rendered page depends on: templates, mkdocs.yml, the toolchain."""
    config_text = Path(config_file).read_bytes() if config_file else b""
    return digest(digest_stats(template_files), config_text, toolchain())


def toc_tokens(items: list[AnchorLink]) -> list[dict[str, Any]]:
    """A table of contents as MkDocs' `get_toc` reads it back."""
    return [
        {"level": i.level, "id": i.id, "name": i.title, "children": toc_tokens(i.children)}
        for i in items
    ]


def nav_digest(nav: Any) -> str:
    """The navigation every page prints: titles, URLs and nesting."""

    def walk(items: list[Any]) -> str:
        return ";".join(
            f"{type(i).__name__}:{i.title}:{getattr(i, 'url', '')}:"
            f"[{walk(getattr(i, 'children', None) or [])}]"
            for i in items
        )

    return digest(walk(nav.items))


# Context keys MkDocs itself provides; each is covered by the page key another way (page fields,
# config text, nav digest), or unused by the templates (build_date_utc).
MKDOCS_CONTEXT = frozenset(
    {
        "nav",
        "pages",
        "base_url",
        "extra_css",
        "extra_javascript",
        "mkdocs_version",
        "build_date_utc",
        "config",
        "page",
        "chronicle_memo",  # a helper for templates (TemplateMemo), not data
    }
)


def page_key(
    salt: str, nav: str, page: Page, context: dict[str, Any], fingerprint: Fingerprint
) -> str:
    """A whole rendered page: everything its template can read."""
    extra = {k: v for k, v in context.items() if k not in MKDOCS_CONTEXT}
    return digest(
        salt,
        nav,
        page.url,
        page.title or "",
        fingerprint(page.meta),
        page.content or "",
        json.dumps(toc_tokens(list(page.toc))),
        *(getattr(p, "url", "") or "" for p in (page.previous_page, page.next_page)),
        page.canonical_url or "",
        page.edit_url or "",
        fingerprint(extra),
    )


def block_key(page_url: str, base_url: str, nav_urls: Sequence[Sequence[str]]) -> str:
    """A rendered template block shared by pages of one build (TemplateMemo).

    A block's links are relative to the page, and MkDocs shortens them by the folders a page
    shares with the target (`archive/2019/` → `archive/` is `../`), so the key is not the depth
    alone: it is `base_url` (the depth), the page's top folder (for theme assets), and how many
    folders the page shares with each page in the navigation."""
    parts = page_url.split("/")
    shared = []
    for target in nav_urls:
        n = 0
        while n < len(parts) - 1 and n < len(target) and parts[n] == target[n]:
            n += 1
        shared.append(str(n))
    return f"{base_url}|{parts[0]}|{','.join(shared)}"


# -- search -------------------------------------------------------------------------------------


def shard_salt(language: str) -> str:
    """What every shard of a bundle is indexed with: the forced language and the toolchain (made
    once a bundle: a bundle of 100,000 articles has some thirty shards)."""
    return digest(language, toolchain())


def shard_key(salt: str, path: str, records: Iterable[str]) -> str:
    """A Pagefind shard's files: the bundle's salt, where the shard goes (the primary keeps
    Pagefind's code, the others do not) and its records (each a key or a text, in a fixed
    order)."""
    return digest(salt, path, *records)
