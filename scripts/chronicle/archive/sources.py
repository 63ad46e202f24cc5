"""The curated source registry (`sources.yml`): the publishers the archive's articles come from.

A file of its own, not kind `source` in `entities.yml`: the entity registry lists what articles
*talk about*, and its names are looked for in their text; a source is who *published* an
article, matched on the article's source field and its address, with keys of its own (domains,
country). A publisher the articles also mention (Reuters, Al Jazeera) may be in both files; one
list whose names are unique across kinds could not hold it twice.

Each entry: `name` (canonical, as shown on the site), `aliases` (other ways it is written: "the
Guardian", "NYT"), `domains` (its web addresses' hosts, subdomains included) and `country`
(ISO 3166-1 alpha-2, optional). How a value is matched, most certain first: its name or an alias
(case and accents ignored); a host or an address on one of its domains; the same without a
leading "the" (only against names the registry holds, so "the" is never cut on a guess); the
same letters without spaces and punctuation ("miamiherald", "N.Y. Times" → "nytimes", also
against a domain's first label).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml

from chronicle.archive.model import Article
from chronicle.archive.registry import (
    RegistryError,
    find_registry_file,
    loaded_once,
    parse_yaml_list,
    text_of,
)
from chronicle.errors import ChronicleError
from chronicle.text.fold import fold

SOURCES_FILE = "sources.yml"
KEYS = ("name", "aliases", "domains", "country")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_HOST = re.compile(
    r"^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$"
)
# Host prefixes that name no publisher: www.nytimes.com and m.nytimes.com are nytimes.com.
_NO_NAME_PREFIXES = ("www.", "www1.", "www2.", "m.", "amp.", "mobile.")
# A squashed spelling shorter than this matches only as written ("AP" is not "a.p.").
_SQUASHED_MIN = 4

How = Literal["name", "alias", "domain", "spelling"]


@dataclass(frozen=True, slots=True)
class Source:
    """One publisher: its canonical name and the other ways articles give it."""

    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    source: Source
    how: How  # which key of the entry the value matched


def name_key(text: str) -> str:
    """Case, accents and spacing do not matter."""
    return " ".join(fold(text).split())


def _without_the(key: str) -> str:
    return key[4:] if key.startswith("the ") and len(key) > 4 else key


def squashed(text: str) -> str:
    """Letters and digits only: "N.Y. Times" → "nytimes"."""
    return re.sub(r"[\W_]+", "", fold(text))


def host_of(value: str) -> str | None:
    """The host a value names when it is an address or a bare host ("https://www.nytimes.com/x",
    "nytimes.com", "WWW.NYTimes.com"), without a prefix that names no publisher; else None."""
    text = value.strip().lower()
    if not text or " " in text:
        return None
    if "://" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return None
    for prefix in _NO_NAME_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host if _HOST.match(host) else None


@dataclass
class SourceRegistry:
    sources: tuple[Source, ...] = ()
    path: str = ""  # the file it came from, for messages and the build's salt
    _keys: dict[str, tuple[Source, How]] = field(default_factory=dict, repr=False)
    _bare: dict[str, Source] = field(default_factory=dict, repr=False)
    _squashed: dict[str, Source] = field(default_factory=dict, repr=False)
    _domains: dict[str, Source] = field(default_factory=dict, repr=False)
    # perf: an archive writes few source names many times; each is matched once per build
    _matched: dict[str, Match | None] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for source in self.sources:
            for i, form in enumerate((source.name, *source.aliases)):
                self._keys.setdefault(name_key(form), (source, "name" if i == 0 else "alias"))
                self._bare.setdefault(_without_the(name_key(form)), source)
                if len(squashed(form)) >= _SQUASHED_MIN:
                    self._squashed.setdefault(squashed(form), source)
            for domain in source.domains:
                self._domains[domain] = source
                label = squashed(domain.split(".")[0])
                if len(label) >= _SQUASHED_MIN:
                    self._squashed.setdefault(label, source)

    def __len__(self) -> int:
        return len(self.sources)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and any(s.name == name for s in self.sources)

    def get(self, name: str) -> Source | None:
        return next((s for s in self.sources if s.name == name), None)

    def match(self, value: str | None) -> Match | None:
        """The registered source `value` names, and how; None when it names none."""
        if not value or not value.strip():
            return None
        if value not in self._matched:
            self._matched[value] = self._match(value)
        return self._matched[value]

    def _match(self, value: str) -> Match | None:
        key = name_key(value)
        if key in self._keys:
            return Match(*self._keys[key])
        host = host_of(value)
        if host and (by_host := self.by_host(host)):
            return Match(by_host, "domain")
        if (bare := self._bare.get(_without_the(key))) is not None:
            return Match(bare, "alias")
        squash = squashed(value)
        if len(squash) >= _SQUASHED_MIN and (same := self._squashed.get(squash)) is not None:
            return Match(same, "spelling")
        return None

    def by_host(self, host: str) -> Source | None:
        """The source one of whose domains is `host` or holds it (edition.cnn.com → cnn.com)."""
        parts = host.lower().split(".")
        for i in range(len(parts) - 1):
            if (found := self._domains.get(".".join(parts[i:]))) is not None:
                return found
        return None

    def by_url(self, url: str | None) -> Source | None:
        host = host_of(url or "")
        return self.by_host(host) if host else None

    def canonical(self, value: str | None) -> str | None:
        """The registered name for `value`, or `value` itself when the registry lacks it."""
        found = self.match(value)
        return found.source.name if found else value

    def settle(self, article: Article) -> Article:
        """The article under its source's registered name (the same object when it is so
        already): an article stored as "nytimes.com" before the registry said whose domain that
        is is listed, cited and searched as The New York Times."""
        name = self.canonical(article.source)
        return article if name == article.source else article.with_changes(source=name)


# --- reading and writing the file --------------------------------------------------------------


def _list(where: str, key: str, value: Any, name: str) -> list[str]:
    items = [value] if isinstance(value, str) else (value or [])
    if not isinstance(items, list):
        raise RegistryError(where, key, f"must be a list ({name})")
    return [text_of(where, f"{key}[{i}]", item, required=True) for i, item in enumerate(items)]


def source_from_mapping(where: str, key: str, item: Any) -> Source:
    if not isinstance(item, dict):
        raise RegistryError(where, key, "must be a mapping with a name")
    for k in item:
        if k not in KEYS:
            close = difflib.get_close_matches(str(k), KEYS, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise RegistryError(where, f"{key}.{k}", f"unknown key{hint}")
    name = text_of(where, f"{key}.name", item.get("name"), required=True)
    aliases = _list(where, f"{key}.aliases", item.get("aliases"), name)
    domains = []
    for i, raw in enumerate(_list(where, f"{key}.domains", item.get("domains"), name)):
        host = host_of(raw)
        if host is None:
            raise RegistryError(
                where, f"{key}.domains[{i}]", f"must be a host such as nytimes.com, not {raw!r}"
            )
        domains.append(host)
    country = text_of(where, f"{key}.country", item.get("country")).upper() or None
    if country and not _COUNTRY.match(country):
        raise RegistryError(
            where, f"{key}.country", f"must be a two-letter country code (GB, US), not {country!r}"
        )
    return Source(
        name=name,
        aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
        domains=tuple(dict.fromkeys(domains)),
        country=country,
    )


def validate_sources(where: str, sources: Iterable[Source]) -> SourceRegistry:
    """Names, aliases and domains are unique across the file: a value that could mean two
    publishers must be settled by the curator, not by Chronicle."""
    names: dict[str, str] = {}
    hosts: dict[str, str] = {}
    out = []
    for index, source in enumerate(sources):
        for i, form in enumerate((source.name, *source.aliases)):
            key = f"[{index}].name" if i == 0 else f"[{index}].aliases[{i - 1}]"
            owner = names.get(name_key(form))
            if owner is not None and (owner != source.name or i == 0):
                raise RegistryError(where, key, f"'{form}' is already a name of '{owner}'")
            names[name_key(form)] = source.name
        for i, domain in enumerate(source.domains):
            owner = hosts.setdefault(domain, source.name)
            if owner != source.name:
                raise RegistryError(
                    where, f"[{index}].domains[{i}]", f"'{domain}' is already a domain of '{owner}'"
                )
        out.append(source)
    return SourceRegistry(sources=tuple(out), path=where)


def parse_sources(text: str, where: str) -> SourceRegistry:
    data = parse_yaml_list(text, where, "sources (- name: …)")
    return validate_sources(
        where, (source_from_mapping(where, f"[{i}]", d) for i, d in enumerate(data))
    )


def load_sources(path: Path) -> SourceRegistry:
    """The registry at `path`; an absent file is an empty registry (values are kept as given)."""
    where = str(path)
    if not path.exists():
        return SourceRegistry(path=where)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ChronicleError(where, f"cannot read the source registry ({exc})") from None
    return parse_sources(text, where)


def find_sources_file(start: Path) -> Path | None:
    """`sources.yml` beside mkdocs.yml, found from `start` upwards (as `entities.yml` is)."""
    return find_registry_file(start, name=SOURCES_FILE)


_CACHE: dict[tuple[str, int], SourceRegistry] = {}


def sources_near(folder: Path) -> SourceRegistry:
    """The registry of the project `folder` belongs to, loaded once per version of the file (a
    batch `chronicle add` asks for every article); empty when there is none."""
    path = find_sources_file(folder)
    return SourceRegistry() if path is None else loaded_once(_CACHE, path, load_sources)


def source_to_yaml(source: Source) -> str:
    """One list item, in the file's hand-written style."""
    mapping: dict[str, Any] = {"name": source.name}
    if source.aliases:
        mapping["aliases"] = list(source.aliases)
    if source.domains:
        mapping["domains"] = list(source.domains)
    if source.country:
        mapping["country"] = source.country
    return yaml.safe_dump(
        [mapping], sort_keys=False, allow_unicode=True, width=100, default_flow_style=None
    )


def merge_source(text: str, source: Source, where: str) -> tuple[str, Source]:
    """The registry text with `source` added: appended when its name is new, else its aliases
    and domains joined to the entry of that name, rewritten in place (the other entries and
    their comments are left as they are). Validated, so a clash is refused, not saved."""
    current = parse_sources(text, where)
    old = current.get(source.name)
    if old is None:
        new = text if not text or text.endswith("\n") else text + "\n"
        new = "" if new.strip() == "[]" else new
        new += source_to_yaml(source)
        parse_sources(new, where)  # raises RegistryError on a name, alias or domain held
        return new, source
    merged = Source(
        name=old.name,
        aliases=tuple(dict.fromkeys((*old.aliases, *source.aliases))),
        domains=tuple(dict.fromkeys((*old.domains, *source.domains))),
        country=source.country or old.country,
    )
    new = _replace_item(text, current.sources.index(old), source_to_yaml(merged))
    parse_sources(new, where)
    return new, merged


def _replace_item(text: str, index: int, item: str) -> str:
    """`text` with its list item number `index` replaced by `item`; comment lines at its end
    (which belong to the next item) are kept."""
    node = yaml.compose(text)
    if node.flow_style:  # a list written on one line ([{name: A}, …]): written out again whole
        items = [
            yaml.safe_dump(
                [yaml.safe_load(yaml.serialize(n))],
                default_flow_style=None,
                sort_keys=False,
                allow_unicode=True,
                width=100,
            )
            for n in node.value
        ]
        items[index] = item
        return "".join(items)
    mapping = node.value[index]  # type: ignore[union-attr]
    lines = text.splitlines(keepends=True)
    start = mapping.start_mark.line
    end = mapping.end_mark.line + (1 if mapping.end_mark.column else 0)
    end = min(end, len(lines))
    while end > start + 1 and (
        not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")
    ):
        end -= 1
    return "".join(lines[:start]) + item + "".join(lines[end:])
