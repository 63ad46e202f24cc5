"""Citations of an article in APA, MLA, Chicago, BibTeX and RIS. Pure: Article in, text out.

Written here rather than with citeproc-py because CSL engines need the style files, which are
not shipped with any PyPI package we could install here, and news-article references in these five
formats are a handful of fixed patterns. Archival conventions are kept: a title devised by the
curator is given in [square brackets], an unknown date is "n.d.", an estimated one "ca.".
"""

from __future__ import annotations

import re

from chronicle.archive.dates import MONTHS, ArticleDate
from chronicle.archive.model import Article
from chronicle.text.lexicon import NAME_PARTICLES_IN_A_NAME

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


# Lower-case particles that belong to the family name: "von der Leyen, U.", not "Leyen, U. v. d.".
_PARTICLES = NAME_PARTICLES_IN_A_NAME
# A title already ending in one of these takes no added full stop ("Why?." is wrong), in any script.
_FINAL_PUNCT = tuple(".?!…。？！")


def _title(article: Article) -> str:
    title = " ".join(article.title.split())  # a stray newline would break RIS and BibTeX lines
    return f"[{title}]" if article.title_origin != "source" else title


def _stop(text: str) -> str:
    """`text` closed with a full stop unless it already ends a sentence."""
    return text if text.endswith(_FINAL_PUNCT) else text + "."


def _name_case(name: str) -> str:
    """A byline set in capitals ("JANE DOE") in ordinary case; mixed case is kept as written."""
    name = " ".join(name.split())
    if name.upper() != name or name.lower() == name or len(name.split()) < 2:
        return name  # mixed case, a script without case, or one word (often an agency: "AFP")
    words = name.split()
    return " ".join(
        w.lower() if i and w.lower() in _PARTICLES else re.sub(r"[^\W\d_]+", _cap, w)
        for i, w in enumerate(words)
    )


def _cap(match: re.Match[str]) -> str:
    return match.group(0).capitalize()


def _split_name(name: str) -> tuple[str, str]:
    """('Katz', 'Israel') from 'Israel Katz'; a single word is a family name.

    'Family, Given' is taken as already inverted; particles join the family name."""
    name = _name_case(name)
    family, comma, given = name.partition(",")
    if comma and len(family.split()) == 1:  # "Doe, Jane"
        return family.strip(), given.strip()
    parts = name.split()
    if len(parts) < 2:
        return name, ""
    start = len(parts) - 1
    while start > 1 and parts[start - 1] in _PARTICLES:
        start -= 1
    return " ".join(parts[start:]), " ".join(parts[:start])


def _initials(given: str) -> str:
    """'J. Q.' from 'Jane Q.'; 'J.-P.' from 'Jean-Paul' (APA keeps the hyphen)."""
    return " ".join(
        "-".join(f"{part[0]}." for part in word.split("-") if part)
        for word in given.split()
        if word.strip("-")
    )


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
        lead = f"{_stop(who)} ({_apa_date(article.date)}). {_stop(_title(article))}"
    else:
        lead = f"{_stop(_title(article))} ({_apa_date(article.date)})."
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


def _quoted_title(article: Article) -> str:
    """MLA and Chicago: “Title.” with the stop inside the quotes; a devised title unquoted."""
    title = _stop(_title(article))
    return f"“{title}”" if article.title_origin == "source" else title


def mla(article: Article, url: str) -> str:
    out = []
    if article.authors:
        family, given = _split_name(article.authors[0])
        first = f"{family}, {given}".rstrip(", ")
        if len(article.authors) > 2:
            first += ", et al"
        elif len(article.authors) == 2:
            first += f", and {_name_case(article.authors[1])}"
        out.append(_stop(first))
    out.append(_quoted_title(article))
    tail = [p for p in (article.source, _mla_date(article.date), _bare(url)) if p]
    out.append(", ".join(tail) + ".")
    return " ".join(out)


def chicago(article: Article, url: str) -> str:
    out = []
    if article.authors:
        family, given = _split_name(article.authors[0])
        rest = [_name_case(a) for a in article.authors[1:]]
        names = f"{family}, {given}".rstrip(", ")
        if len(rest) == 1:
            names += f", and {rest[0]}"
        elif rest:
            names += ", " + ", ".join(rest[:-1]) + f", and {rest[-1]}"
        out.append(_stop(names))
    out.append(_quoted_title(article))
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


def _bare(url: str) -> str:
    """MLA 9 gives a web address without its scheme."""
    return re.sub(r"^https?://", "", url)


_BIBTEX_TEXT = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",  # not \~, which is LaTeX's tilde accent on the next letter
    "^": r"\textasciicircum{}",  # not \^, the circumflex accent
    **{ch: "\\" + ch for ch in "{}%&$#_"},
}


def _bibtex_escape(text: str) -> str:
    """A text field for LaTeX: specials escaped; anything beyond ASCII is left as UTF-8."""
    return re.sub(r"[\\~^{}%&$#_]", lambda m: _BIBTEX_TEXT[m.group(0)], text)


def _bibtex_url(url: str) -> str:
    """A url field as it is: biblatex and the url package read it verbatim, so `%`, `_`, `&`, `#`
    must not be escaped. Only what would break the field's braces (or is no URL character)
    is percent-encoded, which names the same address."""
    return re.sub(r"[{}\\\s]", lambda m: f"%{ord(m.group(0)):02X}", url)


def _bibtex_author(name: str) -> str:
    """One author; a name BibTeX would misparse (one with " and ") goes in braces whole."""
    name = _bibtex_escape(_name_case(name))
    return f"{{{name}}}" if re.search(r"\sand\s", name, re.IGNORECASE) else name


def bibtex(article: Article, url: str) -> str:
    key = re.sub(r"[^A-Za-z0-9-]", "", article.id)[:60] or "article"
    # Title and journal in an inner pair of braces: styles that recase titles would otherwise
    # print "nato talks in cairo"; a news title is cited as printed.
    fields = [("title", f"{{{_bibtex_escape(_title(article))}}}")]
    if article.authors:
        fields.append(("author", " and ".join(_bibtex_author(a) for a in article.authors)))
    if article.source:
        fields.append(("journal", _bibtex_escape(article.source)))
    if article.date is not None:
        fields.append(("year", str(article.date.year)))
        if article.date.month is not None:
            fields.append(("month", MONTHS[article.date.month - 1][:3].lower()))
        fields.append(("date", article.date.iso))
        if not article.date.is_exact:
            fields.append(("note", _bibtex_escape(f"Date {article.date.human()}")))
    fields.append(("url", _bibtex_url(url)))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@article{{{key},\n{body}\n}}"


def ris(article: Article, url: str) -> str:
    # One tag a line, so every value is kept on its line. Names stay in their given order (RIS
    # readers split "Given Family" themselves; inverting would turn "Associated Press" round).
    lines = ["TY  - NEWS", f"TI  - {_title(article)}"]
    lines += [f"AU  - {_name_case(a)}" for a in article.authors]
    if article.source:
        lines.append(f"T2  - {' '.join(article.source.split())}")
    if article.date is not None:
        d = article.date
        lines.append(f"DA  - {d.year:04d}/{d.month or 0:02d}/{d.day or 0:02d}/".replace("/00", "/"))
        lines.append(f"PY  - {d.year}")
        if not d.is_exact:
            lines.append(f"N1  - Date {d.human()}")
    lines += [f"KW  - {' '.join(t.split())}" for t in article.topics]
    lines += [f"UR  - {url}", "ER  - "]
    return "\n".join(lines)


STYLES = {"APA": apa, "MLA": mla, "Chicago": chicago, "BibTeX": bibtex, "RIS": ris}


def citations(article: Article, url: str) -> dict[str, str]:
    """Every style for one article; `url` is the original address or the archive's permalink."""
    return {name: style(article, article.url or url) for name, style in STYLES.items()}
