"""The pure parts of curating: list filters, the record of changes, redirect pages."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from chronicle.archive.changes import (
    Change,
    ChangeLog,
    read_changes,
    redirects,
    removed_originals,
)
from chronicle.archive.dates import parse_date
from chronicle.archive.lock import archive_lock
from chronicle.archive.select import Filters, is_missing, is_uncertain, select
from chronicle.archive.store import ArticleStore
from chronicle.errors import ChronicleError
from chronicle.ingest.curate import corrected, find, save
from chronicle.site.redirects import old_page, redirect_page

WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def test_date_ranges_list_what_may_fall_in_them(articles):
    march = articles.make(title="March", date="2025-03")
    day = articles.make(title="Day", date="2025-03-21")
    undated = articles.make(title="Undated")
    pairs = [("a", undated), ("b", day), ("c", march)]
    since = Filters(since=parse_date("2025-03-25"))
    assert [a.title for _, a in select(pairs, since)] == ["March"]
    until = Filters(until=parse_date("2025-03-01"))
    assert [a.title for _, a in select(pairs, until)] == ["March"]
    assert [a.title for _, a in select(pairs, Filters())] == ["March", "Day", "Undated"]


def test_names_compare_folded_and_entities_include_speakers(articles):
    from chronicle.archive.model import Quote

    article = articles.make(
        source="Le Monde", topics=["Gaza ceasefire"], quotes=[Quote("We wait.", "Ḥamas")]
    )
    pairs = [("a", article)]
    assert select(pairs, Filters(sources=("le monde",)))
    assert select(pairs, Filters(topics=("GAZA CEASEFIRE",)))
    assert select(pairs, Filters(entities=("Hamas",)))
    assert not select(pairs, Filters(entities=("Fatah",)))


def test_missing_and_uncertain(articles):
    guessed = articles.make(title="Guess", title_origin="inferred", date="2025-03-21~")
    assert is_missing(guessed, "title") and is_missing(guessed, "source")
    assert is_uncertain(guessed)
    sure = articles.make(date="2025-03-21", date_origin="curator", source="X")
    assert not is_uncertain(sure) and not is_missing(sure, "date")


def test_the_record_round_trips_and_implies_redirects(tmp_path):
    log = ChangeLog(tmp_path / "changes.yml")
    assert log.entries() == []
    log.record(
        Change(WHEN, "move", "a", {"date": ["2025-03-21", "2025-03-22"]}, redirect="articles/x.md"),
        Change(WHEN, "import", "b", redirect="blog/2024/01/31/b/"),
        Change(WHEN, "remove", "c", {"original": ["f" * 64, None]}),
    )
    entries = log.entries()
    assert entries[0].changes["date"] == ["2025-03-21", "2025-03-22"]
    assert redirects(entries) == {"articles/x.md": "a", "blog/2024/01/31/b/": "b"}
    assert removed_originals(entries) == {"f" * 64}


@pytest.mark.parametrize(
    "text", ["{not a list: 1}", "- action: rename\n  id: x\n  when: 2026-01-01", "- [1, 2]"]
)
def test_a_broken_record_is_one_line(tmp_path, text):
    path = tmp_path / "changes.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChronicleError) as error:
        read_changes(path)
    assert "\n" not in str(error.value)


def test_a_broken_record_stops_a_correction_before_it_is_written(tmp_path, cli, articles):
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    archive = tmp_path / "docs" / "articles"
    path = articles.write(archive, title="Talks stall", date="2025-03-21")
    before = path.read_text(encoding="utf-8")
    (tmp_path / "changes.yml").write_text("{broken", encoding="utf-8")
    out = cli("set", "talks-stall", "--source", "X", "--archive", archive, exit_code=1).output
    assert "changes.yml" in out and path.read_text(encoding="utf-8") == before
    cli("remove", "talks-stall", "-y", "--archive", archive, exit_code=1)
    assert path.is_file()


def test_old_pages_are_where_mkdocs_published_them():
    assert old_page("articles/2025/03/21/x.md", True) == (
        "articles/2025/03/21/x/",
        "articles/2025/03/21/x/index.html",
    )
    assert old_page("articles/2025/03/21/x.md", False) == (
        "articles/2025/03/21/x.html",
        "articles/2025/03/21/x.html",
    )
    assert old_page("/blog/2024/01/31/x", True) == (
        "blog/2024/01/31/x/",
        "blog/2024/01/31/x/index.html",
    )


def test_a_redirect_page_escapes_and_keeps_the_fragment():
    page = redirect_page('a/"q"/', "b/", "https://example.org/archive/")
    assert 'url=../a/&quot;q&quot;/"' in page
    assert 'location.replace("../a/\\"q\\"/" + location.hash)' in page
    assert '<link rel="canonical" href="https://example.org/archive/a/&quot;q&quot;/">' in page
    assert "canonical" not in redirect_page("a/", "b/", "")


def _archive_with_one(tmp_path, articles):
    archive = tmp_path / "docs" / "articles"
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    articles.write(archive, title="Talks stall", id="2025-03-21-talks-stall", date="2025-03-21")
    store = ArticleStore(archive)
    return store, ChangeLog.of_archive(archive), find(store, "2025-03-21-talks-stall")


def test_a_correction_never_undoes_a_write_made_after_it_read_the_article(tmp_path, articles):
    store, log, found = _archive_with_one(tmp_path, articles)
    store.write(found.path, found.article.with_changes(source="Reuters"))  # another command
    new = corrected(found.article, {"title": "Talks stall again"})
    with pytest.raises(ChronicleError, match="changed since this command read it"):
        save(store, log, found, new, "set")
    assert store.read(found.path).source == "Reuters"
    assert store.read(found.path).title == "Talks stall"
    assert log.entries() == []


def test_a_correction_waits_while_another_command_holds_the_archive(tmp_path, articles):
    store, log, found = _archive_with_one(tmp_path, articles)
    new = corrected(found.article, {"source": "Reuters"})
    done = threading.Event()

    def correct() -> None:
        save(store, log, found, new, "set")
        done.set()

    with archive_lock(store.root):
        worker = threading.Thread(target=correct)
        worker.start()
        # Not a speed bound: the correction must still be waiting however long it is given.
        assert not done.wait(0.5)
        assert store.read(found.path).source is None
    worker.join(10)
    assert done.is_set() and store.read(found.path).source == "Reuters"
