"""Names of people in English text, for speakers: name runs (text.names) split at titles and
roles, and the surnames a pronoun may refer back to."""

from __future__ import annotations

import re

from chronicle.text.lexicon import (
    DETERMINERS_EN,
    NATIONALITIES_EN,
    NOT_NAMES_EN,
    NUMBER_WORDS_EN,
    ORGANISATION_WORDS_EN,
    ROLE_WORDS_EN,
)
from chronicle.text.names import name_runs

POSSESSIVE = re.compile(r"(?:’s|'s|[.,’'])+$")
POSSESSOR = re.compile(r"(?:’s|'s|’|')(?=\s)")  # `Witkoff’s deputy`, `Hamas’ leaders`


def not_a_name_word(word: str) -> bool:
    """A title, role, function word or number: capitalised, but no part of a name."""
    bare = POSSESSIVE.sub("", word)
    return bare in NOT_NAMES_EN or all(part in NUMBER_WORDS_EN for part in bare.lower().split("-"))


def names_in(text: str) -> list[tuple[str, int, int]]:
    """Capitalised names in `text` with their spans; titles and roles split a sequence
    (`InfoNation President Dan McDowell` → `InfoNation`, `Dan McDowell`)."""
    out = []
    for match in name_runs(text):
        segment: list[re.Match[str]] = []
        for word in re.finditer(r"\S+", match.group(0)):
            if not_a_name_word(word.group(0)):
                _close_name(segment, match.start(), out)
                segment = []
            else:
                segment.append(word)
        _close_name(segment, match.start(), out)
    return out


def _close_name(segment: list[re.Match[str]], base: int, out: list[tuple[str, int, int]]) -> None:
    # Possessive names (`Disney’s chairman`) and a nationality alone (`Syrian`) are not speakers;
    # a particle left first by a title split off is no name's start (`Why do Americans`).
    while segment and segment[0].group(0)[:1].islower():
        segment = segment[1:]
    if not segment or segment[-1].group(0).endswith(("’s", "'s", "’", "'")):
        return
    name = " ".join(w.group(0) for w in segment)
    if name.rstrip(".,") not in NATIONALITIES_EN:
        out.append((name, base + segment[0].start(), base + segment[-1].end()))


def surnames(names: list[tuple[str, int, int]]) -> set[str]:
    """Last words of what look like people's full names: two to four words, none of them an
    organisation's (`White House National Security Council Ukraine` gives no `Ukraine`)."""
    out = set()
    for name, _start, _end in names:
        words = name.split()
        if 2 <= len(words) <= 4 and not any(w.lower() in ORGANISATION_WORDS_EN for w in words):
            out.add(words[-1])
    return out


def may_be_person(name: str, known_surnames: set[str], text: str = "") -> bool:
    """What `he` or `she` may refer to: a full name (`Gordon Sondland`) or the surname of one
    named before (`Sondland`), not an organisation (`American Farm Bureau`) nor a name whose
    last word `text` also writes in lower case, a common noun (`the Paris Agreement` where the
    article speaks of `the agreement`, `Powder River Basin`)."""
    last = name.split()[-1].rstrip(".,")
    if last.lower() in ORGANISATION_WORDS_EN or not (" " in name or name in known_surnames):
        return False
    return not (
        text
        and last not in known_surnames
        and last[:1].isupper()
        and re.search(rf"(?<![\w-]){re.escape(last.lower())}(?![\w-])", text) is not None
    )


def stands_for_someone(text: str, name: tuple[str, int, int]) -> bool:
    """Whether a name in `text` may be a person a pronoun stands for: not one after an
    article or a possessive (`the Las Vegas debate`, `a Go-Kart Track`): a person's name
    takes none; nor one after a preposition of place (see below). (Measured: leaving out
    names followed by a lower-case word, `Rust Belt victims`, also left out people followed
    by their verb, `Mary Steenburgen plays`.)"""
    _name, start, end = name
    before = text[:start].split()
    word = before[-1].lower() if before else ""
    return not (
        (word in DETERMINERS_EN and word != "one")
        or word in _PLACE_PREPOSITIONS
        or _listed(text[:start], text[end:])
    )


def _listed(before: str, after: str) -> bool:
    """`Canada, Australia, New Zealand and the US`: a name inside a list of names is one of a
    set of things (countries, firms), seldom the one person `he` or `she` stands for."""
    after_list = re.match(r",\s|\s+(?:and|or)\s", after) is not None
    return after_list and re.search(r"[A-Z][\w’'.-]*,\s*$", before) is not None


# After one of these a name is a place or a work (`in Las Vegas`, `working on La La Land`),
# seldom a person a later pronoun stands for.
_PLACE_PREPOSITIONS = frozenset(("in", "on", "at", "of", "into", "near", "across", "throughout"))


def organisation_word(subject: str, article: str) -> str | None:
    """`“…,” American said`: a nationality alone names no one (`Syrian said` is a fragment),
    unless the article names an organisation that starts with it (`American Airlines`)."""
    words = subject.strip(" ,").split()
    if len(words) != 1 or words[0] not in NATIONALITIES_EN:
        return None
    rx = rf"(?<![\w-]){words[0]} ([A-Z][\w&’'-]+)"
    if any(w not in NOT_NAMES_EN for w in re.findall(rx, article)):
        return words[0]
    return None


def organisation_like(name: str) -> bool:
    """`Service Employees International Union`, `CNN`, `American` (for American Airlines): a
    speaker `he` or `she` cannot stand for."""
    last = name.split()[-1].rstrip(".,")
    return (
        last.lower() in ORGANISATION_WORDS_EN
        or re.fullmatch(r"[A-Z][A-Z&]{1,5}", last) is not None
        or name in NATIONALITIES_EN
    )


_OTHER_GENDER = {"she": ("spokesman", "chairman"), "he": ("spokeswoman", "chairwoman")}
_DESCRIBED_SPEAKER = re.compile(
    r"\b((?:a|an|the)\s+(\w+))(?:\s+(?:for|of|at)\s+(?:the\s+)?((?:[A-Z][\w&’'-]*\s*){1,6}))?"
    r",?\s+(?:said|says|told|added)\b"
)


def described_speaker(paragraph: str, pronoun: str) -> str | None:
    """`… a spokeswoman for the Service Employees International Union said at a press
    conference.` ¶ `“…,” she said.`: who speaks by a description of a role (not one of the
    other gender) in a paragraph's last sentence: the organisation it speaks for, if named."""
    last = re.split(r"(?<=[.!?])\s+", paragraph.rstrip())[-1]
    found = [m for m in _DESCRIBED_SPEAKER.finditer(last) if m.group(2).lower() in ROLE_WORDS_EN]
    if not found or found[-1].group(2).lower() in _OTHER_GENDER.get(pronoun, ()):
        return None
    return (found[-1].group(3) or found[-1].group(1)).strip()
