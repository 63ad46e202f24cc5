"""Originals kept by hash, provenance in front matter, and `chronicle check` verifying them."""

import datetime as dt
import hashlib
import shutil

from chronicle.archive.originals import OriginalsStore, default_location
from chronicle.archive.schema import read_curator
from chronicle.archive.store import ArticleStore
from chronicle.ingest.add import add_path
from chronicle.ingest.check import check_store

from .conftest import FIXTURES

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def project(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    store = ArticleStore(tmp_path / "docs" / "articles")
    return store, OriginalsStore(default_location(store.root))


def test_originals_live_at_the_project_root_outside_docs(tmp_path):
    _store, originals = project(tmp_path)
    assert originals.root == (tmp_path / "originals").resolve()
    assert default_location(tmp_path / "elsewhere" / "docs" / "articles").name == "originals"
    assert "docs" not in default_location(tmp_path / "x" / "docs" / "articles").parts[-2:]


def test_html_original_is_kept_by_hash_and_recorded(tmp_path):
    store, originals = project(tmp_path)
    src = tmp_path / "page.html"
    shutil.copy(FIXTURES / "html_with_json_ld.html", src)
    (outcome,) = add_path(store, src, {}, now=NOW, originals=originals)
    assert outcome.status == "added"
    sha = hashlib.sha256(src.read_bytes()).hexdigest()
    prov = outcome.article.provenance
    assert prov.sha256 == sha and prov.reader == "html"
    assert prov.original_url == "https://herald.example/2024/05/harbour-works"
    assert originals.path_for(sha).read_bytes() == src.read_bytes()
    text = next(store.root.rglob("*.md")).read_text()
    assert f"sha256: {sha}" in text and "reader: html" in text
    assert check_store(store, originals.root).errors == []


def test_check_reports_missing_and_altered_originals(tmp_path):
    store, originals = project(tmp_path)
    src = tmp_path / "page.html"
    shutil.copy(FIXTURES / "html_with_json_ld.html", src)
    (outcome,) = add_path(store, src, {}, now=NOW, originals=originals)
    kept = originals.path_for(outcome.article.provenance.sha256)
    kept.write_bytes(b"tampered")
    (error,) = check_store(store, originals.root).errors
    assert "no longer matches its hash" in error.message
    kept.unlink()
    (error,) = check_store(store, originals.root).errors
    assert "is not in originals/" in error.message


def test_sidecar_beats_the_page_and_flags_beat_the_sidecar(tmp_path):
    store, originals = project(tmp_path)
    src = tmp_path / "article.html"
    shutil.copy(FIXTURES / "html_with_json_ld.html", src)
    (tmp_path / "article.yml").write_text("title: Curated title\ndate: 2024-05\nsource: Herald\n")
    flags = read_curator("flags", {"source": "The Coastal Herald (print)"})
    (outcome,) = add_path(store, src, flags, now=NOW, originals=originals)
    a = outcome.article
    assert (a.title, a.title_origin) == ("Curated title", "curator")
    assert a.date.edtf == "2024-05" and a.date_origin == "curator"
    assert (a.source, a.source_origin) == ("The Coastal Herald (print)", "curator")
    assert a.authors == ("Ada Lovelace", "Grace Hopper")  # not overridden: from the page


def test_feed_entries_share_the_feed_original_and_re_adding_is_unchanged(tmp_path):
    store, originals = project(tmp_path)
    src = tmp_path / "feed.xml"
    shutil.copy(FIXTURES / "feed_rss2_with_duplicate_guid.xml", src)
    outcomes = add_path(store, src, {}, now=NOW, originals=originals)
    assert [o.status for o in outcomes] == ["added", "added"]
    shas = {o.article.provenance.sha256 for o in outcomes}
    assert shas == {hashlib.sha256(src.read_bytes()).hexdigest()}
    names = [o.article.provenance.original_name for o in outcomes]
    assert names == [
        "feed.xml#https://herald.example/?p=101",
        "feed.xml#https://herald.example/?p=102",
    ]
    again = add_path(ArticleStore(store.root), src, {}, now=NOW, originals=originals)
    assert [o.status for o in again] == ["unchanged", "unchanged"]
    assert check_store(store, originals.root).errors == []


def test_warc_records_are_kept_one_original_each(tmp_path, make_warc):
    store, originals = project(tmp_path)
    page = (FIXTURES / "html_with_json_ld.html").read_bytes()
    other = page.replace(b"northern harbour wall", b"southern ferry pier").replace(
        b"Harbour works resume", b"Ferry returns"
    )
    src = tmp_path / "capture.warc.gz"
    src.write_bytes(
        make_warc(
            [
                ("https://h.example/a", "text/html", page),
                ("https://h.example/b", "text/html", other),
            ]
        )
    )
    outcomes = add_path(store, src, {}, now=NOW, originals=originals, near_duplicates="add")
    assert [o.status for o in outcomes] == ["added", "added"]
    for outcome, body in zip(outcomes, (page, other), strict=True):
        prov = outcome.article.provenance
        assert prov.sha256 == hashlib.sha256(body).hexdigest()
        assert originals.path_for(prov.sha256).read_bytes() == body
        assert prov.retrieved == dt.datetime(2024, 5, 3, 10, tzinfo=dt.UTC)
        assert prov.reader == "warc" and prov.original_url.startswith("https://h.example/")


def test_a_failed_input_leaves_nothing_behind(tmp_path):
    store, originals = project(tmp_path)
    src = tmp_path / "nav.html"
    shutil.copy(FIXTURES / "html_without_article.html", src)
    (outcome,) = add_path(store, src, {}, now=NOW, originals=originals)
    assert outcome.status == "failed"
    assert not store.root.exists() or not any(store.root.rglob("*"))
    assert not originals.root.exists()


def test_re_adding_a_folder_does_not_extract_known_files_again(tmp_path, monkeypatch):
    from chronicle.ingest import add as ingest

    store, originals = project(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(FIXTURES / "html_with_json_ld.html", inbox / "a.html")
    shutil.copy(FIXTURES / "html_latin1.html", inbox / "b.html")
    ingester = ingest.Ingester(store, originals)
    first = list(ingest.add_all(ingester, sorted(inbox.iterdir()), {}, jobs=1, now=NOW))
    assert [o.status for o in first] == ["added", "added"]

    def no_extraction(task):
        raise AssertionError(f"{task[0]} was extracted again")

    monkeypatch.setattr(ingest, "prepare_safely", no_extraction)
    again = ingest.Ingester(ArticleStore(store.root), originals)
    outcomes = list(ingest.add_all(again, sorted(inbox.iterdir()), {}, jobs=1, now=NOW))
    assert [(o.status, o.detail) for o in outcomes] == [("unchanged", o.detail) for o in first]


def test_work_done_ahead_in_workers_stores_what_the_main_process_would(tmp_path):
    """A batch's workers enrich each article and make its signature (ingest/ahead.py); adding
    the same inputs one by one in this process, which enriches them itself, stores the same."""
    from chronicle.ingest import add as ingest

    (tmp_path / "entities.yml").write_text(
        "- name: Ana Pereira\n  kind: person\n- name: Lisbon\n  kind: place\n"
    )
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for n in range(4):
        (inbox / f"{n}.txt").write_text(
            f"Report {n} from Lisbon. Ana Pereira said 1,200 families had left, according to the "
            f"city council.\n\n“We need help now,” said Ana Pereira on day {n}.\n"
        )
    stored = {}
    for way in ("batch", "one by one"):
        (tmp_path / way).mkdir()
        store, originals = project(tmp_path / way)
        if way == "batch":
            ingester = ingest.Ingester(store, originals)
            items = sorted(inbox.iterdir())
            outcomes = list(ingest.add_all(ingester, items, {}, jobs=2, now=NOW))
        else:
            outcomes = [
                o
                for item in sorted(inbox.iterdir())
                for o in add_path(store, item, {}, now=NOW, originals=originals)
            ]
        assert [o.status for o in outcomes] == ["added"] * 4
        stored[way] = {p.name: p.read_text() for p in store.root.rglob("*.md")}
    assert stored["batch"] == stored["one by one"]
    assert all(
        "people:\n- Ana Pereira" in text and "value: 1,200" in text
        for text in stored["batch"].values()
    )
