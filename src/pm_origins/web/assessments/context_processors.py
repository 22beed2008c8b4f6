from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse


def find_origin(request: HttpRequest) -> dict[str, object]:
    """Where "Find your origin" leads, for the site's navigation and calls to action."""
    return {"find_origin_url": reverse("assessments:start")}
