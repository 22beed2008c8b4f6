"""Helpers for the find-your-origin tests: walk the steps, make finished results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.test import Client
from django.urls import reverse

from pm_origins.engine import Role
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment


def start(client: Client, *, mode: str | None = None) -> Assessment:
    """A new assessment started as a browser does; `mode` switches how its questions
    are asked ("all": every question in pages) as the question page's button does."""
    response = client.post(reverse("assessments:start"))
    assert response.status_code == 302
    token = response["Location"].split("/")[2]
    if mode is not None:
        switch = {"all": "every", "quick": "adaptive"}[mode]
        client.post(reverse("assessments:questions", args=[token, 1]), {"move": switch})
    return Assessment.objects.get(token=token)


def roles_post(rows: list[tuple[Any, ...]], *, seen: bool = True, **extra: str) -> dict[str, Any]:
    """The roles step's form data. Rows are (title, years, years ago[, origin]).

    `seen` says the page already showed how each title reads (its hidden
    read_title matches the title), so saving goes on to the questions; with
    seen=False the first post only shows the readings.
    """
    data: dict[str, Any] = {
        "roles-TOTAL_FORMS": str(len(rows)),
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "20",
    }
    for index, (title, years, ago, *origin) in enumerate(rows):
        data[f"roles-{index}-title"] = title
        data[f"roles-{index}-years"] = years
        data[f"roles-{index}-years_ago"] = ago
        data[f"roles-{index}-origin"] = origin[0] if origin else ""
        data[f"roles-{index}-read_title"] = title if seen else ""
    data.update(extra)
    return data


def finished(
    user: Any = None,
    *,
    title: str = "QA Engineer",
    years: float = 5,
    answers: dict[str, int] | None = None,
    target: str | None = "technical",
) -> Assessment:
    return services.assessment_submit(
        user=user, roles=[Role(title, years)], answers=answers or {}, target=target
    )


# Every object route of a result, for the access and CSRF tests:
# route name -> (method, how to build its arguments from a finished result, POST data).
Args = Callable[[Assessment], list[Any]]
OBJECT_ROUTES: dict[str, tuple[str, Args, dict[str, str]]] = {
    "roles": ("get", lambda a: [a.token], {}),
    "questions": ("get", lambda a: [a.token, 1], {}),
    "target": ("get", lambda a: [a.token], {}),
    "result": ("get", lambda a: [a.token], {}),
    "export": ("get", lambda a: [a.token, "json"], {}),
    "share": ("post", lambda a: [a.token], {"action": "create"}),
    "delete": ("post", lambda a: [a.token], {"confirm": "yes"}),
    "resume": ("get", lambda a: [a.token], {}),
    "saved": ("get", lambda a: [a.token], {}),
    "retake": ("post", lambda a: [a.token], {}),
    "action": (
        "post",
        lambda a: [a.token, a.result["plan"]["phases"][0]["actions"][0]["id"]],
        {"done": "1"},
    ),
}
