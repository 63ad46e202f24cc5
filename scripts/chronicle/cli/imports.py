"""What `chronicle add` does around the library for a blog import and for scripts: skipping
drafts, recording old addresses for redirects, and the `--json` form of its outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from chronicle.archive.changes import ChangeLog
from chronicle.archive.model import Article
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.add import Outcome
from chronicle.ingest.inputs import Input
from chronicle.ingest.readers.blog import is_draft_file


def is_draft(item: Input) -> bool:
    return isinstance(item, Path) and is_draft_file(item)


def record_imports(store: ArticleStore, log: ChangeLog, outcomes: list[Outcome]) -> int:
    """Record the old address of every blog post added now or before (unchanged)."""
    articles: list[Article] = []
    for outcome in outcomes:
        if outcome.status == "added" and outcome.article is not None:
            articles.append(outcome.article)
        elif outcome.status == "unchanged":
            try:
                articles.append(store.load(Path(outcome.detail)))
            except (ChronicleError, OSError):
                continue
    # perf: imported here, for --redirects only: `ingest.curate` loads the enrichment modules
    from chronicle.ingest.curate import record_blog_redirects

    return record_blog_redirects(log, articles)


def outcomes_json(outcomes: list[Outcome]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    rows = []
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
        row: dict[str, Any] = {"input": o.input, "status": o.status, "detail": o.detail}
        if o.status == "new-version" and o.article is not None:
            row.update(id=o.article.id, file=o.detail, captures=len(o.article.captures) + 1)
        if o.status == "added" and o.article is not None:
            a = o.article
            row.update(
                id=a.id,
                file=o.detail,
                title=a.title,
                title_origin=a.title_origin,
                date=a.date.edtf if a.date else None,
                source=a.source,
            )
        if o.changes:
            row["changes"] = {key: [old, new] for key, old, new in o.changes}
        if o.note:
            row["note"] = o.note
        if o.warnings:
            row["warnings"] = list(o.warnings)
        rows.append(row)
    return {"counts": counts, "outcomes": rows}
