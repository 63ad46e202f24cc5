"""APA 7, MLA 9 and Chicago 17 (notes-bibliography, bibliography entry) references to a news
article kept in this archive. Pure: Article and Place in, Reference (plain text and HTML) out.

Each style's pattern for a news article found in an archive, with the manual's conventions:

- APA 7: Author, A. A. (Year, Month Day). Title. *Publication*. Archive. URL — no author: the
  title moves first; a description in place of a title goes in [square brackets].
- MLA 9: Author. “Title.” *Publication*, Day Mon. Year. *Archive*, URL (no scheme). — the archive
  is the second container; a description stands unquoted and unbracketed; with no date, the
  date the page was accessed ends the entry.
- Chicago 17: Author. “Title.” *Publication*, Month Day, Year. Archive. URL. — an unsigned
  article is listed under its publication; the archive is named like a database (roman); with
  no date, “n.d.” and an access date.

Approximate dates: “ca.” (APA, Chicago) or “c.” (MLA); uncertain ones end in “?”; the two are
never confused. The fixed words and the dates are in the archive's language (words.py: the
manuals' own in English); each style takes the site's `Labels`, English when given none.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass

from chronicle.archive.model import Article
from chronicle.site.citations.names import (
    devised,
    initials,
    inverted,
    isolated,
    name_case,
    one_line,
    split_name,
    stop,
)
from chronicle.site.citations.words import Words
from chronicle.site.labels import Labels


@dataclass(frozen=True, slots=True)
class Place:
    """Where the article was found: this archive, its permanent address, and the day its copy
    was made (the access date the styles ask for when an article has no date)."""

    archive: str
    url: str
    accessed: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    text: str  # plain, to copy into anything
    html: str  # with the style's italics, escaped


Part = tuple[str, bool]  # a piece of text and whether the style sets it in italics


def _reference(parts: list[Part]) -> Reference:
    text = "".join(t for t, _ in parts)
    marked = "".join(f"<i>{html.escape(t)}</i>" if it else html.escape(t) for t, it in parts)
    return Reference(text=one_line(text), html=one_line(marked))


def _title(article: Article) -> str:
    return isolated(one_line(article.title))


def _source(article: Article) -> str:
    return isolated(one_line(article.source or ""))


# --- APA ---------------------------------------------------------------------------------------


def _apa_authors(authors: tuple[str, ...]) -> str:
    names = []
    for author in authors:
        family, given = split_name(author)
        names.append(isolated(f"{family}, {initials(given)}".rstrip(", ")))
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def apa(article: Article, place: Place, labels: Labels | None = None) -> Reference:
    words = Words.of(labels)
    title = f"[{_title(article)}]" if devised(article) else _title(article)
    when = f"({words.apa(article.date)})."
    if article.authors:
        parts: list[Part] = [(f"{stop(_apa_authors(article.authors))} {when} {stop(title)}", False)]
    else:
        parts = [(f"{stop(title)} {when}", False)]
    if article.source:
        parts += [(" ", False), (_source(article), True), (".", False)]
    parts.append((f" {stop(isolated(one_line(place.archive)))} {place.url}", False))
    return _reference(parts)


# --- MLA ---------------------------------------------------------------------------------------


def _mla_authors(authors: tuple[str, ...], conjunction: str) -> str:
    first = isolated(inverted(authors[0]))
    if len(authors) > 2:
        return first + ", et al"
    if len(authors) == 2:
        return first + f", {conjunction} {isolated(name_case(authors[1]))}"
    return first


def bare(url: str) -> str:
    """MLA 9 gives a web address without its scheme."""
    return re.sub(r"^https?://", "", url)


def mla(article: Article, place: Place, labels: Labels | None = None) -> Reference:
    words = Words.of(labels)
    parts: list[Part] = []
    if article.authors:
        parts.append((stop(_mla_authors(article.authors, words.conjunction)) + " ", False))
    title = stop(_title(article))
    parts.append((title if devised(article) else words.quoted(title), False))
    date = words.mla(article.date) if article.date else ""
    if article.source:
        tail = f", {date}." if date else "."
        parts += [(" ", False), (_source(article), True), (tail, False)]
    elif date:
        parts.append((f" {date}.", False))
    parts += [(" ", False), (isolated(one_line(place.archive)), True)]
    parts.append((f", {bare(place.url)}.", False))
    if article.date is None and place.accessed is not None:
        parts.append((f" {words.accessed(place.accessed, 'MLA')}.", False))
    return _reference(parts)


# --- Chicago -----------------------------------------------------------------------------------


def _chicago_authors(authors: tuple[str, ...], conjunction: str) -> str:
    names = isolated(inverted(authors[0]))
    rest = [isolated(name_case(a)) for a in authors[1:]]
    if len(rest) == 1:
        return names + f", {conjunction} {rest[0]}"
    if rest:
        return names + ", " + ", ".join(rest[:-1]) + f", {conjunction} {rest[-1]}"
    return names


def chicago(article: Article, place: Place, labels: Labels | None = None) -> Reference:
    words = Words.of(labels)
    parts: list[Part] = []
    source = _source(article)
    title = stop(_title(article))
    title = title if devised(article) else words.quoted(title)
    when = words.chicago(article.date)
    if article.authors:
        authors = _chicago_authors(article.authors, words.conjunction)
        parts.append((f"{stop(authors)} {title}", False))
        if source:
            parts += [(" ", False), (source, True), (f", {when}", False)]
        else:
            parts.append((f" {when}", False))
    elif source:  # an unsigned article is listed under its publication
        parts += [(source, True), (f". {title} {when}", False)]
    else:
        parts.append((f"{title} {when}", False))
    # The archive as Chicago names a database: roman, after the date.
    archive = stop(isolated(one_line(place.archive)))
    parts.append((f"{' ' if when.endswith('.') else '. '}{archive} ", False))
    if article.date is None and place.accessed is not None:
        parts.append((f"{words.accessed(place.accessed, 'Chicago')}. ", False))
    parts.append((f"{place.url}.", False))
    return _reference(parts)


STYLES = {"APA": apa, "MLA": mla, "Chicago": chicago}
