"""Folding for comparing names: lower case, no diacritics, one apostrophe, one hyphen.

Used wherever two spellings of a name must compare equal (`Ḥamas` and `Hamas`, `Łukasz` and
`Lukasz`): the entity matcher, the registry's surname check and the suggestions.
"""

from __future__ import annotations

import unicodedata

APOSTROPHES = "’‘ʼ′`´"
HYPHENS = "‐‑‒–"  # hyphens and en dash in compound names
# Every apostrophe as ', every hyphen as -: how names are compared, folded or not.
_PUNCTUATION = {ord(c): "'" for c in APOSTROPHES} | {ord(c): "-" for c in HYPHENS}
# Where letters with diacritics live: Latin-1 to Cyrillic, Latin Extended Additional and Greek
# Extended (`Ḥamas`, `Nguyễn`), Latin Extended C to E, and full-width Latin (`ＵＮＩＣＥＦ`).
_LETTER_RANGES = (
    (0x00C0, 0x0530),
    (0x1E00, 0x2000),
    (0x2C60, 0x2C80),
    (0xA720, 0xA800),
    (0xAB30, 0xAB70),
    (0xFF21, 0xFF5B),
)


def _combining_marks() -> frozenset[int]:
    """Every combining mark of the Basic Multilingual Plane (accents written as a character of
    their own: `Me` + U+0301 `shaal`); folding deletes them."""
    return frozenset(c for c in range(0x10000) if unicodedata.combining(chr(c)))


_MARKS = _combining_marks()


def _fold_letter(char: str) -> str | None:
    """A letter's base, lower-cased (`Ḥ` → `h`, `É` → `e`), or None when it folds to itself or
    to more than one letter (`ß`, `ﬁ`: a fold must keep one character for one)."""
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    for candidate in (base.lower(), char.lower()):
        if len(candidate) == 1 and candidate != char:
            return candidate
    return None


def _build_fold_table() -> dict[int, str | None]:
    """NFKD-based: a letter's decomposition without its combining marks is its base letter, so
    precomposed `é` and decomposed `e` + U+0301 fold alike (the mark itself is deleted). Written
    out as a translate table, not as normalize() per text, because a table keeps every other
    character in place (positions map back to the article) and is fast on a large archive."""
    table: dict[int, str | None] = {}
    for low, high in _LETTER_RANGES:
        for code in range(low, high):
            char = chr(code)
            folded = _fold_letter(char) if char.isalpha() else None
            if folded is not None:
                table[code] = folded
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    table.update(_PUNCTUATION)
    for code in _MARKS:
        table[code] = None
    return table


_FOLD = _build_fold_table()


def fold(text: str) -> str:
    """Lower case, no diacritics (precomposed or combining), one apostrophe. One character for
    each character of `text` except combining marks, which are dropped
    (see `folded_with_positions`)."""
    return text.translate(_FOLD)


def folded_with_positions(text: str) -> tuple[str, list[int] | None]:
    """`fold(text)` and, when combining marks were dropped, where each of its characters is in
    `text` (None when it has the length of `text`: positions are the same, the usual case)."""
    result = fold(text)
    if len(result) == len(text):
        return result, None
    return result, [i for i, c in enumerate(text) if ord(c) not in _MARKS]


def fold_punctuation(text: str) -> str:
    """One apostrophe and one hyphen, nothing else changed: `Sa’ar` and `Sa'ar` are one spelling."""
    return text.translate(_PUNCTUATION)
