"""gunicorn hooks used by ``pm-origins serve`` (``--config python:pm_origins.web.gunicorn_config``).

- One task worker process starts with gunicorn's master and stops with it, so
  one command serves the site and sends its mail. Set ``PM_ORIGINS_TASK_WORKER=0``
  (``pm-origins serve --no-task-worker``) where workers run on their own.
- Metrics from several gunicorn workers add up: ``PROMETHEUS_MULTIPROC_DIR``
  (set by ``serve``) is emptied at start, and a dead worker's live gauges are
  dropped (prometheus_client's multiprocess mode).
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

TASK_WORKER_ENV = "PM_ORIGINS_TASK_WORKER"
STOP_SECONDS = 30

_task_worker: subprocess.Popen[bytes] | None = None


def _die_with_parent() -> None:
    """In the child: get SIGTERM when gunicorn's master dies, even by SIGKILL (Linux)."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def on_starting(server: Any) -> None:
    global _task_worker
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if folder:
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()
    if os.environ.get(TASK_WORKER_ENV, "1") != "0":
        from pm_origins.web.worker import worker_argv

        _task_worker = subprocess.Popen(worker_argv(), preexec_fn=_die_with_parent)
        server.log.info("task worker started (pid %s)", _task_worker.pid)


def child_exit(server: Any, worker: Any) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]


def on_exit(server: Any) -> None:
    if _task_worker is None or _task_worker.poll() is not None:
        return
    _task_worker.terminate()  # the worker finishes the task in hand, then exits
    try:
        _task_worker.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        _task_worker.kill()
        _task_worker.wait()
    server.log.info("task worker stopped")
