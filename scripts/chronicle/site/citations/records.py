"""The machine-readable forms of a citation: BibTeX, RIS and CSL-JSON, one article or many.
Pure: articles in, text or data out.

Keys are stable and unique: an article's id (already unique in the archive) kept as it is when
it is a valid key of at most 60 characters, otherwise a readable start and a digest of the
whole id, so two long ids that share their first 60 characters never share a key.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable

from chronicle.archive.date_forms import describe_en
from chronicle.archive.dates import MONTHS, ArticleDate
from chronicle.archive.model import Article
from chronicle.site.citations.names import devised, name_case, one_line, split_name
from chronicle.site.citations.styles import Place

KEY_LENGTH = 60

_BIBTEX_TEXT = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",  # not \~, which is LaTeX's tilde accent on the next letter
    "^": r"\textasciicircum{}",  # not \^, the circumflex accent
    **{ch: "\\" + ch for ch in "{}%&$#_"},
}


def cite_key(article: Article) -> str:
    key = re.sub(r"[^A-Za-z0-9-]", "", article.id)
    if key == article.id and 0 < len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(article.id.encode("utf-8")).hexdigest()[:10]
    return f"{key[: KEY_LENGTH - 11]}-{digest}" if key else f"article-{digest}"


def _bibtex_escape(text: str) -> str:
    """A text field for LaTeX: specials escaped; anything beyond ASCII is left as UTF-8."""
    return re.sub(r"[\\~^{}%&$#_]", lambda m: _BIBTEX_TEXT[m.group(0)], one_line(text))


def _bibtex_url(url: str) -> str:
    """A url field as it is: biblatex and the url package read it verbatim, so `%`, `_`, `&`, `#`
    must not be escaped. Only what would break the field's braces (or is no URL character)
    is percent-encoded, which names the same address."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", url)


def _bibtex_author(name: str) -> str:
    """One author; a name BibTeX would misparse (one with " and ") goes in braces whole."""
    name = _bibtex_escape(name_case(name))
    return f"{{{name}}}" if re.search(r"\sand\s", name, re.IGNORECASE) else name


def _title(article: Article) -> str:
    """The title; a devised one in [square brackets], the archival mark of a description."""
    title = one_line(article.title)
    return f"[{title}]" if devised(article) else title


def bibtex(article: Article, place: Place) -> str:
    # Title and journal in an inner pair of braces: styles that recase titles would otherwise
    # print "nato talks in cairo"; a news title is cited as printed.
    fields = [("title", f"{{{_bibtex_escape(_title(article))}}}")]
    if article.authors:
        fields.append(("author", " and ".join(_bibtex_author(a) for a in article.authors)))
    if article.source:
        fields.append(("journal", _bibtex_escape(article.source)))
    notes = []
    if article.date is not None:
        d = article.date
        if d.period is not None:
            fields.append(("year", str(d.year)))
            if d.month is not None:
                fields.append(("month", MONTHS[d.month - 1][:3].lower()))
        if d.form is None or d.form.kind not in ("one_of", "all_of"):
            # biblatex reads EDTF here: unknown digits, seasons and intervals as written.
            fields.append(("date", d.iso if d.form is None else d.form.text))
        if not d.is_precise:
            notes.append(f"Date {d.human()}")
    notes.append(f"Archived in {one_line(place.archive)}")
    fields.append(("note", _bibtex_escape("; ".join(notes))))
    fields.append(("url", _bibtex_url(place.url)))
    if place.accessed is not None:
        fields.append(("urldate", place.accessed.isoformat()))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@article{{{cite_key(article)},\n{body}\n}}\n"


def ris(article: Article, place: Place) -> str:
    # One tag a line, so every value is kept on its line. Names stay in their given order (RIS
    # readers split "Given Family" themselves; inverting would turn "Associated Press" round).
    lines = ["TY  - NEWS", f"ID  - {cite_key(article)}", f"TI  - {_title(article)}"]
    lines += [f"AU  - {name_case(a)}" for a in article.authors]
    if article.source:
        lines.append(f"T2  - {one_line(article.source)}")
    if article.date is not None:
        d = article.date
        if d.period is not None:  # RIS has no way to write a span of years or a set
            when = f"{d.year:04d}/{d.month or 0:02d}/{d.day or 0:02d}/"
            lines.append(f"DA  - {when}".replace("/00", "/"))
            lines.append(f"PY  - {d.year}")
        if not d.is_precise:
            lines.append(f"N1  - Date {d.human()}")
    lines.append(f"DB  - {one_line(place.archive)}")
    if place.accessed is not None:
        lines.append(f"Y2  - {place.accessed:%Y/%m/%d}")
    if article.language:
        lines.append(f"LA  - {article.language}")
    lines += [f"KW  - {one_line(t)}" for t in article.topics]
    lines += [f"UR  - {place.url}", "ER  - ", ""]
    return "\n".join(lines)


def _csl_name(name: str) -> dict[str, str]:
    name = name_case(name)
    family, given = split_name(name)
    # One word (an agency, "AFP") or a script without spaces between names: kept whole.
    return {"family": family, "given": given} if given else {"literal": name}


# CSL's seasons (1 spring … 4 winter) for EDTF's 21–32; a southern one by its own name.
_CSL_SEASONS = {21: 1, 22: 2, 23: 3, 24: 4, 25: 1, 26: 2, 27: 3, 28: 4, 29: 1, 30: 2, 31: 3, 32: 4}


def _csl_issued(d: ArticleDate) -> dict[str, object]:
    """CSL's `issued`: date-parts as far as known, a range of them for an interval or a span of
    years, a season, or the words themselves (`literal`) for a set or a part of a year that CSL
    has no field for."""
    form = d.form
    if form is None or (form.kind == "unspecified" and d.period is not None):
        return {"date-parts": [[p for p in (d.year, d.month, d.day) if p is not None]]}
    if form.kind == "interval":
        return {"date-parts": [[p for p in end if p is not None] for end in form.points]}
    if form.kind == "unspecified":  # a decade, century or millennium
        return {"date-parts": [[form.first.year], [form.last.year]]}
    if form.kind == "season" and form.division in _CSL_SEASONS:
        return {"date-parts": [[form.first.year]], "season": _CSL_SEASONS[form.division]}
    return {"literal": describe_en(form)}


def csl(article: Article, place: Place) -> dict[str, object]:
    """One CSL-JSON item (the data Zotero, Mendeley and citeproc read)."""
    item: dict[str, object] = {
        "id": cite_key(article),
        "type": "article-newspaper",
        "title": _title(article),
        "URL": place.url,
        "archive": one_line(place.archive),
    }
    if article.authors:
        item["author"] = [_csl_name(a) for a in article.authors]
    if article.source:
        item["container-title"] = one_line(article.source)
    if article.date is not None:
        d = article.date
        issued = _csl_issued(d)
        if not d.is_exact:
            issued["circa"] = True  # CSL has one flag for approximate and uncertain alike
        if not d.is_precise:
            item["note"] = f"Date {d.human()}"
        item["issued"] = issued
    if place.accessed is not None:
        a = place.accessed
        item["accessed"] = {"date-parts": [[a.year, a.month, a.day]]}
    if article.language:
        item["language"] = article.language
    if article.summary:
        item["abstract"] = one_line(article.summary)
    return item


def bibtex_all(cited: Iterable[tuple[Article, Place]]) -> str:
    return "\n".join(bibtex(a, p) for a, p in cited)


def ris_all(cited: Iterable[tuple[Article, Place]]) -> str:
    return "\n".join(ris(a, p) for a, p in cited)


def csl_all(cited: Iterable[tuple[Article, Place]]) -> str:
    return json.dumps([csl(a, p) for a, p in cited], ensure_ascii=False, indent=1) + "\n"
