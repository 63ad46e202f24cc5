"""Listings cut into pages: the one shape of every date, topic, source, entity and story
listing, newest first or, as a timeline, oldest first under year and month headings. Pure: no
I/O, no MkDocs.
"""

from __future__ import annotations

from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english
from chronicle.site.timeline import in_time_order, timeline_sections
from chronicle.site.views import LISTING, Link, View, paginate


def listing(
    base: str,
    title: str,
    kind: str,
    entries: list[Entry],
    page_size: int,
    labels: Labels,
    *,
    newest_first: bool = True,
    **fields: object,
) -> list[View]:
    """A listing at `base`, paginated; `fields` are its page 1's (views.View)."""
    fields.setdefault("previous_label", labels("newer"))
    fields.setdefault("next_label", labels("older"))
    first = View(f"{base}index.md", title, kind, LISTING, **fields)  # type: ignore[arg-type]
    return paginate(first, entries, page_size, labels=labels, newest_first=newest_first)


def timeline_pages(
    entries: list[Entry],
    base: str,
    page_size: int,
    *,
    labels: Labels | None = None,
    title: str = "",
    kind: str = "timeline",
    intro: str = "",
    up: list[Link] | None = None,
) -> list[View]:
    """`entries` (newest first, as the archive keeps them) oldest first under year and month
    headings, `page_size` to a page; undated ones last, under their own heading. `intro` is
    the first page's; `title` is "Timeline" in the archive's language unless given."""
    ordered = in_time_order(entries)
    labels = labels or english()
    title = title or labels("timeline.title")
    views = listing(
        base,
        title,
        kind,
        ordered,
        page_size,
        labels,
        heading=title,
        intro=intro,
        up=up or [],
        previous_label=labels("earlier"),
        next_label=labels("later"),
        newest_first=False,  # new articles, mostly the newest, join its last page
    )
    for view in views:
        start = (view.page_number - 1) * page_size
        before = ordered[start - 1] if start else None
        view.timeline = timeline_sections(view.entries, before, labels=labels)
    return views
