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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from chronicle.archive.files import write_atomic
from chronicle.archive.index import Archive, Entry
from chronicle.archive.model import Article
from chronicle.site import feeds, open_data
from chronicle.site.citations.records import bibtex, csl, ris
from chronicle.site.citations.styles import Place
from chronicle.site.cite import place_of
from chronicle.site.config import ChronicleConfig
from chronicle.site.entity_pages import KIND_FIELDS, EntitySite
from chronicle.site.labels import Labels, labels_for
from chronicle.site.sanitize import plain

log = get_plugin_logger(__name__)
OUTPUTS_FILE = "outputs.json"  # in the build cache: what the last build wrote (write_outputs)
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


def site_of(config: MkDocsConfig, options: ChronicleConfig, bases: dict[str, str]) -> Site:
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


class _References:
    """Each article's references made once, however many groups list it."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._made: dict[str, tuple[str, str, dict[str, object]]] = {}

    def place(self, entry: Entry) -> Place:
        return place_of(entry.article, urljoin(self.site.site_url, entry.url), self.site.name)

    def _of(self, entry: Entry) -> tuple[str, str, dict[str, object]]:
        made = self._made.get(entry.src_uri)
        if made is None:
            article: Article = entry.article
            place = self.place(entry)
            made = (bibtex(article, place), ris(article, place), csl(article, place))
            self._made[entry.src_uri] = made
        return made

    def files(self, folder: str, entries: Iterable[Entry]) -> dict[str, str]:
        made = [self._of(e) for e in entries]
        return {
            folder + REFERENCES["BibTeX"]: "\n".join(b for b, _, _ in made),
            folder + REFERENCES["RIS"]: "\n".join(r for _, r, _ in made),
            folder + REFERENCES["CSL-JSON"]: json.dumps(
                [c for _, _, c in made], ensure_ascii=False, indent=1
            )
            + "\n",
        }


def outputs(archive: Archive, entity_site: EntitySite, site: Site) -> dict[str, str]:
    """Site-relative path → text of every file this module writes (but the sitemap)."""
    added = added_at(site.docs_dir)
    files: dict[str, str] = {}
    references = _References(site)
    files.update(references.files(open_data.FOLDER, archive.entries))
    files.update(
        open_data.open_data_files(archive.entries, site_url=site.site_url, archive=site.name)
    )
    every = groups(archive, entity_site, site.bases, site.labels)
    for group in every:
        files.update(references.files(group.page, group.entries))
    if site.site_url:
        recent = feeds.recently_added(archive.entries, added, site.feed_size)
        L = site.labels
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
        channels += [
            feeds.Channel(
                L("feed.of", site=site.name, name=g.title),
                "",
                g.page,
                g.page,
                feeds.recently_added(g.entries, added, site.feed_size),
            )
            for g in every
            if g.feeds
        ]
        for channel in channels:
            files.update(
                feeds.render_channel(
                    channel,
                    site_url=site.site_url,
                    added=added,
                    labels=L,
                    language=site.language,
                )
            )
        if not (site.docs_dir / "robots.txt").exists():
            files["robots.txt"] = (
                f"User-agent: *\nAllow: /\n\nSitemap: {urljoin(site.site_url, 'sitemap.xml')}\n"
            )
    else:
        log.warning("site_url is not set in mkdocs.yml: feeds need absolute links; none written")
    return files


def write_outputs(
    archive: Archive, entity_site: EntitySite, site: Site, manifest: Path | None = None
) -> int:
    """Writes every output that changed; how many were written. `manifest` (in the build
    cache) lists what the last build wrote, so an output whose topic, source or entity is gone
    is removed, as a clean build would not have it."""
    files = outputs(archive, entity_site, site)
    written = 0
    for path, text in files.items():
        target = site.site_dir / path
        data = text.encode("utf-8")
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        write_atomic(target, text, durable=False)  # made again by the next build if lost
        written += 1
    if manifest is not None:
        _remove_stale(manifest, set(files), site.site_dir)
    _sitemap_dates(archive, site)
    return written


def _remove_stale(manifest: Path, paths: set[str], site_dir: Path) -> None:
    try:
        before = set(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        before = set()
    for gone in before - paths:
        (site_dir / gone).unlink(missing_ok=True)
    write_atomic(manifest, json.dumps(sorted(paths)), durable=False)


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
