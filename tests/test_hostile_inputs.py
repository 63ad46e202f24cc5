"""Hostile and accidental inputs, one family at a time: each ends in an article or a one-line
error, within bounds, and nothing from it can act on a page or on the curator's terminal."""

from __future__ import annotations

import gzip
import http.server
import os
import stat
import threading
import time
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.toc import get_toc

from chronicle.archive.files import write_atomic
from chronicle.archive.front_matter import parse_yaml
from chronicle.archive.limits import Limits, check_limits
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError, FrontMatterError, ReaderError
from chronicle.ingest.fetch import fetch
from chronicle.ingest.inputs import Refused, expand_inputs
from chronicle.ingest.readers import read_bytes, sniff
from chronicle.ingest.readers.decode import MAX_DECOMPRESSED
from chronicle.site.sanitize import clean_html, clean_toc
from chronicle.text.terminal import printable
from tests.conftest import NOW, make_warc

LEDE = "Negotiators met again in the capital on Tuesday, officials said, and talks went on.\n"


def stored(archive: Path, name: str, front: str, body: str = "Body.\n") -> Path:
    path = archive / "2025" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def read_error(tmp_path: Path, front: str, body: str = "Body.\n") -> str:
    archive = tmp_path / "articles"
    path = stored(archive, "a.md", front, body)
    with pytest.raises(FrontMatterError) as caught:
        ArticleStore(archive).read(path)
    message = str(caught.value)
    assert "\n" not in message and "a.md" in message
    return message


# ---- stored files, validated on read ------------------------------------------------------------

BASE = "id: a\ntitle: T\nsource: null\n"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (BASE + "date: '0000'\n", "'date': year 0 is outside 1 to 9999"),
        (BASE + "date: '-0044'\n", "'date': year -44 is outside 1 to 9999"),
        ('id: a\ntitle: "T\\x1b]0;owned\\x07"\nsource: null\n', "'title': holds the control"),
        (BASE + 'authors: ["A\\x00"]\n', "'authors': holds the control character U+0000"),
        (BASE + 'topics: ["T\\x0cX"]\n', "'topics': holds the control character U+000C"),
        (BASE + 'summary: "S\\x08"\n', "'summary': holds the control character U+0008"),
        ("id: a\ntitle: " + "x" * 3000 + "\nsource: null\n", "'title': 3,000 characters, over"),
        (
            BASE + "authors: [" + ", ".join(f"a{i}" for i in range(2001)) + "]\n",
            "'authors': 2,001 entries",
        ),
    ],
)
def test_a_bad_stored_file_is_refused_on_read_naming_file_key_and_problem(
    tmp_path, front, expected
):
    assert expected in read_error(tmp_path, front)


def test_a_control_character_or_a_bracket_storm_in_the_body_is_refused(tmp_path):
    assert "'body': holds the control character U+001B (line 2)" in read_error(
        tmp_path, BASE, "ok\nbad \x1b[2J\n"
    )
    message = read_error(tmp_path, BASE, "[" * 90_000 + "\n")
    assert "'body': a paragraph has 90,000 '['" in message


def test_a_yaml_alias_bomb_is_refused_quickly_and_small(tmp_path):
    lines = ["  a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"  a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    front = BASE + "extra:\n" + "\n".join(lines) + "\n"
    assert len(front) < 1500
    started = time.monotonic()
    message = read_error(tmp_path, front)
    assert "expands to over 100,000 values" in message
    assert time.monotonic() - started < 2


def test_deep_nesting_in_front_matter_is_a_one_line_error():
    with pytest.raises(FrontMatterError) as caught:
        parse_yaml("extra: " + "[" * 100_000 + "]" * 100_000 + "\n", "deep.md")
    assert "deep.md" in str(caught.value)
    meta = {"extra": {"k": [[[[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]]]]}}
    with pytest.raises(FrontMatterError, match="nested deeper than the limit of 20"):
        from chronicle.archive.schema import article_from_mapping

        article_from_mapping("x.md", {"id": "a", "title": "T", **meta}, "")


def test_limits_can_be_changed(articles):
    article = articles.make(title="A title of forty characters, more or less")
    check_limits("x.md", article)
    with pytest.raises(FrontMatterError, match="over the limit of 10"):
        check_limits("x.md", article, Limits(text=10))


# ---- ingest: cleaned, bounded -------------------------------------------------------------------


def test_control_characters_from_an_input_are_cleaned_before_storing(tmp_path, cli):
    archive = tmp_path / "articles"
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Clear\x1b[2J screen\x07</title></head><body><article>"
        f"<p>{LEDE}</p><p>Body \x1b[31mred\x1b[0m, {LEDE}</p></article></body></html>",
        encoding="utf-8",
    )
    result = cli("add", page, "--archive", archive)
    assert "\x1b" not in result.output and "\x07" not in result.output
    (path,) = ArticleStore(archive).files()
    article = ArticleStore(archive).read(path)  # validated on read
    assert "\x1b" not in article.title + article.body and "screen" in article.title
    # Front matter the curator wrote is refused, naming the key, rather than changed.
    src = tmp_path / "in.md"
    src.write_text('---\ntitle: "Clear\\x1b[2J"\n---\n' + LEDE, encoding="utf-8")
    result = cli("add", src, "--archive", archive, exit_code=1)
    assert "'title': holds the control character U+001B" in result.output
    assert "\x1b" not in result.output


def test_the_terminal_sees_escapes_not_control_sequences():
    assert printable("a\x1b]0;t\x07b\u202ec\nd") == "a\\x1b]0;t\\x07b\\u202ec\\x0ad"
    assert printable("plain, accentué\ttab") == "plain, accentué\ttab"


def test_an_article_over_a_limit_is_refused_at_ingest(tmp_path, cli):
    src = tmp_path / "big.md"
    src.write_text("---\ntitle: " + "T" * 5000 + "\n---\n" + LEDE, encoding="utf-8")
    result = cli("add", src, "--archive", tmp_path / "articles", exit_code=1)
    assert "'title': 5,000 characters, over the limit of 2,000" in result.output
    assert not (tmp_path / "articles").exists() or not list((tmp_path / "articles").rglob("*.md"))


def test_a_text_or_markdown_file_mentioning_body_is_read_as_itself():
    text = b"---\ntitle: About HTML\n---\nPut the text in <body> and the <html> root.\n"
    assert sniff(text, "note.md") == "markdown"
    assert sniff(b"The <body> element holds the page.\n", "note.txt") == "text"
    assert sniff(b"<!doctype html><html><body>x</body></html>", "saved.txt") == "html"
    (draft,) = read_bytes(text, "note.md")
    assert draft.reader == "markdown" and "<body>" in draft.text


def test_links_out_of_a_walked_folder_are_refused(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    secret = tmp_path / "private.txt"
    secret.write_text("private note\n", encoding="utf-8")
    (inbox / "ok.txt").write_text(LEDE, encoding="utf-8")
    (inbox / "inside.txt").symlink_to(inbox / "ok.txt")
    (inbox / "secret.txt").symlink_to(secret)
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "dangling.txt").symlink_to(tmp_path / "nowhere")
    (inbox / "folder").symlink_to(tmp_path, target_is_directory=True)
    found = list(expand_inputs([inbox]))
    refused = {Path(str(i)).name for i in found if isinstance(i, Refused)}
    assert {"secret.txt", "passwd.txt", "dangling.txt"} <= refused
    assert not any("private" in str(i) and not isinstance(i, Refused) for i in found)
    read = {Path(i).name for i in found if isinstance(i, Path)}
    assert read == {"ok.txt", "inside.txt"}
    # Named on the command line, a link is the curator's choice.
    assert list(expand_inputs([inbox / "secret.txt"])) == [inbox / "secret.txt"]


def test_a_link_out_is_reported_as_failed_and_its_text_is_not_stored(tmp_path, cli):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (tmp_path / "private.txt").write_text("The private note says hello.\n", encoding="utf-8")
    (inbox / "note.txt").symlink_to(tmp_path / "private.txt")
    (inbox / "ok.txt").write_text(LEDE, encoding="utf-8")
    result = cli("add", inbox, "--archive", tmp_path / "articles", exit_code=1)
    assert "a link to a file outside" in result.output
    stored_text = "".join(p.read_text() for p in (tmp_path / "articles").rglob("*.md"))
    assert "private note" not in stored_text


# ---- compression bombs and slow servers ---------------------------------------------------------


def _bomb(size: int) -> bytes:
    """`size` zero bytes, gzipped in streamed pieces (a few hundred KB per GB)."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    out = [packer.compress(chunk) for _ in range(size >> 20)]
    return b"".join(out) + packer.flush()


def test_a_double_gzip_bomb_is_refused_without_expanding(tmp_path):
    inner = _bomb(MAX_DECOMPRESSED * 2)
    double = gzip.compress(inner)
    started = time.monotonic()
    with pytest.raises(ReaderError) as caught:
        read_bytes(double, "page.html.gz")
    assert "another compressed file" in caught.value.reason
    with pytest.raises(ReaderError) as caught:
        read_bytes(inner, "page.html.gz")
    assert "expands to more than 200 MB" in caught.value.reason
    assert time.monotonic() - started < 20


def test_a_warc_gz_bomb_is_refused_within_the_cap():
    bomb = _bomb(MAX_DECOMPRESSED + (8 << 20))
    started = time.monotonic()
    with pytest.raises(ReaderError) as caught:
        read_bytes(bomb, "capture.warc.gz")
    assert "expands to more than 200 MB" in caught.value.reason
    assert time.monotonic() - started < 20


def test_a_warc_record_without_target_uri_or_with_a_huge_page_is_no_crash():
    page = b"<html><body><article><p>" + LEDE.encode() * 20 + b"</p></article></body></html>"
    drafts = read_bytes(make_warc([("https://e.org/a", "text/html", page)]), "a.warc.gz")
    assert len(drafts) == 1


class _Drip(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(100):
            self.wfile.write(b"<")
            self.wfile.flush()
            time.sleep(0.3)

    def log_message(self, *args: object) -> None:
        pass


def test_timeout_stops_a_server_that_sends_one_byte_at_a_time():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Drip)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        started = time.monotonic()
        with pytest.raises(ReaderError) as caught:
            fetch(f"http://127.0.0.1:{server.server_address[1]}/", max_bytes=10**6, timeout=2)
        assert "did not arrive within 2 s" in caught.value.reason
        assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        server.server_close()


# ---- what is written, and what reaches a page ---------------------------------------------------


def test_written_files_get_the_umasks_mode(tmp_path):
    target = tmp_path / "feed.xml"
    write_atomic(target, "x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask


def _toc(source: str) -> tuple[str, list]:
    md = markdown.Markdown(extensions=["toc", "attr_list"])
    body = clean_html(md.convert(source))
    toc = get_toc(md.toc_tokens).items
    return clean_toc(body, toc), toc


@pytest.mark.parametrize(
    "attributes",
    [
        "{: id='\"onfocus=alert(1) autofocus x=\"' }",
        "{: id='\"><svg onload=alert(2)>' }",
        "{: data-toc-label='<img src=x onerror=alert(3)>' }",
        "{: id='a b' }",
        "{: id='' }",
    ],
)
def test_the_table_of_contents_is_safe_to_print_unescaped(attributes):
    body, toc = _toc(f"## Background {attributes}\n\ntext\n\n## Background\n")
    for item in toc:
        assert not any(c in item.id for c in "\"'<> &="), item.id
        assert "<" not in item.title
    first = toc[0]
    assert f'id="{first.id}"' in body
    assert len({item.id for item in toc}) == 2


def test_an_article_that_cannot_be_read_is_left_out_of_the_build(
    site_project, articles, mkdocs_build
):
    articles.write(site_project / "docs" / "articles", title="Good one", date="2025-01-02")
    stored(site_project / "docs" / "articles", "bad.md", BASE + "date: '0000'\n")
    result = mkdocs_build(site_project)
    assert result.returncode == 0, result.stderr
    assert "'date': year 0 is outside 1 to 9999; this article is left out" in result.stderr
    assert (site_project / "site" / "articles" / "good-one" / "index.html").exists() or any(
        "good-one" in str(p) for p in (site_project / "site").rglob("index.html")
    )
    strict = mkdocs_build(site_project, "--strict")
    assert strict.returncode != 0 and "Traceback" not in strict.stderr


def test_store_refuses_what_it_could_not_read_back(tmp_path, articles):
    store = ArticleStore(tmp_path / "articles", limits=Limits(summary=10))
    with pytest.raises(ChronicleError, match="'summary'"):
        store.add(articles.make(title="T", summary="a summary longer than ten", date="2025"))
    assert NOW.year == 2026


def test_a_title_of_control_characters_only_is_refused_not_stored_empty(tmp_path, articles):
    store = ArticleStore(tmp_path / "articles")
    with pytest.raises(FrontMatterError, match="'title'"):
        store.add(articles.make(title="\x1b\x07", id="control"))
    assert not list((tmp_path / "articles").rglob("*.md"))
