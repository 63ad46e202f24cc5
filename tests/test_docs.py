"""The docs inside the site keep up with the code: every command and every key is documented,
and the page on how Chronicle is built names every package folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from chronicle.archive.schema import FIELDS
from chronicle.cli.main import main

WINGS = ("text", "archive", "ingest", "site", "cli")


@pytest.fixture(scope="module")
def guide(repo_root: Path) -> Path:
    return repo_root / "docs" / "guide"


def guide_text(guide: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(guide.glob("*.md")))


def test_every_command_is_documented_in_the_guide_or_readme(guide, repo_root):
    text = guide_text(guide) + (repo_root / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"chronicle {name}" in text, f"`chronicle {name}` is not in docs/guide or README"
        sub = getattr(command, "commands", {})
        for child in sub:
            assert f"chronicle {name} {child}" in text, f"chronicle {name} {child}"


def test_every_front_matter_key_is_in_the_front_matter_guide(guide):
    page = (guide / "front-matter.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M))
    assert documented == set(FIELDS)


def test_every_guide_page_is_in_the_navigation(guide, repo_root):
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !!python/name tags; the nav needs none of them.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((repo_root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    nav = yaml.safe_dump(config["nav"])
    for page in guide.glob("*.md"):
        assert f"guide/{page.name}" in nav, f"{page.name} is not in mkdocs.yml's nav"


def test_every_plugin_option_is_in_the_options_reference(guide):
    from chronicle.site.config import ChronicleConfig

    page = (guide / "plugin-options.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M))
    options = {name for name, _ in ChronicleConfig._schema}
    assert documented == options


def package_folders(package: Path) -> list[str]:
    """Every package folder under `package` (one with an __init__.py), as its path relative to
    `package`, e.g. "site/build"."""
    return sorted(
        init.parent.relative_to(package).as_posix()
        for init in package.rglob("__init__.py")
        if init.parent != package
    )


def test_how_it_is_built_names_every_wing_and_package_folder(guide, repo_root):
    page = (guide / "how-it-is-built.md").read_text(encoding="utf-8")
    assert page.startswith("# How Chronicle is built\n")
    folders = package_folders(repo_root / "scripts" / "chronicle")
    assert set(WINGS) <= set(folders), "a wing of scripts/chronicle/ is not a package"

    def named(folder: str) -> bool:
        # As "site/build/" or, in its wing's row, "build/"; not inside a word ("website/").
        names = {folder, folder.rsplit("/", 1)[-1]}
        return any(re.search(rf"(?<![\w.-]){re.escape(name)}/", page) for name in names)

    assert [wing for wing in WINGS if not named(wing)] == []
    assert [folder for folder in folders if not named(folder)] == []
