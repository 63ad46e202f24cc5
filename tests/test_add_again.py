"""Adding the same original again with other curator metadata corrects the stored article and
says what changed; with the same metadata it is unchanged. `--title-origin source` records a
headline typed in from a paper clipping as the source's. Through the real command line on
temporary archives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.archive.changes import ChangeLog
from chronicle.archive.evidence import record_evidence
from chronicle.archive.store import ArticleStore
from chronicle.site.citations.styles import Place, apa

CLIPPING = (
    "Talks stalled in Cairo on Friday as the delegations traded blame. "
    "Mediators said a deal was still possible before the holiday.\n"
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "clip.txt").write_text(CLIPPING, encoding="utf-8")
    return tmp_path


def add(cli, project: Path, *flags: str, exit_code: int = 0):
    archive = project / "docs" / "articles"
    return cli(
        "add", project / "inbox" / "clip.txt", "--archive", archive, *flags, exit_code=exit_code
    )


def stored(project: Path):
    (found,) = list(ArticleStore(project / "docs" / "articles").iter_articles())
    return found


def test_same_metadata_again_is_unchanged(cli, project):
    add(cli, project, "--title", "Talks stall", "--date", "2025")
    before = stored(project)[0].read_bytes()
    again = add(cli, project, "--title", "Talks stall", "--date", "2025")
    assert again.stdout.startswith("unchanged")
    assert stored(project)[0].read_bytes() == before
    assert not ChangeLog.of_archive(project / "docs" / "articles").entries()


def test_a_corrected_date_and_title_update_the_article_and_say_what_changed(cli, project):
    add(cli, project, "--title", "Talks stall", "--date", "2025")
    first_path, first = stored(project)
    out = add(cli, project, "--title", "Talks stall in Cairo", "--date", "2025-03-21").stdout
    assert out.startswith("corrected")
    assert "date: '2025' → '2025-03-21'" in out
    assert "title: 'Talks stall' → 'Talks stall in Cairo'" in out
    path, article = stored(project)
    assert article.title == "Talks stall in Cairo" and article.date.edtf == "2025-03-21"
    assert article.id == first.id  # ids never change: links between articles hold
    assert path.parent.relative_to(project / "docs" / "articles").as_posix() == "2025/03/21"
    assert not first_path.exists()
    (change,) = ChangeLog.of_archive(project / "docs" / "articles").entries()
    assert change.changes["date"] == ["2025", "2025-03-21"]
    assert change.redirect.endswith(first_path.name)  # the old address redirects
    assert change.note == "added again with other metadata"


def test_source_authors_and_topics_are_corrected_too(cli, project):
    add(cli, project, "--title", "Talks stall", "--source", "Harbour Tims", "--topic", "Talks")
    out = add(
        cli,
        project,
        "--source",
        "Harbour Times",
        "--author",
        "Ana Lima",
        "--topic",
        "Gaza ceasefire",
        "--json",
    ).stdout
    (row,) = json.loads(out)["outcomes"]
    assert row["status"] == "corrected"
    assert row["changes"]["source"] == ["Harbour Tims", "Harbour Times"]
    assert row["changes"]["topics"] == [["Talks"], ["Gaza ceasefire"]]
    article = stored(project)[1]
    assert article.source == "Harbour Times" and article.authors == ("Ana Lima",)
    assert article.title == "Talks stall"  # what was not given again stays


def test_a_sidecar_never_undoes_a_later_set(cli, project):
    add(cli, project, "--title", "Talks stall")
    (project / "inbox" / "clip.yml").write_text("date: 2025-21\n", encoding="utf-8")
    article_id = stored(project)[1].id
    archive = project / "docs" / "articles"
    cli("set", article_id, "--date", "2025-03-21", "--archive", archive)
    again = add(cli, project).stdout  # re-running a batch over its sidecars
    assert again.startswith("unchanged")
    assert stored(project)[1].date.edtf == "2025-03-21"
    # The command line's own value still corrects it.
    assert "date: '2025-03-21' → '2025-21'" in add(cli, project, "--date", "2025-21").stdout


def test_a_bad_correction_is_one_line_and_changes_nothing(cli, project):
    add(cli, project, "--title", "Talks stall", "--date", "2025")
    before = stored(project)[0].read_bytes()
    result = add(cli, project, "--date", "2025-03/..", exit_code=1)
    assert "open or unknown end" in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert stored(project)[0].read_bytes() == before


def test_a_typed_in_headline_is_the_sources(cli, project):
    out = add(cli, project, "--title", "Talks stall", "--title-origin", "source").stdout
    assert "title (source): Talks stall" in out
    article = stored(project)[1]
    assert article.title_origin == "source"
    (title,) = [f for f in record_evidence(article) if f.field == "title"]
    assert title.standing == "source" and "transcribed" in title.words
    # Cited as printed, not in the [square brackets] of a devised title.
    reference = apa(article, Place("The Archive", "https://example.org/a/")).text
    assert reference.startswith("Talks stall.")


def test_a_devised_title_can_be_corrected_into_the_sources_headline(cli, project):
    add(cli, project, "--title", "Talks stall")
    assert stored(project)[1].title_origin == "curator"
    out = add(cli, project, "--title", "Talks stall", "--title-origin", "source").stdout
    assert "title_origin: 'curator' → 'source'" in out
    assert stored(project)[1].title_origin == "source"


def test_title_origin_needs_a_title(cli, project):
    result = add(cli, project, "--title-origin", "source", exit_code=1)
    assert "title_origin" in result.output and "with a title" in result.output
    assert not (project / "docs" / "articles").exists() or not list(
        (project / "docs" / "articles").rglob("*.md")
    )


def test_set_takes_the_title_origin_too(cli, project):
    add(cli, project, "--title", "Talks stall", "--date", "198X")
    article_id = stored(project)[1].id
    archive = project / "docs" / "articles"
    cli(
        "set",
        article_id,
        "--title",
        "Talks Stall",
        "--title-origin",
        "source",
        "--archive",
        archive,
    )
    article = stored(project)[1]
    assert article.title_origin == "source" and article.date.edtf == "198X"


def test_set_refuses_a_form_it_cannot_show_in_one_line(cli, project):
    add(cli, project, "--title", "Talks stall", "--date", "2025")
    path, article = stored(project)
    before = path.read_bytes()
    archive = project / "docs" / "articles"
    result = cli("set", article.id, "--date", "2025-?03-21", "--archive", archive, exit_code=1)
    assert "qualifier on one part of a date" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert path.read_bytes() == before
