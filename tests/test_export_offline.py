"""`chronicle export --offline`: the ZIP unzipped and driven from file:// in headless Chromium,
as a class with no network would use it: browse by date, topic and source, search a phrase from
the seed, open the result."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from chronicle.cli.export import classic_scripts, folder_links

pytestmark = pytest.mark.browser

PHRASE = "fragile truce"


def test_folder_links_point_at_index_files():
    page = (
        '<a href="../2025/">y</a><a href="./">here</a><a href="..">up</a>'
        '<a href="../x/#top">f</a><a href="https://example.org/a/">web</a>'
        '<form action="../search/"></form><a href="#id">anchor</a><a href="x.css">file</a>'
    )
    assert folder_links(page) == (
        '<a href="../2025/index.html">y</a><a href="./index.html">here</a>'
        '<a href="../index.html">up</a><a href="../x/index.html#top">f</a>'
        '<a href="https://example.org/a/">web</a><form action="../search/index.html"></form>'
        '<a href="#id">anchor</a><a href="x.css">file</a>'
    )


def test_module_scripts_become_classic_and_pagefind_goes():
    page = (
        '<script src="../assets/chronicle/search.js" type="module"></script>'
        '<script src="../assets/chronicle/tables.js" type="module"></script>'
    )
    assert classic_scripts(page) == '<script src="../assets/chronicle/tables.js" defer></script>'


@pytest.fixture(scope="module")
def offline(site_scaffold, articles, seed_text, tmp_path_factory) -> Path:
    from tests.conftest import run_cli

    project = site_scaffold("offline")
    articles.add(
        project,
        "seed.txt",
        seed_text,
        title="Seed devised title",
        date="2025-03-21~",
        source="Harbour Times",
        topics=["Gaza ceasefire"],
    )
    articles.add(project, "other.txt", "Talks resumed in Cairo.\n", title="Talks resume",
                 date="2025-04-02", source="Harbour Times")  # fmt: skip
    target = tmp_path_factory.mktemp("zip") / "class.zip"
    result = run_cli("export", "--offline", target, "--config-file", project / "mkdocs.yml")
    assert "2 articles" in result.output
    out = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
        assert not any(n.startswith("class/pagefind/") for n in names)
        z.extractall(out)
    assert not (project / "site").exists()  # the site's own build is left alone
    return out / "class"


def test_browse_by_date_topic_and_source_from_the_disk(offline, page):
    page.goto((offline / "index.html").as_uri())
    page.get_by_role("link", name="Archive", exact=True).first.click()
    assert page.url.endswith("/archive/index.html")
    page.get_by_role("link", name="2025").first.click()
    page.get_by_role("link", name="March 2025").first.click()
    page.get_by_role("link", name="Seed devised title").first.click()
    assert page.locator("h1").inner_text() == "Seed devised title"
    page.get_by_role("link", name="Gaza ceasefire", exact=True).first.click()
    assert page.url.endswith("/topics/gaza-ceasefire/index.html"), page.url
    page.goto((offline / "sources/index.html").as_uri())
    page.get_by_role("link", name="Harbour Times", exact=True).first.click()
    assert "Talks resume" in page.locator("main").inner_text()


def test_search_a_seed_phrase_and_open_the_result(offline, page):
    page.goto((offline / "archive/index.html").as_uri())
    box = page.locator("#chronicle-searchbox-q")
    box.fill(f'"{PHRASE}"')
    box.press("Enter")
    page.wait_for_url("**/search/index.html?q=*")
    status = page.locator("#chronicle-status")
    assert status.inner_text() == "1 article found."
    result = page.locator("#chronicle-results li").first
    assert PHRASE in result.locator("mark").inner_text().lower()
    result.get_by_role("link").click()
    assert page.locator("h1").inner_text() == "Seed devised title"
    assert page.url.startswith("file://") and page.url.endswith("/index.html")


def test_a_word_inside_the_text_without_accents_or_case(offline, page):
    page.goto((offline / "search/index.html").as_uri() + "?q=WITKOFF")
    assert page.locator("#chronicle-status").inner_text() == "1 article found."
    page.goto((offline / "search/index.html").as_uri() + "?q=nowhere-to-be-found")
    assert page.locator("#chronicle-status").inner_text() == "0 articles found."
