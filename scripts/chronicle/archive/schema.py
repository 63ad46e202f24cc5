"""The front matter schema: mappings ↔ `Article`, validated on every read.

One table (`FIELDS`) documents every key; `docs/guide/front-matter.md` describes the same keys for
people and a test keeps the two in step. Errors name the file and the key, in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from chronicle.archive.captures import captures_to_list, read_captures
from chronicle.archive.dates import parse_date
from chronicle.archive.limits import LIMITS, Limits, check_limits
from chronicle.archive.model import ORIGINS, QUOTE_MARKS, Article, Figure, Provenance, Quote
from chronicle.archive.values import datetime_value as _datetime
from chronicle.archive.values import iso_time as _iso
from chronicle.archive.values import sha256_value as _sha256
from chronicle.archive.values import text_value as _text
from chronicle.archive.values import unknown_key as _unknown_key
from chronicle.errors import ChronicleError, FrontMatterError
from chronicle.text.normalize import language_tag, web_address

# key → one-line meaning. Order here is the order written to files.
FIELDS: dict[str, str] = {
    "id": "stable identifier: the date part and the slug; never changes once added",
    "title": "headline, exactly as published, devised by the curator, or inferred",
    "title_origin": "where the title came from: source, curator or inferred",
    "date": "publication date in EDTF: 2025-03-21, 2025-03, 2025, 2025-03-21~ (approximate), "
    "2025-03-21? (uncertain); null when unknown",
    "date_origin": "where the date came from: source, curator or inferred",
    "source": "publisher or outlet; null when unknown",
    "source_origin": "where the source came from: source, curator or inferred",
    "url": "the article's original address (http:// or https://), when known",
    "authors": "list of bylines",
    "language": "ISO 639-1 code of the text, e.g. en",
    "topics": "list of subject headings chosen by the curator",
    "summary": "the lede or a short summary, shown in listings",
    "word_count": "words in the body (text in scripts without spaces, such as Japanese: "
    "characters ÷ 2.5, the words a reader takes the same time over)",
    "reading_time": "minutes at 200 words a minute (derived from word_count)",
    "reading_grade": "readability grade of the text (derived)",
    "people": "people the text mentions (registry names)",
    "organisations": "organisations the text mentions (registry names)",
    "places": "places the text mentions (registry names)",
    "quotes": "direct quotes: list of {text, speaker, entity, verb, kind, marks}; kind is full or "
    "partial; marks the opening and closing quotation marks as printed",
    "figures": "numbers the text attributes: list of {value, what, reporter, qualifier, unit}",
    "other_versions": "ids of near-duplicate articles (syndicated copies of the same story)",
    "provenance": "original_name, sha256 of the original bytes, added (UTC), reader, fingerprint, "
    "retrieved, original_url",
    "extra": "any other curator data, kept as is",
    "captures": "the other captures of the article's own address, oldest first (the body is the "
    "newest capture's): list of {sha256, added, captured, original_name, title, fingerprint, body}",
}

# Keys a curator may give in a sidecar file or on the command line.
CURATOR_KEYS = ("title", "date", "source", "url", "authors", "language", "topics", "summary")
# And, with a title, whose words it is: `source` for a headline typed in from a paper clipping
# (the source's, cited as printed), `curator` (the default) for a title the curator devised.
TITLE_ORIGINS = ("curator", "source")
PROVENANCE_KEYS = (
    "original_name",
    "sha256",
    "added",
    "reader",
    "fingerprint",
    "retrieved",
    "original_url",
)


def read_web_address(where: str, key: str, value: Any) -> str | None:
    """An http(s) address as the front matter's `key` holds it (None when empty)."""
    return _web_address(where, key, value)


def _web_address(where: str, key: str, value: Any) -> str | None:
    text = _text(where, key, value)
    if text is not None and web_address(text) is None:
        raise FrontMatterError(where, key, f"'{text}' is not an http:// or https:// address")
    return text


def _language(where: str, key: str, value: Any) -> str | None:
    text = _text(where, key, value)
    if text is None:
        return None
    tag = language_tag(text)
    if tag is None:
        raise FrontMatterError(where, key, f"'{text}' is not a language code such as 'en' or 'fr'")
    return tag


def _list(where: str, key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise FrontMatterError(where, key, f"must be a list of text, not {type(value).__name__}")
    out: list[str] = []
    for item in value:
        text = _text(where, key, item)
        if text and text not in out:
            out.append(text)
    return tuple(out)


def _origin(where: str, key: str, value: Any) -> Any:
    if value is None:
        return None
    if value not in ORIGINS:
        raise FrontMatterError(where, key, f"must be one of {', '.join(ORIGINS)}, not {value!r}")
    return value


def _int(where: str, key: str, value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FrontMatterError(where, key, "must be a whole number ≥ 0")
    return value


def _date(where: str, key: str, value: Any):
    try:
        date = parse_date(value, where)
    except ChronicleError as exc:
        raise FrontMatterError(where, key, exc.reason) from None
    except (ValueError, OverflowError) as exc:  # what the edtf package raises on a huge year
        raise FrontMatterError(where, key, f"'{value}' is not a date ({exc})") from None
    if date is not None and not 1 <= date.year <= 9999:
        # Year 0 does not exist in the calendar the site shows, and negative years have no
        # four-digit form (-0044 would come back as -044): refused rather than mangled.
        raise FrontMatterError(where, key, f"year {date.year} is outside 1 to 9999")
    return date


def read_curator(where: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a sidecar (or flags) mapping; returns typed values for the keys given."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in CURATOR_KEYS and key != "title_origin":
            raise _unknown_key(where, str(key), [*CURATOR_KEYS, "title_origin"])
        if key == "title_origin":
            if value not in TITLE_ORIGINS or "title" not in data:
                raise FrontMatterError(
                    where,
                    key,
                    f"must be one of {', '.join(TITLE_ORIGINS)}, with a title, not {value!r}",
                )
            out[key] = value
        elif key in ("authors", "topics"):
            out[key] = _list(where, key, value)
        elif key == "date":
            # An explicit "unknown" from the curator is knowledge too: keep the key.
            out[key] = _date(where, key, value)
        elif key == "url":
            out[key] = _web_address(where, key, value)
        elif key == "language":
            out[key] = _language(where, key, value)
        else:
            out[key] = _text(where, key, value)
    return out


def read_provenance(where: str, value: Any) -> Provenance | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise FrontMatterError(where, "provenance", "must be a mapping")
    for key in value:
        if key not in PROVENANCE_KEYS:
            raise _unknown_key(
                where, f"provenance.{key}", [f"provenance.{k}" for k in PROVENANCE_KEYS]
            )
    sha = _sha256(where, "provenance.sha256", value.get("sha256"))
    added = _datetime(where, "provenance.added", value.get("added"))
    if added is None:
        raise FrontMatterError(where, "provenance.added", "is required")
    return Provenance(
        original_name=_text(where, "provenance.original_name", value.get("original_name")) or "",
        sha256=sha,
        added=added,
        reader=_text(where, "provenance.reader", value.get("reader")) or "unknown",
        fingerprint=_text(where, "provenance.fingerprint", value.get("fingerprint")) or "",
        retrieved=_datetime(where, "provenance.retrieved", value.get("retrieved")),
        original_url=_web_address(where, "provenance.original_url", value.get("original_url")),
    )


QUOTE_KINDS = ("full", "partial")


def _quote_kind(where: str, key: str, value: Any) -> str | None:
    if value is None:
        return None
    if value not in QUOTE_KINDS:
        raise FrontMatterError(
            where, key, f"must be one of {', '.join(QUOTE_KINDS)}, not {value!r}"
        )
    return value


def _quote_marks(where: str, key: str, value: Any) -> str | None:
    marks = _text(where, key, value)
    if marks is None:
        return None
    if len(marks) != 2 or not set(marks) <= QUOTE_MARKS:
        raise FrontMatterError(
            where, key, f"must be an opening and a closing quotation mark, not {marks!r}"
        )
    return marks


def read_quotes(where: str, value: Any) -> tuple[Quote, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FrontMatterError(where, "quotes", "must be a list")
    quotes = []
    for index, item in enumerate(value):
        key = f"quotes[{index}]"
        if not isinstance(item, Mapping):
            raise FrontMatterError(where, key, "must be a mapping with text and speaker")
        quotes.append(
            Quote(
                text=_text(where, f"{key}.text", item.get("text"), required=True) or "",
                speaker=_text(where, f"{key}.speaker", item.get("speaker")),
                entity=_text(where, f"{key}.entity", item.get("entity")),
                verb=_text(where, f"{key}.verb", item.get("verb")),
                kind=_quote_kind(where, f"{key}.kind", item.get("kind")),
                marks=_quote_marks(where, f"{key}.marks", item.get("marks")),
            )
        )
    return tuple(quotes)


FIGURE_KEYS = ("value", "what", "reporter", "qualifier", "unit")


def read_figures(where: str, value: Any) -> tuple[Figure, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise FrontMatterError(where, "figures", "must be a list")
    figures = []
    for index, item in enumerate(value):
        key = f"figures[{index}]"
        if not isinstance(item, Mapping):
            raise FrontMatterError(where, key, "must be a mapping with a value")
        for name in item:
            if name not in FIGURE_KEYS:
                raise _unknown_key(where, f"{key}.{name}", [f"{key}.{k}" for k in FIGURE_KEYS])
        figures.append(
            Figure(
                value=_text(where, f"{key}.value", item.get("value"), required=True) or "",
                what=_text(where, f"{key}.what", item.get("what")) or "",
                reporter=_text(where, f"{key}.reporter", item.get("reporter")),
                qualifier=_text(where, f"{key}.qualifier", item.get("qualifier")),
                unit=_text(where, f"{key}.unit", item.get("unit")),
            )
        )
    return tuple(figures)


def article_from_mapping(
    where: str, meta: Mapping[str, Any], body: str, limits: Limits = LIMITS
) -> Article:
    """Front matter + body → Article, or FrontMatterError naming the key (or the limit)."""
    article = _article(where, meta, body)
    check_limits(where, article, limits)
    return article


def _article(where: str, meta: Mapping[str, Any], body: str) -> Article:
    if not isinstance(meta, Mapping):
        raise FrontMatterError(where, "", "the front matter must be a mapping of keys to values")
    for key in meta:
        if key not in FIELDS:
            raise _unknown_key(where, str(key), list(FIELDS))
    title_origin = _origin(where, "title_origin", meta.get("title_origin")) or "curator"
    date = _date(where, "date", meta.get("date"))
    grade = meta.get("reading_grade")
    if grade is not None and (isinstance(grade, bool) or not isinstance(grade, (int, float))):
        raise FrontMatterError(where, "reading_grade", "must be a number")
    extra = meta.get("extra") or {}
    if not isinstance(extra, Mapping):
        raise FrontMatterError(where, "extra", "must be a mapping")
    return Article(
        id=_text(where, "id", meta.get("id"), required=True) or "",
        title=_text(where, "title", meta.get("title"), required=True) or "",
        title_origin=title_origin,
        body=body,
        date=date,
        date_origin=_origin(where, "date_origin", meta.get("date_origin")) if date else None,
        source=_text(where, "source", meta.get("source")),
        source_origin=_origin(where, "source_origin", meta.get("source_origin")),
        url=_web_address(where, "url", meta.get("url")),
        authors=_list(where, "authors", meta.get("authors")),
        language=_language(where, "language", meta.get("language")),
        topics=_list(where, "topics", meta.get("topics")),
        summary=_text(where, "summary", meta.get("summary")) or "",
        word_count=_int(where, "word_count", meta.get("word_count")),
        provenance=read_provenance(where, meta.get("provenance")),
        people=_list(where, "people", meta.get("people")),
        organisations=_list(where, "organisations", meta.get("organisations")),
        places=_list(where, "places", meta.get("places")),
        quotes=read_quotes(where, meta.get("quotes")),
        figures=read_figures(where, meta.get("figures")),
        reading_grade=float(grade) if grade is not None else None,
        other_versions=_list(where, "other_versions", meta.get("other_versions")),
        captures=read_captures(where, meta.get("captures")),
        extra=dict(extra),
    )


def article_to_mapping(article: Article) -> dict[str, Any]:
    """Article → front matter, in `FIELDS` order, leaving out empty optional keys."""
    prov = article.provenance
    meta: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "title_origin": article.title_origin,
        "date": article.date.edtf if article.date else None,
        "date_origin": article.date_origin if article.date else None,
        "source": article.source,
        "source_origin": article.source_origin if article.source else None,
        "url": article.url,
        "authors": list(article.authors),
        "language": article.language,
        "topics": list(article.topics),
        "summary": article.summary,
        "word_count": article.word_count,
        "reading_time": article.reading_time,
        "reading_grade": article.reading_grade,
        "people": list(article.people),
        "organisations": list(article.organisations),
        "places": list(article.places),
        "quotes": [
            {
                k: v
                for k, v in (
                    ("text", q.text),
                    ("speaker", q.speaker),
                    ("entity", q.entity),
                    ("verb", q.verb),
                    ("kind", q.kind),
                    ("marks", q.marks),
                )
                if v
            }
            for q in article.quotes
        ],
        "figures": [
            {k: getattr(f, k) for k in FIGURE_KEYS if getattr(f, k)} for f in article.figures
        ],
        "other_versions": list(article.other_versions),
        "provenance": None
        if prov is None
        else {
            k: v
            for k, v in (
                ("original_name", prov.original_name),
                ("sha256", prov.sha256),
                ("added", _iso(prov.added)),
                ("reader", prov.reader),
                ("fingerprint", prov.fingerprint),
                ("retrieved", _iso(prov.retrieved)),
                ("original_url", prov.original_url),
            )
            if v
        },
        "extra": dict(article.extra),
        # Last: the earlier texts are long, and the keys above are what a person reads first.
        "captures": captures_to_list(article.captures),
    }
    # `date` and `source` stay even when null: "unknown" is recorded, not omitted.
    keep_null = {"date", "source"}
    return {k: v for k, v in meta.items() if k in keep_null or v not in (None, [], {}, "")}
