"""The archive as open data: `articles.json` (every article's metadata and lede, one record
each, with a schema and a version), `articles.csv` (the same records, flat) and `quotes.json`,
and the "Open data" page that links them. Pure: entries in, text out.

The schema is versioned: a field is only ever added in a minor version; renaming or removing one
makes a new major version, so a reader's script can check `version` before it reads. The page
is in the archive's language; the files, being data, are the same in every language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from urllib.parse import urljoin

from chronicle.archive.index import Entry
from chronicle.site.labels import Labels, english

VERSION = "1.0"
FOLDER = "data/"
ARTICLES_JSON, ARTICLES_CSV, QUOTES_JSON = "articles.json", "articles.csv", "quotes.json"
SCHEMA_JSON = "articles.schema.json"
PAGE = FOLDER + "index.md"

# (name, JSON Schema type, description): the one list the JSON, the CSV, the schema and the
# page are made from, so they cannot disagree.
FIELDS: list[tuple[str, object, str]] = [
    ("id", "string", "The article's identifier in the archive, stable."),
    ("title", "string", "The headline, or a title devised by the curator (see title_origin)."),
    ("title_origin", "string", "source (the original's headline), curator or inferred."),
    ("date", ["string", "null"], "Publication date in EDTF: 2025-03-21, 2025-03, 2025-03-21~ "
     "(approximate), 2025-03-21? (uncertain); null when unknown."),
    ("date_precision", ["string", "null"], "day, month or year; null when unknown."),
    ("date_origin", ["string", "null"], "Where the date came from: source, curator, inferred."),
    ("source", ["string", "null"], "The publication (outlet); null when unknown."),
    ("authors", "array", "Bylines as printed, in order."),
    ("language", ["string", "null"], "ISO 639-1 code of the article's language."),
    ("topics", "array", "Subject headings given by the curator."),
    ("people", "array", "People named, by their registry names."),
    ("organisations", "array", "Organisations named."),
    ("places", "array", "Places named."),
    ("lede", "string", "The summary or the article's opening."),
    ("word_count", "integer", "Words in the text."),
    ("quotes", "integer", "How many direct quotes quotes.json holds for the article."),
    ("url", "string", "The article's permanent address in this archive."),
    ("original_url", ["string", "null"], "Where the article was first published, when known."),
    ("added", ["string", "null"], "When the article entered the archive (ISO 8601, UTC)."),
    ("sha256", ["string", "null"], "SHA-256 of the original file the text was taken from."),
]  # fmt: skip

QUOTE_FIELDS: list[tuple[str, str]] = [
    ("article_id", "The article the quote is in (articles.json id)."),
    ("article_url", "The article's permanent address."),
    ("text", "The quote exactly as printed."),
    ("speaker", "Who said it, as the article names them (null: not attributed)."),
    ("entity", "The speaker's registry name, when resolved."),
    ("verb", "The reporting verb (said, told...)."),
    ("kind", "full (a whole utterance) or partial (words quoted within a sentence)."),
    ("marks", "The opening and closing quotation marks as printed (null: not recorded)."),
]


def record(entry: Entry, site_url: str) -> dict[str, object]:
    a = entry.article
    p = a.provenance
    return {
        "id": a.id,
        "title": a.title,
        "title_origin": a.title_origin,
        "date": a.date.edtf if a.date else None,
        "date_precision": a.date.precision if a.date else None,
        "date_origin": a.date_origin,
        "source": a.source,
        "authors": list(a.authors),
        "language": a.language,
        "topics": list(a.topics),
        "people": list(a.people),
        "organisations": list(a.organisations),
        "places": list(a.places),
        "lede": a.summary,
        "word_count": a.word_count,
        "quotes": len(a.quotes),
        "url": urljoin(site_url, entry.url),
        "original_url": a.url or (p.original_url if p else None),
        "added": p.added.astimezone(dt.UTC).isoformat() if p else None,
        "sha256": p.sha256 if p else None,
    }


def _document(kind: str, archive: str, items: list[dict[str, object]]) -> str:
    doc = {"version": VERSION, "schema": SCHEMA_JSON, "archive": archive, kind: items}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def articles_json(entries: list[Entry], *, site_url: str, archive: str) -> str:
    return _document("articles", archive, [record(e, site_url) for e in entries])


def csv_cells(entry: Entry, site_url: str) -> list[object]:
    """An article's row of articles.csv: its record, lists joined with "; " (spreadsheets read
    it as is), null as empty."""
    row = record(entry, site_url)
    return ["; ".join(v) if isinstance(v, list) else "" if v is None else v for v in row.values()]


def articles_csv(entries: list[Entry], *, site_url: str) -> str:
    """The same records, one row each."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in FIELDS])
    for entry in entries:
        writer.writerow(csv_cells(entry, site_url))
    return out.getvalue()


def quote_items(entry: Entry, article_url: str) -> list[dict[str, object]]:
    """An article's items of quotes.json; `article_url`: its absolute address."""
    return [
        {
            "article_id": entry.article.id,
            "article_url": article_url,
            "text": q.text,
            "speaker": q.speaker,
            "entity": q.entity,
            "verb": q.verb,
            "kind": q.kind,
            "marks": q.marks,
        }
        for q in entry.article.quotes
    ]


def quotes_json(entries: list[Entry], *, site_url: str, archive: str) -> str:
    items = [q for e in entries for q in quote_items(e, urljoin(site_url, e.url))]
    return _document("quotes", archive, items)


def schema(site_url: str) -> str:
    """The JSON Schema (draft 2020-12) of articles.json."""
    properties: dict[str, object] = {}
    for name, kind, description in FIELDS:
        prop: dict[str, object] = {"type": kind, "description": description}
        if kind == "array":
            prop["items"] = {"type": "string"}
        properties[name] = prop
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": urljoin(site_url, FOLDER + SCHEMA_JSON),
        "title": "Chronicle articles.json",
        "type": "object",
        "required": ["version", "articles"],
        "properties": {
            "version": {"type": "string", "const": VERSION},
            "schema": {"type": "string"},
            "archive": {"type": "string"},
            "articles": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [name for name, _, _ in FIELDS],
                    "additionalProperties": False,
                    "properties": properties,
                },
            },
        },
    }
    return json.dumps(doc, indent=1) + "\n"


def page_markdown(downloads: list[tuple[str, str]], labels: Labels | None = None) -> str:
    """The "Open data" page (Markdown) in the archive's language (`labels`, English when none):
    the files, the fields, and the archive's references. `downloads` are (label, path relative
    to this page) of the reference files. The fields are described in the catalogue
    (`open_data.article.*`, `open_data.quote.*`; in English the schema's own words)."""
    L = labels or english()
    fields = "\n".join(f"| `{n}` | {L(f'open_data.article.{n}')} |" for n, _, _ in FIELDS)
    quote_fields = "\n".join(f"| `{n}` | {L(f'open_data.quote.{n}')} |" for n, _ in QUOTE_FIELDS)
    # Links as HTML: MkDocs checks Markdown links against docs/, where these files never are.
    refs = " · ".join(f'<a href="{path}">{label}</a>' for label, path in downloads)

    def link(path: str, text: str | None = None) -> str:
        return f'<a href="{path}">{text or path}</a>'

    schema_link = link(SCHEMA_JSON, L("open_data.schema"))
    table = f"| {L('open_data.field')} | {L('open_data.meaning')} |\n|---|---|"
    return f"""# {L("open_data.title")}

{L("open_data.intro", version=VERSION)}

- {L("open_data.articles_json", file=link(ARTICLES_JSON), schema=schema_link)}
- {L("open_data.articles_csv", file=link(ARTICLES_CSV))}
- {L("open_data.quotes_json", file=link(QUOTES_JSON))}
- {L("open_data.references", links=refs)}

## {L("open_data.article_fields")}

{table}
{fields}

{L("open_data.unknown")}

## {L("open_data.quote_fields")}

{table}
{quote_fields}
"""


def open_data_files(entries: list[Entry], *, site_url: str, archive: str) -> dict[str, str]:
    """Site-relative path → text of every open data file (the page is made by the plugin)."""
    return {
        FOLDER + ARTICLES_JSON: articles_json(entries, site_url=site_url, archive=archive),
        FOLDER + ARTICLES_CSV: articles_csv(entries, site_url=site_url),
        FOLDER + QUOTES_JSON: quotes_json(entries, site_url=site_url, archive=archive),
        FOLDER + SCHEMA_JSON: schema(site_url),
    }
