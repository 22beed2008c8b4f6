"""The site's URLs plus a bare view: the baseline of the results-page benchmark."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from pm_origins.web import urls as site


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site.urlpatterns]

handler400 = site.handler400
handler403 = site.handler403
handler404 = site.handler404
