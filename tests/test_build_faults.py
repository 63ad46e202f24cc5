"""Faults while `chronicle build` writes the site: builds killed (SIGKILL) at random moments,
and a disk that fills up.

After a kill, the next `chronicle build` (incremental, with what the killed one left in the
build cache and in site/) must write a site equal byte for byte to a clean build's, Pagefind's
bundle included, and no process the killed build started may stay alive. A full disk is one
line of error, and leaves no half-written file in site/.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks import corpus

from chronicle.site.build.cache import BuildCache
from chronicle.site.build.incremental import Unfinished

SIZE = 80  # articles: a build spends a second or more in each phase, and 23 builds fit in CI
KILLS = 10
# How each killed build starts: from nothing, with its cache but no site, with its site but no
# cache, and after an edit that changes every page (all kinds of work, all phases).
STARTS = ("scratch", "site-gone", "cache-gone", "retitled")


def _build(project: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "chronicle", "build", *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _finish(run: subprocess.Popen[str]) -> str:
    out, err = run.communicate(timeout=600)
    assert run.returncode == 0, out + err
    return err


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def _written_since(site: Path, since: float) -> int:
    """How many pages in `site` were written at or after `since` (a `time.time()`)."""
    count, folders = 0, [site]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue  # a folder removed while walking
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.name.endswith(".html") and entry.stat().st_mtime >= since:
                    count += 1
            except OSError:
                continue
    return count


def _kill_at(
    run: subprocess.Popen[str], site: Path, since: float, pages: int, delay: float
) -> tuple[set[int], bool]:
    """SIGKILL `run` `delay` seconds after it has written `pages` pages; every process it had
    started then (watched all along, as Pagefind's indexers come and go), and whether it was
    still running when killed."""
    seen: set[int] = set()
    while run.poll() is None and _written_since(site, since) < pages:
        seen |= _descendants(run.pid)
        time.sleep(0.05)
    end = time.monotonic() + delay
    while run.poll() is None and time.monotonic() < end:
        seen |= _descendants(run.pid)
        time.sleep(0.02)
    seen |= _descendants(run.pid)
    running = run.poll() is None
    run.send_signal(signal.SIGKILL)
    run.communicate()
    return seen, running


def _prepare(project: Path, start: str, round_: int) -> None:
    if start in ("scratch", "site-gone"):
        shutil.rmtree(project / "site", ignore_errors=True)
    if start in ("scratch", "cache-gone"):
        shutil.rmtree(project / ".cache", ignore_errors=True)
    if start == "retitled":  # every page shows the site's name: all are made again
        _set_site_name(
            project, "A retitled archive" if round_ // len(STARTS) % 2 == 0 else "An archive"
        )


def _set_site_name(project: Path, name: str) -> None:
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"site_name: {name}\n" if line.startswith("site_name:") else line for line in lines]
    config.write_text("".join(lines), encoding="utf-8")


def _clean_build(project: Path, root: Path, site_tree, set_plugin_options) -> dict[str, bytes]:
    clean = root / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    shutil.copytree(project, clean, ignore=shutil.ignore_patterns("site", ".cache"))
    set_plugin_options(clean, cache="false")
    _finish(_build(clean, "--clean"))
    return site_tree(clean / "site")


@pytest.mark.slow
def test_a_build_killed_at_random_moments_leaves_nothing_wrong(
    tmp_path, site_tree, set_plugin_options
):
    project = corpus.write_chronicle(tmp_path / "project", SIZE)
    corpus.set_material_search(project, on=False)  # Chronicle's Pagefind search
    clean: dict[str, dict[str, bytes]] = {}
    _finish(_build(project))
    total = _written_since(project / "site", 0)
    rng = random.Random(20261205)
    outcomes = []
    for round_ in range(KILLS):
        start = STARTS[round_ % len(STARTS)]
        _prepare(project, start, round_)
        # A moment is a number of pages written (so kills fall in every phase however fast the
        # machine: 0 is while reading the archive, all of them is after MkDocs' own loop, while
        # feeds, data and Pagefind's bundle are written) and a random delay after it.
        pages = rng.choice([0, total, rng.randint(1, total)])
        delay = rng.uniform(0, 1.5 if pages == total else 0.3)
        while True:
            since = time.time() - 0.01
            run = _build(project)
            processes, running = _kill_at(run, project / "site", since, pages, delay)
            where = (
                f"round {round_}: {start}, killed after {pages} of {total} pages + {delay:.2f} s"
            )
            if running:
                break
            # The build ended first (a fast machine): nothing to prove; again, killed sooner, and
            # once the delay is nothing, one page earlier (the last page can be the build's end).
            assert delay > 0.01 or pages > 0, f"{where}: the build ended before the kill"
            _prepare(project, start, round_)
            pages, delay = (pages, delay / 4) if delay > 0.01 else (pages - 1, 0.0)
        deadline = time.monotonic() + 10
        while not all(_gone(p) for p in processes) and time.monotonic() < deadline:
            time.sleep(0.1)
        alive = [p for p in processes if not _gone(p)]
        assert alive == [], f"{where}: the killed build's processes are still alive"
        _finish(_build(project))  # incremental, with what the killed build left
        name = (project / "mkdocs.yml").read_text(encoding="utf-8")
        if name not in clean:
            clean[name] = _clean_build(project, tmp_path, site_tree, set_plugin_options)
        got, want = site_tree(project / "site"), clean[name]
        extra, missing = sorted(got.keys() - want.keys()), sorted(want.keys() - got.keys())
        assert (extra, missing) == ([], []), where
        differ = [path for path in want if got[path] != want[path]]
        assert differ == [], where
        outcomes.append(where)
    print("\n".join(outcomes))


def test_a_stopped_build_leaves_no_temporary_file_for_good(tmp_path):
    """A build that did not reach its end is found by the next, which removes the temporary
    files its writers left in site/; a build that ended walks nothing."""
    site, cache = tmp_path / "site", tmp_path / ".cache"
    left = site / "people" / "someone" / ".feed.json.abc123.tmp"
    left.parent.mkdir(parents=True)
    left.write_text("{half", encoding="utf-8")
    first = Unfinished(cache, str(site))
    assert first.begin() == 0  # nothing says a build was stopped: site/ is not walked
    # killed here: end() never runs
    assert not first.stopped
    second = Unfinished(cache, str(site))
    assert second.begin() == 1 and second.stopped  # no page is trusted as up to date
    assert not left.exists() and (site / "people" / "someone").is_dir()
    Unfinished(cache, str(site)).end()
    assert not any(p.name.startswith("building-") for p in cache.iterdir())


# A disk that fills up after FULL_DISK_AFTER bytes of MkDocs' writes into site/ (its pages,
# templates and copies of static files): the write that does not fit writes what fits, then
# fails as the system's would. Run in place of `chronicle build`'s own module (`python -m`
# finds it in the project's folder).
FULL_DISK_MODULE = "full_disk"
FULL_DISK = """\
import errno, os, shutil
import mkdocs.utils as utils
from chronicle.cli.run_mkdocs import run

room = int(os.environ["FULL_DISK_AFTER"])

def _write(data, path):
    global room
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        out.write(data[: max(room, 0)])
    room -= len(data)
    if room < 0:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

def write_file(content, output_path):
    _write(content, output_path)

def copy_file(source_path, output_path):
    if os.path.isdir(output_path):
        output_path = os.path.join(output_path, os.path.basename(source_path))
    with open(source_path, "rb") as source:
        data = source.read()
    try:
        _write(data, output_path)
    except OSError as exc:  # shutil.copyfile names both files
        raise OSError(exc.errno, exc.strerror, source_path, None, output_path) from None

utils.write_file, utils.copy_file = write_file, copy_file
run(["build", "--dirty"])
"""


@pytest.mark.slow
@pytest.mark.parametrize("room", [400_000, 4_000_000], ids=["assets", "pages"])
def test_a_full_disk_while_writing_the_site_is_one_line_and_leaves_nothing_half_written(
    tmp_path, room, site_tree, set_plugin_options
):
    project = corpus.write_chronicle(tmp_path / "project", 20)
    corpus.set_material_search(project, on=False)
    (project / f"{FULL_DISK_MODULE}.py").write_text(FULL_DISK, encoding="utf-8")
    full = subprocess.run(
        [sys.executable, "-m", FULL_DISK_MODULE],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "FULL_DISK_AFTER": str(room)},
    )
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr, full.stderr
    last = full.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: cannot write site/") and "No space left" in last, last
    want = _clean_build(project, tmp_path, site_tree, set_plugin_options)
    left = site_tree(project / "site")
    assert [name for name in left if name.endswith(".tmp")] == []
    # What a web server would serve: every page and every copied file there is whole (the
    # search bundle and the sitemap are finished at the build's end, and made again by the next).
    served = [n for n in left if not n.startswith("pagefind/") and not n.startswith("sitemap")]
    assert served, "the disk filled up before anything was written"
    assert [name for name in served if left[name] != want.get(name)] == []
    _finish(_build(project))  # room again: the next build completes the site
    got = site_tree(project / "site")
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda whole: "",  # renamed, its data never written
        lambda whole: whole[: len(whole) // 2],  # cut short
        lambda whole: whole[:40] + "\0" * (len(whole) - 40),  # blocks that never reached the disk
        lambda whole: whole.split("\n", 1)[1],  # no first line (an entry of an older version)
    ],
    ids=["empty", "cut-short", "zeros", "unframed"],
)
def test_a_damaged_cache_entry_is_a_miss_never_a_page(tmp_path, damage):
    cache = BuildCache(tmp_path)
    page = "<!doctype html><html><body>" + "A report. " * 50 + "</body></html>"
    cache.put("page", "ab12", page)
    assert cache.get("page", "ab12") == page
    entry = tmp_path / "page" / "ab" / "ab12"
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    assert cache.get("page", "ab12") is None
    assert (cache.hits, cache.misses) == (1, 1)


def _mount_tmpfs(folder: Path, kib: int) -> bool:
    """A small file system of `kib` KiB at `folder`: a disk that really fills up (root only)."""
    folder.mkdir(parents=True, exist_ok=True)
    mount = ["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)]
    try:
        return subprocess.run(mount, capture_output=True).returncode == 0
    except OSError:
        return False


@pytest.mark.slow
def test_a_real_full_disk_is_one_line_and_the_next_build_completes_the_site(
    tmp_path, site_tree, set_plugin_options
):
    project = corpus.write_chronicle(tmp_path / "project", 20)
    corpus.set_material_search(project, on=False)
    want = _clean_build(project, tmp_path, site_tree, set_plugin_options)
    full = sum(len(data) for data in want.values()) // 1024
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, 1024):
        pytest.skip("cannot mount a small file system here (needs root)")
    subprocess.run(["umount", str(disk)], check=True)
    for share in (0.8,):  # full while writing pages and feeds (assets: the test above)
        shutil.rmtree(project / "site", ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        assert _mount_tmpfs(disk, int(full * share))
        try:
            (project / "site").symlink_to(disk)
            failed = _build(project)
            _, err = failed.communicate(timeout=600)
            (project / "site").unlink()
            shutil.copytree(disk, project / "site")  # what the full disk held, times and all
        finally:
            subprocess.run(["umount", str(disk)], check=True)
        assert failed.returncode == 1 and "Traceback" not in err, err
        last = err.strip().splitlines()[-1]
        assert last.startswith("Error: cannot write site/") and "No space left" in last, last
        assert [name for name in site_tree(project / "site") if name.endswith(".tmp")] == []
        _finish(_build(project))  # room again
        got = site_tree(project / "site")
        assert sorted(got) == sorted(want)
        assert [name for name in want if got[name] != want[name]] == [], share
