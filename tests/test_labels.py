"""The message catalogues (site/labels.py, site/locales/): every language has every message,
with the same placeholders and each plural form its language needs; dates, numbers and
directions as each language writes them."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from babel import Locale

from chronicle.archive.dates import ArticleDate
from chronicle.site.labels import (
    available,
    catalogue_code,
    direction,
    english,
    labels_for,
    load_catalogue,
    placeholders,
)

SHIPPED = ["ar", "de", "en", "es", "fr", "pt"]
REFERENCE = load_catalogue("en")


def test_the_six_languages_are_shipped():
    assert set(SHIPPED) <= set(available())


@pytest.mark.parametrize("code", SHIPPED)
def test_every_message_in_every_language(code: str):
    catalogue = load_catalogue(code)
    assert set(catalogue) == set(REFERENCE), "missing or extra keys"
    for key, message in catalogue.items():
        assert message, f"{code}: {key} is empty"
        assert placeholders(message) == placeholders(REFERENCE[key]), f"{code}: {key}"


@pytest.mark.parametrize("code", SHIPPED)
def test_plural_messages_have_every_form_their_language_needs(code: str):
    catalogue = load_catalogue(code)
    needed = Locale.parse(str(catalogue["_locale"])).plural_form.tags | {"other"}
    for key, message in catalogue.items():
        if isinstance(REFERENCE[key], Mapping):
            assert isinstance(message, Mapping), f"{code}: {key} needs plural forms"
            assert set(message) == needed, f"{code}: {key} has {sorted(message)}"
        else:
            assert isinstance(message, str), f"{code}: {key} is one string"


@pytest.mark.parametrize(
    ("code", "day", "month", "approximate"),
    [
        ("en", "21 March 2025", "March 2025", "c. 21 March 2025 (approximate)"),
        ("fr", "21 mars 2025", "mars 2025", "vers le 21 mars 2025 (date approximative)"),
        ("de", "21. März 2025", "März 2025", "ca. 21. März 2025 (ungefähr)"),
        ("es", "21 de marzo de 2025", "marzo de 2025", "h. 21 de marzo de 2025 (aproximada)"),
        ("pt", "21 de março de 2025", "março de 2025", "c. 21 de março de 2025 (aproximada)"),
        ("ar", "21 مارس 2025", "مارس 2025", "نحو 21 مارس 2025 (تاريخ تقريبي)"),
    ],
)
def test_dates_as_each_language_writes_them(code, day, month, approximate):
    labels = labels_for(code)
    assert labels.date(ArticleDate(2025, 3, 21)) == day
    assert labels.date(ArticleDate(2025, 3)) == month
    assert labels.date(ArticleDate(2025, 3, 21, approximate=True)) == approximate
    assert labels.date(None) == labels("date_unknown")


def test_a_region_formats_its_own_dates_with_its_languages_words():
    assert labels_for("pt-PT").code == "pt"
    assert labels_for("de-AT").date(ArticleDate(2025, 1, 21)) == "21. Jänner 2025"


def test_counts_take_the_plural_form_and_the_numbers_of_the_language():
    fr, ar = labels_for("fr"), labels_for("ar")
    assert english()("count.articles", count=1) == "1 article"
    assert english()("count.articles", count=1234) == "1,234 articles"
    assert fr("count.articles", count=1234) == "1\u202f234 articles"
    assert [ar("count.articles", count=n) for n in (1, 2, 3, 11, 100)] == [
        "مقال واحد",
        "مقالان",
        "3 مقالات",
        "11 مقالًا",
        "100 مقال",
    ]


def test_a_language_without_a_catalogue_is_english_whole():
    assert catalogue_code("it") == "en" and catalogue_code(None) == "en"
    assert catalogue_code("fr_CA") == "fr" and catalogue_code("AR") == "ar"
    assert labels_for("it")("who_said_what") == "Who said what"


def test_direction_of_text_and_interface():
    assert direction("ar") == direction("he-IL") == direction("fa") == "rtl"
    assert direction("en") == direction("ja") == direction(None) == "ltr"
    assert english().dir("ar") == ' dir="rtl"' and english().dir("fr") == ""
    assert labels_for("ar").dir("en") == ' dir="ltr"' and labels_for("ar").dir("ar") == ""
    assert english().dir(None) == ""


def test_script_labels_are_safe_json_inside_a_script_element():
    text = labels_for("fr").for_script()
    assert "<" not in text and ">" not in text and "&" not in text
    import json

    data = json.loads(text)
    assert data["locale"] == "fr" and data["months"][2] == "mars"
    assert data["messages"]["results"]["other"] == "{count} résultats"
