"""The admin's reliability report of the stored answers, with information curves."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import responses

from .responses_helpers import finished_results, simulated_answers

PAGE = "admin:assessments_assessment_reliability"


@pytest.fixture(scope="module")
def answers() -> list[dict[str, int]]:
    return simulated_answers(150, seed=3)


def test_with_no_results_the_page_says_there_is_nothing_to_measure(
    staff_client: Client,
) -> None:
    response = staff_client.get(reverse(PAGE))

    assert response.status_code == 200
    assert "nothing to measure" in response.content.decode()


def test_the_page_reports_every_competency_with_curves_and_tables(
    staff_client: Client, answers: list[dict[str, int]]
) -> None:
    finished_results(answers)

    html = staff_client.get(reverse(PAGE)).content.decode()

    assert "From the answers of 150 people" in html
    table = html.split("<caption>Reliability per competency</caption>")[1].split("</table>")[0]
    assert table.count('<th scope="row">') == 6
    alphas = re.findall(r"</th><td>150</td><td>(0\.\d\d)</td>", table)
    assert len(alphas) == 6 and all(float(a) > 0.6 for a in alphas)
    assert html.count('class="information-chart"') == 6
    assert html.count('class="information-table"') == 6
    assert 'aria-labelledby="info-ux-title info-ux-desc"' in html
    assert "corrected item-total correlations" in html


def test_the_report_is_cached_until_a_new_result_is_finished(
    staff_client: Client, answers: list[dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    finished_results(answers[:60])
    calls = []
    real = responses.calibrate
    monkeypatch.setattr(responses, "calibrate", lambda *a, **k: calls.append(1) or real(*a, **k))

    staff_client.get(reverse(PAGE))
    staff_client.get(reverse(PAGE))
    finished_results(answers[60:70])
    html = staff_client.get(reverse(PAGE)).content.decode()

    assert len(calls) == 2
    assert "From the answers of 70 people" in html


def test_only_the_latest_respondents_up_to_the_limit_are_fitted(
    answers: list[dict[str, int]], monkeypatch: pytest.MonkeyPatch, db: None
) -> None:
    finished_results(answers[:60])

    site = responses.site_reliability(limit=50)

    assert site is not None and site.capped and site.respondents == 50


@pytest.mark.parametrize("persona", ["anonymous", "owner"])
def test_people_who_are_not_staff_cannot_see_it(persona: str, owner: User) -> None:
    client = Client()
    if persona == "owner":
        client.force_login(owner)

    response = client.get(reverse(PAGE))

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_staff_without_permission_to_view_results_are_refused(db: None) -> None:
    clerk = User.objects.create_user(email="clerk@example.org", password="x" * 20)
    clerk.is_staff = True
    clerk.save()
    client = Client()
    client.force_login(clerk)

    assert client.get(reverse(PAGE)).status_code == 403
