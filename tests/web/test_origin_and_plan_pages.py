"""The result page and the API show where the origin comes from, the plan's priority,
advice and hours, and the target role on the radar."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from tests.engine.helpers import ux_style_answers

from pm_origins.engine import Role
from pm_origins.framework import Framework
from pm_origins.reports.result import CLOSE_ENOUGH_TEXT
from pm_origins.web.assessments import services

from .api_helpers import QA_ROLE, ApiClient, error_of

pytestmark = pytest.mark.django_db


def test_the_result_page_says_what_the_career_says_and_what_the_answers_resemble(
    framework: Framework,
) -> None:
    client = Client()
    assessment = services.assessment_submit(
        user=None,
        roles=[Role("QA Engineer", 10)],
        answers=ux_style_answers(framework),
        target="b2b_enterprise",
    )
    # A guest's result is read by its private link.
    page = client.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    assert "Your career says Quality Assurance; your answers resemble UX Design." in page
    assert '<th scope="col">Priority</th>' in page
    assert "of 40 hours)" in page
    assert 'class="radar-target"' in page
    assert "Target: B2B / Enterprise PM" in page
    plan = assessment.result["plan"]
    first_gap = plan["gaps"][0]
    assert first_gap["advice"][0] in page.replace("&#x27;", "'")


def test_a_close_enough_gap_is_said_on_the_page(framework: Framework) -> None:
    assessment = services.assessment_submit(
        user=None, roles=[Role("QA Engineer", 5)], answers={}, target="technical"
    )
    assert any(g["status"] == "close_enough" for g in assessment.result["plan"]["gaps"])
    page = Client().get(reverse("assessments:result", args=[assessment.token])).content.decode()
    assert CLOSE_ENOUGH_TEXT.split(":")[0] in page


def test_the_api_takes_an_hour_budget_for_the_plan() -> None:
    client = ApiClient()
    body = {"roles": [QA_ROLE], "target": "b2b_enterprise", "hours_per_month": 12}
    response = client.post("/evaluate", body)
    assert response.status_code == 200
    plan = response.json()["plan"]
    assert plan["hours_per_phase"] == 12
    assert all(phase["hours"] <= 12 for phase in plan["phases"])
    data = response.json()
    assert {"origin_basis", "clarity", "answers_resemble", "career_weight"} <= set(data)


def test_a_whole_number_written_with_a_point_is_a_whole_number() -> None:
    body = {"roles": [QA_ROLE], "target": "technical", "hours_per_month": 20.0}
    response = ApiClient().post("/evaluate", body)
    assert response.status_code == 200
    assert response.json()["plan"]["hours_per_phase"] == 20


@pytest.mark.parametrize("hours", [0, 1000, "many", 12.5, True])
def test_a_bad_hour_budget_gets_a_clear_422(hours: object) -> None:
    response = ApiClient().post(
        "/evaluate", {"roles": [QA_ROLE], "target": "technical", "hours_per_month": hours}
    )
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert any("hours_per_month" in e["loc"] for e in response.json()["errors"])


def test_an_unclear_origin_is_said_plainly_on_the_page() -> None:
    assessment = services.assessment_submit(
        user=None, roles=[Role("QA Engineer", 0.5)], answers={}, target=None
    )
    assert assessment.result["clarity"] == "unclear"
    page = Client().get(reverse("assessments:result", args=[assessment.token])).content.decode()
    assert "<h1>Your origin is not clear yet</h1>" in page
    assert "Closest: 31% Quality Assurance / 69% other origins." in page
    assert "the closest origin so far" in page
