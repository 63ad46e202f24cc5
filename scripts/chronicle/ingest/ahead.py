"""What a `chronicle add` worker works out ahead for the main process, beside reading its input:
each article's enrichment (entities, quotes, figures, reading level) and the MinHash signature
its near-duplicate query needs.

Both depend only on the article's text, its language and the project's entity registry, never
on what is stored, so they need not wait for the main process, which commits in input order.
perf: they were two thirds of the main process's work per article (about 4 ms of 6), and the
main process, one core, set the pace of a batch however many workers read the inputs.

An article over a limit is not enriched here (enrichment's regular expressions can take minutes
on hostile text): the main process refuses it as before. Anything that fails here is done again
in the main process, which reports it as it always did.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chronicle.archive.limits import Limits, check_limits, without_controls
from chronicle.archive.model import Article
from chronicle.ingest.inputs import Input
from chronicle.ingest.prepare import Prepared, Settings, prepare_safely


@dataclass(frozen=True)
class Plan:
    """What to work out ahead: enrichment with the registry of the project `root` belongs to,
    for articles within `limits`, and (`signatures`) each text's MinHash signature."""

    root: Path
    limits: Limits
    signatures: bool


@dataclass(frozen=True)
class Ahead:
    """One article's work done ahead: whether it is enriched, and its signature's bytes."""

    enriched: bool = False
    signature: bytes | None = None


NOTHING = Ahead()
Task = tuple[Input, Mapping[str, Any], Settings, dt.datetime]


def warm(plan: Plan) -> None:
    """Load, in this process, what `prepare_ahead` needs: the enrichment modules, the registry
    and its automaton, the language model. perf: called before the worker pool starts, so that
    forked workers share them rather than each import and build them again (about 0.4 s a
    worker); a registry that cannot be read is the main process's to report."""
    from chronicle.ingest.enrich import registry_near
    from chronicle.ingest.enrich.entities import matcher_for
    from chronicle.text.language_model import identifier

    with contextlib.suppress(Exception):
        matcher_for(registry_near(plan.root))
    identifier()


def prepare_ahead(job: tuple[Task, Plan]) -> tuple[Prepared, tuple[Ahead, ...]]:
    """`prepare_safely`, then each article's work done ahead (same order as its pairs)."""
    task, plan = job
    name, pairs, failure, notes = prepare_safely(task)
    if pairs is None:
        return (name, pairs, failure, notes), ()
    done = [_ahead(article, plan) for article, _ in pairs]
    pairs = [(article, original) for (article, _), (_, original) in zip(done, pairs, strict=True)]
    return (name, pairs, failure, notes), tuple(ahead for _, ahead in done)


def _ahead(article: Article, plan: Plan) -> tuple[Article, Ahead]:
    where = article.provenance.original_name if article.provenance else ""
    try:
        check_limits(where, without_controls(article), plan.limits)
        from chronicle.ingest.enrich import enrich_article, registry_near
        from chronicle.ingest.near_duplicates import minhash

        enriched = enrich_article(article, registry_near(plan.root))
        signature = minhash(enriched.body).tobytes() if plan.signatures else None
    except Exception:  # the main process does it again, and says what is wrong
        return article, NOTHING
    return enriched, Ahead(True, signature)
