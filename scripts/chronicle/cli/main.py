"""The `chronicle` command: parses arguments, calls the library, turns errors into one line.

Each subcommand's module is imported only when that command runs (or help lists them all):
perf: importing every command's library took about 0.5 s of each `chronicle add`, and `build`
and `serve`, which hand over to MkDocs at once, imported the whole ingest side.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path

import click

from chronicle import __version__
from chronicle.errors import ChronicleError
from chronicle.text.terminal import printable

# name → "module:attribute" of each command not defined here, in the order help lists them.
LAZY_COMMANDS = {
    "add": "chronicle.cli.add:add",
    "init": "chronicle.cli.init:init",
    "check": "chronicle.cli.check:check",
    "enrich": "chronicle.cli.entities:enrich",
    "list": "chronicle.cli.curate:list_command",
    "show": "chronicle.cli.curate:show",
    "set": "chronicle.cli.correct:set_command",
    "move": "chronicle.cli.correct:move",
    "edit": "chronicle.cli.correct:edit",
    "remove": "chronicle.cli.correct:remove_command",
    "export": "chronicle.cli.export:export",
    "entities": "chronicle.cli.entities:entities",
    "sources": "chronicle.cli.sources:sources",
}


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's `commands`, importing a command's module when the command is first asked for.
    Click reads `Group.commands` as a mapping (get, iteration, `in`), so nothing else changes."""

    def __init__(self, lazy: dict[str, str]) -> None:
        self._lazy = dict(lazy)
        self._loaded: dict[str, click.Command] = {}

    def __getitem__(self, name: str) -> click.Command:
        if name not in self._loaded:
            module, _, attribute = self._lazy[name].partition(":")
            self._loaded[name] = getattr(importlib.import_module(module), attribute)
        return self._loaded[name]

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._lazy.pop(name, None)
        self._loaded[name] = command

    def __delitem__(self, name: str) -> None:
        if self._lazy.pop(name, None) is None:
            del self._loaded[name]
        else:
            self._loaded.pop(name, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._lazy
        yield from (name for name in self._loaded if name not in self._lazy)

    def __len__(self) -> int:
        return len(self._lazy.keys() | self._loaded.keys())

    def __contains__(self, name: object) -> bool:
        return name in self._lazy or name in self._loaded


class _Commands(click.Group):
    def invoke(self, ctx: click.Context) -> object:
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


main.commands = LazyCommands(LAZY_COMMANDS)  # build and serve, defined below, join them


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
@click.option(
    "--poll",
    is_flag=True,
    help="Look for changes every 0.5 s (MkDocs' way) instead of being told by the system: for a "
    "docs folder mounted from another machine.",
)
@click.argument("mkdocs_args", nargs=-1, type=click.UNPROCESSED)
def serve(poll: bool, mkdocs_args: tuple[str, ...]) -> None:
    """Preview the site on http://127.0.0.1:8000/ with live reload (runs `mkdocs serve`).

    After each change only the pages it affects are rebuilt (`mkdocs serve --dirty`, made safe
    by the plugin, as for `chronicle build`); `--clean` rebuilds everything every time. On
    Linux the system tells the server of a change at once (inotify) rather than the server
    looking every 0.5 s; `--poll` looks.

    \b
    Example:
      chronicle serve --dev-addr 127.0.0.1:8001
    """
    given = set(mkdocs_args)
    dirty = [] if given & {"--clean", "--dirty", "--dirtyreload"} else ["--dirty"]
    module = "chronicle.cli.run_mkdocs" if poll else "chronicle.cli.serve_watch"
    _mkdocs("serve", *dirty, *mkdocs_args, module=module)
