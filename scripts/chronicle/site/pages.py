"""The derived pages (date archives, topics, sources, timelines, the home page's figures) as
views (views.py). Pure: no I/O, no MkDocs.

Long listings are split into pages of `page_size` (views.paginate), so no page grows with the
archive.
"""

from __future__ import annotations

import datetime as dt

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import Archive
from chronicle.archive.sources import SourceRegistry
from chronicle.site.charts import attention_charts
from chronicle.site.group_pages import GroupPages, group_pages
from chronicle.site.labels import Labels, english
from chronicle.site.listings import listing, timeline_pages
from chronicle.site.periods import neighbours, same_day_in_other_years, year_calendar
from chronicle.site.stories import Story
from chronicle.site.story_pages import story_pages, version_pages
from chronicle.site.views import (
    HOME,
    LISTING,
    Link,
    OnThisDay,
    Sideways,
    View,
)


def date_pages(
    archive: Archive,
    base: str,
    page_size: int,
    *,
    timeline_base: str | None = None,
    labels: Labels | None = None,
) -> list[View]:
    L = labels or english()
    root = Link(L("archive.title"), base)
    views: list[View] = []
    year_links = [
        Link(L.year(y), f"{base}{y}/", len(archive.years[y]))
        for y in sorted(archive.years, reverse=True)
    ]
    extra = []
    if archive.approximate:
        extra.append(
            Link(L("archive.approximate"), f"{base}approximate/", len(archive.approximate))
        )
    if archive.undated:
        extra.append(Link(L("archive.undated"), f"{base}undated/", len(archive.undated)))
    views.append(
        View(
            src_uri=f"{base}index.md",
            title=L("archive.title"),
            kind="archive-index",
            template=LISTING,
            heading=L("archive.heading"),
            intro=L("archive.intro", articles=L("count.articles", count=len(archive.entries))),
            children=year_links + extra,
            see_also=[Link(L("archive.as_timeline"), timeline_base)] if timeline_base else [],
            total=len(archive.entries),
            charts=attention_charts(archive.entries, sources=True, labels=L),
        )
    )
    day_counts = {key: len(found) for key, found in archive.days.items()}
    for year, entries in archive.years.items():
        months = sorted(
            {e.article.date.month for e in entries if e.article.date.month}, reverse=True
        )  # type: ignore[union-attr]
        children = [
            Link(L.month(year, m), f"{base}{year}/{m:02d}/", len(archive.months[(year, m)]))
            for m in months
        ]
        year_only = [e for e in entries if e.article.date and e.article.date.month is None]
        intro = L(
            "archive.year_intro",
            articles=L("count.articles", count=len(entries)),
            year=L.year(year),
        )
        if year_only:
            intro += " " + L(
                "archive.year_only", articles=L("count.articles", count=len(year_only))
            )
        earlier, later = neighbours(list(archive.years), year)
        month_counts = {m: len(archive.months[(y, m)]) for (y, m) in archive.months if y == year}
        views += listing(
            f"{base}{year}/",
            L.year(year),
            "year",
            year_only,
            page_size,
            L,
            heading=L.year(year),
            intro=intro,
            up=[root],
            children=children,
            sideways=Sideways(
                "year",
                Link(L.year(earlier), f"{base}{earlier}/") if earlier else None,
                Link(L.year(later), f"{base}{later}/") if later else None,
            ),
            calendar=year_calendar(year, day_counts, month_counts, base, L),
        )
    for (year, month), entries in archive.months.items():
        days = sorted({e.article.date.day for e in entries if e.article.date.day}, reverse=True)  # type: ignore[union-attr]
        name = L.month(year, month)
        earlier_month, later_month = neighbours(list(archive.months), (year, month))
        children = [
            Link(
                L.day(year, month, d),
                f"{base}{year}/{month:02d}/{d:02d}/",
                len(archive.days[(year, month, d)]),
            )
            for d in days
        ]
        views += listing(
            f"{base}{year}/{month:02d}/",
            name,
            "month",
            entries,
            page_size,
            L,
            heading=name,
            intro=L(
                "archive.month_intro", articles=L("count.articles", count=len(entries)), month=name
            ),
            up=[root, Link(L.year(year), f"{base}{year}/")],
            children=children,
            sideways=Sideways(
                "month", *(_month_link(base, k, L) for k in (earlier_month, later_month))
            ),
        )
    for (year, month, day), entries in archive.days.items():
        name = L.day(year, month, day)
        earlier_day, later_day = neighbours(list(archive.days), (year, month, day))
        views += listing(
            f"{base}{year}/{month:02d}/{day:02d}/",
            name,
            "day",
            entries,
            page_size,
            L,
            heading=name,
            intro=L(
                "archive.day_intro", articles=L("count.articles", count=len(entries)), day=name
            ),
            up=[
                root,
                Link(L.year(year), f"{base}{year}/"),
                Link(L.month(year, month), f"{base}{year}/{month:02d}/"),
            ],
            sideways=Sideways("day", *(_day_link(base, k, L) for k in (earlier_day, later_day))),
        )
    if archive.approximate:
        views += listing(
            f"{base}approximate/",
            L("archive.approximate"),
            "approximate",
            archive.approximate,
            page_size,
            L,
            heading=L("archive.approximate_heading"),
            intro=L("archive.approximate_intro"),
            up=[root],
        )
    if archive.undated:
        views += listing(
            f"{base}undated/",
            L("archive.undated"),
            "undated",
            archive.undated,
            page_size,
            L,
            heading=L("archive.undated_heading"),
            intro=L("archive.undated_intro"),
            up=[root],
        )
    return views


def _month_link(base: str, key: tuple[int, int] | None, labels: Labels) -> Link | None:
    if key is None:
        return None
    year, month = key
    return Link(labels.month(year, month), f"{base}{year}/{month:02d}/")


def _day_link(base: str, key: tuple[int, int, int] | None, labels: Labels) -> Link | None:
    if key is None:
        return None
    year, month, day = key
    return Link(labels.day(year, month, day), f"{base}{year}/{month:02d}/{day:02d}/")


def all_pages(
    archive: Archive,
    *,
    archive_base: str,
    topics_base: str,
    sources_base: str,
    timeline_base: str,
    page_size: int,
    stories: list[Story] | None = None,
    stories_base: str = "stories/",
    labels: Labels | None = None,
    registry: SourceRegistry | None = None,
    later: list[GroupPages] | None = None,
) -> list[View]:
    """Every generated listing; `registry`: the source registry, whose countries, aliases and
    domains the source and story pages show. With `later`, each topic's and source's own pages
    are put there, to be made when built (build/lazyviews.py)."""
    L = labels or english()
    intro = L("timeline.intro", articles=L("count.articles", count=len(archive.entries)))
    return (
        date_pages(archive, archive_base, page_size, timeline_base=timeline_base, labels=L)
        + group_pages(
            archive.topics, topics_base, "topic", page_size, timelines=True, labels=L, later=later
        )
        + group_pages(
            archive.sources,
            sources_base,
            "source",
            page_size,
            timelines=True,
            labels=L,
            registry=registry,
            later=later,
        )
        + timeline_pages(archive.entries, timeline_base, page_size, labels=L, intro=intro)
        + version_pages(archive, archive_base, L)
        + story_pages(
            stories or [],
            stories_base,
            page_size,
            sources_base=sources_base,
            labels=L,
            registry=registry,
        )
    )


def home_view(
    archive: Archive,
    src_uri: str,
    *,
    latest: int,
    topics_base: str,
    sources_base: str,
    today: dt.date | None = None,
    labels: Labels | None = None,
) -> View:
    """The home page's figures: the archive's size, span (`first`, `last`) and undated count,
    its `latest` articles, and how many topics and sources it has (`children`, in that order);
    and the articles of `today` (by default the day of the build: the home page is built on
    every build) in other years. The page itself is the curator's (its body and title are
    theirs)."""
    span = archive.span()
    today = today or dt.date.today()
    on_this_day = OnThisDay(
        (labels or english()).day_month(today.month, today.day),
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


def article_breadcrumbs(
    date: ArticleDate | None, base: str, labels: Labels | None = None
) -> list[Link]:
    """Archive › year › month › day links for an article page (as far as the date is known)."""
    L = labels or english()
    crumbs = [Link(L("archive.title"), base)]
    if date is None or date.period is None:  # a decade, a set across years: no calendar page
        key = "undated" if date is None else "approximate"
        return [*crumbs, Link(L(f"archive.{key}"), f"{base}{key}/")]
    year, month, day = date.period
    crumbs.append(Link(L.year(year), f"{base}{year}/"))
    if month is not None:
        crumbs.append(Link(L.month(year, month), f"{base}{year}/{month:02d}/"))
        if day is not None:
            crumbs.append(Link(L.day_month(month, day), f"{base}{year}/{month:02d}/{day:02d}/"))
    return crumbs
