"""One sentence splitter for every rule: abbreviations and initials end no sentence, capitals of
any script start one."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from chronicle.archive.store import ArticleStore
from chronicle.text.normalize import title_from_lede
from chronicle.text.sentences import sentence_bounds, split_sentences

LEDE = "Mr. Netanyahu said on Tuesday that the talks would resume."


def test_an_abbreviation_does_not_end_the_title():
    assert title_from_lede(LEDE) == "Mr. Netanyahu said on Tuesday that the talks would resume"
    assert title_from_lede(LEDE + " Hamas did not reply.") == title_from_lede(LEDE)


def test_a_plain_text_clipping_opening_with_mr_is_stored_under_its_sentence(tmp_path: Path, cli):
    clipping = tmp_path / "clipping.txt"
    clipping.write_text(LEDE + "\n\nHamas did not reply.\n", encoding="utf-8")
    archive = tmp_path / "docs" / "articles"
    archive.mkdir(parents=True)
    cli("add", clipping, "--date", "2025-03-21", "--source", "Test Wire", "--archive", archive)
    ((path, article),) = ArticleStore(archive).iter_articles()
    assert article.title == "Mr. Netanyahu said on Tuesday that the talks would resume"
    assert article.title_origin == "inferred"
    assert article.id == "2025-03-21-mr-netanyahu-said-on-tuesday-that-the-talks-would-resume"
    assert path.name == "mr-netanyahu-said-on-tuesday-that-the-talks-would-resume.md"


def test_sentences_end_before_any_capital_quote_or_digit():
    text = "He left. Łukasz stayed! “Why?” she asked. 2025 was long. Ḥamas agreed."
    assert split_sentences(text) == [
        "He left.",
        "Łukasz stayed!",
        "“Why?” she asked.",
        "2025 was long.",
        "Ḥamas agreed.",
    ]


def test_abbreviations_and_initials_end_no_sentence():
    text = "John F. Kennedy met Dr. Smith of Acme Inc. in Dallas. The U.S.-backed plan failed."
    assert split_sentences(text) == [
        "John F. Kennedy met Dr. Smith of Acme Inc. in Dallas.",
        "The U.S.-backed plan failed.",
    ]
    assert split_sentences("It rose 5 p.c. today. Then it fell.") == [
        "It rose 5 p.c. today.",
        "Then it fell.",
    ]


def test_bounds_cover_the_whole_text():
    text = "One. Two!  Three?"
    bounds = sentence_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
