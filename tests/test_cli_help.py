"""Every command's `--help` ends its description with an example, and the guide quotes the real
`--help` texts: each `<!-- help: chronicle CMD -->` marker in docs/guide is followed by the
command's help as it is now. `python -m tests.test_cli_help` rewrites the quoted texts."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

from chronicle.cli.main import main

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "guide"
# The marker, then the quoted help in a ```text block when there is one.
QUOTED = re.compile(r"(<!-- help: chronicle ([a-z ]+?) -->\n)(?:\n```text\n.*?\n```\n)?", re.S)
WIDTH = 100  # the command's own max_content_width: the help as a wide terminal shows it


def help_text(path: list[str]) -> str:
    result = CliRunner().invoke(
        main, [*path, "--help"], prog_name="chronicle", terminal_width=WIDTH
    )
    assert result.exit_code == 0, result.output
    return result.output.rstrip("\n")


def commands(group: click.Group = main, path: tuple[str, ...] = ()) -> Iterator[list[str]]:
    for name, command in group.commands.items():
        yield [*path, name]
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))


def quoted(text: str) -> str:
    """The guide page `text` with each marker followed by the current help."""
    return QUOTED.sub(
        lambda m: f"{m.group(1)}\n```text\n{help_text(m.group(2).split())}\n```\n", text
    )


def test_every_help_ends_its_description_with_an_example():
    for path in commands():
        command = main
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        paragraphs = (command.help or "").strip().split("\n\n")
        assert paragraphs[-1].lstrip("\b\n ").startswith("Example"), " ".join(path)


def test_the_guide_quotes_the_real_help_texts():
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(GUIDE.glob("*.md"))}
    markers = [m.group(2) for text in pages.values() for m in QUOTED.finditer(text)]
    for name in ("list", "show", "set", "move", "edit", "remove", "check"):
        assert name in markers, f"no page quotes `chronicle {name} --help`"
    for page, text in pages.items():
        assert quoted(text) == text, (
            f"{page.name} quotes an old --help; run `python -m tests.test_cli_help`"
        )


if __name__ == "__main__":
    for page in GUIDE.glob("*.md"):
        text = page.read_text(encoding="utf-8")
        if QUOTED.search(text):
            page.write_text(quoted(text), encoding="utf-8")
            print(f"updated {page}", file=sys.stderr)
