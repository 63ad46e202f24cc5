"""The pages that follow a story across articles: one comparing two versions of an article.
Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass

from chronicle.archive.index import Archive
from chronicle.site.diff import Diff, VersionLink, diffs, version_links, version_pairs
from chronicle.site.labels import Labels, english
from chronicle.site.related import RelatedLink, related_coverage
from chronicle.site.views import DIFF, Link, View

# Styles of the story pages: date navigation, calendars, charts, figures, versions and diffs.
STORY_CSS = "assets/chronicle/story.css"


@dataclass(frozen=True)
class StoryLinks:
    """What an article page shows of the story around it."""

    versions: tuple[VersionLink, ...] = ()  # its other versions, with their comparison pages
    related: tuple[RelatedLink, ...] = ()  # related coverage, with the reason


def story_links(
    archive: Archive, archive_base: str, labels: Labels | None = None
) -> dict[str, StoryLinks]:
    """src_uri → the article's other versions and related coverage (when it has either), its
    reasons in `labels`' language."""
    pairs = version_pairs(archive)
    related = related_coverage(
        archive, {src: {e.src_uri for e in found} for src, found in pairs.items()}, labels
    )
    return {
        entry.src_uri: StoryLinks(
            tuple(version_links(pairs, entry, archive_base)), related.get(entry.src_uri, ())
        )
        for entry in archive.entries
        if entry.src_uri in pairs or entry.src_uri in related
    }


def version_pages(archive: Archive, archive_base: str, labels: Labels | None = None) -> list[View]:
    """A comparison page per pair of versions in the archive."""
    return diff_pages(diffs(version_pairs(archive), archive_base), archive_base, labels)


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
                heading=L("diff.heading"),
                up=[Link(L("archive.title"), archive_base)],
                entries=[diff.older, diff.newer],
                diff=diff,
            )
        )
    return views
