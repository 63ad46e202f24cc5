"""Incremental builds with Pagefind search on: one article added to a built archive re-indexes
only its year's shard, and the rebuilt bundle answers queries as a clean build's does.

The archive (40 generated articles over six years, one shard per year, the default) is built,
one article dated 2020 is added, and it is rebuilt with `--dirty` and the cache of the first
build (what `chronicle build` runs). A copy is built clean, without any cache. Both bundles are
then searched for real, with Pagefind's own pagefind.js in Debian's headless Chromium.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from benchmarks import corpus

if TYPE_CHECKING:
    from playwright.sync_api import Page

SIZE = 40
ADDED = corpus.make_post(SIZE)  # dated 2020: neither the newest year nor the oldest


def snapshot(bundle: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(bundle).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in bundle.rglob("*")
        if p.is_file()
    }


@pytest.fixture(scope="module")
def sites(tmp_path_factory, build_log, set_plugin_options) -> dict[str, object]:
    assert ADDED.article.date is not None and ADDED.article.date.year == 2020
    root = tmp_path_factory.mktemp("incsearch")
    cached = corpus.write_chronicle(root / "cached", SIZE)
    corpus.set_material_search(cached, on=False)
    # Every year its own shard, however small (these 40 articles would share a few otherwise):
    # what is tested here is that one year's change re-indexes one shard.
    set_plugin_options(cached, search_small_year=0)
    build_log(cached)
    before = snapshot(cached / "site" / "pagefind")
    shards = json.loads((cached / "site" / "pagefind" / "chronicle-shards.json").read_text())
    corpus.write_chronicle_post(cached, ADDED)
    log = build_log(cached, "--dirty")
    clean = root / "clean"
    shutil.copytree(cached, clean, ignore=shutil.ignore_patterns("site", ".cache"))
    set_plugin_options(clean, cache="false")
    build_log(clean)
    # As `mkdocs serve` rebuilds: into an emptied site folder, with the cache of the builds above.
    served = root / "served"
    shutil.copytree(cached, served)
    served_log = build_log(served)  # not --dirty: MkDocs empties site/ first
    return {
        "served": served / "site",
        "served_log": served_log,
        "incremental": cached / "site",
        "clean": clean / "site",
        "before": before,
        "shards_before": shards,
        "log": log,
    }


def test_one_shard_per_year(sites):
    years = [s["years"] for s in sites["shards_before"]]
    assert [y[0] for y in years] == sorted((y[0] for y in years), reverse=True)
    assert all(len([v for v in y if v != "Undated"]) == 1 for y in years)
    assert len(years) > 2


def test_rebuild_skips_articles_and_reindexes_one_shard(sites):
    log = sites["log"]
    skipped = re.search(r"pages? (?:is|are) up to date \((\d+) articles?", log)
    assert skipped and int(skipped.group(1)) >= SIZE - 3  # the new one and its two neighbours
    match = re.search(r"(\d+) shards?, (\d+) indexed with Pagefind, (\d+) unchanged", log)
    assert match, log
    total, indexed, unchanged = map(int, match.groups())
    assert (indexed, unchanged) == (1, total - 1)


def test_a_build_into_an_emptied_site_copies_every_shard_from_the_cache(sites, site_tree):
    match = re.search(r"(\d+) shards?, (\d+) indexed with Pagefind", sites["served_log"])
    assert match and int(match.group(2)) == 0, sites["served_log"]
    assert site_tree(sites["served"]) == site_tree(sites["clean"])


def test_only_the_added_articles_shard_changed(sites):
    before = sites["before"]
    after = snapshot(sites["incremental"] / "pagefind")
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    # Byte-identical and not rewritten (same mtime): everything but 2020's shard, the list and
    # the counts made at build time (search/counts.py) that the new article changes.
    assert changed
    counts = ("chronicle-shards.json", "chronicle-counts.json")
    assert all(
        name.startswith(("shards/2020/", "counts/")) or name in counts for name in changed
    ), sorted(changed)
    assert any(name.startswith("shards/2020/") for name in changed)
    assert "chronicle-counts.json" in changed
    # A count file is rewritten only when its counts changed: not every value's.
    assert len([n for n in changed if n.startswith("counts/")]) < len(
        [n for n in after if n.startswith("counts/")]
    )


def test_page_set_equals_a_clean_build(sites, site_tree):
    got, want = site_tree(sites["incremental"]), site_tree(sites["clean"])
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
    shards = [
        json.loads((sites[k] / "pagefind" / "chronicle-shards.json").read_text())
        for k in ("incremental", "clean")
    ]
    assert shards[0] == shards[1]


QUERY = """async (word) => {
  const pf = await import('/pagefind/pagefind.js');
  const shards = await (await fetch('/pagefind/chronicle-shards.json')).json();
  for (const s of shards) if (s.path) await pf.mergeIndex('/pagefind/' + s.path);
  const search = await pf.search(word);
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => d.url).sort();
}"""


def search(open_page: Callable[..., Page], base_url: str, words: list[str]) -> dict[str, list[str]]:
    """Each word's result URLs, from the bundle of the site served at `base_url`, queried in
    Chromium."""
    results = {}
    for word in words:  # a fresh page each: merging the shards twice doubles results
        page = open_page()
        page.goto(base_url)
        results[word] = page.evaluate(QUERY, word)
        page.close()
    return results


@pytest.mark.browser
def test_search_finds_the_new_article_and_old_ones_as_a_clean_build_does(
    sites, serve_site, open_page
):
    old = corpus.make_post(5)
    city = re.search(r" in (\w+) ", ADDED.article.title).group(1)  # e.g. "Hanoi"
    words = [city, old.article.title.split()[-5], "agenda"]
    got = search(open_page, serve_site(sites["incremental"]), words)
    want = search(open_page, serve_site(sites["clean"]), words)
    assert got == want
    assert search(open_page, serve_site(sites["served"]), words) == want
    found = got[city]
    # The new article (in the re-indexed shard) and the old ones (in kept shards) are all found.
    slug = corpus.chronicle_path(Path(), ADDED).with_suffix("").relative_to("docs").as_posix()
    assert any(u.strip("/") == slug for u in found), (slug, found)
    assert len(got["agenda"]) == SIZE + 1  # every title ends "… dominate the agenda"
