"""50 simulated users through the whole guest flow plus comments, for 2 minutes,
on SQLite and then PostgreSQL (``python -m benchmarks load``).

For each database: a fresh site prepared as ``pm-origins serve`` does, served
by gunicorn with serve's command line and defaults; locust (in a child process,
``benchmarks/load_users.py``) runs the users without pauses. Recorded: requests
and requests per second, errors by status, p50/p95/p99 of the flow's requests
and of the bare view the same users ask between flows (the ratio is flow p99
over bare p99, both measured under the same load). Afterwards the database is
counted against what the site acknowledged: every finished result's token and
every received comment must be there exactly once.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import Comparison
from benchmarks.harness import LOAD_ENV, ROOT, Server, Unavailable, count_rows, prepared_site

USERS = 50
SECONDS = 120


@dataclass(frozen=True)
class LoadResult:
    database: str
    users: int
    seconds: float
    requests: int
    errors: dict[str, int]
    flow_ms: tuple[float, float, float]  # p50, p95, p99
    bare_ms: tuple[float, float, float]
    slowest: list[tuple[str, float]]  # request names by their own p99
    rows: dict[str, int]

    @property
    def lost(self) -> int:
        return self.rows["assessments_lost"] + self.rows["comments_lost"]

    @property
    def duplicated(self) -> int:
        return self.rows["assessments_duplicated"] + self.rows["comments_duplicated"]

    def comparison(self) -> Comparison:
        p50, p95, p99 = self.flow_ms
        note = (
            f"{self.requests:,} requests, {self.requests / self.seconds:,.0f} req/s, "
            f"flow p50 {p50:.0f} ms / p95 {p95:.0f} ms / p99 {p99:.0f} ms, "
            f"bare p50 {self.bare_ms[0]:.0f} ms / p99 {self.bare_ms[2]:.0f} ms, "
            f"errors {self.errors or 0}, "
            f"{self.rows['assessments_acknowledged']} results and "
            f"{self.rows['comments_acknowledged']} comments acknowledged, "
            f"{self.lost} lost, {self.duplicated} duplicated"
        )
        return Comparison(
            f"load ({self.database}, {self.users} users, {self.seconds:.0f} s, p99)",
            "guest flow + comments",
            p99 / 1000,
            "bare view",
            self.bare_ms[2] / 1000,
            note,
        )


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        value = values[0] if values else 0.0
        return (value, value, value)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return (cuts[49], cuts[94], cuts[98])


def measure(
    database: str, *, users: int = USERS, seconds: float = SECONDS, workers: int | None = None
) -> LoadResult:
    """Run the load against a fresh site on ``database`` and count rows afterwards."""
    with prepared_site(database, LOAD_ENV) as site, tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "load.json"
        with Server(site, workers=workers) as server:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "benchmarks.load_users",
                    server.base,
                    site.article_path,
                    str(users),
                    str(seconds),
                    str(out),
                ],
                cwd=ROOT,
                check=True,
            )
        report = json.loads(out.read_text())
        rows = count_rows(site.env, report["acknowledged"])
    samples = report["samples"]
    errors = Counter(str(status) for _, status, _, failed in samples if failed)
    flow = [ms for name, _, ms, _ in samples if name != "bare view"]
    bare = [ms for name, _, ms, _ in samples if name == "bare view"]
    by_name: dict[str, list[float]] = {}
    for name, _, ms, _ in samples:
        by_name.setdefault(name, []).append(ms)
    slowest = sorted(
        ((name, _percentiles(times)[2]) for name, times in by_name.items()),
        key=lambda pair: -pair[1],
    )
    return LoadResult(
        database,
        users,
        seconds,
        len(samples),
        dict(errors),
        _percentiles(flow),
        _percentiles(bare),
        slowest,
        rows,
    )


def run() -> list[Comparison]:
    comparisons = []
    for database in ("sqlite", "postgresql"):
        try:
            result = measure(database)
        except Unavailable as exc:
            print(f"load ({database}): skipped, {exc}", flush=True)
            continue
        print(
            f"load ({database}): p99 by request: "
            + ", ".join(f"{name} {ms:.0f} ms" for name, ms in result.slowest),
            flush=True,
        )
        comparisons.append(result.comparison())
    return comparisons


if __name__ == "__main__":
    for comparison in run():
        print(comparison.line(), flush=True)
