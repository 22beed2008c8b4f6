"""Logs are one JSON object per line, each with its request's id, also sent as X-Request-ID."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """What the site's configured console handler writes, captured."""
    handler = logging.getLogger("pm_origins").handlers[0]
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)


def _records(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_every_response_carries_a_fresh_request_id() -> None:
    first, second = Client().get("/healthz"), Client().get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_every_line_logged_during_a_request_is_json_with_its_id(
    settings: Any, log_lines: io.StringIO
) -> None:
    settings.MAILS_PER_ADDRESS_PER_HOUR = 0  # so the request logs "mail throttled" too
    response = Client().post("/account/password-reset/", {"email": "someone@example.org"})
    records = _records(log_lines)
    assert {r["message"] for r in records} >= {"mail throttled", "request"}
    assert {r["request_id"] for r in records} == {response["X-Request-ID"]}
    request_line = next(r for r in records if r["message"] == "request")
    assert request_line["status"] == 302 and request_line["method"] == "POST"
    assert {"time", "level", "logger"} <= set(request_line)


def test_a_clients_own_request_id_is_ignored_without_a_trusted_proxy() -> None:
    response = Client().get("/healthz", HTTP_X_REQUEST_ID="chosen-by-client")
    assert response["X-Request-ID"] != "chosen-by-client"


def test_a_trusted_proxys_request_id_is_kept_when_it_is_plain(settings: Any) -> None:
    settings.TRUSTED_PROXIES = 1
    kept = Client().get("/healthz", HTTP_X_REQUEST_ID="nginx-4f2a9c")
    odd = Client().get("/healthz", HTTP_X_REQUEST_ID='x", "level": "CRITICAL')
    assert kept["X-Request-ID"] == "nginx-4f2a9c"
    assert re.fullmatch(r"[0-9a-f]{32}", odd["X-Request-ID"])
