"""Facet counts made at build time, so the search page shows complete counts for a search without
words (none or one filter chosen) without merging every shard.

Why: Pagefind counts a facet's values only over the indexes it has loaded, so complete counts
needed every shard (measured: 1.9 MB fetched at 100,000 articles in 26 shards). The counts of
an empty query, and of every other facet under one chosen value, depend on the records alone
and are written once a build:

- `chronicle-counts.json` (a few KB): the number of articles and, for each facet, its values
  with their counts, `[[value, count], ...]` sorted by value (lists, not objects: a browser
  reorders object keys that look like numbers, such as years); and the facets of which no
  article has two values (`single`).
- `counts/<facet>-<hash>.json`, one per value (see `value_file`): the value, its count, and
  every *other* facet's values with their counts among its articles.
  A facet's own counts under one of its values are those of the empty query (facets are
  disjunctive: values within one facet are alternatives), so they are not repeated.

Bounded: the whole cross table grows with the product of the facets' values (some 900 values at
100,000 generated articles make 800,000 pairs, megabytes); a browser fetches the main file and
at most one value's file, each a few KB, and the cross table is never fetched whole.

Pure apart from `write_counts`; the same records give the same bytes (sorted, no times).
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import chain
from pathlib import Path

from chronicle.archive.files import write_atomic
from chronicle.site.search.records import FACETS, SearchRecord

COUNTS_FILE = "chronicle-counts.json"
COUNTS_DIR = "counts"
FACET_KEYS = tuple(key for key, _ in FACETS)

Value = tuple[str, str]  # (facet, value)


def _values(record: SearchRecord) -> list[Value]:
    return [(facet, v) for facet in FACET_KEYS for v in sorted(set(record.filters.get(facet, ())))]


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def count_facets(records: Iterable[SearchRecord]) -> dict[str, str]:
    """The counts files as {path in the bundle: JSON text} (see the module's docstring)."""
    # perf: every value gets a number in sorted order, each record is a tuple of numbers, and
    # a value's co-counts are one Counter over its records (counted in C), not a Python loop
    # over every pair of values (measured at 10,000 generated articles, busy machine: 0.8 s,
    # now 0.25 s).
    rows = [_values(record) for record in records]
    order = sorted({value for values in rows for value in values})
    number = {value: i for i, value in enumerate(order)}
    postings: list[list[tuple[int, ...]]] = [[] for _ in order]
    for values in rows:
        numbers = tuple(number[value] for value in values)
        for n in numbers:
            postings[n].append(numbers)
    by_facet: dict[str, list[int]] = {}
    for i, (facet, _) in enumerate(order):
        by_facet.setdefault(facet, []).append(i)

    def grouped(counts: Mapping[int, int], skip: str = "") -> dict[str, list[list[object]]]:
        """`[[value, count], ...]` by facet, sorted by value; `skip`: a facet left out."""
        out: dict[str, list[list[object]]] = {}
        for facet, numbers in by_facet.items():
            if facet == skip:
                continue
            found = [[order[n][1], counts[n]] for n in numbers if n in counts]
            if found:
                out[facet] = found
        return out

    facets = grouped({n: len(p) for n, p in enumerate(postings)})
    # Facets of which no article has two values (a source, a year): the counts under several of
    # their values are the sums of each one's, which search.js adds up.
    several = {
        facet for values in rows for facet, n in Counter(f for f, _ in values).items() if n > 1
    }
    single = sorted(set(by_facet) - several)
    main = {"articles": len(rows), "facets": facets, "single": single}
    files = {COUNTS_FILE: _dump(main)}
    by_file: dict[tuple[str, str], list[dict[str, object]]] = {}
    for facet, numbers in by_facet.items():
        for n in numbers:
            value = order[n][1]
            together = Counter(chain.from_iterable(postings[n]))
            data = {"value": value, "articles": len(postings[n])}
            data["facets"] = grouped(together, skip=facet)
            by_file.setdefault((facet, value_file(facet, value)), []).append(data)
    for (facet, name), values in by_file.items():
        files[name] = _dump({"facet": facet, "values": values})
    return files


def value_file(facet: str, value: str) -> str:
    """Where a value's counts are: named by a hash of the facet and value (32-bit FNV-1a of
    their UTF-8, which search.js computes the same way), so a value keeps its file when others
    come or go and a rebuild rewrites only the files whose counts changed. Values whose hashes
    collide share a file (a list)."""
    digest = 0x811C9DC5
    for byte in f"{facet}\0{value}".encode():
        digest = ((digest ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{COUNTS_DIR}/{facet}-{digest:08x}.json"


def write_counts(counts: Mapping[str, str], bundle: Path) -> None:
    """Write the counts (`count_facets`) into the bundle: only files whose text changed (a
    rebuild that changed no count touches none), the main file last, and files of values that
    are gone removed."""
    files = dict(counts)
    folder = bundle / COUNTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    main = files.pop(COUNTS_FILE)
    for name, text in sorted(files.items()):
        path = bundle / name
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            # Not synced one by one (a thousand fsyncs): the build makes them again when lost.
            write_atomic(path, text, durable=False)
    wanted = {name.split("/", 1)[1] for name in files}
    for path in folder.iterdir():
        if path.name not in wanted:
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    write_atomic(bundle / COUNTS_FILE, main, durable=False)
