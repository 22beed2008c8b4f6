from __future__ import annotations

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CONTENT_TYPE_LATEST

from pm_origins.web.core.metrics import metrics_allowed, metrics_text

logger = logging.getLogger(__name__)


@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /account/",
        "Disallow: /accounts/",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


HEALTH_KEY = "healthz"


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _check_cache() -> None:
    probe = uuid.uuid4().hex
    cache.set(HEALTH_KEY, probe, timeout=30)
    if cache.get(HEALTH_KEY) != probe:
        raise RuntimeError("the cache did not return the value just stored")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Each part the site needs, checked now: 200 when all answer, 503 when one does not."""
    checks: dict[str, str] = {}
    for part, check in (("database", _check_database), ("cache", _check_cache)):
        try:
            check()
        except Exception:  # any failure of a part means "not healthy"; the log says why
            logger.exception("health check failed: %s", part)
            checks[part] = "error"
        else:
            checks[part] = "ok"
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus text for a scraper with the token or from an allowed address."""
    if not metrics_allowed(request):
        return HttpResponse(
            "Forbidden: send the metrics token or scrape from an allowed address.\n",
            status=403,
            content_type="text/plain; charset=utf-8",
        )
    return HttpResponse(metrics_text(), content_type=CONTENT_TYPE_LATEST)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)
