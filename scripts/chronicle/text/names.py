"""Names in text: runs of capitalised words, in any script that has capitals.

A name word starts with any Unicode capital (`Łukasz`, `Ḥamas`, `Ümit`), not only A–Z, and may
carry accents written as combining marks (`Me` + U+0301 `shaal`), which `\\w` does not match:
without them a name would break at the accent. Words of a name may be joined by a particle from
lexicon.NAME_PARTICLES (`Charles de Gaulle`, `Abdel Fattah al-Sisi`). Which capitalised words
are names after all (a sentence's first word, a title) is for the caller to judge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from chronicle.text.lexicon import NAME_PARTICLES


def _char_class(keep: Callable[[str], bool]) -> str:
    """The BMP characters for which `keep(char)` holds, as the inside of a regex class."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if keep(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    parts = (re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges)
    return "".join(parts)


UPPER = _char_class(lambda c: c.isupper())  # inside of a regex class: every capital letter
MARK = _char_class(lambda c: unicodedata.combining(c) != 0)  # every combining mark
# What may follow a name word's capital: letters, digits, marks, apostrophes, dots, hyphens.
NAME_CHARS = rf"[\w{MARK}’'.-]"
NAME_WORD = rf"[{UPPER}]{NAME_CHARS}*"


@lru_cache(maxsize=4)
def _runs_pattern(joiners: frozenset[str]) -> re.Pattern[str]:
    words = "|".join(sorted(joiners, key=len, reverse=True))
    joined = rf"\s+(?:(?:{words})\s+)*(?:(?:{words})-)?"  # `von der Leyen`, `al-Sisi`
    return re.compile(rf"{NAME_WORD}(?:{joined}{NAME_WORD})*")


def name_runs(text: str, joiners: Iterable[str] = NAME_PARTICLES) -> Iterator[re.Match[str]]:
    """Every run of capitalised words in `text`, joined by spaces or by one of `joiners` (name
    particles unless told: `Ministry of Defense` needs `of` too)."""
    return _runs_pattern(frozenset(joiners)).finditer(text)


def is_name(text: str) -> bool:
    """Whether all of `text` is one run of capitalised words (a single one, or joined by
    spaces and name particles)."""
    return _runs_pattern(NAME_PARTICLES).fullmatch(text) is not None


def cut_compound(word: str) -> str:
    """`Hamas-run` → `Hamas`: a name ends before a lower-case part of a hyphenated word."""
    for i, char in enumerate(word[:-1]):
        if char == "-" and word[i + 1].islower():
            return word[:i]
    return word
