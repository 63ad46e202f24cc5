"""`chronicle set`, `move`, `edit` and `remove`: a curator's corrections, each recorded.

The commands parse arguments and print; the library (`ingest/curate.py`) writes the article
through the store and records the change in `changes.yml` beside `mkdocs.yml`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from chronicle.archive.changes import Change, ChangeLog
from chronicle.archive.store import ArticleStore
from chronicle.cli.options import archive_option, title_origin_option
from chronicle.cli.paths import shown
from chronicle.errors import ChronicleError
from chronicle.ingest.curate import Found, corrected, find, read_edited, remove, save
from chronicle.ingest.sources import curator_source


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _open(archive: Path, article_id: str) -> tuple[ArticleStore, ChangeLog, Found]:
    store = ArticleStore.of_site(archive)
    try:
        return store, ChangeLog.of_archive(archive), find(store, article_id)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None


def _report(path: Path, change: Change | None) -> None:
    out = _out()
    if change is None:
        out.print(f"unchanged  {shown(path)}: it already says so", markup=False)
        return
    out.print(f"{change.action:10} {shown(path)}", markup=False)
    for key, (old, new) in change.changes.items():
        if key != "body":
            out.print(f"           {key}: {old!r} → {new!r}", markup=False)
    if change.redirect:
        out.print(f"           its old address {change.redirect} will redirect here", markup=False)


def _save(
    archive: Path, found: Found, store: ArticleStore, new: Any, action: str, said: str = ""
) -> None:
    try:
        path, change = save(store, ChangeLog.of_archive(archive), found, new, action)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write: {exc.strerror or exc}") from None
    _report(path, change)
    if said:
        _out().print(f"           {said}", markup=False)


@click.command(name="set")
@click.argument("article_id", metavar="ID")
@click.option("--title", help="The headline (recorded as the curator's).")
@title_origin_option
@click.option(
    "--date", "date_", metavar="EDTF", help="2025-03-21, 2025-03-21~, 198X, … or 'unknown'."
)
@click.option(
    "--source",
    help="Publisher or outlet (an alias is stored as sources.yml names it) or 'unknown'.",
)
@click.option("--url", help="The article's original address.")
@click.option("--author", "authors", multiple=True, help="A byline (repeat; replaces the list).")
@click.option("--topic", "topics", multiple=True, help="A subject (repeat; replaces the list).")
@click.option("--language", help="ISO 639-1 code, e.g. en.")
@click.option("--summary", help="A short summary.")
@archive_option
def set_command(
    article_id: str,
    archive: Path,
    date_: str | None,
    authors: tuple[str, ...],
    topics: tuple[str, ...],
    **flags: str | None,
) -> None:
    """Correct an article's metadata and record the change in changes.yml.

    The values become the curator's (shown as such, no longer "inferred"). The id stays. A new
    date moves the file into its date's folder, and the site redirects from the old address,
    as `chronicle move` does. A source is looked up in sources.yml (an alias or a domain is
    stored as the registered name, and the command says so); a person or a place of the
    entity registry is refused.

    \b
    Example:
      chronicle set 2025-03-21-talks-stall --source "Reuters" --date 2025-03-20
    """
    given: dict[str, Any] = {k: v for k, v in flags.items() if v is not None}
    if date_ is not None:
        given["date"] = date_
    if authors:
        given["authors"] = list(authors)
    if topics:
        given["topics"] = list(topics)
    if not given:
        raise click.UsageError("say what to set, e.g. --date 2025-03-21 or --source Reuters")
    said = ""
    if "source" in given:
        # As at ingest: an alias or a domain is stored as the registered name, and a person or
        # a place of the entity registry is no publisher.
        settled = curator_source(given["source"], archive)
        if settled.refused:
            raise click.ClickException(
                f"--source: {settled.refused}; nothing was changed "
                "(give the publisher's name, or 'unknown')"
            )
        given["source"], said = settled.value, settled.said
    store, _, found = _open(archive, article_id)
    try:
        new = corrected(found.article, given)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    _save(archive, found, store, new, "set", said)


@click.command()
@click.argument("article_id", metavar="ID")
@click.option(
    "--date", "date_", metavar="EDTF", required=True, help="The new date (EDTF, or 'unknown')."
)
@archive_option
def move(article_id: str, date_: str, archive: Path) -> None:
    """Re-date an article: its file moves to the new date's folder and its old address
    redirects to the new one.

    The id stays, so links from other articles hold. The move is recorded in changes.yml.

    \b
    Example:
      chronicle move 2025-03-21-talks-stall --date 2025-03-22
    """
    store, _, found = _open(archive, article_id)
    try:
        new = corrected(found.article, {"date": date_})
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    _save(archive, found, store, new, "move")


@click.command()
@click.argument("article_id", metavar="ID")
@archive_option
def edit(article_id: str, archive: Path) -> None:
    """Edit an article's file in $EDITOR (or $VISUAL); it is checked when you close it.

    A change that breaks the front matter is not saved: the article stays as it was, the error
    says what is wrong, and your edited copy is kept so nothing typed is lost. A valid change is
    written atomically and recorded in changes.yml (a new date moves the file, with a redirect).

    \b
    Example:
      EDITOR=nano chronicle edit 2025-03-21-talks-stall
    """
    store, _, found = _open(archive, article_id)
    before = found.path.read_text(encoding="utf-8")
    handle, name = tempfile.mkstemp(prefix=f"{found.path.stem}-", suffix=".md")
    copy = Path(name)
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(before)
    try:
        click.edit(filename=str(copy))
    except click.ClickException:
        copy.unlink(missing_ok=True)
        raise
    after = copy.read_text(encoding="utf-8")
    if after == before:
        copy.unlink(missing_ok=True)
        _out().print(f"unchanged  {shown(found.path)}", markup=False)
        return
    try:
        new = read_edited(after, store.name(found.path))
        path, change = save(store, ChangeLog.of_archive(archive), found, new, "set", "edited")
    except ChronicleError as exc:
        raise click.ClickException(
            f"{exc}; the article is unchanged, your edit is kept in {copy}"
        ) from None
    copy.unlink(missing_ok=True)
    _report(path, change)


@click.command(name="remove")
@click.argument("article_id", metavar="ID")
@archive_option
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
def remove_command(article_id: str, archive: Path, yes: bool) -> None:
    """Remove an article from the archive (and the site).

    Its original stays in originals/, the removal is recorded in changes.yml (with the title,
    file and original), and other articles that named it as another version stop naming it.

    \b
    Example:
      chronicle remove 2025-03-21-talks-stall --yes
    """
    store, log, found = _open(archive, article_id)
    if not yes and not click.confirm(f"Remove “{found.article.title}” ({shown(found.path)})?"):
        sys.exit(1)
    try:
        changes = remove(store, log, found)
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write: {exc.strerror or exc}") from None
    out = _out()
    out.print(f"removed    {shown(found.path)} (its original is kept)", markup=False)
    for change in changes[1:]:
        out.print(f"fixed      {change.id}: no longer names it as another version", markup=False)
    store.save_memo()
