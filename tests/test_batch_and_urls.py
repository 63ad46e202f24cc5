"""`chronicle add` over a folder of good and bad inputs, and over URLs served on 127.0.0.1."""

import gzip
import http.server
import shutil
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import FIXTURES

GOOD = ("html_with_json_ld.html", "feed_atom.xml", "article_with_front_matter.md")


def make_inbox(root: Path, make_warc: Callable[..., bytes]) -> Path:
    inbox = root / "inbox"
    (inbox / "sub").mkdir(parents=True)
    for name in GOOD:
        shutil.copy(FIXTURES / name, inbox / name)
    page = (FIXTURES / "html_latin1.html").read_bytes()
    (inbox / "sub" / "zeitung.html.gz").write_bytes(gzip.compress(page, mtime=0))
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (inbox / "big.txt").write_bytes(b"word " * 300_000)  # 1.5 MB, over --max-size 1
    (inbox / "truncated.html.gz").write_bytes(gzip.compress(page, mtime=0)[:50])
    shutil.copy(FIXTURES / "html_without_article.html", inbox / "nav.html")
    shutil.copy(FIXTURES / "feed_not_xml.rss", inbox / "broken.rss")
    (inbox / "images.warc.gz").write_bytes(
        make_warc([("https://x.example/a.png", "image/png", b"PNG")])
    )
    (inbox / "dated.txt").write_text("A clipping with a curator sidecar. It has a bad date.\n")
    (inbox / "dated.yml").write_text("date: 31/02/2024\n")
    (inbox / "gold.jsonl").write_text('{"id": 1}\n')
    # The same page saved again: other bytes (a comment), the same text.
    again = (FIXTURES / "html_with_json_ld.html").read_bytes() + b"<!-- saved again -->\n"
    (inbox / "sub" / "same-page-again.htm").write_bytes(again)
    return inbox


BAD = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "big.txt": "over the 1 MB limit",
    "truncated.html.gz": "truncated",
    "nav.html": "no article text",
    "broken.rss": "not a readable feed",
    "images.warc.gz": "no HTML page captures",
    "dated.txt": "31/02/2024",
    "gold.jsonl": "JSON data",
}


def test_batch_adds_the_good_reports_the_bad_and_leaves_nothing_behind(tmp_path, cli, make_warc):
    inbox = make_inbox(tmp_path, make_warc)
    archive = tmp_path / "docs" / "articles"
    args = ("--archive", archive, "--max-size", "1", "--jobs", "2")
    result = cli("add", inbox, *args, exit_code=1)
    assert "Traceback" not in result.output
    stored = sorted(p.name for p in archive.rglob("*.md"))
    assert len(stored) == 4, stored  # page, atom entry, markdown, the gzip page
    for name, reason in BAD.items():
        (line,) = [x for x in result.output.splitlines() if x.startswith("failed:") and name in x]
        assert reason in line, line
    assert "skipped: duplicate" in result.output
    # The same page (its address) captured again with the same text: nothing changed.
    (again,) = [x for x in result.output.splitlines() if "same-page-again.htm" in x]
    assert again.startswith("unchanged") and "already in the archive as" in again
    # Originals: one per added input, none for the failures.
    kept = [p for p in (tmp_path / "originals").rglob("*") if p.is_file()]
    assert len(kept) == 4
    assert not [p for p in tmp_path.rglob(".*.tmp")]
    cli("check", "--archive", archive)


def test_batch_is_deterministic_whatever_the_worker_count(tmp_path, cli, make_warc):
    def stored(jobs: str) -> dict[str, str]:
        root = tmp_path / jobs
        inbox = make_inbox(root, make_warc)
        archive = root / "docs" / "articles"
        args = ("--archive", archive, "--max-size", "1", "--jobs", jobs)
        cli("add", inbox, *args, exit_code=1)  # the bad inputs fail
        return {
            str(p.relative_to(archive)): "\n".join(
                x
                for x in p.read_text().splitlines()
                if "original_name" not in x and "added:" not in x
            )
            for p in archive.rglob("*.md")
        }

    assert stored("1") == stored("2")


def test_a_clean_batch_exits_zero_with_a_summary(tmp_path, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in GOOD:
        shutil.copy(FIXTURES / name, inbox / name)
    result = cli("add", inbox, "--archive", tmp_path / "docs" / "articles")
    assert "chronicle add" in result.output and "added" in result.output


@pytest.fixture
def server(tmp_path):
    """A local HTTP server on 127.0.0.1 serving tmp_path/www (never the internet)."""
    www = tmp_path / "www"
    www.mkdir()
    shutil.copy(FIXTURES / "html_with_json_ld.html", www / "story.html")
    (www / "huge.html").write_bytes(b"<html><body>" + b"<p>word</p>" * 200_000)

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(www), **kwargs)

        def log_message(self, *args):
            pass

        def do_GET(self):
            Handler.user_agent = self.headers.get("User-Agent")
            super().do_GET()

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # the client hanging up on an oversized page is expected

    httpd = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", Handler
    httpd.shutdown()
    httpd.server_close()


def test_url_is_fetched_and_recorded(tmp_path, server, cli):
    base, handler = server
    archive = tmp_path / "docs" / "articles"
    cli("add", f"{base}/story.html", "--archive", archive)
    assert handler.user_agent.startswith("Chronicle/")
    text = next(archive.rglob("*.md")).read_text()
    assert f"original_url: {base}/story.html" in text
    assert "retrieved:" in text and "reader: html" in text
    assert "title: Harbour works resume after storm" in text


def test_url_failures_are_one_line(tmp_path, server, cli):
    base, _ = server
    with socket.socket() as s:  # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    archive = tmp_path / "docs" / "articles"
    result = cli(
        "add",
        f"{base}/missing.html",
        f"{base}/huge.html",
        f"http://127.0.0.1:{closed}/x.html",
        "--archive",
        archive,
        "--max-size",
        "1",
        "--timeout",
        "5",
        exit_code=1,
    )
    assert "404" in result.output and "over the 1 MB limit" in result.output
    assert "cannot fetch the page" in result.output and "Traceback" not in result.output
    assert not list(archive.rglob("*.md"))


def test_a_guessed_encoding_is_in_the_batch_summary(tmp_path, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("A clipping in UTF-8. Nothing to say.\n", encoding="utf-8")
    (inbox / "b.txt").write_bytes("Le café ... après ... déjà ...\n".encode("cp1252"))
    archive = tmp_path / "docs" / "articles"
    result = cli("add", inbox, "--archive", archive, "--jobs", "2")
    assert f"warning: {inbox / 'b.txt'}: decoded as cp1252 (not UTF-8)" in result.output
    assert "a.txt: decoded" not in result.output


def test_urls_are_sent_as_a_browser_sends_them(tmp_path, server, cli):
    """An accented path is percent-encoded (the page is found); a space or a control character
    is the user's typo at worst, reported in one line, never as a bug."""
    base, _ = server
    www = tmp_path / "www"
    shutil.copy(www / "story.html", www / "actualité du port.html")
    archive = tmp_path / "docs" / "articles"
    cli("add", f"{base}/actualité du port.html", "--archive", archive)
    assert "original_url: " in next(archive.rglob("*.md")).read_text()
    result = cli("add", f"{base}/a\x01b.html", "http://[::1", "--archive", archive, exit_code=1)
    assert "unexpected error" not in result.output and "Traceback" not in result.output
    assert "404" in result.output and "not a valid URL" in result.output
