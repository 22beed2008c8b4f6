"""Save and finish later: a real link (to copy or to mail to oneself), "carry on where
you stopped" on /find/ in the same browser, and a retake from the previous answers or
from nothing."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import finished, roles_post, start


def _save_first_page(client: Client, assessment: Assessment) -> tuple[Any, list[str]]:
    first = client.get(reverse("assessments:questions", args=[assessment.token, 1]))
    item_ids = list(first.context["form"].fields)
    response = client.post(
        reverse("assessments:questions", args=[assessment.token, 1]),
        {item_ids[0]: "4", item_ids[1]: "2", "move": "save"},
    )
    return response, item_ids


def test_saving_leads_to_a_page_with_a_real_link_and_a_copy_button(client: Client) -> None:
    assessment = start(client, mode="all")  # pages of eight
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0")]),
    )

    response, _ = _save_first_page(client, assessment)

    saved = reverse("assessments:saved", args=[assessment.token])
    assert response["Location"] == saved
    html = client.get(saved).content.decode()
    link = "http://testserver" + reverse("assessments:resume", args=[assessment.token])
    assert f'<a id="resume-link" class="long-link" href="{link}">{link}</a>' in html
    assert 'data-copy="#resume-link"' in html
    assert "E-mail it to yourself" in html


def test_the_link_carries_on_at_the_first_page_with_unanswered_questions(client: Client) -> None:
    assessment = start(client, mode="all")  # pages of eight
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0")]),
    )
    first = client.get(reverse("assessments:questions", args=[assessment.token, 1]))
    answers = dict.fromkeys(first.context["form"].fields, "3")
    client.post(
        reverse("assessments:questions", args=[assessment.token, 1]), {**answers, "move": "save"}
    )

    response = Client().get(reverse("assessments:resume", args=[assessment.token]))

    assert response["Location"] == reverse("assessments:questions", args=[assessment.token, 2])


def test_the_link_can_be_mailed_through_the_queue(client: Client) -> None:
    assessment = start(client, mode="all")  # pages of eight
    _save_first_page(client, assessment)

    response = client.post(
        reverse("assessments:saved", args=[assessment.token]), {"email": "me@example.org"}
    )

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["me@example.org"]
    assert reverse("assessments:resume", args=[assessment.token]) in message.body
    assert "on its way" in client.get(response["Location"]).content.decode()


def test_a_bad_address_is_a_form_error_and_nothing_is_sent(client: Client) -> None:
    assessment = start(client, mode="all")  # pages of eight

    response = client.post(
        reverse("assessments:saved", args=[assessment.token]), {"email": "not an address"}
    )

    assert response.status_code == 400
    assert "Enter a valid email address" in response.content.decode()
    assert mail.outbox == []


def test_find_offers_to_carry_on_in_the_same_browser_only(client: Client) -> None:
    assessment = start(client, mode="all")  # pages of eight
    _save_first_page(client, assessment)

    mine = client.get(reverse("assessments:start")).content.decode()
    other = Client().get(reverse("assessments:start")).content.decode()

    resume = reverse("assessments:resume", args=[assessment.token])
    assert "Carry on where you stopped" in mine and resume in mine
    assert "with 2 answers so far" in mine
    assert "Carry on where you stopped" not in other


def test_find_offers_a_signed_in_person_their_own_unfinished_assessment(
    owner_client: Client, owner: User
) -> None:
    start(owner_client)

    html = owner_client.get(reverse("assessments:start")).content.decode()

    assert "Carry on where you stopped" in html


def test_a_retake_starts_from_the_previous_answers_and_target_by_default(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner, answers={"innovation_01": 4, "ux_01": 2}, target="growth_data")

    owner_client.post(reverse("assessments:retake", args=[result.token]), {"start": "previous"})

    new = Assessment.objects.exclude(pk=result.pk).get()
    assert new.roles == result.roles
    assert new.answers == {"innovation_01": 4, "ux_01": 2}
    assert new.target == "growth_data"
    assert new.step == Assessment.Step.ROLES


def test_a_retake_can_start_fresh(owner_client: Client, owner: User) -> None:
    result = finished(owner, answers={"innovation_01": 4}, target="growth_data")

    owner_client.post(reverse("assessments:retake", args=[result.token]), {"start": "fresh"})

    new = Assessment.objects.exclude(pk=result.pk).get()
    assert (new.roles, new.answers, new.target) == ([], {}, "")


def test_the_result_page_offers_both_ways_to_retake(owner_client: Client, owner: User) -> None:
    result = finished(owner)

    html = owner_client.get(reverse("assessments:result", args=[result.token])).content.decode()

    assert 'name="start" value="previous"' in html and 'name="start" value="fresh"' in html
