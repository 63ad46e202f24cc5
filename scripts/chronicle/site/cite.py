"""What an article page offers to cite it: the reference in each reading style (plain text to
copy and HTML with the style's italics) and the BibTeX, RIS and CSL-JSON downloads. Pure.

The formats themselves are in citations/; this module puts them together for one page. The box's
fixed words, and the references' own, are in the site's label catalogues (locales/, cite.*).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from chronicle.archive.model import Article
from chronicle.site.citations.records import bibtex, cite_key, csl_all, ris
from chronicle.site.citations.styles import STYLES, Place, Reference
from chronicle.site.labels import Labels


@dataclass(frozen=True, slots=True)
class Download:
    label: str  # the format's name
    filename: str
    href: str  # a data: URL, so the file needs no request (works offline, adds no site file)


def place_of(article: Article, url: str, archive: str) -> Place:
    """Where the article is found: this archive at `url`, accessed the day its copy was made."""
    accessed = None
    if article.provenance is not None:
        when = article.provenance.retrieved or article.provenance.added
        accessed = when.date()
    return Place(archive=archive, url=url, accessed=accessed)


def citations(article: Article, place: Place, labels: Labels | None = None) -> dict[str, Reference]:
    """APA, MLA and Chicago, in that order, in the archive's language (`labels`; English when
    none). The downloads are data, the same in every language."""
    return {name: style(article, place, labels) for name, style in STYLES.items()}


def _data_url(mime: str, text: str) -> str:
    return f"data:{mime};charset=utf-8,{quote(text, safe='')}"


def downloads(article: Article, place: Place) -> list[Download]:
    key = cite_key(article)
    return [
        Download(label, f"{key}.{ext}", _data_url(mime, make(article, place)))
        for label, ext, mime, make in _FORMATS
    ]


def _csl_one(article: Article, place: Place) -> str:
    return csl_all([(article, place)])


_FORMATS = (
    ("BibTeX", "bib", "application/x-bibtex", bibtex),
    ("RIS", "ris", "application/x-research-info-systems", ris),
    ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json", _csl_one),
)
