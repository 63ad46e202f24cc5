"""Who a quote's speaker refers back to when the attribution names no one: a pronoun (`er`,
`il`, `elle`), a dropped subject (`“…”, lamentó.`) or a description of someone named before
(`die Managerin`, `le chancelier`).

The person who spoke last in this paragraph, else the person named last before the quote in it,
else the one named last in the previous paragraph; no one further back (the article's last
speaker is as often someone else: `Zum Glück klopft da Renato an. „…“, sagt er.`). A person
is named by a registry mention; a full name opening a sentence (`Meinhard Schroeder (76) hat`),
set off by commas (`…, Christine Lagarde, directrice du FMI,`) or before a speech verb
(`Magallanes indicó`, a surname of a full name read before); a name after a role (`le juge
Bocock`); or the surname of someone who spoke or was named in full before. German capitalises
every noun, so there a full name must come up twice in the article, be given an age (`Meinhard
Schroeder (76)`) or stand next to a speech verb: `Ähnliche Probleme bereitet …` names no one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from chronicle.archive.model import Quote
from chronicle.ingest.enrich.quotes.context import Context, Speaker
from chronicle.ingest.enrich.quotes.people import names_in
from chronicle.ingest.enrich.quotes.speech import VERB_RX
from chronicle.text.lexicon import (
    CONJUNCTIONS,
    DETERMINERS,
    FUNCTION_WORDS,
    HEAD_ROLES,
    NOT_NAMES,
    ORGANISATION_WORDS_EN,
    PRONOUN_GENDERS,
    RELATIVE_PRONOUNS,
    ROLE_ENDINGS_DE,
    ROLE_NOUNS,
    TITLES_DE,
)

_NOT_NAMES = frozenset().union(*NOT_NAMES.values())
_FUNCTION_WORDS = frozenset().union(*FUNCTION_WORDS.values())
_DETERMINERS = frozenset().union(*DETERMINERS.values())
_ROLES = sorted(frozenset().union(*ROLE_NOUNS.values()) | _NOT_NAMES, key=len, reverse=True)
_ROLE_SET = frozenset(_ROLES)
_CAPITALISED = r"[A-ZÀ-ÖØ-Þ][\w’'-]+"
# `le juge Bocock`, `le juge en chef Rossiter`, `Pastor Albrecht Martins`: the name after a role.
_TITLED = re.compile(
    rf"(?<![\w-])(?:{'|'.join(re.escape(r) for r in _ROLES)})\s+({_CAPITALISED}"
    rf"(?:\s+{_CAPITALISED})?)(?![\w-])"
)
_RELATIVE = re.compile(rf",\s*(?:{'|'.join(sorted(RELATIVE_PRONOUNS))})\s*$")


def is_named(speaker: str) -> bool:
    """A name (`Diess`, `Eliane Steinmeyer`), not a description (`die Managerin`)."""
    first = speaker.split()[0]
    return first[:1].isupper() and first.lower() not in _DETERMINERS | _FUNCTION_WORDS


def _plain_name(words: list[str]) -> bool:
    """Two or three capitalised words, none a role, title, determiner or function word."""
    return 2 <= len(words) <= 3 and not any(
        w in _NOT_NAMES
        or not w[:1].isupper()
        or w.lower() in _DETERMINERS
        or w.lower() in _FUNCTION_WORDS
        or w.lower().endswith(ROLE_ENDINGS_DE)
        for w in words
    )


def _is_role(word: str) -> bool:
    bare = word.rstrip(",.")
    return bare in _ROLE_SET or bare.lower().endswith(ROLE_ENDINGS_DE)


def _leading_word(word: str) -> bool:
    """`Ahora` (`Ahora Bustos asegura`), `Der`, `L’ingénieur`: a word opening a sentence before
    a name, no part of it."""
    return word.lower() in _FUNCTION_WORDS | _DETERMINERS or (
        re.match(r"[LlDd][’']\w", word) is not None and word[2:3].islower()
    )


def _without_role(words: list[str]) -> list[str]:
    """A name's words without the words before it that are no part of it: `Der Bürgermeister
    Jan Albers`, `VW-Chef Herbert Diess`, `L’ingénieur Marc Dubreuil` → the name."""
    while len(words) > 1 and _leading_word(words[0]):
        words = words[1:]
    while len(words) > 1 and _is_role(words[0]):
        words = words[1:]
    return words


def _inflected(before: str) -> bool:
    """Whether the German word before a capitalised run is a preposition or an inflected
    adjective or article (`mehreren`, `einem`, `vor`): the run is then nouns, not a person."""
    words = before.split()
    if not words or not words[-1][:1].islower():
        return False
    last = words[-1].lower()
    return last in FUNCTION_WORDS["de"] or last.endswith(("en", "em", "er", "es"))


def _people(text: str, ctx: Context) -> list[tuple[int, str]]:
    """(where, name) of every person `text` names, as the module's docstring says."""
    lang = ctx.language
    known = {name.split()[-1]: name for name in ctx.speakers}
    verbs = VERB_RX.get(lang) if lang else None
    out: list[tuple[int, str]] = []
    for name, start, end in names_in(text):
        if ". " in name:  # `Biyon. Oliver Pocher`: a sentence ended inside
            cut = name.rindex(". ") + 2
            name, start = name[cut:], start + cut
        words = name.split()
        kept = _without_role(words)
        stripped = words[: len(words) - len(kept)]  # `Ahora`, or a role: `VW-Chef`
        titled = any(w.lower() not in _FUNCTION_WORDS | _DETERMINERS for w in stripped)
        start += len(name) - len(" ".join(kept))
        words = kept
        words[-1] = words[-1].rstrip(".,;:")  # `ergänzt Eliane Koch.`: the sentence's full stop
        name = " ".join(words)
        before = text[:start].rstrip()
        after = text[end:].lstrip(" ,")
        tail = before[-40:]  # `ergänzt Eliane Steinmeyer`: the verb just before the name
        speaks = verbs is not None and (
            verbs.match(after) is not None
            or any(m.end() == len(tail) for m in verbs.finditer(tail))
        )
        if text[end : end + 1] in '”»«“"':
            continue  # `«Mario Kart»`: a title
        if lang == "de" and not titled and _inflected(before):
            continue  # `Vor mehreren Zehntausend Zuhörern`: nouns after an adjective
        if len(words) == 1:
            # `Magallanes indicó` (a surname read before), `Co-Redaktionsleiter Gabriel`
            if (speaks and words[0] in ctx.surnames()) or (titled and words[0] not in _NOT_NAMES):
                out.append((start, known.get(words[0], words[0])))
            continue
        if not _plain_name(words) or words[-1].lower() in ORGANISATION_WORDS_EN:
            continue  # `Harvard University` is no one a pronoun stands for
        opens = not before or before[-1] in '.!?:“”«»"'
        set_off = before.endswith(",") and text[end:].startswith(",") and lang != "de"
        aged = re.match(r"\s*\(\d", text[end:]) is not None  # `Meinhard Schroeder (76)`
        if (titled or opens or set_off or speaks) and (
            titled or aged or speaks or lang != "de" or ctx.text.count(name) >= 2
        ):
            out.append((start, name))
    for match in _TITLED.finditer(text):
        words = match.group(1).split()
        if not any(w.lower() in _FUNCTION_WORDS or w in _NOT_NAMES for w in words):
            out.append((match.start(1), known.get(words[-1], match.group(1))))
    for surname, name in known.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            out.append((match.start(), name))
    return out


def opening_person(prefix: str, ctx: Context) -> Speaker | None:
    """`Diess: „…“`, `Jansen weiß: „…“`: a sentence before a colon that opens with someone who
    spoke before, or the surname of a full name read before; else the first person it names."""
    match = re.match(rf"\s*({_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})(?![\w-])", prefix)
    if match is None:
        return None
    name = match.group(1)
    known = {speaker.split()[-1]: speaker for speaker in ctx.speakers}
    last = name.split()[-1]
    if last in known:
        return Speaker(known[last], None, None)
    if last in ctx.surnames() and (" " not in name or _plain_name(name.split())):
        return Speaker(name, None, None)
    if (
        ctx.language not in (None, "de")  # German capitalises every noun: `Fazit: „…“`
        and prefix.strip(" -–—•:") == name
        and not any(w in _NOT_NAMES or w.lower() in _FUNCTION_WORDS for w in name.split())
    ):
        return Speaker(name, None, None)  # a headline: `Larroque: “…”`
    # `Lundi 6 mai, Sebastian Kurz, le chancelier autrichien, n’a pas hésité … : « … »`: the
    # person the sentence names first is its subject.
    people = _people(prefix, ctx)
    return Speaker(min(people)[1], None, None) if people else None


def person_here(abs_start: int, ctx: Context) -> Speaker | None:
    """`… ergänzt Eliane Steinmeyer. „Die Preise …“`: a quote standing alone after a sentence
    of this paragraph that names a person speaks for the person named last before it."""
    here = _people(ctx.masked[:abs_start], ctx)
    return Speaker(max(here)[1], None, None) if here else None


def reported_before(ctx: Context) -> Speaker | None:
    """`Le juge Bocock ajoute qu’il …` ¶ `« Bien que je … »`: a paragraph that is one quote
    and nothing else goes on with the person the previous paragraph's last sentence reports."""
    if not ctx.read or ctx.language not in VERB_RX:
        return None
    previous = ctx.read[-1].rstrip()
    last = re.split(r"(?<=[.!?])\s+", previous)[-1]
    if VERB_RX[ctx.language].search(last) is None:
        return None
    people = _people(last, ctx)
    return Speaker(max(people)[1], None, None) if people else None


def relative_antecedent(before_verb: str) -> Speaker | None:
    """`… a Yurramendi, quien señaló que`: the name the relative pronoun stands for."""
    match = _RELATIVE.search(before_verb)
    if match is None:
        return None
    head = before_verb[: match.start()].rstrip()
    names = [name for name, _start, end in names_in(head) if end == len(head)]
    if not names:
        # `al intendente, José Yurramendi, para saber su opinión, quien`: `quien` is a person,
        # the last one set off by commas.
        names = [
            name
            for name, start, end in names_in(head)
            if head[end : end + 1] == ","
            and head[:start].rstrip().endswith(",")
            and _plain_name(name.split())
        ]
    return Speaker(names[-1], None, None) if names else None


def person_before(
    abs_start: int, ctx: Context, off: int, pronoun: str | None = None
) -> Speaker | None:
    """The person a pronoun, dropped subject or description at `abs_start` (in the current
    paragraph) most likely refers to; None when no one was named in it or the last. A gendered
    `pronoun` (`il` after `écrit-elle`) never stands for someone the other one stood for."""
    return agrees(_person_before(abs_start, ctx, off), pronoun, ctx)


def agrees(found: Speaker | None, pronoun: str | None, ctx: Context) -> Speaker | None:
    """`found`, unless a pronoun of the other gender stood for it before (then no one: an
    unattributed quote beats a wrong one); a gendered pronoun's gender is kept for it."""
    gender = PRONOUN_GENDERS.get((pronoun or "").lower())
    if found is None or found.name is None or gender is None:
        return found
    if ctx.genders.setdefault(found.name, gender) != gender:
        return None
    return found


def _person_before(abs_start: int, ctx: Context, off: int) -> Speaker | None:
    if ctx.paragraph_speaker is not None:
        return ctx.paragraph_speaker
    person = ctx.last_before(off + abs_start, "person")
    here = _people(ctx.masked[:abs_start], ctx)
    if (
        person is not None
        and person.start >= off
        and (not here or person.start > off + max(here)[0])
    ):
        return Speaker(person.surface, person.entity.name, None)
    if here:
        return Speaker(max(here)[1], None, None)
    # A German first name alone (`Co-Redaktionsleiter Gabriel`) is too weak a trace across
    # paragraphs: the next may be about someone no rule tells is a person (`Da klopft Renato`).
    previous = _people(ctx.read[-1], ctx) if ctx.read else []
    if ctx.language == "de":
        previous = [p for p in previous if " " in p[1]]
    if previous:
        return Speaker(max(previous)[1], None, None)
    return None


def one_name_per_person(quotes: list[Quote], text: str) -> list[Quote]:
    """`Burke` and `John Burke` in one article are one speaker: a speaker named by a surname
    alone takes the full name the article gives it (another speaker's, or a plain full name in
    the text), when only one full name ends with that surname; a speaker of two words takes a
    longer speaker's name that ends with them (`Black Elk` → `Linda Black Elk`)."""
    if not any(q.speaker and len(q.speaker.split()) < 3 and q.entity is None for q in quotes):
        return quotes  # most articles: reading all their names would cost more than the quotes
    spoken = {q.speaker for q in quotes if q.speaker and " " in q.speaker and is_named(q.speaker)}
    written = set(spoken)
    single = {q.speaker for q in quotes if q.speaker and " " not in q.speaker and not q.entity}
    for paragraph in text.split("\n\n"):
        if any(surname in paragraph for surname in single):  # reading names costs; most lack it
            found = names_in(paragraph)
            trimmed = (" ".join(_without_role(n.split())) for n, _s, _e in found)
            written |= {n for n in trimmed if _plain_name(n.split()) and is_named(n)}
    out = []
    for quote in quotes:
        name = quote.speaker or ""
        pool = written if " " not in name else spoken
        longer = {n for n in pool if n.endswith(" " + name)}
        if quote.entity is None and is_named(name or "-") and len(longer) == 1:
            quote = replace(quote, speaker=longer.pop())
        out.append(quote)
    return out


MAX_TITLE_WORDS = 6
_QUOTED = re.compile(r"[“«„\"‘]([^”»“\"’«]{2,80})[”»“\"’]")


def no_titles(quotes: list[Quote], text: str) -> list[Quote]:
    """`“…,” La La Land said`: a name the article prints in quotation marks elsewhere (`the
    film “La La Land”`) is a title of a work, not a speaker; the quote is left unattributed."""
    named = {q.speaker for q in quotes if q.speaker and q.entity is None}
    if not named:
        return quotes
    titles = {
        m.group(1).strip(" ,.")
        for m in _QUOTED.finditer(text)
        if len(m.group(1).split()) <= MAX_TITLE_WORDS and m.group(1).strip()[:1].isupper()
    }
    if not named & titles:
        return quotes
    return [
        replace(q, speaker=None, verb=None) if q.speaker in titles and q.entity is None else q
        for q in quotes
    ]


# `said the actress authoritatively`: a manner adverb after the speaker is no part of it.
_ADVERB = re.compile(
    r"(?:\s+[a-z]+(?:ively|ously|fully|ately|edly|ingly|lessly|ently|antly|ically))+$"
)


def settle(speaker: Speaker) -> Speaker:
    """A found speaker as a reader would name it: a manner adverb after it and an honorific
    before it dropped. (Measured:
    replacing a role alone, `the actress`, by the person named just before, or by no one, lost
    more right speakers than wrong ones.)"""
    if speaker.name is None or speaker.entity is not None:
        return speaker
    name = _ADVERB.sub("", speaker.name)
    words = name.split()
    if len(words) > 1 and words[0] in _NOT_NAMES:
        name = " ".join(words[1:])  # `Mme Cardenal`: the name, which a full one may then replace
    return replace(speaker, name=name) if name != speaker.name else speaker


def stands_alone(prefix: str) -> bool:
    """Whether a quote opens its sentence, or follows only a connective (`Aber: „…“`,
    `Denn: „…“`)."""
    words = prefix.replace(":", " ").split()
    return len(words) <= 1 and all(w.lower() in _FUNCTION_WORDS | CONJUNCTIONS for w in words)


_KNOWN_ROLES = frozenset(w.lower() for w in frozenset().union(*ROLE_NOUNS.values()) | TITLES_DE)


def _role_kind(word: str) -> str | None:
    """`Konzernchef` → `chef`, `Kanzlerin` → `kanzlerin`: the known role a word names (its
    gender kept), or None for any other noun (`Politiker`, `50-Jährige`)."""
    bare = word.lower().strip(",.;:")
    ending = max((e for e in ROLE_ENDINGS_DE if bare.endswith(e)), key=len, default=None)
    return ending or (bare if bare in _KNOWN_ROLES else None)


def other_role(description: str, name: str, text: str) -> bool:
    """Whether the article gives `name` a role that is not the one `description` names: `die
    Kanzlerin Angela Merkel` is not `der Präsident`, nor `la maire Anne Dupont` `le ministre`
    (one role is another's only by its ending: `der Chef` is `Konzernchef X`)."""
    described = _role_kind(description.split()[-1])
    if described is None:
        return False
    given = {
        kind
        for m in re.finditer(rf"([\w-]+)\s+{re.escape(name)}(?![\w-])", text)
        if (kind := _role_kind(m.group(1)))
    }
    return bool(given) and not any(_same_role(kind, described) for kind in given)


def _same_role(one: str, other: str) -> bool:
    if one in HEAD_ROLES and other in HEAD_ROLES:
        gendered = [w.endswith("in") for w in (one, other) if w.endswith(("in", "er", "or"))]
        return len(set(gendered)) < 2
    return one.endswith(other) or other.endswith(one)
