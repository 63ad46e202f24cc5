"""Articles → Pagefind records: what is searched, filtered, sorted and shown with a result.

Records, not HTML: each article is indexed straight from the model and its rendered body text
with Pagefind's "custom record" call, so the indexer never re-parses whole Material pages (nav,
header, footer), which is what made indexing 10,000 unmarked pages take 48 s and 3.8 GB. The
article template still carries the same contract as `data-pagefind-*` attributes, so running the
stock `pagefind --site site` over a build gives an equivalent index (see docs/guide/searching.md).

Pure: testable without MkDocs or the binary.
"""

from __future__ import annotations

import dataclasses
import html
import json
import re
import zlib
from dataclasses import dataclass, field

from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english
from chronicle.text.boilerplate import without_boilerplate
from chronicle.text.normalize import language_code

# Filters readers can facet on, in the order the search page shows them. `day` is not a facet: it
# only lets a date range end part-way through a month (see assets/chronicle/search.js).
FACETS: tuple[tuple[str, str], ...] = (
    ("source", "Source"),
    ("topic", "Topic"),
    ("person", "Person"),
    ("organisation", "Organisation"),
    ("place", "Place"),
    ("language", "Language"),
    ("year", "Year"),
    ("month", "Month"),
)
UNKNOWN_SOURCE = "Unknown source"
UNDATED = "Undated"
# Pagefind leaves out of a sorted search every page that lacks the sort key, so undated articles
# get a sentinel instead: `date` puts them last when sorting newest first (descending), and
# `date_oldest` puts them last when sorting oldest first (ascending).
UNDATED_NEWEST_LAST = "0000-00-00"
UNDATED_OLDEST_LAST = "9999-99-99"
# A date that crosses a year (`198X`, `[2024,2025]`) names no year: its `year` value says so, as
# the date archive lists it apart from the years, and it sorts after every dated article and
# before the undated, in either order, by the earliest day it can mean.
YEAR_UNCERTAIN = "Uncertain"
UNCERTAIN_NEWEST_LAST = "0000-00-01"
UNCERTAIN_OLDEST_LAST = "9999-99-98"


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One article as Pagefind indexes it."""

    url: str  # site-relative, starting with "/"
    # Plain text: excerpts are cut from it, so it must carry no markup. Either the text itself
    # or, in a record the build keeps until it is indexed, that text packed (`packed`): read it
    # with `text_of`.
    content: str | bytes
    language: str
    meta: dict[str, str] = field(default_factory=dict)
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


_RECORD_FIELDS = dataclasses.fields(SearchRecord)
_BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|pre|tr|td|th|dd|dt|div|figcaption)>|<br\s*/?>", re.I
)
_HEADERLINK = re.compile(r'<a\b[^>]*class="headerlink"[^>]*>.*?</a>', re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\f\v]+")


def html_to_text(fragment: str) -> str:
    """Sanitised article HTML → plain text, paragraphs kept apart so words never run together."""
    text = _HEADERLINK.sub("", fragment)  # the "¶" permalinks Python-Markdown adds to headings
    text = _BLOCK_END.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    # Pagefind's excerpts are inserted as HTML by the result list; angle brackets from the
    # article's own text are replaced so an excerpt can only ever carry Pagefind's <mark>.
    text = text.replace("<", "‹").replace(">", "›")
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def record_for(
    entry: Entry, body_text: str, *, default_language: str = "en", labels: Labels | None = None
) -> SearchRecord:
    """The record for one article: what is searched, filtered, sorted and shown with a result
    (its date as `labels` write it; the filters' values are data, never translated)."""
    labels = labels or english()
    article = entry.article
    date = article.date
    source = article.source or UNKNOWN_SOURCE
    meta = {"title": article.title, "source": source}
    # The primary subtag: 'pt-BR' and 'pt' are one value of the facet, and one Pagefind index
    # (Pagefind keeps an index per language; search.js merges them all, see bundle.py).
    language = language_code(article.language) or language_code(default_language) or "en"
    filters: dict[str, list[str]] = {"source": [source], "language": [language]}
    for key, values in (
        ("topic", article.topics),
        ("person", article.people),
        ("organisation", article.organisations),
        ("place", article.places),
    ):
        if values:
            filters[key] = sorted(set(values))
    if date is None:
        meta["date"] = labels("date_unknown")
        filters["year"] = [UNDATED]
        sort = {"date": UNDATED_NEWEST_LAST, "date_oldest": UNDATED_OLDEST_LAST}
    elif date.iso is None:
        meta["date"] = labels.date(date)
        filters["year"] = [YEAR_UNCERTAIN]
        sort = {
            "date": f"{UNCERTAIN_NEWEST_LAST} {date.sort_key}",
            "date_oldest": f"{UNCERTAIN_OLDEST_LAST} {date.sort_key}",
        }
    else:
        meta["date"] = labels.date(date)
        meta["date_iso"] = date.iso
        filters["year"] = [f"{date.year:04d}"]
        if date.month is not None:
            filters["month"] = [f"{date.year:04d}-{date.month:02d}"]
            if date.day is not None:
                filters["day"] = [date.iso]
        sort = {"date": date.sort_key, "date_oldest": date.sort_key}
    # The title is searched too (Pagefind weights it as a heading when it leads the content).
    # Consent notices and menus that reached a stored body are not: a word of a banner found
    # every page of a site, and it is no answer.
    content = f"{article.title}\n{without_boilerplate(body_text)}".strip()
    return SearchRecord(
        url="/" + entry.url.lstrip("/"),
        content=content,
        language=language,
        meta=meta,
        filters=filters,
        sort=sort,
    )


def packed(record: SearchRecord) -> SearchRecord:
    """The record with its text compressed, as the build keeps it until it is indexed.

    mem: a build holds every article's record from its conversion until its shard is indexed
    (and in the record memo, until it is saved). News text has curly quotes and dashes, so
    Python keeps it two bytes a character: about 11 KB a record, 1.1 GB at 100,000 articles;
    packed (zlib of its UTF-8, level 1: some 30 microseconds a record), a fifth of that.
    Equal texts give equal bytes, so packed records compare (and digest) like their texts."""
    if isinstance(record.content, bytes):
        return record
    return dataclasses.replace(record, content=zlib.compress(record.content.encode(), 1))


def text_of(record: SearchRecord) -> str:
    """A record's plain text, packed or not."""
    content = record.content
    return zlib.decompress(content).decode() if isinstance(content, bytes) else content


def record_to_json(record: SearchRecord) -> str:
    """A record as stored in the build cache (and digested per shard): the same, packed or
    not."""
    # perf: not `dataclasses.asdict`, which deep-copies every list and dict first; a record's
    # fields are plain JSON values already. Every record is digested on every build.
    fields = {f.name: getattr(record, f.name) for f in _RECORD_FIELDS}
    fields["content"] = text_of(record)
    return json.dumps(fields, sort_keys=True, ensure_ascii=False)
