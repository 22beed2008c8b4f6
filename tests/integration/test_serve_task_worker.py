"""`pm-origins serve` runs one task worker beside gunicorn and stops it with gunicorn."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def _cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_for(check, seconds: float = 60) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


def test_serve_runs_queued_mail_and_stops_its_worker_on_exit(tmp_path: Path) -> None:
    env = {**os.environ, "PM_ORIGINS_DATA": str(tmp_path / "data")}
    for name in ("DATABASE_URL", "REDIS_URL", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "pm_origins", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:

        def up() -> bool:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                    return True
            except OSError:
                return False

        assert _wait_for(up, 120), log.read_text()
        workers = [p for p in _children(server.pid) if "pm_origins worker" in _cmdline(p)]
        assert len(workers) == 1, "exactly one task worker beside gunicorn"
        enqueue = (
            "import django; django.setup();"
            "from pm_origins.web.core.mail import deliver;"
            "deliver.enqueue(subject='Queue check 7', body='by the worker', to='a@example.org')"
        )
        subprocess.run(
            [sys.executable, "-c", enqueue],
            env={**env, "DJANGO_SETTINGS_MODULE": "pm_origins.web.settings"},
            check=True,
        )
        assert _wait_for(lambda: "Queue check 7" in log.read_text(), 30), log.read_text()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        assert _wait_for(lambda: not _alive(workers[0]), 30), "the worker stops with gunicorn"
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
