"""Citations of an article in APA, MLA, Chicago, BibTeX and RIS. Pure: Article in, text out.

Written here rather than with citeproc-py because CSL engines need the style files, which are
not shipped with any PyPI package we could install here, and news-article references in these five
formats are a handful of fixed patterns. Archival conventions are kept: a title devised by the
curator is given in [square brackets], an unknown date is "n.d.", an estimated one "ca.".
"""

from __future__ import annotations

import re

from .dates import MONTHS, ArticleDate
from .model import Article

_MLA_MONTHS = (
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)


def _title(article: Article) -> str:
    return f"[{article.title}]" if article.title_origin != "source" else article.title


def _split_name(name: str) -> tuple[str, str]:
    """('Katz', 'Israel') from 'Israel Katz'; a single word is a family name."""
    parts = name.strip().split()
    return (parts[-1], " ".join(parts[:-1])) if len(parts) > 1 else (name.strip(), "")


def _initials(given: str) -> str:
    return " ".join(f"{p[0]}." for p in re.split(r"[\s-]+", given) if p)


def _apa_date(date: ArticleDate | None) -> str:
    if date is None:
        return "n.d."
    text = str(date.year)
    if date.month is not None:
        text += f", {MONTHS[date.month - 1]}"
        if date.day is not None:
            text += f" {date.day}"
    return f"ca. {text}" if not date.is_exact else text


def apa(article: Article, url: str) -> str:
    if article.authors:
        names = []
        for author in article.authors:
            family, given = _split_name(author)
            names.append(f"{family}, {_initials(given)}".rstrip(", "))
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + ", & " + names[-1]
        lead = f"{who} ({_apa_date(article.date)}). {_title(article)}."
    else:
        lead = f"{_title(article)}. ({_apa_date(article.date)})."
    source = f" {article.source}." if article.source else ""
    return f"{lead}{source} {url}"


def _mla_date(date: ArticleDate | None) -> str:
    if date is None:
        return ""
    parts = [str(date.year)]
    if date.month is not None:
        parts.insert(0, _MLA_MONTHS[date.month - 1])
        if date.day is not None:
            parts.insert(0, str(date.day))
    text = " ".join(parts)
    return f"c. {text}" if not date.is_exact else text


def mla(article: Article, url: str) -> str:
    out = []
    if article.authors:
        family, given = _split_name(article.authors[0])
        first = f"{family}, {given}".rstrip(", ")
        if len(article.authors) > 2:
            first += ", et al"
        elif len(article.authors) == 2:
            first += f", and {article.authors[1]}"
        out.append(first.rstrip(".") + ".")
    out.append(
        f"“{_title(article)}.”" if article.title_origin == "source" else f"{_title(article)}."
    )
    tail = [p for p in (article.source, _mla_date(article.date), url.removeprefix("https://")) if p]
    out.append(", ".join(tail) + ".")
    return " ".join(out)


def chicago(article: Article, url: str) -> str:
    out = []
    if article.authors:
        family, given = _split_name(article.authors[0])
        rest = [*article.authors[1:]]
        names = f"{family}, {given}".rstrip(", ")
        if len(rest) == 1:
            names += f", and {rest[0]}"
        elif rest:
            names += ", " + ", ".join(rest[:-1]) + f", and {rest[-1]}"
        out.append(names.rstrip(".") + ".")
    out.append(
        f"“{_title(article)}.”" if article.title_origin == "source" else f"{_title(article)}."
    )
    date = article.date
    if date is None:
        when = "n.d."
    else:
        when = " ".join(
            p
            for p in (
                MONTHS[date.month - 1] if date.month else "",
                f"{date.day}," if date.day else "",
                str(date.year),
            )
            if p
        )
        when = f"ca. {when}" if not date.is_exact else when
    out.append(", ".join(p for p in (article.source, when) if p) + ".")
    out.append(url + ".")
    return " ".join(out)


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}\\%&$#_^~])", r"\\\1", text)


def bibtex(article: Article, url: str) -> str:
    key = re.sub(r"[^A-Za-z0-9-]", "", article.id)[:60] or "article"
    fields = [("title", _title(article))]
    if article.authors:
        fields.append(("author", " and ".join(article.authors)))
    if article.source:
        fields.append(("journal", article.source))
    if article.date is not None:
        fields.append(("year", str(article.date.year)))
        if article.date.month is not None:
            fields.append(("month", MONTHS[article.date.month - 1][:3].lower()))
        fields.append(("date", article.date.iso))
        if not article.date.is_exact:
            fields.append(("note", f"Date {article.date.human()}"))
    fields.append(("url", url))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{_bibtex_escape(value)}}}"
        for name, value in fields
    )
    return f"@article{{{key},\n{body}\n}}"


def ris(article: Article, url: str) -> str:
    lines = ["TY  - NEWS", f"TI  - {_title(article)}"]
    lines += [f"AU  - {a}" for a in article.authors]
    if article.source:
        lines.append(f"T2  - {article.source}")
    if article.date is not None:
        d = article.date
        lines.append(f"DA  - {d.year:04d}/{d.month or 0:02d}/{d.day or 0:02d}/".replace("/00", "/"))
        lines.append(f"PY  - {d.year}")
        if not d.is_exact:
            lines.append(f"N1  - Date {d.human()}")
    lines += [f"KW  - {t}" for t in article.topics]
    lines += [f"UR  - {url}", "ER  - "]
    return "\n".join(lines)


STYLES = {"APA": apa, "MLA": mla, "Chicago": chicago, "BibTeX": bibtex, "RIS": ris}


def citations(article: Article, url: str) -> dict[str, str]:
    """Every style for one article; `url` is the original address or the archive's permalink."""
    return {name: style(article, article.url or url) for name, style in STYLES.items()}
