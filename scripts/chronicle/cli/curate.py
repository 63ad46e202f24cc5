"""`chronicle list` and `chronicle show`: what the archive holds, for people and for scripts.

Both read the archive only. `--json` prints one JSON document on stdout and nothing else, so
`chronicle list --json | jq …` works; errors still go to stderr as one line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from chronicle.archive import evidence
from chronicle.archive.changes import ChangeLog
from chronicle.archive.dates import parse_date
from chronicle.archive.model import Article
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.schema import article_to_mapping
from chronicle.archive.select import MISSING_FIELDS, Filters, is_uncertain, select
from chronicle.archive.store import ArticleStore
from chronicle.cli.options import archive_option
from chronicle.cli.paths import shown
from chronicle.cli.progress import progress
from chronicle.errors import ChronicleError
from chronicle.ingest.curate import find
from chronicle.text.counts import counted
from chronicle.text.terminal import printable


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def described(article: Article, path: Path) -> dict[str, Any]:
    """An article as `--json` gives it: its front matter, its file, its date for people."""
    out: dict[str, Any] = {"file": shown(path)}
    out.update(article_to_mapping(article))
    out["date_shown"] = article.date.human() if article.date else "unknown"
    out["uncertain"] = is_uncertain(article)
    return out


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _date(value: str | None, option: str):
    if value is None:
        return None
    try:
        date = parse_date(value, option)
    except ChronicleError as exc:
        raise click.BadParameter(exc.reason, param_hint=option) from None
    if date is None:
        message = "give a date such as 2025-03-21, 2025-03 or 2025"
        raise click.BadParameter(message, param_hint=option)
    return date


@click.command(name="list")
@archive_option
@click.option("--since", metavar="DATE", help="Only articles that may be dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Only articles that may be dated on or before DATE.")
@click.option("--source", "sources", multiple=True, help="Only this source (repeat for several).")
@click.option("--topic", "topics", multiple=True, help="Only this topic (repeat for several).")
@click.option(
    "--entity",
    "entities",
    multiple=True,
    help="Only articles mentioning this person, organisation or place (repeat for several).",
)
@click.option(
    "--missing",
    type=click.Choice(MISSING_FIELDS),
    multiple=True,
    help="Only articles where this is unknown (title: inferred, not given).",
)
@click.option(
    "--uncertain",
    is_flag=True,
    help="Only articles with an approximate, uncertain or imprecise date, or a guessed value.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {count, articles: [...]}.")
def list_command(
    archive: Path,
    since: str | None,
    until: str | None,
    sources: tuple[str, ...],
    topics: tuple[str, ...],
    entities: tuple[str, ...],
    missing: tuple[str, ...],
    uncertain: bool,
    as_json: bool,
) -> None:
    """List stored articles, oldest first (undated last), with filters.

    Names compare without case or accents ("le monde" finds "Le Monde"). A date range lists
    every article whose date may fall in it: "March 2025" is listed for --since 2025-03-20.
    Files that cannot be read are named on stderr (`chronicle check` says why); the exit status
    is then 1.

    \b
    Examples:
      chronicle list --since 2025-03 --until 2025-04 --topic "Gaza ceasefire"
      chronicle list --missing date --missing source
      chronicle list --uncertain --json > to-check.json
    """
    filters = Filters(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        sources=sources,
        topics=topics,
        entities=entities,
        missing=missing,
        uncertain=uncertain,
    )
    store = ArticleStore.of_site(archive)
    pairs: list[tuple[Path, Article]] = []
    broken: list[tuple[Path, ChronicleError]] = []
    for path, article in progress(store.scan(), "Reading", total=len(store.files())):
        if isinstance(article, ChronicleError):
            broken.append((path, article))
        else:
            pairs.append((path, article))
    store.save_memo()
    chosen = select(pairs, filters)
    err = _console(stderr=True)
    for path, error in broken:
        err.print(f"cannot read {shown(path)}: {error.reason}", markup=False)
    if as_json:
        print_json({"count": len(chosen), "articles": [described(a, p) for p, a in chosen]})
    else:
        _print_table(chosen, total=len(pairs))
    if broken:
        sys.exit(1)


def _print_table(chosen: list[tuple[Path, Article]], total: int) -> None:
    out = _console()
    if chosen:
        table = Table(show_edge=False, pad_edge=False)
        for column in ("date", "source", "title", "id"):
            table.add_column(column, overflow="fold")
        for _, article in chosen:
            # Text, not str: Rich would read "[...]" in a title as markup.
            cells = (
                article.date.edtf if article.date else "unknown",
                article.source or "unknown",
                article.title + (" (inferred)" if article.title_origin == "inferred" else ""),
                article.id,
            )
            table.add_row(*(Text(printable(cell)) for cell in cells))
        out.print(table)
    out.print(f"{len(chosen)} of {counted(total, 'article')} listed", markup=False)


@click.command()
@click.argument("article_id", metavar="ID")
@archive_option
@click.option(
    "--originals",
    type=click.Path(path_type=Path),
    help="Folder of kept originals (default: originals/ at the project root).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def show(article_id: str, archive: Path, originals: Path | None, as_json: bool) -> None:
    """Show one article: its metadata and where each value came from (the reader's evidence
    for the date, title, authors and source), its file, its original and the changes curators
    recorded.

    ID is the article's id (as `chronicle list` shows it) or the path of its file.

    \b
    Examples:
      chronicle show 2025-03-21-talks-stall
      chronicle show 2025-03-21-talks-stall --json | jq .provenance
      chronicle show 2025-03-21-talks-stall --json | jq .evidence
    """
    store = ArticleStore.of_site(archive)
    try:
        found = find(store, article_id)
        history = ChangeLog.of_archive(archive).entries()
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    article = found.article
    kept = OriginalsStore(originals or default_location(archive))
    prov = article.provenance
    original = kept.path_for(prov.sha256) if prov else None
    problem = kept.problem(prov.sha256) if prov else "no original was recorded"
    changes = [c.to_mapping() for c in history if c.id == article.id]
    if as_json:
        data = described(article, found.path)
        data["original_file"] = shown(original) if original else None
        data["original_problem"] = problem
        data["recorded_changes"] = changes
        data["evidence"] = evidence.as_mapping(article)
        print_json(data)
        return
    _print_article(article, found.path, original, problem, changes)


def _print_article(
    article: Article,
    path: Path,
    original: Path | None,
    problem: str | None,
    changes: list[dict[str, Any]],
) -> None:
    # Plain lines, not a table: a path or a hash stays whole, to copy or to grep.
    out = _console()
    lines: list[str] = []

    def row(key: str, value: Any, origin: str | None = "") -> None:
        if isinstance(value, (list, tuple)):
            value = "; ".join(str(v) for v in value) if value else "none"
        text = "unknown" if value in (None, "") else str(value)
        lines.append(f"{key + ':':<14}{text}" + (f"  [{origin}]" if origin else ""))

    row("id", article.id)
    row("title", article.title, article.title_origin)
    row("date", article.date.human() if article.date else None, article.date_origin)
    row("source", article.source, article.source_origin)
    row("url", article.url)
    row("authors", article.authors)
    # Where each of them came from: the reader's words as stored, and what they amount to.
    for found in evidence.record_evidence(article):
        row(f"{found.field} from", found.words or "not recorded", evidence.standing_words(found))
    row("language", article.language)
    row("topics", article.topics)
    row("summary", article.summary)
    row("words", article.word_count)
    for key in ("people", "organisations", "places", "other_versions"):
        if getattr(article, key):
            row(key.replace("_", " "), getattr(article, key))
    if article.quotes:
        row("quotes", len(article.quotes))
    blog = article.extra.get("blog")
    if isinstance(blog, dict) and blog.get("url"):
        row("blog address", blog["url"], "before the import")
    row("file", shown(path))
    prov = article.provenance
    if prov:
        row("original", f"{prov.original_name} ({prov.reader} reader)")
        row("sha256", prov.sha256)
        row("kept at", shown(original) if original else None, problem or "intact")
        row("added", prov.added.isoformat())
        if prov.retrieved:
            row("retrieved", prov.retrieved.isoformat())
        if prov.original_url:
            row("fetched from", prov.original_url)
    else:
        row("original", None, problem)
    for line in lines:
        out.print(printable(line), markup=False)
    for change in changes:
        what = ", ".join(change.get("changes", {})) or change.get("redirect", "")
        out.print(printable(f"{change['when']}  {change['action']:6}  {what}"), markup=False)
