"""`enrich_store`: enrichment over every stored article, rewriting only the ones that change."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from chronicle.archive.lock import archive_lock
from chronicle.archive.registry import Registry
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.enrich import enrich_article

COUNTED = ("people", "organisations", "places", "quotes", "figures")


@dataclass(frozen=True)
class Enriched:
    """What happened to one stored file: `updated` (or would be, on a dry run), `unchanged`, or
    `failed` with the reason it cannot be read."""

    path: Path
    status: Literal["updated", "unchanged", "failed"]
    reason: str = ""


@dataclass
class EnrichSummary:
    articles: int = 0
    updated: int = 0  # rewritten, or to rewrite on a dry run
    failed: int = 0
    # How many people, organisations, places and quotes the enriched articles hold.
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))


def enrich_store(
    store: ArticleStore,
    registry: Registry,
    *,
    dry_run: bool = False,
    on_article: Callable[[Enriched], None] | None = None,
) -> EnrichSummary:
    """Enrich every stored article; write the ones whose derived keys change (none on a dry
    run). `on_article` hears of each file as it is done. The archive is locked while it writes:
    a correction made meanwhile would otherwise be overwritten by the copy read before it."""
    with archive_lock(store.root) if not dry_run else contextlib.nullcontext():
        return _enrich_all(store, registry, dry_run, on_article)


def _enrich_all(
    store: ArticleStore,
    registry: Registry,
    dry_run: bool,
    on_article: Callable[[Enriched], None] | None,
) -> EnrichSummary:
    summary = EnrichSummary()
    for path, article in store.scan():
        summary.articles += 1
        if isinstance(article, ChronicleError):
            summary.failed += 1
            outcome = Enriched(path, "failed", article.reason)
        else:
            enriched = enrich_article(article, registry)
            for key in COUNTED:
                summary.counts[key] += len(getattr(enriched, key))
            outcome = Enriched(path, "unchanged" if enriched is article else "updated")
            if outcome.status == "updated":
                summary.updated += 1
                if not dry_run:
                    store.write(path, enriched)
        if on_article is not None:
            on_article(outcome)
    store.save_memo()
    return summary
