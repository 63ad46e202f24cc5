"""What the browser tests share, imported by conftest.py only: Debian's Chromium and its flags, a
site served on 127.0.0.1, a guard that fails a test on a JavaScript error or a request leaving
127.0.0.1, and the search page as a reader drives it."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.search import CHROMIUM_ARGS  # noqa: F401 - one list of flags, re-exported

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
# Any request to a host other than 127.0.0.1 (a CDN, a web font, an analytics beacon).
EXTERNAL = re.compile(r"^(?:https?|wss?)://(?!127\.0\.0\.1[:/])")


def missing_chromium() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (bash dev.sh test installs the test extras)"
    if not CHROMIUM.exists():
        return f"Debian's Chromium is not at {CHROMIUM} (bash dev.sh test installs it)"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields its base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def guard(page: Page, errors: list[str]) -> None:
    """Record into `errors` every uncaught exception and console error of `page`, and every
    request leaving 127.0.0.1 (aborted: the site must work offline)."""

    def console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{page.url}: console: {message.text}")

    def external(route: Route) -> None:
        errors.append(f"external request {route.request.url}")
        route.abort()

    page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
    page.on("console", console)
    # Routed on the page, not its context: with a route on both, a request that a test held
    # with a page route was answered before the test released it (Playwright 1.65).
    page.route(EXTERNAL, external)


# ---- the search page --------------------------------------------------------------------------

# The search page is final (not the preview of a large archive's newest shard, shown while the
# older shards merge: the form is marked data-partial then).
FINAL = "!document.getElementById('chronicle-search').hasAttribute('data-partial')"
PARTIAL = "document.getElementById('chronicle-search').hasAttribute('data-partial')"
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
# The older shards of the test archives (every shard but the newest, which is the bundle itself).
OLDER_SHARDS = "**/pagefind/shards/**"


class SearchPage:
    """The search page of a built site, as a reader drives it in `page`."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self._recording = False

    def open(self, base_url: str, query: str = "") -> int:
        """Open the search page at `search/?query`, wait for the results and return their
        count."""
        self.page.goto(f"{base_url}search/{'?' + query if query else ''}")
        return self.result_count()

    def result_count(self) -> int:
        self.page.wait_for_function(
            "/^\\d+ results?/.test(document.getElementById('chronicle-status').textContent)"
            f" && {FINAL}"
        )
        status = self.page.text_content("#chronicle-status") or ""
        count = int(status.split()[0])
        assert self.page.locator(".chronicle-result").count() == min(count, 20)
        return count

    def wait_status(self, condition: str) -> None:
        """Wait until the live region's text meets a JS string condition, e.g.
        "startsWith('2 ')", and the results are final."""
        self.page.wait_for_function(
            f"document.getElementById('chronicle-status').textContent.{condition} && {FINAL}"
        )

    def wait_preview(self) -> str:
        """Wait for the preview of the newest shard; returns the live region's text."""
        self.page.wait_for_function(PARTIAL)
        return self.page.text_content("#chronicle-status") or ""

    def titles(self) -> list[str]:
        return [t.strip() for t in self.page.locator(".chronicle-result__title").all_inner_texts()]

    def facet_counts(self, facet: str) -> dict[str, int]:
        """The values a facet lists (hidden ones beyond "Show all" too), each with its count."""
        return self.page.evaluate(
            """(facet) => Object.fromEntries([...document.querySelectorAll(
                `fieldset[data-facet=${facet}] li`)].map((li) => [
                    li.querySelector("input").value,
                    Number(li.querySelector(".chronicle-count").textContent)]))""",
            facet,
        )

    def wait_counts(self, facet: str, gone: str = "") -> None:
        """Wait until a facet lists counts (and no longer lists the value `gone`)."""
        self.page.wait_for_function(
            """([facet, gone]) => {
                const items = [...document.querySelectorAll(`fieldset[data-facet=${facet}] li`)];
                return items.length && items.every((li) => li.querySelector(".chronicle-count"))
                    && !items.some((li) => li.querySelector("input").value === gone);
            }""",
            arg=[facet, gone],
        )

    def record_statuses(self) -> None:
        """From the next page opened on, record every text of the live region (`statuses`)."""
        if not self._recording:  # a second script would record every text twice
            self.page.add_init_script(RECORD_STATUS)
            self._recording = True

    def statuses(self) -> list[str]:
        return self.page.evaluate("window.chronicleStatuses")

    @contextlib.contextmanager
    def older_shards_held(self) -> Iterator[Callable[[], str]]:
        """Hold every request for the older shards while the block runs, so that the page can
        show only what the newest shard answers; release them when it ends. Yields `asked`,
        which waits until the merge has asked for an older shard (begun, and held) and returns
        that shard's URL; the block ends only once the merge has asked."""
        held: list[Route] = []
        self.page.route(OLDER_SHARDS, lambda route: held.append(route))
        with self.page.expect_request(OLDER_SHARDS) as request:
            yield lambda: request.value.url
        self.page.unroute(OLDER_SHARDS)
        for route in held:
            route.continue_()

    def open_without_preview(self, url: str) -> int:
        """Open `url` with the older shards held back and check that the newest shard gave no
        preview (it has nothing to say for the query); then let the older shards load and
        return the count of the results."""
        self.record_statuses()
        with self.older_shards_held() as asked:
            self.page.goto(url)
            # The page searches the newest shard for a preview before it asks for any older
            # one: once the merge has asked, a preview would have been announced.
            asked()
            assert self.statuses() == []
        count = self.result_count()
        assert not [s for s in self.statuses() if "so far" in s], self.statuses()
        return count
