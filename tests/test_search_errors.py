"""When the search indexer fails, the build says so in one line and fails; no traceback, and
the next build (with a working indexer) indexes everything again."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from benchmarks import corpus


def test_a_failing_indexer_fails_the_build_with_a_clear_message(
    tmp_path: Path, mkdocs_build: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    project = corpus.write_chronicle(tmp_path / "site", 6)
    broken = tmp_path / "pagefind"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    failed = mkdocs_build(project, PAGEFIND_BINARY_PATH=str(broken))
    assert failed.returncode != 0
    assert "Chronicle search:" in failed.stderr and "Pagefind" in failed.stderr
    assert "Traceback" not in failed.stderr
    # Nothing claims the half-made index is whole: a working build indexes every shard again.
    again = mkdocs_build(project)
    assert again.returncode == 0, again.stderr
    assert "0 unchanged" in again.stderr
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()
