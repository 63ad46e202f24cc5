"""Search benchmark: index build and what a reader's browser fetches, at 1,000 / 10,000 / 100,000.

    python -m benchmarks.search [--sizes 1000,10000,100000] [--keep DIR [--reuse]]

Each archive is generated deterministically (`generate_entries`: Zipf-distributed words, 40
sources, 60 topics, people/organisations/places, 26 years of dates (`--first-year` to 2025),
2 % undated) and indexed
straight from the records with the same `record_for` and `PagefindWriter` the MkDocs build uses;
the 100,000-article case does not build the MkDocs site (48+ minutes of page rendering that
measures MkDocs, not search). The bundle is then served on 127.0.0.1 with the real
`assets/chronicle/search.js` in a minimal page, and headless Chromium (Debian's) records every
response of the bundle. Bytes are counted as a static host serves them: gzip (level 6) of each
response, or the file as is when Pagefind already compressed it (its index files are gzip).

Columns: index build s; indexer peak memory (VmHWM of the pagefind process); bundle size on disk;
KB fetched for the first one-word query typed in the header box (pagefind.js, wasm, metadata,
the index chunk and the shown results), a phrase query (same, fresh browser), and a filtered
query (Pagefind's API as the search page used it: every shard, one source chosen, the counts of
the source and year facets, 20 results), the search page itself (search-page.js) opened on the word
with one source chosen (the one with most matches in the newest year): when it first answers
(a count: on a large archive the newest shard's preview), when its first results show, and once
its final results and counts are shown; the search page opened on one source and no words,
when every facet shows its counts (the counts the build wrote, search/counts.py); ms from the
keystroke that completes the word to results in the box (warm: Pagefind was loaded on focus,
as search.js does; includes the box's 60 ms debounce).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import gzip
import http.server
import itertools
import json
import random
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from chronicle.archive.dates import ArticleDate
from chronicle.archive.index import Entry
from chronicle.archive.model import Article
from chronicle.site.config import ChronicleConfig
from chronicle.site.labels import english
from chronicle.site.search.bundle import write_bundle
from chronicle.site.search.counts import count_facets, write_counts
from chronicle.site.search.records import FACETS, record_for

ASSETS = Path(__file__).resolve().parent.parent / "scripts" / "chronicle" / "site" / "assets"
# The audit kit's flags: no background connections (this machine's network is closed) and no
# component downloads; a fresh profile comes from Playwright. tests/browser.py uses them too.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vel", "dor", "an", "is", "pe", "qua", "zi")
PHRASE = "Khaled Meshaal"  # appears in 1 % of articles, as in a real archive on the talks
WORD = "ceasefire"  # appears in about 5 %: a typical topical one-word query
# The plugin's default, so a run without --split-year measures what a site gets.
SPLIT_YEAR = dict(ChronicleConfig._schema)["search_split_year"].default


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def generate_entries(
    n: int, *, seed: int = 5, words_per_article: int = 350, first_year: int = 2000
) -> list[tuple[Entry, str]]:
    """n (article, body text) pairs, identical for the same n, seed and first year; dated from
    1 January `first_year` to the end of 2025."""
    rng = random.Random(seed)
    vocab = vocabulary(20_000, rng)
    # Zipf, as in natural text; cumulative once, not per call (20,000 sums per article)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocab))))
    sources = [f"Source {i}" for i in range(40)]
    topics = [f"Topic {i}" for i in range(60)]
    people = [f"Person {i}" for i in range(300)]
    organisations = [f"Organisation {i}" for i in range(100)]
    places = [f"Place {i}" for i in range(100)]
    start = dt.date(first_year, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - start
    entries = []
    for i in range(n):
        body = rng.choices(vocab, cum_weights=cumulative, k=words_per_article)
        if i % 100 == 7:
            body[rng.randrange(len(body))] = f"{PHRASE}, a senior official, said"
        if i % 20 == 3:
            body[rng.randrange(len(body))] = WORD
        date = None
        if i % 50 != 11:
            day = dt.date.fromordinal(start + rng.randrange(span))
            date = ArticleDate(day.year, day.month, day.day)
        title = " ".join(rng.choices(vocab, cum_weights=cumulative, k=6)).capitalize()
        article = Article(
            id=f"a{i}",
            title=title,
            title_origin="source",
            body="",
            date=date,
            source=rng.choice(sources),
            topics=tuple(rng.sample(topics, rng.randint(0, 2))),
            people=tuple(rng.sample(people, rng.randint(0, 3))),
            organisations=tuple(rng.sample(organisations, rng.randint(0, 2))),
            places=tuple(rng.sample(places, rng.randint(0, 2))),
            language="en",
        )
        year = f"{date.year}/{date.month:02d}/{date.day:02d}" if date else "undated"
        text = ". ".join(" ".join(body[j : j + 14]) for j in range(0, len(body), 14))
        entries.append((Entry(article, f"articles/{year}/a{i}/", f"articles/a{i}.md"), text))
    return entries


def build_index(
    entries: list[tuple[Entry, str]],
    out: Path,
    shard_size: int,
    small_year: int = 250,
    split_year: int = SPLIT_YEAR,
) -> tuple[float, float, int]:
    """Index as the plugin does; returns seconds, the largest shard's indexer peak MB, shards."""
    started = time.perf_counter()
    records = (record_for(entry, text) for entry, text in entries)
    shards = write_bundle(
        records,
        out / "pagefind",
        max_articles=shard_size,
        small_year=small_year,
        split_year=split_year,
    )
    peak = max((s.peak_rss_mb or float("nan")) for s in shards)
    return time.perf_counter() - started, peak, len(shards)


def write_page(root: Path, search_js: Path = ASSETS / "search.js") -> None:
    """Minimal site pages with the real search.js (or `search_js`) and the modules beside it
    (search-*.js, which it and the search page load): one with the header box, and the search
    page (its template's form: facets, status, results)."""
    (root / "assets" / "chronicle").mkdir(parents=True, exist_ok=True)
    shutil.copy(search_js, root / "assets" / "chronicle" / "search.js")
    for module in search_js.parent.glob("search-*.js"):
        shutil.copy(module, root / "assets" / "chronicle" / module.name)
    # A single-file search.js of before the split sets up the search page itself.
    page_js = ""
    if (search_js.parent / "search-page.js").is_file():
        page_js = '<script type="module" src="../assets/chronicle/search-page.js"></script>'
    (root / "search").mkdir(exist_ok=True)
    # The scripts' English words, as partials/labels.html gives them on every page.
    labels = (
        f'<script type="application/json" id="chronicle-labels">{english().for_script()}</script>'
    )
    facets = "".join(
        f'<div><button type="button" aria-expanded="false" aria-controls="f-{key}">{label}'
        f'</button><fieldset id="f-{key}" data-facet="{key}" hidden><ul></ul></fieldset></div>'
        for key, label in FACETS
    )
    (root / "search" / "index.html").write_text(
        f"""<!doctype html><html lang="en"><meta charset="utf-8"><title>search</title>
<form id="chronicle-search" data-chronicle-search data-browse-limit="2000">
<input id="chronicle-q" name="q"><input id="chronicle-from" name="from" type="date">
<input id="chronicle-to" name="to" type="date"><select id="chronicle-sort" name="sort">
<option value=""></option><option value="newest"></option><option value="oldest"></option>
</select>{facets}<p id="chronicle-status" role="status"></p><ol id="chronicle-results"></ol>
<button type="button" id="chronicle-more" hidden></button></form>{labels}{page_js}
<script type="module" src="../assets/chronicle/search.js"></script></html>""",
        encoding="utf-8",
    )
    (root / "index.html").write_text(
        """<!doctype html><html lang="en"><meta charset="utf-8"><title>bench</title>
<form action="search/" data-chronicle-searchbox><input name="q" id="q">
<p data-chronicle-status></p><div class="chronicle-searchbox__panel" hidden>
<p data-chronicle-count></p><ol data-chronicle-results></ol><a data-chronicle-all>all</a></div>
</form>LABELS<script type="module" src="assets/chronicle/search.js"></script></html>""".replace(
            "LABELS", labels
        ),
        encoding="utf-8",
    )


def served_size(body: bytes) -> int:
    if body[:2] == b"\x1f\x8b":  # Pagefind's own files are already gzip
        return len(body)
    return min(len(body), len(gzip.compress(body, 6)))


def measure_browser(root: Path, filter_source: str, page_source: str) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out: dict[str, float] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

            def fresh_page():
                context = browser.new_context()
                page = context.new_page()
                fetched: dict[str, int] = {}

                def record(response):
                    if "/pagefind/" in response.url:
                        # a response without a body (a redirect) adds nothing
                        with contextlib.suppress(Exception):
                            fetched[response.url] = served_size(response.body())

                page.on("response", record)
                page.goto(base)
                return context, page, fetched

            def box_query(text: str) -> tuple[float, float, float]:
                """KB fetched when the first results show, KB once every shard answered, ms."""
                context, page, fetched = fresh_page()
                # The bytes fetched so far when the first results render (the page logs it;
                # Pagefind fetches from a worker, out of the page's resource timing).
                at_first: list[int] = []
                page.on(
                    "console",
                    lambda m: (
                        at_first.append(sum(fetched.values()))
                        if m.text == "chronicle:first-results"
                        else None
                    ),
                )
                page.focus("#q")  # search.js loads the box's script on focus, and it Pagefind
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
                elapsed = page.evaluate(
                    """(text) => new Promise((resolve) => {
                      const list = document.querySelector('[data-chronicle-results]');
                      const input = document.getElementById('q');
                      const observer = new MutationObserver(() => {
                        if (!list.children.length) return;
                        observer.disconnect();
                        const ms = performance.now() - t0;
                        console.log('chronicle:first-results');
                        requestAnimationFrame(() => resolve(ms));
                      });
                      observer.observe(list, { childList: true });
                      input.value = text;
                      const t0 = performance.now();
                      input.dispatchEvent(new Event('input', { bubbles: true }));
                    })""",
                    text,
                )
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(500)
                page.wait_for_load_state("networkidle")
                first = at_first[0]
                total = sum(fetched.values())
                context.close()
                return first / 1024, total / 1024, elapsed

            word_kb, word_all_kb, word_ms = box_query(WORD)
            timings = [word_ms] + [box_query(WORD)[2] for _ in range(2)]
            out["word_kb"], out["word_all_kb"] = word_kb, word_all_kb
            out["keystroke_ms"] = statistics.median(timings)
            out["phrase_kb"], out["phrase_all_kb"], _ = box_query(f'"{PHRASE}"')
            context, page, fetched = fresh_page()
            out["filtered_n"] = page.evaluate(
                """async ([word, source]) => {
                  const pf = await import('/pagefind/pagefind.js');
                  await pf.options({ baseUrl: '/' });
                  await pf.init();
                  const shards = await (await fetch('/pagefind/chronicle-shards.json')).json();
                  for (const s of shards) if (s.path) await pf.mergeIndex('/pagefind/' + s.path);
                  // As the search page of a large archive: the source facet chosen, the year
                  // facet open (its counts), the other facets closed.
                  const year = { none: ['\u0000'] };
                  const r = await pf.search(word, { filters: { source: { any: [source] }, year } });
                  await Promise.all(r.results.slice(0, 20).map((x) => x.data()));
                  return r.results.length;
                }""",
                [WORD, filter_source],
            )
            page.wait_for_load_state("networkidle")
            out["filtered_kb"] = sum(fetched.values()) / 1024
            context.close()
            page = search_page(fresh_page, WORD, page_source)
            out["page_answer_kb"], out["page_first_kb"], out["page_all_kb"] = page
            out["counts_kb"] = filter_counts(fresh_page, filter_source)
            browser.close()
    finally:
        server.shutdown()
    return out


def newest_year_source(entries: list[tuple[Entry, str]]) -> str:
    """The source with the most articles containing WORD in the newest year: a reader filtering
    by a source that has results this year (in a real archive the big sources publish every year;
    here each is 1 in 40, so at 10,000 "Source 3" has no WORD article in the newest year)."""
    newest = max(e.article.date.year for e, _ in entries if e.article.date)
    counts = {"Source 3": 0}  # when the newest year has no match at all
    for entry, text in entries:
        if entry.article.date and entry.article.date.year == newest and WORD in text:
            counts[entry.article.source] = counts.get(entry.article.source, 0) + 1
    return max(sorted(counts), key=counts.__getitem__)


def search_page(fresh_page, word: str, source: str) -> tuple[float, float, float]:
    """KB fetched when the search page (search-page.js itself), opened on `?q=word&source=…`, first
    answers (its live region gives a count: a large archive's newest shard), shows its first
    results, and once its final results and counts are shown."""
    context, page, fetched = fresh_page()
    at: dict[str, int] = {}
    page.on(
        "console",
        lambda m: (
            at.setdefault(m.text, sum(fetched.values()))
            if m.text.startswith("chronicle:")
            else None
        ),
    )
    page.add_init_script(
        """document.addEventListener('DOMContentLoaded', () => {
          const list = document.getElementById('chronicle-results');
          const status = document.getElementById('chronicle-status');
          if (!list) return;
          new MutationObserver(() => {
            if (list.children.length) console.log('chronicle:first-results');
          }).observe(list, { childList: true });
          new MutationObserver(() => {
            const counted = /^(up to )?\\d+ results?/.test(status.textContent);
            if (counted) console.log('chronicle:first-answer');
          }).observe(status, { childList: true, characterData: true, subtree: true });
        });"""
    )
    page.goto(f"{page.url}search/?{urlencode({'q': word, 'source': source})}")
    page.wait_for_function(
        """/^(up to )?\\d+ results?/.test(document.getElementById('chronicle-status').textContent)
          && !document.getElementById('chronicle-search').hasAttribute('data-partial')""",
        timeout=120_000,
    )
    page.wait_for_load_state("networkidle")
    total = sum(fetched.values())
    context.close()
    return at["chronicle:first-answer"] / 1024, at["chronicle:first-results"] / 1024, total / 1024


def filter_counts(fresh_page, source: str) -> float:
    """KB fetched when the search page, opened on one filter and no words (`?source=…`), shows
    complete counts: every facet's values counted (the build's counts, search/counts.py)."""
    context, page, fetched = fresh_page()
    page.goto(f"{page.url}search/?{urlencode({'source': source})}")
    page.wait_for_function(
        """() => ['source', 'year', 'person'].every((facet) => {
          const items = [...document.querySelectorAll(`fieldset[data-facet=${facet}] li`)];
          return items.length && items.every((li) => li.querySelector('.chronicle-count'));
        })""",
        timeout=120_000,
    )
    kb = sum(fetched.values()) / 1024
    page.wait_for_load_state("networkidle")
    context.close()
    return kb


def disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def run(
    sizes: list[int],
    keep: Path | None,
    shard_size: int,
    search_js: Path = ASSETS / "search.js",
    small_year: int = 250,
    split_year: int = SPLIT_YEAR,
    first_year: int = 2000,
    reuse: bool = False,
) -> list[dict[str, float]]:
    rows = []
    for n in sizes:
        if keep is None:
            root = Path(tempfile.mkdtemp(prefix=f"chronicle-search-{n}-"))
        else:
            root = keep / f"chronicle-search-{n}"
            root.mkdir(parents=True, exist_ok=True)
        entries = generate_entries(n, first_year=first_year)
        manifest = root / "pagefind" / "chronicle-shards.json"
        if reuse and manifest.is_file():
            # The kept index as it is (its build figures are not measured again); the counts
            # made at build time are written again, as the current code makes them.
            seconds, peak = float("nan"), float("nan")
            shards = len(json.loads(manifest.read_text(encoding="utf-8")))
            records = (record_for(e, text) for e, text in entries)
            write_counts(count_facets(records), root / "pagefind")
        else:
            seconds, peak, shards = build_index(entries, root, shard_size, small_year, split_year)
        page_source = newest_year_source(entries)
        del entries
        write_page(root, search_js)
        row = {"articles": n, "shards": shards, "build_s": seconds, "peak_mb": peak}
        row["disk_mb"] = disk_mb(root / "pagefind")
        row["files"] = sum(1 for _ in (root / "pagefind").rglob("*"))
        row.update(measure_browser(root, "Source 3", page_source))
        rows.append(row)
        print_table(rows[-1:], header=not rows[:-1])
        if keep is None:
            shutil.rmtree(root)
    return rows


def print_table(rows: list[dict[str, float]], header: bool = True) -> None:
    if header:
        print(
            "| articles | shards | index build s | indexer peak MB | bundle on disk MB | files "
            "| one word KB: first results / all shards | phrase KB: first / all "
            "| filtered KB | search page with a filter KB: first answer / first results / all "
            "| one filter, no words: KB to complete counts | keystroke → first results ms |"
        )
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['articles']:,} | {r['shards']} | {r['build_s']:.1f} | {r['peak_mb']:.0f} "
            f"| {r['disk_mb']:.1f} | {r['files']:,} | {r['word_kb']:.0f} / {r['word_all_kb']:.0f} "
            f"| {r['phrase_kb']:.0f} / {r['phrase_all_kb']:.0f} | {r['filtered_kb']:.0f} "
            f"| {r['page_answer_kb']:.0f} / {r['page_first_kb']:.0f} / {r['page_all_kb']:.0f} "
            f"| {r['counts_kb']:.0f} | {r['keystroke_ms']:.0f} |",
            flush=True,
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    parser.add_argument("--keep", type=Path, help="keep the generated bundles under this folder")
    parser.add_argument(
        "--shard-size",
        type=int,
        default=0,
        help="most articles per shard; 0: one shard per year (the default)",
    )
    parser.add_argument(
        "--small-year",
        type=int,
        default=250,
        help="years with fewer articles share a shard within their decade (the plugin's "
        "search_small_year; 0: every year its own shard)",
    )
    parser.add_argument(
        "--split-year",
        type=int,
        default=SPLIT_YEAR,
        help="years with more articles are indexed in parts of whole months (the plugin's "
        f"search_split_year, default {SPLIT_YEAR}; 0: years stay whole)",
    )
    parser.add_argument(
        "--first-year",
        type=int,
        default=2000,
        help="the articles are dated from this year to 2025 (default 2000: 26 years; 2020: six "
        "years, about 1,650 articles a year at 10,000, as in the build benchmark's corpus)",
    )
    parser.add_argument(
        "--search-js",
        type=Path,
        default=ASSETS / "search.js",
        help="measure this search.js instead of the package's (e.g. an older version)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: measure the bundle kept there by an earlier run instead of indexing "
        "again (a 100,000-article index takes minutes)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    run(
        sizes,
        args.keep,
        args.shard_size,
        args.search_js,
        args.small_year,
        args.split_year,
        args.first_year,
        args.reuse,
    )


if __name__ == "__main__":
    main()
