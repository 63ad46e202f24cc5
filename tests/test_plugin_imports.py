"""The site side loads nothing of the ingest side: the plugin, imported in a fresh interpreter
directly or the way MkDocs finds it (the `mkdocs.plugins` entry point), leaves no
`chronicle.ingest` module in `sys.modules`. The ingest side pulls in readers, the quote finder
and language data: a `mkdocs build` or `mkdocs serve` has no use for them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT

REPORT = "import json, sys; print(json.dumps(sorted(m for m in sys.modules if 'chronicle' in m)))"
LOADERS = {
    "import": "import chronicle.site.plugin as p; assert p.ChroniclePlugin",
    "entry point": (
        "from mkdocs.plugins import get_plugins\n"
        "cls = get_plugins()['chronicle'].load()\n"
        "assert cls.__module__ == 'chronicle.site.plugin', cls"
    ),
}


@pytest.mark.parametrize("how", sorted(LOADERS))
def test_loading_the_plugin_loads_no_ingest_module(how: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", f"{LOADERS[how]}\n{REPORT}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert "chronicle.site.plugin" in loaded
    assert [m for m in loaded if m.startswith("chronicle.ingest")] == []
    assert [m for m in loaded if m.startswith("chronicle.cli")] == []
