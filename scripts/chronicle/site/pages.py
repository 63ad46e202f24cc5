"""The derived pages (date archives, topics, sources, timelines, the home page's figures) as
views (views.py). Pure: no I/O, no MkDocs.

Long listings are split into pages of `page_size` (views.paginate), so no page grows with the
archive.
"""

from __future__ import annotations

import datetime as dt

from chronicle.archive.dates import MONTHS, ArticleDate
from chronicle.archive.index import Archive, Entry, Group
from chronicle.site.charts import attention_charts
from chronicle.site.periods import neighbours, same_day_in_other_years, year_calendar
from chronicle.site.story_pages import version_pages
from chronicle.site.timeline import in_time_order, timeline_sections
from chronicle.site.views import (
    HOME,
    LISTING,
    FigureRef,
    Link,
    OnThisDay,
    Sideways,
    View,
    paginate,
)

# A topic page lists at most this many figures, newest first: enough to compare who reported
# what, without the page growing with the archive.
FIGURES_SHOWN = 30


def _listing(
    base: str,
    title: str,
    kind: str,
    entries: list[Entry],
    page_size: int,
    *,
    newest_first: bool = True,
    **fields: object,
) -> list[View]:
    """A listing at `base`, paginated; `fields` are its page 1's (views.View)."""
    first = View(f"{base}index.md", title, kind, LISTING, **fields)  # type: ignore[arg-type]
    return paginate(first, entries, page_size, newest_first=newest_first)


def _plural(n: int, word: str = "article") -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def date_pages(
    archive: Archive, base: str, page_size: int, *, timeline_base: str | None = None
) -> list[View]:
    root = Link("Archive", base)
    views: list[View] = []
    year_links = [
        Link(str(y), f"{base}{y}/", len(archive.years[y]))
        for y in sorted(archive.years, reverse=True)
    ]
    extra = []
    if archive.approximate:
        extra.append(Link("Approximate dates", f"{base}approximate/", len(archive.approximate)))
    if archive.undated:
        extra.append(Link("Undated", f"{base}undated/", len(archive.undated)))
    views.append(
        View(
            src_uri=f"{base}index.md",
            title="Archive",
            kind="archive-index",
            template=LISTING,
            heading="Archive by date",
            intro=f"{_plural(len(archive.entries))}: by year, month and day, newest first.",
            children=year_links + extra,
            see_also=[Link("The whole archive as a timeline, oldest first", timeline_base)]
            if timeline_base
            else [],
            total=len(archive.entries),
            charts=attention_charts(archive.entries, sources=True),
        )
    )
    day_counts = {key: len(found) for key, found in archive.days.items()}
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
        earlier, later = neighbours(list(archive.years), year)
        month_counts = {m: len(archive.months[(y, m)]) for (y, m) in archive.months if y == year}
        views += _listing(
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
            sideways=Sideways(
                "year",
                Link(str(earlier), f"{base}{earlier}/") if earlier else None,
                Link(str(later), f"{base}{later}/") if later else None,
            ),
            calendar=year_calendar(year, day_counts, month_counts, base),
        )
    for (year, month), entries in archive.months.items():
        days = sorted({e.article.date.day for e in entries if e.article.date.day}, reverse=True)  # type: ignore[union-attr]
        name = f"{MONTHS[month - 1]} {year}"
        earlier_month, later_month = neighbours(list(archive.months), (year, month))
        children = [
            Link(
                f"{d} {name}",
                f"{base}{year}/{month:02d}/{d:02d}/",
                len(archive.days[(year, month, d)]),
            )
            for d in days
        ]
        views += _listing(
            f"{base}{year}/{month:02d}/",
            name,
            "month",
            entries,
            page_size,
            heading=name,
            intro=f"{_plural(len(entries))} in {name}, newest first.",
            up=[root, Link(str(year), f"{base}{year}/")],
            children=children,
            sideways=Sideways(
                "month", *(_month_link(base, k) for k in (earlier_month, later_month))
            ),
        )
    for (year, month, day), entries in archive.days.items():
        name = f"{day} {MONTHS[month - 1]} {year}"
        earlier_day, later_day = neighbours(list(archive.days), (year, month, day))
        views += _listing(
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
            sideways=Sideways("day", *(_day_link(base, k) for k in (earlier_day, later_day))),
        )
    if archive.approximate:
        views += _listing(
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
        views += _listing(
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
    return views


def _month_link(base: str, key: tuple[int, int] | None) -> Link | None:
    if key is None:
        return None
    year, month = key
    return Link(f"{MONTHS[month - 1]} {year}", f"{base}{year}/{month:02d}/")


def _day_link(base: str, key: tuple[int, int, int] | None) -> Link | None:
    if key is None:
        return None
    year, month, day = key
    return Link(f"{day} {MONTHS[month - 1]} {year}", f"{base}{year}/{month:02d}/{day:02d}/")


def figure_refs(entries: list[Entry], limit: int = FIGURES_SHOWN) -> list[FigureRef]:
    """The figures the entries' articles attribute, newest article first, at most `limit`."""
    refs = [FigureRef(f, entry) for entry in entries for f in entry.article.figures]
    return refs[:limit]


def group_pages(
    groups: dict[str, Group],
    base: str,
    label: str,
    plural: str,
    page_size: int,
    *,
    timelines: bool = False,
) -> list[View]:
    """An index of the groups and each group's listing, newest first; with `timelines`, each
    group also gets a timeline at `<base><slug>/timeline/` that its listing links to."""
    root = Link(plural, base)
    views = [
        View(
            src_uri=f"{base}index.md",
            title=plural,
            kind=f"{label.lower()}-index",
            template=LISTING,
            heading=plural,
            intro=f"{len(groups)} {plural.lower()}, with the number of articles in each.",
            children=[Link(g.name, f"{base}{g.slug}/", len(g.entries)) for g in groups.values()],
        )
    ]
    for group in groups.values():
        views += _listing(
            f"{base}{group.slug}/",
            f"{label}: {group.name}",
            label.lower(),
            group.entries,
            page_size,
            heading=group.name,
            intro=f"{_plural(len(group.entries))}, newest first.",
            up=[root],
            charts=attention_charts(group.entries, sources=label == "Topic"),
            figures=figure_refs(group.entries),
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
            views += timeline_pages(
                group.entries,
                f"{base}{group.slug}/timeline/",
                page_size,
                title=f"Timeline: {group.name}",
                kind=f"{label.lower()}-timeline",
                intro=f"How this {label.lower()} unfolded: {_plural(len(group.entries))}, "
                "oldest first.",
                up=[root, Link(group.name, f"{base}{group.slug}/")],
            )
    return views


def timeline_pages(
    entries: list[Entry],
    base: str,
    page_size: int,
    *,
    title: str = "Timeline",
    kind: str = "timeline",
    intro: str = "",
    up: list[Link] | None = None,
) -> list[View]:
    """`entries` (newest first, as the archive keeps them) oldest first under year and month
    headings, `page_size` to a page; undated ones last, under their own heading. `intro` is
    the first page's."""
    ordered = in_time_order(entries)
    views = _listing(
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
    for view in views:
        start = (view.page_number - 1) * page_size
        view.timeline = timeline_sections(view.entries, ordered[start - 1] if start else None)
    return views


def all_pages(
    archive: Archive,
    *,
    archive_base: str,
    topics_base: str,
    sources_base: str,
    timeline_base: str,
    page_size: int,
) -> list[View]:
    total = len(archive.entries)
    timeline_intro = (
        f"{_plural(total)} in publication order, oldest first, under year and month headings. "
        "Approximate dates are marked; undated articles come last."
    )
    return (
        date_pages(archive, archive_base, page_size, timeline_base=timeline_base)
        + group_pages(archive.topics, topics_base, "Topic", "Topics", page_size, timelines=True)
        + group_pages(archive.sources, sources_base, "Source", "Sources", page_size, timelines=True)
        + timeline_pages(archive.entries, timeline_base, page_size, intro=timeline_intro)
        + version_pages(archive, archive_base)
    )


def home_view(
    archive: Archive,
    src_uri: str,
    *,
    latest: int,
    topics_base: str,
    sources_base: str,
    today: dt.date | None = None,
) -> View:
    """The home page's figures: the archive's size, span (`first`, `last`) and undated count,
    its `latest` articles, and how many topics and sources it has (`children`, in that order);
    and the articles of `today` (by default the day of the build: the home page is built on
    every build) in other years. The page itself is the curator's (its body and title are
    theirs)."""
    span = archive.span()
    today = today or dt.date.today()
    on_this_day = OnThisDay(
        f"{today.day} {MONTHS[today.month - 1]}",
        today.isoformat(),
        same_day_in_other_years(archive.days, today),
    )
    return View(
        src_uri,
        "",
        "home",
        HOME,
        entries=archive.entries[:latest],
        total=len(archive.entries),
        first=span[0] if span else None,
        last=span[1] if span else None,
        undated=len(archive.undated),
        children=[
            Link("topic", topics_base, len(archive.topics)),
            Link("source", sources_base, len(archive.sources)),
        ],
        on_this_day=on_this_day,
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
