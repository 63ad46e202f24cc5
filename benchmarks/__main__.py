"""Run every benchmark and print its table: `python -m benchmarks` (`bash dev.sh bench`).

Each benchmark is a module `benchmarks/<name>.py` with `main(argv) -> int`; they are found by
looking for that function, so a new benchmark needs no line here. Helper modules (corpus,
measure) have no `main` and are skipped. `python -m benchmarks build_speed --sizes 3000` runs
one benchmark with its own arguments; options given without a name go to `extraction`, as
before, and the others run their fast defaults.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

DEFAULT_TARGET = "extraction"  # where bare options go (`bash dev.sh bench --corpus …`)


def discover() -> dict[str, object]:
    found = {}
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"benchmarks.{info.name}")
        if callable(getattr(module, "main", None)):
            found[info.name] = module.main
    return found


def main(argv: list[str]) -> int:
    benchmarks = discover()
    if argv and not argv[0].startswith("-"):
        name, rest = argv[0], argv[1:]
        if name not in benchmarks:
            print(f"benchmarks: no benchmark '{name}'; have {', '.join(benchmarks)}")
            return 2
        return benchmarks[name](rest) or 0  # type: ignore[operator]
    status = 0
    for name, entry in benchmarks.items():
        print(f"\n# {name}", flush=True)
        status |= entry(list(argv) if name == DEFAULT_TARGET else []) or 0  # type: ignore[operator]
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
