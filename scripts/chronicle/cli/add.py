"""`chronicle add`: files, folders and URLs into the archive, one line (or a table) of outcomes."""

from __future__ import annotations

import contextlib
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from chronicle.archive.catalogue import BarFactory
from chronicle.archive.changes import ChangeLog
from chronicle.archive.limits import LIMIT_OPTIONS
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.registry import registry_near
from chronicle.archive.schema import read_curator
from chronicle.archive.store import ArticleStore
from chronicle.cli.imports import is_draft, outcomes_json, record_imports
from chronicle.cli.options import archive_option, limit_options, title_origin_option
from chronicle.cli.paths import shown as _shown
from chronicle.cli.progress import bar
from chronicle.errors import ChronicleError
from chronicle.ingest.add import DEFAULT_JOBS, Ingester, Outcome, add_all
from chronicle.ingest.fetch import DEFAULT_TIMEOUT
from chronicle.ingest.inputs import DEFAULT_MAX_BYTES, expand_inputs
from chronicle.ingest.near_duplicates import MODES
from chronicle.ingest.prepare import Settings
from chronicle.text.terminal import printable


def _console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _say(console: Console, line: str) -> None:
    """Print a line that holds article text (titles, file names, reasons) with its control
    characters escaped: it must not steer the curator's terminal."""
    console.print(printable(line), markup=False)


def _cannot_write(exc: OSError, archive: Path) -> click.ClickException:
    """The disk refused a write (full, read-only, a file where a folder should be): one line."""
    where = Path(exc.filename) if exc.filename else archive
    return click.ClickException(f"cannot write {_shown(where)}: {exc.strerror or exc}")


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--title", help="Headline; a devised title if the article has none.")
@title_origin_option
@click.option(
    "--date",
    "date_",
    metavar="EDTF",
    help="Publication date: 2025-03-21, 2025-03, 2025, 2025-03-21~ (about), "
    "2025-03-21? (uncertain), 198X, 2025-03-XX, 2025-21 (spring), 2025-03/2025-04, "
    "[2024,2025] (one of), or 'unknown'.",
)
@click.option("--source", help="Publisher or outlet; 'unknown' if not known.")
@click.option("--url", help="The article's original address.")
@click.option("--author", "authors", multiple=True, help="A byline (repeat for several).")
@click.option("--topic", "topics", multiple=True, help="A subject heading (repeat for several).")
@click.option("--language", help="ISO 639-1 code (detected from the text when not given).")
@click.option("--summary", help="A short summary (the lede is used when not given).")
@archive_option
@click.option(
    "--redirects",
    is_flag=True,
    help="For Material blog posts: record their old addresses (blog/2024/01/31/slug/) so the "
    "site redirects each to the article.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the outcomes as JSON only.")
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES // 1_000_000,
    show_default=True,
    help="Largest input file (or fetched page) to accept, in MB.",
)
@click.option(
    "--originals",
    type=click.Path(path_type=Path),
    help="Folder keeping the original bytes of every input (default: originals/ at the "
    "project root, beside docs/, never published).",
)
@click.option(
    "--near-duplicates",
    type=click.Choice(MODES),
    default="link",
    show_default=True,
    help="A text ≥80% similar to a stored one (a syndicated copy): link = add it and record "
    "both as other versions of each other; report = do not add it, say which it resembles; "
    "add = add it unlinked.",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 64),
    default=DEFAULT_JOBS,
    show_default=True,
    help="Worker processes reading and extracting inputs.",
)
@click.option(
    "--timeout",
    type=float,
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for a URL to answer.",
)
@limit_options
def add(
    inputs: tuple[str, ...],
    archive: Path,
    max_size: int,
    originals: Path | None,
    near_duplicates: str,
    jobs: int,
    timeout: float,
    date_: str | None,
    authors: tuple[str, ...],
    topics: tuple[str, ...],
    redirects: bool,
    as_json: bool,
    **flags: Any,
) -> None:
    """Add articles from files or folders to the archive.

    Plain text, Markdown (with or without front matter), saved HTML pages (.html, .htm,
    .html.gz), RSS and Atom feeds (one article per entry), web archives (.warc, .warc.gz: one
    article per captured page) and http(s) URLs are recognised from their content. Metadata
    comes from, in order:
    these flags, a sidecar file next to the input (article.yml beside article.txt, same keys as
    the front matter), the document itself, and finally a guess from the text, marked as
    inferred. What is not known stays unknown and `chronicle check` reports it.

    A Material for MkDocs blog folder (`docs/blog/posts/`) is added as it is: `date` (or
    `date.created`), categories and tags as topics, authors by their names in `.authors.yml`,
    the `slug`, and the excerpt above `<!-- more -->` as the summary; `draft: true` posts are
    skipped. With --redirects the site keeps each post's old address working.

    Adding the same file twice changes nothing, unless these flags give a different --date,
    --title, --source, --author or --topic (a sidecar does not: re-adding a folder never undoes
    a `chronicle set`): then the stored article is corrected, each change is printed (field:
    old → new) and recorded in changes.yml. The same text from another file is refused as a
    duplicate, naming the article already stored. A changed capture of an address already
    stored (a page saved again, a later WARC record) is a "new version of <id>" of its article.
    The original bytes of every input are kept in originals/, named by their SHA-256, which the
    article's front matter records. The exit status is 1 when any input failed.

    \b
    Examples:
      chronicle add clipping.txt --title "Talks stall" --date 2025-03-21~ --source unknown \\
          --topic "Gaza ceasefire"
      chronicle add inbox/                      # every file, recursively, in name order
      chronicle add https://example.org/news/story.html
      chronicle add old-site/docs/blog/posts/ --redirects
    """
    limits = {option: flags.pop(option) for option in LIMIT_OPTIONS}
    given = {k: v for k, v in flags.items() if v is not None}
    if date_ is not None:
        given["date"] = date_
    if authors:
        given["authors"] = list(authors)
    if topics:
        given["topics"] = list(topics)
    try:
        curator = read_curator("command line", given)
    except ChronicleError as exc:
        raise click.ClickException(printable(str(exc))) from None
    if archive.exists() and not archive.is_dir():
        raise click.ClickException(f"--archive {_shown(archive)} is a file, not a folder")
    store = ArticleStore.of_site(archive, limits)
    items = list(expand_inputs(inputs))
    if not items:
        raise click.ClickException("no input files found in " + ", ".join(inputs))
    drafts = [item for item in items if is_draft(item)]
    if drafts:
        skipped = set(drafts)
        items = [item for item in items if item not in skipped]
    ingester = Ingester(
        store,
        OriginalsStore(originals or default_location(archive)),
        near_duplicates,
        show_path=_shown,
    )
    try:
        # A mistake in entities.yml is one mistake, said once, before any input is read, rather
        # than the reason every article of the batch failed.
        registry_near(store.root)
    except ChronicleError as exc:
        raise click.ClickException(f"{printable(str(exc))}; nothing was added") from None
    settings = Settings(
        max_bytes=max_size * 1_000_000, timeout=timeout, near_duplicates=near_duplicates
    )
    out = _console(stderr=as_json)  # with --json, stdout holds the JSON alone
    outcomes: list[Outcome] = [
        Outcome(str(d), "skipped", "a blog draft (draft: true); not added") for d in drafts
    ]
    for outcome in outcomes:
        if not as_json:
            _print_outcome(out, outcome)
    show_bar = len(items) > 1 and sys.stderr.isatty()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_console(True),
        disable=not show_bar,
        transient=True,
    ) as progress:
        task = progress.add_task("Adding", total=len(items))
        store.progress = _bars_in(progress, show_bar)  # reading the archive once, if it must
        error: click.ClickException | None = None
        try:
            for outcome in add_all(
                ingester,
                items,
                curator,
                settings,
                jobs=jobs,
                on_progress=lambda: progress.advance(task),
                on_wait=lambda message: _console(True).print(message, markup=False),
            ):
                outcomes.append(outcome)
                if (len(items) == 1 or not show_bar) and not as_json:
                    _print_outcome(out, outcome)
        except OSError as exc:  # the failed article's writes are undone; the earlier ones stand
            error = _cannot_write(exc, archive)
    if redirects:
        try:
            recorded = record_imports(store, ChangeLog.of_archive(archive), outcomes)
        except (ChronicleError, OSError) as exc:
            error = error or click.ClickException(f"the redirects were not recorded: {exc}")
        else:
            if not as_json:
                out.print(f"{recorded} old blog addresses recorded for redirects", markup=False)
    if as_json:
        from chronicle.cli.curate import print_json  # perf: it imports `check`'s library

        print_json(outcomes_json(outcomes))
    elif show_bar or len(outcomes) > 1:
        _print_summary(out, outcomes)
    if error is not None:
        raise error
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


def _bars_in(progress: Progress, shown: bool) -> BarFactory:
    """Bars for the store's long reads: in `progress` when it is shown, else on their own
    (`cli.progress.bar`: on a terminal, for many steps)."""

    @contextlib.contextmanager
    def bars(label: str, total: int) -> Iterator[Callable[[], None]]:
        if not shown:
            with bar(label, total) as advance:
                yield advance
            return
        task = progress.add_task(label, total=total)
        try:
            yield lambda: progress.advance(task)
        finally:
            progress.remove_task(task)

    return bars


def _print_outcome(out: Console, o: Outcome) -> None:
    if o.status == "added":
        lines = [f"added      {o.detail}"]
        if o.article is not None:
            a = o.article
            date = a.date.human() if a.date else "unknown"
            lines.append(f"           title ({a.title_origin}): {a.title}")
            lines.append(f"           date: {date}; source: {a.source or 'unknown'}")
        if o.note:
            lines.append(f"           {o.note}")
        lines.extend(f"           warning: {warning}" for warning in o.warnings)
        # perf: one print for the lines (each escaped as `_say` does), not one each
        out.print("\n".join(printable(line) for line in lines), markup=False)
    elif o.status == "new-version" and o.article is not None:
        _say(out, f"new version of {o.article.id}: {o.input}, kept in {o.detail}")
    elif o.status == "unchanged":
        _say(out, f"unchanged  {o.input}: already in the archive as {o.detail}")
    elif o.status == "corrected":
        _say(out, f"corrected  {o.detail}: {o.input} added again with other metadata")
    elif o.status == "duplicate":
        _say(out, f"duplicate  {o.input}: same text as {o.detail}; not added")
    elif o.status == "near-duplicate":
        _say(out, f"similar    {o.input}: {o.detail}")
    elif o.status == "skipped":
        _say(out, f"skipped    {o.input}: {o.detail}")
    else:
        _say(_console(True), f"failed     {o.input}: {o.detail}")
    for key, old, new in o.changes:  # a correction's, or a new version's that the flags corrected
        _say(out, f"           {key}: {old!r} → {new!r}")


def _print_summary(out: Console, outcomes: list[Outcome]) -> None:
    counts = Counter(o.status for o in outcomes)
    table = Table(title="chronicle add", show_edge=False)
    table.add_column("result")
    table.add_column("count", justify="right")
    labels = {
        "added": "added",
        "new-version": "new version (its address captured again)",
        "corrected": "corrected (added again with other metadata)",
        "unchanged": "unchanged (already added)",
        "duplicate": "skipped: duplicate",
        "near-duplicate": "skipped: near-duplicate",
        "skipped": "skipped: blog draft",
        "failed": "failed",
    }
    for status, label in labels.items():
        if status in ("skipped", "corrected", "new-version") and not counts.get(status):
            continue  # only blog imports skip drafts; only a curator's corrections correct
        table.add_row(label, str(counts.get(status, 0)))
    linked = sum(1 for o in outcomes if o.note.startswith("another version of"))
    if linked:
        table.add_row("  of which linked as other versions", str(linked))
    out.print(table)
    for o in outcomes:
        if o.status in ("failed", "duplicate", "near-duplicate", "skipped"):
            reason = o.detail if o.status != "duplicate" else f"same text as {o.detail}"
            _say(out, f"{o.status}: {o.input}: {reason}")
        elif o.status == "added":
            for warning in o.warnings:
                _say(out, f"warning: {o.input}: {warning}")
