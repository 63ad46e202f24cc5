"""Story clusters: articles grouped into stories by the names they share close in time, and a page
per story saying who covered it and when (unit tests on hand-made entries, then a real site)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chronicle.archive.index import build_archive
from chronicle.site.stories import MAX_SPAN_DAYS, WINDOW_DAYS, story_clusters, story_of

TALKS = dict(people=["Ana Ruiz", "Ben Okafor"], places=["Lagos"], topics=["Port strike"])


def test_articles_sharing_two_names_and_a_topic_within_the_window_are_one_story(articles):
    a = articles.entry(title="Dockers walk out", date="2025-03-01", source="Wire A", **TALKS)
    b = articles.entry(title="Strike spreads", date="2025-03-05", source="Wire B", **TALKS)
    c = articles.entry(title="Talks resume", date="2025-03-12", source="Wire A", **TALKS)
    alone = articles.entry(title="Budget passed", date="2025-03-02", people=["Ana Ruiz"])
    stories = story_clusters(build_archive([a, b, c, alone]))
    assert len(stories) == 1
    story = stories[0]
    assert story.entries == (a, b, c)  # oldest first
    assert story.sources == (("Wire A", 2), ("Wire B", 1))  # who covered it, most first
    assert story.names == ("Ana Ruiz", "Ben Okafor", "Lagos")
    assert story.slug == "2025-03-01-ana-ruiz-ben-okafor-lagos"
    assert alone.src_uri not in story_of(stories)


def test_a_story_chains_from_report_to_report_but_not_across_a_gap(articles):
    days = ["2025-03-01", "2025-03-10", "2025-03-20"]  # each within the window of the last
    chain = [articles.entry(title=f"Part {i}", date=d, **TALKS) for i, d in enumerate(days)]
    late = articles.entry(title="Part late", date="2025-05-01", **TALKS)
    stories = story_clusters(build_archive([*chain, late]))
    assert [s.entries for s in stories] == [tuple(chain)]
    assert WINDOW_DAYS < 40  # the late report is 42 days after the last


def test_one_shared_name_or_names_without_a_topic_or_title_word_are_not_a_story(articles):
    a = articles.entry(title="Harbour news", date="2025-03-01", people=["Ana Ruiz"], topics=["T"])
    b = articles.entry(title="City budget", date="2025-03-02", people=["Ana Ruiz"], topics=["T"])
    c = articles.entry(title="Weather today", date="2025-03-03", people=["Ana Ruiz", "Ben Okafor"])
    d = articles.entry(title="Football cup", date="2025-03-04", people=["Ana Ruiz", "Ben Okafor"])
    assert story_clusters(build_archive([a, b, c, d])) == []
    # a title word in common is evidence enough with two names
    e = articles.entry(title="Harbour strike", date="2025-03-05", people=["Ana Ruiz", "Ben Okafor"])
    f = articles.entry(title="Strike ends", date="2025-03-06", people=["Ana Ruiz", "Ben Okafor"])
    assert [s.entries for s in story_clusters(build_archive([e, f]))] == [(e, f)]


def test_names_on_many_of_the_archives_articles_do_not_make_a_story(articles):
    # 200 articles over a year all name the same two people: in such an archive those names
    # say nothing about which story an article is part of.
    common = dict(people=["Head Of State", "Main Party"], topics=["Politics"])
    many = [
        articles.entry(title=f"Day {i}", date=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", **common)
        for i in range(200)
    ]
    assert story_clusters(build_archive(many)) == []
    pair = [
        articles.entry(title=f"Minister quits {i}", date=f"2025-06-0{i}", **common, places=["Kano"])
        for i in (1, 2)
    ]
    assert story_clusters(build_archive(many + pair)) == []  # one distinctive name is not two


def test_versions_of_one_text_are_one_story_and_undated_articles_none(articles):
    a = articles.entry(title="Wire copy", date="2025-03-01", other_versions=["wire-copy-2"])
    b = articles.entry(id="wire-copy-2", title="Wire copy (edited)", date="2025-03-20")
    undated = articles.entry(title="No date", other_versions=["wire-copy"], **TALKS)
    year_only = articles.entry(title="Year only", date="2025", **TALKS)
    stories = story_clusters(build_archive([a, b, undated, year_only]))
    assert [s.entries for s in stories] == [(a, b)]
    assert stories[0].names == ()


def test_a_date_that_crosses_a_year_takes_part_by_the_days_it_can_mean(articles):
    # "December 2024 or January 2025": within the window of a report of 10 January, whatever
    # its day; the story starts on its first possible day.
    span = articles.entry(title="Dockers walk out", date="2024-12/2025-01", **TALKS)
    later = articles.entry(title="Strike spreads", date="2025-01-10", **TALKS)
    far = articles.entry(title="Port talks", date="2025-03-20", **TALKS)  # 48 days after it
    decade = articles.entry(title="Strike history", date="198X", **TALKS)
    either = articles.entry(title="Strike either year", date="[2024,2025]", **TALKS)
    stories = story_clusters(build_archive([span, later, far, decade, either]))
    assert [s.entries for s in stories] == [(span, later)]
    assert stories[0].slug == "2024-12-01-ana-ruiz-ben-okafor-lagos"
    assert MAX_SPAN_DAYS < 90  # a season, a year, a decade are too vague to place


def test_a_month_is_near_a_day_when_any_of_its_days_is(articles):
    # February is 10 days before 10 March at its end, though 37 at its first day.
    month = articles.entry(title="Strike ballot", date="2025-02", **TALKS)
    unknown_day = articles.entry(title="Strike called", date="2025-03-XX", **TALKS)
    day = articles.entry(title="Strike begins", date="2025-03-10", **TALKS)
    stories = story_clusters(build_archive([day, unknown_day, month]))
    assert [s.entries for s in stories] == [(month, unknown_day, day)]


def test_two_stories_on_one_day_with_the_same_names_keep_their_addresses(articles):
    a1 = articles.entry(title="Strike one", date="2025-03-01", **TALKS)
    a2 = articles.entry(title="Strike two", date="2025-03-02", **TALKS)
    b1 = articles.entry(title="Other strike", date="2025-03-01", other_versions=["other-2"])
    b2 = articles.entry(id="other-2", title="Other strike 2", date="2025-03-03")
    first = {s.slug for s in story_clusters(build_archive([a1, a2]))}
    both = {s.slug: s for s in story_clusters(build_archive([a1, a2, b1, b2]))}
    assert first <= both.keys()  # adding a story elsewhere does not move this one's page
    assert len(both) == 2


# --- on a real site ------------------------------------------------------------------------------

STRIKE = (
    "Dock workers in Lagos walked out on Monday, said union leader Ana Ruiz. "
    "Port director Ben Okafor said talks would resume.\n"
)


# The source registry knows two of the three publishers (one with a hostile alias).
SOURCES = """- name: Lagos Daily
  aliases: [The Lagos Daily, "<script>alert(2)</script>"]
  domains: [lagosdaily.example]
  country: NG
- name: Coast Radio
  country: GH
"""


@pytest.fixture(scope="module")
def strike_site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("stories")
    (project / "sources.yml").write_text(SOURCES, encoding="utf-8")
    archive = project / "docs" / "articles"
    for title, date, source, related in [
        ("Dockers walk out in Lagos", "2025-03-03", "Lagos Daily", True),
        ("Strike spreads along the coast", "2025-03-06", "Coast Radio", True),
        ("Port talks resume", "2025-03-12", "Lagos Daily", True),
        ("A <script>alert(1)</script> unrelated", "2025-03-04", "Other Paper", False),
    ]:
        found = TALKS if related else {}  # as `chronicle enrich` stores them
        body = STRIKE if related else "Nothing to see.\n"
        articles.write(archive, title=title, date=date, source=source, body=body, **found)
    return build_site(project)


def test_a_story_page_lists_its_articles_oldest_first_and_who_covered_it(strike_site, text_of):
    index = (strike_site / "stories" / "index.html").read_text(encoding="utf-8")
    link = re.search(r'href="([^"]*2025-03-03-ana-ruiz-ben-okafor-lagos/)"', index)
    assert link, "the stories index links the story"
    page = strike_site / "stories" / "2025-03-03-ana-ruiz-ben-okafor-lagos" / "index.html"
    html = page.read_text(encoding="utf-8")
    text = text_of(html)
    assert "3 articles from 2 sources" in text
    order = [text.index(t) for t in ("Dockers walk out", "Strike spreads", "Port talks resume")]
    assert order == sorted(order)
    assert "unrelated" not in text
    assert re.search(r'href="[^"]*sources/lagos-daily/"[^>]*>Lagos Daily</a>', html)
    assert '<svg class="chronicle-chart"' in html  # the top sources, as a chart with a table


def test_an_article_links_the_story_it_is_part_of(strike_site, text_of):
    article = next((strike_site / "articles").rglob("dockers-walk-out-in-lagos/index.html"))
    html = article.read_text(encoding="utf-8")
    story = re.search(r'<p class="chronicle-story-link".*?</p>', html, re.S)
    assert story and "Part of the story" in text_of(story.group())
    assert "Ana Ruiz, Ben Okafor, Lagos (3 articles)" in text_of(story.group())
    other = next((strike_site / "articles").rglob("*unrelated/index.html")).read_text("utf-8")
    assert "chronicle-story-link" not in other and "<script>alert" not in other


def test_a_story_page_says_where_its_sources_are_from_when_the_registry_knows(strike_site, text_of):
    page = strike_site / "stories" / "2025-03-03-ana-ruiz-ben-okafor-lagos" / "index.html"
    text = text_of(page.read_text(encoding="utf-8"))
    assert "Lagos Daily (Nigeria) 2" in text and "Coast Radio (Ghana) 1" in text


def test_a_source_page_shows_what_the_registry_knows_escaped(strike_site, text_of):
    html = (strike_site / "sources" / "lagos-daily" / "index.html").read_text(encoding="utf-8")
    (facts,) = re.findall(r'<dl class="chronicle-meta chronicle-source-facts">.*?</dl>', html, re.S)
    text = text_of(facts)
    assert "Country Nigeria" in text and "lagosdaily.example" in text
    assert "Also written as The Lagos Daily , <script>alert(2)</script>" in text  # as text
    assert "<script>alert(2)" not in html and "&lt;script&gt;alert(2)" in facts
    # A source with only a country, and one the registry does not hold.
    coast = (strike_site / "sources" / "coast-radio" / "index.html").read_text(encoding="utf-8")
    assert "Country Ghana" in text_of(coast) and "Also written as" not in text_of(coast)
    other = (strike_site / "sources" / "other-paper" / "index.html").read_text(encoding="utf-8")
    assert "chronicle-source-facts" not in other
    index = text_of((strike_site / "sources" / "index.html").read_text(encoding="utf-8"))
    assert "Lagos Daily (Nigeria)" in index and "Other Paper (" not in index


def test_countries_are_named_in_the_archives_language():
    from chronicle.site.labels import labels_for

    assert labels_for("en").country("gb") == "United Kingdom"
    assert labels_for("fr").country("GB") == "Royaume-Uni"
    assert labels_for("de").country("NG") == "Nigeria"
    assert labels_for("en").country("QQ") == "QQ"  # a code Babel does not know stays as written


@pytest.fixture(scope="module")
def span_site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("story-spans")
    archive = project / "docs" / "articles"
    for title, date in [
        ("Dockers walk out in Lagos", "2024-12/2025-01"),
        ("Strike spreads along the coast", "2025-01-06"),
        ("A history of Lagos strikes", "[2024,2025]"),
    ]:
        articles.write(archive, title=title, date=date, source="Lagos Daily", body=STRIKE, **TALKS)
    return build_site(project)


def test_a_story_on_a_real_site_holds_a_date_across_a_year_with_its_uncertainty(span_site, text_of):
    page = span_site / "stories" / "2024-12-01-ana-ruiz-ben-okafor-lagos" / "index.html"
    html = page.read_text(encoding="utf-8")
    text = text_of(html)
    # Its first date is shown as the span it is, never as the day it is filed under.
    assert "2 articles from 1 source, December 2024 – January 2025 to 6 January 2025" in text
    assert re.search(r'<span class="chronicle-date">December 2024\s–\sJanuary 2025</span>', html)
    assert "2024-12-01" not in text and 'datetime="2024-12' not in html
    order = [text.index(t) for t in ("Dockers walk out", "Strike spreads")]
    assert order == sorted(order)
    assert "A history of Lagos strikes" not in text  # "2024 or 2025": left out, too vague
    spanned = next((span_site / "articles").rglob("dockers-walk-out-in-lagos/index.html"))
    assert "Part of the story" in text_of(spanned.read_text(encoding="utf-8"))
    vague = next((span_site / "articles").rglob("a-history-of-lagos-strikes/index.html"))
    assert "chronicle-story-link" not in vague.read_text(encoding="utf-8")
