"""Figures the text attributes: value, what, who reported it, as printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronicle.archive.model import Figure
from chronicle.archive.schema import article_from_mapping, article_to_mapping
from chronicle.errors import FrontMatterError
from chronicle.ingest.enrich.figures import extract_figures

SEED = Path(__file__).parents[2] / "shared" / "seed" / "000_4163192e0dad8f11.txt"


def test_the_seeds_figures_are_found_with_their_reporters():
    text = (
        "Israeli airstrikes and ground operations have intensified in the past three days, with "
        "the Hamas-run Government Media Office reporting nearly 600 Palestinian deaths and more "
        "than a thousand injuries since fighting resumed.\n"
        "The Israeli military has launched a ground operation in Rafah, where more than 100 "
        "civilians—most of them women and children—have been killed, according to the city’s "
        "municipal authorities."
    )
    office = "the Hamas-run Government Media Office"
    assert extract_figures(text, "en") == [
        Figure("600", "Palestinian deaths", office, "nearly"),
        Figure("a thousand", "injuries", office, "more than"),
        Figure("100", "civilians killed", "the city’s municipal authorities", "more than"),
    ]


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside the project")
def test_the_seed_file_gives_exactly_its_three_attributed_figures():
    figures = extract_figures(SEED.read_text(encoding="utf-8"), "en")
    assert [(f.value, f.reporter) for f in figures] == [
        ("600", "the Hamas-run Government Media Office"),
        ("a thousand", "the Hamas-run Government Media Office"),
        ("100", "the city’s municipal authorities"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "At least 50 people were killed, the health ministry said.",
            "en",
            Figure("50", "people killed", "the health ministry", "At least"),
        ),
        (
            "Thousands of people fled, the UN said on Monday.",
            "en",
            Figure("Thousands", "people fled", "the UN"),
        ),
        (
            "Laut dem Gesundheitsministerium wurden mehr als 200 Menschen getötet.",
            "de",
            Figure("200", "Menschen getötet", "dem Gesundheitsministerium", "mehr als"),
        ),
        (
            "Selon le ministère de la Santé, 45 personnes ont été tuées.",
            "fr",
            Figure("45", "personnes", "le ministère de la Santé"),
        ),
        (
            "Según la ONU, unos 300 civiles murieron.",
            "es",
            Figure("300", "civiles murieron", "la ONU", "unos"),
        ),
    ],
)
def test_attributions_in_several_languages(text, language, expected):
    assert extract_figures(text, language) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 600 people died in the floods.",  # the writer's own number: no one reported it
        "The truce held for nearly two months, officials said.",  # a duration
        "The ministry said the talks began in 2024.",  # a year
        "Officials said the meeting is on 21 March at 10:30.",  # a date and a time
        "“One of the largest,” UNICEF said.",
        # A pronoun names no one the reader can compare: nothing is recorded rather than a
        # figure under an unknown reporter.
        "He said 40% of voters agreed.",
        "Destiny 2 players left, Eurogamer reported.",  # a name's number, not a count
        "Reuters said “a thousand choices” were offered.",  # inside a quote: the speaker's
    ],
)
def test_no_figure_without_an_attribution_or_a_count(text):
    assert extract_figures(text, "en") == []


def test_figures_round_trip_through_the_front_matter(articles):
    figure = Figure("600", "Palestinian deaths", "the Government Media Office", "nearly")
    article = articles.make(figures=(figure, Figure("3", "", None, None, "%")))
    meta = article_to_mapping(article)
    assert meta["figures"][0] == {
        "value": "600",
        "what": "Palestinian deaths",
        "reporter": "the Government Media Office",
        "qualifier": "nearly",
    }
    assert article_from_mapping("a.md", meta, article.body).figures == article.figures


def test_a_bad_figure_is_a_one_line_error(articles):
    meta = article_to_mapping(articles.make())
    meta["figures"] = [{"value": "6", "who": "x"}]
    with pytest.raises(FrontMatterError, match=r"figures\[0\]\.who"):
        article_from_mapping("a.md", meta, "")
