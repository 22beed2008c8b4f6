"""Prepare the data folder and serve the site with gunicorn.

``serve()`` migrates the database, creates the cache table, loads each app's
initial data, collects static files and then replaces the current process with
gunicorn. The ``pm-origins serve`` CLI command calls it; the hooks in ``gunicorn_config`` run
the task worker beside gunicorn.
"""

from __future__ import annotations

import importlib
import os
import sys

# Apps whose ``pm_origins.web.<app>.initial_data.load()`` runs on every start.
# Each loader must be idempotent and must not overwrite what an editor changed.
INITIAL_DATA_APPS: list[str] = ["series", "assessments"]


def prepare() -> None:
    """Migrate, create the cache table, load initial data and collect static files."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pm_origins.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=1)
    call_command("createcachetable", verbosity=0)
    for app in INITIAL_DATA_APPS:
        module = importlib.import_module(f"pm_origins.web.{app}.initial_data")
        report = module.load()
        print(f"{app}: {report.summary()}" if hasattr(report, "summary") else f"{app}: loaded")
    call_command("collectstatic", interactive=False, verbosity=0)


DEFAULT_WORKERS = 2


def gunicorn_argv(*, host: str, port: int, workers: int = DEFAULT_WORKERS) -> list[str]:
    """The command line that runs the site under gunicorn, with the hooks of ``gunicorn_config``."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "pm_origins.web.wsgi:application",
        "--config",
        "python:pm_origins.web.gunicorn_config",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
    ]


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = DEFAULT_WORKERS,
    task_worker: bool = True,
) -> None:
    """Prepare the site, then exec gunicorn on host:port with ``workers`` processes.

    With ``task_worker`` gunicorn's master starts one task worker beside it and
    stops it on exit. Metrics of all workers are gathered in a folder of the
    data folder unless ``PROMETHEUS_MULTIPROC_DIR`` names one.
    """
    if workers < 1:
        raise ValueError("workers must be at least 1")
    prepare()
    from django.conf import settings

    from pm_origins.web.gunicorn_config import TASK_WORKER_ENV

    metrics_dir = settings.DATA_DIR / "metrics" / f"{host.replace(':', '_')}-{port}"
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(metrics_dir))
    os.environ[TASK_WORKER_ENV] = "1" if task_worker else "0"
    argv = gunicorn_argv(host=host, port=port, workers=workers)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(argv[0], argv)
