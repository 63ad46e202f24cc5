"""What the search index is made of besides Pagefind's files: the facet counts written at build
time (search/counts.py), the primary shard's index in the site's language, and boilerplate kept
out of the indexed text. Without MkDocs or a browser."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from benchmarks.search import generate_entries

from chronicle.site.search import counts as counts_module
from chronicle.site.search.bundle import write_bundle
from chronicle.site.search.counts import (
    COUNTS_DIR,
    COUNTS_FILE,
    FACET_KEYS,
    count_facets,
    value_file,
    write_counts,
)
from chronicle.site.search.records import SearchRecord, record_for
from chronicle.text.boilerplate import is_navigation_text, without_boilerplate


@pytest.fixture(scope="module")
def records() -> list[SearchRecord]:
    return [record_for(entry, text) for entry, text in generate_entries(300, first_year=2022)]


def _pairs(pairs: list[list[object]]) -> dict[str, int]:
    return {str(value): int(count) for value, count in pairs}  # type: ignore[call-overload]


def test_counts_are_those_of_the_records_without_words_and_under_each_value(records):
    files = {name: json.loads(text) for name, text in count_facets(records).items()}
    main = files[COUNTS_FILE]
    assert main["articles"] == len(records)
    for facet in FACET_KEYS:
        want = Counter(v for r in records for v in set(r.filters.get(facet, ())))
        assert _pairs(main["facets"].get(facet, [])) == dict(want)
        # Sorted, as lists: a browser reorders object keys that look like numbers (years).
        assert [v for v, _ in main["facets"].get(facet, [])] == sorted(want)
    assert {"person", "year", "month", "source"} <= set(main["facets"])
    # The facets whose counts under several values add up: no article has two of their values.
    assert main["single"] == ["language", "month", "source", "year"]
    person = Counter(v for r in records for v in r.filters.get("person", ())).most_common(1)[0][0]
    for facet, value in [("source", "Source 3"), ("year", "2024"), ("person", person)]:
        (entry,) = [e for e in files[value_file(facet, value)]["values"] if e["value"] == value]
        among = [r for r in records if value in r.filters.get(facet, ())]
        assert entry["articles"] == len(among) > 0
        assert facet not in entry["facets"]  # its own counts are those without it
        for other in set(FACET_KEYS) - {facet}:
            want = Counter(v for r in among for v in set(r.filters.get(other, ())))
            assert _pairs(entry["facets"].get(other, [])) == dict(want)


def test_the_same_records_in_another_order_give_the_same_bytes(records):
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    assert count_facets(shuffled) == count_facets(records)


def test_each_file_is_a_few_kilobytes_and_one_per_value(records):
    files = count_facets(records)
    values = sum(len(v) for v in json.loads(files[COUNTS_FILE])["facets"].values())
    assert len(files) == values + 1  # no two of these values collide
    assert max(len(text.encode()) for text in files.values()) < 16_000


def test_value_files_are_named_as_search_js_names_them():
    # 32-bit FNV-1a of "facet\0value" in UTF-8: search.js's valueFile gives these names too.
    assert value_file("source", "Harbour Times") == f"{COUNTS_DIR}/source-93414199.json"
    assert value_file("person", "Zoë Ünal 李") == f"{COUNTS_DIR}/person-ac18d50a.json"


def test_values_whose_names_collide_share_a_file(records, monkeypatch):
    monkeypatch.setattr(counts_module, "value_file", lambda facet, value: f"counts/{facet}-0.json")
    files = count_facets(records)
    sources = json.loads(files["counts/source-0.json"])
    assert sources["facet"] == "source"
    assert len(sources["values"]) == len(json.loads(files[COUNTS_FILE])["facets"]["source"])


def test_a_rebuild_rewrites_only_the_counts_that_changed(tmp_path, records):
    bundle = tmp_path / "pagefind"
    write_counts(count_facets(records), bundle)
    before = {p.name: p.stat().st_mtime_ns for p in (bundle / COUNTS_DIR).iterdir()}
    (bundle / COUNTS_DIR / "left-over.json").write_text("{}")
    write_counts(count_facets(records[1:]), bundle)  # one article fewer
    after = {p.name: p.stat().st_mtime_ns for p in (bundle / COUNTS_DIR).iterdir()}
    assert "left-over.json" not in after
    changed = {name for name in after if before.get(name) != after[name]}
    first = records[0]
    # Only the files of the removed article's values (and none of the others) were rewritten.
    its_files = {
        value_file(f, v).split("/")[1] for f in FACET_KEYS for v in first.filters.get(f, ())
    }
    gone = {name for name in before if name not in after}
    assert changed | gone <= its_files
    assert json.loads((bundle / COUNTS_FILE).read_text())["articles"] == len(records) - 1
    assert count_facets(records[1:]) == {
        name: (bundle / name).read_text(encoding="utf-8") for name in count_facets(records[1:])
    }


def test_the_bundle_carries_the_counts(tmp_path, records):
    write_bundle(records[:20], tmp_path / "pf", max_articles=0)
    main = json.loads((tmp_path / "pf" / COUNTS_FILE).read_text())
    assert main["articles"] == 20


# ---- the site's language in the primary shard -------------------------------------------------


def _record(url: str, language: str, year: str) -> SearchRecord:
    return SearchRecord(
        url=url,
        content=f"words of {url}",
        language=language,
        meta={"title": url},
        filters={"year": [year], "language": [language]},
        sort={"date": f"{year}-01-01"},
    )


def test_the_primary_shard_has_an_index_in_the_sites_language(tmp_path):
    records = [
        _record("/a/", "fr", "2025"),
        _record("/b/", "ja", "2025"),
        _record("/c/", "en", "2024"),
    ]
    shards = write_bundle(records, tmp_path / "pf", max_articles=2, site_language="en")
    manifest = json.loads((tmp_path / "pf" / "chronicle-shards.json").read_text())
    assert [m["languages"] for m in manifest] == [{"en": 0, "fr": 1, "ja": 1}, {"en": 1}]
    assert [m["articles"] for m in manifest] == [2, 1]  # the placeholder is no article
    entry = json.loads((tmp_path / "pf" / "pagefind-entry.json").read_text())
    assert sorted(entry["languages"]) == ["en", "fr", "ja"]
    counts = json.loads((tmp_path / "pf" / COUNTS_FILE).read_text())
    assert counts["articles"] == 3
    # Part of what the primary is made of: a site in another language indexes it again.
    again = write_bundle(records, tmp_path / "pf2", max_articles=2, site_language="de")
    assert again[0].digest != shards[0].digest and again[1].digest == shards[1].digest


def test_no_placeholder_when_the_primary_has_the_sites_language(tmp_path):
    records = [_record("/a/", "en", "2025"), _record("/b/", "fr", "2024")]
    write_bundle(records, tmp_path / "pf", max_articles=1, site_language="en")
    manifest = json.loads((tmp_path / "pf" / "chronicle-shards.json").read_text())
    assert manifest[0]["languages"] == {"en": 1}


# ---- boilerplate ------------------------------------------------------------------------------

BANNER = (
    "We use cookies to improve your experience on our website. By clicking Accept you agree "
    "to our use of cookies. Manage your settings at any time."
)


def test_a_consent_notice_or_a_menu_in_a_body_is_not_indexed(articles):
    body = "\n".join(
        [
            "Home | News | Sport | Contact",
            "Khaled Meshaal spoke in Doha on Tuesday.",
            BANNER,
            "Share on Facebook",
            "Talks resume next week, officials said.",
        ]
    )
    record = record_for(articles.entry(title="Talks resume"), body)
    assert record.content == (
        "Talks resume\nKhaled Meshaal spoke in Doha on Tuesday.\n"
        "Talks resume next week, officials said."
    )


@pytest.mark.parametrize(
    ("line", "navigation"),
    [
        ("Home | News | Sport | Contact", True),
        ("Home | Politics | Sport | Weather", False),  # no more than one part of a site
        ("Fish | chips | peas", False),
        ("Skip to content", True),
        ("Share on Facebook · Share on Twitter · Email", True),
        ("Back to top", True),
        ("News", True),
        ("The news came on Tuesday.", False),
        ("Home secretary resigns", False),
        ("Print media and the news", False),
        ("", False),
    ],
)
def test_navigation_lines(line, navigation):
    assert is_navigation_text(line) is navigation


def test_an_article_about_cookies_keeps_its_words():
    text = "The bakery sells cookies every morning, and people accept long queues."
    assert without_boilerplate(text) == text


def test_a_wrong_guess_leaves_the_counts_of_the_real_record(tmp_path):
    """Counted while the shards are indexed, from the records as planned: a guessed record
    (search.LateRecords) that MkDocs made otherwise is counted as made."""
    import dataclasses
    import threading

    from chronicle.site.search.bundle import LateRecords

    records = [_record("/a/", "en", "2025"), _record("/b/", "en", "2024")]
    real = dataclasses.replace(records[1], filters={**records[1].filters, "source": ["Real"]})
    guess = dataclasses.replace(real, filters={**real.filters, "source": ["Guessed"]})
    late = LateRecords([guess])
    threading.Timer(0.2, late.deliver, [[real]]).start()
    write_bundle([records[0], guess], tmp_path / "early", max_articles=0, late=late)
    main = json.loads((tmp_path / "early" / COUNTS_FILE).read_text())
    assert main["facets"]["source"] == [["Real", 1]]
