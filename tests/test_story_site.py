"""Following a story on a real built site: sideways date links, a year calendar, "On this day",
attention charts, figures with their reporters, other versions and their word-level diff."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from chronicle.archive.index import build_archive
from chronicle.site.charts import MAX_MONTHS, attention_series, column_chart
from chronicle.site.diff import version_pairs, word_diff
from chronicle.site.periods import neighbours, same_day_in_other_years, year_calendar

ADDED = "Mediators said on Saturday that a new round of talks could begin in Cairo within days."
OTHER = (
    "Negotiators met in Doha on Thursday to discuss the release of prisoners. "
    "The talks were described as constructive by both delegations.\n"
)
GAZA = "Gaza ceasefire"
KATZ = "Israel Katz said the army would stay in Gaza until Hamas frees the hostages.\n"


def _earlier_year_same_day(today: dt.date, years: int) -> dt.date:
    """`today` `years` ago (28 February for a 29th in a year without one)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


@pytest.fixture(scope="module")
def story_site(site_scaffold, articles, seed_text: str, build_site) -> Path:
    project = site_scaffold("story", entities=True)
    articles.add(
        project, "seed.txt", seed_text, title="Hamas weighs plan", date="2025-03-21", topics=[GAZA]
    )
    second = "\n".join(seed_text.splitlines()[:13]) + "\n" + ADDED + "\n"
    articles.add(
        project,
        "seed-v2.txt",
        second,
        title="Talks stall as Israel widens offensive",
        date="2025-03-22",
        source="Test Wire",
        topics=[GAZA],
    )
    articles.add(
        project,
        "doha.txt",
        OTHER,
        title="Doha meeting",
        date="2025-01-05",
        source="Wire Two",
        topics=[GAZA],
    )
    articles.add(
        project,
        "old.txt",
        "An old report from Cairo about the border.\n",
        title="An old report",
        date="2024-03-20",
        source="Wire Two",
    )
    articles.add(
        project,
        "katz.txt",
        KATZ,
        title="Katz orders troops",
        date="2025-03-21",
        source="Wire Two",
        topics=[GAZA],
    )
    then = _earlier_year_same_day(dt.date.today(), 3)
    articles.add(
        project,
        "then.txt",
        "A report on this very day, years ago, in Jerusalem.\n",
        title="Years ago today",
        date=then.isoformat(),
        source="Wire Three",
    )
    return build_site(project)


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_day_and_month_pages_link_to_their_neighbours_with_articles(story_site: Path):
    day = _html(story_site, "archive/2025/03/21")
    nav = re.search(r'<nav class="chronicle-sideways".*?</nav>', day, re.S).group()
    assert "archive/2025/01/05/" in nav and "5 January 2025" in nav  # the gap is skipped
    assert "archive/2025/03/22/" in nav and "22 March 2025" in nav
    later = _html(story_site, "archive/2025/03/22")
    assert "archive/2025/03/21/" in later and "Next day with articles" not in later
    month = _html(story_site, "archive/2025/03")
    assert "archive/2025/01/" in month and "January 2025 →" not in month
    assert "← January 2025" in month
    year = _html(story_site, "archive/2025")
    assert "← 2024" in year


def test_a_year_page_is_a_calendar_of_days(story_site: Path):
    year = _html(story_site, "archive/2025")
    months = re.findall(r'<table class="chronicle-calendar__month">', year)
    assert len(months) == 12
    linked = re.findall(
        r'<td class="chronicle-cal--(\d)"><a href="[^"]*archive/2025/(\d\d)/(\d\d)/"'
        r' title="([^"]+)"',
        year,
    )
    assert [(m, d, t) for _, m, d, t in linked] == [
        ("01", "05", "5 January 2025: 1 article"),
        ("03", "21", "21 March 2025: 2 articles"),
        ("03", "22", "22 March 2025: 1 article"),
    ]
    assert 'abbr="Monday">Mo</th>' in year


def test_home_says_what_happened_on_this_day_in_other_years(story_site: Path):
    home = _html(story_site, ".")
    section = re.search(r'<section class="chronicle-on-this-day".*?</section>', home, re.S).group()
    today = dt.date.today()
    assert "On this day" in section and f'datetime="{today.isoformat()}"' in section
    assert "Years ago today" in section
    assert "Hamas weighs plan" not in section


def test_topic_page_has_attention_charts_with_data_tables(story_site: Path):
    topic = _html(story_site, "topics/gaza-ceasefire")
    svgs = re.findall(r"<svg class=\"chronicle-chart\".*?</svg>", topic, re.S)
    assert len(svgs) == 2  # per month, and the top sources
    assert all(len(svg.encode()) < 20_000 for svg in svgs)
    assert "<rect" in svgs[0]
    table = re.search(
        r'<table class="chronicle-chart-table" aria-label="[^"]+">.*?</table>', topic, re.S
    ).group()
    rows = re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', table)
    assert rows == [("January 2025", "1"), ("February 2025", "0"), ("March 2025", "3")]


def test_topic_page_lists_the_figures_with_who_reported_them(story_site: Path, text_of):
    topic = _html(story_site, "topics/gaza-ceasefire")
    figures = text_of(
        re.search(r'<section class="chronicle-figures".*?</section>', topic, re.S).group()
    )
    assert (
        "nearly 600 Palestinian deaths reported by the Hamas-run Government Media Office" in figures
    )
    assert "more than 100 civilians killed reported by the city’s municipal authorities" in figures


def test_both_versions_link_to_each_other_and_to_a_word_level_diff(story_site: Path):
    seed = _html(story_site, "articles/2025/03/21/hamas-weighs-plan")
    second = _html(story_site, "articles/2025/03/22/talks-stall-as-israel-widens-offensive")
    versions = re.search(r'<section class="chronicle-versions".*?</section>', seed, re.S).group()
    assert "talks-stall-as-israel-widens-offensive/" in versions
    other = re.search(r'<section class="chronicle-versions".*?</section>', second, re.S).group()
    assert "Hamas weighs plan" in other
    compare = re.search(r'href="([^"]*archive/versions/[^"]+)"', versions).group(1)
    page = (story_site / "articles/2025/03/21/hamas-weighs-plan" / compare / "index.html").resolve()
    diff = page.read_text(encoding="utf-8")
    added = re.findall(r"<ins><span class=\"chronicle-sr\">\[added: </span>(.*?)<span", diff)
    removed = re.findall(
        r"<del><span class=\"chronicle-sr\">\[removed: </span>(.*?)<span", diff, re.S
    )
    assert any("Mediators said on Saturday" in a for a in added)
    assert any("a breakthrough remains uncertain" in r for r in removed)
    assert "Hamas weighs plan" in diff and "Talks stall as Israel widens offensive" in diff
    assert re.search(r"\d+% of the words are the same; \d+ added, \d+ removed", diff)


# --- the pure parts ----------------------------------------------------------------------------


def test_neighbours_skip_gaps_and_stop_at_the_ends():
    keys = [(2025, 3, 22), (2024, 1, 1), (2025, 3, 21)]
    assert neighbours(keys, (2025, 3, 21)) == ((2024, 1, 1), (2025, 3, 22))
    assert neighbours(keys, (2024, 1, 1)) == (None, (2025, 3, 21))
    assert neighbours(keys, (2025, 3, 22)) == ((2025, 3, 21), None)


def test_year_calendar_weeks_start_on_monday_and_shade_by_count():
    months = year_calendar(2025, {(2025, 3, 21): 9, (2025, 3, 3): 1}, {3: 10}, "archive/")
    march = months[2]
    assert march.name == "March 2025" and march.url == "archive/2025/03/" and march.count == 10
    first_week = [d.day for d in march.weeks[0]]
    assert first_week == [0, 0, 0, 0, 0, 1, 2]  # 1 March 2025 was a Saturday
    days = {d.day: d for week in march.weeks for d in week if d.day}
    assert days[21].level == 4 and days[3].level == 1 and days[4].level == 0
    assert days[21].url == "archive/2025/03/21/" and days[4].url is None
    assert months[0].url is None


def test_on_this_day_leaves_out_this_year():
    days = {(2020, 3, 21): ["a"], (2025, 3, 21): ["b"], (2023, 3, 21): ["c"], (2023, 3, 22): ["d"]}
    assert same_day_in_other_years(days, dt.date(2025, 3, 21)) == [(2023, ["c"]), (2020, ["a"])]


def test_attention_series_fills_gaps_and_counts_long_spans_by_year(articles):
    entries = [
        articles.entry(title=f"t{i}", date=d)
        for i, d in enumerate(["2025-01-02", "2025-03-04", "2025-03-05"])
    ]
    assert attention_series(entries) == (
        "month",
        [("January 2025", 1), ("February 2025", 0), ("March 2025", 2)],
    )
    far = [*entries, articles.entry(title="old", date="2010-06-01")]
    unit, series = attention_series(far)
    assert unit == "year" and series[0] == ("2010", 1) and series[-1] == ("2025", 3)
    only_year = [*entries, articles.entry(title="y", date="2025")]
    assert attention_series(only_year) == ("year", [("2025", 4)])


def test_a_chart_of_the_longest_monthly_span_stays_small_and_escaped():
    series = [(f"<b>{i}</b> 2025", i % 7) for i in range(MAX_MONTHS)]
    chart = column_chart("Articles per month", "month", series)
    assert chart is not None and len(chart.svg.encode()) < 20_000
    assert "<b>" not in chart.svg and "&lt;b&gt;" in chart.svg


def test_word_diff_folds_short_kept_runs_into_the_change():
    segments, added, removed, same = word_diff(
        "The cat sat on the mat today.\n\nA dog barked.",
        "The cat sat on a red mat today.\n\nA dog barked loudly in the street.",
    )
    assert [(s.op, s.text) for s in segments] == [
        ("same", "The cat sat on"),
        ("removed", "the"),
        ("added", "a red"),
        ("same", "mat today.\n\nA dog"),
        ("removed", "barked."),
        ("added", "barked loudly in the street."),
    ]
    assert (added, removed) == (7, 2) and 0 < same < 100


def test_versions_are_linked_both_ways_whichever_side_recorded_them(articles):
    a = articles.entry(title="A", date="2025-01-01", other_versions=["b"])
    b = articles.entry(title="B", date="2025-01-02")
    c = articles.entry(title="C", date="2025-01-03", other_versions=["gone"])
    pairs = version_pairs(build_archive([a, b, c]))
    assert pairs == {a.src_uri: [b], b.src_uri: [a]}


# --- on a phone ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", ["archive/2025/", "topics/people/israel-katz/", "topics/gaza-ceasefire/", "DIFF"]
)
def test_story_pages_fit_a_phone(story_site: Path, serve_site, open_page: Callable, url: str):
    if url == "DIFF":
        url = next((story_site / "archive" / "versions").glob("*/*/index.html")).parent
        url = url.relative_to(story_site).as_posix() + "/"
    page = open_page(viewport={"width": 390, "height": 844})
    page.goto(serve_site(story_site) + "/" + url)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{url} is {overflow}px wider than the phone"
    shots = Path(__file__).parent.parent / ".screenshots"
    shots.mkdir(exist_ok=True)
    page.screenshot(
        path=str(shots / (url.strip("/").replace("/", "_")[-60:] + ".png")), full_page=True
    )


def test_entity_pages_have_a_timeline_a_chart_and_the_figures_they_reported(story_site, text_of):
    person = _html(story_site, "topics/people/israel-katz")
    assert "timeline/" in person and '<svg class="chronicle-chart"' in person
    timeline = text_of(_html(story_site, "topics/people/israel-katz/timeline"))
    assert timeline.index("Hamas weighs plan") < timeline.index("Talks stall as Israel")
    office = text_of(_html(story_site, "topics/organisations/government-media-office"))
    assert (
        "nearly 600 Palestinian deaths reported by the Hamas-run Government Media Office" in office
    )
    assert "civilians killed" not in office  # reported by the city's authorities, not the office


def test_sources_have_timelines(story_site: Path):
    assert "Wire Two" in _html(story_site, "sources/wire-two/timeline")


def test_articles_list_related_coverage_with_the_reason(story_site: Path, text_of):
    katz = _html(story_site, "articles/2025/03/21/katz-orders-troops")
    related = text_of(
        re.search(r'<section class="chronicle-related-coverage".*?</section>', katz, re.S).group()
    )
    assert "Hamas weighs plan" in related and "Talks stall as Israel" in related
    assert "same day" in related and "1 day apart" in related
    assert "shared person" in related and "1 shared topic" in related
    assert "Doha meeting" not in related  # months away
    seed = _html(story_site, "articles/2025/03/21/hamas-weighs-plan")
    section = re.search(r'<section class="chronicle-related-coverage".*?</section>', seed, re.S)
    assert "Talks stall" not in section.group()  # another version, listed as such


def test_related_coverage_needs_two_shared_things_within_a_week(articles):
    from chronicle.site.related import related_coverage

    a = articles.entry(title="a", date="2025-03-01", people=["X"], topics=["T"])
    b = articles.entry(title="b", date="2025-03-08", people=["X"], topics=["T"])
    c = articles.entry(title="c", date="2025-03-09", people=["X"], topics=["T"])
    d = articles.entry(title="d", date="2025-03-02", people=["X"])
    found = related_coverage(build_archive([a, b, c, d]))
    assert [r.entry for r in found[a.src_uri]] == [b]
    assert found[a.src_uri][0].reason == "1 shared person, 1 shared topic; 7 days apart"
    assert [r.entry for r in found[b.src_uri]] == [c, a]
    assert d.src_uri not in found


def test_related_coverage_never_states_a_gap_more_precisely_than_the_dates(articles):
    from chronicle.site.related import related_coverage

    shared = {"people": ["X"], "topics": ["T"]}
    month = articles.entry(title="month", date="2025-03", **shared)
    day = articles.entry(title="day", date="2025-03-20", **shared)
    april = articles.entry(title="april", date="2025-04-05", **shared)
    winter = articles.entry(title="winter", date="2024-12/2025-01", **shared)
    january = articles.entry(title="january", date="2025-01-31", **shared)
    year = articles.entry(title="year", date="2025", **shared)
    found = related_coverage(build_archive([month, day, april, winter, january, year]))
    reasons = {r.entry.article.title: r.reason for r in found[month.src_uri]}
    assert reasons == {
        "day": "1 shared person, 1 shared topic; dates overlap",
        "april": "1 shared person, 1 shared topic; at least 5 days apart",
    }
    # a span across a year is near its days; a whole year is too vague to be near anything
    assert [r.entry for r in found[winter.src_uri]] == [january]
    assert found[winter.src_uri][0].reason.endswith("; dates overlap")
    assert year.src_uri not in found
