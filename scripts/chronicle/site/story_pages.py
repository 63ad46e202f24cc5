"""The pages that follow a story across articles: one comparing two versions of an article.
Pure: no I/O, no MkDocs.
"""

from __future__ import annotations

from chronicle.site.diff import Diff
from chronicle.site.views import DIFF, Link, View


def diff_pages(found: dict[str, Diff], archive_base: str) -> list[View]:
    """A comparison page per pair of versions (diff.diffs), under the archive."""
    views = []
    for url, diff in found.items():
        views.append(
            View(
                src_uri=f"{url}index.md",
                title=f"Versions compared: {diff.older.article.title}",
                kind="diff",
                template=DIFF,
                heading="Two versions compared",
                up=[Link("Archive", archive_base)],
                entries=[diff.older, diff.newer],
                diff=diff,
            )
        )
    return views
