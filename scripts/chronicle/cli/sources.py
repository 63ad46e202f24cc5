"""`chronicle sources suggest|accept`: the source registry's commands.

Like the entity registry's, these parse arguments, call the library (`archive/sources.py`,
`ingest/sources.py`) and turn errors into one line.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from chronicle.archive.files import write_atomic
from chronicle.archive.sources import (
    SOURCES_FILE,
    SourceRegistry,
    find_sources_file,
    load_sources,
    merge_source,
    parse_sources,
    source_from_mapping,
)
from chronicle.archive.store import ArticleStore
from chronicle.cli.options import archive_option
from chronicle.errors import ChronicleError
from chronicle.ingest.sources import suggest_sources
from chronicle.text.terminal import printable

sources_option = click.option(
    "--sources",
    "sources_file",
    type=click.Path(path_type=Path),
    default=None,
    help=f"The source registry (default: {SOURCES_FILE} beside mkdocs.yml, found from the "
    "archive folder upwards, else in the current folder).",
)


def sources_path(archive: Path, given: Path | None) -> Path:
    if given is not None:
        return given
    return find_sources_file(archive) or Path(SOURCES_FILE)


def project_sources(archive: Path) -> SourceRegistry | None:
    """The registry beside the archive's mkdocs.yml, for `chronicle check`; None if none."""
    path = find_sources_file(archive)
    return _load(path) if path else None


def _load(path: Path) -> SourceRegistry:
    try:
        return load_sources(path)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None


def _console() -> Console:
    return Console(highlight=False, soft_wrap=True)


@click.group()
def sources() -> None:
    """The source registry: the publishers articles come from, each under one name.

    A source stored as one of a publisher's aliases or domains ("nytimes.com", "NYT") is
    stored, listed and cited under the registered name.

    \b
    Example:
      chronicle sources suggest
      chronicle sources accept "The New York Times" --alias NYT --domain nytimes.com
    """


@sources.command("suggest")
@archive_option
@sources_option
@click.option("--limit", type=int, default=50, show_default=True, help="Most suggestions shown.")
def suggest_command(archive: Path, sources_file: Path | None, limit: int) -> None:
    """List the sources articles use that the registry does not know, with counts.

    Names that are likely one publisher are grouped into one proposed entry: the same letters
    ("Miami Herald", "miamiherald"), one host ("nytimes.com", "www.nytimes.com"), or one
    address host for all their articles. A name close to a registered one is proposed as its
    alias. Each line ends with the `chronicle sources accept` command that would register it.

    \b
    Example:
      chronicle sources suggest --limit 20
    """
    registry = _load(sources_path(archive, sources_file))
    store = ArticleStore.of_site(archive)
    try:
        articles = [article for _path, article in store.iter_articles()]
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    store.save_memo()
    found = suggest_sources(articles, registry)
    out = _console()
    if not found:
        out.print("no suggestions: the registry knows every source the articles use", markup=False)
        return
    table = Table(show_edge=False)
    for column in ("source", "articles", "other names", "domains", "alias of"):
        table.add_column(column, overflow="fold")
    for s in found[:limit]:
        # Text, not markup: names come from articles.
        cells = [s.name, str(s.count), ", ".join(s.aliases), ", ".join(s.domains), s.alias_of or ""]
        table.add_row(*(Text(printable(c)) for c in cells))
    out.print(table)
    for s in found[:limit]:
        out.print(printable(s.command()), markup=False)
    out.print(f"{len(found)} suggestions; run the lines above that are right", markup=False)


@sources.command("accept")
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, help="Another way it is written (repeat).")
@click.option("--domain", "domains", multiple=True, help="A host of its site (repeat).")
@click.option("--country", default=None, metavar="CC", help="Two-letter country code, e.g. GB.")
@archive_option
@sources_option
def accept(
    name: str,
    aliases: tuple[str, ...],
    domains: tuple[str, ...],
    country: str | None,
    archive: Path,
    sources_file: Path | None,
) -> None:
    """Add a source to the registry, or aliases and domains to one it holds.

    A new name is appended; for a name the registry holds, the aliases and domains are added
    to its entry (the rest of the file is left as it is). A name, alias or domain that belongs
    to another source is refused. Stored articles keep their words; the site lists them under
    the registered name at the next build, and new articles are stored under it.

    \b
    Example:
      chronicle sources accept "The Guardian" --alias "the Guardian" \\
          --domain theguardian.com --country GB
      chronicle sources accept "Miami Herald" --alias miamiherald
    """
    path = sources_path(archive, sources_file)
    given = {
        "name": " ".join(name.split()),
        "aliases": [" ".join(a.split()) for a in aliases],
        "domains": list(domains),
        "country": country,
    }
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        held = given["name"] in parse_sources(text, str(path))
        entry = source_from_mapping(str(path), "new entry", {k: v for k, v in given.items() if v})
        new_text, merged = merge_source(text, entry, str(path))
        write_atomic(path, new_text)
    except (ChronicleError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    what = "updated" if held else "accepted"
    out = _console()
    names = ", ".join((*merged.aliases, *merged.domains)) or "no aliases or domains"
    out.print(f"{what} {merged.name} ({names}) in {path}", markup=False)
