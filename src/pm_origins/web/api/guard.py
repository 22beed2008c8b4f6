"""What every request under /api/v1/ passes through before and after ninja.

Ninja answers its own operations; this wrapper, put around each of the API's
URL patterns, covers what happens outside them: a body too large to read (413),
too many requests (429, counted in the shared cache so the limit holds across
workers), a method the route does not take (405), and anything unexpected
(500). Each answers the API's one error body, never an HTML page.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from pm_origins.web.api import errors
from pm_origins.web.api.errors import error_response
from pm_origins.web.core import ratelimit
from pm_origins.web.core.net import client_ip

# The limits themselves are settings (PM_ORIGINS_API_*, see options.py).
RATE_WINDOW = 60  # seconds
AUTH_FAILURE_WINDOW = 600

View = Callable[..., HttpResponse]


def limit(name: str) -> int:
    return int(getattr(settings, name))


def _body_too_large(request: HttpRequest) -> HttpResponse | None:
    if "chunked" in str(request.META.get("HTTP_TRANSFER_ENCODING", "")).lower():
        # Django reads a body by its Content-Length; a chunked one would read as empty.
        return error_response(411, errors.CHUNKED_BODY)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return error_response(400, "The Content-Length header is not a number.")
    cap = limit("API_MAX_BODY_BYTES")
    if length > cap:
        return error_response(
            413,
            f"The request body is {length} bytes; the API takes at "
            f"most {cap} bytes ({cap // 1024} KB).",
        )
    # Read the (small) body now, so every later reader sees the same bytes: the CSRF
    # check parses form bodies from the stream, after which ninja could not read it.
    try:
        request.body  # noqa: B018
    except OSError:
        return error_response(400, "The request body could not be read.")
    return None


def _caller(request: HttpRequest) -> tuple[str, int]:
    """Whom to count this request against, and their limit, without a database write."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header[:7].lower() == "bearer ":
        return "token:" + header[7:].strip(), limit("API_RATE_LIMIT")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}", limit("API_RATE_LIMIT")
    return "ip:" + client_ip(request), limit("API_ANON_RATE_LIMIT")


def _too_many(retry_after: int, detail: str) -> HttpResponse:
    response = error_response(429, detail)
    response["Retry-After"] = str(retry_after)
    return response


def _rate_limited(request: HttpRequest) -> HttpResponse | None:
    if "HTTP_AUTHORIZATION" in request.META:
        failures = ratelimit.peek(
            "api-auth-failures",
            client_ip(request),
            limit=limit("API_AUTH_FAILURES"),
            window=AUTH_FAILURE_WINDOW,
        )
        if not failures.allowed:
            return _too_many(
                failures.retry_after,
                "Too many requests with a wrong token from "
                f"your address; try again in {failures.retry_after} s.",
            )
    ident, most = _caller(request)
    state = ratelimit.hit("api", ident, limit=most, window=RATE_WINDOW)
    if not state.allowed:
        return _too_many(
            state.retry_after,
            f"More than {most} requests in {RATE_WINDOW} s; try again in {state.retry_after} s.",
        )
    return None


def _as_error_body(response: HttpResponse) -> HttpResponse:
    """Ninja's own 405 (and any other non-JSON error) in the API's error body."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    replaced = error_response(response.status_code)
    if response.has_header("Allow"):
        replaced["Allow"] = response["Allow"]
    return replaced


def guard(view: View) -> View:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = _body_too_large(request) or _rate_limited(request)
        if response is None:
            try:
                response = _as_error_body(view(request, *args, **kwargs))
            except Exception as exc:  # raised outside ninja's own handling
                response = errors.response_for(request, exc)
        if response.status_code == 401 and "HTTP_AUTHORIZATION" in request.META:
            # Guessing tokens costs the guesser: each miss counts against their address.
            ratelimit.hit(
                "api-auth-failures",
                client_ip(request),
                limit=limit("API_AUTH_FAILURES"),
                window=AUTH_FAILURE_WINDOW,
            )
        user = getattr(request, "user", None)
        if "HTTP_AUTHORIZATION" in request.META or (user is not None and user.is_authenticated):
            add_never_cache_headers(response)
            patch_vary_headers(response, ("Authorization", "Cookie"))
        return response

    return guarded


@csrf_exempt  # it changes nothing, so any method gets the JSON 404, not a CSRF page
def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    """Any URL under /api/ that no operation answers, whatever the method."""
    return error_response(404)
