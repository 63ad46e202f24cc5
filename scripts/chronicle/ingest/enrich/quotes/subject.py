"""Who an English attribution names: the subject before a speech verb or the object after it.

A speaker must look like a name or a described person: registry mentions first (a person before
an organisation before a place), else a capitalised name, a description (`the source`) or a
pronoun resolved to the last person or organisation named before.
"""

from __future__ import annotations

import re

from chronicle.ingest.enrich.entities import Mention
from chronicle.ingest.enrich.quotes.context import Context, Speaker
from chronicle.ingest.enrich.quotes.people import (
    POSSESSIVE,
    POSSESSOR,
    described_speaker,
    may_be_person,
    names_in,
    not_a_name_word,
    organisation_like,
    organisation_word,
    stands_for_someone,
    surnames,
)
from chronicle.ingest.enrich.quotes.refer import agrees
from chronicle.text.lexicon import (
    CLAUSE_OPENERS_EN,
    DETERMINERS_EN,
    FILLERS_EN,
    NOT_NAMES_EN,
    PREPOSITIONS_EN,
    PRONOUN_KINDS_EN,
    REFLEXIVES_EN,
    RELATIVES_EN,
    SPEECH_VERBS_EN,
    STOP_AFTER_DESCRIPTION_EN,
    TIME_WORDS_EN,
)
from chronicle.text.names import is_name

# Not inside a compound: `so-called` is no attribution.
VERB_RX = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(SPEECH_VERBS_EN, key=len, reverse=True)) + r")(?![\w-])"
)


def strip_appositive(text: str) -> str:
    """`Mayer, Disney’s chairman of …,` → `Mayer`; `Israel’s Defense Minister, Israel Katz,`
    keeps both parts (the registry settles it)."""
    parts = [p.strip() for p in text.split(",")]
    parts = [p for p in parts if p]
    if len(parts) >= 2 and is_name(parts[0]):
        return parts[0]
    return text.strip(" ,")


def _heads_phrase(tail: str) -> bool:
    """Whether a name followed by `tail` is the head of its phrase, not a modifier of the noun
    after it (`Fifty-one percent`, `Syrian defense ministries`): only punctuation, a filler, an
    adverb, a preposition or a time (`Trump on Tuesday said`) may follow it."""
    match = re.match(r"\s*([^\W\d_][\w’'-]*)", tail)
    if match is None or tail[: match.start(1)].strip():
        return True  # the end, or punctuation first (`Mayer, Disney’s chairman`)
    word = match.group(1)
    return (
        not word[:1].islower()
        or word.endswith("ly")
        or word
        in FILLERS_EN | STOP_AFTER_DESCRIPTION_EN | TIME_WORDS_EN | REFLEXIVES_EN | SPEECH_VERBS_EN
        or word in ("last", "this", "next")
    )


# Words after which a name only qualifies a noun (`the US President`, `InfoNation President`)
# though they are capitalised.
_NOT_ROLES = {w.lower() for w in NOT_NAMES_EN} & (
    TIME_WORDS_EN | FILLERS_EN | STOP_AFTER_DESCRIPTION_EN | set(PRONOUN_KINDS_EN) | DETERMINERS_EN
)


def _qualifies(tail: str) -> bool:
    """Whether a name followed by `tail` only qualifies the noun after it: `the US President`,
    `a White House spokesperson`, `US officials`. The described person speaks, not the place
    or organisation named."""
    if not _heads_phrase(tail):
        return True
    match = re.match(r"\s+([^\W\d_][\w’'-]*)", tail)
    if match is None:
        return False
    word = POSSESSIVE.sub("", match.group(1))
    return word in NOT_NAMES_EN and word.lower() not in _NOT_ROLES and word[:1].isupper()


def _qualified(text: str, start: int) -> Speaker | None:
    """`US officials`, `White House spokesperson`: the noun a name at `start` qualifies, as a
    description (with its determiner), when a noun follows the name."""
    words = list(re.finditer(r"\S+", text))
    at = next((i for i, w in enumerate(words) if w.start() <= start < w.end()), None)
    if at is None:
        return None
    begin = at - 1 if at and words[at - 1].group(0).lower() in DETERMINERS_EN else at
    phrase = [w.group(0) for w in words[begin : at + 1]]
    for w in words[at + 1 : at + 6]:
        bare = w.group(0).strip(",").lower()
        if bare in _END_DESCRIPTION | FILLERS_EN or not bare.isalpha():
            break
        phrase.append(w.group(0).strip(","))
        if w.group(0).endswith(","):
            break
    if len(phrase) - (at - begin) < 2:
        return None
    return Speaker(" ".join(phrase), None, None)


def _pronoun(text: str, abs_start: int, ctx: Context, off: int) -> Speaker | bool | None:
    """What `_referent` finds, unless `he` stood before for someone `she` stands for."""
    found = _referent(text, abs_start, ctx, off)
    if isinstance(found, bool):
        return found
    return agrees(found, text.split()[-1].strip(",").lower(), ctx)


def _referent(text: str, abs_start: int, ctx: Context, off: int) -> Speaker | bool | None:
    """The speaker a pronoun refers to: the person (he, she) or organisation (it, they) named
    last before it, in the registry or, for people, by a full name earlier in the paragraph or
    in the one before, else the last speaker named. False when the subject is not a pronoun."""
    words = [w.lower().strip(",") for w in text.split()]
    words = [w for w in words if w not in FILLERS_EN]
    if not words or words[-1] not in PRONOUN_KINDS_EN:
        return False
    kind = PRONOUN_KINDS_EN[words[-1]]
    m = ctx.last_before(off + abs_start, kind)
    if kind == "person":
        before = names_in(ctx.masked[:abs_start])
        known = ctx.surnames() | surnames(before)
        named = [
            n
            for n in before
            if may_be_person(n[0], known, ctx.text) and stands_for_someone(ctx.masked, n)
        ]
        if named and (m is None or off + named[-1][1] > m.start):
            return Speaker(named[-1][0], None, None)
    if m is not None:
        return Speaker(m.surface, m.entity.name, None)
    if kind == "person" and ctx.read and m is None:
        # `Kisha Rivera, who works as a cabin cleaner, said …` ¶ `“…,” she said.`: the person
        # the previous paragraph names in full last, before an earlier speaker.
        previous = [
            n
            for n in names_in(ctx.read[-1])
            if " " in n[0]
            and may_be_person(n[0], set(), ctx.text)
            and stands_for_someone(ctx.read[-1], n)
        ]
        if previous:
            return Speaker(previous[-1][0].rstrip(".,"), None, None)
        if described := described_speaker(ctx.read[-1], words[-1]):
            return Speaker(described, None, None)
    if kind == "person" and ctx.last_named and not organisation_like(ctx.last_named):
        return Speaker(ctx.last_named, None, None)
    return None


# A description ends before a clause (`who`, `which`) or a verb.
_END_DESCRIPTION = STOP_AFTER_DESCRIPTION_EN | SPEECH_VERBS_EN | RELATIVES_EN


def _describes(word: str) -> bool:
    """A word that starts a description: a determiner (`this` describes times and things, not
    speakers), or a possessive name (`Witkoff’s`, not `There’s`)."""
    bare = word.strip(",")
    if bare.lower() in DETERMINERS_EN:
        return bare.lower() != "this"
    return (
        bare[:1].isupper()
        and bare.endswith(("’s", "'s"))
        and not not_a_name_word(bare[:-2])
        and bare[:-2].lower() not in PRONOUN_KINDS_EN
    )


def _description(text: str, at_start: bool = False) -> Speaker | None:
    """`the source`, `an officer`, `Steve Witkoff’s deputy`: a speaker described, not named.
    Not a time (`this week`), and it ends at a past participle or verb (`The victim’s mother
    testified`); `at_start`: only at the first word (after a verb: `said the source`)."""
    words = text.split()
    for i, word in enumerate(words):
        if not _describes(word) or (i and words[i - 1].lower() in PREPOSITIONS_EN):
            continue  # `During the call`: the object of a preposition
        begin = i
        while word[:1].isupper() and begin > 0 and words[begin - 1][:1].isupper():
            if words[begin - 1].endswith(","):
                break
            begin -= 1  # the rest of the possessor's name: `Steve Witkoff’s`
        if at_start and begin > 0:
            return None
        phrase: list[str] = words[begin:i]
        for w in words[i : i + 5]:
            bare = w.strip(",").lower()
            if phrase and (
                bare in _END_DESCRIPTION
                or not any(c.isalpha() for c in bare)  # a dash, a masked quote
                or (len(phrase) >= 2 and bare.endswith("ed"))
            ):
                break
            phrase.append(w.strip(","))
            if w.endswith(","):
                break
        if any(w.lower().strip(".") in TIME_WORDS_EN for w in phrase):
            return None
        if len(phrase) >= 2:
            return Speaker(" ".join(phrase), None, None)
    return None


def _by_kind(mentions: list[Mention], last: bool) -> Speaker | None:
    for kind in ("person", "organisation", "place"):
        of_kind = [m for m in mentions if m.entity.kind == kind]
        if of_kind:
            m = of_kind[-1] if last else of_kind[0]
            return Speaker(m.surface, m.entity.name, None)
    return None


def _slot_start(text: str, words: int = 4) -> int:
    """Where the last `words` words (fillers aside) of `text` begin: the subject's place just
    before a verb. A name further back is part of another clause."""
    found = [
        m for m in re.finditer(r"\S+", text) if m.group(0).lower().strip(",") not in FILLERS_EN
    ]
    return found[-words].start() if len(found) >= words else 0


def _lead_end(text: str, words: int = 5) -> int:
    """Where the speaker's place after a verb ends: within its first `words` words
    (`says veteran industry analyst Ken Doctor`) and before a pronoun or a verb starts a clause
    of its own (`saying he trusted the Israeli courts`: the courts are part of what was said)."""
    found = list(re.finditer(r"\S+", text))[:words]
    for match in found:
        word = match.group(0).strip(",").lower()
        if word in CLAUSE_OPENERS_EN or word in SPEECH_VERBS_EN:
            return match.start()
    return found[-1].end() if found else 0


def _speaking_mentions(text: str, abs_start: int, ctx: Context, off: int) -> list[Mention]:
    """Registry mentions in `text`, without possessors: `Steve Witkoff’s deputy` is not
    Witkoff, `Hamas’ leaders` not Hamas."""
    mentions = ctx.mentions_in(off + abs_start, off + abs_start + len(text))
    return [m for m in mentions if not POSSESSOR.match(ctx.masked, m.end - off)]


def resolve_subject(text: str, abs_start: int, ctx: Context, off: int, mode: str) -> Speaker | None:
    """The speaker named in an attribution's subject.

    mode "object": after the verb (`said Oza`); "after": between the quote and the verb
    (`Mayer, Disney’s chairman, said`); "before": from the sentence's start to the verb
    (`Egyptian Foreign Ministry spokesperson Tamim Khallaf described`).
    A speaker must look like a name or a described person: a time, a number, a nationality,
    a name that only modifies a noun after it, or a possessor is none, and then it is unknown.
    """
    mentions = _speaking_mentions(text, abs_start, ctx, off)
    qualifiers = [m for m in mentions if _qualifies(ctx.masked[m.end - off :])]
    mentions = [m for m in mentions if m not in qualifiers]
    if mode != "object":  # `The US ambassador to the UN warned`: the UN is no subject
        mentions = [m for m in mentions if not _after_preposition(text, m.start - off - abs_start)]
    if mode == "object":
        lead = _lead_end(text)
        mentions = [m for m in mentions if m.start - off - abs_start < lead]
    people = [m for m in mentions if m.entity.kind == "person"]
    if people:  # a registry person anywhere in the subject (appositions can be long)
        m = people[0] if mode == "object" else people[-1]
        return Speaker(m.surface, m.entity.name, None)
    if mode == "after" and "," in text:
        head = names_in(text.split(",", 1)[0])
        if head:  # `Mayer, Disney’s chairman of …,`: the name before the apposition speaks
            return Speaker(head[-1][0], None, None)
    if mode == "before":
        # `In May, Zippy Duvall, the president of the Farm Bureau, said`: skip the apposition,
        # then only the last few words can be the subject (`people say` is not `TV` saying).
        head = _without_appositions(text)
        first = _slot_start(head)
        mentions = [m for m in mentions if m.end - off - abs_start > first]
        mentions = [m for m in mentions if m.start - off - abs_start < len(head)]
        text = head
    else:
        first = 0
    found = _by_kind(mentions, last=mode != "object")
    if found:
        return found
    pronoun = _pronoun(text, abs_start, ctx, off)
    if pronoun is not False:
        return pronoun  # type: ignore[return-value]
    names = [
        n
        for n in names_in(text)
        if n[2] > first
        and not _qualifies(text[n[2] :])
        and (mode == "object" or not _after_preposition(text, n[1]))
    ]
    if mode == "object":
        names = _first_chain([n for n in names if n[1] < _lead_end(text)], text)
    if names:
        return Speaker(names[0][0] if mode == "object" else names[-1][0], None, None)
    if alone := organisation_word(text, ctx.text):
        return Speaker(alone, None, None)
    described = _description(text[first:], at_start=mode == "object")
    if described is None and qualifiers:
        # `US officials said`: the officials, described, not the United States.
        q = qualifiers[0] if mode == "object" else qualifiers[-1]
        at = q.start - off - abs_start
        if at >= first and (mode != "object" or at < _lead_end(text)):
            described = _qualified(text, at)
    return described


def _without_appositions(text: str) -> str:
    """`In May, Zippy Duvall, the president of the Farm Bureau,` → `In May, Zippy Duvall`: the
    last comma-enclosed part goes, and so do those before it that describe (`Omar Lamrani, a
    senior analyst at Stratfor, the Texas-based firm,`: each starts with `a`, `the` or a role)."""
    apposition = re.search(r",[^,]*,\s*$", text)
    if not apposition or not text[: apposition.start()].strip():
        return text
    head = text[: apposition.start()]
    while "," in head:
        rest, last = head.rsplit(",", 1)
        words = last.split()
        if not rest.strip() or not words:
            break
        if words[0].lower() not in DETERMINERS_EN and not not_a_name_word(words[0]):
            break
        if not _ends_with_subject_name(rest):
            break  # `On Monday, the People’s Daily`: the described part is the subject
        head = rest
    return head


def _ends_with_subject_name(text: str) -> bool:
    names = names_in(text)
    return (
        bool(names)
        and names[-1][2] == len(text.rstrip())
        and not _after_preposition(text, names[-1][1])
    )


def _after_preposition(text: str, start: int) -> bool:
    """`China’s ambassador to Britain accused`: Britain is the object of `to`, not the subject
    (`with` aside: `with Hamas stating` makes Hamas the one stating)."""
    before = text[:start].split()
    if len(before) >= 2 and before[-1].lower() in DETERMINERS_EN:
        before.pop()  # `to the UN`
    return bool(before) and before[-1].lower() in PREPOSITIONS_EN - {"with"}


def _first_chain(names: list[tuple[str, int, int]], text: str) -> list[tuple[str, int, int]]:
    """From `SciSpacE Team Leader Jennifer Ngo-Anh` (two names split by a role), the person:
    the last name of the first run that only roles separate."""
    run = names[:1]
    for name in names[1:]:
        between = text[run[-1][2] : name[1]].split()
        if not all(not_a_name_word(w) for w in between):
            break
        run = [name]
    return run


def main_subject(text: str, abs_start: int, ctx: Context, off: int) -> Speaker | None:
    """`Boudreau gave his players a pep talk, telling them to “…”`: who does the telling is
    the subject of the sentence, not the words just before the comma: the subject of its first
    speech verb (`Liu said that …, warning`), a registry person in it, or what opens it."""
    verb = VERB_RX.search(text)
    if verb is not None:
        return resolve_subject(text[: verb.start()], abs_start, ctx, off, mode="before")
    mentions = _speaking_mentions(text, abs_start, ctx, off)
    people = [m for m in mentions if m.entity.kind == "person"]
    if people:
        return Speaker(people[0].surface, people[0].entity.name, None)
    words = text.split()
    lead = text.find(words[0]) if words else 0
    at_start = [m for m in mentions if m.start - off - abs_start == lead]
    if at_start:
        return Speaker(at_start[0].surface, at_start[0].entity.name, None)
    names = names_in(text)
    if names and names[0][1] == lead and len(words) > 1 and words[1] not in DETERMINERS_EN:
        return Speaker(names[0][0], None, None)  # `Over the course of …` is no name
    if words and words[0].lower() in PRONOUN_KINDS_EN:
        return _pronoun(words[0], abs_start, ctx, off) or None
    return _description(text, at_start=True)
