"""The speech verbs of the languages with attribution rules of their own, as patterns: the verb
(`sagte`, `a déclaré`, `dit-il`), `according to` (`so`, `selon`, `según`) and the word that opens
a quoted clause (`dass`, `que`, `che`)."""

from __future__ import annotations

import re

from chronicle.text.lexicon import (
    ACCORDING_TO,
    COMPLEMENTISERS,
    FINITE_PARTICIPLES,
    PARTICIPLE_ENDINGS,
    SPEECH_AUXILIARIES,
    SPEECH_VERBS,
)

LANGUAGES = frozenset(SPEECH_VERBS)  # the languages with rules of their own


def alternatives(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


def verb_rx(lang: str) -> re.Pattern[str]:
    """The language's speech verbs; past participles only after their auxiliary (`a déclaré`),
    and French verbs also with an inverted pronoun (`dit-il`, `a-t-elle dit`)."""
    endings = PARTICIPLE_ENDINGS.get(lang, ())
    verbs = SPEECH_VERBS[lang]
    participles = [v for v in verbs if endings and v.endswith(endings)]
    plain = alternatives(v for v in verbs if v not in participles or v in FINITE_PARTICIPLES)
    alts = [rf"(?:{plain})(?:-t-(?:il|elle)|-(?:il|elle))?"]
    if lang in SPEECH_AUXILIARIES:
        aux = alternatives(SPEECH_AUXILIARIES[lang])
        alts.insert(0, rf"(?:{aux})\s+(?:{alternatives(participles)})")
    # `Comentó que …`, `Agregó:`: a sentence may open with the verb.
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])", re.IGNORECASE)


VERB_RX = {lang: verb_rx(lang) for lang in LANGUAGES}
MAX_WORDS_THAT_TO_QUOTE = 12  # `dijo que en la zona de Sierra de Ríos se ven “…”`
THAT_RX = {
    lang: re.compile(rf"(?<![\w-])(?:{alternatives(COMPLEMENTISERS[lang])})(?![\w-])")
    for lang in LANGUAGES
}


def last_that(prefix: str, lang: str) -> re.Match[str] | None:
    """The last `que`/`dass`/`che` before a quote, when the quote is at most a few words on
    and no sentence or clause ends between."""
    matches = list(THAT_RX[lang].finditer(prefix))
    if not matches:
        return None
    after = prefix[matches[-1].end() :]
    if len(after.split()) > MAX_WORDS_THAT_TO_QUOTE or any(c in after for c in ".!?;:"):
        return None
    return matches[-1]


# `Según informó la DGSA, …`, `Laut Polizei …` open a sentence too; German `So` there is
# mostly `thus`.
ACCORDING_RX = {
    lang: re.compile(
        rf"(?<![\w-])(?:{alternatives(w if w != 'so' else '(?-i:so)' for w in ACCORDING_TO[lang])})"
        r"(?![\w-])",
        re.IGNORECASE,
    )
    for lang in LANGUAGES
}
