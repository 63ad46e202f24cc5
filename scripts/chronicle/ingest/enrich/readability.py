"""Reading level: word count and the Flesch-Kincaid grade of the plain text.

The word count is `normalize.count_words`: words, and in Chinese, Japanese, Korean and Thai
characters converted to words read in the same time, so reading time is right in every script.

The grade is given for articles stored as English only (their `language`, text.language),
with sentences as text.sentences splits them (`Mr.` ends none). Flesch-Kincaid's constants were
fitted to English (US school years; syllables per word differ by language), and textstat's
`set_lang` changes only its syllable dictionary, not those constants, so a German, Japanese or
Chinese "grade" is a wrong number (a Japanese article scores "grade -1.4"). Other languages get
none rather than a misleading one; nor is a grade below 0 shown (very short lines, not a school
year).

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

from chronicle.text.normalize import count_words, language_code
from chronicle.text.sentences import split_sentences

MIN_WORDS_FOR_GRADE = 30  # below this a grade says nothing about the text
GRADE_LANGUAGES = ("en",)  # languages whose text the formula was made for
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DICT = pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    return len(_DICT.positions(word)) + 1


def word_count(text: str) -> int:
    return count_words(text)


def reading_grade(text: str, language: str | None) -> float | None:
    """Flesch-Kincaid grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

    None when the text is short, its `language` (the article's, text.language) is not one the
    formula was made for, or it scores below grade 0."""
    if language_code(language) not in GRADE_LANGUAGES:
        return None
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS_FOR_GRADE:
        return None
    # Headings and paragraphs without a final stop are a sentence too.
    sentences = sum(len(split_sentences(block)) for block in text.split("\n\n") if block.strip())
    total = sum(syllables(w) * n for w, n in Counter(words).items())
    grade = round(0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59, 1)
    return grade if grade >= 0 else None
