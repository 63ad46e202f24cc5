"""`chronicle enrich` and `chronicle entities suggest|accept`: the entity registry's commands.

Kept out of main.py so the command group there only registers them. Like the other commands,
these parse arguments, call the library (`ingest/enrich/`, `store.py`) and turn errors into one
line.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from chronicle.archive.files import write_atomic
from chronicle.archive.registry import (
    KINDS,
    REGISTRY_FILE,
    Entity,
    Registry,
    append_entity,
    find_registry_file,
    load_registry,
)
from chronicle.archive.store import ArticleStore
from chronicle.cli.options import archive_option
from chronicle.cli.progress import bar
from chronicle.errors import ChronicleError
from chronicle.ingest.enrich.run import Enriched, enrich_store
from chronicle.ingest.enrich.suggest import suggest

entities_option = click.option(
    "--entities",
    "entities_file",
    type=click.Path(path_type=Path),
    default=None,
    help=f"The entity registry (default: {REGISTRY_FILE} beside mkdocs.yml, found from the "
    "archive folder upwards, else in the current folder).",
)


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


def registry_path(archive: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    return find_registry_file(archive) or Path(REGISTRY_FILE)


def project_registry(archive: Path) -> Registry | None:
    """The registry beside the archive's mkdocs.yml, for `chronicle check`; None if none."""
    path = find_registry_file(archive)
    return _load(path) if path else None


def _load(path: Path) -> Registry:
    try:
        return load_registry(path)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None


@click.command()
@archive_option
@entities_option
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def enrich(archive: Path, entities_file: Path | None, dry_run: bool) -> None:
    """Find people, organisations, places, quotes and reading level in every stored article.

    Each article's front matter gets `people`, `organisations`, `places` (names from the entity
    registry), `quotes` (exact text, speaker, verb), `figures` (numbers the text attributes, with
    who reported them) and `word_count`/`reading_grade`. These keys are derived: hand edits to
    them are replaced. Run it after editing the registry. A second
    run changes nothing; only articles whose values change are rewritten (atomically).

    \b
    Example:
      chronicle entities accept "Mahmoud Abbas" --kind person --alias Abbas
      chronicle enrich                 # update every article
      chronicle enrich --dry-run       # what would change, e.g. in CI
    """
    path = registry_path(archive, entities_file)
    registry = _load(path)
    out = _console()
    if not registry.entities:
        out.print(f"note: no entities in {path}; only quotes and reading level", markup=False)
    store = ArticleStore.of_site(archive)

    def report(done: Enriched) -> None:
        advance()
        if done.status == "failed":
            out.print(f"failed   {store.name(done.path)}: {done.reason}", markup=False)
        elif done.status == "updated":
            verb = "would update" if dry_run else "updated"
            out.print(f"{verb}  {store.name(done.path)}", markup=False)

    started = time.perf_counter()
    with bar("Enriching", len(store.files())) as advance:
        summary = enrich_store(store, registry, dry_run=dry_run, on_article=report)
    seconds = time.perf_counter() - started
    counts = summary.counts
    out.print(
        f"{summary.articles} articles, {summary.updated} {'to update' if dry_run else 'updated'}, "
        f"{summary.failed} failed in {seconds:.2f}s: {counts['people']} people, "
        f"{counts['organisations']} organisations, {counts['places']} places, "
        f"{counts['quotes']} quotes, {counts['figures']} figures "
        f"(registry: {path}, {len(registry)} entities)",
        markup=False,
    )
    if summary.failed or (dry_run and summary.updated):
        sys.exit(1)


@click.group()
def entities() -> None:
    """The entity registry: suggest names the archive uses, accept them into the registry.

    \b
    Example:
      chronicle entities suggest --min-count 2
      chronicle entities accept "Tamim Khallaf" --kind person \\
          --description "Spokesperson of the Egyptian Foreign Ministry"
    """


@entities.command("suggest")
@archive_option
@entities_option
@click.option("--min-count", type=int, default=1, show_default=True, help="Fewest mentions.")
@click.option("--limit", type=int, default=50, show_default=True, help="Most suggestions shown.")
@click.option("--no-spacy", is_flag=True, help="Rules only, even when spaCy is installed.")
def suggest_command(
    archive: Path, entities_file: Path | None, min_count: int, limit: int, no_spacy: bool
) -> None:
    """List names found in the articles that the registry does not hold.

    Capitalised names and names after a role ("envoy", "spokesperson", "Minister") are counted
    over the archive, with a guessed kind and an example sentence. Accept the right ones with
    `chronicle entities accept`; the rest are simply ignored. spaCy's named entities are added
    when spaCy and an English model are already installed (nothing is downloaded).

    \b
    Example:
      chronicle entities suggest --min-count 3 --limit 20
    """
    registry = _load(registry_path(archive, entities_file))
    store = ArticleStore.of_site(archive)
    try:
        articles = [article for _path, article in store.iter_articles()]
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    store.save_memo()
    found = [s for s in suggest(articles, registry, use_spacy=not no_spacy) if s.count >= min_count]
    out = _console()
    if not found:
        out.print("no suggestions: the registry names everything found", markup=False)
        return
    table = Table(show_edge=False, show_lines=False)
    shown = found[:limit]
    linked = any(s.linked_to for s in shown)  # the column only when it says something
    columns = ["name", "kind?", "count", "articles"] + (["already linked to"] if linked else [])
    for column in [*columns, "example"]:
        table.add_column(column, overflow="fold")
    for s in shown:
        # Text, not markup: names and sentences come from articles (`talks [/button] ended`).
        cells = [s.name, s.kind or "?", str(s.count), str(len(s.articles))]
        cells += [s.linked_to or ""] if linked else []
        table.add_row(*(Text(cell) for cell in [*cells, s.example]))
    out.print(table)
    out.print(
        f"{len(found)} suggestions; accept one with: chronicle entities accept NAME --kind KIND",
        markup=False,
    )
    if linked:
        out.print(
            "a name already linked to an entity is another spelling of it: add it to that "
            "entity's aliases in the registry if it is the same, or accept it if it is not",
            markup=False,
        )


@entities.command("accept")
@click.argument("name")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What the entity is.")
@click.option("--alias", "aliases", multiple=True, help="Another way articles write it (repeat).")
@click.option("--description", default="", help="One line: who or what it is (e.g. a role).")
@click.option("--wikidata", default=None, metavar="QID", help="Wikidata id, e.g. Q801.")
@click.option(
    "--force", is_flag=True, help="Accept a name that is the surname of a registered person."
)
@archive_option
@entities_option
def accept(
    name: str,
    kind: str,
    aliases: tuple[str, ...],
    description: str,
    wikidata: str | None,
    force: bool,
    archive: Path,
    entities_file: Path | None,
) -> None:
    """Add an entity to the registry (appended; the rest of the file is left as it is).

    A name or alias that the registry already holds is refused. So is one that is the surname
    of a registered person (`Katz` for Israel Katz): it would take their `Katz said` in every
    article; pass --force if that is meant. Run `chronicle enrich` after accepting to update
    the articles.

    \b
    Example:
      chronicle entities accept "Steve Witkoff" --kind person --alias "Steven Witkoff" \\
          --description "U.S. special envoy to the Middle East"
    """
    path = registry_path(archive, entities_file)
    entity = Entity(
        name=" ".join(name.split()),
        kind=kind,  # type: ignore[arg-type]
        aliases=tuple(" ".join(a.split()) for a in aliases),
        description=description.strip(),
        wikidata=wikidata,
    )
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        new_text = append_entity(text, entity, str(path))  # refuses a name already held
        clashes = _surname_clashes(_load(path), entity)
        if clashes and not force:
            raise click.ClickException(
                f"{clashes}, so it already names them in articles that name them in full; "
                "pass --force to make it an entity of its own (it then takes those mentions)"
            )
        write_atomic(path, new_text)
    except (ChronicleError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    out = _console()
    if clashes:  # accepted with --force: say what it changes
        out.print(f"warning: {clashes}; it now means {entity.name}", markup=False)
    out.print(
        f"accepted {entity.name} ({entity.kind}) into {path}; run `chronicle enrich` to update "
        "the articles",
        markup=False,
    )


def _surname_clashes(registry: Registry, entity: Entity) -> str:
    """Why `entity` would take mentions from a registered person, or "" when it would not."""
    out = []
    for form in (entity.name, *entity.aliases):
        owners = [o.name for o in registry.surname_owners(form) if o.name != entity.name]
        if owners:
            out.append(f"'{form}' is the surname of {' and '.join(owners)}")
    return "; ".join(out)
