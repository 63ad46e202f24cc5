import datetime as dt

from chronicle.archive.originals import OriginalsStore
from chronicle.archive.store import ArticleStore
from chronicle.ingest.add import add_path
from chronicle.ingest.near_duplicates import NearDuplicateIndex

NOW = dt.datetime(2026, 1, 2, tzinfo=dt.UTC)
STORY = " ".join(
    f"Sentence {i} of the wire story about the harbour repairs and what the council decided."
    for i in range(40)
)
SYNDICATED = STORY.replace("Sentence 39 of", "A last line added by the syndicating paper, of")
OTHER = " ".join(
    f"Line {i} about a different matter entirely, the school board vote." for i in range(40)
)


def setup(tmp_path):
    store = ArticleStore(tmp_path / "docs" / "articles")
    originals = OriginalsStore(tmp_path / "originals")
    for name, text in (("wire.txt", STORY), ("copy.txt", SYNDICATED), ("other.txt", OTHER)):
        (tmp_path / name).write_text(text + "\n")
    return store, originals


def test_index_finds_the_syndicated_copy_only():
    index = NearDuplicateIndex([("wire", STORY), ("other", OTHER)])
    (match,) = index.similar(SYNDICATED)
    assert match[0] == "wire" and 0.8 <= match[1] < 1.0


def test_link_adds_the_copy_and_links_both_ways(tmp_path):
    store, originals = setup(tmp_path)
    (first,) = add_path(store, tmp_path / "wire.txt", {}, now=NOW, originals=originals)
    (copy,) = add_path(store, tmp_path / "copy.txt", {}, now=NOW, originals=originals)
    assert copy.status == "added" and "another version of" in copy.note
    assert copy.article.other_versions == (first.article.id,)
    stored = {a.id: a for _, a in ArticleStore(store.root).iter_articles()}
    assert stored[first.article.id].other_versions == (copy.article.id,)
    (other,) = add_path(store, tmp_path / "other.txt", {}, now=NOW, originals=originals)
    assert other.status == "added" and other.article.other_versions == ()


def test_report_refuses_the_copy_and_names_the_original(tmp_path):
    store, originals = setup(tmp_path)
    (first,) = add_path(store, tmp_path / "wire.txt", {}, now=NOW, originals=originals)
    (copy,) = add_path(
        store, tmp_path / "copy.txt", {}, now=NOW, originals=originals, near_duplicates="report"
    )
    assert copy.status == "near-duplicate" and first.detail in copy.detail
    assert len(store.files()) == 1


def test_add_keeps_both_unlinked(tmp_path):
    store, originals = setup(tmp_path)
    add_path(store, tmp_path / "wire.txt", {}, now=NOW, originals=originals)
    (copy,) = add_path(
        store, tmp_path / "copy.txt", {}, now=NOW, originals=originals, near_duplicates="add"
    )
    assert copy.status == "added" and copy.article.other_versions == ()
    assert len(store.files()) == 2
