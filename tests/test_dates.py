import datetime as dt

import pytest

from chronicle.archive.dates import ArticleDate, parse_date
from chronicle.errors import InvalidDate


@pytest.mark.parametrize(
    "text, precision, approximate, uncertain, human",
    [
        ("2025-03-21", "day", False, False, "21 March 2025"),
        ("2025-03", "month", False, False, "March 2025"),
        ("2025", "year", False, False, "2025"),
        ("2025-03-21~", "day", True, False, "c. 21 March 2025 (approximate)"),
        ("2025-03?", "month", False, True, "March 2025? (uncertain)"),
        ("2025-03-21T23:30:00+02:00", "day", False, False, "21 March 2025"),
    ],
)
def test_parse_edtf(text, precision, approximate, uncertain, human):
    date = parse_date(text)
    assert date.precision == precision
    assert date.approximate is approximate and date.uncertain is uncertain
    assert date.human() == human


def test_round_trip_through_edtf():
    for text in ("2025-03-21", "2025-03", "2025", "2025-03-21~", "2025?", "2024-02-29%"):
        assert parse_date(text).edtf == text


def test_unknown_is_none_not_a_guess():
    for value in (None, "", "unknown", "Unknown"):
        assert parse_date(value) is None


def test_yaml_dates_are_accepted():
    assert parse_date(dt.date(2025, 3, 21)) == ArticleDate(2025, 3, 21)


@pytest.mark.parametrize("bad", ["21/03/2025", "yesterday", "2025-13-01", "2025-02-30"])
def test_invalid_dates_explain_the_format(bad):
    with pytest.raises(InvalidDate, match="YYYY-MM-DD"):
        parse_date(bad, "flag")


def test_chronological_order_with_precision():
    dates = [parse_date(t) for t in ("2025-03-21", "2025", "2025-03", "2024-12-31")]
    assert [d.sort_key for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "2024-12-31",
        "2025-00-00",
        "2025-03-00",
        "2025-03-21",
    ]
