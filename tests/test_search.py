"""search.py without MkDocs: articles → Pagefind records, and the indexer client."""

from __future__ import annotations

import json

from chronicle.archive import Entry
from chronicle.dates import ArticleDate
from chronicle.model import Article
from chronicle.search import (
    UNDATED_NEWEST_LAST,
    UNDATED_OLDEST_LAST,
    LateRecords,
    PagefindWriter,
    SearchIndexError,
    html_to_text,
    plan_shards,
    record_for,
    write_bundle,
)


def entry(url: str = "articles/2025/03/25/talks-stall/", **fields) -> Entry:
    article = Article(id="a", title="Talks stall", title_origin="source", body="", **fields)
    return Entry(article=article, url=url, src_uri="x.md")


def test_a_dated_article_is_filtered_sorted_and_shown_by_its_date():
    record = record_for(
        entry(
            date=ArticleDate(2025, 3, 25),
            source="Harbour Times",
            topics=("Gaza ceasefire",),
            people=("Khaled Meshaal", "Khaled Meshaal"),
            language="fr",
        ),
        "Body text.",
    )
    assert record.url == "/articles/2025/03/25/talks-stall/"
    assert record.content == "Talks stall\nBody text."
    assert record.meta == {
        "title": "Talks stall",
        "source": "Harbour Times",
        "date": "25 March 2025",
        "date_iso": "2025-03-25",
    }
    assert record.filters == {
        "source": ["Harbour Times"],
        "language": ["fr"],
        "topic": ["Gaza ceasefire"],
        "person": ["Khaled Meshaal"],
        "year": ["2025"],
        "month": ["2025-03"],
        "day": ["2025-03-25"],
    }
    assert record.sort == {"date": "2025-03-25", "date_oldest": "2025-03-25"}


def test_an_undated_article_keeps_a_sort_key_so_sorted_searches_keep_it():
    record = record_for(entry(), "Body.")
    assert record.sort == {"date": UNDATED_NEWEST_LAST, "date_oldest": UNDATED_OLDEST_LAST}
    assert record.filters["year"] == ["Undated"] and "month" not in record.filters
    assert record.filters["source"] == ["Unknown source"]
    assert record.meta["date"] == "Date unknown"


def test_an_article_known_only_by_month_has_no_day():
    record = record_for(entry(date=ArticleDate(2024, 11)), "")
    assert record.filters["month"] == ["2024-11"] and "day" not in record.filters
    assert record.sort["date"] == "2024-11-00"


def test_html_to_text_keeps_paragraphs_apart_and_carries_no_markup():
    html = (
        '<h2 id="x">Head<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
        "<p>One &amp; <em>two</em>.</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    )
    text = html_to_text(html)
    assert text == "Head\nOne & two.\n‹script›alert(1)‹/script›"
    assert "<" not in text and "¶" not in text


def test_the_writer_builds_a_bundle(tmp_path):
    writer = PagefindWriter()
    writer.add(record_for(entry(date=ArticleDate(2025, 3, 25)), "Ceasefire talks stall."))
    writer.add(record_for(entry("articles/undated/clip/"), "An undated clipping."))
    writer.write(tmp_path / "pagefind")
    assert writer.records == 2
    entry_json = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry_json["languages"].values()) == 2
    assert (tmp_path / "pagefind" / "pagefind.js").exists()


def records_for_years(*years: int | None) -> list:
    return [
        record_for(entry(f"articles/{i}/", date=ArticleDate(year, 1, 1) if year else None), "text")
        for i, year in enumerate(years)
    ]


def test_shards_are_runs_of_whole_years_newest_first_with_undated_in_the_oldest():
    shards = plan_shards(records_for_years(2025, 2025, 2025, 2025, 2024, 2023, None), 3)
    assert [(s.label, s.path, s.years, len(s.records)) for s in shards] == [
        ("2025", "", ["2025"], 4),  # the primary bundle; a year larger than a shard stays whole
        ("2023-2024", "shards/2023-2024/", ["2024", "2023", "Undated"], 3),  # undated: oldest
    ]
    undated = plan_shards(records_for_years(2024, None), 1)
    assert [(s.label, s.years) for s in undated] == [("2024", ["2024", "Undated"])]
    assert [s.path for s in plan_shards([], 10)] == [""]  # an empty archive still has a bundle


def test_small_years_of_one_decade_share_a_shard():
    """With one shard per year, consecutive small years of the same decade are one shard; a
    large year, or a new decade, starts another."""
    years = [2025] * 3 + [2024] * 2 + [2021] * 5 + [2020] + [2019] * 2 + [2018] + [2009, None]
    shards = plan_shards(records_for_years(*years), 0, small_year=4)
    assert [(s.label, s.years) for s in shards] == [
        ("2024-2025", ["2025", "2024"]),  # small, same decade
        ("2021", ["2021"]),  # 5 articles: not small, alone
        ("2020", ["2020"]),  # small, but 2019 is another decade
        ("2018-2019", ["2019", "2018"]),
        ("2009", ["2009", "Undated"]),
    ]
    assert shards[0].path == "" and shards[1].path == "shards/2021/"
    assert [s.label for s in plan_shards(records_for_years(2025, 2024), 0)] == ["2025", "2024"]


def test_a_growing_small_year_changes_only_its_decades_shards():
    from chronicle.search import shard_digest

    years = [2025, 2024, 2019, 2018]
    before = {s.label: shard_digest(s, "en") for s in plan_shards(records_for_years(*years), 0, 3)}
    assert list(before) == ["2024-2025", "2018-2019"]
    grown = records_for_years(*years, 2019, 2019)  # 2019 now has 3: no longer small
    after = {s.label: shard_digest(s, "en") for s in plan_shards(grown, 0, 3)}
    assert list(after) == ["2024-2025", "2019", "2018"]
    assert after["2024-2025"] == before["2024-2025"]  # another decade: untouched


def test_write_bundle_lists_the_shards_for_the_browser(tmp_path):
    shards = write_bundle(records_for_years(2025, 2024, None), tmp_path / "pf", max_articles=1)
    manifest = json.loads((tmp_path / "pf" / "chronicle-shards.json").read_text())
    assert manifest == [
        {"path": "", "label": "2025", "years": ["2025"], "articles": 1},
        {"path": "shards/2024/", "label": "2024", "years": ["2024", "Undated"], "articles": 2},
    ]
    assert len(shards) == 2
    assert (tmp_path / "pf" / "pagefind.js").exists()
    assert (tmp_path / "pf" / "shards" / "2024" / "pagefind-entry.json").exists()
    assert not list((tmp_path / "pf" / "shards").rglob("*.js"))  # the primary brings the code


def test_an_empty_archive_still_ships_a_search_bundle_and_search_can_be_switched_off(
    site_project,
):
    from tests.test_site_build import build

    site = build(site_project)
    assert (site / "pagefind" / "pagefind.js").exists()
    assert "chronicle-searchbox" in (site / "about" / "index.html").read_text("utf-8")
    config = site_project / "mkdocs.yml"
    text = config.read_text("utf-8").replace(
        "  - chronicle:\n", "  - chronicle:\n      search_enabled: false\n"
    )
    config.write_text(text, "utf-8")
    site = build(site_project)
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert "chronicle-searchbox" not in (site / "about" / "index.html").read_text("utf-8")


def test_one_shard_per_year_is_stable_when_a_year_grows():
    """The default plan (0): adding an article to 2023 changes 2023's shard digest alone, and
    the order records arrive in (pages rendered vs. read from the cache) does not matter."""
    from chronicle.search import shard_digest

    records = records_for_years(2025, 2024, 2024, 2023, 2022, None)
    before = {s.path: shard_digest(s, "en") for s in plan_shards(records, 0)}
    assert list(before) == ["", "shards/2024/", "shards/2023/", "shards/2022/"]
    added = record_for(entry("articles/new/", date=ArticleDate(2023, 5, 1)), "new text")
    grown = [*reversed(records), added]
    after = {s.path: shard_digest(s, "en") for s in plan_shards(grown, 0)}
    assert [p for p in before if before[p] != after[p]] == ["shards/2023/"]


def _contents(bundle) -> list[str]:
    """The text of every page a Pagefind bundle holds (its fragments: gzipped JSON)."""
    import gzip

    return sorted(
        json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
        for p in bundle.rglob("*.pf_fragment")
    )


def test_a_wrong_guess_is_indexed_again_with_the_real_record(tmp_path):
    """Early indexing (search.LateRecords): a shard indexed with a guessed record is checked
    against the record MkDocs made, and indexed again when they differ."""
    import dataclasses
    import threading

    records = records_for_years(2025, 2025, 2024)
    real = dataclasses.replace(records[1], content="Talks stall\nThe text MkDocs made.")
    guess = dataclasses.replace(real, content="Talks stall\nA guess that missed.")
    late = LateRecords([guess])
    threading.Timer(0.2, late.deliver, [[real]]).start()  # as the plugin does, from on_env
    early = tmp_path / "early"
    shards = write_bundle([records[0], guess, records[2]], early, max_articles=0, late=late)
    direct = write_bundle([records[0], real, records[2]], tmp_path / "direct", max_articles=0)
    assert _contents(early) == _contents(tmp_path / "direct")
    assert "Talks stall The text MkDocs made." in _contents(early)  # Pagefind joins lines
    assert [s.digest for s in shards] == [s.digest for s in direct]  # what the next build keeps
    assert len(list(early.glob("*.pf_meta"))) == 1  # the first index left nothing behind


def test_a_build_that_stops_leaves_no_indexer_waiting(tmp_path):
    import pytest

    records = records_for_years(2025)
    late = LateRecords(records)
    late.cancel()  # what on_build_error does
    with pytest.raises(SearchIndexError, match="stopped before every page was read"):
        write_bundle(records, tmp_path / "pf", max_articles=0, late=late)
