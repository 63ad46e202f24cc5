"""Faults while `chronicle add` writes the archive: two runs at once, and runs killed (SIGKILL)
at random moments. Afterwards nothing is partial, nothing is duplicated, no temporary file is
left, the workers of a killed run are gone, and a re-run completes the batch with exactly one
article per input."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chronicle.archive.store import ArticleStore

pytestmark = pytest.mark.slow

CHRONICLE = [sys.executable, "-c", "from chronicle.cli.main import main; main()"]
WORDS = [
    "ceasefire",
    "talks",
    "envoy",
    "border",
    "harbour",
    "council",
    "ministry",
    "village",
    "convoy",
    "drought",
    "election",
    "court",
    "river",
    "bridge",
    "market",
    "school",
    "hospital",
    "vote",
    "budget",
    "strike",
    "winter",
    "port",
    "trial",
    "treaty",
    "farmers",
    "miners",
    "fishermen",
    "nurses",
    "mayor",
    "governor",
    "senate",
    "rebels",
    "refugees",
    "aid",
    "grain",
    "fuel",
]


def _inbox(folder: Path, names: range, seed: int = 7) -> list[Path]:
    """Distinct articles (no two alike enough to be near-duplicates), one per file."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for n in names:
        rng = random.Random(seed * 100_003 + n)
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(8)
        ]
        path = folder / f"story-{n:03d}.txt"
        path.write_text(f"Story {n}. " + " ".join(sentences) + "\n", encoding="utf-8")
        out.append(path)
    return out


def _add(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CHRONICLE, "add", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def _consistent(project: Path, *, after_kill: bool = False) -> list[str]:
    """The sha256 of every stored article's original, after checking that each stored file
    reads, its original is kept, and no temporary file is anywhere (but, after a kill, the one
    being written then, which the next run removes)."""
    archive = project / "docs" / "articles"
    temporary = [p for p in project.rglob("*.tmp")]
    assert len(temporary) <= (1 if after_kill else 0), temporary
    shas = []
    for path in ArticleStore(archive).files():
        article = ArticleStore(archive).read(path)  # raises on a partial file
        assert article.provenance is not None
        shas.append(article.provenance.sha256)
        kept = project / "originals" / article.provenance.sha256[:2]
        assert any(kept.glob(f"{article.provenance.sha256}*")), path
    assert len(shas) == len(set(shas)), "an input stored twice"
    return shas


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def test_two_adds_at_once_store_each_article_once(tmp_path):
    project = tmp_path / "project"
    archive = project / "docs" / "articles"
    first = _inbox(tmp_path / "a", range(0, 30))
    second = _inbox(tmp_path / "b", range(15, 45))  # 15 files in both batches
    runs = [_add(*first, "--archive", archive), _add(*second, "--archive", archive)]
    outputs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert not any("Traceback" in out + err for out, err in outputs)
    assert len(_consistent(project)) == 45  # a sequential run's count
    assert any("waiting for another `chronicle add`" in err for _, err in outputs), outputs


@pytest.mark.parametrize("files, kills", [(200, 20)])
def test_add_killed_at_random_moments_loses_and_duplicates_nothing(tmp_path, files, kills):
    project = tmp_path / "project"
    archive = project / "docs" / "articles"
    inputs = _inbox(tmp_path / "inbox", range(files))
    rng = random.Random(20261205)
    # A moment is a number of articles stored (so the kills fall across the whole batch, however
    # fast the machine) and a random delay after it: mid-read, mid-write, mid-enrichment.
    moments = sorted(rng.sample(range(1, len(inputs) - 5), kills))
    stored_after: list[int] = []
    started = time.monotonic()
    for moment in moments:
        run = _add(tmp_path / "inbox", "--archive", archive, "--jobs", "2")
        while len(list(archive.rglob("*.md"))) < moment and run.poll() is None:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))
        workers = _children(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait()
        stored_after.append(len(_consistent(project, after_kill=True)))
        deadline = time.monotonic() + 10
        while not all(_gone(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert all(_gone(w) for w in workers), "a killed run's workers are still alive"
    final = _add(tmp_path / "inbox", "--archive", archive)
    out, err = final.communicate(timeout=600)
    assert final.returncode == 0, out + err
    assert len(_consistent(project)) == len(inputs)
    took = time.monotonic() - started
    print(f"killed after {moments} articles; {stored_after} stored then; {took:.0f} s in all")
