"""What real news looks like to Chronicle, beside what the benchmark generator makes.

`python -m benchmarks corpus_profile [--limit N]` reads every page of `../shared/corpus` with
Chronicle's own readers and enrichment (the text Chronicle would store), and prints the spread of
the numbers that drive build time: words, sections, direct quotes, quotes with a named speaker,
distinct speakers, names of people, organisations and places (as the name finder guesses them),
authors and topics per article. Beside them it prints
the same numbers for the generator's profiles (`benchmarks/corpus.py`), so a reader can see
whether the build benchmark is fed articles as heavy as real ones. The corpus is read in place,
never copied.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from chronicle.archive.model import Article

from .corpus import PROFILES, make_post

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPORA = ("trafilatura-eval", "postlight-fixtures", "scrapinghub-aeb")
ADDED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Shape:
    """The numbers of one article that cost build time."""

    words: int
    sections: int
    quotes: int
    named_quotes: int
    speakers: int
    people: int
    organisations: int
    places: int
    authors: int
    topics: int


FIELDS = tuple(Shape.__dataclass_fields__)


def _named(article: Article) -> Counter[str]:
    """Kinds of the names a curator would register: the archive's own name finder, with no
    registry, keeping names mentioned at least twice (a registry links entities, so a corpus read
    with an empty one has none; the finder's guesses stand in for what a curator would add)."""
    from chronicle.archive.registry import Registry
    from chronicle.ingest.enrich.suggest import suggest

    found = suggest([article], Registry(), use_spacy=False)
    return Counter(s.kind for s in found if s.count >= 2 and s.kind)


def shape_of(article: Article) -> Shape:
    lines = article.body.splitlines()
    named = _named(article)
    return Shape(
        words=len(article.body.split()),
        sections=sum(1 for line in lines if line.startswith("## ")),
        quotes=len(article.quotes),
        named_quotes=sum(1 for q in article.quotes if q.speaker),
        speakers=len({q.entity or q.speaker for q in article.quotes if q.speaker}),
        people=named["person"],
        organisations=named["organisation"],
        places=named["place"],
        authors=len(article.authors),
        topics=len(article.topics),
    )


def corpus_articles(limit: int | None = None) -> Iterator[Article]:
    """Every corpus page as Chronicle stores it after enrichment (pages it refuses are skipped)."""
    from chronicle.archive.registry import Registry
    from chronicle.errors import ChronicleError
    from chronicle.ingest.enrich import enrich_article
    from chronicle.ingest.prepare import articles_from_bytes

    registry = Registry()
    seen = 0
    for corpus in CORPORA:
        for line in (CORPUS / corpus / "gold.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            raw = gzip.decompress((CORPUS / corpus / row["file"]).read_bytes())
            try:
                found = articles_from_bytes(raw, Path(row["file"]).stem, {}, added=ADDED)
            except ChronicleError:
                continue
            for article, _ in found:
                yield enrich_article(article, registry)
            seen += 1
            if limit and seen >= limit:
                return


def spread(values: Iterable[int]) -> str:
    """p10 / median / p90 and the mean, the way the table prints them."""
    ordered = sorted(values)
    if not ordered:
        return "–"
    at = [ordered[min(len(ordered) - 1, int(len(ordered) * f))] for f in (0.1, 0.5, 0.9)]
    return f"{at[0]} / {at[1]} / {at[2]} (mean {statistics.fmean(ordered):.1f})"


def table(columns: dict[str, list[Shape]]) -> str:
    names = list(columns)
    rows = [
        "| per article (p10 / median / p90) | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for name in FIELDS:
        cells = [spread(getattr(s, name) for s in shapes) for shapes in columns.values()]
        rows.append(f"| {name.replace('_', ' ')} | " + " | ".join(cells) + " |")
    rows.append("| articles | " + " | ".join(str(len(s)) for s in columns.values()) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks corpus_profile")
    parser.add_argument("--limit", type=int, help="read at most this many corpus pages")
    parser.add_argument("--generated", type=int, default=300, help="generated articles per profile")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"corpus_profile: no corpus at {CORPUS}; skipped")
        return 0
    columns = {"shared corpus": [shape_of(a) for a in corpus_articles(args.limit)]}
    for profile in PROFILES:
        columns[f"generator: {profile}"] = [
            shape_of(make_post(i, profile=profile).article) for i in range(args.generated)
        ]
    print(table(columns))
    return 0
