from __future__ import annotations

from django.http import HttpRequest
from django.urls import reverse


def find_origin(request: HttpRequest) -> dict[str, object]:
    """Where "Find your origin" leads, for the site's navigation and calls to action."""
    match = request.resolver_match
    return {
        "find_origin_url": reverse("assessments:start"),
        # While someone takes the assessment, calls to take it are noise.
        "taking_assessment": match is not None and match.view_name in TAKING_VIEWS,
    }


TAKING_VIEWS = frozenset(
    {
        "assessments:start",
        "assessments:roles",
        "assessments:questions",
        "assessments:target",
        "assessments:saved",
        "resumes:resume",
        "resumes:review",
    }
)
