"""EDTF beyond a plain day, month or year (`198X`, `2025-03-XX`, seasons, intervals, sets): kept
exactly as written, shown honestly in every shipped language, listed under the period that holds
them, reported by `chronicle check`, cited correctly; the forms Chronicle cannot show refused with
a one-line error naming the form."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.archive.dates import ArticleDate, parse_date
from chronicle.archive.index import build_archive
from chronicle.archive.select import Filters, matches
from chronicle.errors import InvalidDate
from chronicle.ingest.check import warnings_for
from chronicle.site.citations.records import bibtex, csl, ris
from chronicle.site.citations.styles import Place, apa, chicago, mla
from chronicle.site.labels import available, labels_for
from chronicle.site.pages import article_breadcrumbs
from chronicle.site.search.records import record_for
from chronicle.site.search.shards import plan_shards
from chronicle.site.timeline import in_time_order, timeline_sections

# written → (period the archive lists it under, English words; Babel puts thin spaces round –)
FORMS = {
    "198X": (None, "1980s"),
    "19XX": (None, "1900\u2009–\u20091999"),
    "2025-03-XX": ((2025, 3, None), "March 2025, day unknown"),
    "2025-XX": ((2025, None, None), "2025, month not known"),
    "2025-XX-XX": ((2025, None, None), "2025, month not known"),
    "2025-21": ((2025, None, None), "spring 2025"),
    "2025-24": ((2025, None, None), "winter 2025"),
    "2025-29": ((2025, None, None), "spring 2025 (Southern Hemisphere)"),
    "2025-33": ((2025, None, None), "1st quarter 2025"),
    "2025-41": ((2025, None, None), "July\u2009–\u2009December 2025"),
    "2025-03/2025-04": ((2025, None, None), "March\u2009–\u2009April 2025"),
    "2025-03-01/2025-03-05": ((2025, 3, None), None),
    "2024/2025": (None, "2024\u2009–\u20092025"),
    "[2024,2025]": (None, "2024 or 2025"),
    "{2024,2025}": (None, "2024 and 2025"),
    "[2025-01,2025-06]": ((2025, None, None), "January 2025 or June 2025"),
    "198X?": (None, "1980s? (uncertain)"),
    "2025-03-XX~": ((2025, 3, None), "c. March 2025, day unknown (approximate)"),
    "2025-21%": ((2025, None, None), "c. spring 2025 (approximate)"),
}


@pytest.mark.parametrize("written", FORMS)
def test_each_form_is_stored_exactly_as_written(written):
    date = parse_date(written)
    assert date.edtf == written
    assert parse_date(date.edtf) == date and parse_date(date.edtf).edtf == written
    assert date.period == FORMS[written][0]


@pytest.mark.parametrize("written", [w for w, (_, words) in FORMS.items() if words])
def test_each_form_is_shown_honestly_in_english(written):
    assert labels_for("en").date(parse_date(written)) == FORMS[written][1]


def test_the_command_line_words_say_what_is_not_known():
    assert parse_date("198X").human() == "1980s"
    assert parse_date("2025-03-XX").human() == "March 2025, day unknown"
    assert parse_date("[2024,2025]").human() == "2024 or 2025"
    assert parse_date("2025-21").human() == "spring 2025"
    assert parse_date("2025-03/2025-04").human() == "March 2025 to April 2025"


@pytest.mark.parametrize("code", available())
def test_every_shipped_language_shows_every_form(code):
    labels = labels_for(code)
    seen = {}
    for written in FORMS:
        shown = labels.date(parse_date(written))
        assert shown and "{" not in shown and "X" not in shown, (code, written, shown)
        seen[written] = shown
    # Each form says something of its own: a decade is not its first year, a set not one date.
    assert seen["198X"] != labels.date(parse_date("1980"))
    assert seen["[2024,2025]"] != labels.date(parse_date("2024"))
    assert seen["2025-03-XX"] != labels.date(parse_date("2025-03"))
    assert len({seen[w] for w in ("2025-21", "2025-24", "2025-29", "2025-33")}) == 4


def test_seasons_in_french_and_german():
    assert labels_for("fr").date(parse_date("2025-21")) == "printemps 2025"
    assert labels_for("de").date(parse_date("2025-23")) == "Herbst 2025"
    assert labels_for("fr").date(parse_date("[2024,2025]")) == "2024 ou 2025"
    assert labels_for("de").date(parse_date("198X")) == "1980er-Jahre"


@pytest.mark.parametrize(
    "written, named",
    [
        ("2025-03/..", "open or unknown end"),
        ("../2025", "open or unknown end"),
        ("2025-03/", "open or unknown end"),
        ("2025-?03-21", "qualifier on one part"),
        ("?2025-03", "qualifier on one part"),
        ("[2024..2026]", "range"),
        ("Y17E7", "exponential year"),
        ("1950S2", "significant digits"),
        ("2025-XX-21", "known part after an unknown one"),
        ("XXXX", "every digit unknown"),
        ("2025-04/2025-03", "ends before it starts"),
        ("[2025-02-30,2025-03-01]", "day that does not exist"),
        ("0000-21", "year outside 1 to 9999"),
        ("0000-03/2025", "year outside 1 to 9999"),
        ("[2024,", "not closed"),
        ("[]", "empty set"),
    ],
)
def test_forms_chronicle_cannot_show_are_refused_naming_the_form(written, named):
    with pytest.raises(InvalidDate) as caught:
        parse_date(written, "--date")
    message = str(caught.value)
    assert named in message and written in message
    assert "\n" not in message


def test_a_set_is_stored_without_the_spaces_edtf_never_writes():
    assert parse_date("[2024, 2025]").edtf == "[2024,2025]"
    assert "\n" not in parse_date("[2024,\n 2025]").edtf


def test_yaml_reads_an_unquoted_set_as_a_list_and_it_is_still_a_set():
    assert parse_date([2024, 2025]).edtf == "[2024,2025]"
    assert parse_date({2024: None, 2025: None}).edtf == "{2024,2025}"


def test_sorting_is_stable_and_chronological():
    written = ["2025-03-21", "2025-21", "2025", "198X", "[2024,2025]", "2025-03-XX", "2025-03"]
    dates = [parse_date(w) for w in written]
    ordered = [d.edtf for d in sorted(dates, key=lambda d: d.sort_key)]
    assert ordered == [
        "198X",
        "[2024,2025]",
        "2025",
        "2025-21",
        "2025-03",
        "2025-03-XX",
        "2025-03-21",
    ]
    # The same keys in any input order: nothing depends on the order articles were read in.
    assert ordered == [d.edtf for d in sorted(reversed(dates), key=lambda d: d.sort_key)]


def test_the_archive_lists_a_date_under_the_period_that_holds_it(articles):
    dated = {w: articles.entry(title=f"Article {i}", date=w) for i, w in enumerate(FORMS)}
    archive = build_archive(list(dated.values()))
    for written, entry in dated.items():
        period = FORMS[written][0]
        if period is None:
            assert entry in archive.approximate, written
            assert all(entry not in found for found in archive.years.values()), written
            continue
        year, month, _ = period
        assert entry in archive.years[year], written
        if month is not None:
            assert entry in archive.months[(year, month)], written
        else:
            assert all(entry not in v for k, v in archive.months.items() if k[0] == year), written
    # A season with an exact year is not "approximate"; one of several dates is.
    assert dated["2025-21"] not in archive.approximate
    assert dated["[2025-01,2025-06]"] in archive.approximate


def test_a_date_across_years_has_no_iso_form_and_is_filed_by_its_span():
    assert parse_date("198X").iso is None and parse_date("198X").filed_as == "1980-1989"
    assert parse_date("19XX").filed_as == "1900-1999"
    assert parse_date("[2024,2025]").iso is None
    assert parse_date("2024-12/2025-01").filed_as == "2024-2025"
    assert parse_date("{2023,2025-06}").filed_as == "2023-2025"
    # What is known of a date within a year is kept: its year, its month.
    assert parse_date("2025-03-XX").iso == parse_date("2025-03-XX").filed_as == "2025-03"
    assert parse_date("2025-21").iso == "2025" and parse_date("2025-03-21~").iso == "2025-03-21"
    assert parse_date("2024-12-31").latest() == dt.date(2024, 12, 31)
    assert parse_date("2024-02").latest() == dt.date(2024, 2, 29)


def test_search_files_a_date_across_years_under_no_year(articles):
    def record(written: str | None, title: str):
        return record_for(articles.entry(title=title, date=written), "text")

    decade, either = record("198X", "Decade"), record("[2024,2025]", "Either")
    plain, season, undated = record("1985", "Plain"), record("2025-21", "Spring"), record(None, "U")
    assert decade.filters["year"] == either.filters["year"] == ["Uncertain"]
    assert "month" not in decade.filters and "date_iso" not in decade.meta
    assert season.filters["year"] == ["2025"] and season.meta["date_iso"] == "2025"
    # Newest first and oldest first alike: the dated, then the uncertain years, then undated.
    chain = [season, plain, either, decade, undated]
    assert sorted(chain, key=lambda r: r.sort["date"], reverse=True) == chain
    assert sorted(chain, key=lambda r: r.sort["date_oldest"]) == [
        plain,
        season,
        decade,
        either,
        undated,
    ]
    # No shard of their own: they join the oldest, as the undated do.
    shards = plan_shards([season, plain, decade, undated], 0)
    assert [s.years for s in shards] == [["2025"], ["1985", "Uncertain", "Undated"]]
    assert sum(len(s.records) for s in shards) == 4


def test_breadcrumbs_lead_to_where_the_date_is_listed():
    crumbs = article_breadcrumbs(parse_date("198X"), "archive/")
    assert [c.url for c in crumbs] == ["archive/", "archive/approximate/"]
    crumbs = article_breadcrumbs(parse_date("2025-03-XX"), "archive/")
    assert [c.url for c in crumbs] == ["archive/", "archive/2025/", "archive/2025/03/"]


def test_check_reports_kept_forms_as_imprecise_or_uncertain(articles):
    def messages(written: str) -> list[str]:
        article = articles.make(date=written, date_origin="curator", source="Wire")
        return [f.message for f in warnings_for("a.md", article)]

    assert messages("198X") == ["date is imprecise: “1980s” (EDTF “198X”)"]
    assert messages("[2024,2025]") == ["date is uncertain: “2024 or 2025” (EDTF “[2024,2025]”)"]
    assert messages("2025-03-XX") == [
        "date is imprecise: “March 2025, day unknown” (EDTF “2025-03-XX”)"
    ]
    assert messages("2025-03-21") == []


PLACE = Place("The Archive", "https://archive.example/articles/x/", dt.date(2026, 12, 5))


def _cited(articles, written: str):
    return articles.make(date=written, title_origin="source", source="Harbour Times")


def test_csl_json_dates_for_each_form(articles):
    def issued(written: str) -> dict:
        return csl(_cited(articles, written), PLACE)["issued"]

    assert issued("2025-03-XX") == {"date-parts": [[2025, 3]]}
    assert issued("198X") == {"date-parts": [[1980], [1989]]}
    assert issued("2025-03/2025-04") == {"date-parts": [[2025, 3], [2025, 4]]}
    assert issued("2025-21") == {"date-parts": [[2025]], "season": 1}
    assert issued("2025-32") == {"date-parts": [[2025]], "season": 4}
    assert issued("[2024,2025]") == {"literal": "2024 or 2025", "circa": True}
    assert issued("2025-33") == {"literal": "first quarter of 2025"}
    assert issued("2025-03-21") == {"date-parts": [[2025, 3, 21]]}
    assert csl(_cited(articles, "198X"), PLACE)["note"] == "Date 1980s"


def test_bibtex_and_ris_dates_for_each_form(articles):
    def fields(written: str) -> dict[str, str]:
        text = bibtex(_cited(articles, written), PLACE)
        return dict(re.findall(r"^  (\w+) = \{?(.*?)\}?,?$", text, re.M))

    assert fields("2025-21")["date"] == "2025-21"  # biblatex reads EDTF seasons
    assert fields("2025-21")["year"] == "2025"
    assert fields("198X")["date"] == "198X" and "year" not in fields("198X")
    assert "date" not in fields("[2024,2025]") and "2024 or 2025" in fields("[2024,2025]")["note"]
    assert fields("2025-03-XX")["month"] == "mar"

    def tags(written: str) -> list[str]:
        return ris(_cited(articles, written), PLACE).splitlines()

    assert "PY  - 2025" in tags("2025-21") and "N1  - Date spring 2025" in tags("2025-21")
    assert not any(t.startswith(("PY", "DA")) for t in tags("198X"))
    assert "N1  - Date 1980s" in tags("198X")
    assert "DA  - 2025/03//" in tags("2025-03-XX")


def test_reading_styles_write_the_form_in_words(articles):
    season, decade, either = (_cited(articles, w) for w in ("2025-21", "198X", "[2024,2025]"))
    assert "(2025, Spring)." in apa(season, PLACE).text
    assert "(1980s)." in apa(decade, PLACE).text
    assert "(2024 or 2025)." in apa(either, PLACE).text
    assert "spring 2025" in mla(season, PLACE).text
    assert "1980s" in chicago(decade, PLACE).text
    assert "printemps 2025" in mla(season, PLACE, labels_for("fr")).text
    # The known part of an unknown day is what a style writes: "2025, March".
    assert "(2025, March)." in apa(_cited(articles, "2025-03-XX"), PLACE).text


def test_a_plain_date_is_unchanged():
    date = parse_date("2025-03-21~")
    assert date == ArticleDate(2025, 3, 21, approximate=True)
    assert date.form is None and date.period == (2025, 3, 21) and date.edtf == "2025-03-21~"


def test_list_finds_a_date_by_every_day_it_can_mean(articles):
    decade = articles.make(date="198X")
    spring = articles.make(date="2025-21")
    since = Filters(since=parse_date("1985"), until=parse_date("1986"))
    assert matches(decade, since)
    assert not matches(spring, Filters(until=parse_date("2025-02")))
    assert matches(spring, Filters(since=parse_date("2025-05-31")))
    assert spring.date.as_date() == dt.date(2025, 3, 1)


def test_the_timeline_heads_a_span_of_years_by_itself(articles):
    written = ["1980", "198X", "[2024,2025]", "2025-21"]
    entries = [articles.entry(title=f"Article {i}", date=w) for i, w in enumerate(written)]
    sections = timeline_sections(in_time_order(build_archive(entries).entries))
    headings = [(s.level, s.heading, [e.article.date.edtf for e in s.entries]) for s in sections]
    assert (2, "1980s", ["198X"]) in headings
    assert (2, "2024 or 2025", ["[2024,2025]"]) in headings
    assert (2, "2025", []) in headings  # a season sits in its year
    assert len({s.anchor for s in sections}) == len(sections)


_YEARS = st.integers(1000, 2999)
_WRITTEN = st.one_of(
    _YEARS.map(lambda y: f"{y // 10}X"),
    st.tuples(_YEARS, st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}-XX"),
    st.tuples(_YEARS, st.integers(21, 41)).map(lambda p: f"{p[0]}-{p[1]}"),
    st.tuples(_YEARS, st.integers(1, 12), st.integers(0, 30)).map(
        lambda p: f"{p[0]}-{p[1]:02d}/{p[0] + p[2] // 12}-{(p[1] + p[2]) % 12 + 1:02d}"
    ),
    st.lists(_YEARS, min_size=1, max_size=4).map(lambda ys: f"[{','.join(map(str, ys))}]"),
)


@settings(max_examples=200, deadline=None)
@given(_WRITTEN, st.sampled_from(available()))
def test_any_kept_form_round_trips_and_its_period_holds_every_day_it_can_mean(written, code):
    try:
        date = parse_date(written)
    except InvalidDate as exc:  # an interval that ends before it starts, nothing else
        assert "ends before it starts" in str(exc)
        return
    assert parse_date(date.edtf) == date and parse_date(date.edtf).edtf == date.edtf
    first, last = date.form.first, date.form.last
    assert first <= last and date.as_date() == first
    if date.period is not None and date.form.kind != "season":
        year, month, _ = date.period
        assert first.year == last.year == year
        assert month is None or first.month == last.month == month
    shown = labels_for(code).date(date)
    assert shown and "{" not in shown
