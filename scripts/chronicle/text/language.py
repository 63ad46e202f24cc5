"""An article's language, decided once: the declared one when it is a language tag, else the
one detected from the text.

Ingest decides it and stores it in the article's `language` front matter; enrichment (quote
rules, reading level) reads the stored value and decides only for an article stored without one,
with this same function, and writes the result back. So every reader of an article agrees on its
language, and detection runs once per article: py3langid took about 0.7 ms an article (a quick
guess from common words took 0.2 ms; its automaton walked with numpy, language_walk.py, about
0.4), which on every `chronicle enrich` would have doubled the enrichment of a 10,000-article
archive.

py3langid's model ships in its wheel: nothing is downloaded. It is loaded only when a language
must be guessed, from a decompressed copy in the user's cache (`language_model.py`).
"""

from __future__ import annotations

from chronicle.text import language_model
from chronicle.text.normalize import has_words, language_code, language_tag

DETECTION_SAMPLE_CHARS = 4000  # the classifier is as sure on this as on the whole text
MIN_WORDS_TO_DETECT = 5  # below this a detected language is noise
# A declared language is overruled by the text only on this many words: a page template's
# `<html lang="en">` left on a German article is common, but on a few words (a caption, a
# headline) the classifier is wrong more often than the page.
MIN_WORDS_TO_OVERRULE = 40
# Languages the classifier confuses with each other on news text, where a page's own declaration
# is the better evidence of which one it is.
_NEIGHBOURS = ({"da", "no", "nb", "nn"}, {"id", "ms"}, {"sr", "hr", "bs"}, {"gl", "pt"})


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text` via py3langid, or None when the text is too short to tell."""
    sample = text[:DETECTION_SAMPLE_CHARS]
    if not has_words(sample, MIN_WORDS_TO_DETECT):
        return None
    return language_model.classify(sample)


def decide_language(declared: str | None, text: str) -> str | None:
    """The language to store: `declared` as a BCP 47 tag when it is one ('EN_gb' → 'en-GB')
    and the text does not say otherwise, else the one detected in `text`. A publisher's
    declaration is overruled when at least MIN_WORDS_TO_OVERRULE words of the text are
    detected as another language that is not a near neighbour of it (a German article in a
    template that says `lang="en"`)."""
    tag = language_tag(declared)
    if tag is None:
        return detect_language(text)
    sample = text[:DETECTION_SAMPLE_CHARS]
    if not has_words(sample, MIN_WORDS_TO_OVERRULE):
        return tag
    detected = detect_language(sample)
    code = language_code(tag)
    if detected is None or detected == code:
        return tag
    if any({detected, code} <= group for group in _NEIGHBOURS):
        return tag
    return detected
