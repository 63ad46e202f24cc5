"""Versions of one story and what changed between them. Pure: no I/O, no MkDocs.

Two kinds of versions. `chronicle add` records near-duplicates (a syndicated copy, an edited
copy) in each article's `other_versions`, both ways; `version_links` reads them (either way is
enough) into the links an article page shows, each with the address of a comparison page;
`diffs` makes those pages: a word-level diff of the two plain texts (`difflib.SequenceMatcher`
from the standard library, which finds the longest matching runs, so a moved sentence reads as
removed here and added there, never as scrambled words), with added words in `<ins>` and
removed words in `<del>`. And the captures of one article's own address (its front matter's
`captures`, kept with their texts when the page was captured again): `capture_links` lists them
on its page, oldest first, and `capture_diffs` compares each with the one before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from chronicle.archive.index import Archive, Entry
from chronicle.archive.model import Capture, every_capture
from chronicle.text.normalize import make_slug
from chronicle.text.plain import plain_text

PARAGRAPH = "\n"  # the token that stands for a paragraph break in a diff
_TOKEN = re.compile(r"\S+|\n\s*\n")


@dataclass(frozen=True)
class Segment:
    op: str  # "same", "added" or "removed"
    text: str  # words joined by spaces; a paragraph break is "\n"


@dataclass(frozen=True)
class Diff:
    older: Entry
    newer: Entry
    segments: tuple[Segment, ...]
    added: int  # words
    removed: int
    same_percent: int  # share of the longer text's words the two have in common
    # When each side was captured, for two captures of one article's address; None for two
    # articles (each shows its own date).
    captured: tuple[dt.datetime, dt.datetime] | None = None


@dataclass(frozen=True)
class VersionLink:
    """Another version of an article, as its page lists it."""

    entry: Entry
    compare_url: str  # the comparison page


@dataclass(frozen=True)
class CaptureLink:
    """One capture of an article's address, as its page lists it."""

    when: dt.datetime  # captured, or else added
    title: str
    current: bool  # the text the page shows
    compare_url: str | None  # the page comparing it with the capture before; None for the first


def _words(text: str) -> list[str]:
    return [PARAGRAPH if token.isspace() else token for token in _TOKEN.findall(text)]


def _joined(tokens: list[str]) -> str:
    return " ".join(tokens).replace(" \n ", "\n\n").strip(" ")


# An unchanged run this short between two changes is folded into them: otherwise a rewritten
# sentence reads as a salad of kept "the", "of" and "in" between single changed words.
SHORT_RUN = 3
MAX_PAIRS = 300_000


def _chunks(a: list[str], b: list[str]) -> list[tuple[list[str], list[str], bool]]:
    """(older words, newer words, same?) runs of the diff, short unchanged runs folded in."""
    # Without junk, the longest-match searches cost about the pairs of equal words: a text of
    # one word repeated 50,000 times took minutes in a build, a sentence repeated 300 times
    # (1.2 million pairs) 8.7 s. An ordinary article has tens of thousands; past the bound the
    # most frequent words are junk (0.03 s for the first, a coarser diff).
    older = Counter(a)
    pairs = sum(count * older[word] for word, count in Counter(b).items())
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=pairs > MAX_PAIRS)
    chunks: list[tuple[list[str], list[str], bool]] = []
    opcodes = matcher.get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        same = op == "equal"
        inner = 0 < index < len(opcodes) - 1
        if same and inner and i2 - i1 < SHORT_RUN:
            same = False
        if chunks and not same and not chunks[-1][2]:
            chunks[-1][0].extend(a[i1:i2])
            chunks[-1][1].extend(b[j1:j2])
        else:
            chunks.append((list(a[i1:i2]), list(b[j1:j2]), same))
    return chunks


def word_diff(older: str, newer: str) -> tuple[list[Segment], int, int, int]:
    """(segments, words added, words removed, percent in common) from one plain text to
    another; a replaced run is its removed words, then its added ones."""
    a, b = _words(older), _words(newer)
    segments: list[Segment] = []
    added = removed = same_words = 0
    for old, new, same in _chunks(a, b):
        if same:
            segments.append(Segment("same", _joined(old)))
            same_words += len(old)
            continue
        if old:
            segments.append(Segment("removed", _joined(old)))
            removed += sum(1 for t in old if t != PARAGRAPH)
        if new:
            segments.append(Segment("added", _joined(new)))
            added += sum(1 for t in new if t != PARAGRAPH)
    longest = max(len(a), len(b)) or 1
    return segments, added, removed, round(100 * same_words / longest)


def _ordered(x: Entry, y: Entry) -> tuple[Entry, Entry]:
    """Older first (an undated article after a dated one; then by id)."""
    return (x, y) if x.article.sort_key <= y.article.sort_key else (y, x)


def compare_url(base: str, x: Entry, y: Entry) -> str:
    older, newer = _ordered(x, y)
    return f"{base}versions/{make_slug(older.article.id)}/{make_slug(newer.article.id)}/"


def version_pairs(archive: Archive) -> dict[str, list[Entry]]:
    """src_uri → the other versions of that article in the archive (recorded either way), oldest
    first. Ids that are not (or no longer) in the archive are left out."""
    by_id = {e.article.id: e for e in archive.entries}
    others: dict[str, dict[str, Entry]] = {}
    for entry in archive.entries:
        for other_id in entry.article.other_versions:
            other = by_id.get(other_id)
            if other is None or other is entry:
                continue
            others.setdefault(entry.src_uri, {})[other.src_uri] = other
            others.setdefault(other.src_uri, {})[entry.src_uri] = entry
    return {
        src: sorted(found.values(), key=lambda e: e.article.sort_key)
        for src, found in others.items()
    }


def version_links(pairs: dict[str, list[Entry]], entry: Entry, base: str) -> list[VersionLink]:
    return [
        VersionLink(other, compare_url(base, entry, other))
        for other in pairs.get(entry.src_uri, [])
    ]


def diffs(pairs: dict[str, list[Entry]], base: str) -> dict[str, Diff]:
    """Each comparison page's URL → its diff, once per pair of versions."""
    out: dict[str, Diff] = {}
    by_src = {other.src_uri: other for found in pairs.values() for other in found}
    for src, found in pairs.items():
        entry = by_src[src]
        for other in found:
            url = compare_url(base, entry, other)
            if url in out:
                continue
            older, newer = _ordered(entry, other)
            segments, added, removed, same = word_diff(
                plain_text(older.article.body), plain_text(newer.article.body)
            )
            out[url] = Diff(older, newer, tuple(segments), added, removed, same)
    return out


def capture_url(base: str, entry: Entry, capture: Capture) -> str:
    """The page comparing `capture` with the capture of the same address before it."""
    return f"{base}versions/{make_slug(entry.article.id)}/capture-{capture.sha256[:12]}/"


def capture_links(entry: Entry, base: str) -> list[CaptureLink]:
    """Every capture of the article's address, oldest first ([] when it was captured once)."""
    captures = every_capture(entry.article)
    current = entry.article.provenance.sha256 if entry.article.provenance else ""
    return [
        CaptureLink(
            c.when,
            c.title or entry.article.title,
            c.sha256 == current,
            capture_url(base, entry, c) if n else None,
        )
        for n, c in enumerate(captures)
    ]


def _as_entry(entry: Entry, capture: Capture) -> Entry:
    """The article as this capture had it: its text and headline, the article's address."""
    article = entry.article.with_changes(
        title=capture.title or entry.article.title, body=capture.body
    )
    return Entry(article, entry.url, entry.src_uri)


def capture_diffs(archive: Archive, base: str) -> dict[str, Diff]:
    """Each page comparing a capture with the one before it → its diff."""
    out: dict[str, Diff] = {}
    for entry in archive.entries:
        for older, newer in pairwise(every_capture(entry.article)):
            segments, added, removed, same = word_diff(
                plain_text(older.body), plain_text(newer.body)
            )
            out[capture_url(base, entry, newer)] = Diff(
                _as_entry(entry, older),
                _as_entry(entry, newer),
                tuple(segments),
                added,
                removed,
                same,
                (older.when, newer.when),
            )
    return out
