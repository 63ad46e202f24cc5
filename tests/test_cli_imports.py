"""The command line imports only the command that runs: `build` and `serve` hand over to MkDocs
without loading the ingest side, and `chronicle add` of an input already in the archive loads no
enrichment module. Each check runs in a fresh interpreter (this one has imported everything)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT


def loaded_after(code: str, cwd=None) -> set[str]:
    """The chronicle modules loaded once `code` has run in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    env_path = str(ROOT / "scripts")
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin", "HOME": str(cwd or ROOT)},
        check=True,
    )
    return {m for m in json.loads(result.stdout.splitlines()[-1]) if m.startswith("chronicle")}


def test_the_command_group_loads_no_command():
    loaded = loaded_after("import chronicle.cli.main")
    assert not {m for m in loaded if m.startswith(("chronicle.ingest", "chronicle.site"))}
    assert "chronicle.cli.add" not in loaded and "chronicle.cli.check" not in loaded


def test_adding_an_input_already_added_loads_no_enrichment(tmp_path, cli):
    archive = tmp_path / "docs" / "articles"
    clipping = tmp_path / "wire.txt"
    clipping.write_text("The council voted on Monday to repair the harbour wall. " * 20)
    cli("add", clipping, "--archive", archive, "--title", "Harbour wall")
    code = (
        "from chronicle.cli.main import main\n"
        f"try:\n    main(['add', {str(clipping)!r}, '--archive', {str(archive)!r}])\n"
        "except SystemExit:\n    pass"
    )
    loaded = loaded_after(code, cwd=tmp_path)
    assert "chronicle.ingest.add" in loaded  # it did run
    assert not {m for m in loaded if m.startswith("chronicle.ingest.enrich")}
