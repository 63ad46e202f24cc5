"""The shared fixtures do what the tests rely on: the article factory's articles are valid and
read back as made, and the CLI runner fails a test with the command's output when the exit code
is not the one expected."""

from __future__ import annotations

import pytest

from chronicle.archive.dates import ArticleDate
from chronicle.archive.store import ArticleStore


def test_a_made_article_has_sensible_defaults_and_takes_plain_values(articles):
    article = articles.make(date="2025-03-21~", topics=["Gaza ceasefire"], source="Harbour Times")
    assert (article.id, article.title, article.title_origin) == (
        "talks-stall",
        "Talks stall",
        "curator",
    )
    assert article.date == ArticleDate(2025, 3, 21, approximate=True)
    assert article.topics == ("Gaza ceasefire",)
    assert articles.make(title="Truce holds").id == "truce-holds"


def test_a_written_article_passes_check_and_reads_back_as_made(articles, cli, tmp_path):
    archive = tmp_path / "articles"
    fields = {
        "title": "Truce holds",
        "date": "2025-01-19",
        "body": "The truce held.\n",
        "people": [],
    }
    path = articles.write(archive, **fields)
    assert path == archive / "2025" / "01" / "19" / "truce-holds.md"
    assert ArticleStore(archive).read(path) == articles.make(**fields)
    assert "1 article" in cli("check", "--archive", archive).output


def test_the_cli_runner_fails_with_the_output_when_the_exit_code_differs(cli, tmp_path):
    archive = tmp_path / "articles"
    archive.mkdir()
    (archive / "bad.md").write_text("---\nid: x\ntitle: T\ndate: soon\n---\nbody\n")
    with pytest.raises(pytest.fail.Exception, match=r"(?s)exited 1, expected exit code 0.*bad\.md"):
        cli("check", "--archive", archive)
    assert "'date'" in cli("check", "--archive", archive, exit_code=1).output
    assert cli("check", "--archive", archive, exit_code=None).exit_code == 1
