"""What a build writes besides its pages, once MkDocs has written them (`on_post_build`): the
feeds (feeds.py), the open data (open_data.py), the references of the archive and of each
topic, source, year and entity (citations/records.py), robots.txt, and the sitemap's
last-modified dates. What a reader reads in them (feed titles, the open data page) is in the
archive's language (`theme.language`, labels.py).

Every file is made from the whole archive, so an incremental build writes what a clean one
does; a file whose text did not change is not written again (its time stays, and a server's
caches with it).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from chronicle.archive.files import write_atomic
from chronicle.archive.index import Archive, Entry
from chronicle.site import feeds, open_data
from chronicle.site.build.keys import digest
from chronicle.site.config import ChronicleConfig
from chronicle.site.entity_pages import KIND_FIELDS, EntitySite
from chronicle.site.fragments import ArticleFragments, Memo
from chronicle.site.labels import Labels, labels_for
from chronicle.site.memos import MemoShelf
from chronicle.site.sanitize import plain

log = get_plugin_logger(__name__)
OUTPUTS_FILE = "outputs.json"  # in the build cache: what the last build wrote (write_outputs)
FRAGMENTS_FILE = "output-fragments.pickle"  # in the build cache: fragments.Fragments by key
REFERENCES = {"BibTeX": "references.bib", "RIS": "references.ris", "CSL-JSON": "references.json"}


def add_open_data_page(files: Files, config: MkDocsConfig) -> None:
    """The page that lists the open data downloads, unless the archive wrote its own."""
    if files.get_file_from_path(open_data.PAGE) is None:
        labels = labels_for(config.theme.get("language"))
        page = open_data.page_markdown(list(REFERENCES.items()), labels)
        files.append(File.generated(config, open_data.PAGE, content=page))


@dataclass(frozen=True)
class Site:
    """What the outputs need to know of the site."""

    site_dir: Path
    docs_dir: Path
    site_url: str  # "" when mkdocs.yml sets none: no feeds, relative addresses elsewhere
    name: str
    description: str
    feed_size: int
    bases: dict[str, str]  # "archive", "topics", "sources", "person"... → site folder
    labels: Labels  # the archive's words and dates
    language: str  # its `theme.language` ("en" when none), the feeds' language tag


@dataclass(frozen=True)
class Group:
    """A set of articles with a page, its feeds and its references: the archive, a topic..."""

    title: str
    page: str  # site-relative folder of its page (and its files)
    entries: list[Entry]
    feeds: bool = True


def site_of(config: MkDocsConfig, options: ChronicleConfig, base: Callable[[str], str]) -> Site:
    """`base`: a site folder from its option's name ("topics" → "topics/")."""
    bases = {k: base(k) for k in ("archive", "topics", "sources")}
    return Site(
        site_dir=Path(config.site_dir),
        docs_dir=Path(config.docs_dir),
        site_url=config.site_url or "",
        name=plain(config.site_name),
        description=plain(config.site_description),
        feed_size=options.feed_size,
        bases=bases,
        labels=labels_for(config.theme.get("language")),
        language=config.theme.get("language") or "en",
    )


def added_at(docs_dir: Path) -> feeds.AddedAt:
    """When an entry entered the archive: its provenance, else its file's time."""

    def added(entry: Entry) -> dt.datetime:
        if entry.article.provenance is not None:
            return entry.article.provenance.added.astimezone(dt.UTC)
        try:
            mtime = (docs_dir / entry.src_uri).stat().st_mtime
        except OSError:
            return feeds.EPOCH
        return dt.datetime.fromtimestamp(int(mtime), dt.UTC)

    return added


def groups(
    archive: Archive, entity_site: EntitySite, bases: dict[str, str], labels: Labels
) -> list[Group]:
    """Every topic, source, year and entity with its articles (newest first)."""
    out = [
        Group(labels("topics.of", name=g.name), f"{bases['topics']}{g.slug}/", g.entries)
        for g in archive.topics.values()
    ]
    out += [
        Group(labels("sources.of", name=g.name), f"{bases['sources']}{g.slug}/", g.entries)
        for g in archive.sources.values()
    ]
    out += [
        Group(str(year), f"{bases['archive']}{year}/", entries, feeds=False)
        for year, entries in archive.years.items()
    ]
    mentions: dict[str, list[Entry]] = {}
    for entry in archive.entries:
        for field in KIND_FIELDS.values():
            for name in getattr(entry.article, field):
                if name in entity_site.info:
                    mentions.setdefault(name, []).append(entry)
    for name, entries in mentions.items():
        info = entity_site.info[name]
        out.append(Group(labels(f"feed.{info.kind}", name=info.name), info.url, entries))
    return out


class Keys(Protocol):
    """What makes a group's key: build/incremental.py's `Incremental` has both."""

    salt: str
    fingerprint: Callable[[object], str]


@dataclass(frozen=True)
class Reuse:
    """What lets a rebuild skip the groups whose inputs did not change: the site-wide salt
    (keys.site_salt), the build's fingerprinter of articles, and what the last build wrote for
    each group (its page → its key and files).

    perf: a topic's, source's, year's or entity's feeds and references are made from its
    articles alone; rebuilding 1,000 articles after adding one made all 828 groups' files again
    (8.7 s of a 13 s rebuild, measured), of which a handful changed."""

    salt: str
    fingerprint: Callable[[object], str]
    before: dict[str, tuple[str, list[str]]]
    fragments: Memo | None = None  # each article's share of the references, by its key


class _GroupKeys:
    """A group's key: the site's settings and, for each article it lists, its fingerprint,
    address and time added. perf: an article is in a dozen groups; its part is made once."""

    def __init__(self, site: Site, added: feeds.AddedAt, reuse: Reuse) -> None:
        self.site, self.added, self.reuse = site, added, reuse
        self._parts: dict[str, str] = {}

    def __call__(self, group: Group) -> str:
        site = self.site
        parts = [self.reuse.salt, site.site_url, site.name, str(site.feed_size), site.language]
        parts += [repr(site.labels), group.title, group.page, str(group.feeds)]
        for entry in group.entries:
            part = self._parts.get(entry.src_uri)
            if part is None:
                part = self._parts[entry.src_uri] = digest(
                    self.reuse.fingerprint(entry.article),
                    entry.url,
                    self.added(entry).isoformat(),
                )
            parts.append(part)
        return digest(*parts)


def outputs(
    archive: Archive,
    entity_site: EntitySite,
    site: Site,
    reuse: Reuse | None = None,
    sink: Callable[[str, str], None] | None = None,
) -> tuple[dict[str, str], dict[str, tuple[str, list[str]]]]:
    """Site-relative path → text of every file this module writes (but the sitemap), and each
    group's key and files (page → (key, paths)). With `reuse`, a group whose key is the last
    build's, and whose files are all there, is not made again: its files are not in the first
    dict (they are on disk as they would be written), only in the second. With `sink`, each
    file is handed to it as soon as it is made, and the first dict stays empty (mem: together
    they are some 470 MB of text at 10,000 articles, 4.7 GB at 100,000)."""
    added = added_at(site.docs_dir)
    kept: dict[str, str] = {}

    def emit(found: dict[str, str]) -> None:
        if sink is None:
            kept.update(found)
            return
        for path, text in found.items():
            sink(path, text)

    made: dict[str, tuple[str, list[str]]] = {}
    references = ArticleFragments(site.site_url, site.name)
    group_key = None
    if reuse is not None:
        references = ArticleFragments(
            site.site_url,
            site.name,
            memo=reuse.fragments,
            key=lambda entry: reuse.fingerprint(entry.article),
            salt=reuse.salt,
        )
        group_key = _GroupKeys(site, added, reuse)
    emit(references.references(open_data.FOLDER, archive.entries, REFERENCES))
    emit(references.open_data(archive.entries))
    L = site.labels
    for group in groups(archive, entity_site, site.bases, L):
        key = "" if group_key is None else group_key(group)
        last = reuse.before.get(group.page) if reuse is not None else None
        if (
            last is not None
            and last[0] == key
            and all((site.site_dir / path).is_file() for path in last[1])
        ):
            made[group.page] = last
            continue
        found = references.references(group.page, group.entries, REFERENCES)
        if site.site_url and group.feeds:
            channel = feeds.Channel(
                L("feed.of", site=site.name, name=group.title),
                "",
                group.page,
                group.page,
                feeds.recently_added(group.entries, added, site.feed_size),
            )
            found.update(
                feeds.render_channel(
                    channel, site_url=site.site_url, added=added, labels=L, language=site.language
                )
            )
        emit(found)
        made[group.page] = (key, sorted(found))
    if site.site_url:
        recent = feeds.recently_added(archive.entries, added, site.feed_size)
        channels = [
            feeds.Channel(L("feed.recent", site=site.name), site.description, "", "", recent),
            feeds.Channel(
                L("feed.by_date", site=site.name),
                site.description,
                "",
                "",
                archive.entries[: site.feed_size],
                names=feeds.BY_DATE,
            ),
        ]
        for channel in channels:
            emit(
                feeds.render_channel(
                    channel,
                    site_url=site.site_url,
                    added=added,
                    labels=L,
                    language=site.language,
                )
            )
        if not (site.docs_dir / "robots.txt").exists():
            robots = (
                f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site.site_url, 'sitemap.xml')}\n"
            )
            emit({"robots.txt": robots})
    else:
        log.warning("site_url is not set in mkdocs.yml: feeds need absolute links; none written")
    return kept, made


def write_outputs(
    archive: Archive,
    entity_site: EntitySite,
    site: Site,
    cache: Path | None = None,
    keys: Keys | None = None,
    shelf: MemoShelf | None = None,
) -> int:
    """Writes every output that changed; how many were written. `cache` (the build cache's
    folder) lists what the last build wrote, so an output whose topic, source or entity is gone
    is removed, as a clean build would not have it; with `keys` (the incremental plan's salt
    and fingerprinter), groups whose inputs did not change are not made again, and with `shelf`
    too, each article's share of the references and open data is kept between builds
    (fragments.py)."""
    manifest = None if cache is None else cache / OUTPUTS_FILE
    before = _read_manifest(manifest)
    reuse = fragments = None
    if keys is not None and cache is not None:
        if shelf is not None:
            fragments = shelf.records(cache / FRAGMENTS_FILE)
        reuse = Reuse(keys.salt, keys.fingerprint, before["groups"], fragments)
    done: set[str] = set()
    written = 0

    def write(path: str, text: str) -> None:
        nonlocal written
        done.add(path)
        target = site.site_dir / path
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                return
        except OSError:
            pass
        write_atomic(target, text, durable=False)  # made again by the next build if lost
        written += 1

    _, made = outputs(archive, entity_site, site, reuse, sink=write)
    if manifest is not None:
        paths = done.union(*(set(paths) for _, paths in made.values()))
        for gone in set(before["paths"]) - paths:
            (site.site_dir / gone).unlink(missing_ok=True)
        text = json.dumps({"paths": sorted(paths), "groups": made}, sort_keys=True)
        write_atomic(manifest, text, durable=False)
    if shelf is not None and fragments is not None:
        shelf.save(fragments)
    _sitemap_dates(archive, site)
    return written


def _read_manifest(manifest: Path | None) -> dict[str, Any]:
    """What the last build wrote: {"paths": [...], "groups": {page: [key, paths]}}; empty when
    there is none or it cannot be read (every group is then made again)."""
    empty: dict[str, Any] = {"paths": [], "groups": {}}
    if manifest is None:
        return empty
    try:
        found = json.loads(manifest.read_text(encoding="utf-8"))
        groups = {page: (str(key), list(paths)) for page, (key, paths) in found["groups"].items()}
        return {"paths": list(found["paths"]), "groups": groups}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return empty


_URL = re.compile(r"<url>\s*<loc>([^<]*)</loc>(?:\s*<lastmod>[^<]*</lastmod>)?", re.S)


def _sitemap_dates(archive: Archive, site: Site) -> None:
    """The sitemap's <lastmod>: an article's is the day it was added (what MkDocs writes is the
    build's day for every page, which tells a crawler nothing); any other page's is the day
    the archive last grew, as every listing may show the newest article."""
    path = site.site_dir / "sitemap.xml"
    if not path.exists() or not archive.entries:
        return
    added = added_at(site.docs_dir)
    by_url = {urljoin(site.site_url, e.url): added(e).date().isoformat() for e in archive.entries}
    newest = max(by_url.values())

    def dated(match: re.Match[str]) -> str:
        loc = match.group(1)
        return f"<url>\n  <loc>{loc}</loc>\n  <lastmod>{by_url.get(loc, newest)}</lastmod>"

    text = _URL.sub(dated, path.read_text(encoding="utf-8"))
    write_atomic(path, text, durable=False)
    # MkDocs writes a gzipped copy too; mtime 0 keeps it the same from build to build.
    (site.site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
