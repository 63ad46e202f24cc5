"""Every key of a build covers the toolchain (site/build/keys.py): when a package that can change
the output changes version, no kept output survives, whether search is on or off.

The builds run in this process, so that the key module's one version lookup can be replaced, as
an upgrade or a downgrade of the package would change it.
"""

from __future__ import annotations

import gc
import logging
import re
from pathlib import Path

import pytest
from benchmarks import corpus
from mkdocs.commands.build import build
from mkdocs.config import load_config

from chronicle.site.build import keys

SIZE = 6


def build_here(project: Path, caplog: pytest.LogCaptureFixture, *, dirty: bool) -> str:
    """`mkdocs build [--dirty]` as MkDocs' command runs it, in this process; returns the log."""
    caplog.clear()
    thresholds = gc.get_threshold()  # the plugin's on_startup tunes the collector: put it back
    config = load_config(config_file=str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()
        gc.set_threshold(*thresholds)
    return caplog.text


def article_pages(site: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (site / "articles").rglob("index.html")}


def articles_kept(log: str) -> int:
    match = re.search(r"pages? (?:is|are) up to date \((\d+) articles?", log)
    return int(match.group(1)) if match else 0


@pytest.mark.parametrize("search", ["search-on", "search-off"])
def test_a_package_version_change_rebuilds_every_article_page(
    tmp_path, monkeypatch, caplog, search, set_plugin_options, cache_hits
):
    caplog.set_level(logging.INFO, logger="mkdocs")
    project = corpus.write_chronicle(tmp_path / "site", SIZE)
    corpus.set_material_search(project, on=False)
    set_plugin_options(project, parallel="false")  # no forked helper in the test process
    if search == "search-off":
        set_plugin_options(project, search_enabled="false")
    build_here(project, caplog, dirty=False)
    assert articles_kept(build_here(project, caplog, dirty=True)) == SIZE  # nothing changed
    before = article_pages(project / "site")
    assert len(before) == SIZE

    installed = keys.package_version
    monkeypatch.setattr(
        keys, "package_version", lambda name: "0.0.1" if name == "nh3" else installed(name)
    )
    log = build_here(project, caplog, dirty=True)

    assert articles_kept(log) == 0, log
    after = article_pages(project / "site")
    assert sorted(after) == sorted(before)
    assert [p for p in before if after[p] == before[p]] == []  # every page written again
    hits, misses = cache_hits(log)
    assert hits == 0 and misses >= 2 * SIZE  # no converted body, no rendered page reused


def test_every_key_holds_every_package_version(monkeypatch):
    """The one list: a package named in it reaches every salt, through the one lookup."""
    assert {"mkdocs", "mkdocs-material", "markdown", "jinja2", "nh3", "pagefind"} <= set(
        keys.PACKAGES
    )
    before = keys.toolchain()
    installed = keys.package_version
    for name in keys.PACKAGES:
        monkeypatch.setattr(
            keys, "package_version", lambda n, changed=name: "x" if n == changed else installed(n)
        )
        assert keys.toolchain() != before, name
    monkeypatch.setattr(keys, "package_version", installed)
    assert keys.toolchain() == before
