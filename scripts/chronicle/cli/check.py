"""`chronicle check`: what is wrong or unknown in the archive, and `--fix` for what is safe."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from chronicle.archive.changes import ChangeLog, removed_originals
from chronicle.archive.store import ArticleStore
from chronicle.cli import entities as cli_entities
from chronicle.cli import sources as cli_sources
from chronicle.cli.curate import print_json
from chronicle.cli.options import archive_option
from chronicle.cli.paths import shown
from chronicle.cli.progress import bar
from chronicle.errors import ChronicleError
from chronicle.ingest.check import Report, check_store
from chronicle.ingest.curate import mend_links
from chronicle.text.counts import counted
from chronicle.text.terminal import printable


@click.command()
@archive_option
@click.option(
    "--originals",
    type=click.Path(path_type=Path),
    help="Folder of kept originals (default: originals/ at the project root).",
)
@click.option("--quiet", "-q", is_flag=True, help="Print errors only, not warnings.")
@click.option(
    "--fix",
    is_flag=True,
    help="First mend what is safe to mend (other_versions naming a removed article, or "
    "naming one that does not name it back), recording each fix in changes.yml.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON: {articles, fixed, findings}.")
def check(archive: Path, originals: Path | None, quiet: bool, fix: bool, as_json: bool) -> None:
    """Validate every stored article and list what is unknown.

    Errors (a front matter key that breaks the schema, a duplicate, a recorded original that is
    missing from originals/ or no longer matches its SHA-256, other_versions naming an article
    that is not in the archive) make the exit status 1. Warnings say what the archive does not
    know (an inferred title, an unknown date or source, a date guessed from the page's text or
    stored as uncertain, with the evidence for it), where different topic or source names share
    one page ("C++" and "C" are both topics/c/), and which kept originals no article names (an
    article file deleted by hand); they do not fail the check.

    \b
    Examples:
      chronicle check && mkdocs build
      chronicle check --fix
    """
    store = ArticleStore.of_site(archive)
    log = ChangeLog.of_archive(archive)
    try:
        history = log.entries()
        fixed = mend_links(store, log) if fix else []
    except ChronicleError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot write: {exc.strerror or exc}") from None
    with bar("Checking", len(store.files())) as advance:
        report = check_store(
            store,
            originals,
            registry=cli_entities.project_registry(archive),
            sources=cli_sources.project_sources(archive),
            show_path=shown,
            removed_originals=removed_originals(history),
            on_article=advance,
        )
    if as_json:
        print_json(
            {
                "articles": report.articles,
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "fixed": [{"file": shown(p), "message": m} for p, m in fixed],
                "findings": [
                    {"level": f.level, "file": f.file, "message": f.message, "fixable": f.fixable}
                    for f in report.findings
                    if not (quiet and f.level == "warning")
                ],
            }
        )
    else:
        _print_check(report, fixed, quiet)
    if report.errors:
        sys.exit(1)


def _print_check(report: Report, fixed: list[tuple[Path, str]], quiet: bool) -> None:
    out = Console(highlight=False, soft_wrap=True)
    for path, message in fixed:
        out.print(printable(f"fixed    {shown(path)}: {message}"), markup=False)
    for finding in report.findings:
        if quiet and finding.level == "warning":
            continue
        out.print(printable(f"{finding.level:7}  {finding.file}: {finding.message}"), markup=False)
    kinds = Counter((f.level, _kind(f.message)) for f in report.findings)
    if len(report.findings) > 5 and not quiet:
        table = Table(title="chronicle check", show_edge=False)
        table.add_column("finding")
        table.add_column("count", justify="right")
        for (level, kind), count in sorted(kinds.items(), key=lambda item: -item[1])[:12]:
            table.add_row(f"{level}: {kind}", str(count))
        out.print(table)
    fixes = f", {len(fixed)} fixed" if fixed else ""
    out.print(
        f"{counted(report.articles, 'article')} checked: "
        f"{counted(len(report.errors), 'error')}, {counted(len(report.warnings), 'warning')}"
        f"{fixes}",
        markup=False,
    )


def _kind(message: str) -> str:
    """A finding's kind for the summary: its message without the names and values in it."""
    message = re.sub(r"'[^']*'|“[^”]*”|\S+…", "…", message)
    return message.split(";")[0].split(" (")[0]
