"""An entity's pages are made only when one of them is built (build/lazyviews.py): planned from
the fingerprints the last build kept under the digest of their inputs. The pages made later are
the pages a full build makes, and a rebuild that needs one (its output gone) writes it as a
clean build does."""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks import corpus

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import build_archive
from chronicle.archive.memo import PickleMemo
from chronicle.site.build.cache import Fingerprinter
from chronicle.site.build.lazyviews import LazyPagesMemo, LazyViews, add_lazy_pages
from chronicle.site.entity_pages import build_entity_site
from chronicle.site.labels import english

BASES = {"person": "people/", "organisation": "organisations/", "place": "places/"}


def entity_site(articles, people: list[list[str]]):
    entries = [
        articles.entry(
            id=f"a{n}", title=f"Report {n}", date=ArticleDate(2025, 1, n + 1), people=names
        )
        for n, names in enumerate(people)
    ]
    archive = build_archive(entries)
    return build_entity_site(archive, None, bases=BASES, quotes_base="quotes/", page_size=2)


def own_pages(site) -> set[str]:
    """The entities' own pages (not the kinds' indexes or the quotes pages)."""
    return {v.src_uri for pages in site.entities.values() for v in pages.views(english())}


def plan(site, memo: PickleMemo, fingerprint: Fingerprinter) -> tuple[LazyViews, LazyPagesMemo]:
    """What a build does: add every entity's pages, then fingerprint those made."""
    views, lazy = LazyViews(english()), LazyPagesMemo(memo, "salt", fingerprint)
    add_lazy_pages(site.entities.values(), views, lazy, lambda src: True)
    for src in site.pages:
        if src in views and views.is_made(src):
            lazy.record(src, fingerprint({"view": views.get(src)}))
    lazy.save()
    return views, lazy


def test_unchanged_entities_are_not_made_and_made_alike_on_demand(articles, tmp_path):
    people = [["Ana Ruiz", "Bo Lee"], ["Ana Ruiz"], ["Bo Lee"], ["Ana Ruiz"], ["Cy Dunn"]]
    memo = PickleMemo(tmp_path / "lazy-pages.pickle")
    first, _ = plan(entity_site(articles, people), memo, Fingerprinter())
    assert all(first.is_made(src) for src in own_pages(entity_site(articles, people)))
    memo.save()

    # A new article names Cy Dunn alone: Ana Ruiz's and Bo Lee's pages are not made.
    site = entity_site(articles, [*people, ["Cy Dunn"]])
    views, lazy = plan(site, PickleMemo(tmp_path / "lazy-pages.pickle"), Fingerprinter())
    own = own_pages(site)
    assert all(src in views for src in own) and len(views) == len(own)
    made = {src for src in own if views.is_made(src)}
    assert made and all(src.startswith("people/cy-dunn/") for src in made)
    ana = "people/ana-ruiz/index.md"
    kept = lazy.text(ana)
    assert kept is not None and not views.is_made(ana)
    # Made on demand, Ana Ruiz's page (and her later pages) is the page a full build makes,
    # with the fingerprint that was kept.
    full = site.pages
    assert views.get(ana) == full[ana] and views.is_made("people/ana-ruiz/timeline/index.md")
    assert Fingerprinter()({"view": views.get(ana)}) == kept


def test_a_lazy_page_whose_output_is_gone_is_written_as_a_clean_build_does(
    tmp_path, build_log, site_tree, set_plugin_options
):
    project = corpus.write_chronicle(tmp_path / "cached", 30)
    set_plugin_options(project, search_enabled="false")
    build_log(project)
    pages = sorted((project / "site" / "topics" / "people").glob("*/index.html"))
    assert pages
    gone = pages[len(pages) // 2]
    before = gone.read_bytes()
    gone.unlink()
    corpus.write_chronicle_post(project, corpus.make_post(30))
    log = build_log(project, "--dirty")
    assert "pages are up to date" in log
    assert gone.read_bytes() == before  # the new article names none of the generated people
    clean = tmp_path / "clean"
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".cache"))
    set_plugin_options(clean, cache="false")
    build_log(clean)
    assert site_tree(project / "site") == site_tree(clean / "site")
    assert list(Path(project / ".cache" / "chronicle").glob("lazy-pages-*.pickle"))
