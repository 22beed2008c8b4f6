"""Rate limits hold exactly under parallel requests, on every counter backend.

Eighty events at once against a limit of sixty: exactly sixty are allowed. The
database counter is checked on whichever database the suite runs on: on
PostgreSQL with parallel threads, on SQLite with parallel processes sharing one
database file (as gunicorn workers do; SQLite's in-memory test database cannot
take writers from several threads). The Redis counter runs against the
machine's Redis.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings

from pm_origins.web.accounts import services as accounts
from pm_origins.web.core import ratelimit

from .conftest import PASSWORD, make_user

CALLS = 80
LIMIT = 60
PROCESSES = 4
REDIS_CACHE = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/14",
        "KEY_PREFIX": f"pm-origins-test-{os.getpid()}",
    }
}
EMAIL = "parallel-login@example.org"
WRONG = "wrong password, again"

# Run in each process: count `authenticate` calls (password hashes) and try a log-in.
LOGIN_WORK = """
from pm_origins.web.accounts import services as accounts
hashed = 0
real = accounts.authenticate
def counting(*args, **kwargs):
    global hashed
    hashed += 1
    return real(*args, **kwargs)
accounts.authenticate = counting
def once():
    try:
        accounts.login_check(request=None, email=EMAIL, password=WRONG, ip="203.0.113.9")
    except accounts.LoginThrottled:
        return "throttled"
    except accounts.AccountError:
        return "wrong"
    return "in"
outcomes = [once() for _ in range(CALLS)]
result = {"outcomes": outcomes, "hashed": hashed}
"""
HIT_WORK = """
from pm_origins.web.core import ratelimit
result = [ratelimit.hit("parallel", "one", limit=LIMIT, window=3600).allowed
          for _ in range(CALLS)]
"""


def on_sqlite() -> bool:
    return connection.vendor == "sqlite"


def in_threads(calls: int, action: Callable[[], Any]) -> list[Any]:
    """Run ``action`` ``calls`` times from eight threads released at the same moment."""
    start = threading.Barrier(8)

    def one(index: int) -> Any:
        if index < 8:
            start.wait()
        try:
            return action()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(calls)))


def in_processes(tmp_path: Path, work: str, calls_each: int, setup: str = "") -> list[Any]:
    """Run ``work`` in PROCESSES Python processes on one fresh SQLite file, all at once.

    Each process runs ``work`` with CALLS = ``calls_each`` and prints its ``result``.
    """
    env = {
        **os.environ,
        "PM_ORIGINS_DATA": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "pm_origins.web.settings",
        "PM_ORIGINS_LOGIN_ATTEMPTS_PER_HOUR": "10",
    }
    for name in ("DATABASE_URL", "REDIS_URL", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    head = "import django, json, sys, time\ndjango.setup()\n"
    prepare = head + "from django.core.management import call_command\n"
    prepare += "call_command('migrate', verbosity=0)\n" + setup
    subprocess.run([sys.executable, "-c", prepare], env=env, check=True, timeout=120)
    go = time.time() + 3.0
    body = (
        head + f"EMAIL, WRONG, LIMIT, CALLS = {EMAIL!r}, {WRONG!r}, {LIMIT}, {calls_each}\n"
        f"while time.time() < {go}:\n    time.sleep(0.001)\n"
        + textwrap.dedent(work)
        + "print(json.dumps(result))\n"
    )
    running = [
        subprocess.Popen([sys.executable, "-c", body], env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(PROCESSES)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in running]
    assert all(process.returncode == 0 for process in running)
    return [json.loads(output) for output in outputs]


@pytest.mark.django_db(transaction=True)
def test_the_database_counter_allows_exactly_the_limit_under_parallel_calls(
    tmp_path: Path,
) -> None:
    if on_sqlite():
        results = in_processes(tmp_path, HIT_WORK, CALLS // PROCESSES)
        allowed = sum(sum(each) for each in results)
    else:
        scope = f"parallel-db-{os.getpid()}"
        outcomes = in_threads(CALLS, lambda: ratelimit.hit(scope, "one", limit=LIMIT, window=3600))
        allowed = sum(r.allowed for r in outcomes)
        assert ratelimit.peek(scope, "one", limit=LIMIT, window=3600).count == CALLS
    assert allowed == LIMIT


@pytest.mark.django_db(transaction=True)
def test_the_redis_counter_allows_exactly_the_limit_under_parallel_calls() -> None:
    scope = f"parallel-redis-{os.getpid()}-{time.time_ns()}"
    with override_settings(CACHES=REDIS_CACHE):
        assert not ratelimit._in_database()
        try:
            outcomes = in_threads(
                CALLS, lambda: ratelimit.hit(scope, "one", limit=LIMIT, window=3600)
            )
        finally:
            caches["default"].clear()
    assert sum(r.allowed for r in outcomes) == LIMIT


@pytest.mark.django_db(transaction=True)
def test_parallel_wrong_passwords_are_each_counted_before_the_password_hash(
    tmp_path: Path, settings: Any
) -> None:
    attempts = 16
    if on_sqlite():
        setup = (
            "from pm_origins.web.accounts.models import User\n"
            f"User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})\n"
        )
        results = in_processes(tmp_path, LOGIN_WORK, attempts // PROCESSES, setup)
        outcomes = [o for each in results for o in each["outcomes"]]
        hashed = sum(each["hashed"] for each in results)
    else:
        settings.LOGIN_ATTEMPTS_PER_HOUR = 10
        make_user(EMAIL)
        calls = []
        real = accounts.authenticate

        def counting(*args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            return real(*args, **kwargs)

        def once() -> str:
            try:
                accounts.login_check(
                    request=None,  # type: ignore[arg-type]
                    email=EMAIL,
                    password=WRONG,
                    ip="203.0.113.9",
                )
            except accounts.LoginThrottled:
                return "throttled"
            except accounts.AccountError:
                return "wrong"
            return "in"

        accounts.authenticate = counting  # type: ignore[assignment]
        try:
            outcomes = in_threads(attempts, once)
        finally:
            accounts.authenticate = real
        hashed = len(calls)
    assert outcomes.count("wrong") == 10
    assert outcomes.count("throttled") == attempts - 10
    assert hashed == 10
