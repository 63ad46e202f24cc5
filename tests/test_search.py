"""The search package without MkDocs: articles → Pagefind records, and the indexer client."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.site.build.keys import shard_salt
from chronicle.site.search.bundle import LateRecords, write_bundle
from chronicle.site.search.indexer import PagefindWriter, SearchIndexError
from chronicle.site.search.records import (
    UNDATED_NEWEST_LAST,
    UNDATED_OLDEST_LAST,
    SearchRecord,
    html_to_text,
    packed,
    record_for,
    record_to_json,
    text_of,
)
from chronicle.site.search.shards import plan_shards, shard_digest

EN = shard_salt("en")
Records = Callable[..., list[SearchRecord]]


@pytest.fixture
def records_for_dates(articles) -> Records:
    """`records_for_dates(*dates, prefix="a")`: one record per date, (year,), (year, month) or
    (year, month, day), None for undated, of an article at articles/PREFIX<i>/."""

    def records(*dates: tuple[int, ...] | None, prefix: str = "a") -> list[SearchRecord]:
        return [
            record_for(
                articles.entry(id=f"{prefix}{i}", date=ArticleDate(*d) if d else None), "text"
            )
            for i, d in enumerate(dates)
        ]

    return records


@pytest.fixture
def records_for_years(records_for_dates: Records) -> Records:
    """`records_for_years(*years)`: one record per year (None: undated), of articles/<i>/."""
    return lambda *years: records_for_dates(*((y, 1, 1) if y else None for y in years), prefix="")


def test_a_dated_article_is_filtered_sorted_and_shown_by_its_date(articles):
    record = record_for(
        articles.entry(
            date=ArticleDate(2025, 3, 25),
            source="Harbour Times",
            topics=("Gaza ceasefire",),
            people=("Khaled Meshaal", "Khaled Meshaal"),
            language="fr",
        ),
        "Body text.",
    )
    assert record.url == "/articles/talks-stall/"
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


def test_an_undated_article_keeps_a_sort_key_so_sorted_searches_keep_it(articles):
    record = record_for(articles.entry(), "Body.")
    assert record.sort == {"date": UNDATED_NEWEST_LAST, "date_oldest": UNDATED_OLDEST_LAST}
    assert record.filters["year"] == ["Undated"] and "month" not in record.filters
    assert record.filters["source"] == ["Unknown source"]
    assert record.meta["date"] == "Date unknown"


def test_an_article_known_only_by_month_has_no_day(articles):
    record = record_for(articles.entry(date=ArticleDate(2024, 11)), "")
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


def test_the_writer_builds_a_bundle(tmp_path, articles):
    writer = PagefindWriter()
    writer.add(record_for(articles.entry(date=ArticleDate(2025, 3, 25)), "Ceasefire talks stall."))
    writer.add(record_for(articles.entry(id="clip"), "An undated clipping."))
    writer.write(tmp_path / "pagefind")
    assert writer.records == 2
    entry_json = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert sum(lang["page_count"] for lang in entry_json["languages"].values()) == 2
    assert (tmp_path / "pagefind" / "pagefind.js").exists()


def test_shards_are_runs_of_whole_years_newest_first_with_undated_in_the_oldest(records_for_years):
    shards = plan_shards(records_for_years(2025, 2025, 2025, 2025, 2024, 2023, None), 3)
    assert [(s.label, s.path, s.years, len(s.records)) for s in shards] == [
        ("2025", "", ["2025"], 4),  # the primary bundle; a year larger than a shard stays whole
        ("2023-2024", "shards/2023-2024/", ["2024", "2023", "Undated"], 3),  # undated: oldest
    ]
    undated = plan_shards(records_for_years(2024, None), 1)
    assert [(s.label, s.years) for s in undated] == [("2024", ["2024", "Undated"])]
    assert [s.path for s in plan_shards([], 10)] == [""]  # an empty archive still has a bundle


def test_small_years_of_one_decade_share_a_shard(records_for_years):
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


def test_a_growing_small_year_changes_only_its_decades_shards(records_for_years):
    years = [2025, 2024, 2019, 2018]
    before = {s.label: shard_digest(s, EN) for s in plan_shards(records_for_years(*years), 0, 3)}
    assert list(before) == ["2024-2025", "2018-2019"]
    grown = records_for_years(*years, 2019, 2019)  # 2019 now has 3: no longer small
    after = {s.label: shard_digest(s, EN) for s in plan_shards(grown, 0, 3)}
    assert list(after) == ["2024-2025", "2019", "2018"]
    assert after["2024-2025"] == before["2024-2025"]  # another decade: untouched


def test_write_bundle_lists_the_shards_for_the_browser(tmp_path, records_for_years):
    shards = write_bundle(records_for_years(2025, 2024, None), tmp_path / "pf", max_articles=1)
    manifest = json.loads((tmp_path / "pf" / "chronicle-shards.json").read_text())
    assert manifest == [
        {"path": "", "label": "2025", "years": ["2025"], "articles": 1, "languages": {"en": 1}},
        {
            "path": "shards/2024/",
            "label": "2024",
            "years": ["2024", "Undated"],
            "articles": 2,
            "languages": {"en": 2},
        },
    ]
    assert len(shards) == 2
    assert (tmp_path / "pf" / "pagefind.js").exists()
    assert (tmp_path / "pf" / "shards" / "2024" / "pagefind-entry.json").exists()
    assert not list((tmp_path / "pf" / "shards").rglob("*.js"))  # the primary brings the code


def test_an_empty_archive_still_ships_a_search_bundle_and_search_can_be_switched_off(
    site_project, build_site, set_plugin_options
):
    site = build_site(site_project)
    assert (site / "pagefind" / "pagefind.js").exists()
    assert "chronicle-searchbox" in (site / "about" / "index.html").read_text("utf-8")
    set_plugin_options(site_project, search_enabled="false")
    site = build_site(site_project)
    assert not (site / "pagefind").exists() and not (site / "search").exists()
    assert "chronicle-searchbox" not in (site / "about" / "index.html").read_text("utf-8")


def test_one_shard_per_year_is_stable_when_a_year_grows(records_for_years, articles):
    """The default plan (0): adding an article to 2023 changes 2023's shard digest alone, and
    the order records arrive in (pages rendered vs. read from the cache) does not matter."""
    records = records_for_years(2025, 2024, 2024, 2023, 2022, None)
    before = {s.path: shard_digest(s, EN) for s in plan_shards(records, 0)}
    assert list(before) == ["", "shards/2024/", "shards/2023/", "shards/2022/"]
    added = record_for(articles.entry(id="new", date=ArticleDate(2023, 5, 1)), "new text")
    grown = [*reversed(records), added]
    after = {s.path: shard_digest(s, EN) for s in plan_shards(grown, 0)}
    assert [p for p in before if before[p] != after[p]] == ["shards/2023/"]


def _contents(bundle) -> list[str]:
    """The text of every page a Pagefind bundle holds (its fragments: gzipped JSON)."""
    import gzip

    return sorted(
        json.loads(gzip.decompress(p.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
        for p in bundle.rglob("*.pf_fragment")
    )


def test_a_wrong_guess_is_indexed_again_with_the_real_record(tmp_path, records_for_years):
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


def test_a_packed_record_is_indexed_and_digested_like_its_text(tmp_path, articles):
    """The build keeps records packed until they are indexed (memory): same text, same shard
    digest, same bundle."""
    text = "“Talks stall,” she said — again.\n" * 200  # curly quotes: two bytes a character
    plain = [
        record_for(articles.entry(id=f"a{i}", date=ArticleDate(2025, 3, i + 1)), text)
        for i in range(3)
    ]
    small = [packed(r) for r in plain]
    assert all(isinstance(r.content, bytes) for r in small)
    assert sum(len(r.content) for r in small) * 10 < sum(len(r.content) for r in plain)
    assert [text_of(r) for r in small] == [r.content for r in plain]
    assert [record_to_json(r) for r in small] == [record_to_json(r) for r in plain]
    assert packed(small[0]) is small[0] and packed(plain[0]) == small[0]
    shards = write_bundle(small, tmp_path / "packed", max_articles=0)
    direct = write_bundle(plain, tmp_path / "plain", max_articles=0)
    assert [s.digest for s in shards] == [s.digest for s in direct]
    assert _contents(tmp_path / "packed") == _contents(tmp_path / "plain")
    assert all("Talks stall" in page for page in _contents(tmp_path / "packed"))


def test_a_build_that_stops_leaves_no_indexer_waiting(tmp_path, records_for_years):
    records = records_for_years(2025)
    late = LateRecords(records)
    late.cancel()  # what on_build_error does
    with pytest.raises(SearchIndexError, match="stopped before every page was read"):
        write_bundle(records, tmp_path / "pf", max_articles=0, late=late)


def test_a_large_year_is_split_into_the_fewest_equal_runs_of_whole_months(records_for_dates):
    """k parts of 12/k months, k the smallest of 1, 2, 3, 4, 6, 12 with count <= k * split;
    newest part first (the primary), empty parts left out, labels not mistakable for dates."""
    every_month = [(2024, m, 1) for m in range(1, 13)]
    cases = {  # split_year → the parts of a year with one article a month
        12: [],  # 12 articles, not more than 12: whole
        11: ["2024-m07-m12", "2024-m01-m06"],  # 12 <= 2 * 11
        5: ["2024-m09-m12", "2024-m05-m08", "2024-m01-m04"],  # 12 > 2 * 5: thirds
        3: ["2024-m10-m12", "2024-m07-m09", "2024-m04-m06", "2024-m01-m03"],  # quarters
        2: [f"2024-m{m:02d}-m{m + 1:02d}" for m in (11, 9, 7, 5, 3, 1)],
        1: [f"2024-m{m:02d}" for m in range(12, 0, -1)],  # months (12 <= 12 * 1)
    }
    for split, labels in cases.items():
        shards = plan_shards(records_for_dates(*every_month), 0, split_year=split)
        assert [s.label for s in shards] == (labels or ["2024"]), split
        assert [s.path for s in shards] == ["", *(f"shards/{x}/" for x in labels[1:])]
        assert all(s.years == ["2024"] for s in shards)
        for s in shards[1:] if labels else []:  # each part holds its months' articles
            assert {r.filters["month"][0] for r in s.records} <= set(s.months)
    quarters = plan_shards(records_for_dates(*every_month), 0, split_year=3)
    assert quarters[0].months == ["2024-10", "2024-11", "2024-12"]
    assert quarters[-1].months == ["2024-01", "2024-02", "2024-03"]
    # More than 12 times the split: 12 parts all the same (a part may then exceed the split).
    crowded = [(2024, 3, d) for d in range(1, 29)] + [(2024, 12, 1)]
    assert [s.label for s in plan_shards(records_for_dates(*crowded), 0, split_year=2)] == [
        "2024-m12",  # empty months are no shards
        "2024-m03",
    ]
    # Halves, with nothing after June: one part, still labelled by the half it covers.
    spring = [(2024, 4, d) for d in range(1, 8)]
    assert [(s.label, s.months[-1]) for s in plan_shards(records_for_dates(*spring), 0, 0, 5)] == [
        ("2024-m01-m06", "2024-06")
    ]


def test_split_years_keep_undated_and_year_only_articles_findable(records_for_dates):
    """Articles known only by their year go to the year's January part; undated ones to the
    oldest shard, as always; a year of which no article has a month stays whole."""
    dates = [(2024, 12, 1), (2024, 11), (2024, 2, 3), (2024,), None, (2023, 5, 1)]
    shards = plan_shards(records_for_dates(*dates), 0, split_year=2)
    assert [(s.label, s.years, len(s.records)) for s in shards] == [
        ("2024-m07-m12", ["2024"], 2),
        ("2024-m01-m06", ["2024"], 2),  # 3 February and the one known only as "2024"
        ("2023", ["2023", "Undated"], 2),
    ]
    assert shards[1].months[0] == "2024-01"
    # Undated with a split oldest year: they join its oldest part.
    oldest = plan_shards(
        records_for_dates((2023, 1, 1), (2023, 9, 1), (2023, 10, 1), None), 0, 0, 2
    )
    assert [(s.label, s.years) for s in oldest] == [
        ("2023-m07-m12", ["2023"]),
        ("2023-m01-m06", ["2023", "Undated"]),
    ]
    # No month to split by.
    years_only = plan_shards(records_for_dates((2022,), (2022,), (2022,)), 0, split_year=1)
    assert [(s.label, s.months) for s in years_only] == [("2022", [])]
    # January's part is made for year-only articles even when no article is dated in it.
    late = plan_shards(records_for_dates((2021, 12, 1), (2021, 11, 1), (2021,)), 0, 0, 2)
    assert [s.label for s in late] == ["2021-m07-m12", "2021-m01-m06"]


def test_splitting_leaves_small_years_and_the_shard_cap_as_they_were(records_for_dates):
    years = [2025] * 3 + [2024] * 2 + [2021] * 5 + [2020] + [2019] * 2 + [2018] + [2009, None]
    dates = [(y, 1 + i % 12, 1) if y else None for i, y in enumerate(years)]
    plain = plan_shards(records_for_dates(*dates), 0, small_year=4)
    split = plan_shards(records_for_dates(*dates), 0, small_year=4, split_year=4)
    assert [s.label for s in plain] == ["2024-2025", "2021", "2020", "2018-2019", "2009"]
    # 2021 (5 articles > 4) is split; the small years group as before.
    assert [s.label for s in split] == ["2024-2025", "2021-m07-m12", "2021-m01-m06", "2020",
                                        "2018-2019", "2009"]  # fmt: skip
    assert [s.years for s in split if s.months] == [["2021"], ["2021"]]
    # A split year never joins small years, even when it counts as small (small_year > split).
    grouped = plan_shards(records_for_dates((2025, 1, 1), (2024, 1, 1), (2024, 8, 1)), 0, 9, 1)
    assert [s.label for s in grouped] == ["2025", "2024-m07-m12", "2024-m01-m06"]
    # The cap mode (max_articles > 0) ignores split_year.
    capped = plan_shards(records_for_dates(*dates), 3, split_year=1)
    assert not any(s.months for s in capped)
    assert [s.label for s in capped] == [s.label for s in plan_shards(records_for_dates(*dates), 3)]


def test_adding_an_article_to_a_split_year_changes_only_its_part(records_for_dates):
    """The point of splitting: a rebuild re-indexes one part of the year, not the year."""
    dates = [(2024, m, d) for m in range(1, 13) for d in (1, 2)] + [(2023, 6, 1)]
    records = records_for_dates(*dates)
    before = {s.path: shard_digest(s, EN) for s in plan_shards(records, 0, split_year=7)}
    assert list(before) == [  # 24 articles, at most 7 a part: quarters
        "",
        "shards/2024-m07-m09/",
        "shards/2024-m04-m06/",
        "shards/2024-m01-m03/",
        "shards/2023/",
    ]
    added = records_for_dates((2024, 5, 9), prefix="new")  # 25 <= 4 * 7: still quarters
    after = {
        s.path: shard_digest(s, EN) for s in plan_shards([*reversed(records), *added], 0, 0, 7)
    }
    assert [p for p in before if before[p] != after[p]] == ["shards/2024-m04-m06/"]
    # Past 4 * 7 the year's k changes (to 6): all its parts change, the other years do not.
    more = records_for_dates(*[(2024, 5, 10)] * 4, prefix="more")
    regrown = {s.path: shard_digest(s, EN) for s in plan_shards([*records, *added, *more], 0, 0, 7)}
    assert len([p for p in regrown if p.startswith("shards/2024-m") or p == ""]) == 6
    assert regrown["shards/2023/"] == before["shards/2023/"]


def test_write_bundle_lists_the_months_of_split_parts_and_keeps_unchanged_ones(
    tmp_path, records_for_dates
):
    records = records_for_dates((2024, 9, 1), (2024, 3, 1), (2024,), (2023, 5, 1), None)
    bundle, store = tmp_path / "pf", tmp_path / "store"
    shards = write_bundle(records, bundle, max_articles=0, split_year=2, store=store)
    manifest = json.loads((bundle / "chronicle-shards.json").read_text())
    assert manifest == [
        {"path": "", "label": "2024-m07-m12", "years": ["2024"],
         "months": [f"2024-{m:02d}" for m in range(7, 13)], "articles": 1, "languages": {"en": 1}},
        {"path": "shards/2024-m01-m06/", "label": "2024-m01-m06", "years": ["2024"],
         "months": [f"2024-{m:02d}" for m in range(1, 7)], "articles": 2, "languages": {"en": 2}},
        {"path": "shards/2023/", "label": "2023", "years": ["2023", "Undated"], "articles": 2,
         "languages": {"en": 2}},
    ]  # fmt: skip
    assert (bundle / "shards" / "2024-m01-m06" / "pagefind-entry.json").is_file()
    # A rebuild with one more article in March: only that part is indexed again.
    previous = {s.path: s.digest for s in shards}
    added = records_for_dates((2024, 3, 5), prefix="new")
    again = write_bundle(
        [*records, *added], bundle, max_articles=0, split_year=2, previous=previous, store=store
    )
    assert [(s.label, s.reused) for s in again] == [
        ("2024-m07-m12", True),
        ("2024-m01-m06", False),
        ("2023", True),
    ]
    # 4 articles in 2024 now (> 2 * 2): thirds; the halves' folders and stored copies go.
    more = records_for_dates((2024, 4, 1), prefix="more")
    thirds = write_bundle(
        [*records, *added, *more], bundle, max_articles=0, split_year=2, previous=previous,
        store=store,
    )  # fmt: skip
    assert [s.label for s in thirds] == ["2024-m09-m12", "2024-m01-m04", "2023"]
    assert sorted(p.name for p in (bundle / "shards").iterdir()) == ["2023", "2024-m01-m04"]
    assert sorted(p.name for p in store.iterdir()) == sorted(s.digest for s in thirds)
    assert len(_contents(bundle)) == 7  # every article is in the bundle, once
