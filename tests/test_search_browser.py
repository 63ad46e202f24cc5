"""Search in a real browser: a small archive built with MkDocs, served on 127.0.0.1, driven in
Debian's Chromium through Playwright (no browser download)."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser import CHROMIUM, serve
from tests.test_site_build import add, build

pytestmark = pytest.mark.browser

SEED_TITLE = "Seed devised title"
# (name, text, title, date, source): two years, two sources, one known only by month, one undated;
# every text says "ceasefire" so one query finds them all.
ARTICLES = [
    ("older.txt", "An older report on the first ceasefire truce. It held.", "Truce holds",
     "2025-01-19", "Harbour Times"),
    ("newer.txt", "A newer report on the ceasefire talks in Cairo. They stalled.",
     "Talks stall in Cairo", "2025-03-25", "Harbour Times"),
    ("month.txt", "A monthly round-up of the ceasefire talks. Many met.", "Round-up",
     "2024-11", "Coastal Courier"),
    ("winter.txt", "The envoy came to discuss a ceasefire. Nothing was agreed.",
     "Winter envoy visit", "2024-02-10", "Coastal Courier"),
]  # fmt: skip
UNDATED_TITLE = "A clipping nobody dated about the ceasefire"


def built_site(tmp_path_factory, browse_limit: int | None):
    """The test archive, indexed in shards of at most 2 articles: 2025 (3, a year stays whole)
    and 2024 + undated, so the tests exercise merging and date order across shards, as in a
    large archive. `browse_limit`: the plugin's search_browse_limit (None: its default)."""
    from tests.conftest import ROOT, SEED, copy_site_scaffold

    if not SEED.exists():
        pytest.skip("../shared/seed is absent")
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (bash dev.sh test installs it)")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extra = "\n      search_shard_size: 2"
    if browse_limit is not None:
        extra += f"\n      search_browse_limit: {browse_limit}"
    config = config.replace("listing_page_size: 50", "listing_page_size: 50" + extra)
    assert "search_shard_size: 2" in config
    project = copy_site_scaffold(
        tmp_path_factory.mktemp("search") / "project", mkdocs_config=config
    )
    add(
        project,
        "seed.txt",
        SEED.read_text(encoding="utf-8"),
        title=SEED_TITLE,
        date="2025-03-21~",
        source="unknown",
        topics=["Gaza ceasefire"],
    )
    for name, text, title, date, source in ARTICLES:
        add(project, name, text + "\n", title=title, date=date, source=source)
    add(project, "undated.txt", UNDATED_TITLE + ". It is still kept.\n")
    site = build(project)
    shards = json.loads((site / "pagefind" / "chronicle-shards.json").read_text(encoding="utf-8"))
    assert [s["years"] for s in shards] == [["2025"], ["2024", "Undated"]]
    return site


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    # A browse limit of 3 makes the search page behave as on a large archive: words needed,
    # source and year facets open, the others on demand.
    with serve(built_site(tmp_path_factory, browse_limit=3)) as base:
        yield base


@pytest.fixture(scope="module")
def small_url(tmp_path_factory):
    # The same archive under the default browse limit: filters list articles without words.
    with serve(built_site(tmp_path_factory, browse_limit=None)) as base:
        yield base


def open_search(page, base_url: str, query: str = "") -> int:
    """Open the search page at `search/?query`, wait for the results and return their count."""
    page.goto(f"{base_url}search/{'?' + query if query else ''}")
    return result_count(page)


# The search page is final (not the preview of a large archive's newest shard, shown while the
# older shards merge: the form is marked data-partial then).
FINAL = "!document.getElementById('chronicle-search').hasAttribute('data-partial')"


def result_count(page) -> int:
    page.wait_for_function(
        f"/^\\d+ results?/.test(document.getElementById('chronicle-status').textContent) && {FINAL}"
    )
    status = page.text_content("#chronicle-status") or ""
    count = int(status.split()[0])
    assert page.locator(".chronicle-result").count() == min(count, 20)
    return count


def wait_status(page, condition: str) -> None:
    """Wait until the live region's text meets a JS string condition, e.g. "startsWith('2 ')"."""
    page.wait_for_function(
        f"document.getElementById('chronicle-status').textContent.{condition} && {FINAL}"
    )


def titles(page) -> list[str]:
    return [t.strip() for t in page.locator(".chronicle-result__title").all_inner_texts()]


def facet_counts(page, facet: str) -> dict[str, int]:
    """The values a facet lists (hidden ones beyond "Show all" too), each with its count."""
    return page.evaluate(
        """(facet) => Object.fromEntries([...document.querySelectorAll(
            `fieldset[data-facet=${facet}] li`)].map((li) => [
                li.querySelector("input").value,
                Number(li.querySelector(".chronicle-count").textContent)]))""",
        facet,
    )


def test_header_box_finds_a_phrase_from_the_seed_and_enter_opens_the_search_page(page, base_url):
    page.goto(f"{base_url}about/")
    box = page.locator("#chronicle-searchbox-q")
    box.fill('"Khaled Meshaal"')
    page.wait_for_selector(".chronicle-searchbox__item")
    assert page.locator(".chronicle-searchbox__item__title").all_inner_texts() == [SEED_TITLE]
    assert page.locator(".chronicle-searchbox__item mark").count() >= 1  # highlighted excerpt
    assert "1 result" in (page.text_content("[data-chronicle-status]") or "")
    assert page.is_visible("#chronicle-searchbox-panel")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    assert result_count(page) == 1
    assert titles(page) == [SEED_TITLE]
    assert page.input_value("#chronicle-q") == '"Khaled Meshaal"'


def test_phrase_is_exact(page, base_url):
    assert open_search(page, base_url, "q=%22Meshaal+Khaled%22") == 0


def test_source_filter_changes_the_count_and_the_url(page, base_url):
    total = open_search(page, base_url, "q=ceasefire")
    assert total == 6
    facet = page.locator("fieldset[data-facet=source]")
    assert "Harbour Times 2" in facet.inner_text()
    page.get_by_label(re.compile("^Harbour Times")).check()
    wait_status(page, "startsWith('2 ')")
    assert sorted(titles(page)) == ["Talks stall in Cairo", "Truce holds"]
    assert parse_qs(urlsplit(page.url).query)["source"] == ["Harbour Times"]


def test_newest_and_oldest_orders_keep_undated_last(page, base_url):
    open_search(page, base_url, "q=ceasefire&sort=newest")
    newest = titles(page)
    assert newest[:5] == [
        "Talks stall in Cairo",
        SEED_TITLE,
        "Truce holds",
        "Round-up",
        "Winter envoy visit",
    ]
    assert newest[5].startswith("A clipping nobody dated")
    page.select_option("#chronicle-sort", "oldest")
    wait_status(page, "includes('oldest')")
    assert titles(page) == [*reversed(newest[:5]), newest[5]]
    assert parse_qs(urlsplit(page.url).query)["sort"] == ["oldest"]


def test_date_range_excludes_articles_outside_it(page, base_url):
    count = open_search(page, base_url, "q=ceasefire&from=2024-11-01&to=2025-03-22")
    assert sorted(titles(page)) == sorted(["Round-up", "Truce holds", SEED_TITLE])
    assert count == 3
    # Typed into the form: the range and the URL follow.
    page.fill("#chronicle-from", "2025-03-22")
    page.fill("#chronicle-to", "2025-12-31")
    page.dispatch_event("#chronicle-to", "change")
    wait_status(page, "includes('2025-03-22 to 2025-12-31')")
    assert titles(page) == ["Talks stall in Cairo"]
    assert parse_qs(urlsplit(page.url).query)["from"] == ["2025-03-22"]


def test_the_url_reproduces_the_state(page, base_url):
    query = "q=ceasefire&source=Coastal+Courier&from=2024-01-01&to=2024-12-31&sort=oldest"
    assert open_search(page, base_url, query) == 2
    assert titles(page) == ["Winter envoy visit", "Round-up"]
    assert page.input_value("#chronicle-q") == "ceasefire"
    assert page.input_value("#chronicle-from") == "2024-01-01"
    assert page.input_value("#chronicle-sort") == "oldest"
    assert page.is_checked("fieldset[data-facet=source] input[value='Coastal Courier']")
    # Back in history after a change restores the previous state.
    page.uncheck("fieldset[data-facet=source] input[value='Coastal Courier']")
    page.wait_for_function("!location.search.includes('source=')")
    page.go_back()
    page.wait_for_function("location.search.includes('source=')")
    wait_status(page, "startsWith('2 ')")


def test_opening_a_result_highlights_the_words(page, base_url):
    open_search(page, base_url, "q=Meshaal")
    page.click(".chronicle-result__title a")
    page.wait_for_url(re.compile(r"highlight=meshaal", re.I))
    page.wait_for_selector("mark.pagefind-highlight")
    assert "Meshaal" in page.locator("mark.pagefind-highlight").first.inner_text()


def test_keyboard_only(page, base_url):
    page.goto(f"{base_url}about/")
    page.focus("#chronicle-searchbox-q")
    page.keyboard.type("Cairo")
    page.wait_for_selector(".chronicle-searchbox__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent") == "Talks stall in Cairo"
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "chronicle-searchbox-q"
    assert page.is_hidden("#chronicle-searchbox-panel")


def test_large_archive_needs_words_and_opens_facets_on_demand(page, base_url):
    page.goto(f"{base_url}search/?source=Harbour+Times")
    page.wait_for_function(
        "document.getElementById('chronicle-status').textContent.startsWith('Type words')"
    )
    assert page.locator(".chronicle-result").count() == 0
    assert page.is_checked("fieldset[data-facet=source] input[value='Harbour Times']")
    page.fill("#chronicle-q", "ceasefire")
    page.press("#chronicle-q", "Enter")
    wait_status(page, "startsWith('2 ')")
    toggle = "button[aria-controls=chronicle-facet-language]"
    assert page.is_hidden("#chronicle-facet-language")  # closed: its counts are not fetched
    assert page.get_attribute(toggle, "aria-expanded") == "false"
    page.click(toggle)
    page.wait_for_selector("#chronicle-facet-language li")
    assert page.get_attribute(toggle, "aria-expanded") == "true"
    assert page.inner_text("#chronicle-facet-language li") == "English 2"


def test_without_words_a_chosen_source_keeps_the_others_and_its_true_count(page, small_url):
    # Disjunctive facets: a facet counts what the other filters leave, not its own choice.
    assert open_search(page, small_url, "source=Harbour+Times") == 2
    assert sorted(titles(page)) == ["Talks stall in Cairo", "Truce holds"]
    sources = {"Harbour Times": 2, "Coastal Courier": 2, "Unknown source": 2}
    assert facet_counts(page, "source") == sources
    assert facet_counts(page, "year") == {"2025": 2}  # another facet: what narrowing leaves
    # A second value of the same facet widens the results; the source counts stay true.
    page.check("fieldset[data-facet=source] input[value='Coastal Courier']")
    wait_status(page, "startsWith('4 ')")
    assert len(titles(page)) == 4
    chosen = parse_qs(urlsplit(page.url).query)["source"]
    assert sorted(chosen) == ["Coastal Courier", "Harbour Times"]
    assert facet_counts(page, "source") == sources
    assert facet_counts(page, "year") == {"2025": 2, "2024": 2}


def test_a_chosen_facet_counts_within_the_words_and_the_date_range(page, base_url):
    # Sources with no result in 2025 are not offered, though they match the words.
    words_and_source = "q=ceasefire&source=Harbour+Times"
    assert open_search(page, base_url, f"{words_and_source}&from=2025-01-01&to=2025-12-31") == 2
    assert facet_counts(page, "source") == {"Harbour Times": 2, "Unknown source": 1}
    # A chosen value with no result in the range stays, with its true count.
    assert open_search(page, base_url, f"{words_and_source}&from=2024-01-01&to=2024-12-31") == 0
    assert facet_counts(page, "source") == {"Harbour Times": 0, "Coastal Courier": 2}
    # Ticking a value offered gives the results counted.
    page.check("fieldset[data-facet=source] input[value='Coastal Courier']")
    wait_status(page, "startsWith('2 ')")
    assert sorted(titles(page)) == ["Round-up", "Winter envoy visit"]


# Every change of the live region's text, recorded from the page's start.
RECORD_STATUS = """
window.chronicleStatuses = [];
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("chronicle-status");
  if (!status) return;
  new MutationObserver(() => window.chronicleStatuses.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
});
"""
OLDER_SHARDS = "**/pagefind/shards/**"


def hold_older_shards(page) -> list:
    """Hold every request for the older shards (2024 and undated) until `release`: the search
    page can show only what the newest shard (2025) answers."""
    held: list = []
    page.route(OLDER_SHARDS, lambda route: held.append(route))
    return held


def release(page, held: list) -> None:
    page.unroute(OLDER_SHARDS)
    for route in held:
        route.continue_()


def wait_held(page, held: list) -> None:
    """Wait until the merge has asked for an older shard (and is held)."""
    for _ in range(100):
        if held:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the older shards were never asked for")


def wait_preview(page) -> str:
    page.wait_for_function(
        "document.getElementById('chronicle-search').hasAttribute('data-partial')"
    )
    return page.text_content("#chronicle-status") or ""


def test_large_archive_previews_the_newest_year_while_the_older_ones_merge(page, base_url):
    page.add_init_script(RECORD_STATUS)
    held = hold_older_shards(page)
    query = "q=ceasefire&source=Harbour+Times&source=Coastal+Courier&from=2024-02-01&sort=newest"
    page.goto(f"{base_url}search/?{query}")
    # The preview: the newest shard's results, within the filters, the range and the order.
    status = wait_preview(page)
    assert status == "2 results so far in 2025; searching older years…"
    assert titles(page) == ["Talks stall in Cairo", "Truce holds"]  # no seed: Unknown source
    wait_held(page, held)  # the merge has begun, and is held: not done
    assert page.is_checked("fieldset[data-facet=source] input[value='Coastal Courier']")
    assert page.is_visible("fieldset[data-facet=source] .chronicle-facet__counting")
    assert page.locator(".chronicle-count").count() == 0  # no count before every year answers
    page.focus(".chronicle-result__title a >> nth=1")  # a reader on the second result

    release(page, held)
    wait_status(page, "startsWith('4 results')")
    final = titles(page)
    assert final == ["Talks stall in Cairo", "Truce holds", "Round-up", "Winter envoy visit"]
    counts = {facet: facet_counts(page, facet) for facet in ("source", "year")}
    assert counts == {
        "source": {"Harbour Times": 2, "Coastal Courier": 2, "Unknown source": 1},
        "year": {"2025": 2, "2024": 2},
    }
    assert page.locator(".chronicle-facet__counting").count() == 0
    # The reader's place is kept: still on the second result.
    assert page.evaluate("document.activeElement.textContent") == "Truce holds"
    # Polite: one announcement for the preview, one for the final results.
    statuses = page.evaluate("window.chronicleStatuses")
    assert statuses == [
        status,
        "4 results, for ceasefire, with 2 filters, dated 2024-02-01 to …, newest first",
    ]

    # The same search once every shard is merged (no preview): the same results and counts.
    seen = len(statuses)
    page.uncheck("fieldset[data-facet=source] input[value='Coastal Courier']")
    wait_status(page, "startsWith('2 results')")
    page.go_back()
    wait_status(page, "startsWith('4 results')")
    assert titles(page) == final
    assert {facet: facet_counts(page, facet) for facet in ("source", "year")} == counts
    assert not [s for s in page.evaluate("window.chronicleStatuses")[seen:] if "so far" in s]


def test_a_newer_search_during_the_preview_replaces_it_once_merged(page, base_url):
    held = hold_older_shards(page)
    page.goto(f"{base_url}search/?q=ceasefire")
    assert wait_preview(page) == "3 results so far in 2025; searching older years…"
    page.fill("#chronicle-q", "envoy")
    page.press("#chronicle-q", "Enter")
    page.wait_for_function("location.search === '?q=envoy'")
    wait_held(page, held)
    # The merge has begun: the new words wait for every shard, with no preview of their own.
    release(page, held)
    wait_status(page, "startsWith('2 results, for envoy')")
    assert sorted(titles(page)) == [SEED_TITLE, "Winter envoy visit"]  # 2025 and 2024
    assert page.evaluate("document.activeElement.id") == "chronicle-q"


def open_without_preview(page, url: str) -> None:
    """Open `url` with the older shards held back, check that the newest shard gave no
    preview (it has nothing to say for the query), then let the older shards load."""
    page.add_init_script(RECORD_STATUS)
    held = hold_older_shards(page)
    page.goto(url)
    wait_held(page, held)
    page.wait_for_timeout(200)
    assert page.evaluate("window.chronicleStatuses") == []
    release(page, held)


def test_a_range_older_than_the_newest_year_has_no_preview(page, base_url):
    # Nothing to say from 2025.
    open_without_preview(page, f"{base_url}search/?q=ceasefire&from=2024-01-01&to=2024-12-31")
    assert result_count(page) == 2
    assert sorted(titles(page)) == ["Round-up", "Winter envoy visit"]
