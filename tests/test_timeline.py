"""Timelines: the spec builder on inline data, then a real MkDocs + Material build and a phone-sized
browser check of what it made."""

from __future__ import annotations

import math
import re
from itertools import pairwise
from pathlib import Path

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import Archive, Entry, build_archive
from chronicle.site.labels import english
from chronicle.site.listings import timeline_pages
from chronicle.site.pages import all_pages
from chronicle.site.timeline import in_time_order, timeline_sections

# --- the spec builder (pure) -------------------------------------------------------------------

D = ArticleDate
# The archive's articles, in the order it is given them; the id of each is its title's slug.
ENTRIES = [
    {"title": "mar25", "date": D(2025, 3, 25), "topics": ["Talks"]},
    {"id": "undated-b", "title": "B clipping", "topics": ["Talks"]},
    {"title": "nov", "date": D(2024, 11)},
    {"title": "mar21-approx", "date": D(2025, 3, 21, approximate=True), "topics": ["Talks"]},
    {"title": "year-only", "date": D(2025)},
    {"title": "jan19", "date": D(2025, 1, 19), "topics": ["Talks"]},
    {"id": "undated-a", "title": "A clipping"},
]


@pytest.fixture(scope="module")
def archive(articles) -> Archive:
    return build_archive([articles.entry(**fields) for fields in ENTRIES])


OLDEST_FIRST = ["nov", "year-only", "jan19", "mar21-approx", "mar25", "undated-a", "undated-b"]


def ids(entries: list[Entry]) -> list[str]:
    return [e.article.id for e in entries]


def outline(sections) -> list[tuple[int, str, bool, list[str]]]:
    return [(s.level, s.heading, s.continued, ids(s.entries)) for s in sections]


def test_time_order_is_oldest_first_with_undated_last_by_title(archive):
    assert ids(in_time_order(archive.entries)) == OLDEST_FIRST


def test_one_page_groups_under_year_and_month_headings(archive):
    (spec,) = timeline_pages(archive.entries, "timeline/", 50)
    assert spec.src_uri == "timeline/index.md" and spec.url == "timeline/"
    assert ids(spec.entries) == OLDEST_FIRST
    assert outline(spec.timeline) == [
        (2, "2024", False, []),
        (3, "November 2024", False, ["nov"]),
        (2, "2025", False, []),
        (3, "2025, month not known", False, ["year-only"]),
        (3, "January 2025", False, ["jan19"]),
        (3, "March 2025", False, ["mar21-approx", "mar25"]),
        (2, "Undated", False, ["undated-a", "undated-b"]),
    ]
    undated = spec.timeline[-1]
    assert undated.note == english()("timeline.undated_note") and "not known" in undated.note
    # Titles sit one level below their heading: h4 under a month, h3 under "Undated".
    assert [s.item_level for s in spec.timeline if s.entries] == [4, 4, 4, 4, 3]
    anchors = [s.anchor for s in spec.timeline]
    assert len(set(anchors)) == len(anchors)


def test_approximate_dates_keep_their_flag(archive):
    (spec,) = timeline_pages(archive.entries, "timeline/", 50)
    march = next(s for s in spec.timeline if s.heading == "March 2025")
    approx = march.entries[0].article.date
    assert approx is not None and approx.approximate
    assert approx.human() == "c. 21 March 2025 (approximate)"  # what the template prints


@pytest.mark.parametrize("size", [1, 2, 3, 6, 7, 8])
def test_pages_split_by_page_size_and_link_in_order(size, archive):
    specs = timeline_pages(archive.entries, "timeline/", size)
    count = math.ceil(len(ENTRIES) / size)
    assert [s.page_number for s in specs] == list(range(1, count + 1))
    assert all(s.page_count == count for s in specs) and specs[0].total == len(ENTRIES)
    assert all(len(s.entries) <= size for s in specs)
    assert [i for s in specs for i in ids(s.entries)] == OLDEST_FIRST
    # Every entry appears under some heading of its own page, and only once.
    for spec in specs:
        assert [i for sec in spec.timeline for i in ids(sec.entries)] == ids(spec.entries)
    expected = ["timeline/index.md"] + [f"timeline/page/{n}/index.md" for n in range(2, count + 1)]
    assert [s.src_uri for s in specs] == expected
    for previous, following in pairwise(specs):
        assert previous.next_page == following.url and following.previous_page == previous.url
    assert specs[0].previous_page is None and specs[-1].next_page is None
    assert specs[0].previous_label == "← Earlier" and specs[0].next_label == "Later →"


def test_a_page_starting_mid_month_repeats_its_headings_as_continued(archive):
    first, second = timeline_pages(archive.entries, "timeline/", 4)
    assert ids(first.entries) == ["nov", "year-only", "jan19", "mar21-approx"]
    assert outline(second.timeline) == [
        (2, "2025", True, []),
        (3, "March 2025", True, ["mar25"]),
        (2, "Undated", False, ["undated-a", "undated-b"]),
    ]
    # Starting with a new month of the same year: the year continues, the month does not.
    pages = timeline_pages(archive.entries, "timeline/", 3)
    assert outline(pages[1].timeline)[:2] == [
        (2, "2025", True, []),
        (3, "March 2025", False, ["mar21-approx", "mar25"]),
    ]


def test_per_topic_timelines_and_links_stay_linear(archive):
    size = 2
    specs = all_pages(
        archive,
        archive_base="archive/",
        topics_base="topics/",
        sources_base="sources/",
        timeline_base="timeline/",
        page_size=size,
    )
    by_uri = {s.src_uri: s for s in specs}
    topic = [s for s in specs if s.kind == "topic-timeline"]
    assert [s.src_uri for s in topic] == [
        "topics/talks/timeline/index.md",
        "topics/talks/timeline/page/2/index.md",
    ]
    assert [i for s in topic for i in ids(s.entries)] == [
        "jan19",
        "mar21-approx",
        "mar25",
        "undated-b",
    ]
    assert topic[0].title == "Timeline: Talks" and [u.url for u in topic[0].up] == [
        "topics/",
        "topics/talks/",
    ]
    # Every page of the topic's listing links to its timeline; the archive index to the whole one.
    for spec in specs:
        if spec.kind == "topic":
            assert [link.url for link in spec.see_also] == ["topics/talks/timeline/"]
    assert [link.url for link in by_uri["archive/index.md"].see_also] == ["timeline/"]
    for spec in specs:  # sources are followed as timelines too
        if spec.kind == "source" and spec.page_number == 1:
            assert [link.url for link in spec.see_also] == [f"{spec.url}timeline/"]
    # Pages: the whole timeline plus one per topic or source page's worth: linear in the archive.
    timelines = [s for s in specs if s.kind in ("timeline", "topic-timeline", "source-timeline")]
    bound = math.ceil(len(ENTRIES) / size) + sum(
        math.ceil(len(g.entries) / size)
        for groups in (archive.topics, archive.sources)
        for g in groups.values()
    )
    assert len(timelines) == bound
    assert len(by_uri) == len(specs)  # no two specs at one address


def test_an_empty_archive_has_one_empty_timeline_page():
    (spec,) = timeline_pages(build_archive([]).entries, "timeline/", 50)
    assert spec.entries == [] and spec.timeline == [] and spec.page_count == 1


def test_sections_of_a_page_after_an_undated_one(archive):
    undated = in_time_order(archive.entries)[-2:]
    sections = timeline_sections(undated[1:], before=undated[0])
    assert outline(sections) == [(2, "Undated", True, ["undated-b"])]


# --- a real build ------------------------------------------------------------------------------

HOSTILE = 'Talks <script>alert("x")</script> stall'
LONG_WORD = "Negotiations" * 12  # one 144-letter word: must wrap, not widen the page


@pytest.fixture(scope="module")
def site(site_scaffold, articles, build_site) -> Path:
    project = site_scaffold("timeline", plugin_options={"listing_page_size": 3})
    topic = ["Gaza ceasefire"]
    articles.add(
        project,
        "nov.txt",
        "A monthly round-up. Many met.\n",
        title="Round-up",
        date="2024-11",
        topics=topic,
    )
    articles.add(
        project, "year.txt", "A review of the year. Brief.\n", title="Year review", date="2025"
    )
    articles.add(
        project,
        "jan.txt",
        "The first truce held. It did.\n",
        title="Truce holds",
        date="2025-01-19",
        source="Harbour Times",
        topics=topic,
    )
    articles.add(
        project,
        "approx.txt",
        "Talks began in Cairo. Slowly.\n",
        title="Talks begin",
        date="2025-03-21~",
        topics=topic,
    )
    articles.add(
        project,
        "evil.txt",
        "The talks stalled again. Badly.\n",
        title=HOSTILE,
        date="2025-03-25",
        source="Harbour <b>Times</b>",
    )
    articles.add(
        project,
        "long.txt",
        f"{LONG_WORD} went on. And on.\n",
        title=f"Long {LONG_WORD}",
        date="2025-03-28",
    )
    articles.add(
        project, "undated.txt", "A clipping nobody dated. It is still kept.\n", topics=topic
    )
    return build_site(project)


TITLES = [
    "Round-up",
    "Year review",
    "Truce holds",
    "Talks begin",
    HOSTILE,
    "Long Neg",
    "A clipping",
]


def content(html: str) -> str:
    """The page's own content: from its <h1> to the end of Material's article."""
    return html[html.index("<h1") : html.index("</article>")]


def test_the_timeline_lists_the_archive_oldest_first_across_pages(site, page_html, text_of):
    urls = ["timeline", "timeline/page/2", "timeline/page/3"]
    assert not (site / "timeline" / "page" / "4").exists()
    text = " ".join(text_of(content(page_html(site, u))) for u in urls)
    positions = [text.index(t) for t in TITLES]
    assert positions == sorted(positions), text
    first = text_of(content(page_html(site, "timeline")))
    assert "2024" in first and "November 2024" in first and "2025, month not known" in first
    second = text_of(content(page_html(site, "timeline/page/2")))
    assert "2025 (continued)" in second and "March 2025" in second
    assert "c. 21 March 2025 (approximate)" in second
    last = text_of(content(page_html(site, "timeline/page/3")))
    assert "Undated" in last and "date of these articles is not known" in last
    assert "Date unknown" in last
    # Pages link to each other: Later on the first, Earlier on the last.
    later = r'href="page/2/" rel="next" aria-label="[^"]*page 2 of 3[^"]*">Later →'
    assert re.search(later, page_html(site, "timeline"))
    earlier = r'href="\.\./2/" rel="prev" aria-label="[^"]*page 2 of 3[^"]*">← Earlier'
    assert re.search(earlier, page_html(site, "timeline/page/3"))


def test_items_link_to_their_articles_and_mark_their_dates(site, page_html):
    html = page_html(site, "timeline")
    hrefs = re.findall(r'class="chronicle-timeline__title"><a href="([^"]+)"', html)
    assert len(hrefs) == 3
    for href in hrefs:
        assert (site / "timeline" / href / "index.html").resolve().exists(), href
    body = content(page_html(site, "timeline/page/2"))
    assert '<time datetime="2025-03-21">c. 21 March 2025 (approximate)</time>' in body
    assert "chronicle-timeline__item--approximate" in body
    assert '<time datetime="2024-11">November 2024</time>' in content(html)
    assert '<time datetime="2025">2025</time>' in content(html)


def test_headings_are_in_order_and_lists_are_semantic(site, page_html):
    for url in ("timeline", "timeline/page/2", "timeline/page/3", "topics/gaza-ceasefire/timeline"):
        body = content(page_html(site, url))
        levels = [int(n) for n in re.findall(r"<h([1-6])\b", body)]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in pairwise(levels)), (url, levels)
        assert body.count('<ol class="chronicle-timeline__list">') >= 1
        assert body.count('<li class="chronicle-timeline__item') == body.count(
            'class="chronicle-timeline__title"'
        )


def test_metadata_is_escaped(site, page_html):
    html = page_html(site, "timeline/page/2")
    assert "<script>alert" not in html and "<b>Times</b>" not in html
    assert "Talks &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; stall" in html
    assert "Harbour &lt;b&gt;Times&lt;/b&gt;" in html


def test_each_topic_links_to_its_own_timeline(site, page_html, text_of):
    topic = page_html(site, "topics/gaza-ceasefire")
    assert re.search(r'<a href="timeline/">Follow this topic as a timeline', topic)
    first = text_of(content(page_html(site, "topics/gaza-ceasefire/timeline")))
    second = text_of(content(page_html(site, "topics/gaza-ceasefire/timeline/page/2")))
    assert first.index("Round-up") < first.index("Truce holds") < first.index("Talks begin")
    assert "A clipping" in second and "Undated" in second
    for other in ("Year review", "stall", "Long Neg"):  # not in the topic
        assert other not in first + second


def test_the_timeline_is_reachable_from_the_site(site, page_html, archive):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="timeline/" class="md-nav__link">[^<]*<span[^>]*>\s*Timeline', home)
    assert 'href="timeline/">timeline</a>' in home  # the home page's introduction
    assert 'href="../timeline/">The whole archive as a timeline' in page_html(site, "archive")
    assert (site / "guide" / "timeline" / "index.html").exists()


def test_adding_the_newest_article_leaves_earlier_timeline_pages_as_they_were(
    site_scaffold, articles, build_site, mkdocs_build, page_html, text_of
):
    """`chronicle build` is incremental (mkdocs build --dirty): a timeline page whose spec did not
    change is skipped, and appending at the end changes only the last page (and the first, which
    is in the navigation and counts the articles)."""
    project = site_scaffold("timeline-growing", plugin_options={"listing_page_size": 2})
    for day in range(1, 8):
        articles.add(
            project,
            f"d{day}.txt",
            f"Report {day}. Text.\n",
            title=f"Day {day}",
            date=f"2025-01-0{day}",
        )
    build_site(project)
    pages = sorted((project / "site" / "timeline").rglob("index.html"))
    assert len(pages) == 4
    before = {p: p.stat().st_mtime_ns for p in pages}
    articles.add(project, "d9.txt", "Report 9. Text.\n", title="Day 9", date="2025-01-09")
    result = mkdocs_build(project, "--dirty")
    assert result.returncode == 0, result.stderr
    rewritten = [p.parent.relative_to(project / "site").as_posix() for p in pages
                 if p.stat().st_mtime_ns != before[p]]  # fmt: skip
    assert rewritten == ["timeline", "timeline/page/4"]
    assert "Day 9" in text_of(page_html(project / "site", "timeline/page/4"))


# What sticks out of a phone's width: the page scrolls sideways, or an element of the content
# reaches past the edge (Material clips some containers, so scrollWidth alone could miss it).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push("page scrolls sideways");
  for (const el of document.querySelectorAll(".md-content *")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 0.5 || box.left < -0.5) out.push(`${el.tagName}.${el.className}`);
  }
  return out;
}"""


@pytest.mark.browser
def test_timeline_fits_a_phone_and_prints_without_sidebars(site, serve_site, open_page):
    base = serve_site(site)
    phone = open_page(viewport={"width": 360, "height": 740})
    for url in ("timeline/", "timeline/page/2/", "topics/gaza-ceasefire/timeline/"):
        phone.goto(f"{base}{url}")
        assert phone.evaluate(OVERFLOW) == [], url
        # The line and its markers are drawn: a left border, a marker beside each item.
        border = phone.evaluate(
            "getComputedStyle(document.querySelector('.chronicle-timeline__list')).borderLeftWidth"
        )
        assert border != "0px"
    marker = phone.evaluate(
        "(() => { const li = document.querySelector('.chronicle-timeline__item');"
        " const s = getComputedStyle(li, '::before');"
        " return [s.content, s.width, li.getBoundingClientRect().left] })()"
    )
    assert marker[0] == '""' and marker[1] != "auto" and marker[2] > 0
    # The probe does see overflow when there is some (the long title, kept from wrapping).
    phone.goto(f"{base}timeline/page/2/")
    phone.add_style_tag(content=".chronicle-timeline__title { white-space: nowrap; }")
    assert phone.evaluate(OVERFLOW) != []
    desk = open_page(viewport={"width": 1280, "height": 900})
    desk.goto(f"{base}timeline/")
    assert desk.locator(".md-sidebar--primary").is_visible()
    desk.emulate_media(media="print")
    assert not desk.locator(".md-sidebar--primary").is_visible()
    assert not desk.locator(".chronicle-pagination").is_visible()
    assert desk.locator(".chronicle-timeline__list").first.is_visible()
