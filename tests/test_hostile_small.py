"""The small cases that once ended in "unexpected error, please report it" or in a name some
file system refuses: a malformed canonical address, character references that name no
character, a WARC record with no target URI, a 255-byte file name, a title such as CON."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from chronicle.archive.store import ArticleStore
from chronicle.ingest.readers import read_bytes
from chronicle.ingest.readers.feed import read_feed
from chronicle.text.normalize import make_slug

LEDE = (
    "Negotiators met again in the capital on Tuesday, officials said, and talks went on late "
    "into the night. Delegations from both sides reviewed the draft text line by line."
)


@pytest.fixture
def project(tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new archive, the current folder (as a curator runs `chronicle add` in it)."""
    cli("init", tmp_path / "a", "--title", "A")
    monkeypatch.chdir(tmp_path / "a")
    return tmp_path / "a"


def page(head: str, title: str = "Talks stall in the capital") -> bytes:
    return (
        f"<html><head><title>{title}</title>{head}</head><body><article><h1>{title}</h1>"
        f"<p>{LEDE}</p><p>{LEDE}</p></article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "head",
    [
        '<link rel="canonical" href="http://[::1/x">',
        '<link rel="canonical" href="https://example.org:99999/x">',
        '<meta property="og:url" content="http://[oops/story">',
        '<link rel="canonical" href="javascript:alert(1)">',
    ],
)
def test_a_malformed_declared_address_is_no_address(head: str):
    (draft,) = read_bytes(page(head), "story.html")
    assert draft.title == "Talks stall in the capital"
    assert draft.url is None


def test_a_good_canonical_address_is_still_read():
    (draft,) = read_bytes(page('<link rel="canonical" href="https://example.org/a">'), "s.html")
    assert draft.url == "https://example.org/a"


def feed(title: str, description: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item>'
        f"<title>{title}</title><guid>g1</guid><description>{description}</description>"
        "</item></channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    "reference",
    ["&#xD800;", "&#55296;", "&#0;", "&#x110000;", "&#x0000000dfff;", "&#" + "9" * 5000 + ";"],
)
def test_a_character_reference_naming_no_character_becomes_the_replacement_character(
    reference: str,
):
    (draft,) = read_feed(feed(f"Talks {reference} stall", f"{LEDE} {reference}"), "wire.xml")
    assert draft.title == "Talks \ufffd stall"
    assert draft.text.endswith("\ufffd")


def test_good_character_references_are_kept():
    (draft,) = read_feed(feed("Caf&#233; &#x41;&#0065;", LEDE), "wire.xml")
    assert draft.title == "Café AA"


def warc_with_one_record_without_uri() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, title in [(None, "Lost address"), ("https://example.org/a", "Talks stall")]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url or "",
            "response",
            payload=io.BytesIO(page("", title)),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-03T10:00:00Z"},
        )
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return out.getvalue()


def test_a_warc_record_without_target_uri_is_skipped_with_one_line(
    tmp_path: Path, project: Path, cli: Callable[..., Result]
):
    capture = tmp_path / "capture.warc.gz"
    capture.write_bytes(warc_with_one_record_without_uri())
    result = cli("add", capture, "--date", "2024-05-03", "--source", "Wire")
    notes = [line for line in result.output.splitlines() if "target URI" in line]
    assert len(notes) == 1, result.output
    assert all("record 1 names no target URI; skipped" in line for line in notes)
    (stored,) = ArticleStore(project / "docs" / "articles").iter_articles()
    assert stored[1].title == "Talks stall"
    assert stored[1].url == "https://example.org/a"


@pytest.mark.parametrize(
    "stem",
    ["a" * 251, "é" * 125 + "x", "記" * 83 + "xx"],
    ids=["ascii", "accented", "cjk"],
)
def test_a_255_byte_file_name_is_added_under_the_limits(
    tmp_path: Path, project: Path, cli: Callable[..., Result], stem: str
):
    name = stem + ".txt"
    assert len(name.encode()) == 255
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_text(LEDE + "\n", encoding="utf-8")
    result = cli("add", inbox, "--title", stem, "--date", "2025-01-02")
    assert "added      docs/articles/2025/01/02/" in result.output, result.output
    archive = project / "docs" / "articles"
    (path, article) = next(ArticleStore(archive).iter_articles())
    assert article.provenance is not None
    assert article.provenance.original_name == name  # nothing lost: the name as given
    assert article.title == stem
    for part in [*path.relative_to(project).parts, article.id]:
        assert len(part.encode()) <= 255


@pytest.mark.parametrize(
    "title", ["CON", "nul", "Aux", "COM1", "lpt9", "PRN"], ids=lambda t: t.lower()
)
def test_windows_device_names_never_become_slugs(title: str):
    slug = make_slug(title)
    assert slug == title.lower() + "-1"
    assert make_slug("Conference") == "conference"


def test_a_title_such_as_con_gives_a_file_windows_can_check_out(
    tmp_path: Path, project: Path, cli: Callable[..., Result]
):
    for name, title in [("one.txt", "NUL"), ("two.txt", "con"), ("three.md", "COM1")]:
        (tmp_path / name).write_text(f"{title} {LEDE}\n", encoding="utf-8")
        cli("add", tmp_path / name, "--title", title, "--date", "2025-01-02")
    (tmp_path / "u.txt").write_text(f"Undated {LEDE}\n", encoding="utf-8")
    cli("add", tmp_path / "u.txt", "--title", "aux", "--date", "unknown")
    archive = project / "docs" / "articles"
    stems = sorted(p.stem for p, _ in ArticleStore(archive).iter_articles())
    assert stems == ["aux-1", "com1-1", "con-1", "nul-1"]


@pytest.mark.skipif(sys.platform == "win32", reason="the test makes a 255-byte name")
def test_four_byte_letters_keep_a_slug_under_the_file_name_limit():
    slug = make_slug("\U00020000" * 100, max_length=80)
    assert len(slug.encode()) <= 240
    assert slug == "\U00020000" * 60


@pytest.mark.parametrize(
    "registry",
    [
        "people:\n  - name: [oops\n",
        "- name: Basem Naim\n  kind: person\n- name: basem naim\n  kind: person\n",
        "- name: Hamas\n  kind: band\n",
    ],
    ids=["yaml", "twice", "kind"],
)
def test_a_broken_registry_is_reported_once_by_its_name(
    tmp_path: Path, project: Path, cli: Callable[..., Result], registry: str
):
    (project / "entities.yml").write_text(registry, encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(3):
        (inbox / f"{n}.txt").write_text(f"Story {n}. {LEDE}\n", encoding="utf-8")
    result = cli("add", inbox, "--date", "2025-01-02", exit_code=1)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "entities.yml: " in lines[0] and "nothing was added" in lines[0]
    assert not list((project / "docs" / "articles").rglob("*.md"))


@pytest.mark.skipif(sys.platform == "win32", reason="a file size limit is a POSIX resource limit")
def test_originals_that_cannot_be_written_are_named_in_one_line(project: Path):
    """A file size limit refuses the first large write, the original's, as a full disk would,
    with an error that names no file: the message names the originals folder, not the archive."""
    import resource
    import subprocess

    (project / "big.txt").write_text(LEDE * 200, encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (16_000, 16_000))

    result = subprocess.run(
        [sys.executable, "-m", "chronicle", "add", "big.txt", "--language", "en"],
        cwd=project,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "Error: cannot write originals: File too large", result.stderr
    assert not list((project / "docs" / "articles").rglob("*.md"))
    assert not [p for p in project.rglob("*.tmp")]
