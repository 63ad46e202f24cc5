"""`chronicle check`: what is wrong (errors) and what is not known (warnings), per file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chronicle.archive.evidence import date_guessed, recorded
from chronicle.archive.index import name_collisions
from chronicle.archive.model import Article
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.sources import SOURCES_FILE, SourceRegistry
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.text.counts import counted

if TYPE_CHECKING:  # the enrichment modules load when a check enriches, not with `add`
    from chronicle.ingest.enrich import Registry


@dataclass(frozen=True)
class Finding:
    level: str  # "error" | "warning"
    file: str
    message: str
    fixable: bool = False  # `chronicle check --fix` mends it


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    articles: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]


def warnings_for(name: str, article: Article) -> list[Finding]:
    """What the archive does not know about one article (pure)."""
    out = []

    def warn(message: str) -> None:
        out.append(Finding("warning", name, message))

    if article.title_origin == "inferred":
        warn(f"title inferred from the text, not given: “{article.title}”; set 'title' to confirm")
    if article.date is None:
        warn("date unknown; set 'date' (EDTF, e.g. 2025-03-21 or 2025-03-21~ if approximate)")
    elif date_guessed(article):
        # Quoted (“…”) so the summary table counts these as one kind of finding.
        found = recorded(article).get("date")
        why = f", evidence “{found}”" if found else ""
        warn(
            f"date guessed from the text, not given by the original: “{article.date.human()}”"
            f"{why}; set 'date' to confirm or correct it"
        )
    elif article.date.form is not None:
        # Kept as written (a decade, a season, "one of"): for review, never collapsed to a day.
        kind = "imprecise" if article.date.is_exact else "uncertain"
        warn(f"date is {kind}: “{article.date.human()}” (EDTF “{article.date.edtf}”)")
    elif not article.date.is_exact:
        found = recorded(article).get("date")
        warn(f"date is {article.date.human()}" + (f" (evidence “{found}”)" if found else ""))
    if not article.source:
        found = recorded(article).get("source")
        why = f" (evidence “{found}”)" if found and found != "none found" else ""
        warn(f"source unknown{why}; set 'source' to the publisher when it is known")
    return out


def duplicates_in(pairs: list[tuple[str, Article]]) -> list[Finding]:
    """Errors for articles that share an id or a text fingerprint (pure)."""
    by_id: dict[str, list[str]] = defaultdict(list)
    by_fp: dict[str, list[str]] = defaultdict(list)
    for name, article in pairs:
        by_id[article.id].append(name)
        if article.provenance and article.provenance.fingerprint:
            by_fp[article.provenance.fingerprint].append(name)
    out = []
    for key, names in by_id.items():
        for name in names[1:]:
            out.append(Finding("error", name, f"id '{key}' is also used by {names[0]}"))
    for names in by_fp.values():
        for name in names[1:]:
            out.append(Finding("error", name, f"same text as {names[0]} (duplicate)"))
    return out


def collision_warnings(pairs: list[tuple[str, Article]]) -> list[Finding]:
    """Warnings for topic or source names that differ but share one page (pure): one per page,
    on the first file using a name other than the most used one, the likely odd one out."""
    out = []
    for collision in name_collisions(pairs):
        names = collision.names
        main = max(names, key=lambda name: len(names[name]))
        file = next(where[0] for name, where in names.items() if name != main)
        out.append(Finding("warning", file, collision.describe()))
    return out


def source_warnings(pairs: list[tuple[str, Article]], sources: SourceRegistry) -> list[Finding]:
    """One warning for each source name the registry does not know, most used first, on the
    registry's file and naming the articles that use it (pure)."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for name, article in pairs:
        if article.source and sources.match(article.source) is None:
            by_name[article.source].append(name)
    where = Path(sources.path).name or SOURCES_FILE
    out = []
    for source, files in sorted(by_name.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold())):
        more = f" and {len(files) - 3} more" if len(files) > 3 else ""
        out.append(
            Finding(
                "warning",
                where,
                f"source '{source}' is not in the source registry "
                f"({counted(len(files), 'article')}: {', '.join(files[:3])}{more}); "
                "`chronicle sources suggest` proposes entries",
            )
        )
    return out


def originals_problems(
    pairs: list[tuple[str, Article]], originals: OriginalsStore
) -> list[Finding]:
    """Errors for recorded originals that are missing or no longer match their hash."""
    out = []
    checked: dict[str, str | None] = {}
    for name, article in pairs:
        for sha in recorded_originals(article):
            if sha not in checked:  # a feed's entries share one original: hash it once
                checked[sha] = originals.problem(sha)
            if checked[sha]:
                out.append(Finding("error", name, checked[sha] or ""))
    return out


def recorded_originals(article: Article) -> list[str]:
    """The SHA-256 of every original the article records: its own and its other captures'."""
    own = [article.provenance.sha256] if article.provenance else []
    return [*own, *(c.sha256 for c in article.captures)]


def link_problems(pairs: list[tuple[str, Article]]) -> list[Finding]:
    """`other_versions` naming an article that is not in the archive (an error: the site would
    link to nothing), or naming one that does not name it back (a warning); both are what
    `chronicle check --fix` mends (pure)."""
    versions = {article.id: set(article.other_versions) for _, article in pairs}
    out = []
    for name, article in pairs:
        for other in article.other_versions:
            if other not in versions:
                out.append(
                    Finding(
                        "error",
                        name,
                        f"other_versions names '{other}', which is not in "
                        "the archive; `chronicle check --fix` removes the link",
                        True,
                    )
                )
            elif article.id not in versions[other] and other != article.id:
                out.append(
                    Finding(
                        "warning",
                        name,
                        f"other_versions names '{other}', which does not "
                        "name it back; `chronicle check --fix` links both ways",
                        True,
                    )
                )
    return out


def orphaned_originals(
    pairs: list[tuple[str, Article]], originals: OriginalsStore, removed: set[str]
) -> list[Finding]:
    """Kept originals that no article names and no recorded removal explains: an article file
    deleted by hand. A warning: the original is evidence, never deleted for the curator."""
    named = {sha for _, a in pairs for sha in recorded_originals(a)} | removed
    out = []
    for path in originals.kept():
        if path.name not in named:
            out.append(
                Finding(
                    "warning",
                    f"{originals.root.name}/{path.parent.name}/{path.name}",
                    "no article names this original (was its article file deleted by hand?); "
                    "`chronicle add` it to restore the article, or delete it if it should go",
                )
            )
    return out


def fix_links(store: ArticleStore) -> list[tuple[Path, Article, Article]]:
    """Mend `other_versions` in the files: drop ids that are not in the archive, add the
    missing way back. Each (path, before, after) written."""
    pairs = [(p, a) for p, a in store.scan() if not isinstance(a, ChronicleError)]
    versions = {a.id: list(a.other_versions) for _, a in pairs}
    for _, article in pairs:
        for other in article.other_versions:
            if other in versions and other != article.id and article.id not in versions[other]:
                versions[other].append(article.id)
    out = []
    for path, article in pairs:
        mended = tuple(i for i in versions[article.id] if i in versions)
        if mended != article.other_versions:
            after = article.with_changes(other_versions=mended)
            store.write(path, after)
            out.append((path, article, after))
    return out


def enrichment_warnings(name: str, article: Article, registry: Registry) -> list[Finding]:
    """Derived keys that `chronicle enrich` would change (pure)."""
    from chronicle.ingest.enrich import enrich_article  # perf: `add` imports this module too

    fresh = enrich_article(article, registry)
    if fresh is article:
        return []
    stale = [
        n
        for key in ("people", "organisations", "places")
        for n in getattr(article, key)
        if n not in registry
    ]
    why = f" ('{stale[0]}' is not in the registry)" if stale else ""
    return [
        Finding(
            "warning",
            name,
            f"people, places, quotes or reading level out of date{why}; run `chronicle enrich`",
        )
    ]


def check_store(
    store: ArticleStore,
    originals: Path | None = None,
    registry: Registry | None = None,
    *,
    sources: SourceRegistry | None = None,
    show_path: Callable[[Path], str] | None = None,
    removed_originals: set[str] | None = None,
    on_article: Callable[[], None] | None = None,
) -> Report:
    """Every finding about the archive; `show_path` names files (default: from the project);
    `sources`: the source registry, whose unknown sources are warned about (None: no registry);
    `removed_originals`: the originals of articles removed on purpose (not orphans)."""
    show = show_path or store.name
    report = Report()
    pairs: list[tuple[str, Article]] = []
    for path, article in store.scan():
        if on_article:
            on_article()
        name = show(path)
        if isinstance(article, ChronicleError):
            report.findings.append(Finding("error", name, article.reason))
            continue
        pairs.append((name, article))
        report.findings.extend(warnings_for(name, article))
        if registry is not None:
            report.findings.extend(enrichment_warnings(name, article, registry))
    report.articles = len(pairs)
    report.findings.extend(duplicates_in(pairs))
    report.findings.extend(collision_warnings(pairs))
    if sources is not None:
        report.findings.extend(source_warnings(pairs, sources))
    kept = OriginalsStore(originals or default_location(store.root))
    report.findings.extend(originals_problems(pairs, kept))
    report.findings.extend(link_problems(pairs))
    report.findings.extend(orphaned_originals(pairs, kept, removed_originals or set()))
    store.save_memo()
    return report
