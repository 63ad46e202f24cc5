"""Extraction accuracy on the shared corpus: `python -m benchmarks.extraction [--metadata-only]`.

Per corpus: title exact-match rate, date exact-day rate (and within one day: postlight's gold is
a UTC timestamp, the page's own day can differ by one), author match rate, body token F1 and
pages per second. Scored the way `../shared/corpus/BASELINE.md` scores plain trafilatura, so the
two tables compare directly. Titles and dates are compared as the acceptance check
(`../shared/acceptance/ingest-accuracy`) compares them: title exact after NFKC and whitespace
normalisation, date by calendar day (postlight: within one day), and every page with a gold
value in the denominator. The corpus is read in place (never copied into the repo).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CORPORA = ("trafilatura-eval", "postlight-fixtures", "scrapinghub-aeb")
_TOKEN = re.compile(r"\w+", re.UNICODE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b)\s*", re.I)


def norm(text: object) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", str(text or ""))).strip()


def author_set(text: str | Iterable[str] | None) -> frozenset[str]:
    if not text:
        return frozenset()
    items = [text] if isinstance(text, str) else list(text)
    names = (n for item in items for n in _AUTHOR_SPLIT.split(norm(item)))
    return frozenset(re.sub(r"^by\s+", "", n.casefold()).strip() for n in names if n.strip())


def token_f1(got: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall, F1 over bags of `\\w+` tokens (BASELINE.md's body metric)."""
    a, b = Counter(_TOKEN.findall(got.lower())), Counter(_TOKEN.findall(gold.lower()))
    common = sum((a & b).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(a.values()), common / sum(b.values())
    return p, r, 2 * p * r / (p + r)


@dataclass
class Score:
    corpus: str
    pages: int = 0
    titles: list[bool] = field(default_factory=list)
    dates: list[int | None] = field(default_factory=list)  # gap in days; None when missing
    authors: list[bool] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def rate(values: list[bool]) -> float | None:
        return sum(values) / len(values) if values else None

    @property
    def title_exact(self) -> float | None:
        return self.rate(self.titles)

    @property
    def date_exact(self) -> float | None:
        return self.rate([g == 0 for g in self.dates])

    @property
    def date_within_one(self) -> float | None:
        return self.rate([g is not None and g <= 1 for g in self.dates])

    @property
    def author(self) -> float | None:
        return self.rate(self.authors)

    @property
    def body_f1(self) -> float | None:
        return sum(self.f1) / len(self.f1) if self.f1 else None

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def load_gold(corpus: Path) -> list[dict]:
    with open(corpus / "gold.jsonl", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def extract(raw: bytes, name: str, metadata_only: bool):
    """One page → (title, date, authors, text) as Chronicle's html reader finds them."""
    from chronicle.errors import ChronicleError
    from chronicle.ingest.readers.html import decode_html, parse_html, read_html
    from chronicle.ingest.readers.page_metadata import extract_page_metadata

    try:
        if metadata_only:
            meta = extract_page_metadata(parse_html(decode_html(raw, name), name))
            return meta.title, meta.date, meta.authors, ""
        (draft,) = read_html(raw, name)
        return draft.title, draft.date, draft.authors, draft.text
    except ChronicleError:
        return None, None, (), ""


def score_corpus(
    corpus: Path, metadata_only: bool = False, limit: int | None = None, verbose: bool = False
) -> Score:
    rows = load_gold(corpus)
    if limit:
        rows = rows[:: max(1, len(rows) // limit)][:limit]  # an even, deterministic subset
    score = Score(corpus.name)
    has_body = any(r.get("text") for r in rows)
    for row in rows:
        raw = gzip.decompress((corpus / row["file"]).read_bytes())
        start = time.perf_counter()
        title, date, authors, text = extract(raw, row["file"], metadata_only and not has_body)
        score.seconds += time.perf_counter() - start
        score.pages += 1
        if row.get("title"):
            ok = norm(title) == norm(row["title"])
            score.titles.append(ok)
            if not ok and verbose:
                score.misses.append(f"title {row['id']}: {title!r} != {row['title']!r}")
        if row.get("date"):
            # Like the acceptance check, every page with a gold date counts: the one gold
            # day that is no day (2022-29-11) is a miss nobody can score, not a smaller corpus.
            gold_day = _gold_day(row["date"])
            gap = None
            if gold_day and date is not None and date.day is not None:
                gap = abs((date.as_date() - gold_day).days)
            score.dates.append(gap)
            if gap != 0 and verbose:
                score.misses.append(f"date {row['id']}: {date} != {row['date']}")
        if row.get("author"):
            ok = author_set(authors) == author_set(row["author"])
            score.authors.append(ok)
            if not ok and verbose:
                score.misses.append(f"author {row['id']}: {authors} != {row['author']!r}")
        if row.get("text"):
            score.f1.append(token_f1(text, row["text"])[2])
    return score


def _gold_day(value: str) -> dt.date | None:
    """The gold day; None for the one impossible gold date (2022-29-11)."""
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def table(scores: list[Score]) -> str:
    lines = [
        "| corpus | pages | title exact | date exact day | date ±1 day | author | body F1 "
        "| pages/s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        f1 = "–" if s.body_f1 is None else f"{s.body_f1:.3f}"
        lines.append(
            f"| {s.corpus} | {s.pages} | {_pct(s.title_exact)} | {_pct(s.date_exact)} | "
            f"{_pct(s.date_within_one)} | {_pct(s.author)} | {f1} | {s.pages_per_second:.1f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=CORPORA, help="repeatable")
    parser.add_argument("--limit", type=int, help="score an even subset of N pages per corpus")
    parser.add_argument("--metadata-only", action="store_true", help="skip body extraction")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: the shared corpus is not at {CORPUS}", file=sys.stderr)
        return 0
    scores = []
    for name in args.corpus or CORPORA:
        score = score_corpus(CORPUS / name, args.metadata_only, args.limit, args.verbose)
        scores.append(score)
        for miss in score.misses:
            print(miss)
    print(table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
