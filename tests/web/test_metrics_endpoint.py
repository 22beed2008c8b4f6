"""/metrics: Prometheus text for allowed scrapers only, with the product's own counters."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from django.test import Client
from prometheus_client.parser import text_string_to_metric_families

from .assess_helpers import finished, start

TOKEN = "s3cret-metrics-token"


@pytest.fixture(autouse=True)
def _metrics_settings(settings: Any) -> None:
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = [ipaddress.ip_network("127.0.0.1/32")]


def _samples(text: str) -> dict[str, float]:
    values: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            values[sample.name] = values.get(sample.name, 0.0) + sample.value
    return values


def test_an_allowed_address_gets_prometheus_text_with_requests_database_and_cache() -> None:
    Client().get("/")
    response = Client().get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    names = _samples(response.content.decode())
    assert names["django_http_requests_total_by_view_transport_method_total"] >= 1
    assert names["django_http_requests_latency_seconds_by_view_method_count"] >= 1
    assert names["django_db_query_duration_seconds_count"] >= 1
    assert names["pm_origins_cache_operation_seconds_count"] >= 1


def test_another_address_without_the_token_is_refused() -> None:
    response = Client().get("/metrics", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403
    assert b"django_http" not in response.content


def test_a_wrong_token_is_refused_and_the_right_one_opens_it_from_anywhere() -> None:
    outside = {"REMOTE_ADDR": "203.0.113.9"}
    wrong = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer nope", **outside)
    right = Client().get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **outside)
    assert (wrong.status_code, right.status_code) == (403, 200)


def test_no_token_set_means_no_token_opens_it(settings: Any) -> None:
    settings.METRICS_TOKEN = ""
    response = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer ", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 403


def test_a_network_on_the_allow_list_opens_it(settings: Any) -> None:
    settings.METRICS_ALLOWED_NETWORKS = [ipaddress.ip_network("10.0.0.0/8")]
    assert Client().get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert Client().get("/metrics", REMOTE_ADDR="11.1.2.3").status_code == 403


def test_assessments_started_and_finished_are_counted(
    django_capture_on_commit_callbacks: Any,
) -> None:
    before = _samples(Client().get("/metrics").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        start(Client())
        finished()
    after = _samples(Client().get("/metrics").content.decode())
    started = "pm_origins_assessments_started_total"
    completed = "pm_origins_assessments_completed_total"
    assert after[started] - before[started] == 2
    assert after[completed] - before[completed] == 1
