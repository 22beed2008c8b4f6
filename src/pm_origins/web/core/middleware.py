from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django_prometheus import middleware as prometheus_middleware
from django_prometheus.utils import Time

PRIVATE_ATTR = "pm_origins_private"


class PrivateNoStoreMiddleware:
    """Send ``Cache-Control: no-store`` on anything shown to a signed-in user.

    Pages for a signed-in user can hold personal data; no shared or browser
    cache may keep them. Views for anonymous users that are still private
    (a share link, a guest result) mark themselves with ``@private``.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in or getattr(response, PRIVATE_ATTR, False):
            add_never_cache_headers(response)
            patch_vary_headers(response, ("Cookie",))
        return response


class PrometheusAfterMiddleware(prometheus_middleware.PrometheusAfterMiddleware):  # type: ignore[misc]
    """django-prometheus's, but a Content-Length that is not a number is the view's
    to refuse (with a 400), not a crash in the metrics."""

    def process_request(self, request: HttpRequest) -> None:
        try:
            super().process_request(request)
        except ValueError:
            request.prometheus_after_middleware_event = Time()  # type: ignore[attr-defined]


class RejectNulMiddleware:
    """Answer 400 to a request whose path or query string holds a NUL character.

    No page or id of this site contains one, and PostgreSQL refuses text with it,
    so such a request is malformed: it stops here, before any view or query.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            return bad_request_response(request)
        return self.get_response(request)


def bad_request_response(request: HttpRequest) -> HttpResponse:
    """The site's 400 answer: the API's error body under /api/, else the 400 page."""
    if request.path.startswith("/api/"):
        body = {"error": "bad_request", "detail": NUL_IN_REQUEST}
        return JsonResponse(body, status=400)
    return render(request, "400.html", status=400)


NUL_IN_REQUEST = "The address holds a NUL character, which no page or id here contains."
