"""`chronicle serve`: a real `mkdocs serve --dirty` on a small archive. After an article is
added, the live site rebuilds only what the change affects, and what it serves is complete: the
new article, its neighbour's previous/next link, its day page, and the search index with every
article (the records of skipped pages come from the build cache)."""

from __future__ import annotations

import html
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from benchmarks import corpus

from chronicle.archive.store import relative_dir

SIZE = 30
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def eventually(read: Callable[[], T], ok: Callable[[T], bool], what: str, timeout: float) -> T:
    """Poll `read()` until its value is `ok`; fails, showing the last value, after `timeout`
    seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if ok(value):
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} after {timeout} s; last seen:\n{value}")
        time.sleep(0.3)  # the interval between two looks, not a wait for the outcome


def wait_for(log: Path, pattern: str, count: int, timeout: float = 180) -> str:
    """Wait until `pattern` occurs `count` times in the server's log."""
    return eventually(
        lambda: log.read_text(encoding="utf-8", errors="replace"),
        lambda text: len(re.findall(pattern, text)) >= count,
        f"'{pattern}' did not appear {count}×",
        timeout,
    )


def shard_total(base: str) -> int:
    shards = json.loads(fetch(f"{base}pagefind/chronicle-shards.json"))
    return sum(s["articles"] for s in shards)


def test_serve_rebuilds_only_what_changed_and_serves_a_complete_site(tmp_path: Path) -> None:
    project = corpus.write_chronicle(tmp_path / "site", SIZE)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "chronicle", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        wait_for(log, r"Serving on", 1)
        assert shard_total(base) == SIZE

        new = corpus.make_post(SIZE)
        corpus.write_chronicle_post(project, new)
        text = wait_for(log, r"Documentation built in", 2)

        up_to_date = r"pages? (?:is|are) up to date \((\d+) articles?, (\d+) listings?\)"
        skipped = re.search(up_to_date, text)
        assert skipped, text  # the rebuild was incremental …
        assert int(skipped.group(1)) >= SIZE - 2 and int(skipped.group(2)) > 0
        # … and the index still holds every article (MkDocs logs the build, then the server
        # swaps it in).
        eventually(
            lambda: shard_total(base), lambda n: n == SIZE + 1, "the index lacks articles", 30
        )
        folder = relative_dir(new.article).as_posix()
        page = fetch(f"{base}articles/{folder}/{new.slug}/")
        assert html.escape(new.article.title) in page
        # The earlier neighbour, skipped by nothing, now links forward to the new article.
        earlier = re.search(r'<a rel="prev" href="([^"]+)"', page)
        assert earlier, "the new article has an earlier neighbour"
        neighbour = fetch(urllib.parse.urljoin(f"{base}articles/{folder}/{new.slug}/", earlier[1]))
        assert f"{new.slug}/" in re.search(r'<a rel="next" href="([^"]+)"', neighbour)[1]
        assert f"{new.slug}/" in fetch(f"{base}archive/{folder}/")  # its day page

        # A second rebuild in the same server, after an edit: MkDocs keeps the plugin between
        # rebuilds (it has on_startup), and with it the article memo of the last build, which
        # must still notice the edited file.
        source = corpus.chronicle_path(project, new)
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace(new.article.title, "Edited while serving", 1), "utf-8")
        wait_for(log, r"Documentation built in", 3)
        eventually(
            lambda: fetch(f"{base}articles/{folder}/{new.slug}/"),
            lambda page: "Edited while serving" in page,
            "the served article is not the edited one",
            30,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
    # Stopping `chronicle serve` stops the server itself (MkDocs runs in its place, not as a
    # child left behind): nothing answers on the port any more.
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            raise AssertionError("a server still answers after chronicle serve was stopped")
    except OSError:
        pass
