"""The package's layout holds: the wings import one way, no import cycle, and no module grows
into several jobs. (That loading the plugin loads no ingest module: test_plugin_imports.py.)"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "scripts" / "chronicle"
# What each wing may import of Chronicle besides itself (errors.py and the package root are
# shared by all).
ALLOWED = {
    "text": set(),
    "archive": {"text"},
    "ingest": {"archive", "text"},
    "site": {"archive", "text"},
    "cli": {"archive", "text", "ingest", "site"},
}
# A module longer than this says why in its docstring ("Long because …").
MAX_LINES = 400


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every chronicle module a file imports, at any depth of the file (lazy imports count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("chronicle"):
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("chronicle"))
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _wing(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


def test_each_wing_imports_only_the_wings_below_it():
    wrong = []
    for name, path in _modules().items():
        wing = _wing(name)
        if wing is None:
            continue
        for target in _imports(path):
            other = _wing(target)
            if other is not None and other != wing and other not in ALLOWED[wing]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycle_between_modules():
    modules = _modules()
    graph = {
        name: {t for t in _imports(path) if t in modules and t != name}
        for name, path in modules.items()
    }
    # A package's __init__ importing its own submodules is how a package exposes its API.
    graph = {n: {t for t in ts if not t.startswith(n + ".")} for n, ts in graph.items()}
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        seen[node] = 1
        for target in sorted(graph[node]):
            if seen.get(target) == 1:
                return [*path[path.index(target) :], target] if target in path else [node, target]
            if target not in seen:
                cycle = visit(target, [*path, target])
                if cycle:
                    return cycle
        seen[node] = 2
        return None

    for start in sorted(graph):
        if start not in seen:
            cycle = visit(start, [start])
            assert cycle is None, " → ".join(cycle)


def test_no_module_holds_several_jobs():
    long = []
    for name, path in _modules().items():
        lines = path.read_text(encoding="utf-8").count("\n")
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        if lines > MAX_LINES and "Long because" not in docstring:
            long.append(f"{name}: {lines} lines")
    assert not long, "\n".join(long)
