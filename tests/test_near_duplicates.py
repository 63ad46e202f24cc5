import datetime as dt

from benchmarks import corpus

from chronicle.archive.memo import PickleMemo
from chronicle.archive.originals import OriginalsStore
from chronicle.archive.store import ArticleStore
from chronicle.ingest import near_duplicates
from chronicle.ingest.add import add_path
from chronicle.ingest.near_duplicates import NUM_PERM, NearDuplicateIndex, minhash, shingles

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


def _stories(n: int) -> list[tuple[str, str]]:
    return [
        (
            f"s{k}",
            " ".join(
                f"Story {k} sentence {i} on the budget, the port and the strike." for i in range(30)
            ),
        )
        for k in range(n)
    ]


def test_comparing_every_signature_and_the_lsh_index_find_the_same_copies(tmp_path):
    """A run's first queries compare every stored signature; a large batch's later ones go
    through the LSH index. Both find each syndicated copy, and the memoised signatures give the
    scores the texts do."""
    stories = _stories(40)
    copies = [
        text.replace("sentence 29 on", "a line the syndicator added on") for _, text in stories
    ]
    signatures = PickleMemo(tmp_path / "signatures.pickle")
    index = NearDuplicateIndex(stories, signatures=signatures)
    found = [index.similar(copy) for copy in copies]  # 40 queries: past the direct comparisons
    assert len(copies) > NearDuplicateIndex.BRUTE_FORCE_QUERIES
    assert [[i for i, _ in hits] for hits in found] == [[f"s{k}"] for k in range(40)]
    first, last = found[0][0][1], found[-1][0][1]
    assert 0.8 <= first < 1.0 and 0.8 <= last < 1.0
    signatures.save()
    again = NearDuplicateIndex(stories, signatures=PickleMemo(tmp_path / "signatures.pickle"))
    assert again.similar(copies[0]) == found[0]  # restored from the memo: the same score


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


def test_signatures_equal_datasketchs_minhash():
    """`minhash` is computed without importing datasketch (it loads scipy); it must stay the
    signature datasketch makes, or memoised signatures and the LSH index would disagree."""
    from datasketch import MinHash

    for text in ("", "two words", STORY, OTHER, "ガザ停戦交渉 « Nous attendons », a dit Ana. " * 9):
        expected = MinHash(num_perm=NUM_PERM, seed=1, scheme="affine32")
        expected.update_batch(list(shingles(text)))
        assert minhash(text).tolist() == expected.hashvalues.tolist()


def test_the_lsh_bands_are_datasketchs():
    """The LSH index splits signatures as datasketch's `MinHashLSH` would for the threshold."""
    from datasketch import MinHashLSH

    from chronicle.ingest.near_duplicates import BANDS, ROWS, THRESHOLD

    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
    assert lsh.hashranges == [(b * ROWS, (b + 1) * ROWS) for b in range(BANDS)]


def test_a_text_asked_about_then_added_is_hashed_once(monkeypatch):
    """`chronicle add` asks whether a text is a near-duplicate, then adds it: one MinHash."""
    import chronicle.ingest.near_duplicates as module

    calls: list[str] = []
    real = module.minhash

    def counted(text: str):
        calls.append(text)
        return real(text)

    monkeypatch.setattr(module, "minhash", counted)
    index = NearDuplicateIndex()
    text = "The council voted on Monday to repair the harbour wall before the winter storms."
    assert index.similar(text) == []
    index.add("a", text)
    assert len(calls) == 1
    assert index.similar(text) == [("a", 1.0)]


def test_signatures_made_in_workers_equal_those_made_here(tmp_path, monkeypatch):
    """A first run over a large archive makes the stored texts' signatures in worker processes
    (`PARALLEL_FROM`, lowered here): the same index and the same kept signatures."""
    project = corpus.write_chronicle(tmp_path / "project", 9)
    archive = project / "docs" / "articles"
    here = near_duplicates.stored_index(ArticleStore(archive), jobs=1)
    monkeypatch.setattr(near_duplicates, "PARALLEL_FROM", 2)
    monkeypatch.setattr(near_duplicates, "PARALLEL_SLICE", 4)  # slices, and a last short one
    store = ArticleStore(archive)
    there = near_duplicates.stored_index(store, jobs=2)
    assert there._ids == here._ids and len(there._ids) == 9
    for article_id in here._ids:
        assert there.signature_of(article_id) == here.signature_of(article_id)
    kept = store.catalogue.signatures(there.scheme)
    assert {i: kept[i] for i in here._ids} == {i: here.signature_of(i) for i in here._ids}
    assert there.similar(SYNDICATED) == here.similar(SYNDICATED)
