"""Each article's share of the whole-archive outputs (its references and its open data records),
as the text it takes in those files, made once and kept between builds.

perf: the archive's references and open data files list every article, so an article added to
10,000 changes each of them and they are written again whole. Made from the articles, that is
every article's BibTeX, RIS and CSL-JSON and its open data records again, through Python's
JSON encoder (the indented form has no C encoder): most of what a rebuild after adding one
article spent after its pages. Here a file is the join of its articles' texts, each made only
when its key (what it is made from) is new, and byte for byte what encoding the whole file at
once gives (tests/test_fragments.py).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin

from chronicle.archive.index import Entry
from chronicle.site import open_data
from chronicle.site.build.keys import digest
from chronicle.site.citations.records import bibtex, csl, ris
from chronicle.site.cite import place_of


@dataclass(frozen=True)
class Fragments:
    """One article's texts, each as it stands in its file (JSON indented for its depth)."""

    bibtex: str
    ris: str
    csl: str  # an item of references.json's top-level list
    record: str  # an item of articles.json's `articles`
    row: str  # its line of articles.csv
    quotes: tuple[str, ...]  # its items of quotes.json's `quotes`


class Memo(Protocol):
    """Where fragments are kept between builds (archive.memo.PickleMemo)."""

    def get(self, key: str) -> object | None: ...

    def put(self, key: str, value: object) -> None: ...


def json_item(value: object, depth: int) -> str:
    """`value` as `json.dumps(…, ensure_ascii=False, indent=1)` prints it `depth` levels down in
    a document (its first line unindented, where the list puts it). JSON strings hold no line
    breaks, so every line break is the encoder's own."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return text.replace("\n", "\n" + " " * depth)


def json_list(items: Iterable[str], depth: int, before: str = "", after: str = "") -> str:
    """A list of `json_item(…, depth + 1)` texts as the encoder prints it at `depth`, between
    `before` and `after`. perf: one join; a file of 10,000 articles' quotes is some 50 MB,
    each concatenation a copy of it."""
    parts = list(items)
    if not parts:
        return before + "[]" + after
    inner = "\n" + " " * (depth + 1)
    parts[0] = before + "[" + inner + parts[0]
    parts[-1] = parts[-1] + "\n" + " " * depth + "]" + after
    return ("," + inner).join(parts)


def make(entry: Entry, site_url: str, archive: str) -> Fragments:
    article = entry.article
    url = urljoin(site_url, entry.url)
    place = place_of(article, url, archive)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(open_data.csv_cells(entry, site_url))
    quotes = tuple(json_item(q, 2) for q in open_data.quote_items(entry, url))
    return Fragments(
        bibtex=bibtex(article, place),
        ris=ris(article, place),
        csl=json_item(csl(article, place), 1),
        record=json_item(open_data.record(entry, site_url), 2),
        row=out.getvalue(),
        quotes=quotes,
    )


class ArticleFragments:
    """Every article's fragments in one build: made once however many files list the article,
    and with `memo`, taken from the last build when their key is the same. `key` makes an
    article's part of that key (its fingerprint), `salt` the site-wide part (Chronicle's code
    among it)."""

    def __init__(
        self,
        site_url: str,
        archive: str,
        memo: Memo | None = None,
        key: Callable[[Entry], str] | None = None,
        salt: str = "",
    ) -> None:
        self.site_url, self.archive = site_url, archive
        self.memo, self._key, self.salt = memo, key, salt
        self._made: dict[str, Fragments] = {}

    def of(self, entry: Entry) -> Fragments:
        made = self._made.get(entry.src_uri)
        if made is not None:
            return made
        key = None
        if self.memo is not None and self._key is not None:
            key = digest(self.salt, self._key(entry), entry.url, self.site_url, self.archive)
            kept = self.memo.get(key)
            if isinstance(kept, Fragments):
                self._made[entry.src_uri] = kept
                return kept
        made = make(entry, self.site_url, self.archive)
        if key is not None and self.memo is not None:
            self.memo.put(key, made)
        self._made[entry.src_uri] = made
        return made

    def references(
        self, folder: str, entries: Iterable[Entry], names: dict[str, str]
    ) -> dict[str, str]:
        """`folder` + each of `names` ("BibTeX" → "references.bib"...) → its text."""
        made = [self.of(e) for e in entries]
        return {
            folder + names["BibTeX"]: "\n".join(f.bibtex for f in made),
            folder + names["RIS"]: "\n".join(f.ris for f in made),
            folder + names["CSL-JSON"]: json_list((f.csl for f in made), 0, after="\n"),
        }

    def open_data(self, entries: list[Entry]) -> dict[str, str]:
        """Site-relative path → text of every open data file (open_data.open_data_files)."""
        made = [self.of(e) for e in entries]
        header = open_data.articles_csv([], site_url=self.site_url)  # the names' row
        folder = open_data.FOLDER
        return {
            folder + open_data.ARTICLES_JSON: self._document("articles", [f.record for f in made]),
            folder + open_data.ARTICLES_CSV: header + "".join(f.row for f in made),
            folder + open_data.QUOTES_JSON: self._document(
                "quotes", [q for f in made for q in f.quotes]
            ),
            folder + open_data.SCHEMA_JSON: open_data.schema(self.site_url),
        }

    def _document(self, kind: str, items: list[str]) -> str:
        about = {"version": open_data.VERSION, "schema": open_data.SCHEMA_JSON}
        head = json_item({**about, "archive": self.archive}, 0)
        start = head.removesuffix("\n}") + f',\n "{kind}": '
        return json_list(items, 1, before=start, after="\n}\n")
