"""/healthz checks the database and the cache, reports each, and logs a failure."""

from __future__ import annotations

import logging

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import OperationalError
from django.test import Client

from pm_origins.web.core import views


def test_a_healthy_site_reports_each_part_ok() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-store" in response["Cache-Control"]


def test_an_unreachable_cache_is_a_503_naming_the_cache(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # A real Redis client pointed at a port where nothing listens.
    monkeypatch.setattr(views, "cache", RedisCache("redis://127.0.0.1:1/0", {}))
    with caplog.at_level(logging.ERROR, logger="pm_origins"):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "checks": {"database": "ok", "cache": "error"}}
    assert any("health check failed: cache" in r.getMessage() for r in caplog.records)
    assert any(r.exc_info for r in caplog.records), "the log keeps the cause"


def test_a_failing_database_is_a_503_naming_the_database(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def refuse() -> None:
        raise OperationalError("connection refused")

    monkeypatch.setattr(views, "_check_database", refuse)
    with caplog.at_level(logging.ERROR, logger="pm_origins"):
        response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "error", "cache": "ok"}
    assert any("health check failed: database" in r.getMessage() for r in caplog.records)
