"""Results-page throughput under gunicorn, against a bare Django view on the same server.

For SQLite and then PostgreSQL: a fresh data folder (and a fresh PostgreSQL
database), the site prepared the way ``pm-origins serve`` does it, one finished
result made through the services, then gunicorn on a free port of 127.0.0.1
with the benchmark settings (the real URLs plus ``/bench/bare/``). wrk drives
each URL with 50 concurrent connections, 3 rounds of 5 s taken in turns; each
figure is the median of the rounds. The ratio is bare req/s over results-page
req/s: how many bare responses one results page costs.

PostgreSQL comes from ``POSTGRES_URL`` (default the Makefile's); it is skipped
with a note when unreachable. Needs ``wrk`` (``make bench`` installs it).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import Comparison

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = 50
ROUNDS = 3
SECONDS = 5  # per round and URL
WARM_UP_SECONDS = 2
WORKERS = 2  # as `pm-origins serve`; the benchmark machine has 2 cores
POSTGRES_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")

# wrk calls done() once at the end; its latency figures are in microseconds.
_WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
"""


@dataclass(frozen=True)
class Load:
    """What wrk measured for one URL."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: dict[str, int]

    def describe(self) -> str:
        return (
            f"{self.requests_per_second:,.0f} req/s, p50 {self.p50_ms:.0f} ms, "
            f"p99 {self.p99_ms:.0f} ms"
        )


def run() -> list[Comparison]:
    if not shutil.which("wrk"):
        raise SystemExit("bench_results_page needs wrk: apt-get install -y wrk (make bench does)")
    comparisons = [_measure("sqlite", database_url="")]
    try:
        with _postgres_database() as url:
            comparisons.append(_measure("postgresql", database_url=url))
    except _Unavailable as exc:
        print(f"results page (postgresql): skipped, {exc}", flush=True)
    return comparisons


def _measure(database: str, *, database_url: str) -> Comparison:
    with tempfile.TemporaryDirectory(prefix="pm-origins-bench-") as data:
        env = {
            **os.environ,
            "PM_ORIGINS_DATA": data,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        }
        env.pop("REDIS_URL", None)  # the results page does not use the cache
        token = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_results_page", "prepare"],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()[-1]
        with _gunicorn(env) as base:
            result_url, bare_url = f"{base}/results/{token}/", f"{base}/bench/bare/"
            for url in (result_url, bare_url):
                _wrk(url, WARM_UP_SECONDS)
            # Alternate the two so that a change in the machine's load hits both alike.
            rounds = [(_wrk(result_url, SECONDS), _wrk(bare_url, SECONDS)) for _ in range(ROUNDS)]
            result = _median([r for r, _ in rounds])
            bare = _median([b for _, b in rounds])
    note = f"results page {result.describe()}; bare view {bare.describe()}"
    errors = {k: v for k, v in (result.errors | bare.errors).items() if v}
    if errors:
        note += f"; wrk errors {errors}"
    # Seconds per request at full load (1 / throughput), so ratio = bare req/s / results req/s.
    return Comparison(
        f"results page ({database}, {CLIENTS} clients, {WORKERS} gunicorn workers, 1/throughput)",
        "results page",
        1 / result.requests_per_second,
        "bare view",
        1 / bare.requests_per_second,
        note,
    )


def _median(loads: list[Load]) -> Load:
    """Each figure's median over the rounds; errors summed."""
    return Load(
        statistics.median(load.requests_per_second for load in loads),
        statistics.median(load.p50_ms for load in loads),
        statistics.median(load.p99_ms for load in loads),
        {key: sum(load.errors[key] for load in loads) for key in loads[0].errors},
    )


def _wrk(url: str, seconds: int) -> Load:
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(_WRK_REPORT)
        script.flush()
        out = subprocess.run(
            [
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(CLIENTS),
                "--duration",
                f"{seconds}s",
                "--timeout",
                "10s",
                "--script",
                script.name,
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    report = json.loads(next(line for line in out.splitlines() if line.startswith("{")))
    return Load(
        report["requests"] / report["seconds"],
        report["p50_us"] / 1000,
        report["p99_us"] / 1000,
        report["errors"],
    )


@contextmanager
def _gunicorn(env: dict[str, str]) -> Iterator[str]:
    """gunicorn serving the benchmark settings on a free port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "pm_origins.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base + "/bench/bare/", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_until_up(url: str, server: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode} before serving")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


class _Unavailable(Exception):
    pass


@contextmanager
def _postgres_database() -> Iterator[str]:
    """A fresh, empty database next to the one POSTGRES_URL names; dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"pm_origins_bench_{secrets.token_hex(4)}"
    try:
        admin = psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise _Unavailable(f"no PostgreSQL at {POSTGRES_URL} ({exc})") from None
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def _prepare_site() -> str:
    """Migrate, load and collect as `pm-origins serve` does; make one finished result.

    Runs in a child process with the benchmark's environment; returns the result's token.
    """
    from pm_origins.web.serve import prepare

    prepare()
    from pm_origins.engine import Role
    from pm_origins.framework import load_framework
    from pm_origins.web.assessments import services

    framework = load_framework()
    answers = {item.id: 1 + (index * 3) % 5 for index, item in enumerate(framework.items)}
    result = services.assessment_submit(
        user=None,
        roles=[Role("QA Engineer", 5), Role("Software Engineer", 3, 2)],
        answers=answers,
        target="technical",
    )
    return str(result.token)


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        print(_prepare_site())
    else:
        for comparison in run():
            print(comparison.line(), flush=True)
