"""A site on a fresh database under gunicorn, and a plain HTTP visitor, for the
load and crash benchmarks and the integration tests.

``prepared_site`` makes a fresh data folder (and, for PostgreSQL, a fresh
database next to ``POSTGRES_URL``, dropped afterwards) and prepares it as
``pm-origins serve`` does. ``Server`` runs gunicorn on it in its own process
group, so a benchmark can kill the whole group with SIGKILL and start it again.
``Visitor`` is a cookie-keeping client that reads CSRF and comment-form tokens
from pages. ``count_rows`` (run in a child process with the site's
environment) counts what the database holds for acknowledged submissions.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")
# What a load test needs from the site's defences: many users share 127.0.0.1,
# and simulated users post their comments at once.
LOAD_ENV = {
    "PM_ORIGINS_COMMENT_MIN_SECONDS": "0",
    "PM_ORIGINS_COMMENTS_PER_IP": "1000000",
    "PM_ORIGINS_API_ANON_RATE_LIMIT": "1000000",
}
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="token" value="([^"]+)"')
RADIO_RE = re.compile(r'type="radio" name="([^"]+)"')


class Unavailable(Exception):
    """A database the benchmark needs cannot be reached."""


@dataclass
class Site:
    database: str
    data: Path
    env: dict[str, str]
    article_path: str = ""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh, empty database next to the one POSTGRES_URL names; dropped afterwards."""
    import psycopg
    from psycopg import sql

    name = f"pm_origins_bench_{secrets.token_hex(4)}"
    # Create it from the server's maintenance database: the one POSTGRES_URL names only
    # says which server (and user) to use, and need not exist.
    server = POSTGRES_URL.rsplit("/", 1)[0]
    try:
        admin = psycopg.connect(server + "/postgres", autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise Unavailable(f"no PostgreSQL at {POSTGRES_URL} ({exc})") from None
    with admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield server + "/" + name
        finally:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@contextmanager
def prepared_site(database: str, extra_env: Mapping[str, str] | None = None) -> Iterator[Site]:
    """A prepared site on SQLite or PostgreSQL, with the benchmark settings (bare view)."""
    with (
        tempfile.TemporaryDirectory(prefix="pm-origins-site-") as data,
        postgres_database() if database == "postgresql" else _no_database() as database_url,
    ):
        env = {
            **os.environ,
            "PM_ORIGINS_DATA": data,
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "benchmarks.bench_settings",
            "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
            "PM_ORIGINS_LOG_FORMAT": "json",
            **(extra_env or {}),
        }
        if "REDIS_URL" not in (extra_env or {}):
            env.pop("REDIS_URL", None)  # the database cache, unless a test asks for Redis
        env.pop("PYTEST_XDIST_WORKER", None)
        out = _child(env, "prepare")
        yield Site(database, Path(data), env, article_path=out.strip().splitlines()[-1])


@contextmanager
def _no_database() -> Iterator[str]:
    yield ""


def _child(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.harness", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"harness {args[0]} failed:\n{done.stderr[-3000:]}")
    return done.stdout


@dataclass
class Server:
    """gunicorn serving ``site`` on a free port as ``pm-origins serve`` runs it (its
    command line and hooks, metrics folder; no task worker), in a process group
    of its own."""

    site: Site
    workers: int | None = None
    args: tuple[str, ...] = ()
    log: Path | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> None:
        from pm_origins.web.serve import DEFAULT_WORKERS, gunicorn_argv

        workers = self.workers or DEFAULT_WORKERS
        argv = [
            *gunicorn_argv(host="127.0.0.1", port=self.port, workers=workers),
            "--log-level",
            "warning",
            *self.args,
        ]
        env = {
            **self.site.env,
            "PM_ORIGINS_TASK_WORKER": "0",
            "PROMETHEUS_MULTIPROC_DIR": str(self.site.data / "metrics" / str(self.port)),
        }
        out = self.log.open("ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(
            argv,
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"gunicorn did not answer within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL to the whole process group: master and workers die at once."""
        assert self.process is not None
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@dataclass
class Reply:
    status: int
    body: str
    location: str


class Visitor:
    """One browser: keeps cookies, never follows redirects, never raises for a status."""

    def __init__(self, base: str, ip: str = "") -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.headers = {"X-Forwarded-For": ip} if ip else {}

    def request(self, method: str, path: str, data: Mapping[str, Any] | None = None) -> Reply:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, method=method, headers=self.headers
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return Reply(response.status, response.read().decode(), "")
        except urllib.error.HTTPError as error:
            return Reply(error.code, error.read().decode(), error.headers.get("Location", ""))

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post_form(self, page_path: str, path: str, data: Mapping[str, Any]) -> Reply:
        """GET the page for its CSRF token, then POST the form with it."""
        page = self.get(page_path)
        token = CSRF_RE.search(page.body)
        fields = dict(data)
        if token:
            fields["csrfmiddlewaretoken"] = token.group(1)
        form_token = FORM_TOKEN_RE.search(page.body)
        if form_token and "token" in fields and fields["token"] is None:
            fields["token"] = form_token.group(1)
        return self.request("POST", path, fields)


def roles_form(title: str = "QA Engineer", years: float = 5) -> dict[str, Any]:
    return {
        "roles-TOTAL_FORMS": "1",
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "20",
        "roles-0-title": title,
        # the title whose reading the page showed: the step saves once it was seen
        "roles-0-read_title": title,
        "roles-0-years": str(years),
        "roles-0-years_ago": "0",
    }


def comment_form(marker: str) -> dict[str, Any]:
    return {
        "name": "Load tester",
        "email": "load@example.org",
        "body": f"A comment about this article, number {marker}.",
        "website": "",
        "token": None,  # filled from the page
    }


def count_rows(env: Mapping[str, str], acknowledged: Mapping[str, list[str]]) -> dict[str, int]:
    """Lost and duplicated rows for acknowledged assessment tokens and comment markers."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(acknowledged, handle)
    try:
        return dict(json.loads(_child(dict(env), "count", handle.name).splitlines()[-1]))
    finally:
        os.unlink(handle.name)


def _prepare() -> str:
    from pm_origins.web.serve import prepare

    prepare()
    from pm_origins.web.series.models import Article

    article = Article.objects.filter(comments_open=True).order_by("position").first()
    assert article is not None, "the initial data has an article open for comments"
    return article.get_absolute_url()


def _count(path: str) -> dict[str, int]:
    from django.db import connection
    from django.db.models import Count

    from pm_origins.web.assessments.models import Assessment
    from pm_origins.web.series.models import Comment

    acknowledged = json.loads(Path(path).read_text())
    tokens = set(acknowledged.get("assessments", []))
    markers = set(acknowledged.get("comments", []))
    found = dict(
        Assessment.objects.filter(token__in=tokens)
        .values_list("token")
        .annotate(n=Count("id"))
        .values_list("token", "n")
    )
    bodies: dict[str, int] = {}
    for body in Comment.objects.filter(body__startswith="A comment about this article, number "):
        marker = body.body.removeprefix("A comment about this article, number ").rstrip(".")
        bodies[marker] = bodies.get(marker, 0) + 1
    result = {
        "assessments_acknowledged": len(tokens),
        "assessments_lost": sum(1 for t in tokens if t not in found),
        "assessments_duplicated": sum(1 for n in found.values() if n > 1),
        "comments_acknowledged": len(markers),
        "comments_lost": sum(1 for m in markers if m not in bodies),
        "comments_duplicated": sum(1 for n in bodies.values() if n > 1),
        "completed_without_result": Assessment.objects.filter(
            token__in=tokens, result__isnull=True
        ).count(),
    }
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA integrity_check")
            result["integrity_ok"] = int(cursor.fetchone()[0] == "ok")
    return result


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.bench_settings")
    command = sys.argv[1]
    if command == "prepare":
        print(_prepare())
    elif command == "count":
        django.setup()
        print(json.dumps(_count(sys.argv[2])))
    else:
        raise SystemExit(f"unknown harness command {command!r}")
