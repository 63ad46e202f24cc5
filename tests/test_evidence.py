"""Where each field came from: the reader's evidence for the authors, `chronicle check`'s warning
for a date guessed from the text, and `chronicle show` listing the evidence; small pages written
for each case, added to real temporary archives."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.archive.evidence import date_guessed, record_evidence
from chronicle.ingest.readers.page_metadata import extract_page_metadata

TEXT = "<p>The harbour wall was repaired over the winter and the boats are back in. </p>" * 8
GUESSED = (
    f"<html><head></head><body><h1>Harbour reopens</h1><p>14 March 2023</p>{TEXT}</body></html>"
)
DECLARED = (
    '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle", '
    '"headline": "Boats return", "datePublished": "2024-03-01T09:00:00+01:00", '
    '"author": {"@type": "Person", "name": "Jane Doe"}, '
    '"publisher": {"@type": "Organization", "name": "Coast Herald"}}</script>'
    "<meta property='article:published_time' content='2024-03-01T09:00:00+01:00'></head>"
    f"<body><h1>Boats return</h1>{TEXT}</body></html>"
)


def metadata(page: str):
    return extract_page_metadata(lxml.html.document_fromstring(page))


@pytest.mark.parametrize(
    ("head", "body", "names", "words"),
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"author": {"@type": "Person", "name": "Jane Doe"}}</script>',
            "",
            ("Jane Doe",),
            "JSON-LD author",
        ),
        (
            "<meta property='article:author' content='Ann Lee'>",
            "",
            ("Ann Lee",),
            "meta article:author",
        ),
        ("", "<p>By Sam Stone</p>", ("Sam Stone",), "byline under the headline"),
        (
            "",
            '<p><a rel="author" href="/people/kim">Kim Park</a></p>',
            ("Kim Park",),
            'rel="author" link',
        ),
        (
            "<meta name='author' content='Coast Herald'>"
            "<meta property='og:site_name' content='Coast Herald'>",
            "",
            ("Coast Herald",),
            "meta author, the site's own name",
        ),
        ("", "", (), "none found"),
    ],
)
def test_the_authors_say_where_they_were_read(head: str, body: str, names, words: str):
    page = f"<html><head>{head}</head><body><h1>Harbour reopens</h1>{body}{TEXT}</body></html>"
    meta = metadata(page)
    assert meta.authors == names
    assert meta.evidence["authors"] == words


def test_the_evidence_of_a_declared_page_names_each_signal():
    meta = metadata(DECLARED)
    assert meta.evidence == {
        "title": "JSON-LD headline",
        "date": "JSON-LD, meta tag",
        "authors": "JSON-LD author",
        "source": "JSON-LD publisher",
    }


def test_standings_follow_the_origins_and_the_stored_words(articles):
    guessed = articles.make(
        date=ArticleDate(2023, 3, 14, uncertain=True),
        date_origin="source",
        extra={"evidence": {"date": "text; uncertain: no declared date"}},
    )
    assert date_guessed(guessed)
    by_field = {f.field: f for f in record_evidence(guessed)}
    assert by_field["date"].standing == "guessed" and by_field["date"].uncertain
    assert by_field["date"].words == "text; uncertain: no declared date"
    curated = articles.make(date=ArticleDate(2023, 3, 14), date_origin="curator", authors=())
    by_field = {f.field: f for f in record_evidence(curated)}
    assert not date_guessed(curated) and by_field["date"].standing == "curator"
    assert by_field["authors"].standing == "unknown" and by_field["authors"].words == ""


@pytest.fixture
def archive(tmp_path: Path, cli) -> Path:
    """A project with two web pages added: one dated only in its text, one that declares all."""
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "guessed.html").write_text(GUESSED, encoding="utf-8")
    (inbox / "declared.html").write_text(DECLARED, encoding="utf-8")
    archive = tmp_path / "docs" / "articles"
    cli("add", inbox / "guessed.html", "--archive", archive, "--source", "Coast Herald")
    cli("add", inbox / "declared.html", "--archive", archive)
    return archive


def test_check_warns_of_a_date_guessed_from_the_text_with_its_evidence(archive: Path, cli):
    out = cli("check", "--archive", archive).output
    line = next(line for line in out.splitlines() if "guessed from the text" in line)
    assert line.startswith("warning") and "harbour-reopens.md" in line
    assert "14 March 2023? (uncertain)" in line
    assert "evidence “dateline, text; uncertain: no declared date”" in line
    assert "boats-return" not in out  # a declared, certain date is not a finding
    assert "date is" not in out  # one finding for the guessed date, not two
    data = json.loads(cli("check", "--archive", archive, "--json").output)
    (found,) = [f for f in data["findings"] if "guessed from the text" in f["message"]]
    assert found["level"] == "warning" and "no declared date" in found["message"]


def test_check_keeps_its_other_date_findings(tmp_path: Path, cli):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    note = tmp_path / "note.txt"
    note.write_text("A note with no date about the rain in the harbour town.", encoding="utf-8")
    cli("add", note, "--archive", tmp_path / "docs" / "articles", "--date", "2025-03~")
    out = cli("check", "--archive", tmp_path / "docs" / "articles").output
    assert "date is c. March 2025 (approximate)" in out and "guessed" not in out


def test_show_lists_where_each_field_came_from(archive: Path, cli):
    out = cli("show", "2023-03-14-harbour-reopens", "--archive", archive).output
    lines = {line.split(":", 1)[0]: line for line in out.splitlines()}
    assert "dateline, text; uncertain: no declared date" in lines["date from"]
    assert "guessed from the text, not certain" in lines["date from"]
    assert "curator" in lines["source from"] and "given by the curator" in lines["source from"]
    assert "none found" in lines["authors from"] and "unknown" in lines["authors from"]
    declared = cli("show", "2024-03-01-boats-return", "--archive", archive).output
    assert "JSON-LD author" in declared and "read from the original" in declared


def test_show_json_includes_the_evidence(archive: Path, cli):
    data = json.loads(cli("show", "2024-03-01-boats-return", "--archive", archive, "--json").output)
    assert data["evidence"]["authors"] == {
        "standing": "source",
        "uncertain": False,
        "evidence": "JSON-LD author",
        "signals": ["jsonld-author"],
        "note": None,
    }
    assert data["evidence"]["date"]["evidence"] == "JSON-LD, meta tag"
    assert data["evidence"]["date"]["signals"] == ["jsonld", "meta"]
    guessed = json.loads(
        cli("show", "2023-03-14-harbour-reopens", "--archive", archive, "--json").output
    )
    assert guessed["evidence"]["date"]["standing"] == "guessed"
    assert guessed["evidence"]["date"]["uncertain"] is True


def test_a_date_the_curator_sets_is_theirs_and_no_longer_a_guess(archive: Path, cli):
    cli("set", "2023-03-14-harbour-reopens", "--archive", archive, "--date", "2023-03-14")
    assert "guessed from the text" not in cli("check", "--archive", archive).output
    data = json.loads(
        cli("show", "2023-03-14-harbour-reopens", "--archive", archive, "--json").output
    )
    assert data["evidence"]["date"] == {
        "standing": "curator",
        "uncertain": False,
        "evidence": "curator",
        "signals": ["curator"],
        "note": None,
    }
    assert data["evidence"]["title"]["evidence"] == "<h1>"  # the reader's word where it stands
