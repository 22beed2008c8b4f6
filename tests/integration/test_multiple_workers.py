"""Two gunicorn instances (two workers each) on one PostgreSQL and one Redis share
what they must: sessions, the log-in throttle, the mail throttle and comment
moderation. Each instance runs as `pm-origins serve` runs it (its command line
and hooks), without a task worker, so queued mail stays countable."""

from __future__ import annotations

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import redis

from pm_origins.web.serve import gunicorn_argv

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("PM_ORIGINS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Unique per test process, so parallel runs never share a throttle counter.
EMAIL = f"worker-test-{os.getpid()}@example.org"
STAFF = f"editor-{os.getpid()}@example.org"
PASSWORD = "a long and careful passphrase 7"
MAILS_PER_ADDRESS = 3


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _database() -> str:
    return f"pmo_workers_{os.getpid()}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """Base URLs of two gunicorn instances on one database, one Redis and one secret key."""
    name = _database()
    with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    data: Path = tmp_path_factory.mktemp("data")
    env = {
        **os.environ,
        "PM_ORIGINS_DATA": str(data),
        "DATABASE_URL": f"{POSTGRES}/{name}",
        "REDIS_URL": REDIS_URL,
        "PM_ORIGINS_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "pm_origins.web.settings",
        "PM_ORIGINS_MAILS_PER_ADDRESS": str(MAILS_PER_ADDRESS),
        "PM_ORIGINS_MAILS_PER_IP": "100000",  # other test runs may share 127.0.0.1's counter
        "PM_ORIGINS_COMMENT_MIN_SECONDS": "0",
        "PM_ORIGINS_COMMENTS_PER_IP": "100000",
        "PM_ORIGINS_TASK_WORKER": "0",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    setup = (
        "from pm_origins.web.serve import prepare; prepare();"
        "from pm_origins.web.accounts.models import User;"
        f"User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r});"
        f"User.objects.create_superuser(email={STAFF!r}, password={PASSWORD!r})"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, check=True, capture_output=True)
    servers, bases = [], []
    for number in range(2):
        port = _free_port()
        metrics = data / "metrics" / str(number)
        servers.append(
            subprocess.Popen(
                gunicorn_argv(host="127.0.0.1", port=port, workers=2),
                env={**env, "PROMETHEUS_MULTIPROC_DIR": str(metrics)},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        bases.append(f"http://127.0.0.1:{port}")
    try:
        for base in bases:
            for _ in range(300):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
        yield bases[0], bases[1]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sql(query: str, *params: object) -> list[tuple[object, ...]]:
    with psycopg.connect(f"{POSTGRES}/{_database()}") as conn:
        return conn.execute(query, params).fetchall()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.email = EMAIL
        cookies = urllib.request.HTTPCookieProcessor(self.jar)
        self.opener = urllib.request.build_opener(cookies)
        self.no_redirects = urllib.request.build_opener(cookies, _NoRedirect())

    def get(self, path: str) -> tuple[int, str, str]:
        """Status, body and final path (after redirects) of a GET."""
        try:
            with self.opener.open(self.base + path, timeout=10) as response:
                final = urllib.parse.urlsplit(response.geturl()).path
                return response.status, response.read().decode(), final
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), path

    def log_in(self, password: str) -> int:
        return self.post_form(
            "/account/login/", {"email": self.email, "password": password}, follow=True
        )

    def post_form(
        self, path: str, fields: dict[str, str], *, action: str = "", follow: bool = False
    ) -> int:
        """GET ``path`` for its tokens, POST ``fields`` to ``action`` (default: ``path``).

        Returns the status: the redirect itself unless ``follow``.
        """
        _, page, _ = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, f"{path} has a CSRF token"
        extra = {"csrfmiddlewaretoken": token.group(1)}
        form_token = re.search(r'name="token" value="([^"]+)"', page)
        if form_token:
            extra["token"] = form_token.group(1)
        request = urllib.request.Request(
            self.base + (action or path),
            data=urllib.parse.urlencode({**fields, **extra}).encode(),
            headers={"Referer": self.base + path},
        )
        opener = self.opener if follow else self.no_redirects
        try:
            with opener.open(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return int(error.code)


def test_a_session_made_on_one_instance_is_honoured_by_the_other(
    sites: tuple[str, str],
) -> None:
    first, second = sites
    browser = Browser(first)
    assert browser.log_in(PASSWORD) == 200
    browser.base = second
    landed = {browser.get("/account/")[::2] for _ in range(10)}
    assert landed == {(200, "/account/")}, "the other instance sees the session"
    assert Browser(second).get("/account/")[2] == "/account/login/"


def test_the_login_throttle_counts_across_instances(sites: tuple[str, str]) -> None:
    browser = Browser(sites[0])
    before = set(redis.Redis.from_url(REDIS_URL).keys("*"))
    answers = []
    for attempt in range(11):
        browser.base = sites[attempt % 2]
        answers.append(browser.log_in("wrong password"))
    assert answers[:10] == [200] * 10  # the form again, with a message
    assert answers[10] == 429
    assert set(redis.Redis.from_url(REDIS_URL).keys("*")) - before, (
        "the throttle's counters live in Redis"
    )


def test_the_mail_throttle_counts_across_instances(sites: tuple[str, str]) -> None:
    address = f"reset-{os.getpid()}@example.org"
    for attempt in range(10):
        browser = Browser(sites[attempt % 2])
        assert browser.post_form("/account/password-reset/", {"email": address}) == 302
    queued = _sql(
        "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE args_kwargs::text LIKE %s",
        f"%{address}%",
    )
    assert queued == [(MAILS_PER_ADDRESS,)]


def test_a_comment_held_on_one_instance_shows_on_both_once_approved_on_the_other(
    sites: tuple[str, str],
) -> None:
    first, second = sites
    article = _sql("SELECT slug FROM series_article WHERE comments_open ORDER BY position")[0][0]
    page = f"/series/{article}/"
    body = f"A held comment from process {os.getpid()} about this article."
    visitor = Browser(first)
    status = visitor.post_form(
        page,
        {"name": "Ann", "email": "ann@example.org", "body": body, "website": ""},
        action=page + "comment/",
    )
    assert status == 302
    assert all(body not in Browser(base).get(page)[1] for base in sites), "held until approved"
    (comment_id,) = _sql("SELECT id FROM series_comment WHERE body = %s", body)[0]
    editor = Browser(second)
    editor.email = STAFF
    assert editor.log_in(PASSWORD) == 200
    approved = editor.post_form(
        "/admin/series/comment/",
        {"action": "mark_approved", "_selected_action": str(comment_id), "index": "0"},
    )
    assert approved == 302
    assert all(body in Browser(base).get(page)[1] for base in sites), "shown by both instances"


def test_metrics_add_up_over_the_workers_of_an_instance(sites: tuple[str, str]) -> None:
    base = sites[1]
    for _ in range(20):
        assert Browser(base).get("/robots.txt")[0] == 200
    _, text, _ = Browser(base).get("/metrics")
    counted = sum(
        float(line.rsplit(" ", 1)[1])
        for line in text.splitlines()
        if line.startswith("django_http_requests_total_by_view_transport_method_total{")
        and 'view="core:robots"' in line
    )
    assert counted == 20, "every worker's requests are in one answer"
