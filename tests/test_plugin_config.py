"""The plugin's side of a new archive: its options are validated (a typo is an error naming the
option, with a suggestion) and documented in a page made from the code; a minimal mkdocs.yml
gets Chronicle's look, search and a home page, with the articles out of the sidebar; an
archive's own templates win over Chronicle's; the build's messages are quiet and counted right."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.site.config import HELP, OPTIONS, options_reference, unknown_option

MINIMAL = "site_name: Minimal archive\ntheme:\n  name: material\nplugins:\n  - chronicle\n"


def test_every_option_is_explained_and_the_reference_page_is_made_from_the_code(repo_root):
    assert set(HELP) == set(OPTIONS)
    page = repo_root / "docs" / "guide" / "plugin-options.md"
    assert page.read_text(encoding="utf-8") == options_reference(), (
        "docs/guide/plugin-options.md is out of step with the code: "
        "run `python -m chronicle.site.options_page`"
    )
    assert "| `listing_page_size` | `50` |" in options_reference()
    assert "| `search_enabled` | `true` |" in options_reference()


def test_option_values_are_checked():
    from chronicle.site.config import ChronicleConfig

    def errors(**options: object) -> list[str]:
        config = ChronicleConfig()
        config.load_dict(options)
        return [f"{key}: {error}" for key, error in config.validate()[0]]

    assert errors() == []
    assert errors(listing_page_size=0) == ["listing_page_size: must be 1 or more, not 0"]
    assert errors(feed_size=True) == ["feed_size: expected a whole number, not true"]
    assert errors(search_jobs="two")  # MkDocs' own message for a wrong type
    assert errors(cahce=False) == [f"cahce: {unknown_option('cahce')}"]
    assert "did you mean 'cache'?" in errors(cahce=False)[0]


def test_an_unknown_option_suggests_the_closest_or_none():
    # the closest first; a second as close (quotes_page_size) may follow
    assert "did you mean 'listing_page_size'" in unknown_option("listing_page_sise")
    assert "did you mean" not in unknown_option("colour_scheme")


@pytest.fixture
def minimal(tmp_path: Path, articles) -> Path:
    """An archive as a newcomer writes it: four lines of mkdocs.yml, no index.md, no nav."""
    project = tmp_path / "minimal"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(MINIMAL, encoding="utf-8")
    articles.write(
        project / "docs" / "articles",
        title="Talks stall in Doha",
        date="2025-03-21",
        source="Test Wire",
        topics=["Gaza ceasefire"],
        body="Delegations met in Doha.",
    )
    return project


def test_a_typo_in_an_option_stops_the_build_with_a_suggestion(minimal, mkdocs_build):
    config = minimal / "mkdocs.yml"
    config.write_text(
        MINIMAL.replace("  - chronicle\n", "  - chronicle:\n      listing_page_sise: 20\n"),
        encoding="utf-8",
    )
    result = mkdocs_build(minimal)
    assert result.returncode != 0
    assert "'listing_page_sise': unknown option" in result.stderr
    assert "did you mean 'listing_page_size'" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_minimal_archive_has_the_look_search_and_a_home_page(minimal, build_log, text_of):
    log = build_log(minimal)
    assert "1 article, " in log and "1 articles" not in log  # counted right
    site = minimal / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/chronicle/chronicle.css" in home
    assert 'class="chronicle-stats"' in home
    assert re.search(r"\b1 article\b(?!s)", text_of(home))
    assert "Talks stall in Doha" in text_of(home)  # the latest articles
    assert "chronicle-searchbox" in home
    assert "application/atom+xml" in home  # Chronicle's main.html, without a custom_dir
    assert (site / "search" / "index.html").exists()
    assert list((site / "pagefind").glob("pagefind*.js"))
    # The sidebar lists the archive's first pages, never an article or a day.
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S)
    assert nav, "no primary navigation"
    assert "Talks stall in Doha" not in nav[0]
    assert 'href="archive/"' in nav[0] and "2025/03/21" not in nav[0]


def test_an_archives_own_templates_win_over_chronicles(minimal, build_site):
    own = minimal / "overrides" / "partials"
    own.mkdir(parents=True)
    (own / "header.html").write_text(
        '<header class="md-header" data-own-header>Own header</header>\n', encoding="utf-8"
    )
    config = minimal / "mkdocs.yml"
    config.write_text(
        MINIMAL.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"),
        encoding="utf-8",
    )
    home = (build_site(minimal) / "index.html").read_text(encoding="utf-8")
    assert "data-own-header" in home and "chronicle-searchbox" not in home
    assert "application/atom+xml" in home  # Chronicle's main.html still applies


def test_a_second_chronicle_build_says_nothing_of_stale_files(minimal, build_log):
    build_log(minimal, module="chronicle")
    again = build_log(minimal, module="chronicle")
    assert "stale files" not in again
    assert "A 'dirty' build" not in again


def test_chronicle_build_outside_an_archive_is_one_line(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("build", exit_code=1)
    assert "no mkdocs.yml" in result.output and "chronicle init" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_chronicle_serve_does_not_print_materials_banner(minimal, tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "chronicle", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=minimal,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        deadline = time.monotonic() + 120
        while "Serving on" not in log.read_text(encoding="utf-8", errors="replace"):
            assert server.poll() is None, log.read_text(encoding="utf-8")
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.3)  # the interval between two looks at the log
    finally:
        server.terminate()
        server.wait(timeout=20)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "end of life" not in text and "Zensical" not in text
    assert "stale files" not in text
