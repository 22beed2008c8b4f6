"""The task worker: runs queued tasks (mail and other slow work) from the database queue.

``pm-origins worker`` calls ``run_worker``; ``pm-origins serve`` starts one
beside gunicorn (see ``gunicorn_config``). Several workers may run at once,
on one machine or many: each claims a task by locking its row.
"""

from __future__ import annotations

import os
import sys


def run_worker(*, batch: bool = False, interval: float = 1.0) -> None:
    """Run queued tasks until stopped (SIGTERM lets the task in hand finish).

    With ``batch``, run what waits now and return.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pm_origins.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("db_worker", batch=batch, interval=interval, reload=False, startup_delay=False)


def worker_argv() -> list[str]:
    """The command line of a task worker process."""
    return [sys.executable, "-m", "pm_origins", "worker"]
