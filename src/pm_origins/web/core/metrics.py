"""Prometheus metrics of the product itself, beside django-prometheus's request,
database and cache metrics. Served at /metrics (see ``views.metrics``).

Under gunicorn ``pm-origins serve`` sets ``PROMETHEUS_MULTIPROC_DIR``, so
every worker process writes its counts to a shared folder and /metrics adds
them up, whichever worker answers.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.http import HttpRequest
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from pm_origins.web.core.net import client_ip

ASSESSMENTS_STARTED = Counter(
    "pm_origins_assessments_started_total", "Assessments started (web, API and scripts)."
)
ASSESSMENTS_COMPLETED = Counter(
    "pm_origins_assessments_completed_total", "Assessments completed, with a stored result."
)
CACHE_SECONDS = Histogram(
    "pm_origins_cache_operation_seconds",
    "Time spent in the shared cache, by operation.",
    ["backend", "operation"],
    buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0),
)


@contextmanager
def cache_timer(backend: str, operation: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        CACHE_SECONDS.labels(backend, operation).observe(time.perf_counter() - started)


def metrics_allowed(request: HttpRequest) -> bool:
    """The bearer token (if one is set) or a client IP on the allow-list opens /metrics."""
    token: str = settings.METRICS_TOKEN
    given = str(request.META.get("HTTP_AUTHORIZATION", ""))
    offered = given.removeprefix("Bearer ").strip() if given.startswith("Bearer ") else ""
    if token and offered and secrets.compare_digest(offered, token):
        return True
    try:
        address = ipaddress.ip_address(client_ip(request))
    except ValueError:
        return False
    return any(address in network for network in settings.METRICS_ALLOWED_NETWORKS)


def metrics_text() -> bytes:
    """Every metric in Prometheus text format; summed over all processes in multiprocess mode."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)
