"""Reading level: word count and the Flesch-Kincaid grade of the plain text.

Why not call `textstat` for the grade: since 0.7.11 it looks English syllables up in NLTK's
cmudict, which it *downloads* on first use (and fails offline); Chronicle must enrich offline and
give the same grade on every machine. So the grade is computed here with textstat's own formula
and its own fallback syllable counter, Pyphen's hyphenation dictionaries (a textstat dependency
that ships them in the wheel). Rounded to one decimal, so re-running writes the same value.

Grades are US school years: about 8 is a general newspaper, 12 and above dense reporting.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pyphen

from ..normalize import count_words

MIN_WORDS_FOR_GRADE = 30  # below this a grade says nothing about the text
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE = re.compile(r"[.!?]+[”\"’)]*(?:\s+|$)")
_DICT = pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return len(_DICT.positions(word)) + 1


def word_count(text: str) -> int:
    return count_words(text)


def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59."""
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS_FOR_GRADE:
        return None
    # Headings and paragraphs without a final stop still end a sentence.
    sentences = sum(
        max(1, len(_SENTENCE.findall(block.strip())))
        for block in text.split("\n\n")
        if block.strip()
    )
    total = sum(syllables(w) * n for w, n in Counter(words).items())
    grade = 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59
    return round(grade, 1)
