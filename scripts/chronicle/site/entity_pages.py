"""Entity and quote pages as views (views.py). Pure: no I/O, no MkDocs.

From the archive (already newest first) and the registry, one pass builds for every entity the
articles that mention it, its first and last mention, the entities most often named with it and
its quotes; then the views: `people/`, `organisations/`, `places/` (an index and one page per
entity, its article list split into pages by views.paginate, like every listing) and `quotes/`.
The registry is the authority: a name in front matter that the registry no longer holds gets no
page (run `chronicle enrich` to drop it from the article).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from chronicle.archive.index import Archive, Entry
from chronicle.archive.model import Article, Quote
from chronicle.archive.registry import Registry
from chronicle.site.charts import attention_charts
from chronicle.site.group_pages import FIGURES_SHOWN, figure_refs
from chronicle.site.labels import Labels, english
from chronicle.site.listings import timeline_pages
from chronicle.site.views import (
    ENTITY,
    QUOTES,
    QUOTES_PREVIEW,
    EntityInfo,
    FigureRef,
    Link,
    QuoteRef,
    SpeakerGroup,
    View,
    link_pages,
    page_bounds,
    page_src,
    paginate,
)
from chronicle.text.normalize import make_slug

KIND_FIELDS = {"person": "people", "organisation": "organisations", "place": "places"}
# Each kind's index title, a key of the message catalogue (labels.py).
KIND_TITLES = {
    "person": "entity.people",
    "organisation": "entity.organisations",
    "place": "entity.places",
}
RELATED_MAX = 10


@dataclass
class EntityPages:
    """What one entity's own pages (its page, its later pages, its timeline) are made from:
    `views` makes them. perf: these inputs are fingerprinted instead of the views, and the views
    made only when a page of theirs is built (build/lazyviews.py): at 10,000 articles, making
    and fingerprinting every entity's charts, pages and timelines took seconds of every build.
    Whatever the views show must come from these fields or the site-wide salt (the labels: the
    site's language and Chronicle's catalogues)."""

    entity: EntityInfo
    index_title: str  # its kind's index page, the first breadcrumb
    base: str  # that index's folder ("people/")
    entries: list[Entry]  # the articles that mention it, newest first
    related: list[tuple[EntityInfo, int]]
    speaker: SpeakerGroup | None
    page_size: int

    def inputs(self) -> tuple[object, ...]:
        return (
            self.entity,
            self.index_title,
            self.base,
            tuple(self.entries),
            tuple(self.related),
            self.speaker,
            self.page_size,
        )

    def views(self, L: Labels) -> list[View]:
        entity, entries, up = self.entity, self.entries, Link(self.index_title, self.base)
        dated = [e for e in entries if e.article.date is not None]
        page = View(
            src_uri=f"{entity.url}index.md",
            title=f"{entity.name}",
            kind=entity.kind,
            template=ENTITY,
            entity=entity,
            up=[up],
            first=dated[-1] if dated else None,
            last=dated[0] if dated else None,
            undated=len(entries) - len(dated),
            related=self.related,
            speaker=self.speaker,
            see_also=[Link(L("entity.as_timeline"), f"{entity.url}timeline/")],
            charts=attention_charts(entries, labels=L),
            figures=reported_by(entity.name, entries),
        )
        return paginate(page, entries, self.page_size, labels=L) + timeline_pages(
            entries,
            f"{entity.url}timeline/",
            self.page_size,
            labels=L,
            title=L("timeline.of", name=entity.name),
            kind=f"{entity.kind}-timeline",
            intro=L("entity.timeline_intro", name=entity.name),
            up=[up, Link(entity.name, entity.url)],
        )


@dataclass
class EntitySite:
    """Everything the templates need about entities, built once per build."""

    shared: dict[str, View]  # src_uri → page: the kinds' indexes and the quotes pages
    info: dict[str, EntityInfo]  # canonical name → info
    quotes_url: str
    labels: Labels = field(default_factory=english)
    entities: dict[str, EntityPages] = field(default_factory=dict)  # canonical name → its pages

    @property
    def pages(self) -> dict[str, View]:
        """Every page, each entity's made now (src_uri → page)."""
        made = [v for e in self.entities.values() for v in e.views(self.labels)]
        return {**self.shared, **{v.src_uri: v for v in made}}

    def article_inputs(self, article: Article) -> tuple[object, ...]:
        """Everything `article_context` reads besides the article and its entry: the pages it
        links to (an incremental build's key for the article page; see article_page.py)."""
        names = [n for f in KIND_FIELDS.values() for n in getattr(article, f)]
        names += [q.entity for q in article.quotes if q.entity]
        return (self.quotes_url, tuple(self.info.get(n) for n in names))

    def article_context(self, article: Article, entry: Entry) -> dict[str, object]:
        groups = []
        for kind, field_name in KIND_FIELDS.items():
            links = [self.info[n] for n in getattr(article, field_name) if n in self.info]
            links = [i for i in links if i.kind == kind]
            if links:
                groups.append((self.labels(KIND_TITLES[kind]), links))
        unattributed = self.labels("quotes.unattributed")
        quotes = [quote_ref(q, entry, self.info, unattributed) for q in article.quotes]
        return {"entity_groups": groups, "quotes": quotes, "quotes_url": self.quotes_url}


def quote_ref(
    quote: Quote, entry: Entry, info: dict[str, EntityInfo], unattributed: str
) -> QuoteRef:
    """`unattributed`: the speaker shown for a quote without one (in the archive's language)."""
    known = info.get(quote.entity) if quote.entity else None
    if known is not None:
        return QuoteRef(quote, entry, known.name, known.url)
    return QuoteRef(quote, entry, quote.speaker or unattributed, None)


def _infos(
    archive: Archive, registry: Registry | None, bases: dict[str, str]
) -> dict[str, EntityInfo]:
    """name → EntityInfo for every entity the articles name (and the registry holds)."""
    seen: dict[str, str] = {}  # name → kind, in archive order
    for entry in archive.entries:
        for kind, field_name in KIND_FIELDS.items():
            for name in getattr(entry.article, field_name):
                seen.setdefault(name, kind)
    taken: set[str] = set()
    out: dict[str, EntityInfo] = {}
    for name, kind in sorted(seen.items(), key=lambda kv: kv[0].casefold()):
        description, wikidata = "", None
        if registry is not None:
            entity = registry.get(name)
            if entity is None:
                continue  # not (or no longer) in the registry: no page
            kind, description, wikidata = entity.kind, entity.description, entity.wikidata
        base = bases[kind]
        slug = make_slug(name, max_length=80)
        candidate, n = slug, 2
        while f"{base}{candidate}" in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(f"{base}{candidate}")
        out[name] = EntityInfo(name, kind, f"{base}{candidate}/", description, wikidata)
    return out


def reported_by(name: str, entries: list[Entry]) -> list[FigureRef]:
    """The figures in `entries` whose reporter, as printed, names `name` (`the Hamas-run
    Government Media Office` names `Government Media Office`)."""
    folded = name.casefold()
    refs = figure_refs(entries, limit=len(entries) * 50)
    return [r for r in refs if folded in (r.figure.reporter or "").casefold()][:FIGURES_SHOWN]


def build_entity_site(
    archive: Archive,
    registry: Registry | None,
    *,
    bases: dict[str, str],
    quotes_base: str,
    page_size: int,
    quotes_page_size: int = 50,
    labels: Labels | None = None,
) -> EntitySite:
    """bases: kind → site folder ("people/"); registry None: trust the front matter.
    page_size: articles per entity listing page; quotes_page_size: quotes per quotes page."""
    L = labels or english()
    unattributed = L("quotes.unattributed")
    info = _infos(archive, registry, bases)
    mentions: dict[str, list[Entry]] = defaultdict(list)
    together: dict[str, Counter[str]] = defaultdict(Counter)
    groups: dict[str, SpeakerGroup] = {}
    anchors: set[str] = set()
    for entry in archive.entries:  # newest first, so every list below is too
        article = entry.article
        names = [
            n
            for field_name in KIND_FIELDS.values()
            for n in getattr(article, field_name)
            if n in info
        ]
        names = list(dict.fromkeys(names))
        for name in names:
            mentions[name].append(entry)
            together[name].update(other for other in names if other != name)
        for quote in article.quotes:
            ref = quote_ref(quote, entry, info, unattributed)
            group = groups.get(ref.speaker)
            if group is None:
                anchor = base = "speaker-" + make_slug(ref.speaker, max_length=80)
                n = 2
                while anchor in anchors:
                    anchor, n = f"{base}-{n}", n + 1
                anchors.add(anchor)
                group = groups[ref.speaker] = SpeakerGroup(ref.speaker, anchor, ref.speaker_url)
            group.quotes.append(ref)
    pages: list[View] = []
    entity_pages: dict[str, EntityPages] = {}
    for group in groups.values():
        if len(group.quotes) > QUOTES_PREVIEW:
            group.page_url = f"{quotes_base}{group.anchor.removeprefix('speaker-')}/"
            pages += speaker_pages(group, quotes_base, quotes_page_size, L)
    for kind, title_key in KIND_TITLES.items():
        title = L(title_key)
        of_kind = [i for i in info.values() if i.kind == kind]
        index_page = View(
            src_uri=f"{bases[kind]}index.md",
            title=title,
            kind="entity-index",
            template=ENTITY,
            index=[(i, len(mentions[i.name])) for i in of_kind],
        )
        pages.append(index_page)
        for entity in of_kind:
            entity_pages[entity.name] = EntityPages(
                entity=entity,
                index_title=title,
                base=bases[kind],
                entries=mentions[entity.name],
                related=[(info[n], c) for n, c in together[entity.name].most_common(RELATED_MAX)],
                speaker=groups.get(entity.name),
                page_size=page_size,
            )
    speakers = sorted(
        groups.values(),
        key=lambda g: (g.label == unattributed, -len(g.quotes), g.label.casefold()),
    )
    pages += quotes_pages(speakers, quotes_base, quotes_page_size, L)
    shared = {p.src_uri: p for p in pages}
    return EntitySite(shared, info, quotes_url=quotes_base, labels=L, entities=entity_pages)


def speaker_pages(group: SpeakerGroup, quotes_base: str, size: int, L: Labels) -> list[View]:
    """A prolific speaker's own pages, `size` quotes each, the newest first. Cut from the newest
    quote, not from the oldest like an article listing (views.page_bounds): then no page holds
    more than `size` quotes, at the cost of rebuilding the speaker's later pages when one is added
    (a quote is small, a page of them quick to write)."""
    bounds = page_bounds(len(group.quotes), size, newest_first=False)
    title = L("quotes.of", name=group.label)
    views = [
        View(
            src_uri=page_src(group.page_url or quotes_base, number),
            title=title
            if number == 1
            else L("archive.title_page", title=title, number=number, count=len(bounds)),
            kind="speaker-quotes",
            template=QUOTES,
            intro="" if number == 1 else L("archive.later_intro"),
            up=[Link(L("quotes.title"), quotes_base)],
            speaker=replace(group, quotes=group.quotes[share.start : share.stop]),
            total=len(group.quotes) if number == 1 else 0,
        )
        for number, share in enumerate(bounds, start=1)
    ]
    return link_pages(views, L)


def quotes_pages(speakers: list[SpeakerGroup], base: str, size: int, L: Labels) -> list[View]:
    """The quotes pages: each speaker's newest quotes (a preview), the speakers with the most
    first, whole speakers to a page until it holds `size` quotes (one speaker at least), so no
    page grows with the archive."""
    shares: list[list[SpeakerGroup]] = [[]]
    held = 0
    for group in speakers:
        if shares[-1] and held + len(group.preview) > size:
            shares.append([])
            held = 0
        shares[-1].append(group)
        held += len(group.preview)
    total = sum(len(g.quotes) for g in speakers)
    intro = L(
        "quotes.summary",
        quotes=L("quotes.direct", count=total),
        speakers=L("quotes.speakers", count=len(speakers)),
    )
    title = L("quotes.title")
    views = [
        View(
            src_uri=page_src(base, number),
            title=title
            if number == 1
            else L("archive.title_page", title=title, number=number, count=len(shares)),
            kind="quotes",
            template=QUOTES,
            intro=intro if number == 1 else L("quotes.later_intro"),
            speakers=share,
            total=total if number == 1 else 0,
        )
        for number, share in enumerate(shares, start=1)
    ]
    return link_pages(views, L, previous_key="previous", next_key="next")
