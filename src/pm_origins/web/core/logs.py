"""Structured logs: one JSON object per line, each carrying the id of its request.

``RequestIdMiddleware`` (first in MIDDLEWARE) gives every request an id, or
takes the one a trusted proxy sent in X-Request-ID, keeps it in a context
variable for the request's lifetime, returns it in the X-Request-ID response
header and logs one "request" line when the response is ready.
``RequestIdFilter`` copies the id onto every log record, whoever logs it.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
# What we accept from a proxy: short and plain, so it cannot forge log fields.
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")

request_id: ContextVar[str] = ContextVar("request_id", default="-")
logger = logging.getLogger("pm_origins.request")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


def _incoming_id(request: HttpRequest) -> str:
    # Only a proxy we trust may name the request; a client's own header is ignored.
    if settings.TRUSTED_PROXIES:
        given = str(request.META.get("HTTP_X_REQUEST_ID", ""))
        if _SAFE_ID.fullmatch(given):
            return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ident = _incoming_id(request)
        token = request_id.set(ident)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = ident
            logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                },
            )
            return response
        finally:
            request_id.reset(token)
