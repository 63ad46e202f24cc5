"""The whole-archive references and open data, joined from each article's fragments, are byte
for byte what encoding each file whole gives; kept fragments are reused only for the same key.
(That a rebuild's files equal a clean build's is asserted on whole sites by test_incremental.)"""

from __future__ import annotations

import json
from urllib.parse import urljoin

from chronicle.archive.memo import PickleMemo
from chronicle.archive.model import Quote
from chronicle.site import open_data
from chronicle.site.citations.records import bibtex_all, csl_all, ris_all
from chronicle.site.cite import place_of
from chronicle.site.fragments import ArticleFragments, json_item, json_list

SITE_URL = "https://example.org/archive/"
NAME = 'Ceasefire "talks" — archive'
NAMES = {"BibTeX": "references.bib", "RIS": "references.ris", "CSL-JSON": "references.json"}


def _entries(articles):
    return [
        articles.entry(
            title="Talks stall in Cairo — «again»",
            date="2025-03-21",
            source="Le Monde",
            authors=["Jean Dupont", "Associated Press"],
            topics=["Gaza ceasefire", "Diplomacy"],
            people=["Basem Naim"],
            summary='He said "no"\tand left.\nA second line, ünïcode, 日本語.',
            quotes=[
                Quote("We will not sign this", "Basem Naim", None, "said", "full"),
                Quote("a \\ backslash\nand a break", None, None, None, "partial", "«»"),
            ],
        ),
        articles.entry(title="Undated note", body="Nothing else."),
        articles.entry(title="Budget vote", date="2024-12", source="Wire B", topics=["Money"]),
    ]


def test_json_items_are_placed_as_the_encoder_places_them():
    values = [{"a": [1, {"b": "x\ny"}], "c": {}}, [], "s", {"d": ["é", None]}]
    for depth in range(4):  # `values` inside `depth` lists
        nested: object = values
        text = json_list([json_item(v, depth + 1) for v in values], depth)
        for level in reversed(range(depth)):
            nested = [nested]
            text = json_list([text], level)
        assert text == json.dumps(nested, ensure_ascii=False, indent=1)
    assert json_list([], 1) == "[]"


def test_joined_files_equal_the_files_made_whole(articles):
    entries = _entries(articles)
    made = ArticleFragments(SITE_URL, NAME)
    files = made.open_data(entries)
    assert files == open_data.open_data_files(entries, site_url=SITE_URL, archive=NAME)
    cited = [(e.article, place_of(e.article, urljoin(SITE_URL, e.url), NAME)) for e in entries]
    assert made.references("topics/x/", entries, NAMES) == {
        "topics/x/references.bib": bibtex_all(cited),
        "topics/x/references.ris": ris_all(cited),
        "topics/x/references.json": csl_all(cited),
    }
    # No articles at all: the same empty files.
    assert ArticleFragments(SITE_URL, NAME).open_data([]) == open_data.open_data_files(
        [], site_url=SITE_URL, archive=NAME
    )
    assert made.references("", [], NAMES)["references.json"] == csl_all([])


def test_kept_fragments_are_used_for_the_same_key_only(articles, tmp_path):
    entries = _entries(articles)
    memo = PickleMemo(tmp_path / "fragments.pickle")
    first = ArticleFragments(SITE_URL, NAME, memo, key=lambda e: e.article.id, salt="s")
    expected = first.open_data(entries)
    memo.save()

    memo = PickleMemo(tmp_path / "fragments.pickle")
    again = ArticleFragments(SITE_URL, NAME, memo, key=lambda e: e.article.id, salt="s")
    assert again.of(entries[0]) == first.of(entries[0])
    assert again.of(entries[0]) is memo.get(next(iter(memo.current)))  # read, not made again
    assert again.open_data(entries) == expected

    # Another site address (or salt) is another key: nothing kept is used.
    moved = ArticleFragments("https://elsewhere.example/", NAME, memo, key=lambda e: "x", salt="s")
    assert "elsewhere.example" in moved.of(entries[0]).record
