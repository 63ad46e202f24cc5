"""Whether a found speaker can be one: a last look at each quote's speaker, where an
unattributed quote is better than a wrong one.

A speaker is a person or an organisation, named (`Anne Dupont`) or described (`the source`,
`die Managerin`). What the rules before may still hand over, and what becomes of it:
- a sentence's end inside the name (`Temple. Bear`): the name after it;
- a capitalised verb or adverb before the name (`Replied Stephen`, `Afterwards Penny`): dropped;
- one capitalised word that is no name (`Which`, `Worse`, `Ich`, `Auch`): no speaker;
- a description of a thing, not of someone (`the statement`, `a compliment`, `the phone`): no
  speaker; one that runs on into the verb (`A senior prison official has`) ends before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronicle.archive.model import Quote
from chronicle.text.lexicon import (
    DETERMINERS_EN,
    FILLERS_EN,
    FUNCTION_WORDS,
    NOT_A_SPEAKER_EN,
    NOT_NAMES_EN,
    SPEECH_VERBS,
    SPEECH_VERBS_EN,
    STOP_WORDS_EN,
    THINGS_EN,
)

_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values()) | STOP_WORDS_EN
_VERBS = frozenset().union(*SPEECH_VERBS.values()) | SPEECH_VERBS_EN
# `John F.`, `Gen.`, `U.S.`, `News Corp.`: a dot that ends no sentence.
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]{1,3}|(?:[A-Z]\.)+[A-Z]|[A-Z]{2,})\.$")
_ADVERB = re.compile(r"[a-z]+(?:ly|wards)$")


def _after_sentence_end(name: str) -> str:
    """`Temple. Bear` → `Bear`; `John F. Kennedy`, `Gen. Milley`, `the U.S. attorney` stay."""
    if not name[:1].isupper():
        return name
    parts = name.split(". ")
    for i in range(len(parts) - 1, 0, -1):
        head = ". ".join(parts[:i]) + "."
        if not _INITIAL.search(head):
            return ". ".join(parts[i:])
    return name


def _description(name: str) -> str | None:
    """An English description as far as it describes someone: None for a thing (`the
    statement`)."""
    words = name.split()
    kept = [words[0]]
    for word in words[1:]:
        bare = word.lower().strip(",.;")
        if bare in FILLERS_EN | SPEECH_VERBS_EN | DETERMINERS_EN or _ADVERB.fullmatch(bare):
            break  # `A senior prison official has`, `one commentator has`, `The court also`
        kept.append(word.strip(",;"))
        if word.endswith((",", ";")):
            break
    if len(kept) < 2:
        return None
    head = kept[-1].lower().strip(".")
    if head in THINGS_EN or head.removesuffix("s") in THINGS_EN:
        return None
    return " ".join(kept)


def plausible(name: str) -> str | None:
    """`name` as a speaker can be named, or None when it names no one (see the module)."""
    name = _after_sentence_end(name.strip())
    words = name.split()
    while (
        len(words) > 1
        and words[0][:1].isupper()
        and (words[0].lower() in _VERBS or _ADVERB.fullmatch(words[0].lower()))
    ):
        words = words[1:]  # `Replied Stephen`, `Afterwards Penny`
    if not words:
        return None
    first = words[0]
    if first.lower() in DETERMINERS_EN:
        return _description(" ".join(words))
    if len(words) == 1:
        bare = first.strip(".,")
        if not bare.isupper() and (  # `WHO` is an organisation, `Who` no one
            bare.lower() in _FUNCTION_WORDS
            or bare in NOT_NAMES_EN
            or bare.lower() in NOT_A_SPEAKER_EN
            or bare.lower() in _VERBS
        ):
            return None
    return " ".join(words)


def plausible_speakers(quotes: list[Quote]) -> list[Quote]:
    """Each quote's speaker checked by `plausible`; a registry speaker is always one."""
    out = []
    for quote in quotes:
        if quote.speaker and quote.entity is None:
            name = plausible(quote.speaker)
            if name != quote.speaker:
                quote = replace(quote, speaker=name, verb=quote.verb if name else None)
        out.append(quote)
    return out
