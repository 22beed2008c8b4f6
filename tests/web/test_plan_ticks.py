"""Who may tick a plan's actions off: the owner, or for a guest result the browser
session that made it. Holding the private link only lets you read."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import ActionProgress, Assessment

from .assess_helpers import finished, roles_post, start


def guest_result(client: Client) -> Assessment:
    """A result made by a guest in ``client``'s browser session, through the pages."""
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]), roles_post([("QA Engineer", 6, 0)])
    )
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": "technical"})
    assessment.refresh_from_db()
    assert assessment.is_complete and assessment.owner_id is None
    return assessment


def first_action(assessment: Assessment) -> str:
    result = assessment.result or {}
    return str(result["plan"]["phases"][0]["actions"][0]["id"])


def tick(client: Client, assessment: Assessment) -> int:
    url = reverse("assessments:action", args=[assessment.token, first_action(assessment)])
    return client.post(url, {"done": "1"}).status_code


def test_a_signed_in_stranger_holding_a_guests_link_cannot_tick_its_actions(
    other_user: User,
) -> None:
    assessment = guest_result(Client())
    stranger = Client()
    stranger.force_login(other_user)
    assert stranger.get(reverse("assessments:result", args=[assessment.token])).status_code == 200
    assert tick(stranger, assessment) == 404
    assert not ActionProgress.objects.filter(assessment=assessment).exists()
    page = stranger.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    assert "Mark as done" not in page


def test_an_anonymous_holder_of_a_guests_link_cannot_tick_its_actions() -> None:
    assessment = guest_result(Client())
    assert tick(Client(), assessment) == 404
    assert not ActionProgress.objects.exists()


def test_the_guest_session_that_made_the_result_can_tick_it() -> None:
    browser = Client()
    assessment = guest_result(browser)
    assert tick(browser, assessment) == 302
    assert ActionProgress.objects.filter(assessment=assessment).count() == 1
    page = browser.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    assert "1 of" in page and "Sign up</a> to keep this result" in page


def test_the_signed_in_owner_can_tick_and_another_account_gets_404(
    owner: User, other_user: User
) -> None:
    assessment = finished(owner)
    mine, theirs = Client(), Client()
    mine.force_login(owner)
    theirs.force_login(other_user)
    assert tick(theirs, assessment) == 404
    assert tick(mine, assessment) == 302
    assert ActionProgress.objects.filter(assessment=assessment).count() == 1
