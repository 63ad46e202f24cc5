"""The derived pages (date archives, topics, sources, timelines) as plain data. Pure: no I/O,
no MkDocs.

Each `PageSpec` says where a page lives, its title, and the context its template renders. Long
listings are split into pages of `page_size`, so no page grows with the archive.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chronicle.archive.dates import MONTHS, ArticleDate
from chronicle.archive.index import Archive, Entry, Group
from chronicle.site.timeline import TimelineSection, in_time_order, timeline_sections


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    count: int | None = None


@dataclass
class PageSpec:
    src_uri: str
    title: str
    kind: str  # archive-index | year | month | … | topic | timeline | topic-timeline
    heading: str = ""
    intro: str = ""
    up: list[Link] = field(default_factory=list)  # breadcrumbs, outermost first
    children: list[Link] = field(default_factory=list)  # sub-pages with counts
    see_also: list[Link] = field(default_factory=list)  # the same articles another way
    entries: list[Entry] = field(default_factory=list)
    # A timeline page lists its entries under these headings instead of as one list.
    timeline: list[TimelineSection] = field(default_factory=list)
    page_number: int = 1
    page_count: int = 1
    previous_page: str | None = None
    next_page: str | None = None
    previous_label: str = "← Newer"
    next_label: str = "Older →"
    total: int = 0  # articles in the whole listing (not given on a timeline's later pages)

    @property
    def url(self) -> str:
        return self.src_uri.removesuffix("index.md")


LATER_INTRO = "Newest first, continued from the previous page."
TIMELINE_LATER_INTRO = "Oldest first, continued from the previous page."


def page_bounds(total: int, page_size: int, *, newest_first: bool = True) -> list[range]:
    """Which of a listing's `total` entries each of its pages holds, page 1 first.

    A newest-first listing is cut into pages from its *oldest* end: page 1 holds the newest
    `page_size` to `2 × page_size − 1` articles and every later page exactly `page_size`. New
    articles are mostly the newest, so they join page 1 while every later page keeps its
    articles (and its address: a reader's link or a worksheet's citation stays right) until page 1
    is full and a page is added, once every `page_size` articles. An incremental build then
    rebuilds page 1 alone instead of every page of the listing (incremental.py).
    An oldest-first listing (a timeline) is cut from its start, which is already its old end."""
    if total <= page_size:
        return [range(0, total)]
    if not newest_first:
        return [range(i, min(i + page_size, total)) for i in range(0, total, page_size)]
    count = total // page_size
    first = total - (count - 1) * page_size
    return [range(0, first)] + [
        range(first + i * page_size, first + (i + 1) * page_size) for i in range(count - 1)
    ]


def page_src(base: str, number: int) -> str:
    return f"{base}index.md" if number == 1 else f"{base}page/{number}/index.md"


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}page/{number}/"


def _paginate(
    base: str,
    title: str,
    kind: str,
    entries: list[Entry],
    page_size: int,
    *,
    newest_first: bool = True,
    **common: object,
) -> list[PageSpec]:
    """A listing's pages (see `page_bounds`). Only page 1 counts the whole listing (its intro,
    its total, its sub-pages with their counts): a later page shows nothing that changes when
    an article joins page 1, so its input key, and its output, stay the same."""
    bounds = page_bounds(len(entries), page_size, newest_first=newest_first)
    count = len(bounds)
    later = {
        "intro": LATER_INTRO if newest_first else TIMELINE_LATER_INTRO,
        "children": [],
        "total": 0,
    }
    specs = []
    for number, share in enumerate(bounds, start=1):
        fields = {**common, "total": len(entries)} if number == 1 else {**common, **later}
        specs.append(
            PageSpec(
                src_uri=page_src(base, number),
                title=title if number == 1 else f"{title} (page {number} of {count})",
                kind=kind,
                entries=entries[share.start : share.stop],
                page_number=number,
                page_count=count,
                previous_page=None if number == 1 else page_url(base, number - 1),
                next_page=page_url(base, number + 1) if number < count else None,
                **fields,  # type: ignore[arg-type]
            )
        )
    return specs


def _plural(n: int, word: str = "article") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def date_pages(
    archive: Archive, base: str, page_size: int, *, timeline_base: str | None = None
) -> list[PageSpec]:
    root = Link("Archive", base)
    specs: list[PageSpec] = []
    year_links = [
        Link(str(y), f"{base}{y}/", len(archive.years[y]))
        for y in sorted(archive.years, reverse=True)
    ]
    extra = []
    if archive.approximate:
        extra.append(Link("Approximate dates", f"{base}approximate/", len(archive.approximate)))
    if archive.undated:
        extra.append(Link("Undated", f"{base}undated/", len(archive.undated)))
    specs.append(
        PageSpec(
            src_uri=f"{base}index.md",
            title="Archive",
            kind="archive-index",
            heading="Archive by date",
            intro=f"{_plural(len(archive.entries))}: by year, month and day, newest first.",
            children=year_links + extra,
            see_also=[Link("The whole archive as a timeline, oldest first", timeline_base)]
            if timeline_base
            else [],
            total=len(archive.entries),
        )
    )
    for year, entries in archive.years.items():
        months = sorted(
            {e.article.date.month for e in entries if e.article.date.month}, reverse=True
        )  # type: ignore[union-attr]
        children = [
            Link(
                f"{MONTHS[m - 1]} {year}", f"{base}{year}/{m:02d}/", len(archive.months[(year, m)])
            )
            for m in months
        ]
        year_only = [e for e in entries if e.article.date and e.article.date.month is None]
        specs += _paginate(
            f"{base}{year}/",
            str(year),
            "year",
            year_only,
            page_size,
            heading=f"{year}",
            intro=f"{_plural(len(entries))} in {year}."
            + (
                f" {_plural(len(year_only))} known only by year, listed below." if year_only else ""
            ),
            up=[root],
            children=children,
        )
    for (year, month), entries in archive.months.items():
        days = sorted({e.article.date.day for e in entries if e.article.date.day}, reverse=True)  # type: ignore[union-attr]
        name = f"{MONTHS[month - 1]} {year}"
        children = [
            Link(
                f"{d} {name}",
                f"{base}{year}/{month:02d}/{d:02d}/",
                len(archive.days[(year, month, d)]),
            )
            for d in days
        ]
        specs += _paginate(
            f"{base}{year}/{month:02d}/",
            name,
            "month",
            entries,
            page_size,
            heading=name,
            intro=f"{_plural(len(entries))} in {name}, newest first.",
            up=[root, Link(str(year), f"{base}{year}/")],
            children=children,
        )
    for (year, month, day), entries in archive.days.items():
        name = f"{day} {MONTHS[month - 1]} {year}"
        specs += _paginate(
            f"{base}{year}/{month:02d}/{day:02d}/",
            name,
            "day",
            entries,
            page_size,
            heading=name,
            intro=f"{_plural(len(entries))} on {name}.",
            up=[
                root,
                Link(str(year), f"{base}{year}/"),
                Link(f"{MONTHS[month - 1]} {year}", f"{base}{year}/{month:02d}/"),
            ],
        )
    if archive.approximate:
        specs += _paginate(
            f"{base}approximate/",
            "Approximate dates",
            "approximate",
            archive.approximate,
            page_size,
            heading="Articles with approximate or uncertain dates",
            intro="Their dates are estimates (shown with c. or ?); each is also listed under "
            "its estimated day, month or year.",
            up=[root],
        )
    if archive.undated:
        specs += _paginate(
            f"{base}undated/",
            "Undated",
            "undated",
            archive.undated,
            page_size,
            heading="Undated articles",
            intro="The publication date of these articles is not known. `chronicle check` "
            "lists them; add a date to their front matter when you find it.",
            up=[root],
        )
    return specs


def group_pages(
    groups: dict[str, Group],
    base: str,
    label: str,
    plural: str,
    page_size: int,
    *,
    timelines: bool = False,
) -> list[PageSpec]:
    """An index of the groups and each group's listing, newest first; with `timelines`, each
    group also gets a timeline at `<base><slug>/timeline/` that its listing links to."""
    root = Link(plural, base)
    specs = [
        PageSpec(
            src_uri=f"{base}index.md",
            title=plural,
            kind=f"{label.lower()}-index",
            heading=plural,
            intro=f"{len(groups)} {plural.lower()}, with the number of articles in each.",
            children=[Link(g.name, f"{base}{g.slug}/", len(g.entries)) for g in groups.values()],
        )
    ]
    for group in groups.values():
        specs += _paginate(
            f"{base}{group.slug}/",
            f"{label}: {group.name}",
            label.lower(),
            group.entries,
            page_size,
            heading=group.name,
            intro=f"{_plural(len(group.entries))}, newest first.",
            up=[root],
            see_also=[
                Link(
                    f"Follow this {label.lower()} as a timeline, oldest first",
                    f"{base}{group.slug}/timeline/",
                )
            ]
            if timelines
            else [],
        )
        if timelines:
            specs += timeline_pages(
                group.entries,
                f"{base}{group.slug}/timeline/",
                page_size,
                title=f"Timeline: {group.name}",
                kind=f"{label.lower()}-timeline",
                intro=f"How this {label.lower()} unfolded: {_plural(len(group.entries))}, "
                "oldest first.",
                up=[root, Link(group.name, f"{base}{group.slug}/")],
            )
    return specs


def timeline_pages(
    entries: list[Entry],
    base: str,
    page_size: int,
    *,
    title: str = "Timeline",
    kind: str = "timeline",
    intro: str = "",
    up: list[Link] | None = None,
) -> list[PageSpec]:
    """`entries` (newest first, as the archive keeps them) oldest first under year and month
    headings, `page_size` to a page; undated ones last, under their own heading. `intro` is
    the first page's."""
    ordered = in_time_order(entries)
    specs = _paginate(
        base,
        title,
        kind,
        ordered,
        page_size,
        heading=title,
        intro=intro,
        up=up or [],
        previous_label="← Earlier",
        next_label="Later →",
        newest_first=False,  # new articles, mostly the newest, join its last page
    )
    for spec in specs:
        start = (spec.page_number - 1) * page_size
        spec.timeline = timeline_sections(spec.entries, ordered[start - 1] if start else None)
    return specs


def all_pages(
    archive: Archive,
    *,
    archive_base: str,
    topics_base: str,
    sources_base: str,
    timeline_base: str,
    page_size: int,
) -> list[PageSpec]:
    total = len(archive.entries)
    timeline_intro = (
        f"{_plural(total)} in publication order, oldest first, under year and month headings. "
        "Approximate dates are marked; undated articles come last."
    )
    return (
        date_pages(archive, archive_base, page_size, timeline_base=timeline_base)
        + group_pages(archive.topics, topics_base, "Topic", "Topics", page_size, timelines=True)
        + group_pages(archive.sources, sources_base, "Source", "Sources", page_size)
        + timeline_pages(archive.entries, timeline_base, page_size, intro=timeline_intro)
    )


def article_breadcrumbs(date: ArticleDate | None, base: str) -> list[Link]:
    """Archive › year › month › day links for an article page (as far as the date is known)."""
    crumbs = [Link("Archive", base)]
    if date is None:
        return [*crumbs, Link("Undated", f"{base}undated/")]
    crumbs.append(Link(str(date.year), f"{base}{date.year}/"))
    if date.month is not None:
        crumbs.append(
            Link(f"{MONTHS[date.month - 1]} {date.year}", f"{base}{date.year}/{date.month:02d}/")
        )
        if date.day is not None:
            crumbs.append(
                Link(
                    f"{date.day} {MONTHS[date.month - 1]}",
                    f"{base}{date.year}/{date.month:02d}/{date.day:02d}/",
                )
            )
    return crumbs
