"""Enrichment speed: 10,000 seed-like articles through `enrich_article`.

Run: python -m benchmarks.enrich [--articles N] [--registry-size N]

Articles are the seed's paragraphs, shuffled, with people, places and numbers swapped from pools
(deterministic seed), so the text has the seed's density of names and quotes. The registry is the
example archive's plus generated entities (default 5,000), since a real registry grows with the
archive: the automaton makes matching independent of its size.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from chronicle.archive.model import Article
from chronicle.archive.registry import Entity, Registry, validate
from chronicle.ingest.enrich import enrich_article, load_registry
from chronicle.ingest.enrich.entities import matcher_for
from chronicle.text.markdown import paragraphs_to_markdown

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "000_4163192e0dad8f11.txt"
FIRST = ["Amal", "Basem", "Carlos", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "José"]
LAST = ["Haddad", "Naim", "Martí", "Levy", "Öztürk", "Sabry", "Okafor", "Tanaka", "Lund", "Cohen"]
PLACES = ["Khan Younis", "Deir al-Balah", "Jabalia", "Cairo", "Doha", "Beit Lahia", "Nuseirat"]
EXTRA = [
    "“We are ready to talk, but not at any price,” {p} said, “and the world knows it.”",
    '"The situation in {pl} is catastrophic," said {p}, an aid worker.',
    "{p} told reporters in {pl} that the offer was “a step backwards.”",
    "Officials in {pl} said on Monday that {n} people had been displaced.",
]


def make_articles(count: int, seed: int = 20250321) -> list[Article]:
    rng = random.Random(seed)
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    lede, rest = lines[0], lines[1:]
    out = []
    for i in range(count):
        body = rest[:]
        rng.shuffle(body)
        for _ in range(rng.randint(1, 4)):
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            body.insert(
                rng.randrange(len(body) + 1),
                rng.choice(EXTRA).format(p=person, pl=rng.choice(PLACES), n=rng.randint(9, 9999)),
            )
        text = [lede, *body[: rng.randint(6, len(body))]]
        text = [t.replace("600", str(rng.randint(100, 999))) for t in text]
        md = paragraphs_to_markdown([("paragraph", t) for t in text])
        # Stored articles carry the language ingest decided; enrichment reads it.
        out.append(
            Article(
                id=f"a{i}", title=f"Article {i}", title_origin="curator", body=md, language="en"
            )
        )
    return out


def make_registry(extra: int, seed: int = 7) -> Registry:
    base = load_registry(ROOT / "entities.yml")
    rng = random.Random(seed)
    entities = list(base.entities)
    names = {e.name.casefold() for e in entities} | {
        a.casefold() for e in entities for a in e.aliases
    }
    kinds = ("person", "organisation", "place")
    while len(entities) < len(base.entities) + extra:
        name = f"{rng.choice(FIRST)}{rng.randint(0, 99999)} {rng.choice(LAST)}{rng.randint(0, 999)}"
        if name.casefold() not in names:
            names.add(name.casefold())
            entities.append(Entity(name, rng.choice(kinds)))  # type: ignore[arg-type]
    for place in PLACES:
        entities.append(Entity(place, "place"))
    return validate("benchmark registry", entities)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--registry-size", type=int, default=5_000)
    args = parser.parse_args(argv)
    if not SEED.exists():
        print(f"the seed is not at {SEED}", file=sys.stderr)
        return 1
    articles = make_articles(args.articles)
    started = time.perf_counter()
    registry = make_registry(args.registry_size)
    matcher_for(registry)  # build the automaton inside the timed part
    built = time.perf_counter() - started
    started, cpu = time.perf_counter(), time.process_time()
    enriched = [enrich_article(a, registry) for a in articles]
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu  # on a shared machine wall time also counts others' work
    again = time.perf_counter()
    unchanged = sum(enrich_article(a, registry) is a for a in enriched)
    second = time.perf_counter() - again
    words = sum(a.word_count for a in enriched)
    mentions = sum(len(a.people) + len(a.organisations) + len(a.places) for a in enriched)
    quotes = sum(len(a.quotes) for a in enriched)
    print(
        "| articles | words | registry | automaton s | enrich s (wall) | enrich s (CPU) "
        "| articles/s (CPU) | entities | quotes |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {len(articles):,} | {words:,} | {len(registry):,} | {built:.2f} | {seconds:.2f} | "
        f"{cpu:.2f} | {len(articles) / cpu:,.0f} | {mentions:,} | {quotes:,} |"
    )
    print(f"second run: {unchanged:,} of {len(enriched):,} unchanged in {second:.2f}s (idempotent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
