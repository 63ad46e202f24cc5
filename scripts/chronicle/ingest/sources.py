"""An article's source, settled against the source registry at ingest, and what the registry
lacks. Pure: values in, values out.

`settle_source` runs once per article as it is added (the registries are loaded once per run):

1. a value the registry knows ("nytimes.com", "the Guardian", "miamiherald", an alias) is
   stored as its canonical name;
2. a value that is not a publisher is refused and stored as unknown: a place's abbreviation
   ("U.S."), the place of the article's dateline ("WASHINGTON —"), a person or a place of the
   entity registry, a byline ("By Jane Roe") or a person's name that is one of the article's
   authors. A curator's value is refused only when the entity registry says so;
3. a page's value the registry lacks gives way to the registered source of the article's
   address; with neither, the value is kept, with obvious clean-ups only ("www." of a host).

The value as it came and what was done with it go into the evidence (`extra["evidence"]`), so
nothing the original said is lost.
"""

from __future__ import annotations

import difflib
import re
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chronicle.archive.model import Article
from chronicle.archive.registry import Registry, registry_near
from chronicle.archive.sources import (
    SourceRegistry,
    host_of,
    name_key,
    sources_near,
    squashed,
)
from chronicle.text.fold import fold
from chronicle.text.lexicon import NAME_PARTICLES, ORGANISATION_WORDS_EN, PUBLISHER_WORDS_EN

# A place written as initials ("U.S.", "N.Y.", "U.K."): a dateline's, never a publisher's name.
_PLACE_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z’'.-]+(?:-[A-Z][a-z’'.-]+)?|[A-Z]\.)$")
_NO_ARTICLE = Article(id="", title="", title_origin="curator", body="")  # a curator's refusal
_HOW_WORDS = {
    "name": "the name",
    "alias": "an alias",
    "domain": "a domain",
    "spelling": "a spelling",
}


def settle_source(article: Article, sources: SourceRegistry, entities: Registry) -> Article:
    """The article with its source settled as this module's docstring says; the same object
    when nothing changes."""
    raw = " ".join((article.source or "").split()) or None
    words = dict(_evidence(article))
    said = words.get("source", "")
    curator = article.source_origin == "curator"
    source, origin, note = raw, article.source_origin, ""
    found = sources.match(raw)
    if raw and found:
        source = found.source.name
        if source != raw:
            note = f"given as “{raw}”, {_HOW_WORDS[found.how]} of {source} in the source registry"
    elif raw:
        why = refusal(raw, article, entities, curator=curator)
        if why:
            source, origin, note = None, None, f"“{raw}” refused: {why}"
        elif not curator and (by_url := sources.by_url(article.url)) is not None:
            source = by_url.name
            note = f"given as “{raw}”; the address is {by_url.name}'s in the source registry"
        else:
            source = _tidy(raw)
            if source != raw:
                note = f"given as “{raw}”"
    if source is None and (by_url := sources.by_url(article.url)) is not None:
        source, origin = by_url.name, "source"
        note = "; ".join(filter(None, [note, "the address's domain, in the source registry"]))
    if source == article.source and not note:
        return article
    if note:
        words["source"] = "; ".join(filter(None, [said if said != "none found" else "", note]))
    extra = dict(article.extra)
    if words:
        extra["evidence"] = words
    return article.with_changes(
        source=source, source_origin=origin if source else None, extra=extra
    )


def settle_in_project(article: Article, folder: Path, entities: Registry) -> Article:
    """`settle_source` with the source registry of the project `folder` belongs to."""
    return settle_source(article, sources_near(folder), entities)


@dataclass(frozen=True)
class CuratorSource:
    """A source a curator gives for an article added before, settled against the registries."""

    value: str  # what to store: the registered name, the value tidied, or "unknown"
    said: str  # what was done, in words ("" when it is stored as given)
    refused: str = ""  # why it cannot be a publisher ("a place in the entity registry")


def curator_source(raw: str, folder: Path) -> CuratorSource:
    """`raw` settled as `settle_source` settles a curator's value, with the registries of the
    project `folder` belongs to: `nyt` is The New York Times, a registered person or place is
    refused, and a value the registry lacks is kept (tidied) and said to be unregistered."""
    raw = " ".join(raw.split())
    if not raw or raw in ("unknown", "Unknown"):
        return CuratorSource("unknown", "")
    found = sources_near(folder).match(raw)
    if found is not None:
        name = found.source.name
        if name == raw:
            return CuratorSource(name, f"{name} is in the source registry")
        how = _HOW_WORDS[found.how]
        return CuratorSource(name, f"“{raw}” is {how} of {name} in the source registry")
    why = refusal(raw, _NO_ARTICLE, registry_near(folder), curator=True)
    if why:
        return CuratorSource("unknown", "", f"“{raw}” is {why}, not a publisher")
    tidy = _tidy(raw)
    given = f" (given as “{raw}”)" if tidy != raw else ""
    return CuratorSource(
        tidy,
        f"“{tidy}”{given} is not in the source registry; "
        f"`chronicle sources accept {shlex.quote(tidy)}` adds it",
    )


def settled(values: Mapping[str, Any], folder: Path) -> dict[str, Any]:
    """Curator values with their source settled (`curator_source`; a refused one is unknown):
    for correcting an article added before."""
    out = dict(values)
    raw = " ".join(str(out.get("source") or "").split())
    if raw:
        out["source"] = curator_source(raw, folder).value
    return out


def _evidence(article: Article) -> dict[str, str]:
    found = article.extra.get("evidence")
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


_WWW = re.compile(r"^www\.", re.IGNORECASE)


def _tidy(raw: str) -> str:
    """Obvious clean-ups only: a bare host loses its "www."; the rest is kept as written
    ("Bloomberg.com" is the publisher's own styling, not lowered)."""
    rest = _WWW.sub("", raw)
    return rest if rest != raw and host_of(rest) else raw


def refusal(raw: str, article: Article, entities: Registry, *, curator: bool = False) -> str:
    """Why `raw` cannot be the article's publisher, or "" when it can."""
    kind = _entity_kinds(entities).get(name_key(raw))
    if kind in ("person", "place"):
        return f"a {kind} in the entity registry"
    if curator:
        return ""
    if _PLACE_INITIALS.match(raw):
        return "a place's initials, as in a dateline"
    if is_dateline_place(raw, article.body):
        return "the place of the article's dateline"
    if raw.split()[0].casefold() == "by" and looks_like_person(" ".join(raw.split()[1:])):
        return "a byline"
    if (
        looks_like_person(raw)
        and any(squashed(raw) == squashed(a) for a in article.authors)
        and not names_the_host(raw, article.url)
    ):
        return "one of the article's authors"
    return ""


def names_the_host(name: str, url: str | None) -> bool:
    """Whether `name` is the site's own name as its address writes it: its letters in the host
    ("Harbour Gazette", harbourgazette.example) or its initials as a label ("Harbour Tennis
    Club", htc-harbour.example). A site that signs its pages with its own name is a publisher,
    not a person, however name-like the name. A long word of the name as a whole label counts
    too ("Das Hafenblatt", hafenblatt.blog.example)."""
    host = host_of(url or "")
    if not host:
        return False
    key = squashed(name)
    labels = re.split(r"[.-]", host)
    initials = "".join(w[0] for w in fold(name).split() if w[:1].isalnum())
    if (len(key) >= 4 and key in squashed(host)) or (len(initials) >= 2 and initials in labels):
        return True
    return any(len(word) >= 5 and squashed(word) in labels for word in name.split())


def _entity_kinds(entities: Registry) -> dict[str, str]:
    """Each name and alias of the entity registry → its kind, made once per registry."""
    kinds = entities.derived.get("source_refusals")
    if kinds is None:
        kinds = {
            name_key(form): entity.kind
            for entity in entities.entities
            for form in (entity.name, *entity.aliases)
        }
        entities.derived["source_refusals"] = kinds
    return kinds


# A dateline's place is words of letters; written in capitals ("WASHINGTON", "GAZA CITY"), or
# followed by a region or a wire's name ("Cairo, Egypt —", "Cairo (Reuters) -"). A publisher's
# own credit line ("PanARMENIAN.Net - …", "Reuters - …") is neither.
_PLACE_WORDS = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+){0,3}$")


def is_dateline_place(raw: str, body: str) -> bool:
    """`raw` opens a paragraph of the body as a dateline's place does: "WASHINGTON —", "GAZA
    CITY, Gaza Strip (AP) —", "Cairo (Reuters) -"."""
    if not _PLACE_WORDS.match(raw) or len(raw) > 40:
        return False
    capitals = raw.isupper() and len(raw) >= 4
    after = (
        r"\s*(?:,[^\n—–]{0,40}?)?(?:\([^)\n]{1,30}\))?"
        if capitals
        else (r"\s*(?:,[^\n—–(]{1,40}?\s*(?:\([^)\n]{1,30}\))?|\([^)\n]{1,30}\))")
    )
    pattern = re.compile(r"(?:^|\n)[\s*_>]*" + re.escape(raw) + r"[*_]*" + after + r"\s*[—–-]")
    return bool(pattern.search(body[:4000]))


def looks_like_person(name: str) -> bool:
    """Two to four capitalised words, no digits and no word of an organisation's or a
    publisher's name: "Jane Roe", "J. R. Smith", "Ana de la Cruz"; not "Miami Herald"."""
    words = name.split()
    if not 2 <= len(words) <= 4:
        return False
    named = 0
    for word in words:
        lower = word.casefold().strip(".,")
        if lower in ORGANISATION_WORDS_EN or lower in PUBLISHER_WORDS_EN:
            return False
        if lower in NAME_PARTICLES:
            continue
        if not _NAME_WORD.match(word):
            return False
        named += 1
    return named >= 2


# --- what the registry lacks ----------------------------------------------------------------


@dataclass
class SourceSuggestion:
    """Source names the registry lacks that seem to be one publisher, with a proposed entry."""

    name: str  # the proposed canonical name
    count: int  # articles
    aliases: list[str] = field(default_factory=list)  # the group's other names
    domains: list[str] = field(default_factory=list)  # hosts of the names and the articles
    alias_of: str | None = None  # a registered source it is probably another spelling of

    def command(self) -> str:
        """The `chronicle sources accept` line that would register it."""
        if self.alias_of:
            parts = [_quoted(self.alias_of), "--alias", _quoted(self.name)]
            parts += [p for a in self.aliases for p in ("--alias", _quoted(a))]
        else:
            parts = [_quoted(self.name)] + [
                p for a in self.aliases for p in ("--alias", _quoted(a))
            ]
        parts += [p for d in self.domains for p in ("--domain", d)]
        return "chronicle sources accept " + " ".join(parts)


def _quoted(text: str) -> str:
    """Quoted for a POSIX shell: a name from a page may hold `$(…)` or quotes."""
    return shlex.quote(text)


def unregistered_sources(
    articles: Iterable[Article], sources: SourceRegistry
) -> dict[str, list[Article]]:
    """Each stored source name the registry does not know → the articles that use it."""
    out: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        if article.source and sources.match(article.source) is None:
            out[article.source].append(article)
    return dict(out)


def suggest_sources(articles: Iterable[Article], sources: SourceRegistry) -> list[SourceSuggestion]:
    """Unregistered source names, most used first, with the names that are likely one
    publisher grouped: the same letters ("Miami Herald", "miamiherald"), one host ("nytimes.com",
    "www.nytimes.com"), or the same single address host for all their articles."""
    unknown = unregistered_sources(articles, sources)
    parent = {name: name for name in unknown}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    owner: dict[str, str] = {}
    hosts: dict[str, list[str]] = {}
    for name, used in unknown.items():
        url_hosts = Counter(h for a in used if (h := host_of(a.url or "")))
        hosts[name] = [h for h, n in url_hosts.most_common() if n * 2 >= len(used)][:1]
        host = host_of(name) if "." in name else None
        for key in filter(None, _keys(name, host, hosts[name])):
            if key in owner:
                parent[root(name)] = root(owner[key])
            else:
                owner[key] = name
    groups: dict[str, list[str]] = defaultdict(list)
    for name in unknown:
        groups[root(name)].append(name)
    out = []
    for names in groups.values():
        names.sort(key=lambda n: (host_of(n) is not None and "." in n, -len(unknown[n]), n))
        domains = dict.fromkeys(
            h for n in names for h in [*hosts[n], host_of(n) if "." in n else None] if h
        )
        suggestion = SourceSuggestion(
            name=names[0],
            count=sum(len(unknown[n]) for n in names),
            aliases=[n for n in names[1:] if n not in domains],
            domains=list(domains),
        )
        close = _registered_spelling(names[0], sources)
        if close:
            suggestion.alias_of = close
        out.append(suggestion)
    return sorted(out, key=lambda s: (-s.count, s.name.casefold()))


def _keys(name: str, host: str | None, url_hosts: list[str]) -> list[str]:
    key = name_key(name)
    bare = key[4:] if key.startswith("the ") else key
    keys = [f"squashed:{squashed(bare)}" if len(squashed(bare)) >= 4 else ""]
    if host:
        keys += [f"host:{host}", f"squashed:{squashed(host.split('.')[0])}"]
    keys += [f"host:{h}" for h in url_hosts]
    return keys


def _registered_spelling(name: str, sources: SourceRegistry) -> str | None:
    """The registered source whose name or alias is nearly `name` ("New York Times" and "The
    New-York Times"), for a proposed alias; None when none is close."""
    key = squashed(name_key(name).removeprefix("the "))
    if len(key) < 5:
        return None
    forms = {
        squashed(name_key(form).removeprefix("the ")): source.name
        for source in sources.sources
        for form in (source.name, *source.aliases)
    }
    close = difflib.get_close_matches(key, list(forms), n=1, cutoff=0.85)
    return forms[close[0]] if close else None
