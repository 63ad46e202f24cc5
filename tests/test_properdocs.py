"""The example archive builds under ProperDocs, the maintained drop-in fork of MkDocs 1.6, with
the same plugin (found through the `mkdocs.plugins` entry point) and the same look and search."""

from __future__ import annotations

import importlib.util

import pytest


@pytest.fixture(scope="module")
def properdocs_site(site_scaffold, articles, seed_text, mkdocs_build):
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail("ProperDocs is not installed (bash dev.sh test installs the test extras)")
    project = site_scaffold("properdocs", entities=True)
    articles.add(
        project, "seed.txt", seed_text, title="Talks stall", date="2025-03-21", source="unknown"
    )
    result = mkdocs_build(project, "-f", "mkdocs.yml", module="properdocs")
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_the_example_builds_with_properdocs(properdocs_site, page_html):
    site, log = properdocs_site
    assert "chronicle: 1 article, " in log
    home = page_html(site, "")
    assert "assets/chronicle/chronicle.css" in home and "chronicle-stats" in home
    article = page_html(site, "articles/2025/03/21/talks-stall")
    assert "Meshaal" in article and "chronicle-breadcrumbs" in article
    assert "Talks stall" in page_html(site, "archive/2025/03/21")
    assert list((site / "pagefind").glob("pagefind*.js"))
    assert (site / "feed.xml").is_file()
