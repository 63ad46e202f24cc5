"""How honest the stored metadata is, on a tuning part and a held-out part of the shared corpus:
`python -m benchmarks.accuracy [--corpus NAME] [--verbose]`.

`benchmarks.extraction` asks "how often is the value right"; this one also asks what the archive
would *claim*: a wrong day stored as certain (no `?`/`~`) misleads a reader, the same wrong day
stored as uncertain does not. Per part it reports title exact, date exact day (postlight: within
one day, its gold is a UTC timestamp), author (same name set), the share of dated pages whose
stored day is wrong *and* certain, the share of pages without a gold date that get a certain
day, and how many stored author strings look like page furniture.

The split: a page is held out when the SHA-256 of its file name starts with 0-3 (about a
quarter). Rules are tuned on the rest; the held-out figures are what an unseen page can expect.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.extraction import CORPUS, _gold_day, author_set, load_gold, norm

SCORED = ("trafilatura-eval", "postlight-fixtures")
HELD_OUT_PREFIXES = "0123"
# Author strings that are page furniture, not a person: what a junk filter must never let through.
JUNK_AUTHOR = re.compile(
    r"\b(?:view|profile|show all|all (?:posts|articles)|archive|theme|powered|wordpress|"
    r"subscribe|newsletter|follow|share|comments?|read more|more from|click|login|sign in|"
    r"editor|reporter|correspondent|redakteur)\b|→|»|https?:|@|\s\d{4}\b",
    re.I,
)


def held_out(file_name: str) -> bool:
    return hashlib.sha256(Path(file_name).name.encode()).hexdigest()[0] in HELD_OUT_PREFIXES


@dataclass
class Part:
    name: str
    titles: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)  # right day (postlight: within one)
    wrong_certain: list[bool] = field(default_factory=list)  # per dated page
    undated_certain: list[bool] = field(default_factory=list)  # per page without a gold date
    authors: list[bool] = field(default_factory=list)
    junk_authors: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def rate(values: list[bool]) -> str:
        return f"{sum(values) / len(values):.1%} ({sum(values)}/{len(values)})" if values else "–"


def score_page(part: Part, row: dict, raw: bytes, tolerance: int, verbose: bool) -> None:
    from chronicle.errors import ChronicleError
    from chronicle.ingest.readers.html import decode_html, parse_html
    from chronicle.ingest.readers.page_metadata import extract_page_metadata

    try:
        meta = extract_page_metadata(parse_html(decode_html(raw, row["file"]), row["file"]))
    except ChronicleError:
        meta = None
    title = meta.title if meta else None
    date = meta.date if meta else None
    authors = meta.authors if meta else ()
    if row.get("title"):
        part.titles.append(norm(title) == norm(row["title"]))
        if verbose and not part.titles[-1]:
            part.misses.append(f"title {row['id']}: {title!r} != {row['title']!r}")
    certain = date is not None and date.day is not None and date.is_exact
    gold = _gold_day(row["date"]) if row.get("date") else None
    if gold is not None:
        right = date is not None and date.day is not None
        right = right and abs((date.as_date() - gold).days) <= tolerance
        part.dates.append(right)
        part.wrong_certain.append(certain and not right)
        if verbose and not right:
            flag = "CERTAIN" if certain else "uncertain"
            part.misses.append(f"date {row['id']} {flag}: {date} != {row['date']}")
    elif not row.get("date"):
        part.undated_certain.append(certain)
        if verbose and certain:
            part.misses.append(f"undated {row['id']}: certain {date}")
    if row.get("author"):
        part.authors.append(author_set(authors) == author_set(row["author"]))
        if verbose and not part.authors[-1]:
            part.misses.append(f"author {row['id']}: {authors} != {row['author']!r}")
    part.junk_authors += [a for a in authors if JUNK_AUTHOR.search(a)]


def score(corpus: Path, verbose: bool = False) -> tuple[Part, Part]:
    tuning, held = Part(f"{corpus.name} tuning"), Part(f"{corpus.name} held-out")
    tolerance = 1 if corpus.name == "postlight-fixtures" else 0
    for row in load_gold(corpus):
        raw = gzip.decompress((corpus / row["file"]).read_bytes())
        score_page(held if held_out(row["file"]) else tuning, row, raw, tolerance, verbose)
    return tuning, held


def table(parts: list[Part]) -> str:
    lines = [
        "| part | title exact | date right day | wrong day stored certain | certain date on "
        "undated page | author | junk authors |",
        "|---|---|---|---|---|---|---|",
    ]
    for p in parts:
        lines.append(
            f"| {p.name} | {p.rate(p.titles)} | {p.rate(p.dates)} | {p.rate(p.wrong_certain)} "
            f"| {p.rate(p.undated_certain)} | {p.rate(p.authors)} | {len(p.junk_authors)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=SCORED, help="repeatable")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"skipped: the shared corpus is not at {CORPUS}", file=sys.stderr)
        return 0
    parts: list[Part] = []
    for name in args.corpus or SCORED:
        parts += score(CORPUS / name, args.verbose)
    for part in parts:
        for miss in part.misses:
            print(f"[{part.name}] {miss}")
        for junk in part.junk_authors:
            print(f"[{part.name}] junk author: {junk!r}")
    print(table(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
