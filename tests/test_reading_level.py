"""Reading time and level in every script: characters where words have no spaces between them,
and a Flesch-Kincaid grade only for English (never a negative one)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.ingest.enrich.readability import reading_grade, word_count
from chronicle.text.normalize import count_words, has_words

JAPANESE = (
    "政府は十七日、新たな経済対策を閣議決定した。物価高に対応するため、電気料金の補助を続ける。"
)
ENGLISH = (
    "The council approved the new budget on Monday after a long debate. "
    "Members argued about the cost of the bridge repairs for most of the afternoon. "
    "The mayor said the plan would keep taxes flat for another year. "
    "Critics said the savings depended on optimistic forecasts of growth.\n"
)
GERMAN = (
    "Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt beschlossen. "
    "Die Mitglieder stritten den ganzen Nachmittag über die Kosten der Brückensanierung. "
    "Der Bürgermeister sagte, der Plan halte die Steuern ein weiteres Jahr stabil. "
    "Kritiker meinten, die Einsparungen beruhten auf optimistischen Wachstumsprognosen.\n"
)


@pytest.fixture(scope="module")
def minutes(articles) -> Callable[[int], int]:
    """The reading time of an article of `count` words."""
    return lambda count: articles.make(word_count=count).reading_time


def test_japanese_is_counted_in_characters_at_500_a_minute(minutes):
    letters = sum(ch.isalnum() for ch in JAPANESE)  # the 。、 are not read as characters
    text = JAPANESE * 400  # ~17,000 characters with no space at all
    assert count_words(text) == round(letters * 400 / 2.5)
    assert minutes(count_words(text)) == round(letters * 400 / 500)
    assert 30 <= minutes(count_words(text)) <= 40  # not "1 min (5 words)"


def test_spaced_text_is_still_counted_in_words():
    assert count_words("The U.S. envoy, well-known -- arrived # today.") == 6
    assert word_count(ENGLISH) == len(ENGLISH.split())
    # Latin words and figures within Japanese still count as words; Thai letters as characters.
    assert count_words("2025年にAIが") == 2 + round(3 / 2.5)
    assert count_words("한국어 문장") == 2  # Korean puts spaces between its words
    assert count_words("ภาษาไทย") == round(sum(c.isalnum() for c in "ภาษาไทย") / 2.5)


def test_grade_only_for_english_and_never_negative():
    grade = reading_grade(ENGLISH * 2, "en")
    assert grade is not None and 5 <= grade <= 16
    assert reading_grade(ENGLISH * 2, "en-GB") == grade
    assert reading_grade(GERMAN * 2, "de") is None
    assert reading_grade(JAPANESE * 50, "ja") is None
    assert reading_grade("中文新闻。" * 200, "zh") is None
    assert reading_grade(ENGLISH * 2, None) is None  # no language, no formula to apply
    # Forty one-syllable sentences: the formula gives about -3; no grade, not a negative one.
    assert reading_grade("Go now. " * 40, "en") is None


@pytest.fixture(scope="module")
def site(site_scaffold, articles, build_site):
    project = site_scaffold("reading")
    articles.add(
        project, "ja.txt", JAPANESE * 400, title="経済対策", date="2025-03-21", language="ja"
    )
    articles.add(project, "de.txt", GERMAN * 3, title="Haushalt", date="2025-03-22", language="de")
    articles.add(project, "en.txt", ENGLISH * 3, title="Budget", date="2025-03-23", language="en")
    return build_site(project)


@pytest.fixture(scope="module")
def article_text(site, text_of) -> Callable[[str], str]:
    """`article_text(day)`: the text of the article page of 2025-03-DAY."""

    def text(day: str) -> str:
        (path,) = (site / "articles" / "2025" / "03" / day).glob("*/index.html")
        return text_of(path.read_text(encoding="utf-8"))

    return text


def test_article_pages_show_time_and_level_that_mean_something(article_text, minutes):
    ja = article_text("21")
    assert f"Reading time {minutes(count_words(JAPANESE * 400))} min (at about 500 char" in ja
    assert "words)" not in ja and "Reading level" not in ja and "grade" not in ja
    de = article_text("22")
    assert f"({count_words(GERMAN * 3)} words)" in de and "Reading level" not in de
    en = article_text("23")
    assert "Reading level grade" in en and "(Flesch-Kincaid, US school years)" in en


def test_words_are_whitespace_separated_tokens_holding_a_letter_or_digit():
    # Marks alone are no words; a token with one letter or digit is one, whatever surrounds it;
    # every kind of space separates (no-break, thin, ideographic, the information separators).
    text = "— ‘Well,’ she said: 42 % of 3,000… _ __x_ ²\u00a0é\u2009٣\u3000a\x1cb -- ... l'été"
    expected = sum(1 for token in text.split() if any(ch.isalnum() for ch in token))
    assert count_words(text) == expected == 13


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from("ab 1_—-.,\n\t\u00a0語ไ한")),
    st.integers(min_value=-1, max_value=8),
)
def test_has_words_answers_as_counting_them_all_would(text, at_least):
    assert has_words(text, at_least) == (count_words(text) >= at_least)
