"""`make bench`: run every benchmark module and print one line per comparison."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(names: list[str]) -> None:
    folder = Path(__file__).parent
    modules = sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )
    for name in modules:
        if names and name.removeprefix("bench_") not in names:
            continue
        module = importlib.import_module(f"benchmarks.{name}")
        for comparison in module.run():
            print(comparison.line(), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
