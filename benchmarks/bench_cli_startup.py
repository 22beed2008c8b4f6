"""CLI start-up: `pm-origins --help` against `python -c pass`."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.common import Comparison, best_of


def _run(*args: str) -> None:
    subprocess.run([sys.executable, *args], check=True, capture_output=True)


def run() -> list[Comparison]:
    subject = best_of(lambda: _run("-m", "pm_origins", "--help"), repeats=7)
    baseline = best_of(lambda: _run("-c", "pass"), repeats=7)
    return [Comparison("cli start-up", "pm-origins --help", subject, "python -c pass", baseline)]
