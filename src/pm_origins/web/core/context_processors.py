from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def find_origin_url() -> str:
    """Where "Find your origin" leads: the assessment once that app exists."""
    try:
        return reverse("assessments:start")
    except NoReverseMatch:
        return reverse("core:home")


def site(request: HttpRequest) -> dict[str, object]:
    return {"find_origin_url": find_origin_url()}
