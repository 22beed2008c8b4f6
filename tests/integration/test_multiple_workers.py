"""Several app processes against one PostgreSQL and one Redis share what they must:
sessions and the login throttle. Runs gunicorn with two workers as deployed."""

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

import psycopg
import pytest
import redis

POSTGRES = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/15"
# Unique per test process, so parallel runs never share a throttle counter.
EMAIL = f"worker-test-{os.getpid()}@example.org"
PASSWORD = "a long and careful passphrase 7"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    name = f"pmo_workers_{os.getpid()}"
    with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "PM_ORIGINS_DATA": str(tmp_path_factory.mktemp("data")),
        "DATABASE_URL": f"{POSTGRES}/{name}",
        "REDIS_URL": REDIS_URL,
        "PM_ORIGINS_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SETTINGS_MODULE": "pm_origins.web.settings",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    setup = (
        "from pm_origins.web.serve import prepare; prepare();"
        "from pm_origins.web.accounts.models import User;"
        f"User.objects.create_user(email={EMAIL!r}, password={PASSWORD!r})"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, check=True, capture_output=True)
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "pm_origins.web.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        with psycopg.connect(f"{POSTGRES}/test", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Browser:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[int, str, str]:
        """Status, body and final path (after redirects) of a GET."""
        try:
            with self.opener.open(self.base + path, timeout=10) as response:
                final = urllib.parse.urlsplit(response.geturl()).path
                return response.status, response.read().decode(), final
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), path

    def log_in(self, password: str) -> int:
        _, page, _ = self.get("/account/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert token, "the login page has a CSRF token"
        fields = dict.fromkeys(re.findall(r'name="(username|email)"', page), EMAIL)
        body = urllib.parse.urlencode(
            {**fields, "password": password, "csrfmiddlewaretoken": token.group(1)}
        ).encode()
        request = urllib.request.Request(
            self.base + "/account/login/",
            data=body,
            headers={"Referer": self.base + "/account/login/"},
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def test_a_session_made_by_one_worker_is_honoured_by_every_worker(site: str) -> None:
    browser = Browser(site)
    assert browser.log_in(PASSWORD) == 200
    landed = {browser.get("/account/")[::2] for _ in range(20)}
    assert landed == {(200, "/account/")}, "every worker must see the session (no login redirect)"
    assert Browser(site).get("/account/")[2] == "/account/login/"


def test_the_login_throttle_counts_across_workers(site: str) -> None:
    browser = Browser(site)
    before = set(redis.Redis.from_url(REDIS_URL).keys("*"))
    answers = [browser.log_in("wrong password") for _ in range(11)]
    assert answers[:10] == [200] * 10  # the form again, with a message
    assert answers[10] == 429
    assert set(redis.Redis.from_url(REDIS_URL).keys("*")) - before, (
        "the throttle's counters live in Redis"
    )
