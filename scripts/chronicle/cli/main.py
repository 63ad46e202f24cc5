"""The `chronicle` command: parses arguments, calls the library, turns errors into one line."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from chronicle import __version__
from chronicle.archive.changes import ChangeLog
from chronicle.archive.limits import LIMIT_OPTIONS
from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.schema import read_curator
from chronicle.archive.store import ArticleStore
from chronicle.cli import check as cli_check
from chronicle.cli import correct as cli_correct
from chronicle.cli import curate as cli_curate
from chronicle.cli import entities as cli_entities
from chronicle.cli import init as cli_init
from chronicle.cli.curate import print_json
from chronicle.cli.export import export
from chronicle.cli.imports import is_draft, outcomes_json, record_imports
from chronicle.cli.options import archive_option, limit_options
from chronicle.cli.paths import shown as _shown
from chronicle.errors import ChronicleError
from chronicle.ingest.add import DEFAULT_JOBS, Ingester, Outcome, Settings, add_all
from chronicle.ingest.fetch import DEFAULT_TIMEOUT
from chronicle.ingest.inputs import DEFAULT_MAX_BYTES, expand_inputs
from chronicle.ingest.near_duplicates import MODES
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


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChronicleError as exc:  # one a command did not catch: still one line
            raise click.ClickException(printable(str(exc))) from None


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="chronicle")
def main() -> None:
    """Chronicle: turn curated news articles into a searchable, dated archive site.

    Articles live as Markdown files with YAML front matter under docs/articles/; the site
    (date archives, topics, sources, search) is built from them by MkDocs.

    \b
    Typical session:
      chronicle init my-archive --title "My archive" && cd my-archive
      chronicle add clippings/                 # add every file in a folder
      chronicle check                          # what is wrong or unknown
      chronicle serve                          # preview on http://127.0.0.1:8000/
      chronicle build                          # the static site, in site/
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--title", help="Headline; a devised title if the article has none.")
@click.option(
    "--date",
    "date_",
    metavar="EDTF",
    help="Publication date: 2025-03-21, 2025-03, 2025, 2025-03-21~ (about), "
    "2025-03-21? (uncertain), or 'unknown'.",
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

    Adding the same file twice changes nothing; the same text from another file is refused as
    a duplicate, naming the article already stored. The original bytes of every input are kept
    in originals/, named by their SHA-256, which the article's front matter records. The exit
    status is 1 when any input failed.

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
        print_json(outcomes_json(outcomes))
    elif show_bar or len(outcomes) > 1:
        _print_summary(out, outcomes)
    if error is not None:
        raise error
    if any(o.status == "failed" for o in outcomes):
        sys.exit(1)


def _print_outcome(out: Console, o: Outcome) -> None:
    if o.status == "added":
        _say(out, f"added      {o.detail}")
        if o.article is not None:
            a = o.article
            date = a.date.human() if a.date else "unknown"
            _say(out, f"           title ({a.title_origin}): {a.title}")
            _say(out, f"           date: {date}; source: {a.source or 'unknown'}")
        if o.note:
            _say(out, f"           {o.note}")
        for warning in o.warnings:
            _say(out, f"           warning: {warning}")
    elif o.status == "unchanged":
        _say(out, f"unchanged  {o.input}: already in the archive as {o.detail}")
    elif o.status == "duplicate":
        _say(out, f"duplicate  {o.input}: same text as {o.detail}; not added")
    elif o.status == "near-duplicate":
        _say(out, f"similar    {o.input}: {o.detail}")
    elif o.status == "skipped":
        _say(out, f"skipped    {o.input}: {o.detail}")
    else:
        _say(_console(True), f"failed     {o.input}: {o.detail}")


def _print_summary(out: Console, outcomes: list[Outcome]) -> None:
    counts = Counter(o.status for o in outcomes)
    table = Table(title="chronicle add", show_edge=False)
    table.add_column("result")
    table.add_column("count", justify="right")
    labels = {
        "added": "added",
        "unchanged": "unchanged (already added)",
        "duplicate": "skipped: duplicate",
        "near-duplicate": "skipped: near-duplicate",
        "skipped": "skipped: blog draft",
        "failed": "failed",
    }
    for status, label in labels.items():
        if status == "skipped" and not counts.get(status):
            continue  # only blog imports skip drafts
        table.add_row(label, str(counts.get(status, 0)))
    linked = sum(1 for o in outcomes if o.note)
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


CONFIG_FILES = ("mkdocs.yml", "mkdocs.yaml")  # where MkDocs looks when not given -f


def _mkdocs(*args: str, module: str = "mkdocs") -> None:
    if not {"-f", "--config-file"} & {a.split("=")[0] for a in args} and not any(
        Path(name).is_file() for name in CONFIG_FILES
    ):
        raise click.ClickException(
            f"no mkdocs.yml in {Path.cwd()}: run this in an archive's folder, "
            "or start one with `chronicle init DIR --title TITLE`"
        )
    # Material prints an 8-line notice about its future on every `mkdocs` start; Chronicle pins
    # its versions already, and the notice would bury the messages about the archive.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # MkDocs takes this process's place (exec, not a child): Ctrl-C, a service manager's SIGTERM
    # and the exit status reach it directly, and stopping `chronicle serve` leaves no server behind.
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", module, *args])


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def build(mkdocs_args: tuple[str, ...]) -> None:
    """Build the site into site/ (runs `mkdocs build`; extra arguments are passed on).

    Only the pages a change affects are written again (`mkdocs build --dirty`, made safe by the
    plugin); `--clean` rebuilds everything.

    \b
    Example:
      chronicle build --strict
    """
    given = set(mkdocs_args)
    dirty = [] if given & {"-c", "--clean", "--dirty"} else ["--dirty"]
    # perf: MkDocs' command line, ended without freeing the heap object by object (run_mkdocs.py)
    _mkdocs("build", *dirty, *mkdocs_args, module="chronicle.cli.run_mkdocs")


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(mkdocs_args: tuple[str, ...]) -> None:
    """Preview the site on http://127.0.0.1:8000/ with live reload (runs `mkdocs serve`).

    After each change only the pages it affects are rebuilt (`mkdocs serve --dirty`, made safe
    by the plugin, as for `chronicle build`); `--clean` rebuilds everything every time.

    \b
    Example:
      chronicle serve --dev-addr 127.0.0.1:8001
    """
    given = set(mkdocs_args)
    dirty = [] if given & {"--clean", "--dirty", "--dirtyreload"} else ["--dirty"]
    _mkdocs("serve", *dirty, *mkdocs_args)


main.add_command(cli_init.init)
main.add_command(cli_check.check)
main.add_command(cli_entities.enrich)
main.add_command(cli_curate.list_command)
main.add_command(cli_curate.show)
main.add_command(cli_correct.set_command)
main.add_command(cli_correct.move)
main.add_command(cli_correct.edit)
main.add_command(cli_correct.remove_command)
main.add_command(export)
main.add_command(cli_entities.entities)
