"""The curator's commands on real temporary archives: list, show, set, move, edit, remove, and
check's findings and --fix after a hand deletion."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chronicle.archive.changes import ChangeLog
from chronicle.archive.store import ArticleStore

TEXTS = {
    "talks.txt": "Talks stalled in Cairo on Friday as Hamas and Israel traded blame. "
    "Mediators said a deal was still possible.",
    "aid.txt": "Forty lorries of flour crossed at Rafah on Saturday, the first in a week. "
    "The crossing closed again at dusk.",
    "note.txt": "A note with no date and no source about the weather in Gaza City, "
    "where rain flooded the tents of displaced families.",
}


@pytest.fixture
def archive(tmp_path: Path, cli) -> Path:
    """A project (mkdocs.yml beside docs/) with three articles: two dated and sourced, one
    neither, and the first two recorded as other versions of each other."""
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    archive = tmp_path / "docs" / "articles"
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name, text in TEXTS.items():
        (inbox / name).write_text(text, encoding="utf-8")
    flags = {
        "talks.txt": [
            "--title",
            "Talks stall",
            "--date",
            "2025-03-21",
            "--source",
            "Le Monde",
            "--topic",
            "Gaza ceasefire",
        ],
        "aid.txt": [
            "--title",
            "Aid crosses",
            "--date",
            "2025-03~",
            "--source",
            "Test Wire",
            "--topic",
            "Aid",
        ],
        "note.txt": [],
    }
    for name, extra in flags.items():
        cli("add", inbox / name, "--archive", archive, *extra)
    store = ArticleStore(archive)
    talks = store.by_id("2025-03-21-talks-stall")
    aid = store.by_id("2025-03-aid-crosses")
    assert talks and aid
    store.write(talks.path, store.load(talks.path).with_changes(other_versions=(aid.id,)))
    store.write(aid.path, store.load(aid.path).with_changes(other_versions=(talks.id,)))
    return archive


def listed(cli, archive: Path, *args: str) -> list[str]:
    data = json.loads(cli("list", "--archive", archive, "--json", *args).stdout)
    assert data["count"] == len(data["articles"])
    return [a["id"] for a in data["articles"]]


def test_list_filters_and_json(archive, cli):
    every = listed(cli, archive)
    assert every[:2] == ["2025-03-aid-crosses", "2025-03-21-talks-stall"]  # oldest first
    assert len(every) == 3 and every[2].startswith("a-note")  # undated last
    assert listed(cli, archive, "--source", "le monde") == ["2025-03-21-talks-stall"]
    assert listed(cli, archive, "--topic", "aid") == ["2025-03-aid-crosses"]
    # "March 2025" may fall after the 25th: listed; a day before the range is not.
    assert listed(cli, archive, "--since", "2025-03-25") == ["2025-03-aid-crosses"]
    assert listed(cli, archive, "--until", "2025-02") == []
    assert listed(cli, archive, "--missing", "date", "--missing", "source") == [every[2]]
    assert set(listed(cli, archive, "--uncertain")) == {"2025-03-aid-crosses", every[2]}
    assert listed(cli, archive, "--entity", "Hamas") == []  # not enriched with a registry


def test_list_as_a_table_counts_what_it_shows(archive, cli):
    out = cli("list", "--archive", archive, "--topic", "Gaza ceasefire").output
    assert "Talks stall" in out and "Aid crosses" not in out
    assert "1 of 3 articles listed" in out


def test_list_bad_date_is_one_line(archive, cli):
    out = cli("list", "--archive", archive, "--since", "soon", exit_code=2).output
    assert "--since" in out and "Traceback" not in out


def test_show_gives_metadata_evidence_and_file(archive, cli):
    out = cli("show", "2025-03-21-talks-stall", "--archive", archive).output
    assert "Le Monde" in out and "curator" in out and "talks.txt (text reader)" in out
    assert "intact" in out and "talks-stall.md" in out
    data = json.loads(cli("show", "2025-03-21-talks-stall", "--archive", archive, "--json").stdout)
    assert data["source"] == "Le Monde" and data["original_problem"] is None
    assert Path(data["file"]).name == "talks-stall.md" and Path(data["original_file"]).is_file()
    missing = cli("show", "2025-03-21-talks-stal", "--archive", archive, exit_code=1).output
    assert "no article with the id" in missing and "2025-03-21-talks-stall" in missing


def test_set_corrects_and_records_the_change(archive, cli):
    note = listed(cli, archive, "--missing", "source")[0]
    out = cli(
        "set", note, "--source", "Gaza Post", "--title", "Rain floods tents", "--archive", archive
    ).output
    assert "source: None → 'Gaza Post'" in out
    data = json.loads(cli("show", note, "--archive", archive, "--json").stdout)
    assert data["title"] == "Rain floods tents" and data["title_origin"] == "curator"
    assert data["source_origin"] == "curator" and data["id"] == note  # the id never changes
    (change,) = data["recorded_changes"]
    assert change["action"] == "set" and change["changes"]["source"] == [None, "Gaza Post"]
    again = cli("set", note, "--source", "Gaza Post", "--archive", archive).output
    assert "unchanged" in again
    bad = cli("set", note, "--date", "next week", "--archive", archive, exit_code=1).output
    assert "'date'" in bad and len(ChangeLog.of_archive(archive).entries()) == 1


def test_move_redates_moves_the_file_and_records_a_redirect(archive, cli):
    out = cli("move", "2025-03-21-talks-stall", "--date", "2025-03-22", "--archive", archive)
    assert "articles/2025/03/21/talks-stall.md will redirect here" in out.output
    assert not (archive / "2025" / "03" / "21").exists()  # the emptied day folder goes too
    moved = archive / "2025" / "03" / "22" / "talks-stall.md"
    article = ArticleStore(archive).load(moved)
    assert article.id == "2025-03-21-talks-stall" and article.date.edtf == "2025-03-22"
    (change,) = ChangeLog.of_archive(archive).entries()
    assert change.action == "move" and change.redirect == "articles/2025/03/21/talks-stall.md"
    # set --date is the same move
    cli("set", article.id, "--date", "2025-03-23", "--archive", archive)
    assert (archive / "2025" / "03" / "23" / "talks-stall.md").is_file()
    assert cli("check", "--archive", archive).exit_code == 0


EDITOR = """\
import pathlib, sys
path = pathlib.Path(sys.argv[1])
path.write_text(path.read_text(encoding="utf-8").replace({old!r}, {new!r}), encoding="utf-8")
"""


def use_editor(tmp_path: Path, monkeypatch, old: str, new: str) -> None:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(old=old, new=new), encoding="utf-8")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


def test_edit_saves_a_valid_change(archive, cli, tmp_path, monkeypatch):
    use_editor(tmp_path, monkeypatch, "source: Test Wire", "source: Reuters")
    out = cli("edit", "2025-03-aid-crosses", "--archive", archive).output
    assert "source: 'Test Wire' → 'Reuters'" in out
    assert (
        ArticleStore(archive).load(archive / "2025" / "03" / "aid-crosses.md").source == "Reuters"
    )
    (change,) = ChangeLog.of_archive(archive).entries()
    assert change.note == "edited"


def test_edit_that_breaks_the_front_matter_keeps_the_old_and_the_typing(
    archive, cli, tmp_path, monkeypatch
):
    path = archive / "2025" / "03" / "aid-crosses.md"
    before = path.read_text(encoding="utf-8")
    use_editor(tmp_path, monkeypatch, "date: 2025-03~", "date: sometime")
    out = cli("edit", "2025-03-aid-crosses", "--archive", archive, exit_code=1).output
    assert "'date'" in out and "the article is unchanged" in out
    assert path.read_text(encoding="utf-8") == before
    kept = Path(out.split("your edit is kept in ")[1].split()[0])
    assert "date: sometime" in kept.read_text(encoding="utf-8")
    kept.unlink()
    assert ChangeLog.of_archive(archive).entries() == []


def test_remove_keeps_the_original_records_it_and_fixes_back_links(archive, cli):
    store = ArticleStore(archive)
    aid = store.load(store.by_id("2025-03-aid-crosses").path)
    out = cli("remove", aid.id, "--yes", "--archive", archive).output
    assert "its original is kept" in out and "2025-03-21-talks-stall" in out
    store = ArticleStore(archive)  # read again from the files
    assert store.by_id(aid.id) is None
    talks = store.load(store.by_id("2025-03-21-talks-stall").path)
    assert talks.other_versions == ()
    removal, fix = ChangeLog.of_archive(archive).entries()
    assert removal.action == "remove" and removal.changes["title"][0] == "Aid crosses"
    assert fix.action == "fix" and fix.id == talks.id
    original = archive.parent.parent / "originals" / aid.provenance.sha256[:2]
    assert (original / aid.provenance.sha256).is_file()
    # The kept original is explained by the record: no orphan warning.
    assert "no article names this original" not in cli("check", "--archive", archive).output
    refused = cli("remove", talks.id, "--archive", archive, exit_code=1)  # no "y" given
    assert store.by_id(talks.id) is not None and refused.exit_code == 1


def test_check_after_a_hand_deletion_and_fix(archive, cli):
    store = ArticleStore(archive)
    aid = store.by_id("2025-03-aid-crosses")
    aid.path.unlink()  # by hand, not `chronicle remove`
    result = cli("check", "--archive", archive, exit_code=1)
    assert (
        "other_versions names '2025-03-aid-crosses', which is not in the archive" in result.output
    )
    assert "no article names this original" in result.output
    fixed = json.loads(cli("check", "--archive", archive, "--fix", "--json").stdout)
    assert fixed["errors"] == 0
    assert [f["file"].endswith("talks-stall.md") for f in fixed["fixed"]] == [True]
    assert any("no article names" in f["message"] for f in fixed["findings"])
    (change,) = ChangeLog.of_archive(archive).entries()
    assert change.action == "fix" and change.changes["other_versions"][1] == []


def test_check_fix_links_one_way_links_both_ways(archive, cli):
    store = ArticleStore(archive)
    aid = store.by_id("2025-03-aid-crosses")
    store.write(aid.path, store.load(aid.path).with_changes(other_versions=()))
    out = cli("check", "--archive", archive).output
    assert "which does not name it back" in out
    cli("check", "--archive", archive, "--fix")
    assert store.load(aid.path).other_versions == ("2025-03-21-talks-stall",)
    assert "does not name it back" not in cli("check", "--archive", archive).output
