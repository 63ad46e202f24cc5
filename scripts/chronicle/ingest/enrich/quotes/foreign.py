"""Attributions in German, French, Spanish and Portuguese.

After a quote these languages put the verb first (`„…“, sagte der Minister.`, `« … », a
déclaré Macron.`, `“…”, dijo el presidente.`); before one, a colon ends the attribution
(`Kohlmann sagte: „…“`). Used only for articles stored in that language, and a speaker must be a
name, a description (`der Minister`) or `er`/`il`/`elle` resolved to a person named just before:
German capitalises every noun, so a capitalised word alone is no name.
"""

from __future__ import annotations

import re

from chronicle.ingest.enrich.quotes.clauses import (
    PREPOSITIONS,
    adverbial,
    before_verb,
    dropped,
    last_clause,
)
from chronicle.ingest.enrich.quotes.context import Context, Speaker
from chronicle.ingest.enrich.quotes.name_run import name_run
from chronicle.ingest.enrich.quotes.refer import (
    is_named,
    opening_person,
    other_role,
    person_before,
    relative_antecedent,
)
from chronicle.ingest.enrich.quotes.spans import Span
from chronicle.ingest.enrich.quotes.speech import ACCORDING_RX as _ACCORDING_RX
from chronicle.ingest.enrich.quotes.speech import VERB_RX as _VERB_RX
from chronicle.ingest.enrich.quotes.speech import last_that
from chronicle.text.lexicon import (
    DETERMINERS,
    FILLERS,
    FUNCTION_WORDS,
    INDEFINITE_ARTICLES,
    NOT_NAMES,
    OF_WORDS,
    PERSONAL_PRONOUNS,
    PLURAL_ENDINGS,
    PRO_DROP,
    REPORTED_SPEECH_DE,
    ROLE_ENDINGS_DE,
    ROLE_NOUNS,
    SOURCE_NOUNS,
)
from chronicle.text.sentences import is_abbreviation_dot

# The rules below read the words of all four languages at once: `Sr.` or `Herr` before a name
# is a title in any of them.
_NOT_NAMES = frozenset().union(*NOT_NAMES.values())
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_FILLERS = frozenset().union(*FILLERS.values())
_DETERMINERS = frozenset().union(*DETERMINERS.values())
_PRONOUNS = frozenset().union(*PERSONAL_PRONOUNS.values())


MAX_WORDS_VERB_TO_THAT = 8  # `dijo a la diaria que`, `señaló en rueda de prensa que`


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
        return person_before(abs_start, ctx, off, first)
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
            elif (
                bare[:1].isupper()
                and (lang != "de" or (i >= 2 and phrase[-1][:1].isupper()))
                # `die Prokuristin des Hamburger Importeurs`: a genitive's name is the possessor
                and not (lang == "de" and any(w in ("des", "der") for w in phrase[1:]))
            ):
                name = name_run(words[i:])
                person = [m for m in mentions if m.entity.kind == "person"]
                if person:
                    return Speaker(person[0].surface, person[0].entity.name, None)
                if name and (" " in name or lang == "de" or phrase[-1].lower() in ROLE_NOUNS[lang]):
                    # `der Ökonom Peter Bofinger`, `o presidente Lula`
                    return Speaker(name, None, None)
            if lang == "de" and (
                # `der Minister am Montag`, `die 50-Jährige über die Schwierigkeiten`
                (bare[:1].islower() and phrase[-1][:1].isupper() and bare not in ("der", "des"))
                or bare in _FUNCTION_WORDS
                or bare == "gegenüber"
            ):
                break
            if lang != "de" and (
                bare.lower() in PREPOSITIONS or bare.lower() in FUNCTION_WORDS[lang]
            ):
                # `le commissaire à l’économie Pierre Moscovici`: the name after the role's
                # complement; `un ténor de la droite sur l’influence`: the description ends.
                name = next(
                    (
                        n
                        for k in range(i + 2, min(i + 4, len(words)))
                        if words[k - 1].lower() not in _FUNCTION_WORDS | PREPOSITIONS
                        and (n := name_run(words[k:]))
                    ),
                    None,
                )
                if name and " " in name:
                    return Speaker(name, None, None)
                break
            phrase.append(bare)
            if bare != word:
                break
        if whole and len(phrase) != len(words):
            return None
        if len(phrase) >= 2 and (lang != "de" or any(w[:1].isupper() for w in phrase[1:])):
            return _described(" ".join(phrase), abs_start, ctx, off)
        return None
    if len(words) >= 3 and first in SOURCE_NOUNS and words[1].lower() in OF_WORDS:
        name = name_run(words[2:])  # `fuentes de Montecon`
        if name and (not whole or len(name.split()) == len(words) - 2):
            return Speaker(" ".join([*words[:2], name]), None, None)
    at_start = [m for m in mentions if m.start == off + abs_start + lead]
    people = [m for m in mentions if m.entity.kind == "person"]
    name = name_run(words)
    if name is None:
        return None
    roles = 0  # `Bundeskanzler Olaf Scholz sagte`: the roles before the name
    while roles < len(words) - 1 and (
        words[roles] in _NOT_NAMES or words[roles].lower().endswith(ROLE_ENDINGS_DE)
    ):
        roles += 1
    if whole and len(name.split()) != len(words) - roles:
        return None
    person = [m for m in people if name.endswith(m.surface) or m.surface.endswith(name)]
    if person:
        return Speaker(person[0].surface, person[0].entity.name, None)
    org = [m for m in at_start if m.surface == name]
    if org:
        return Speaker(org[0].surface, org[0].entity.name, None)
    return Speaker(name, None, None)


def _described(phrase: str, abs_start: int, ctx: Context, off: int) -> Speaker:
    """`die Managerin`, `le chancelier`: someone named just before (in this paragraph or the
    last), when there is one; `un integrante del Poder Ejecutivo` introduces someone new."""
    if phrase.split()[1:2] and phrase.split()[1] in SOURCE_NOUNS:
        return Speaker(phrase, None, None)
    if phrase.split()[0].lower() not in INDEFINITE_ARTICLES and (
        ctx.paragraph_speaker is not None or ctx.masked[:abs_start].strip() or ctx.read
    ):
        found = person_before(abs_start, ctx, off)
        if found is not None and found.name and is_named(found.name):
            if other_role(phrase, found.name, ctx.text):
                return Speaker(phrase, None, None)  # `die Kanzlerin X` is not `der Präsident`
            return found  # not another description (`der Journalist` ≠ `der Gezeichnete`)
    return Speaker(phrase, None, None)


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
        found = person_before(start, ctx, off, _inverted(verb))
    else:
        found = (
            _apposition(subject)
            or _subject(subject, start, ctx, off, lang)
            or _after_phrase(subject)
        )
        if found is None and lang in PRO_DROP and dropped(subject, lang):
            found = _dropped_subject(span.open, ctx, off, verb)  # `“…”, lamentó.`: she lamented
        if found is None and subject.split()[:1] and subject.split()[0] in PERSONAL_PRONOUNS[lang]:
            # `„…“, sagte er der Süddeutschen Zeitung`: he, whom no one named before stands for;
            # what the words after him name is never the speaker.
            return Speaker(None, None, _verb_name(verb))
    return Speaker(found.name, found.entity, _verb_name(verb)) if found else None


def incise(paragraph: str, span: Span, ctx: Context, off: int, lang: str) -> Speaker | None:
    """`« La désinformation …, rappelle Ana Sofia Cardenal, professeure. Dans certains cas … »`:
    the attribution set inside the quotation marks, between commas."""
    start, end = span.text_range
    inside = paragraph[start:end]
    for match in _VERB_RX[lang].finditer(inside):
        if not inside[: match.start()].rstrip().endswith(","):
            continue
        subject = inside[match.end() :]
        if re.search(r"-(?:il|elle)$", match.group(0)):  # `« …, écrit-elle. … »`
            found = person_before(span.open, ctx, off, _inverted(match.group(0)))
        else:
            found = _subject(subject, start + match.end(), ctx, off, lang)
        if found is not None and found.name and is_named(found.name):
            return Speaker(found.name, found.entity, _verb_name(match.group(0)))
    return None


def _inverted(verb: str) -> str | None:
    """`écrit-elle` → `elle`, `a-t-il dit` → `il`."""
    match = re.search(r"-(il|elle)\b", verb)
    return match.group(1) if match else None


def _verb_name(verb: str) -> str:
    """`a-t-il dit` → `a dit`, `dit-elle` → `dit`, `a déclaré` as it is."""
    return " ".join(re.sub(r"-(?:t-)?(?:il|elle)$", "", w) for w in verb.split())


def _apposition(text: str) -> Speaker | None:
    """`le directeur général du Conseil, Norman Sabourin`, `el presidente, Luis Lacalle Pou,`:
    a description and then, between commas, the name."""
    parts = text.split(",")
    if len(parts) < 2 or not parts[0].split() or parts[0].split()[0].lower() not in _DETERMINERS:
        return None
    name = name_run(parts[1].split())
    if name and " " in name and len(name.split()) == len(parts[1].split()):
        return Speaker(name, None, None)
    return None


def _after_phrase(subject: str) -> Speaker | None:
    """`erklärt auf Nachfrage Martin Rölen`, `sagte im Interview Anna Berg`: a full name after a
    preposition and its noun."""
    words = re.split(r"[,;:()—–]", subject, maxsplit=1)[0].split()
    if len(words) < 4 or words[0].lower() not in _FUNCTION_WORDS or words[0][:1].isupper():
        return None
    if words[0] in _PRONOUNS:
        return None  # `sagte er der Süddeutschen Zeitung`: whom he told, not who spoke
    name = name_run(words[2:])
    return Speaker(name, None, None) if name and " " in name else None


def _dropped_subject(abs_start: int, ctx: Context, off: int, verb: str) -> Speaker | None:
    """Who a verb with no subject has: the person named just before, else (no one named in this
    paragraph or the last) the last person who spoke, still the story's subject
    (`Bustos asegura …` ¶ `Señaló que …` ¶ `“…”, dijo a la red Erbol.`). A plural verb
    (`indicaron`) has several people or an organisation for subject: no one is guessed."""
    if any(word.endswith(PLURAL_ENDINGS) for word in verb.lower().split()):
        return None
    found = person_before(abs_start, ctx, off)
    if found is None and ctx.speakers:
        return Speaker(ctx.speakers[-1], None, None)
    return found


def _according_first(prefix: str, start: int, ctx: Context, off: int, lang: str) -> Speaker | None:
    """`Según informó la DGSA a la diaria, se constató “…”`, `Según entiende, “…”` (she
    understands): an opening `according to` clause names the speaker, or drops a known one."""
    match = _ACCORDING_RX[lang].match(prefix)
    if match is not None and "," not in prefix[match.end() :] and match.group(0).endswith("von"):
        # `Nach Ansicht von Tom Reiter ist das „…“`: German sets no comma; the full name after it
        name = name_run(prefix[match.end() :].split())
        return Speaker(name, None, match.group(0)) if name and " " in name else None
    if match is None or "," not in prefix[match.end() :]:
        return None
    clause = prefix[match.end() :].split(",", 1)[0]
    verb = _VERB_RX[lang].match(clause.strip())
    subject = clause.strip()[verb.end() :] if verb else clause
    found = _subject(subject, start + match.end(), ctx, off, lang)
    if found is None and lang in PRO_DROP and dropped(subject, lang):
        found = _dropped_subject(start, ctx, off, verb.group(0) if verb else match.group(0))
    return Speaker(found.name, found.entity, match.group(0)) if found else None


_AS_SAID = re.compile(r"\s*(?:Wie|Comme|Como|Come)\s+([^,]+?)\s+(\S+)\s*,")


def _as_said(prefix: str, start: int, ctx: Context, off: int, lang: str) -> Speaker | None:
    """`Wie Sprecher Stefan Gobbin erklärte, wollte sich die Stadt …: „…“`, `Como dijo X, …`:
    an opening `as X said` clause names the speaker of the sentence's quote."""
    match = _AS_SAID.match(prefix)
    if match is None or not _VERB_RX[lang].fullmatch(match.group(2)):
        return None
    found = _subject(match.group(1), start + match.start(1), ctx, off, lang)
    if found is None or not found.name or not is_named(found.name):
        return None
    return Speaker(found.name, found.entity, match.group(2))


def _said_comma(prefix: str) -> int | None:
    """Where the comma after a German speech verb stands when the reported clause after it, in
    reported speech, runs a few words on to the quote (`Brandt sagte am Montag, der Plan sei
    „…“`; not `Elder fand in X, auch bekannt als „…“`)."""
    for match in reversed(list(re.finditer(r",", prefix))):
        head, rest = prefix[: match.start()], prefix[match.end() :]
        if len(rest.split()) > MAX_WORDS_VERB_TO_THAT or any(c in rest for c in ".!?;:"):
            return None
        if not any(w in REPORTED_SPEECH_DE for w in rest.split()):
            continue
        verbs = list(_VERB_RX["de"].finditer(head))
        if verbs and len(head[verbs[-1].end() :].split()) <= 3:
            return match.start()
    return None


def preceding(
    masked: str, span: Span, sentence: tuple[int, int], ctx: Context, off: int, lang: str
) -> Speaker | None:
    """`Kohlmann sagte: „…“`, `Dazu sagte der Minister: „…“`, `Macron a déclaré : « … »`,
    `Magallanes sostuvo que “…”`, `Al respecto, señaló: “…”` (she said)."""
    prefix = masked[sentence[0] : span.open].rstrip()
    said = _as_said(prefix, sentence[0], ctx, off, lang)
    if said is not None:
        return said
    that = last_that(prefix, lang)
    if prefix.endswith(",") and _VERB_RX[lang].fullmatch(prefix[:-1].split()[-1]):
        prefix = prefix[:-1].rstrip() + ":"  # `Il ajoute, « … »`: as after a colon
    if prefix.endswith(":"):
        prefix = prefix[:-1].rstrip()
    elif that is not None:
        prefix = prefix[: that.start()].rstrip(" ,")
    elif lang == "de" and (comma := _said_comma(prefix)) is not None:
        prefix = prefix[:comma]  # `Brandt sagte, der Plan sei „…“`: a `dass` left out
    else:
        return _according_first(prefix, sentence[0], ctx, off, lang)
    verbs = list(_VERB_RX[lang].finditer(prefix))
    if not verbs:  # `Jansen weiß: „…“`, else `Según X, el plan es un error: “…”`
        person = opening_person(prefix, ctx) if that is None else None
        return person or _according_first(prefix, sentence[0], ctx, off, lang)
    verb = verbs[-1]
    after = prefix[verb.end() :]
    if that is not None and len(after.split()) > MAX_WORDS_VERB_TO_THAT:
        return None
    name = _verb_name(verb.group(0))
    if re.search(r"-(?:il|elle)\b", verb.group(0)):
        pronoun = _inverted(verb.group(0))
        found = None if after.strip() else person_before(sentence[0], ctx, off, pronoun)
        return Speaker(found.name, found.entity, name) if found else None
    found = None
    if after.strip():
        found = _subject(after, sentence[0] + verb.end(), ctx, off, lang, whole=True)
    if found is None:
        found = relative_antecedent(prefix[: verb.start()])
    if found is None:  # `A esto se suma que el presidente, Luis Lacalle Pou, expresó que`
        found = _apposition(last_clause(prefix[: verb.start()]))
    if found is None:  # `Katrin Göring-Eckardt sagte den Zeitungen:`
        head = before_verb(prefix[: verb.start()])
        found = _subject(head, sentence[0], ctx, off, lang, whole=True) if head else None
        if found is None and lang in PRO_DROP and adverbial(head, lang):
            found = _dropped_subject(sentence[0], ctx, off, name)  # `En aquel momento afirmó que`
    return Speaker(found.name, found.entity, name) if found else None
