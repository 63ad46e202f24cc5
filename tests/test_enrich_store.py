"""`enrich_store`: the library loop behind `chronicle enrich`, reporting each file as it goes."""

from __future__ import annotations

from pathlib import Path

from benchmarks import corpus

from chronicle.archive.registry import Entity, Registry
from chronicle.archive.store import ArticleStore
from chronicle.ingest.enrich.run import Enriched, enrich_store


def archive_of(tmp_path: Path) -> ArticleStore:
    for index in range(3):
        corpus.write_chronicle_post(tmp_path, corpus.make_post(index))
    broken = tmp_path / "docs" / "articles" / "2020" / "broken.md"
    broken.parent.mkdir(parents=True, exist_ok=True)
    broken.write_text("no front matter\n", encoding="utf-8")
    return ArticleStore(tmp_path / "docs" / "articles")


def test_enrich_store_reports_each_file_and_writes_only_what_changes(tmp_path):
    store = archive_of(tmp_path)
    registry = Registry((Entity(name="Cairo", kind="place"),))
    before = {path: path.read_bytes() for path in store.files()}
    heard: list[Enriched] = []
    dry = enrich_store(store, registry, dry_run=True, on_article=heard.append)
    assert [e.path for e in heard] == store.files()
    assert {p: p.read_bytes() for p in store.files()} == before  # a dry run writes nothing
    (failed,) = [e for e in heard if e.status == "failed"]
    assert failed.path.name == "broken.md" and "front matter" in failed.reason
    assert (dry.articles, dry.failed) == (4, 1) and dry.updated >= 1

    done = enrich_store(ArticleStore(store.root), registry)
    assert (done.updated, done.counts) == (dry.updated, dry.counts)
    again = enrich_store(ArticleStore(store.root), registry)
    assert again.updated == 0 and again.counts == done.counts  # enriching twice changes nothing
