"""`chronicle init`: a new archive in a temporary folder takes the seed and a real saved page,
builds, and works in Chromium served under a sub-path (/archive/): an article, a date page and a
search. Also: what init writes, and what it refuses."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest
import yaml

from tests.browser import SearchPage, serve

SUB_PATH_URL = "https://example.org/archive/"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "postlight-fixtures"


def mkdocs_config(project: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (its own loader: `!ENV` included)."""
    from mkdocs.utils.yaml import get_yaml_loader

    with (project / "mkdocs.yml").open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=get_yaml_loader())


def a_corpus_page(tmp_path: Path) -> tuple[Path, str]:
    """The first saved page of the corpus, in name order, whose gold has a title and a day."""
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        if gold["title"] and gold["date"]:
            page = tmp_path / Path(gold["file"]).name.removesuffix(".gz")
            page.write_bytes(gzip.decompress((CORPUS / gold["file"]).read_bytes()))
            return page, gold["title"]
    pytest.fail("no corpus page with a gold title and date")


def test_init_writes_an_archive_that_says_what_it_is(tmp_path, cli):
    title = 'Notes: "Gaza" & the talks'
    out = cli("init", tmp_path / "fr", "--title", title, "--language", "fr").output
    assert "chronicle serve" in out
    project = tmp_path / "fr"
    for name in (
        "mkdocs.yml",
        "docs/index.md",
        "docs/about.md",
        "entities.yml",
        "sources.yml",
        ".gitignore",
        "README.md",
        "requirements.txt",
        ".github/workflows/publish.yml",
    ):
        assert (project / name).is_file(), name
    config = mkdocs_config(project)
    assert config["site_name"] == title  # quotes and colons survive YAML
    assert config["theme"]["language"] == "fr"
    assert config["plugins"] == ["chronicle"]
    assert "custom_dir" not in config["theme"] and "extra_css" not in config
    workflow = yaml.safe_load((project / ".github/workflows/publish.yml").read_text("utf-8"))
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    assert "chronicle check" in steps and "chronicle build" in steps
    assert "${{ steps.pages.outputs.base_url }}/" in str(workflow["jobs"]["build"]["steps"])
    assert yaml.safe_load((project / "entities.yml").read_text("utf-8")) is None  # empty
    assert yaml.safe_load((project / "sources.yml").read_text("utf-8")) is None
    assert "chronicle-archive" in (project / "requirements.txt").read_text("utf-8")


def test_init_never_overwrites_and_refuses_bad_values(tmp_path, cli):
    project = tmp_path / "a"
    cli("init", project, "--title", "First")
    about = project / "docs" / "about.md"
    about.write_text("# Mine\n", encoding="utf-8")
    again = cli("init", project, "--title", "Second", exit_code=1).output
    assert "not overwriting" in again and len(again.strip().splitlines()) == 1
    assert about.read_text(encoding="utf-8") == "# Mine\n"
    assert "First" in (project / "mkdocs.yml").read_text(encoding="utf-8")
    bad = cli("init", tmp_path / "b", "--title", "B", "--site-url", "example.org", exit_code=1)
    assert "not an http(s) address" in bad.output and not (tmp_path / "b").exists()
    cli("init", tmp_path / "c", "--title", "  ", exit_code=1)
    assert not (tmp_path / "c").exists()


@pytest.fixture(scope="module")
def new_archive(tmp_path_factory, seed_path) -> tuple[Path, str]:
    """`chronicle init`, the seed and a corpus page added, built for a site under /archive/."""
    from tests.conftest import build_log, run_cli

    root = tmp_path_factory.mktemp("init")
    project = root / "class-archive"
    run_cli("init", project, "--title", "A class archive")
    archive = project / "docs" / "articles"
    run_cli(
        "add",
        seed_path,
        "--archive",
        archive,
        "--title",
        "Talks stall",
        "--date",
        "2025-03-21",
        "--source",
        "Test Wire",
        "--topic",
        "Gaza ceasefire",
    )
    page, title = a_corpus_page(root)
    run_cli("add", page, "--archive", archive)
    log = build_log(project, SITE_URL=SUB_PATH_URL)
    assert "site_url is not set" not in log
    return project, title


def test_the_new_archive_builds_with_its_look_feeds_and_originals(new_archive):
    project, _ = new_archive
    site = project / "site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/chronicle/chronicle.css" in home and "chronicle-stats" in home
    assert f"{SUB_PATH_URL}articles/2025/03/21/talks-stall/" in (site / "feed.xml").read_text(
        encoding="utf-8"
    )
    assert list((project / "originals").rglob("*"))  # the inputs' bytes, beside docs/
    assert not (site / "originals").exists()


@pytest.mark.browser
def test_the_new_archive_works_under_a_sub_path(new_archive, tmp_path, open_page):
    project, corpus_title = new_archive
    host = tmp_path / "host"
    host.mkdir()
    os.symlink(project / "site", host / "archive")  # served as http://127.0.0.1:PORT/archive/
    with serve(host) as root:
        base = f"{root}archive/"
        page = open_page()
        page.goto(f"{base}articles/2025/03/21/talks-stall/")
        assert page.locator("h1").first.inner_text().strip() == "Talks stall"
        assert "Meshaal" in page.locator("article").inner_text()
        # Chronicle's stylesheet is applied: the breadcrumb trail is a row, not a list.
        crumbs = page.locator(".chronicle-breadcrumbs ol").first
        assert crumbs.evaluate("e => getComputedStyle(e).display") == "flex"

        page.goto(f"{base}archive/2025/03/")
        page.get_by_role("link", name="Talks stall").first.click()
        page.wait_for_url(f"{base}articles/2025/03/21/talks-stall/")

        page.goto(base)
        assert corpus_title.split()[0] in page.locator(".chronicle-list").inner_text()

        # A reader types in the header's search box and presses Enter: the search page, under
        # the sub-path, finds the seed with Pagefind's index fetched from there.
        page.fill("#chronicle-searchbox-q", "Meshaal")
        page.press("#chronicle-searchbox-q", "Enter")
        page.wait_for_url(f"{base}search/?q=Meshaal")
        search = SearchPage(page)
        assert search.result_count() >= 1
        assert "Talks stall" in search.titles()
