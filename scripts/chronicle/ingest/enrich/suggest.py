"""`chronicle entities suggest`: names the articles use that the registry lacks.

Candidates are capitalised word sequences (not a sentence's first word alone, not a heading, not
a day or a month) and names after a role (`envoy Steve Witkoff`, `spokesperson Tamim Khallaf`,
`Minister, Israel Katz`), counted over the archive with one example sentence each. The kind is a
guess for the curator (a role → person; `Ministry`, `Office`… or an acronym → organisation).
When spaCy and an English model happen to be installed, its named entities are added; nothing is
downloaded.

A name the registry does not hold as written but already links by its letters (`Ḥamas` for the
registered `Hamas`, `Pena` for `Peña`: matching ignores case and accents) is listed too, with
the entity it is linked to: two people can share a surname but for an accent, so the curator
confirms the spelling (as an alias) or registers the other entity.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from chronicle.archive.model import Article
from chronicle.archive.registry import Entity, Registry
from chronicle.ingest.enrich.entities import Matcher, matcher_for
from chronicle.ingest.readers.text import is_heading
from chronicle.text.fold import fold, fold_punctuation
from chronicle.text.lexicon import (
    HONORIFICS_EN,
    NAME_PARTICLES,
    ORGANISATION_JOINERS,
    ORGANISATION_WORDS_EN,
    ROLE_WORDS_EN,
    STOP_WORDS_EN,
    TITLE_WORDS_EN,
)
from chronicle.text.names import NAME_WORD, cut_compound, name_runs
from chronicle.text.plain import plain_text
from chronicle.text.sentences import split_sentences

_DEMONYM = re.compile(r"(?:i|ian|ean|ese|ish|an)$")
_JOINERS = NAME_PARTICLES | ORGANISATION_JOINERS
_ROLE = re.compile(
    r"\b((?i:"
    + "|".join(sorted(ROLE_WORDS_EN))
    + rf"))\b,?\s+({NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})(?![\w-])"
)
_SKIP = ROLE_WORDS_EN | STOP_WORDS_EN | TITLE_WORDS_EN
EXAMPLE_MAX_CHARS = 240


@dataclass
class Suggestion:
    name: str
    kind: str | None  # a guess: person, organisation, place, or None
    count: int = 0
    articles: set[str] = field(default_factory=set)
    example: str = ""
    why: str = ""  # "after a role: envoy", "capitalised", "spaCy: PERSON"
    linked_to: str | None = None  # the registered entity this spelling is already matched to


def _clean(name: str) -> str:
    name = name.strip(" ,;:")
    if name.endswith(".") and name.count(".") == 1:
        name = name[:-1]  # a sentence's full stop, not the one of `U.S.`
    name = re.sub(r"(?:’s|'s|’|')$", "", name)
    words = name.split()
    # A name neither opens nor ends with a joiner (`Why do Americans` → `Americans`).
    while words and (words[0].lower() in STOP_WORDS_EN or words[0] in _JOINERS):
        words = words[1:]
    while words and (words[-1].lower() in STOP_WORDS_EN or words[-1] in _JOINERS):
        words = words[:-1]
    return " ".join(words)


def _guess_kind(name: str) -> str | None:
    last = name.split()[-1].lower()
    if last in ORGANISATION_WORDS_EN or (name.isupper() and len(name.replace(".", "")) >= 2):
        return "organisation"
    return None


def _sequences(sentence: str) -> Iterator[tuple[str, bool]]:
    """Runs of capitalised words (names joined by particles, `of`, `for`), each with whether it
    opens the sentence; `Hamas-run Gaza Health Ministry` is `Hamas` then `Gaza Health Ministry`
    (a lower-case compound part ends a name)."""
    for match in name_runs(sentence, _JOINERS):
        at_start = not sentence[: match.start()].strip(" “\"‘'(")
        run: list[str] = []
        for word in match.group(0).split():
            name = cut_compound(word)
            run.append(name)
            if name != word:
                yield " ".join(run), at_start
                run, at_start = [], False
        if run:
            yield " ".join(run), at_start


def candidates_in(sentence: str) -> list[tuple[str, str | None, str]]:
    """(name, kind guess, why) for one sentence."""
    out: list[tuple[str, str | None, str]] = []
    for match in _ROLE.finditer(sentence):
        words = match.group(2).split()
        if any(cut_compound(w) != w for w in words):
            continue  # `envoy Steve Witkoff-led talks`: the name qualifies a noun
        name = _clean(match.group(2))
        if len(name.split()) >= 2:
            out.append((name, "person", f"after a role: {match.group(1).lower()}"))
    for sequence, at_start in _sequences(sentence):
        # `Israel’s Defense Minister`: a possessive ends one name and starts the next.
        for part in re.split(r"(?<=’s|'s)\s+", sequence):
            name = _clean(part)
            words = name.split()
            honorific = len(words) > 1 and words[0].rstrip(".").lower() in HONORIFICS_EN
            if honorific:  # `Mr. Netanyahu`: a person, named without the honorific
                out.append((_clean(" ".join(words[1:])), "person", f"after {words[0]}"))
                at_start = False
                continue
            if not words or all(w.lower() in _SKIP for w in words):
                continue
            if len(words) == 1 and (
                at_start or (_DEMONYM.search(words[0]) and not words[0].isupper())
            ):
                continue  # a sentence's first word, or an adjective such as Israeli
            out.append((name, _guess_kind(name), "capitalised"))
            at_start = False
    return out


def _spacy_candidates():  # pragma: no cover - depends on an optional install
    """spaCy's English NER when a model is already installed; None otherwise."""
    try:
        import spacy

        nlp = spacy.load("en_core_web_sm", disable=["parser", "lemmatizer"])
    except Exception:  # not installed, or no model: suggestions come from the rules alone
        return None
    kinds = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}

    def find(text: str) -> list[tuple[str, str | None, str]]:
        return [
            (_clean(ent.text), kinds[ent.label_], f"spaCy: {ent.label_}")
            for ent in nlp(text).ents
            if ent.label_ in kinds
        ]

    return find


def suggest(
    articles: Iterable[Article], registry: Registry, *, use_spacy: bool = True
) -> list[Suggestion]:
    """Names not in the registry, most frequent first."""
    # Every registered spelling, as written (case aside), and the entity its letters link to.
    spelled = {_spelling(n) for n in registry.names()}
    spelled |= {_spelling(s) for e in registry.entities for s in e.short_names}
    linked = {fold(f): e for e in registry.entities for f in (e.name, *e.aliases)}
    linked |= {fold(s): e for e in registry.entities for s in e.short_names}
    matcher = matcher_for(registry)
    spacy_find = _spacy_candidates() if use_spacy else None
    found: dict[str, Suggestion] = {}
    for article in articles:
        text = plain_text(article.body)
        for block in text.split("\n\n"):
            if is_heading(block):
                continue
            for sentence in split_sentences(block):
                # NFC: a name with an accent written as a combining mark is one word (a name
                # is proposed for the registry; the example sentence stays as written).
                cands = candidates_in(unicodedata.normalize("NFC", sentence))
                if spacy_find is not None:
                    cands += spacy_find(sentence)
                for name, kind, why in cands:
                    if not name or _spelling(name) in spelled:
                        continue
                    key = fold(name)
                    link = linked.get(key) or _covering_entity(matcher, name)
                    if link is not None:
                        kind, why = link.kind, f"another spelling of {link.name}"
                    entry = found.get(key)
                    if entry is None:
                        entry = found[key] = Suggestion(
                            name, kind, why=why, linked_to=link.name if link else None
                        )
                        entry.example = sentence[:EXAMPLE_MAX_CHARS]
                    elif kind and (entry.kind is None or why.startswith("after")):
                        entry.kind, entry.why = kind, why
                    entry.count += 1
                    entry.articles.add(article.id)
    # A name seen after a role also counts its bare mentions once, not twice.
    return sorted(found.values(), key=lambda s: (-s.count, s.name.casefold()))


def _spelling(name: str) -> str:
    """A name as written, but for case, Unicode composition, apostrophes and hyphens."""
    return fold_punctuation(unicodedata.normalize("NFC", " ".join(name.split())).casefold())


def _covering_entity(matcher: Matcher, name: str) -> Entity | None:
    """The registered entity the whole name is one mention of, if any."""
    for mention in matcher.find(name):
        if mention.start == 0 and mention.end == len(name):
            return mention.entity
    return None
