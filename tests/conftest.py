from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tests.browser as browser_args

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_4163192e0dad8f11.txt"
FIXTURES = Path(__file__).parent / "fixtures"


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


@pytest.fixture
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (../shared is absent)")
    return SEED


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


def copy_site_scaffold(
    project: Path, *, entities: bool = False, mkdocs_config: str | None = None
) -> Path:
    """This repo's site (mkdocs.yml, overrides, pages; the registry if asked), with no articles."""
    project.mkdir(parents=True, exist_ok=True)
    config = mkdocs_config or (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    if entities:
        shutil.copy(ROOT / "entities.yml", project / "entities.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    (project / "docs" / "articles").mkdir()
    return project


@pytest.fixture
def site_project(tmp_path: Path) -> Path:
    return copy_site_scaffold(tmp_path / "project")


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


# -- Chromium for the search pages' browser tests; each module's `base_url` fixture names its site


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(browser_args.CHROMIUM), args=browser_args.CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    # No request may leave 127.0.0.1 (no CDN, no fonts).
    page.route(
        re.compile(r"^https?://(?!127\.0\.0\.1[:/])"),
        lambda route: (errors.append(f"external request {route.request.url}"), route.abort()),
    )
    yield page
    context.close()
    assert not errors, errors
