"""Whether a found speaker can be one: a last look at each quote's speaker, where an
unattributed quote is better than a wrong one.

A speaker is a person or an organisation, named (`Anne Dupont`) or described (`the source`,
`die Managerin`). What the rules before may still hand over, and what becomes of it:
- a sentence's end inside the name (`Temple. Bear`): the name after it;
- a capitalised verb or adverb before the name (`Replied Stephen`, `Afterwards Penny`): dropped;
- one capitalised word that is no name (`Which`, `Worse`, `Ich`, `Auch`) or a plural the
  article also writes in lower case (`Critics argue`): no speaker;
- a German name and whom it was said to (`Allendorf der Frankfurter Allgemeinen`): the name;
  a word cut at a hyphen (`der Kommunikations-`): no speaker;
- a description of a thing, not of someone (`the statement`, `a compliment`, `the phone`): no
  speaker; one that runs on into the verb (`A senior prison official has`) ends before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronicle.archive.model import Quote
from chronicle.text.lexicon import (
    AUXILIARIES_EN,
    DETERMINERS_EN,
    FILLERS_EN,
    FUNCTION_WORDS,
    NOT_A_SPEAKER_EN,
    NOT_NAMES_EN,
    SENTENCE_OPENERS_EN,
    SPEECH_VERBS,
    SPEECH_VERBS_EN,
    STOP_WORDS_EN,
    THINGS_EN,
)

_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values()) | STOP_WORDS_EN
_VERBS = frozenset().union(*SPEECH_VERBS.values()) | SPEECH_VERBS_EN
# `John F.`, `Gen.`, `U.S.`, `News Corp.`: a dot that ends no sentence.
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]|[A-Z][a-z]{1,3}|(?:[A-Z]\.)+[A-Z]|[A-Z]{2,})\.$")
_ENDS_DESCRIPTION = FILLERS_EN | SPEECH_VERBS_EN | DETERMINERS_EN | AUXILIARIES_EN
_DATIVES = frozenset(("der", "dem", "den"))  # German: to whom it was said, after the name
# Adverbs that open a sentence before its subject (`Afterwards Penny responds`); not every
# word in -ly (`Billy`, `Reilly`), nor `Will`.
_OPENING_ADVERBS = frozenset(w.lower() for w in SENTENCE_OPENERS_EN.split()) | frozenset(
    ("afterwards", "finally", "separately", "similarly", "meanwhile", "instead")
)
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
        if bare in _ENDS_DESCRIPTION or _ADVERB.fullmatch(bare):
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


# Endings of German feminine nouns: after `der` one is a dative (`sagte der Zeitung`), no subject.
_FEMININE_DE = ("ung", "heit", "keit", "schaft", "tion", "agentur", "ität", "ei")


def _addressee(words: list[str]) -> bool:
    """Whether `der`/`dem`/`den` and `words` after a German speech verb are whom it was said
    to: `dem`/`den` always (a subject would be `der`), `der` before a feminine noun or an
    acronym (`der Zeitung`, `der dpa`, `der MOPO`), not before a person (`der Minister`)."""
    if not words:
        return False
    noun = next((w for w in words if w[:1].isupper()), words[0]).strip(",.;:")  # `der junge X`
    if noun in NOT_NAMES_EN:
        return False  # `so der CEO`: a role
    return noun.lower().endswith(_FEMININE_DE) or noun.isupper() or noun.islower()


def _common_noun(word: str, text: str) -> bool:
    """Whether `word` is a plural that `text` also writes in lower case: a common noun
    capitalised at a sentence's start (`Critics argue`, `Vendors have called`), not a name.
    (Measured: any word so written also took surnames, `Early`, `Major`, `American`.)"""
    lower = word.lower()
    if word == lower or not lower.endswith("s"):
        return False
    return re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None


def plausible(name: str, text: str = "") -> str | None:
    """`name` as a speaker can be named, or None when it names no one (see the module);
    `text`, the article, tells a common noun from a name."""
    name = _after_sentence_end(name.strip())
    words = name.split()
    while (
        len(words) > 1
        and words[0][:1].isupper()
        and (words[0].lower() in _VERBS or words[0].lower() in _OPENING_ADVERBS)
    ):
        words = words[1:]  # `Replied Stephen`, `Afterwards Penny`
    if not words:
        return None
    first = words[0]
    if first.lower() in DETERMINERS_EN:
        return _description(" ".join(words))
    if first in ("dem", "den") or (first == "der" and _addressee(words[1:])):
        return None  # `sagte der MOPO`, `sagte dem Spiegel`: told the paper, by someone unnamed
    if words[-1].endswith("-"):
        return None  # `der Kommunikations-` (`… und Konfliktexperte X`): a word cut in two
    if first[:1].isupper() and first.lower() not in _DATIVES:
        # `sagte Allendorf der Frankfurter Allgemeinen Zeitung`: told the paper.
        cut = next(
            (
                i
                for i, w in enumerate(words)
                if i and w in _DATIVES and words[i - 1] not in ("von", "van")  # `von der Leyen`
            ),
            len(words),
        )
        words = words[:cut]
        # `Tom Reiter von Greenpeace`, `Jan Ott vom Zoll`: a full name, then whom they speak
        # for (`Ursula von der Leyen`, one word before `von`, is a name).
        cut = next(
            (i for i, w in enumerate(words) if i >= 2 and w in ("von", "vom")),
            len(words),
        )
        if all(w[:1].isupper() for w in words[:cut]):
            words = words[:cut]
    if len(words) == 1:
        bare = first.strip(".,")
        if not bare.isupper() and (  # `WHO` is an organisation, `Who` no one
            bare.lower() in _FUNCTION_WORDS
            or bare in NOT_NAMES_EN
            or bare.lower() in NOT_A_SPEAKER_EN
            or bare.lower() in _VERBS
            or _common_noun(bare, text)
        ):
            return None
    if re.fullmatch(r"\S+(?:’s|'s) [A-Z]{2,4}", " ".join(words)):
        return None  # `Fox’s IT`, `Stephen’s MBA`: a department or a degree
    return " ".join(words)


def plausible_speakers(quotes: list[Quote], text: str) -> list[Quote]:
    """Each quote's speaker checked by `plausible`; a registry speaker is always one."""
    out = []
    for quote in quotes:
        if quote.speaker and quote.entity is None:
            name = plausible(quote.speaker, text)
            if name != quote.speaker:
                quote = replace(quote, speaker=name, verb=quote.verb if name else None)
        out.append(quote)
    return out
