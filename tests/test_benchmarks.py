"""The build-speed benchmark stays runnable: one command, every tool it can find, one table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_build_speed_runs_every_tool_and_prints_the_table(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.build_speed",
            "--sizes",
            "12",
            "--tools",
            "chronicle,material,mkdocs",
            "--chronicle-search",
            "pagefind",
            "--out",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = {
        m.group(1): m.group(0)
        for m in re.finditer(r"^\| 12 \| ([^|]+?) \|.*$", result.stdout, re.MULTILINE)
    }
    assert set(rows) == {
        "chronicle (pagefind)",
        "chronicle (pagefind) +1",
        "chronicle (pagefind) serve +1",
        "chronicle (pagefind) add → served",
        "chronicle add inbox/ (12)",
        "chronicle enrich",
        "material",
        "mkdocs",
    }
    # Chronicle's rows carry the ratio against Material's blog plugin on the same posts.
    assert re.search(r"\| \d+\.\d\d× \(\d+\.\d\d×\) \|", rows["chronicle (pagefind)"])
    # Every tool built the same 12 posts (and Chronicle its 13th and 14th for the +1 rows).
    assert len(list((tmp_path / "mkdocs-realistic-12" / "docs" / "posts").glob("*.md"))) == 12
    assert (tmp_path / "chronicle-realistic-12-pagefind" / "site" / "pagefind").is_dir()


def test_add_one_counts_the_stored_files_each_add_parses(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.add_one", "--sizes", "5", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    parsed = re.findall(r"^\| 5 \| ([^|]+?) \|.* \| (\d+) \|$", result.stdout, re.MULTILINE)
    # Without a memo every stored file is read for the catalogue's keys only, none parsed whole
    # (archive/stored_keys.py); with the first add's catalogue none is read: the file the first
    # add wrote is in it already (archive/catalogue.py).
    assert parsed == [("first (no memo)", "0"), ("second (memo of the first)", "0")]


def test_the_realistic_profile_draws_articles_shaped_like_the_shared_corpus():
    from benchmarks import corpus
    from benchmarks.real_shape import DECILES

    articles = [corpus.make_post(i, profile="realistic").article for i in range(400)]
    words = sorted(len(a.body.split()) for a in articles)
    quotes = sorted(len(a.quotes) for a in articles)
    # Medians near the measured ones, and the long tail is there (not one uniform article).
    assert abs(words[200] - DECILES["words"][5]) < 0.2 * DECILES["words"][5]
    assert abs(quotes[200] - DECILES["quotes"][5]) <= 1
    assert words[-1] > 3 * words[200] and quotes[-1] >= 20
    # Each stored quote is in the body as printed, and most have a named speaker in the text.
    quoted = [q for a in articles for q in a.quotes]
    assert all(f"“{q.text},”" in a.body for a in articles for q in a.quotes)
    named = [q for q in quoted if q.speaker]
    assert any("\n\n" not in a.body.strip() for a in articles)  # one-paragraph pages exist too
    assert 0.5 < len(named) / len(quoted) < 0.75
    # The light profile is unchanged: the figures in RESULTS.md stay comparable.
    assert (
        corpus.make_post(5).article.word_count
        == corpus.make_post(5, profile="light").article.word_count
    )


FORKED_COPY = """
import os, time
data = bytearray(150 << 20)
# One byte written per page: resident, then shared with the forked copy. (Made from a 150 MB
# bytes object, the copy held 300 MB for a moment, which a sample could catch.)
data[::4096] = b"x" * (len(data) // 4096)
if os.fork() == 0:
    time.sleep(1.5)
    os._exit(0)
time.sleep(1.5)
os.wait()
"""


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only")
def test_a_forked_copy_is_not_counted_twice(tmp_path):
    from benchmarks import measure

    result = measure.run([sys.executable, "-c", FORKED_COPY], cwd=tmp_path)
    assert result.returncode == 0
    assert result.rss_peak_mb > 280  # each process's resident set counts the shared 150 MB
    assert 140 < result.peak_mb < 220  # proportional: counted once between the two
    assert set(result.roles) >= {"main", "fork"}
    assert result.roles["fork"].uss < 50  # the copy holds almost nothing of its own


def test_every_benchmark_loads_in_chronicles_environment():
    """`bash dev.sh bench` (`python -m benchmarks`) imports every benchmark module; the spaCy
    comparison, which needs an environment of its own, must not stop the others."""
    from benchmarks.__main__ import discover

    found = discover()
    assert {"build_speed", "quote_speakers", "accuracy"} <= set(found)
    assert "quote_speakers_spacy" not in found


def test_the_compressing_server_gzips_text_and_leaves_pagefind_s_files_alone(tmp_path):
    """`benchmarks.lighthouse --gzip` measures a site as a host that compresses would send it."""
    import gzip
    import socket
    import urllib.request

    from benchmarks.compressing_server import serving

    page = "<!doctype html><title>x</title>" + "<p>words</p>" * 200
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "s.js").write_text("let x = 1;\n" * 100, encoding="utf-8")
    (tmp_path / "i.pf_index").write_bytes(gzip.compress(b"already gzipped"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def get(base: str, path: str, accept: str) -> tuple[str | None, bytes]:
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": accept})
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.headers.get("Content-Encoding"), response.read()

    with serving(tmp_path, port) as base:
        encoding, body = get(base, "a/", "gzip, deflate")
        assert encoding == "gzip" and gzip.decompress(body).decode() == page
        assert len(body) < len(page) / 5
        encoding, body = get(base, "s.js", "gzip")
        assert encoding == "gzip" and gzip.decompress(body) == (tmp_path / "s.js").read_bytes()
        assert get(base, "a/index.html", "identity") == (None, page.encode())
        assert get(base, "i.pf_index", "gzip") == (None, (tmp_path / "i.pf_index").read_bytes())
