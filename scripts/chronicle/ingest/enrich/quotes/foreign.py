"""Attributions in German, French, Spanish and Portuguese.

After a quote these languages put the verb first (`„…“, sagte der Minister.`, `« … », a
déclaré Macron.`, `“…”, dijo el presidente.`); before one, a colon ends the attribution
(`Kohlmann sagte: „…“`). Used only for articles stored in that language, and a speaker must be a
name, a description (`der Minister`) or `er`/`il`/`elle` resolved to a person named just before:
German capitalises every noun, so a capitalised word alone is no name.
"""

from __future__ import annotations

import re

from chronicle.ingest.enrich.quotes.context import Context, Speaker
from chronicle.ingest.enrich.quotes.people import POSSESSIVE, names_in
from chronicle.ingest.enrich.quotes.spans import Span
from chronicle.text.lexicon import (
    ACCORDING_TO,
    DETERMINERS,
    FILLERS,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_NAMES_EN,
    OF_WORDS,
    PARTICIPLE_ENDINGS,
    PERSONAL_PRONOUNS,
    ROLE_ENDINGS_DE,
    SPEECH_AUXILIARIES,
    SPEECH_VERBS,
)
from chronicle.text.names import is_name
from chronicle.text.sentences import is_abbreviation_dot

LANGUAGES = frozenset(SPEECH_VERBS)  # the languages with rules here
# The rules below read the words of all four languages at once: `Sr.` or `Herr` before a name
# is a title in any of them.
_NOT_NAMES = frozenset().union(*NOT_NAMES.values())
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_FILLERS = frozenset().union(*FILLERS.values())


def _alternatives(words: object) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


def _verb_rx(lang: str) -> re.Pattern[str]:
    """The language's speech verbs; past participles only after their auxiliary (`a déclaré`),
    and French verbs also with an inverted pronoun (`dit-il`, `a-t-elle dit`)."""
    endings = PARTICIPLE_ENDINGS.get(lang, ())
    verbs = SPEECH_VERBS[lang]
    participles = [v for v in verbs if endings and v.endswith(endings)]
    plain = _alternatives(v for v in verbs if v not in participles or v == "dit")
    alts = [rf"(?:{plain})(?:-t-(?:il|elle)|-(?:il|elle))?"]
    if lang in SPEECH_AUXILIARIES:
        aux = _alternatives(SPEECH_AUXILIARIES[lang])
        alts.insert(0, rf"(?:{aux})\s+(?:{_alternatives(participles)})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


_VERB_RX = {lang: _verb_rx(lang) for lang in LANGUAGES}
_ACCORDING_RX = {
    lang: re.compile(rf"(?<![\w-])(?:{_alternatives(ACCORDING_TO[lang])})(?![\w-])")
    for lang in LANGUAGES
}


def _name_run(words: list[str]) -> str | None:
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
        if is_name(bare) or (
            run and bare in NAME_PARTICLES and i + 1 < len(words) and words[i + 1][:1].isupper()
        ):
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


def _subject(
    text: str, abs_start: int, ctx: Context, off: int, lang: str, whole: bool = False
) -> Speaker | None:
    """The speaker named by `text` (what follows an inverted verb, or precedes a verb with
    `whole`, when it must be all of it): a registry person or organisation, a name, a
    description (`der Minister`, `el presidente Pedro Sánchez` → the name) or a pronoun."""
    cut = re.split(r"[,;:()—–]", text, maxsplit=1)[0] if not whole else text.strip(" ,")
    words = cut.split()
    skip = 0
    while skip < len(words) - 1 and skip < 3 and words[skip].lower() in _FILLERS:
        skip += 1
    words = words[skip:]
    if not words:
        return None
    first = words[0].lower()
    lead = cut.find(words[0]) if skip else len(cut) - len(cut.lstrip())
    if first in PERSONAL_PRONOUNS[lang] and (not whole or len(words) == 1):
        return _pronoun(abs_start, ctx, off)
    span_end = abs_start + len(cut)
    mentions = [
        m
        for m in ctx.mentions_in(off + abs_start + lead, off + span_end)
        if m.entity.kind in ("person", "organisation")
    ]
    if first in DETERMINERS[lang] or words[0].startswith(("l’", "l'")):
        phrase = [words[0]]
        for i, word in enumerate(words[1:6], 1):
            bare = word.rstrip(",.;")
            if not any(c.isalpha() for c in bare) or bare.lower() in _FILLERS:
                break
            if phrase[-1].lower() in OF_WORDS:
                pass  # `un integrante del Poder Ejecutivo`: the name is the described's
            elif bare[:1].isupper() and (lang != "de" or (i >= 2 and phrase[-1][:1].isupper())):
                name = _name_run(words[i:])
                person = [m for m in mentions if m.entity.kind == "person"]
                if person:
                    return Speaker(person[0].surface, person[0].entity.name, None)
                if name and (" " in name or lang == "de"):
                    return Speaker(name, None, None)  # `der Ökonom Peter Bofinger`
            if lang == "de" and (
                # `der Minister am Montag`, `die 50-Jährige über die Schwierigkeiten`
                (bare[:1].islower() and phrase[-1][:1].isupper() and bare not in ("der", "des"))
                or bare in _FUNCTION_WORDS
                or bare == "gegenüber"
            ):
                break
            if lang != "de" and bare.lower() in (
                "à",
                "au",
                "en",
                "a",
                "ao",
                "em",
                "no",
                "na",
                "ante",
            ):
                break
            phrase.append(bare)
            if bare != word:
                break
        if whole and len(phrase) != len(words):
            return None
        if len(phrase) >= 2 and (lang != "de" or any(w[:1].isupper() for w in phrase[1:])):
            return Speaker(" ".join(phrase), None, None)
        return None
    at_start = [m for m in mentions if m.start == off + abs_start + lead]
    people = [m for m in mentions if m.entity.kind == "person"]
    name = _name_run(words)
    if name is None:
        return None
    if whole and len(name.split()) != len(words):
        return None
    person = [m for m in people if name.endswith(m.surface) or m.surface.endswith(name)]
    if person:
        return Speaker(person[0].surface, person[0].entity.name, None)
    org = [m for m in at_start if m.surface == name]
    if org:
        return Speaker(org[0].surface, org[0].entity.name, None)
    return Speaker(name, None, None)


def _pronoun(abs_start: int, ctx: Context, off: int) -> Speaker | None:
    """`er`, `il`, `elle`: the person who spoke last in this paragraph, else a person named
    before in it: a registry person, or a full name of two or three capitalised words that opens
    a sentence (`Meinhard Schroeder (76) hat …`; not `nach Intervention Cavallos`)."""
    if ctx.paragraph_speaker is not None:
        return ctx.paragraph_speaker
    person = ctx.last_before(off + abs_start, "person")
    named = []
    for name, start, _end in names_in(ctx.masked[:abs_start]):
        if ". " in name:  # `Biyon. Oliver Pocher`: a sentence ended inside
            cut = name.rindex(". ") + 2
            name, start = name[cut:], start + cut
        words = name.split()
        opens = not ctx.masked[:start].strip() or ctx.masked[:start].rstrip()[-1] in '.!?:“”«»"'
        if (
            opens
            and 2 <= len(words) <= 3
            and not any(
                w in _NOT_NAMES
                or not w[:1].isupper()
                or _is_determiner(w)
                or w.lower() in _FUNCTION_WORDS
                or w.lower().endswith(ROLE_ENDINGS_DE)
                for w in words
            )
        ):
            named.append((name, start))
    if named and (person is None or off + named[-1][1] > person.start):
        return Speaker(named[-1][0], None, None)
    if person is not None and person.start >= off:
        return Speaker(person.surface, person.entity.name, None)
    return None


def _is_determiner(word: str) -> bool:
    return any(word.lower() in words for words in DETERMINERS.values())


def trailing(
    paragraph: str, masked: str, span: Span, ctx: Context, off: int, lang: str
) -> Speaker | None:
    """`„…“, sagte der Minister.`, `« … », a déclaré Macron.`, `“…”, so der CEO.`"""
    if span.close >= len(paragraph):
        return None
    text = masked[span.close + 1 :]
    cut = len(text)
    for stop in ("“", "„", '"', "«", "»", "‹", ";", "."):
        pos = text.find(stop)
        if 0 <= pos < cut and not (stop == "." and is_abbreviation_dot(text, pos)):
            cut = pos
    clause = text[:cut]
    stripped = clause.lstrip(" ,—–")
    lead = len(clause) - len(stripped)
    last_inside = paragraph[span.close - 1] if span.close > span.open + 1 else ""
    if "," not in clause[:lead] and last_inside not in ",?!.…":
        return None  # `als „ungeeignet“ bezeichnet`: the writer's sentence goes on
    match = _ACCORDING_RX[lang].match(stripped) or _VERB_RX[lang].match(stripped)
    if match is None:
        return None
    verb = match.group(0)
    start = span.close + 1 + lead + match.end()
    subject = stripped[match.end() :]
    if re.search(r"-(?:il|elle)\b", verb):
        found = _pronoun(start, ctx, off)
    else:
        found = _subject(subject, start, ctx, off, lang)
    return Speaker(found.name, found.entity, _verb_name(verb)) if found else None


def _verb_name(verb: str) -> str:
    """`a-t-il dit` → `a dit`, `dit-elle` → `dit`, `a déclaré` as it is."""
    return " ".join(re.sub(r"-(?:t-)?(?:il|elle)$", "", w) for w in verb.split())


def preceding(
    masked: str, span: Span, sentence: tuple[int, int], ctx: Context, off: int, lang: str
) -> Speaker | None:
    """`Kohlmann sagte: „…“`, `Dazu sagte der Minister: „…“`, `Macron a déclaré : « … »`."""
    prefix = masked[sentence[0] : span.open].rstrip()
    if not prefix.endswith(":"):
        return None
    prefix = prefix[:-1].rstrip()
    verbs = list(_VERB_RX[lang].finditer(prefix))
    if not verbs:
        return None
    verb = verbs[-1]
    after = prefix[verb.end() :]
    name = _verb_name(verb.group(0))
    if re.search(r"-(?:il|elle)\b", verb.group(0)):
        found = None if after.strip() else _pronoun(sentence[0], ctx, off)
        return Speaker(found.name, found.entity, name) if found else None
    found = None
    if after.strip():
        found = _subject(after, sentence[0] + verb.end(), ctx, off, lang, whole=True)
    if found is None:  # `Katrin Göring-Eckardt sagte den Zeitungen:`
        before = prefix[: verb.start()]
        head = before.split(",", 1)[0] if re.search(r",[^,]+,\s*$", before) else before
        found = _subject(head, sentence[0], ctx, off, lang, whole=True)
    return Speaker(found.name, found.entity, name) if found else None
