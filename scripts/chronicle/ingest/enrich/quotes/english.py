"""English attributions: after a quote (`“…,” Meshaal said.`, `“…,” said Oza.`,
`“…,” according to the ministry`) and before it (`Katz warned: “…”`)."""

from __future__ import annotations

import re

from chronicle.ingest.enrich.quotes.context import Context, Speaker
from chronicle.ingest.enrich.quotes.spans import Span
from chronicle.ingest.enrich.quotes.subject import (
    VERB_RX,
    main_subject,
    resolve_subject,
    strip_appositive,
)
from chronicle.text.lexicon import ACCORDING_TO, DETERMINERS_EN, FILLERS_EN, PRONOUN_KINDS_EN
from chronicle.text.names import NAME_CHARS
from chronicle.text.normalize import count_words
from chronicle.text.sentences import is_abbreviation_dot

MAX_WORDS_VERB_TO_QUOTE = 12  # `told cheering teachers that they weren’t “…”`
MAX_SUBJECT_WORDS = 10
_WORD = re.compile(rf"[^\W\d_]{NAME_CHARS}*|\d[\w.,]*", re.UNICODE)
_ACCORDING = re.compile(r"\b(?:" + "|".join(ACCORDING_TO["en"]) + r")\b")
_SEPARATORS = ",?!—–-…"


def _separated(quote: str, after: str) -> bool:
    """Whether a comma, dash, ? or ! ends the quote or follows it (`“…,” she said`)."""
    last = quote.rstrip(" ’'\"”»")[-1:]
    return last in _SEPARATORS or after.lstrip()[:1] in _SEPARATORS


def _after(masked: str, span: Span, sentence_end: int) -> tuple[str, int]:
    start = min(span.close + 1, len(masked))
    return masked[start:sentence_end], start


def trailing(
    paragraph: str,
    masked: str,
    span: Span,
    sentence: tuple[int, int],
    ctx: Context,
    off: int,
    partial: bool,
) -> Speaker | None:
    """`“…,” Meshaal said.` / `“…,” said Oza.` / `“…,” according to the ministry.`"""
    last_inside = paragraph[span.close - 1] if span.close > span.open + 1 else ""
    if last_inside == "." or span.close >= len(paragraph):
        return None  # the quote ended its sentence; what follows is a new one
    end = sentence[1]
    if last_inside in "?!" and end <= span.close + 2:
        # `“…Kentucky!” Trump tweeted.`: the mark ended a sentence only typographically.
        end = masked.find(".", span.close) + 1 or len(masked)
    text, start = _after(masked, span, end)
    if partial and not _separated(paragraph[span.open + 1 : span.close], text):
        # `“patched” the software as the company continued`: with no comma or dash between,
        # the words after a partial quote go on with the writer's sentence.
        return None
    # Only up to the next quote or the end of the clause.
    cut = len(text)
    for stop in ("“", '"', "«", "‘", "„", "»", "‹", ";", "."):
        pos = text.find(stop)
        if 0 <= pos < cut and not (stop == "." and is_abbreviation_dot(text, pos)):
            cut = pos
    clause = text[:cut]
    according = _ACCORDING.search(clause)
    if according and not clause[: according.start()].strip(" ,—–"):
        subject = clause[according.end() :]
        found = resolve_subject(subject, start + according.end(), ctx, off, mode="object")
        return Speaker(found.name, found.entity, "according to") if found else None
    verb = VERB_RX.search(clause)
    if verb is None:
        return None
    before = clause[: verb.start()]
    if not before.strip(" ,—–") and verb.group(1).endswith("ing"):
        # `Pompeo said it was “…”, saying he trusted`: the sentence's subject goes on speaking.
        found = main_subject(masked[sentence[0] : span.open], sentence[0], ctx, off)
        return Speaker(found.name, found.entity, verb.group(1)) if found else None
    if not before.strip(" ,—–"):
        # `said Oza`, `said the source`: the subject follows the verb.
        obj = clause[verb.end() :]
        obj = re.split(r"[,;:]", obj, maxsplit=1)[0]
        found = resolve_subject(obj, start + verb.end(), ctx, off, mode="object")
        return Speaker(found.name, found.entity, verb.group(1)) if found else None
    first_word = before.strip(" ,—–").split()[0]
    if (
        first_word[:1].islower()
        and first_word.lower() not in PRONOUN_KINDS_EN.keys() | DETERMINERS_EN
    ):
        return None  # `… and analysts told`, `… at the release, adding`: another clause
    bare = strip_appositive(before)
    if len([w for w in bare.split() if w.lower() not in FILLERS_EN]) > MAX_SUBJECT_WORDS:
        return None
    found = resolve_subject(before, start, ctx, off, mode="after")
    return Speaker(found.name, found.entity, verb.group(1)) if found else None


def preceding(
    masked: str, span: Span, sentence: tuple[int, int], ctx: Context, off: int
) -> Speaker | None:
    """`Katz warned: “…”`, `Khallaf described Israel’s actions as a “blatant violation”`."""
    prefix = masked[sentence[0] : span.open]
    verbs = list(VERB_RX.finditer(prefix))
    if not verbs:
        return None
    verb = verbs[-1]
    between = prefix[verb.end() :]
    if len(_WORD.findall(between)) > MAX_WORDS_VERB_TO_QUOTE:
        return None
    subject = prefix[: verb.start()]
    last_word = subject.split()[-1].lower() if subject.split() else ""
    if (verb.group(1).endswith("ing") and last_word.endswith(",")) or last_word in ("and", "but"):
        # `…, telling them “…”`, `… and added “…”`: the sentence's subject goes on speaking.
        found = main_subject(subject, sentence[0], ctx, off)
    else:
        found = resolve_subject(subject, sentence[0], ctx, off, mode="before")
    if found is None:
        return None
    return Speaker(found.name, found.entity, verb.group(1))


def is_partial(quote: str, masked: str, span: Span, sentence_start: int) -> bool:
    """Part of a sentence (`as a “blatant violation”`), not a whole utterance."""
    before = masked[sentence_start : span.open].rstrip()
    if not before or before.endswith((":", ",", "—", "–", "”", '"', "’")):
        return False  # opens the sentence, or follows `she said,` (a split quote goes on)
    first = next((c for c in quote if c.isalpha() or c.isdigit()), "")
    if first.islower():  # a script without case (`「私たちは…」`) says nothing either way
        return True
    return count_words(quote) <= 3 and not quote.rstrip().endswith((".", "!", "?", ","))
