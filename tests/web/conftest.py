"""Shared fixtures for the web tests: personas, articles, a clock, form helpers."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from pm_origins.web.accounts.models import User
from pm_origins.web.core import pagecache
from pm_origins.web.series import side_cache, spam
from pm_origins.web.series.models import Article, Series

PASSWORD = "correct horse battery staple 42"
TOKEN_RE = re.compile(r'name="token" value="([^"]+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def _web_settings(settings: Any, db: None) -> Iterator[None]:
    # Tests render templates without collectstatic; production uses the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.COMMENT_MIN_SECONDS = 3
    settings.COMMENT_MAX_AGE = 86400
    settings.COMMENTS_PER_IP = 5
    settings.LOGIN_ATTEMPTS_PER_HOUR = 10
    settings.MAILS_PER_ADDRESS_PER_HOUR = 5
    settings.MAILS_PER_IP_PER_HOUR = 20
    # Tasks run at once, so a test reads mail.outbox right after the request;
    # tests/web/test_mail_queue.py runs the real queue and its worker.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()
    side_cache.forget_version()
    pagecache.STORE.clear()
    yield
    cache.clear()


class Clock:
    """Stands in for the ``time`` module where a test needs time to pass."""

    def __init__(self) -> None:
        # Start just after an hour boundary so rate-limit windows never turn
        # over in the middle of a test by chance.
        now = time.time()
        self.offset = (now // 3600 + 1) * 3600 + 1 - now

    def time(self) -> float:
        return time.time() + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """Moves the clock of the form tokens and the rate limits together."""
    from pm_origins.web.core import ratelimit

    fake = Clock()
    monkeypatch.setattr(spam, "time", fake)
    monkeypatch.setattr(ratelimit, "time", fake)
    return fake


def make_user(email: str, *, staff: bool = False, password: str = PASSWORD) -> User:
    if staff:
        return User.objects.create_superuser(email=email, password=password)
    return User.objects.create_user(email=email, password=password)


@pytest.fixture
def owner() -> User:
    return make_user("owner@example.org")


@pytest.fixture
def other_user() -> User:
    return make_user("other@example.org")


@pytest.fixture
def staff() -> User:
    return make_user("editor@example.org", staff=True)


@pytest.fixture
def owner_client(owner: User) -> Client:
    client = Client()
    client.force_login(owner)
    return client


@pytest.fixture
def staff_client(staff: User) -> Client:
    client = Client()
    client.force_login(staff)
    return client


@pytest.fixture
def series() -> Series:
    return Series.objects.create(title="Test series", slug="test-series")


def make_article(series: Series, slug: str, *, position: int = 1, **extra: Any) -> Article:
    values: dict[str, Any] = {
        "series": series,
        "slug": slug,
        "title": f"Article {slug}",
        "summary": f"Summary of {slug}",
        "body": f"## Heading\n\nBody of {slug} about customers and roadmaps.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - timezone.timedelta(days=10 - position),
        "position": position,
    }
    values.update(extra)
    return Article.objects.create(**values)


@pytest.fixture
def article(series: Series) -> Article:
    return make_article(series, "first-article", origin_ids="sales", competency_ids="execution")


def page_token(html: str) -> str:
    match = TOKEN_RE.search(html)
    assert match, "the page has no form token"
    return match.group(1)


def human_comment(
    client: Client,
    article: Article,
    clock: Clock,
    *,
    body: str = "A thoughtful comment about this article.",
    name: str = "Ada Reader",
    email: str = "ada@example.org",
    ip: str = "203.0.113.7",
) -> Any:
    """Read the article, take time to write, and post a comment, like a person."""
    page = client.get(article.get_absolute_url(), REMOTE_ADDR=ip)
    token = page_token(page.content.decode())
    clock.advance(20)
    return client.post(
        article.get_absolute_url() + "comment/",
        {"name": name, "email": email, "body": body, "website": "", "token": token},
        REMOTE_ADDR=ip,
    )


def human_feedback(
    client: Client,
    clock: Clock,
    *,
    message: str = "Please write about moving from support into product.",
    kind: str = "topic",
    email: str = "",
    ip: str = "203.0.113.8",
) -> Any:
    page = client.get("/series/feedback/", REMOTE_ADDR=ip)
    token = page_token(page.content.decode())
    clock.advance(20)
    return client.post(
        "/series/feedback/",
        {"kind": kind, "message": message, "email": email, "website": "", "token": token},
        REMOTE_ADDR=ip,
    )


@pytest.fixture
def chromium_installed() -> None:
    """Browser tests fail, never skip, without Debian's Chromium (`make test` installs it)."""
    import shutil

    from .browser import CHROMIUM

    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's Chromium is missing: apt-get install -y chromium")
