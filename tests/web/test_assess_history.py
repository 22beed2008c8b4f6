"""Signed-in users: claiming guest results, history with trends, comparison, ticking
actions off, retaking, deleting, and their data in export and account deletion."""

from __future__ import annotations

import json

from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import ActionProgress, Assessment

from .assess_helpers import finished, roles_post, start
from .conftest import PASSWORD


def first_action(assessment: Assessment) -> str:
    return str(assessment.result["plan"]["phases"][0]["actions"][0]["id"])


def test_logging_in_claims_the_guest_results_of_that_session(owner: User) -> None:
    browser = Client()
    assessment = start(browser)
    browser.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0")]),
    )
    browser.post(reverse("assessments:target", args=[assessment.token]), {"target": ""})
    response = browser.post(
        reverse("accounts:login"),
        {"username": owner.email, "email": owner.email, "password": PASSWORD},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.owner == owner
    page = browser.get(reverse("assessments:mine"))
    assert reverse("assessments:result", args=[assessment.token]).encode() in page.content


def test_another_browsers_guest_results_are_not_claimed(owner: User) -> None:
    assessment = start(Client())
    browser = Client()
    browser.force_login(owner)
    assessment.refresh_from_db()
    assert assessment.owner is None


def test_history_shows_a_trend_chart_per_competency(owner_client: Client, owner: User) -> None:
    finished(owner, title="QA Engineer")
    finished(owner, title="QA Engineer", years=9)
    page = owner_client.get(reverse("assessments:mine"))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('class="trend-chart"') == 6
    assert html.count("<polyline") == 6
    assert "Scores per result, oldest first" in html


def test_two_results_can_be_compared(owner_client: Client, owner: User) -> None:
    before = finished(owner, title="QA Engineer", years=1)
    after = finished(owner, title="UX Designer", years=6)
    page = owner_client.get(reverse("assessments:compare"), {"a": after.token, "b": before.token})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Then and now" in html and html.count("<polygon") >= 2
    assert page.context["earlier"] == before


def test_the_owner_ticks_an_action_off_and_back(owner_client: Client, owner: User) -> None:
    result = finished(owner)
    action = first_action(result)
    url = reverse("assessments:action", args=[result.token, action])
    owner_client.post(url, {"done": "1"})
    assert ActionProgress.objects.filter(assessment=result, action_id=action).exists()
    page = owner_client.get(reverse("assessments:result", args=[result.token]))
    assert "Done ✓" in page.content.decode()
    owner_client.post(url, {"done": "0"})
    assert not ActionProgress.objects.filter(assessment=result).exists()


def test_an_action_outside_the_plan_cannot_be_ticked(owner_client: Client, owner: User) -> None:
    result = finished(owner)
    response = owner_client.post(
        reverse("assessments:action", args=[result.token, "nope"]), {"done": "1"}, follow=True
    )
    assert b"not part of this result" in response.content
    assert not ActionProgress.objects.exists()


def test_retaking_starts_a_new_assessment_with_the_same_roles(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner, title="Scrum Master", years=4)
    response = owner_client.post(reverse("assessments:retake", args=[result.token]))
    new = Assessment.objects.exclude(pk=result.pk).get()
    assert response["Location"] == reverse("assessments:roles", args=[new.token])
    assert new.roles == result.roles and new.owner == owner and new.answers == {}


def test_deleting_a_result_removes_it(owner_client: Client, owner: User) -> None:
    result = finished(owner)
    owner_client.post(reverse("assessments:delete", args=[result.token]), {"confirm": "yes"})
    assert not Assessment.objects.filter(pk=result.pk).exists()


def test_export_of_all_my_data_holds_my_results_only(
    owner_client: Client, owner: User, other_user: User
) -> None:
    mine = finished(owner)
    finished(other_user)
    data = json.loads(owner_client.get("/account/export.json").content)
    assert [r["id"] for r in data["assessments"]] == [mine.token]
    assert data["assessments"][0]["result"]["origins"][0]["id"] == "qa"


def test_deleting_the_account_removes_every_result(
    owner_client: Client, owner: User, other_user: User
) -> None:
    finished(owner)
    theirs = finished(other_user)
    owner_client.post("/account/delete/", {"password": PASSWORD})
    assert list(Assessment.objects.values_list("pk", flat=True)) == [theirs.pk]


def test_the_account_page_links_to_my_results(owner_client: Client) -> None:
    page = owner_client.get(reverse("accounts:account"))
    assert reverse("assessments:mine").encode() in page.content
