"""Figures: numbers the text attributes to someone, as records a reader can compare.

`the Hamas-run Government Media Office reporting nearly 600 Palestinian deaths` becomes
`Figure(value="600", qualifier="nearly", what="Palestinian deaths", reporter="the Hamas-run
Government Media Office")`. Only numbers in a sentence that says who gave them are kept (an
attribution cue: `according to X`, `X said`, `said X`, `laut X`, `selon X`, `según X` …): an
unattributed number is the writer's own, and a duration (`the past three days`) or a year is not
a count at all. When the cue names no one (`he said`, `were reported`), the number is left out
rather than listed under a guessed or unknown reporter. Every value and word is kept as printed,
never converted.

Written here rather than taken from a library: number parsers (e.g. `number-parser`,
`quantulum3`) read values and units, but not who reported them, which is what an archive of
contested figures needs; the rules read only the words of `text/figure_words.py` and
`text/lexicon.py`.
"""

from __future__ import annotations

import functools
import re

from chronicle.archive.model import Figure
from chronicle.text.figure_words import (
    FIGURE_AUXILIARIES,
    FIGURE_DETERMINERS,
    FIGURE_NAME_JOINERS,
    FIGURE_OUTCOMES_EN,
    FIGURE_PRONOUNS,
    FIGURE_QUALIFIERS,
    FIGURE_REPORTER_ENDS,
    FIGURE_SCALES,
    FIGURE_SOURCES,
    FIGURE_STOPS,
    FIGURE_TIME_WORDS,
    FIGURE_UNITS,
    FIGURE_VERBS,
)
from chronicle.text.lexicon import MONTH_WORDS_EN, NUMBER_WORDS_EN
from chronicle.text.sentences import split_sentences

_TOKEN = re.compile(r"\d[\w,.’'\-\u202f\u00a0]*|[^\W\d][\w’'\-]*|[^\w\s]")
_BACKWARD_STOPS = FIGURE_STOPS | FIGURE_REPORTER_ENDS
_WHAT_STOPS = FIGURE_STOPS | FIGURE_REPORTER_ENDS | frozenset(("according", "said", "says", "told"))
_PASSIVE = frozenset(("was", "were", "been", "being", "be", "is", "are"))
_QUOTES = '“”"«»„‟'
_NUMBER = re.compile(r"\d{1,3}(?:[,.\u202f\u00a0’']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_CURRENCIES = frozenset("$€£")
_A = frozenset(("a", "an"))
_MAX_WHAT = 4
_MAX_REPORTER = 8


class _Token:
    """A word, number or mark of a sentence. perf: what the rules ask of a token is worked out
    once, as it is made (they ask it about 50 times a sentence)."""

    __slots__ = ("is_number", "is_word", "lower", "start", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.lower = text.lower()
        self.is_word = text[0].isalpha()
        # _NUMBER starts with a digit: a token that does not is no number.
        self.is_number = text[0].isdecimal() and _NUMBER.fullmatch(text.rstrip(".,")) is not None


def _tokens(sentence: str) -> list[_Token]:
    return [_Token(m.group(), m.start()) for m in _TOKEN.finditer(sentence)]


_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")


def _may_count(sentence: str, language: str) -> bool:
    """Whether the sentence holds what a figure needs at least: a digit, or in English a number
    word (`_number_word`: each part of a token between hyphens is one, a run of letters).
    perf: most sentences have neither and are not tokenised at all."""
    if _DIGIT.search(sentence):
        return True
    return language == "en" and not NUMBER_WORDS_EN.isdisjoint(_LETTERS.findall(sentence.lower()))


@functools.cache
def _cue_words(language: str) -> frozenset[str]:
    """The words one of which a sentence with an attribution cue holds: a reporting verb, or
    the first word of a source phrase (`according`)."""
    firsts = {phrase.split()[0] for phrase in FIGURE_SOURCES.get(language, ())}
    return frozenset(FIGURE_VERBS.get(language, frozenset()) | firsts)


def _number_word(token: _Token, language: str) -> bool:
    if language != "en" or not token.is_word:
        return False
    parts = token.lower.split("-")
    return all(p in NUMBER_WORDS_EN for p in parts)


def _is_year(token: _Token) -> bool:
    text = token.text.rstrip(".,")
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _value_span(tokens: list[_Token], i: int, language: str) -> int | None:
    """The end (exclusive) of the number starting at token `i`, or None if none starts there."""
    token = tokens[i]
    if token.is_number:
        if _is_year(token):
            return None
        end = i + 1
        if end < len(tokens) and tokens[end].lower in FIGURE_SCALES:
            end += 1
        return end
    if not _number_word(token, language):
        return None
    end = i + 1
    while end < len(tokens) and _number_word(tokens[end], language):
        end += 1
    return end


def _qualifier(tokens: list[_Token], start: int, language: str) -> tuple[str | None, int]:
    """The qualifier printed before the number at `start` and where it begins."""
    for phrase in FIGURE_QUALIFIERS.get(language, ()):
        words = phrase.split()
        begin = start - len(words)
        if begin >= 0 and [t.lower for t in tokens[begin:start]] == words:
            return " ".join(t.text for t in tokens[begin:start]), begin
    return None, start


def _what(tokens: list[_Token], start: int) -> tuple[list[_Token], int]:
    """The words naming what was counted, from `start`, and where they end."""
    words: list[_Token] = []
    i = start
    while i < len(tokens) and len(words) < _MAX_WHAT:
        token = tokens[i]
        if not token.is_word or token.lower in _WHAT_STOPS:
            break
        words.append(token)
        i += 1
    return words, i


def _outcome(sentence: str, tokens: list[_Token], end: int, language: str) -> str | None:
    """What happened to the counted things when the clause says so (`… have been killed`)."""
    if language != "en" or end >= len(tokens):
        return None
    rest = sentence[tokens[end].start : tokens[end].start + 80]
    match = re.match(
        r"(?:[^,.;]*?[—–]\s*[^—–]*?[—–]\s*|\s*)(?:(?:have|has|had|were|was|are|is)\s+)?"
        r"(?:been\s+)?(\w+)",
        rest,
    )
    if match and match.group(1).lower() in FIGURE_OUTCOMES_EN:
        return match.group(1)
    return None


def _names_number(token: _Token, language: str) -> bool:
    """Whether a number after `token` is part of a name (`Phase 1`): a capitalised word that is
    neither a qualifier (`Nearly 600`) nor a grammar word (`In 2019`, `At least`)."""
    if not token.is_word or not token.text[0].isupper():
        return False
    qualifier_words = {w for q in FIGURE_QUALIFIERS.get(language, ()) for w in q.split()}
    return token.lower not in qualifier_words | _BACKWARD_STOPS | FIGURE_DETERMINERS


def _inside_quotes(sentence: str, position: int) -> bool:
    """Whether `position` is inside a double-quoted passage (an odd number of marks before)."""
    return sum(1 for c in sentence[:position] if c in _QUOTES) % 2 == 1


def _span_text(sentence: str, tokens: list[_Token]) -> str:
    return sentence[tokens[0].start : tokens[-1].start + len(tokens[-1].text)].strip(" ,.;:")


def _named(sentence: str, words: list[_Token]) -> str | None:
    """A reporter from its words, or None when they name no one (a pronoun, a determiner)."""
    meaningful = [w for w in words if w.lower not in FIGURE_DETERMINERS]
    if not meaningful or (len(meaningful) == 1 and meaningful[0].lower in FIGURE_PRONOUNS):
        return None
    if any(w.is_number or w.lower in NUMBER_WORDS_EN for w in words):
        return None
    if words[-1].lower.endswith("ly") and words[-1].text.islower():  # `a recently announced`
        return None
    return _span_text(sentence, words)


def _forward(tokens: list[_Token], start: int) -> list[_Token]:
    words: list[_Token] = []
    for index, token in enumerate(tokens[start : start + _MAX_REPORTER], start=start):
        if token.lower == "by" and words:  # `data released by MOTIE`: the agent reported it
            return _forward(tokens, index + 1)
        stop = token.lower in FIGURE_STOPS and token.lower not in FIGURE_NAME_JOINERS
        if not token.is_word or token.lower in FIGURE_REPORTER_ENDS or token.is_number or stop:
            break
        words.append(token)
    return words


def _backward(tokens: list[_Token], end: int) -> list[_Token]:
    """The subject right before a reporting verb at `end`; none for a passive (`was reported`)
    or for counted things (`3,248 cases reported`)."""
    i = end - 1
    if i >= 0 and tokens[i].lower in _PASSIVE:
        return []
    while i >= 0 and tokens[i].lower in FIGURE_AUXILIARIES:
        i -= 1
    words: list[_Token] = []
    while i >= 0 and len(words) < _MAX_REPORTER:
        token = tokens[i]
        if token.lower in FIGURE_DETERMINERS:
            words.insert(0, token)
            break
        # A capital inside the sentence is a name's (`the UN`), even if it spells a stop word;
        # so is `of` between two capitals (`the Department of Energy`).
        joins = (
            token.lower in FIGURE_NAME_JOINERS
            and words
            and words[0].text[0].isupper()
            and i > 0
            and tokens[i - 1].text[0].isupper()
        )
        stop = (
            token.lower in _BACKWARD_STOPS and (i == 0 or not token.text[0].isupper()) and not joins
        )
        if not token.is_word or stop:
            if token.is_number:
                return []
            break
        words.insert(0, token)
        i -= 1
    first = words[0].lower if words else ""
    if first in _BACKWARD_STOPS and first not in FIGURE_DETERMINERS:  # `As Gaiman put it`
        words = words[1:]
    return words


def _cues(sentence: str, tokens: list[_Token], language: str) -> list[tuple[int, str | None]]:
    """Each attribution cue of the sentence: (its position, the reporter it names or None)."""
    cues: list[tuple[int, str | None]] = []
    lowered = [t.lower for t in tokens]
    for phrase in FIGURE_SOURCES.get(language, ()):
        words = phrase.split()
        for i in range(len(tokens) - len(words) + 1):
            if lowered[i : i + len(words)] != words:
                continue
            if phrase == "zufolge":  # a postposition: `dem Ministerium zufolge`
                reporter = _named(sentence, _backward(tokens, i))
            else:
                reporter = _named(sentence, _forward(tokens, i + len(words)))
            cues.append((tokens[i].start, reporter))
    verbs = FIGURE_VERBS.get(language, frozenset())
    for i, token in enumerate(tokens):
        if token.lower not in verbs:
            continue
        before = _backward(tokens, i)
        reporter = _named(sentence, before)
        # `…, said the ministry`; `reported by X`: only right after a comma or the start.
        inverted = i == 0 or not tokens[i - 1].is_word
        if reporter is None and not before and inverted:
            after = i + 2 if i + 1 < len(tokens) and tokens[i + 1].lower == "by" else i + 1
            reporter = _named(sentence, _forward(tokens, after))
        cues.append((token.start, reporter))
    return cues


def _sentence_figures(sentence: str, language: str) -> list[Figure]:
    if not _may_count(sentence, language):
        return []
    tokens = _tokens(sentence)
    if _cue_words(language).isdisjoint(t.lower for t in tokens):
        return []
    # A cue that names no one (`he said`, `were reported`) attributes nothing a reader can
    # compare: its numbers are left out rather than listed under an unknown reporter.
    cues = [cue for cue in _cues(sentence, tokens, language) if cue[1] is not None]
    if not cues:
        return []
    figures = []
    i = 0
    while i < len(tokens):
        end = _value_span(tokens, i, language)
        if end is None:
            i += 1
            continue
        figure = _figure_at(sentence, tokens, i, end, language, cues)
        if figure is not None:
            figures.append(figure)
        i = end
    return figures


def _figure_at(
    sentence: str,
    tokens: list[_Token],
    start: int,
    end: int,
    language: str,
    cues: list[tuple[int, str | None]],
) -> Figure | None:
    before = tokens[start - 1].lower if start else ""
    after = tokens[end].lower if end < len(tokens) else ""
    if before in MONTH_WORDS_EN or after in MONTH_WORDS_EN or ":" in (before, after):
        return None  # a date or a time
    if start and _names_number(tokens[start - 1], language):
        return None  # part of a name: `Phase 1`, `Destiny 2`, `LC 500`
    if tokens[start].lower == "one" and end == start + 1:
        return None  # `one legal expert`, `one of the largest`: a person or a phrase, not a count
    if _inside_quotes(sentence, tokens[start].start):
        return None  # a speaker's words: a quote, not a figure the report attributes
    if start and tokens[start - 1].lower in _A and not tokens[start].is_number:
        start -= 1  # `a thousand`
        before = tokens[start - 1].lower if start else ""
    qualifier, _ = _qualifier(tokens, start, language)
    value = _span_text(sentence, tokens[start:end])
    unit = None
    if before in _CURRENCIES:
        unit = before
    elif after in FIGURE_UNITS:
        unit = tokens[end].text
        end += 1
    if (
        end < len(tokens)
        and tokens[end].lower in ("of", "de", "di")
        and (unit or tokens[end - 1].lower.endswith("s"))
    ):
        end += 1  # `hundreds of people`, `40 % of voters`
        if end < len(tokens) and tokens[end].lower in FIGURE_DETERMINERS:
            end += 1
    words, stop = _what(tokens, end)
    if words and (words[0].text.startswith("-") or words[0].lower in FIGURE_TIME_WORDS):
        return None
    if not words and not unit:
        return None
    what = _span_text(sentence, words) if words else ""
    outcome = _outcome(sentence, tokens, stop, language)
    if outcome and outcome.lower() not in what.lower():
        what = f"{what} {outcome}"
    position = tokens[start].start
    _, reporter = min(cues, key=lambda cue: abs(cue[0] - position))
    return Figure(value=value, what=what, reporter=reporter, qualifier=qualifier, unit=unit)


def extract_figures(text: str, language: str | None) -> list[Figure]:
    """The attributed figures of a plain text, in order, each once."""
    language = (language or "en").split("-")[0].lower()
    found: list[Figure] = []
    for paragraph in text.split("\n"):
        for sentence in split_sentences(paragraph):
            for figure in _sentence_figures(sentence, language):
                if figure not in found:
                    found.append(figure)
    return found
