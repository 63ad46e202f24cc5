"""The curated entity registry (`entities.yml`): load, validate, append.

The registry is the authority: the archive only ever shows people, organisations and places it
holds. The file is a YAML list, one mapping per entity, so a curator can edit it by hand and
`chronicle entities accept` can append to it without rewriting (and losing the comments of) the
rest. Errors name the file and the key, like the front matter's.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml

from chronicle.errors import ChronicleError, FrontMatterError
from chronicle.text.fold import fold  # the matcher's comparison: case and accents ignored

Kind = Literal["person", "organisation", "place"]
KINDS: tuple[str, ...] = ("person", "organisation", "place")
KEYS = ("name", "kind", "aliases", "description", "wikidata")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
REGISTRY_FILE = "entities.yml"


class RegistryError(FrontMatterError):
    """The registry file breaks its schema; names the file and the key."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One registry entry: the canonical name and every other way the text may name it."""

    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    description: str = ""
    wikidata: str | None = None

    @property
    def short_names(self) -> tuple[str, ...]:
        """The surname of the name and of every alias (`Meshaal`, `Mashal`, `Mishal`): an article
        that writes `Khaled Mashal` goes on with `Mashal said`, not `Meshaal said`. Matched only
        in an article that also names the person in full, so a lone `Katz` is never guessed."""
        if self.kind != "person":
            return ()
        out: list[str] = []
        for form in (self.name, *self.aliases):
            short = _surname(form)
            if short and short.casefold() not in {o.casefold() for o in out}:
                out.append(short)
        return tuple(out)


def _surname(name: str) -> str | None:
    words = name.split()
    return words[-1] if len(words) > 1 else None


@dataclass
class Registry:
    entities: tuple[Entity, ...] = ()
    source: str = ""  # the file it came from, for messages
    _by_name: dict[str, Entity] = field(default_factory=dict, repr=False)
    # Values its users derive from it and keep with it (the ingest side's name matcher), so that
    # the archive wing need not know them.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_name = {e.name: e for e in self.entities}

    def get(self, name: str) -> Entity | None:
        return self._by_name.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __len__(self) -> int:
        return len(self.entities)

    def surname_owners(self, name: str) -> list[Entity]:
        """The people whose surname (from their name or an alias) `name` is: accepting `Katz` as
        an entity of its own would take `Katz warned` away from Israel Katz."""
        key = fold(" ".join(name.split()))
        return [e for e in self.entities if any(fold(s) == key for s in e.short_names)]

    def names(self) -> set[str]:
        """Every name and alias, casefolded: what `suggest` must not propose again."""
        out = set()
        for entity in self.entities:
            out.add(entity.name.casefold())
            out.update(a.casefold() for a in entity.aliases)
        return out


def text_of(where: str, key: str, value: Any, required: bool = False) -> str:
    """A registry value as one line of text; names the file and the key when it is not text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RegistryError(where, key, "is required and may not be empty")
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split())
    raise RegistryError(where, key, f"must be text, not {type(value).__name__}")


def entity_from_mapping(where: str, key: str, item: Any) -> Entity:
    if not isinstance(item, dict):
        raise RegistryError(where, key, "must be a mapping with name and kind")
    for k in item:
        if k not in KEYS:
            close = difflib.get_close_matches(str(k), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise RegistryError(where, f"{key}.{k}", f"unknown key{hint}")
    name = text_of(where, f"{key}.name", item.get("name"), required=True)
    kind = text_of(where, f"{key}.kind", item.get("kind"), required=True)
    if kind not in KINDS:
        raise RegistryError(
            where, f"{key}.kind", f"must be one of {', '.join(KINDS)}, not {kind!r} ({name})"
        )
    raw_aliases = item.get("aliases") or []
    if isinstance(raw_aliases, str):
        raw_aliases = [raw_aliases]
    if not isinstance(raw_aliases, list):
        raise RegistryError(where, f"{key}.aliases", f"must be a list of names ({name})")
    aliases: list[str] = []
    for i, alias in enumerate(raw_aliases):
        text = text_of(where, f"{key}.aliases[{i}]", alias, required=True)
        if text != name and text not in aliases:
            aliases.append(text)
    wikidata = text_of(where, f"{key}.wikidata", item.get("wikidata")) or None
    if wikidata and not _WIKIDATA.match(wikidata):
        raise RegistryError(where, f"{key}.wikidata", f"must look like Q42, not {wikidata!r}")
    return Entity(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        aliases=tuple(aliases),
        description=text_of(where, f"{key}.description", item.get("description")),
        wikidata=wikidata,
    )


def validate(where: str, entities: Iterable[Entity]) -> Registry:
    """Names and aliases must be unique across the registry: a name that could mean two
    entities must be settled by the curator, not by Chronicle."""
    seen: dict[str, str] = {}  # casefolded name or alias → canonical name
    out = []
    for index, entity in enumerate(entities):
        for i, form in enumerate((entity.name, *entity.aliases)):
            key = f"[{index}].name" if i == 0 else f"[{index}].aliases[{i - 1}]"
            folded = form.casefold()
            if folded in seen and seen[folded] != entity.name:
                raise RegistryError(
                    where, key, f"'{form}' ({entity.name}) is already a name of '{seen[folded]}'"
                )
            if i == 0 and folded in seen:
                raise RegistryError(where, key, f"'{form}' is listed twice")
            seen[folded] = entity.name
        out.append(entity)
    return Registry(entities=tuple(out), source=where)


def parse_yaml_list(text: str, where: str, what: str) -> list[Any]:
    """The YAML list a registry file holds (empty for an empty file), or a RegistryError that
    says where the YAML breaks."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" (line {mark.line + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise RegistryError(where, "", f"not valid YAML{line}: {problem}") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise RegistryError(where, "", f"must be a YAML list of {what}")
    return data


def parse_registry(text: str, where: str) -> Registry:
    data = parse_yaml_list(text, where, "entities (- name: …, kind: …)")
    return validate(where, (entity_from_mapping(where, f"[{i}]", d) for i, d in enumerate(data)))


def load_registry(path: Path) -> Registry:
    """The registry at `path`; an absent file is an empty registry (nothing is matched)."""
    where = str(path)
    if not path.exists():
        return Registry(source=where)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChronicleError(where, f"cannot read the entity registry ({exc})") from None
    return parse_registry(text, where)


def find_registry_file(start: Path, levels: int = 3, name: str = REGISTRY_FILE) -> Path | None:
    """`entities.yml` (or another registry's `name`) in `start` or up to `levels` folders above
    (the project root holds it beside mkdocs.yml; articles live two levels down in
    docs/articles)."""
    folder = start.resolve()
    for _ in range(levels + 1):
        candidate = folder / name
        if candidate.is_file():
            return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


_CACHE: dict[tuple[str, int], Registry] = {}
Loaded = TypeVar("Loaded")


def loaded_once(
    cache: dict[tuple[str, int], Loaded], path: Path, load: Callable[[Path], Loaded]
) -> Loaded:
    """`load(path)`, kept in `cache` (one entry) while the file's modification time stays."""
    key = (str(path), path.stat().st_mtime_ns)
    if key not in cache:
        cache.clear()
        cache[key] = load(path)
    return cache[key]


def registry_near(folder: Path) -> Registry:
    """The registry of the project `folder` belongs to, loaded once per file version (a batch
    `chronicle add` of a thousand files builds the automaton once); empty when there is none."""
    path = find_registry_file(folder)
    return Registry() if path is None else loaded_once(_CACHE, path, load_registry)


def entity_to_yaml(entity: Entity) -> str:
    """One list item, in the file's hand-written style (block keys, flow list of aliases)."""
    mapping: dict[str, Any] = {"name": entity.name, "kind": entity.kind}
    if entity.aliases:
        mapping["aliases"] = list(entity.aliases)
    if entity.description:
        mapping["description"] = entity.description
    if entity.wikidata:
        mapping["wikidata"] = entity.wikidata
    dumped = yaml.safe_dump([mapping], sort_keys=False, allow_unicode=True, width=100)
    return dumped


def append_entity(text: str, entity: Entity, where: str) -> str:
    """The registry text with `entity` appended; validated, so a clash is refused, not saved."""
    new = text if not text or text.endswith("\n") else text + "\n"
    if new.strip() in ("", "[]"):
        new = "" if new.strip() == "[]" else new
    new += entity_to_yaml(entity)
    parse_registry(new, where)  # raises RegistryError on a duplicate name or alias
    return new
