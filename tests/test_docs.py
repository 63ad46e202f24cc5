"""The docs inside the site keep up with the code: every command and every key is documented."""

from __future__ import annotations

import re

import yaml

from chronicle.archive.schema import FIELDS
from chronicle.cli.main import main
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide"


def guide_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(GUIDE.glob("*.md")))


def test_every_command_is_documented_in_the_guide_or_readme():
    text = guide_text() + (ROOT / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"chronicle {name}" in text, f"`chronicle {name}` is not in docs/guide or README"
        sub = getattr(command, "commands", {})
        for child in sub:
            assert f"chronicle {name} {child}" in text, f"chronicle {name} {child}"


def test_every_front_matter_key_is_in_the_front_matter_guide():
    page = (GUIDE / "front-matter.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M))
    assert documented == set(FIELDS)


def test_every_guide_page_is_in_the_navigation():
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !!python/name tags; the nav needs none of them.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    nav = yaml.safe_dump(config["nav"])
    for page in GUIDE.glob("*.md"):
        assert f"guide/{page.name}" in nav, f"{page.name} is not in mkdocs.yml's nav"


def test_every_plugin_option_is_in_the_building_guide():
    from chronicle.site.config import ChronicleConfig

    page = (GUIDE / "building.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", page, re.M))
    options = {name for name, _ in ChronicleConfig._schema}
    assert documented == options
