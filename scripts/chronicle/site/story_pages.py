"""The pages that follow a story across articles: a page per story (stories.py: who covered it
and when) and one comparing two versions of an article. Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.archive.index import Archive
from chronicle.archive.sources import SourceRegistry
from chronicle.site.charts import attention_charts
from chronicle.site.diff import (
    CaptureLink,
    Diff,
    VersionLink,
    capture_diffs,
    capture_links,
    diffs,
    version_links,
    version_pairs,
)
from chronicle.site.labels import Labels, english
from chronicle.site.listings import timeline_pages
from chronicle.site.related import RelatedLink, related_coverage
from chronicle.site.source_facts import country_note
from chronicle.site.stories import Story, story_clusters, story_of
from chronicle.site.views import DIFF, LISTING, Link, View
from chronicle.text.normalize import make_slug

# Styles of the story pages: date navigation, calendars, charts, figures, versions and diffs.
STORY_CSS = "assets/chronicle/story.css"


@dataclass(frozen=True)
class StoryLinks:
    """What an article page shows of the story around it."""

    versions: tuple[VersionLink, ...] = ()  # its other versions, with their comparison pages
    related: tuple[RelatedLink, ...] = ()  # related coverage, with the reason
    story: Link | None = None  # the story it is part of (its page, and how many articles)
    captures: tuple[CaptureLink, ...] = ()  # the captures of its address, when more than one


def story_links(
    archive: Archive,
    archive_base: str,
    labels: Labels | None = None,
    stories: list[Story] | None = None,
    stories_base: str = "stories/",
) -> dict[str, StoryLinks]:
    """src_uri → the article's other versions, related coverage (reasons in `labels`' language)
    and story (one of `stories`, under `stories_base`), when it has any of them."""
    L = labels or english()
    pairs = version_pairs(archive)
    related = related_coverage(
        archive, {src: {e.src_uri for e in found} for src, found in pairs.items()}, L
    )
    story = story_of(stories or [])
    links = {}
    for entry in archive.entries:
        src = entry.src_uri
        captures = tuple(capture_links(entry, archive_base))
        if src not in pairs and src not in related and src not in story and not captures:
            continue
        part = story.get(src)
        links[src] = StoryLinks(
            tuple(version_links(pairs, entry, archive_base)),
            related.get(src, ()),
            None
            if part is None
            else Link(story_title(part, L), f"{stories_base}{part.slug}/", len(part.entries)),
            captures,
        )
    return links


def story_site(
    archive: Archive, archive_base: str, stories_base: str, labels: Labels | None = None
) -> tuple[list[Story], dict[str, StoryLinks]]:
    """The archive's stories, and what each article page shows of the story around it."""
    stories = story_clusters(archive)
    return stories, story_links(archive, archive_base, labels, stories, stories_base)


def story_title(story: Story, labels: Labels) -> str:
    """A story's name: the names its articles share most, or its first article's title when
    they share none (a story of versions of one text)."""
    if story.names:
        return labels("list_separator").join(story.names)
    return story.first.article.title


def story_pages(
    stories: list[Story],
    base: str,
    page_size: int,
    *,
    sources_base: str,
    labels: Labels | None = None,
    registry: SourceRegistry | None = None,
) -> list[View]:
    """An index of the stories (stories.py), newest first, and a timeline per story: its
    articles oldest first, who covered it (its sources, most articles first, linked to their
    pages, with their countries when the source `registry` knows them, and a chart of them)
    and when."""
    L = labels or english()
    plural = L("stories.title")
    root = Link(plural, base)
    views = [
        View(
            src_uri=f"{base}index.md",
            title=plural,
            kind="story-index",
            template=LISTING,
            heading=plural,
            intro=L("stories.intro", count=len(stories)),
            children=[Link(story_title(s, L), f"{base}{s.slug}/", len(s.entries)) for s in stories],
        )
    ]
    for story in stories:
        name = story_title(story, L)
        first, last = story.first.article.date, story.last.article.date
        assert first is not None and last is not None  # stories hold dated articles only
        entries = list(story.entries)
        pages = timeline_pages(
            entries[::-1],  # it takes the archive's newest-first order
            f"{base}{story.slug}/",
            page_size,
            labels=L,
            title=L("stories.of", name=name),
            kind="story",
            intro=L(
                "stories.covered",
                articles=L("count.articles", count=len(entries)),
                sources=L("stories.sources", count=len(story.sources)),
                first=L.date(first),
                last=L.date(last),
            ),
            up=[root],
        )
        for page in pages:
            page.heading = name
        pages[0].children = [
            Link(
                source,
                f"{sources_base}{make_slug(source)}/",
                count,
                country_note(registry, source, L),
            )
            for source, count in story.sources
        ]
        pages[0].charts = attention_charts(entries, sources=True, labels=L)
        views += pages
    return views


def version_pages(archive: Archive, archive_base: str, labels: Labels | None = None) -> list[View]:
    """A comparison page per pair of versions in the archive, and per capture of an article's
    address after its first."""
    found = diffs(version_pairs(archive), archive_base) | capture_diffs(archive, archive_base)
    return diff_pages(found, archive_base, labels)


def diff_pages(
    found: dict[str, Diff], archive_base: str, labels: Labels | None = None
) -> list[View]:
    """A comparison page per pair of versions (diff.diffs), under the archive."""
    L = labels or english()
    views = []
    for url, diff in found.items():
        views.append(
            View(
                src_uri=f"{url}index.md",
                title=L("diff.title", title=diff.older.article.title),
                kind="diff",
                template=DIFF,
                heading=L("captures.heading" if diff.captured else "diff.heading"),
                up=[Link(L("archive.title"), archive_base)]
                # Two captures of one article: its page is one step up.
                + ([Link(diff.newer.article.title, diff.newer.url)] if diff.captured else []),
                entries=[diff.older, diff.newer],
                diff=diff,
            )
        )
    return views
