"""The name that opens a run of words after a speech verb in German, French, Spanish or
Portuguese (`Zeit Online Geschäftsführer Enrique Tarragona`, `Ursula von der Leyen`): capitalised
words, roles dropped, particles inside."""

from __future__ import annotations

from chronicle.ingest.enrich.quotes.people import POSSESSIVE
from chronicle.text.lexicon import (
    FUNCTION_WORDS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_NAMES_EN,
    ROLE_ENDINGS_DE,
)
from chronicle.text.names import is_name

_NOT_NAMES = frozenset().union(*NOT_NAMES.values())
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())


def name_run(words: list[str]) -> str | None:
    """The name that opens `words`: capitalised words (roles dropped, `de`/`von` inside),
    ending at the first other word; the last name when roles separate two
    (`Zeit Online Geschäftsführer Enrique Tarragona` → `Enrique Tarragona`)."""
    run: list[str] = []
    names: list[list[str]] = []
    for i, word in enumerate(words):
        bare = word.rstrip(",.;:")
        if len(bare) == 1 and word == bare + "." and bare.isupper() and word not in _NOT_NAMES:
            run.append(word)  # an initial: `Sebastian K.`, `John F. Kennedy`
            continue
        if not run and bare.lower() in _FUNCTION_WORDS:
            return None
        if bare.endswith(("'", "’")) and i + 1 < len(words):
            return None  # `Scholz’ Sprecher`: the possessor of whoever speaks
        if (
            word in _NOT_NAMES
            or bare in _NOT_NAMES
            or POSSESSIVE.sub("", bare) in NOT_NAMES_EN
            or bare.lower().endswith(ROLE_ENDINGS_DE)
        ):
            if run:
                names.append(run)
                run = []
            if word[-1:] in ",;:":  # `M.`, `Dr.` go on to the name
                break
            continue
        if is_name(bare) or (run and bare in NAME_PARTICLES and _particle_of(words[i + 1 :])):
            run.append(bare)
            if bare != word:
                break
            continue
        break
    if run:
        names.append(run)
    if not names or (len(names[-1]) == 1 and names[-1][0] in _NOT_NAMES):
        return None
    return " ".join(names[-1]).rstrip(".") if len(names[-1]) == 1 else " ".join(names[-1])


def _particle_of(rest: list[str]) -> bool:
    """Whether a particle goes on to a name: `de Guindos`, `von der Leyen`."""
    if rest[1:] and rest[0] in NAME_PARTICLES:
        rest = rest[1:]
    return bool(rest) and rest[0][:1].isupper()
