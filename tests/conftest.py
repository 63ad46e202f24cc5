"""What the tests share, as fixtures: the seed article, this repo's site without articles (its
plugin options set as a test needs), a MkDocs build with its log, the build cache's hits, the
reading of its pages and files, an article factory, a runner for the `chronicle` command, the
example site with people and quotes, and Chromium (through tests/browser.py) for the tests a
reader clicks through.

Over 400 lines: every fixture the test files share lives here, the one place pytest gives them
to every test module without an import; the browser's own machinery is in tests/browser.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import html
import os
import re
import shlex
import shutil
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from click.testing import CliRunner, Result

import tests.browser as browser_helpers
from chronicle.archive.dates import parse_date
from chronicle.archive.index import Entry
from chronicle.archive.model import Article
from chronicle.archive.schema import read_curator
from chronicle.archive.store import ArticleStore
from chronicle.cli.main import main
from chronicle.ingest.add import add_path
from chronicle.text.normalize import make_slug

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_4163192e0dad8f11.txt"
FIXTURES = Path(__file__).parent / "fixtures"
# When the tests' articles entered the archive: fixed, so that built pages do not change by day.
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


# ---- this repo's site, built with MkDocs ------------------------------------------------------


def run_build(
    project: Path, *args: str, module: str = "mkdocs", **env: str
) -> subprocess.CompletedProcess[str]:
    """`python -m mkdocs build ARGS` (or `-m chronicle build`) in `project`, as a curator runs
    it, with extra environment variables; the caller checks the outcome."""
    return subprocess.run(
        [sys.executable, "-m", module, "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )


def build_log(project: Path, *args: str, module: str = "mkdocs", **env: str) -> str:
    """Build `project` (see run_build), failing with MkDocs' errors; returns the build's log."""
    result = run_build(project, *args, module=module, **env)
    assert result.returncode == 0, result.stderr
    return result.stderr


def build(project: Path) -> Path:
    """Build `project` quietly; returns its site folder, failing with MkDocs' errors."""
    build_log(project, "-q")
    return project / "site"


@pytest.fixture(scope="session")
def build_site() -> Callable[[Path], Path]:
    return build


@pytest.fixture(scope="session", name="build_log")
def build_log_fixture() -> Callable[..., str]:
    """`build_log(project, *args, module="mkdocs", **env)`: see build_log."""
    return build_log


@pytest.fixture(scope="session")
def mkdocs_build() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`mkdocs_build(project, *args, module="mkdocs", **env)`: see run_build."""
    return run_build


def cache_hits(log: str) -> tuple[int, int]:
    """The build cache's hits and misses, as a build's log reports them."""
    match = re.search(r"build cache: (\d+) hits?, (\d+) miss(?:es)?", log)
    assert match, log
    return int(match.group(1)), int(match.group(2))


@pytest.fixture(scope="session", name="cache_hits")
def cache_hits_fixture() -> Callable[[str], tuple[int, int]]:
    """`cache_hits(log)`: see cache_hits."""
    return cache_hits


def site_tree(site: Path) -> dict[str, bytes]:
    """Every file of a built site by its path, Pagefind's bundle included: two builds of one
    archive, incremental or clean, must be equal byte for byte (search/settle.py makes the
    bundle repeatable)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="session", name="site_tree")
def site_tree_fixture() -> Callable[[Path], dict[str, bytes]]:
    """`site_tree(site)`: see site_tree."""
    return site_tree


def page_html(site: Path, url: str) -> str:
    """The HTML of the page at `url` (e.g. "archive/2025") of a built site."""
    path = site / url / "index.html"
    assert path.exists(), f"no page at {url}"
    return path.read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """What a reader sees of some HTML: its text, entities decoded, each run of spaces one."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


@pytest.fixture(scope="session", name="page_html")
def page_html_fixture() -> Callable[[Path, str], str]:
    """`page_html(site, url)`: see page_html."""
    return page_html


@pytest.fixture(scope="session", name="text_of")
def text_of_fixture() -> Callable[[str], str]:
    """`text_of(html)`: see text_of."""
    return text_of


def with_plugin_options(config: str, options: Mapping[str, object]) -> str:
    """The text of an mkdocs.yml with the chronicle plugin's `options` set or added."""
    anchor = "\n  - chronicle:\n"
    for key, value in options.items():
        assert anchor in config, "mkdocs.yml lists no chronicle plugin to give options to"
        line = f"      {key}: {value}"
        # mkdocs.yml sets some options already (listing_page_size): YAML keeps the later of two
        # lines for one key, the file's own, so such a value is replaced where it stands.
        config, replaced = re.subn(
            rf"^      {re.escape(key)}: .*$", line, config, count=1, flags=re.M
        )
        if not replaced:
            config = config.replace(anchor, f"{anchor}{line}\n", 1)
    return config


def set_plugin_options(project: Path, **options: object) -> None:
    """Set or add the chronicle plugin's options in the mkdocs.yml of `project`."""
    config = project / "mkdocs.yml"
    config.write_text(
        with_plugin_options(config.read_text(encoding="utf-8"), options), encoding="utf-8"
    )


@pytest.fixture(scope="session", name="set_plugin_options")
def set_plugin_options_fixture() -> Callable[..., None]:
    """`set_plugin_options(project, **options)`: see set_plugin_options."""
    return set_plugin_options


def copy_site_scaffold(
    project: Path,
    *,
    entities: bool = False,
    plugin_options: Mapping[str, object] | None = None,
) -> Path:
    """This repo's site (mkdocs.yml, pages; the registry if asked), with no articles.
    `plugin_options`: the chronicle plugin's options in mkdocs.yml, set or added."""
    project.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        with_plugin_options(config, plugin_options or {}), encoding="utf-8"
    )
    if entities:
        shutil.copy(ROOT / "entities.yml", project / "entities.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    (project / "docs" / "articles").mkdir()
    return project


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    return copy_site_scaffold(tmp_path / "project")


@pytest.fixture(scope="session")
def site_scaffold(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """`site_scaffold(name, entities=False, plugin_options=None)`: a new temporary copy of this
    repo's site with no articles (see copy_site_scaffold), for module-scoped sites."""

    def scaffold(name: str, **options: Any) -> Path:
        return copy_site_scaffold(tmp_path_factory.mktemp(name) / "project", **options)

    return scaffold


def make_warc(records: list[tuple[str, str, bytes]], gzipped: bool = True) -> bytes:
    """A WARC of HTTP responses: [(url, content type, body)], written with warcio."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    for url, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-03T10:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


@pytest.fixture(scope="session", name="make_warc")
def make_warc_fixture() -> Callable[..., bytes]:
    """`make_warc(records, gzipped=True)`: see make_warc."""
    return make_warc


# ---- articles ---------------------------------------------------------------------------------

_TUPLES = {f.name for f in dataclasses.fields(Article) if f.type.startswith("tuple[")}


class ArticleFactory:
    """Articles for tests, four ways: `make` an Article in memory, or an archive index `entry`
    for one, `write` one into an archive folder as the store writes it, or `add` a text file to
    a site's archive as `chronicle add` does (reader, metadata cascade, enrichment)."""

    def make(self, **fields: Any) -> Article:
        """An Article with sensible defaults: titled "Talks stall" by a curator, no body, its id
        the title's slug. A date may be EDTF text; lists become the model's tuples."""
        fields.setdefault("title", "Talks stall")
        fields.setdefault("id", make_slug(fields["title"]))
        fields.setdefault("title_origin", "curator")
        fields.setdefault("body", "")
        if isinstance(fields.get("date"), str):
            fields["date"] = parse_date(fields["date"], "test")
        for name in _TUPLES & fields.keys():
            fields[name] = tuple(fields[name])
        return Article(**fields)

    def entry(self, **fields: Any) -> Entry:
        """`make(**fields)` as the archive index holds it: published at articles/ID/ from
        articles/ID.md."""
        article = self.make(**fields)
        return Entry(article, f"articles/{article.id}/", f"articles/{article.id}.md")

    def write(self, archive: Path, **fields: Any) -> Path:
        """Store `make(**fields)` under `archive` (e.g. a site's docs/articles); its path."""
        outcome = ArticleStore(archive).add(self.make(**fields))
        assert outcome.status == "added", outcome
        return outcome.path

    def add(self, project: Path, name: str, text: str, **meta: Any) -> Path:
        """Add `text`, as a file called `name`, to the site `project` as `chronicle add` does,
        with curator metadata (title=, date=, source=, topics=...); the stored file."""
        src = project / "inbox" / name
        src.parent.mkdir(exist_ok=True)
        src.write_text(text, encoding="utf-8")
        store = ArticleStore(project / "docs" / "articles")
        (outcome,) = add_path(store, src, read_curator("test", meta), now=NOW)
        assert outcome.status == "added", outcome.detail
        return project / outcome.detail


@pytest.fixture(scope="session")
def articles() -> ArticleFactory:
    return ArticleFactory()


# ---- the command line -------------------------------------------------------------------------


def run_cli(*args: str | os.PathLike[str], exit_code: int | None = 0) -> Result:
    """Run `chronicle ARGS` in this process. Fails the test, showing the output, when the exit
    code is not `exit_code` (None: any), and whenever the command raised an exception of its
    own: a user's mistake must end in a message, never a traceback."""
    argv = [os.fspath(a) for a in args]
    result = CliRunner().invoke(main, argv)
    command = f"chronicle {shlex.join(argv)}"
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        trace = "".join(traceback.format_exception(*result.exc_info))
        pytest.fail(f"`{command}` raised:\n{result.output}\n{trace}")
    if exit_code is not None and result.exit_code != exit_code:
        pytest.fail(
            f"`{command}` exited {result.exit_code}, expected exit code {exit_code}:\n"
            f"{result.output}"
        )
    return result


@pytest.fixture(scope="session")
def cli() -> Callable[..., Result]:
    """`cli(*args, exit_code=0)`: see run_cli."""
    return run_cli


# ---- the example site: entities, quotes, a hand-edited article --------------------------------

LATER = (
    "Hamas rejected the plan again on Monday, a week after the first talks.\n"
    "“We will not sign this,” said Basem Naim, a Hamas spokesman. "
    "Israel Katz answered within the hour.\n"
)


@pytest.fixture(scope="session")
def example_site(
    site_scaffold: Callable[..., Path], articles: ArticleFactory, seed_text: str
) -> Path:
    """The seed and a later article, with this repo's registry (people, organisations, quotes),
    and a hand-edited article naming an entity the registry does not hold; built."""
    project = site_scaffold("example", entities=True)
    articles.add(
        project,
        "seed.txt",
        seed_text,
        title="Seed devised title",
        date="2025-03-21~",
        source="unknown",
    )
    articles.add(project, "later.txt", LATER, title="Hamas rejects plan", date="2025-03-28")
    hand = project / "docs" / "articles" / "2025" / "03" / "29" / "hand.md"
    hand.parent.mkdir(parents=True)
    hand.write_text(
        "---\nid: hand\ntitle: Hand made\ndate: '2025-03-29'\nsource: null\n"
        "people: [Nobody Known]\norganisations: [Hamas]\n---\nHamas met.\n",
        encoding="utf-8",
    )
    return build(project)


# ---- Chromium ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def serve_site() -> Iterator[Callable[[Path], str]]:
    """`serve_site(site)`: the base URL of a built site served on 127.0.0.1 for the session."""
    with contextlib.ExitStack() as servers:
        urls: dict[Path, str] = {}

        def serve(site: Path) -> str:
            if site not in urls:
                urls[site] = servers.enter_context(browser_helpers.serve(site))
            return urls[site]

        yield serve


# Module scope, not session: a test that starts Playwright itself cannot while another instance
# is running in the same process.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    reason = browser_helpers.missing_chromium()
    if reason:
        pytest.fail(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(browser_helpers.CHROMIUM), args=browser_helpers.CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """`open_page(**context_options)`: a page in a new browser context (a viewport, no
    JavaScript...). The test fails on any JavaScript error or console error of its pages and
    on any request that leaves 127.0.0.1."""
    contexts = []
    errors: list[str] = []

    def new_page(**options: Any) -> Page:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        browser_helpers.guard(page, errors)
        return page

    yield new_page
    for context in contexts:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(open_page: Callable[..., Page]) -> Page:
    return open_page()


@pytest.fixture
def search_page(page: Page) -> browser_helpers.SearchPage:
    return browser_helpers.SearchPage(page)
