"""Find your origin, adaptive: one question at a time, chosen from the answers so far."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.engine import adaptive_bank, replay
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import adaptive, services
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import roles_post, start

pytestmark = pytest.mark.django_db


def question_url(assessment: Assessment, number: int) -> str:
    return reverse("assessments:questions", args=[assessment.token, number])


def shown_item(client: Client, assessment: Assessment, number: int) -> str:
    page = client.get(question_url(assessment, number))
    assert page.status_code == 200
    (item,) = page.context["form"].fields
    return str(item)


def answer_until_done(client: Client, assessment: Assessment, value: str = "4") -> int:
    number = 1
    while True:
        response = client.post(
            question_url(assessment, number),
            {shown_item(client, assessment, number): value, "move": "next"},
        )
        if response["Location"] == reverse("assessments:target", args=[assessment.token]):
            return number
        number += 1


def test_a_new_assessment_asks_adaptively_one_question_at_a_time(client: Client) -> None:
    assessment = start(client)
    assert assessment.mode == "quick"
    page = client.get(question_url(assessment, 1))
    html = page.content.decode()
    assert html.count('type="radio"') == 5
    assert "Question 1 · about" in html and "more to go" in html
    assert page.context["total"] < len(services.framework_of(assessment).items)


def test_an_answer_is_stored_with_the_order_asked(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    response = client.post(question_url(assessment, 1), {item: "5", "move": "next"})
    assert response["Location"] == question_url(assessment, 2)
    assessment.refresh_from_db()
    assert assessment.answers == {item: 5}
    assert assessment.asked == [item]
    assert assessment.prior == {"mean": [0.0] * 6, "sd": [1.0] * 6}
    assert shown_item(client, assessment, 2) != item


def test_a_blank_answer_skips_the_question_for_good(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {"move": "next"})
    assessment.refresh_from_db()
    assert assessment.asked == [item] and assessment.answers == {}
    later = [shown_item(client, assessment, 2)]
    client.post(question_url(assessment, 2), {later[0]: "3", "move": "next"})
    later.append(shown_item(client, assessment, 3))
    assert item not in later


def test_back_shows_the_earlier_answer_and_a_change_is_kept(client: Client) -> None:
    assessment = start(client)
    first = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {first: "2", "move": "next"})
    back = client.post(question_url(assessment, 2), {"move": "back"})
    assert back["Location"] == question_url(assessment, 1)
    page = client.get(question_url(assessment, 1))
    assert page.context["form"].initial[first] == 2
    client.post(question_url(assessment, 1), {first: "5", "move": "next"})
    assessment.refresh_from_db()
    assert assessment.answers == {first: 5}
    assert assessment.asked == [first]
    to_roles = client.post(question_url(assessment, 1), {"move": "back"})
    assert to_roles["Location"] == reverse("assessments:roles", args=[assessment.token])


def test_save_and_finish_later_keeps_the_answer_and_gives_the_link(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    response = client.post(question_url(assessment, 1), {item: "4", "move": "save"})
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:saved", args=[assessment.token])
    link = reverse("assessments:resume", args=[assessment.token])
    assert link in client.get(response["Location"]).content.decode()
    assessment.refresh_from_db()
    assert assessment.answers == {item: 4}
    # Coming back by the link, in another browser: the next question, the same as
    # before the pause.
    expected = adaptive.session_of(assessment).next_item()
    carry_on = Client().get(link)
    assert carry_on.status_code == 302
    assert carry_on["Location"] == question_url(assessment, 2)
    assert shown_item(client, assessment, 2) == expected


def test_a_question_past_the_next_one_is_not_found(client: Client) -> None:
    assessment = start(client)
    assert client.get(question_url(assessment, 3)).status_code == 404


def test_an_answer_off_the_scale_redisplays_the_question(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    page = client.post(question_url(assessment, 1), {item: "9", "move": "next"})
    assert page.status_code == 200 and b"Select a valid choice" in page.content
    assessment.refresh_from_db()
    assert assessment.answers == {} and assessment.asked == []


def test_quick_finishes_with_fewer_questions_and_the_result_uses_the_answers(
    client: Client,
) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "10", "0")]),
    )
    asked = answer_until_done(client, assessment)
    assessment.refresh_from_db()
    total = len(services.framework_of(assessment).items)
    assert asked == len(assessment.asked) < total / 2
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": "technical"})
    assessment.refresh_from_db()
    assert assessment.is_complete
    assert assessment.result["answers"] == assessment.answers
    # The stored order is exactly what the engine asks again for these answers.
    state = adaptive.session_of(assessment).to_dict()
    again = replay(adaptive_bank(services.framework_of(assessment)), state)
    assert again.asked == assessment.asked


def test_the_target_steps_back_link_goes_to_the_last_question(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {item: "4", "move": "finish"})
    page = client.get(reverse("assessments:target", args=[assessment.token]))
    assert question_url(assessment, 1) in page.content.decode()


def test_answer_every_question_switches_to_pages_and_keeps_the_answers(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {item: "3", "move": "next"})
    switched = client.post(question_url(assessment, 2), {"move": "every"})
    assert switched["Location"] == question_url(assessment, 1)
    assessment.refresh_from_db()
    assert assessment.mode == "all" and assessment.answers == {item: 3}
    paged = client.get(question_url(assessment, 1))
    assert "Page 1 of" in paged.content.decode()
    back = client.post(question_url(assessment, 1), {"move": "adaptive"})
    assert back.status_code == 302
    assessment.refresh_from_db()
    assert assessment.mode == "quick"
    assert shown_item(client, assessment, 2) != item  # the answered one counts as asked


def test_another_user_cannot_see_or_answer_an_owned_assessment(
    owner_client: Client, other_user: User
) -> None:
    assessment = start(owner_client)
    item = shown_item(owner_client, assessment, 1)
    other = Client()
    other.force_login(other_user)
    for visitor in (other, Client()):
        assert visitor.get(question_url(assessment, 1)).status_code == 404
        assert visitor.post(question_url(assessment, 1), {item: "5"}).status_code == 404
    assessment.refresh_from_db()
    assert assessment.answers == {} and assessment.asked == []


def test_the_roles_set_the_prior_the_questions_are_chosen_with(client: Client) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "10", "0")]),
    )
    item = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {item: "3", "move": "next"})
    assessment.refresh_from_db()
    execution = services.framework_of(assessment).competency_ids.index("execution")
    assert assessment.prior["mean"][execution] > 0.2  # QA is strong in execution
    assert max(assessment.prior["sd"]) < 1.0  # ten years say more than the population
    # Changing the roles later does not change the questions already chosen.
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("UX Designer", "1", "0")]),
    )
    assessment.refresh_from_db()
    assert assessment.prior["mean"][execution] > 0.2


def test_the_progress_estimate_counts_the_questions_after_an_earlier_one(
    client: Client,
) -> None:
    assessment = start(client)
    for number in (1, 2, 3):
        item = shown_item(client, assessment, number)
        client.post(question_url(assessment, number), {item: "4", "move": "next"})
    earlier = client.get(question_url(assessment, 1))
    current = client.get(question_url(assessment, 4))
    assert earlier.context["left"] >= 3  # the two asked since, and at least one to come
    assert current.context["total"] >= 4
    assert f"Question 1 · about {earlier.context['left']} more" in earlier.content.decode()


def test_the_question_to_carry_on_with_follows_those_given(client: Client) -> None:
    assessment = start(client)
    assert adaptive.next_question_number(assessment) == 1
    for number in (1, 2):
        item = shown_item(client, assessment, number)
        client.post(question_url(assessment, number), {item: "2", "move": "next"})
    client.post(question_url(assessment, 3), {"move": "next"})  # a skip counts too
    assessment.refresh_from_db()
    assert adaptive.next_question_number(assessment) == 4


def test_switching_keeps_the_answer_on_the_page(client: Client) -> None:
    assessment = start(client)
    item = shown_item(client, assessment, 1)
    client.post(question_url(assessment, 1), {item: "5", "move": "every"})
    assessment.refresh_from_db()
    assert assessment.mode == "all" and assessment.answers == {item: 5}
    paged = client.get(question_url(assessment, 1))
    other = next(name for name in paged.context["form"].fields if name != item)
    client.post(question_url(assessment, 1), {item: "5", other: "2", "move": "adaptive"})
    assessment.refresh_from_db()
    assert assessment.mode == "quick" and assessment.answers == {item: 5, other: 2}


@pytest.mark.parametrize("mode", ["quick", "all"])
def test_questions_are_shown_without_their_competency(client: Client, mode: str) -> None:
    from pm_origins.web.core.framework import current_framework

    assessment = start(client, mode=mode)
    html = client.get(question_url(assessment, 1)).content.decode()
    form = html[html.index('<form method="post" class="questionnaire">') :]
    legends = form[: form.index("</form>")]
    for competency in current_framework().competencies:
        assert competency.name not in legends
