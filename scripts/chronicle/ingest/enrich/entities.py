"""Registry names found in text: one Aho-Corasick pass over a case- and accent-folded copy.

The folded copy has one character for each of the text's (combining accent marks aside, whose
positions are mapped back), so every match is also a span of the original: the surface form
shown or linked is always the article's own characters. Matching is
linear in the text whatever the size of the registry, which keeps a 10,000-article archive in
seconds. The hard cases of news text are settled after the pass:

- the longest name wins (`Israel Katz` is a person; the place `Israel` inside it is dropped);
- a match must stand alone as words (`Israeli` does not name `Israel`), but a possessive
  (`Hamas’`, `Israel’s`) or a hyphenated compound (`Hamas-run`) still names it;
- diacritics, precomposed (`Méshaal`) or decomposed (`Me` + U+0301 `shaal`), are ignored;
- case: any capitalisation of a name is accepted when it starts with a capital (`UNICEF`,
  `Unicef`, `HAMAS`), but a short acronym (`US`, `UN`) must match exactly, so `us` is not a place;
- a person's surname alone (`Meshaal said`) names them only in an article that also names them
  in full, and only when no other person named there shares it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from chronicle.archive.registry import Entity, Registry
from chronicle.text.fold import fold, folded_with_positions


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: Entity
    surface: str  # the text exactly as written


@dataclass(frozen=True, slots=True)
class _Form:
    entity: Entity
    form: str  # as written in the registry
    short: bool  # a surname, matched only beside the full name
    exact_case: bool


def _is_short_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) <= 3 and all(c.isupper() for c in letters)


def _case_ok(surface: str, form: str, exact_case: bool) -> bool:
    if surface == form:
        return True
    if exact_case:
        return False
    first = next((c for c in surface if c.isalpha()), "")
    return first.isupper()


class Matcher:
    """An automaton over every name, alias and surname of a registry."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.automaton = ahocorasick.Automaton()
        forms: dict[str, list[_Form]] = {}
        full_forms: set[str] = set()
        entities = list(entities)
        for entity in entities:
            for form in (entity.name, *entity.aliases):
                full_forms.add(fold(form))
                forms.setdefault(fold(form), []).append(
                    _Form(entity, form, False, _is_short_acronym(form))
                )
        for entity in entities:
            # Every alias's surname too (`Khaled Mashal` … `Mashal said`). A surname that is also
            # some entity's own name or alias means that entity; one shared by two people is
            # settled per article in `find` (left unresolved when both are named there).
            for short in entity.short_names:
                if fold(short) not in full_forms:
                    forms.setdefault(fold(short), []).append(_Form(entity, short, True, False))
        for key, value in forms.items():
            self.automaton.add_word(key, (len(key), tuple(value)))
        self.empty = not forms
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        """Every mention in `text`, in order, without overlaps (leftmost, then longest)."""
        if self.empty or not text:
            return []
        folded, where = folded_with_positions(text)
        # The checks read the text as the automaton saw it: without combining marks.
        seen = text if where is None else "".join(text[i] for i in where)
        size = len(seen)
        candidates: list[tuple[int, int, tuple[_Form, ...]]] = []
        for end_index, (length, options) in self.automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and seen[start - 1].isalnum():
                continue
            if end < size and seen[end].isalnum():
                continue
            surface = seen[start:end]
            kept = tuple(o for o in options if _case_ok(surface, o.form, o.exact_case))
            if kept:
                candidates.append((start, end, kept))
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        chosen: list[tuple[int, int, tuple[_Form, ...]]] = []
        last_end = -1
        for start, end, options in candidates:
            if start >= last_end:
                chosen.append((start, end, options))
                last_end = end
        # Surnames count only for people named in full somewhere in this text.
        named = {o.entity.name for _, _, opts in chosen for o in opts if not o.short}
        out = []
        for start, end, options in chosen:
            full = [o for o in options if not o.short]
            if full:
                entity = full[0].entity
            else:
                present = {o.entity.name: o.entity for o in options if o.entity.name in named}
                if len(present) != 1:
                    continue  # not named in full here, or two people share the surname
                (entity,) = present.values()
            if where is not None:  # back to the article's own characters, marks included
                start, end = where[start], (where[end] if end < size else len(text))
            out.append(Mention(start, end, entity, text[start:end]))
        return out


def group_by_kind(mentions: Iterable[Mention]) -> dict[str, tuple[str, ...]]:
    """Canonical names per kind, in order of first mention."""
    out: dict[str, list[str]] = {"person": [], "organisation": [], "place": []}
    for mention in mentions:
        names = out[mention.entity.kind]
        if mention.entity.name not in names:
            names.append(mention.entity.name)
    return {kind: tuple(names) for kind, names in out.items()}


def matcher_for(registry: Registry) -> Matcher:
    """The registry's matcher, built once per registry: the automaton takes a while to build and
    every article of a run is matched against the same one."""
    matcher = registry.derived.get("matcher")
    if matcher is None:
        matcher = registry.derived["matcher"] = Matcher(registry.entities)
    return matcher
