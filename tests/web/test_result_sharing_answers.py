"""The shared page speaks of "their" result, and shows the individual answers only
when the owner chooses to (the default is not)."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from pm_origins.framework import load_framework
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import finished

ANSWERS = {"innovation_01": 4, "ux_01": 2}


def _shared(result: Assessment) -> str:
    response = Client().get(reverse("assessments:shared", args=[result.share_token]))
    assert response.status_code == 200
    return response.content.decode()


def _question(item_id: str) -> str:
    return load_framework().item(item_id).text


def test_a_viewer_reads_their_closest_origin_not_yours(owner: User) -> None:
    result = finished(owner, answers=ANSWERS)
    services.share_create(assessment=result)

    html = _shared(result)

    assert "Their closest origin" in html
    assert "Their origin story" in html
    assert "Your closest origin" not in html
    assert "your starting point" not in html and "Your six competencies" not in html


def test_answers_are_hidden_from_the_shared_page_by_default(owner: User) -> None:
    result = finished(owner, title="QA Engineer", answers=ANSWERS)
    services.share_create(assessment=result)

    html = _shared(result)

    assert result.show_answers is False
    assert _question("innovation_01") not in html
    assert "QA Engineer, 5 years" not in html
    assert "chose not to show their roles and individual answers" in html


def test_the_owner_chooses_to_show_the_answers_and_can_hide_them_again(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner, answers=ANSWERS)
    services.share_create(assessment=result)
    share = reverse("assessments:share", args=[result.token])

    owner_client.post(share, {"action": "show_answers"})
    shown = _shared(result)
    owner_client.post(share, {"action": "hide_answers"})
    hidden = _shared(result)

    assert _question("innovation_01") in shown
    assert "Their answer: <strong>Often</strong>" in shown
    assert _question("innovation_01") not in hidden


def test_only_the_owner_can_change_what_the_shared_page_shows(
    other_user: User, owner: User
) -> None:
    result = finished(owner, answers=ANSWERS)
    services.share_create(assessment=result)
    stranger = Client()
    stranger.force_login(other_user)

    response = stranger.post(
        reverse("assessments:share", args=[result.token]), {"action": "show_answers"}
    )

    assert response.status_code == 404
    result.refresh_from_db()
    assert result.show_answers is False


def test_the_owner_always_sees_their_own_answers(owner_client: Client, owner: User) -> None:
    result = finished(owner, answers=ANSWERS)

    html = owner_client.get(reverse("assessments:result", args=[result.token])).content.decode()

    assert _question("innovation_01") in html
    assert "Your answer: <strong>Often</strong>" in html
    assert "Show my answers on the shared page" not in html  # no share link yet
