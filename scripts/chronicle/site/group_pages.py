"""A topic's or a source's pages, and the index of all of them, as views (views.py). Pure: no
I/O, no MkDocs."""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.archive.index import Entry, Group
from chronicle.archive.sources import SourceRegistry
from chronicle.site.charts import attention_charts
from chronicle.site.labels import Labels, english
from chronicle.site.listings import listing, timeline_pages
from chronicle.site.source_facts import country_note, source_facts
from chronicle.site.views import LISTING, FigureRef, Link, SourceFacts, View

# A topic page lists at most this many figures, newest first: enough to compare who reported
# what, without the page growing with the archive.
FIGURES_SHOWN = 30


def figure_refs(entries: list[Entry], limit: int = FIGURES_SHOWN) -> list[FigureRef]:
    """The figures the entries' articles attribute, newest article first, at most `limit`."""
    refs = [FigureRef(f, entry) for entry in entries for f in entry.article.figures]
    return refs[:limit]


@dataclass
class GroupPages:
    """What one topic's or source's own pages (its listing and timeline) are made from: `views`
    makes them. perf: made only when one of them is built (build/lazyviews.py), so whatever
    they show must come from these fields or the site-wide salt."""

    group: Group
    base: str  # the index's folder ("topics/")
    kind: str  # "topic" or "source"
    root: Link  # the index, the first breadcrumb
    page_size: int
    timelines: bool
    source: SourceFacts | None  # what the source registry says of a source

    def inputs(self) -> tuple[object, ...]:
        fields = self.base, self.kind, self.root, self.page_size, self.timelines, self.source
        return (self.group, *fields)

    def views(self, L: Labels) -> list[View]:
        group, base, kind, root = self.group, self.base, self.kind, self.root
        articles = L("count.articles", count=len(group.entries))
        views = listing(
            f"{base}{group.slug}/",
            L(f"{kind}s.of", name=group.name),
            kind,
            group.entries,
            self.page_size,
            L,
            heading=group.name,
            intro=L("listing.newest_first", articles=articles),
            up=[root],
            charts=attention_charts(group.entries, sources=kind == "topic", labels=L),
            figures=figure_refs(group.entries),
            source=self.source,
            see_also=[Link(L(f"{kind}s.as_timeline"), f"{base}{group.slug}/timeline/")]
            if self.timelines
            else [],
        )
        if self.timelines:
            views += timeline_pages(
                group.entries,
                f"{base}{group.slug}/timeline/",
                self.page_size,
                labels=L,
                title=L("timeline.of", name=group.name),
                kind=f"{kind}-timeline",
                intro=L(f"{kind}s.timeline_intro", articles=articles),
                up=[root, Link(group.name, f"{base}{group.slug}/")],
            )
        return views


def group_pages(
    groups: dict[str, Group],
    base: str,
    kind: str,
    page_size: int,
    *,
    timelines: bool = False,
    labels: Labels | None = None,
    registry: SourceRegistry | None = None,
    later: list[GroupPages] | None = None,
) -> list[View]:
    """An index of the groups (`kind` "topic" or "source") and each group's listing, newest
    first; with `timelines`, each group also gets a timeline at `<base><slug>/timeline/` that
    its listing links to. A source's page and its line in the index show what the source
    `registry` knows of it (country, aliases, domains). With `later`, each group's own pages
    are put there (GroupPages), not made."""
    L = labels or english()
    plural = L(f"{kind}s.title")
    root = Link(plural, base)
    views = [
        View(
            src_uri=f"{base}index.md",
            title=plural,
            kind=f"{kind}-index",
            template=LISTING,
            heading=plural,
            intro=L(f"{kind}s.intro", count=len(groups)),
            children=[
                Link(g.name, f"{base}{g.slug}/", len(g.entries), country_note(registry, g.name, L))
                for g in groups.values()
            ],
        )
    ]
    for group in groups.values():
        facts = source_facts(registry, group.name, L) if kind == "source" else None
        pages = GroupPages(group, base, kind, root, page_size, timelines, facts)
        if later is not None:
            later.append(pages)
        else:
            views += pages.views(L)
    return views
