"""Sentences: the one splitter every rule uses (titles, quotes, suggestions, reading level).

A sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or brackets), then
space, then an opening capital of any script, a digit, an opening quote or a bracket. A dot after
an abbreviation (`Mr.`, `Inc.`, lexicon.ABBREVIATIONS) or an initial (`John F. Kennedy`) ends
none, so `Mr. Netanyahu said …` is one sentence. Abbreviations with no space after the dot
(`U.S.-backed`) never end one.
"""

from __future__ import annotations

import functools
import re

from chronicle.text.lexicon import ABBREVIATIONS

_BOUNDARY = re.compile(r"[.!?][”“\"’»«›)\]]*\s+(?=\S)")
_OPENERS = "“\"'‘«„»‹([0123456789"
# How far back the word before a dot is looked for: no abbreviation is longer, and reading the
# whole sentence so far made a line of 40,000 "Mr. " take 26 s.
_WORD_WINDOW = 64


def _opens_sentence(char: str) -> bool:
    """A capital of any script, a digit, an opening quote or bracket. Tested in Python, not in
    the pattern: a class of every capital costs 20 ms to build at import, and the site imports
    this module."""
    return char.isupper() or char in _OPENERS


def _after_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the word that ends `text[start:end]` is an abbreviation or an initial."""
    words = text[max(start, end - _WORD_WINDOW) : end].split()
    last = words[-1].lower().rstrip(".") if words else ""
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha())


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering all of it (spaces after a sentence's
    end belong to it)."""
    bounds, start = [], 0
    for match in _BOUNDARY.finditer(text):
        if not _opens_sentence(text[match.end()]) or _after_abbreviation(
            text, start, match.start()
        ):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


# A paragraph longer than this is split again rather than kept: the cache holds each text and
# its sentences, and 1,024 paragraphs of a 5 MB body would hold gigabytes.
_CACHED_CHARS = 10_000


def split_sentences(text: str) -> list[str]:
    """The sentences of `text`, stripped, none empty."""
    if len(text) > _CACHED_CHARS:
        return list(_split(text))
    return list(_sentences(text))


# perf: enrichment splits the same paragraphs more than once (figures, then the reading grade):
# two calls in three found their paragraph split already.
@functools.lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[str, ...]:
    return _split(text)


def _split(text: str) -> tuple[str, ...]:
    parts = (text[start:end].strip() for start, end in sentence_bounds(text))
    return tuple(part for part in parts if part)


def is_abbreviation_dot(text: str, pos: int) -> bool:
    """Whether the dot at `pos` belongs to a word (`Mr.`, `U.S.`, `F.`) rather than ending a
    clause."""
    words = text[max(0, pos - _WORD_WINDOW) : pos].split()
    last = words[-1] if words else ""
    letters = last.replace(".", "")
    return last.lower() in ABBREVIATIONS or (
        letters.isalpha() and letters.isupper() and (len(letters) == 1 or "." in last)
    )
