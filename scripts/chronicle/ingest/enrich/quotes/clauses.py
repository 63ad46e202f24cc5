"""Where the subject of a speech verb lies in German, French, Spanish and Portuguese, as spans
of words: after an opening clause (`En tanto, fuentes de X dijeron`), between commas (`el
presidente, Luis Lacalle Pou, expresó`), or nowhere (`En aquel momento afirmó`: a subject the
language drops)."""

from __future__ import annotations

import re

from chronicle.text.lexicon import (
    CONJUNCTIONS,
    DETERMINERS,
    FILLERS,
    FUNCTION_WORDS,
    OF_WORDS,
    PERSONAL_PRONOUNS,
)

_FILLERS = frozenset().union(*FILLERS.values())
_DETERMINERS = frozenset().union(*DETERMINERS.values())
PREPOSITIONS = frozenset(("à", "au", "en", "a", "ao", "em", "no", "na", "ante"))


def dropped(subject: str, lang: str) -> bool:
    """Whether the words after a verb leave its subject out (`dijo a la red Erbol`, nothing)."""
    words = subject.split()
    return not words or (words[0][:1].islower() and words[0].lower() not in DETERMINERS[lang])


def adverbial(head: str, lang: str) -> bool:
    """Whether the words before a verb are no subject: nothing, or a phrase of time or place
    opened by a preposition or `este`/`ese` with no capitalised word after it (`En aquel
    momento`, `Desde su visión`, `Este lunes`)."""
    words = head.split()
    return not words or (
        words[0].lower() in FUNCTION_WORDS[lang] | PREPOSITIONS
        and words[0].lower() not in PERSONAL_PRONOUNS[lang]
        and not any(w[:1].isupper() for w in words[1:])
    )


def last_clause(before: str) -> str:
    """`A esto se suma que el presidente, Luis Lacalle Pou,` → `el presidente, Luis Lacalle
    Pou,` (also after an opening clause: `Ese mismo día, el presidente del sindicato, X,`): from
    the last determiner before a `, name,` apposition."""
    match = re.search(r"([^,]*),([^,]+),\s*$", before)
    if match is None:
        return ""
    words = match.group(1).split()
    starts = [i for i, w in enumerate(words) if w.lower() in _DETERMINERS]
    if not starts:
        return ""
    return " ".join(words[starts[-1] :]) + "," + match.group(2) + ","


def before_verb(before: str) -> str:
    """The subject's words before a verb: after an opening clause (`En tanto, fuentes de X`)
    or inside commas (`Y, el presidente de Z,`), fillers at the end dropped (`X también`)."""
    if re.search(r",[^,]+,\s*$", before):
        head = before.split(",", 1)[0]
    else:
        head = before.rsplit(",", 1)[-1]
    words = head.split()
    # `Ousman Noor von "Stop Killer Robots" sagt:` (the name in marks is masked): the
    # organisation after `von` is the speaker's, and the fillers before the verb are no subject.
    while words and (
        words[-1].lower() in _FILLERS | CONJUNCTIONS
        or (len(words) > 1 and words[-1].lower() in OF_WORDS)
        or not any(c.isalnum() for c in words[-1])
    ):
        words.pop()
    return " ".join(words)
