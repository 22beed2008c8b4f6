"""One error body for every API answer that is not a success.

``{"error": "<code>", "detail": "<what went wrong, for people>"}``, plus
``"errors": [...]`` (one entry per bad field) when the request did not validate.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from pm_origins.engine import EngineInputError, UnmatchedTitlesError
from pm_origins.evidence import EvidenceUnavailable, ResumeFileError
from pm_origins.web.core.errors import DomainError

logger = logging.getLogger("pm_origins.api")

CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "gone",
    411: "length_required",
    413: "payload_too_large",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
}
DETAILS = {
    400: "The request could not be read. Send a JSON object with Content-Type: application/json.",
    401: "Send a personal API token as 'Authorization: Bearer <token>' (make one at "
    "/account/api-tokens/), or sign in.",
    403: "You may not do this.",
    404: "Nothing here. The API's operations are listed at /api/v1/docs.",
    405: "This URL does not take that method.",
    422: "The request did not validate; see 'errors'.",
    500: "Something went wrong on our side; nothing was changed. Please try again later.",
}
CSRF_FAILED = (
    "The CSRF check failed. A signed-in browser must send the CSRF token in the "
    "X-CSRFToken header; scripts should use an API token instead."
)
BODY_UNREADABLE = (
    "The request body is not valid JSON. Send one JSON object (UTF-8, no NaN "
    "or Infinity) with Content-Type: application/json."
)
EVIDENCE_UNAVAILABLE = (
    "Résumé analysis is not available on this server; send roles and answers without resume_text."
)
RESULT_NOT_FOUND = "You have no result with this id."
CHUNKED_BODY = (
    "Send the request body with a Content-Length header; a chunked body "
    "(Transfer-Encoding: chunked) is not read."
)


def error_response(
    status: int,
    detail: str | None = None,
    *,
    code: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {
        "error": code or CODES.get(status, "error"),
        "detail": detail or DETAILS.get(status, ""),
    }
    if errors is not None:
        body["errors"] = errors
    return JsonResponse(body, status=status)


BODY_PARAM = "data"  # every operation names its body parameter so


def _location(loc: tuple[Any, ...] | list[Any]) -> list[str | int]:
    parts = [part if isinstance(part, int) else str(part) for part in loc]
    # ["body", "data", "roles", 0] reads better without the Python parameter's name.
    if parts[:2] == ["body", BODY_PARAM]:
        del parts[1]
    return parts


def _field_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "loc": _location(e.get("loc", ())),
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in errors
    ]


def response_for(request: HttpRequest, exc: Exception | type[Exception]) -> HttpResponse:
    """The one place an exception becomes an API answer, whether ninja caught it inside
    an operation or the guard caught it around one."""
    if isinstance(exc, type):  # ninja's handler type allows a class; it never passes one
        return error_response(500)
    if isinstance(exc, ValidationError):
        return error_response(422, errors=_field_errors(exc.errors))
    if isinstance(exc, AuthenticationError):
        return error_response(401)
    if isinstance(exc, HttpError):
        if exc.status_code == 403 and "CSRF" in exc.message:
            return error_response(403, CSRF_FAILED, code="csrf_failed")
        if exc.status_code == 400:
            return error_response(400, BODY_UNREADABLE)
        return error_response(exc.status_code, exc.message or None)
    if isinstance(exc, Http404):
        detail = str(exc) if exc.args and isinstance(exc.args[0], str) else None
        return error_response(404, detail)
    if isinstance(exc, UnmatchedTitlesError):
        return error_response(422, exc.message, code="unmatched_titles")
    if isinstance(exc, EngineInputError):
        return error_response(422, exc.message, code="invalid_input")
    if isinstance(exc, ResumeFileError):
        return error_response(422, exc.message, code="invalid_resume")
    if isinstance(exc, EvidenceUnavailable):
        logger.error("Résumé analysis is not installed: %s", exc.message)
        return error_response(503, EVIDENCE_UNAVAILABLE, code="evidence_unavailable")
    if isinstance(exc, DomainError):
        return error_response(422, exc.message, code="not_allowed")
    logger.exception("API error on %s %s", request.method, request.path)
    return error_response(500)


def install(api: NinjaAPI) -> None:
    """Every exception an operation raises is answered by `response_for`, in place of
    ninja's own handlers (registered per class, so each of them is replaced)."""
    for kind in (Exception, Http404, HttpError, ValidationError):
        api.add_exception_handler(kind, response_for)
