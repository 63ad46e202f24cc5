"""With `pymdownx.snippets` in mkdocs.yml, a line `--8<-- "path"` in an article's body would pull
a local file (mkdocs.yml, a private note, /etc/passwd) into the published page. Chronicle escapes
such lines in article bodies, so they are printed as written and no file is read; the curator's
own pages keep the extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import markdown
import pytest

from chronicle.site.sanitize import inert_includes

SECRET = "the-curator-private-note-7731"
INCLUDES = [
    '--8<-- "secret.txt"',
    "  --8<-- 'secret.txt'",
    '-8<- "secret.txt"',
    '--8<-- "secret.txt:1:3"',
    "--8<--\nsecret.txt\n--8<--",
    "Text --8<-- [start:part] tail",
    ';--8<-- "secret.txt"',  # already escaped: printed as `--8<-- "secret.txt"`
]


def render(body: str, folder: Path) -> str:
    return markdown.markdown(
        body,
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(folder)]}},
    )


@pytest.mark.parametrize("line", INCLUDES, ids=range(len(INCLUDES)))
def test_an_include_line_is_printed_not_followed(tmp_path: Path, line: str):
    (tmp_path / "secret.txt").write_text(f"{SECRET}\nmore\n", encoding="utf-8")
    body = f"Intro.\n\n{line}\n\nEnd.\n"
    if not line.startswith((";", "Text")):
        assert SECRET in render(body, tmp_path)  # the danger is real without the escape
    shown = render(inert_includes(body, ["toc", "pymdownx.snippets"]), tmp_path)
    assert SECRET not in shown
    expected = line.replace(";", "", 1).replace("<", "&lt;").replace('"', "&quot;")
    for part in expected.split("\n"):
        assert part.strip() in shown.replace('"', "&quot;"), (part, shown)


def test_without_snippets_the_body_is_left_as_it_is():
    body = 'Intro.\n\n--8<-- "secret.txt"\n'
    assert inert_includes(body, ["toc", "attr_list"]) is body
    assert inert_includes("No marker.\n", ["pymdownx.snippets"]) == "No marker.\n"


def test_a_built_article_shows_the_line_and_no_file(
    site_scaffold: Callable[..., Path], build_site: Callable[[Path], Path]
):
    project = site_scaffold("snippets")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.snippets\n", 1
        ),
        encoding="utf-8",
    )
    (project / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    folder = project / "docs" / "articles" / "2025" / "04" / "01"
    folder.mkdir(parents=True)
    (folder / "include.md").write_text(
        "---\nid: include\ntitle: Include\ndate: '2025-04-01'\nsource: null\n---\n"
        'Negotiators met again.\n\n--8<-- "secret.txt"\n\n--8<-- "mkdocs.yml"\n\nEnd.\n',
        encoding="utf-8",
    )
    site = build_site(project)
    (page,) = (site / "articles" / "2025" / "04" / "01").glob("*/index.html")
    text = page.read_text(encoding="utf-8")
    assert SECRET not in text and "markdown_extensions" not in text
    assert "--8&lt;-- &quot;secret.txt&quot;" in text or '--8&lt;-- "secret.txt"' in text
    assert not [p for p in site.rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
