"""Timing helpers shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Comparison:
    name: str
    subject: str
    subject_seconds: float
    baseline: str
    baseline_seconds: float
    note: str = ""
    unit: str = "ms"  # "ms": the figures are seconds shown in ms; otherwise shown as they are

    @property
    def ratio(self) -> float:
        return self.subject_seconds / self.baseline_seconds

    def line(self) -> str:
        scale = 1000 if self.unit == "ms" else 1
        return (
            f"{self.name}: {self.subject} {self.subject_seconds * scale:.1f} {self.unit} vs "
            f"{self.baseline} {self.baseline_seconds * scale:.1f} {self.unit} -> ratio "
            f"{self.ratio:.2f}x" + (f" ({self.note})" if self.note else "")
        )


def best_of(function: Callable[[], object], repeats: int = 5) -> float:
    """Median wall time of several runs, in seconds (after one warm-up run)."""
    function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
