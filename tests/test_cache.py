"""The build cache's pieces, without MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from chronicle.archive.memo import MEMO_BUCKETS, ArticleMemo, PickleBuckets, PickleMemo
from chronicle.site.build.cache import BuildCache, Fingerprinter
from chronicle.site.build.keys import digest


@dataclass(frozen=True)
class Frozen:
    text: str


@dataclass
class Loose:
    items: list[str]


def test_digest_is_length_prefixed():
    assert digest("ab", "c") != digest("a", "bc")


def test_fingerprint_covers_nested_values_and_long_texts():
    fp = Fingerprinter()
    long = Frozen("x" * 5000)
    assert fp({"a": [Frozen("1"), long]}) == fp({"a": [Frozen("1"), long]})
    assert fp(Frozen("x" * 5000)) != fp(Frozen("x" * 4999 + "y"))
    assert len(fp(long)) < 200  # a digest, not the text
    loose = Loose(["a"])
    before = fp(loose)
    loose.items.append("b")  # mutable values are not memoised: a change is seen
    assert fp(loose) != before


def test_pinned_fingerprint_is_used_once_then_made_again():
    fp = Fingerprinter()
    context = {"items": [1, 2]}
    made = fp(context)
    fp.pin(context, made)
    context["items"].append(3)  # changed after pinning: the pin is trusted, once
    assert fp(context) == made
    assert fp(context) == fp({"items": [1, 2, 3]}) != made
    fp.pin({"other": 1}, "ignored")
    assert fp({"other": 1}) == "{'other':1}"  # another object with the same contents


def test_seeded_items_are_known_by_their_article_and_place(articles):
    from chronicle.archive.model import Quote

    quote = Quote("We wait.", "Naim")
    one = articles.make(title="One", quotes=[quote, Quote("Later.")])
    two = articles.make(title="Two", quotes=[quote])
    fp = Fingerprinter()
    fp.seed(one, "one-text", items=("quotes", "figures"))
    fp.seed(two, "two-text", items=("quotes",))
    assert fp(one.quotes[1]) == "one-text.quotes[1]"
    # The same quote in two articles: two texts (a key that never repeats costs a rebuild,
    # never a wrong page); an unseeded equal quote is printed field by field.
    assert {fp(one.quotes[0]), fp(two.quotes[0])} <= {"one-text.quotes[0]", "two-text.quotes[0]"}
    assert fp(Quote("We wait.", "Naim")).startswith("Quote(text='We wait.'")


def test_build_cache_round_trip_and_prune(tmp_path: Path):
    cache = BuildCache(tmp_path / "c")
    assert cache.get("html", "k1") is None
    cache.put("html", "k1", "one")
    cache.put("page", "k2", "two")
    later = BuildCache(tmp_path / "c")
    assert later.get("html", "k1") == "one"
    assert later.prune() == 1  # k2 was not used by this build
    assert BuildCache(tmp_path / "c").get("page", "k2") is None
    assert BuildCache(None).get("html", "k1") is None


def test_article_memo_rereads_changed_files(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("one", encoding="utf-8")
    memo = ArticleMemo(tmp_path / "memo.pickle")
    reads = []

    def reader(p: Path) -> str:
        reads.append(p)
        return p.read_text(encoding="utf-8")

    assert memo.read(path, reader) == "one"
    memo.save()
    again = ArticleMemo(tmp_path / "memo.pickle")
    assert again.read(path, reader) == "one" and len(reads) == 1
    path.write_text("two!", encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert ArticleMemo(tmp_path / "memo.pickle").read(path, reader) == "two!"
    assert len(reads) == 2


def test_files_of_site_folders_that_are_gone_are_removed(tmp_path):
    """`mkdocs serve` builds into a new temporary folder each session: its manifests must not
    pile up in the cache once the folder is gone."""
    from chronicle.site.build.incremental import site_file

    cache = tmp_path / "cache"
    kept, served = tmp_path / "site", tmp_path / "serve-tmp"
    kept.mkdir()
    served.mkdir()
    for folder in (kept, served):
        for stem in ("outputs", "search-shards"):
            site_file(cache, stem, str(folder)).write_text("{}", encoding="utf-8")
    assert len(list(cache.glob("*-*.json"))) == 4
    served.rmdir()  # the serve session ended
    path = site_file(cache, "outputs", str(kept))
    assert path.exists()
    assert sorted(p.name.split("-")[0] for p in cache.glob("*-*.json")) == ["outputs", "search"]
    assert str(served) not in (cache / "sites.json").read_text(encoding="utf-8")


def test_theme_files_leave_out_an_installed_themes_icons_only(tmp_path):
    from chronicle.site.build.keys import theme_files

    installed = tmp_path / "lib" / "site-packages" / "material" / "templates"
    own = tmp_path / "project" / "overrides"
    for folder in (installed, own):
        (folder / ".icons" / "set").mkdir(parents=True)
        (folder / ".icons" / "set" / "a.svg").write_text("<svg/>", encoding="utf-8")
        (folder / "main.html").write_text("x", encoding="utf-8")
    names = {p.relative_to(tmp_path).as_posix() for p in theme_files([installed, own])}
    assert names == {
        "lib/site-packages/material/templates/main.html",
        "project/overrides/main.html",
        "project/overrides/.icons/set/a.svg",
    }


def test_pickle_memo_keeps_what_the_last_build_used(tmp_path):
    path = tmp_path / "memo.pickle"
    first = PickleMemo(path)
    assert first.get("a") is None
    first.put("a", "record a")
    first.put("b", "record b")
    first.save()
    second = PickleMemo(path)
    assert second.get("a") == "record a"  # used: kept; "b" not asked for: dropped on save
    second.save()
    third = PickleMemo(path)
    assert third.get("a") == "record a" and third.get("b") is None
    bucket = PickleBuckets(path).file(PickleBuckets.bucket("a"))
    bucket.write_bytes(b"not a pickle")
    assert PickleMemo(path).get("a") is None  # a foreign or broken file: its keys miss
    assert not list(tmp_path.glob(".tmp-*"))  # written by temp file + rename


def test_memo_save_rewrites_only_the_buckets_that_changed(tmp_path):
    """perf: adding one article to 10,000 must not rewrite the memo of the other 9,999."""
    path = tmp_path / "memo.pickle"
    first = PickleMemo(path)
    for n in range(200):
        first.put(f"k{n}", f"record {n}")
    first.save()
    files = sorted(tmp_path.glob("memo-*.pickle"))
    assert len(files) == MEMO_BUCKETS
    stamps = {f: f.stat().st_mtime_ns for f in files}
    for f in files:
        os.utime(f, ns=(1, 1))
    second = PickleMemo(path)
    for n in range(200):
        assert second.get(f"k{n}") == f"record {n}"
    second.put("k7", "record 7, edited")
    second.save()
    rewritten = [f for f in files if f.stat().st_mtime_ns != 1]
    assert rewritten == [PickleBuckets(path).file(PickleBuckets.bucket("k7"))]
    assert stamps  # every bucket was written the first time
    third = PickleMemo(path)
    assert third.get("k7") == "record 7, edited" and third.get("k8") == "record 8"
    third.get("k1")  # k1, k7 and k8 used: the buckets of every other key lose them
    third.save()
    fourth = PickleMemo(path)
    assert fourth.get("k1") == "record 1" and fourth.get("k9") is None
