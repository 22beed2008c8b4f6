"""Find your origin, end to end through the web: roles, questions, target, result."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.engine.errors import TITLE_CONTROL
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.assessments.views import PAGE_SIZE

from .assess_helpers import roles_post, start


def test_the_start_page_explains_and_starts_a_guest_assessment(client: Client) -> None:
    page = client.get(reverse("assessments:start"))
    assert page.status_code == 200 and b"No account needed" in page.content
    assessment = start(client)
    assert assessment.owner is None and assessment.step == Assessment.Step.ROLES
    assert len(assessment.token) >= 22


def test_roles_are_saved_and_lead_to_the_questions(client: Client) -> None:
    assessment = start(client)
    url = reverse("assessments:roles", args=[assessment.token])
    response = client.post(
        url, roles_post([("Sr. QA Engineer", "3", "0"), ("Software Developer", "2", "3")])
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:questions", args=[assessment.token, 1])
    assessment.refresh_from_db()
    assert [r["title"] for r in assessment.roles] == ["Sr. QA Engineer", "Software Developer"]
    assert assessment.roles[1]["years_ago"] == 3


def test_the_roles_page_offers_aliases_for_autocomplete(client: Client) -> None:
    assessment = start(client)
    page = client.get(reverse("assessments:roles", args=[assessment.token]))
    assert b'<datalist id="title-aliases">' in page.content
    assert b'<option value="QA Engineer">' in page.content


def test_adding_a_row_keeps_what_was_typed(client: Client) -> None:
    assessment = start(client)
    url = reverse("assessments:roles", args=[assessment.token])
    page = client.post(url, roles_post([("UX Designer", "4", "0")], add_role="1"))
    assert page.status_code == 200
    assert page.content.count(b"<legend>Role ") == 2
    assert b'value="UX Designer"' in page.content


def test_removing_a_row_drops_that_role(client: Client) -> None:
    assessment = start(client)
    url = reverse("assessments:roles", args=[assessment.token])
    client.post(
        url,
        roles_post(
            [("UX Designer", "4", "0"), ("QA Analyst", "1", "0")], **{"roles-1-DELETE": "on"}
        ),
    )
    assessment.refresh_from_db()
    assert [r["title"] for r in assessment.roles] == ["UX Designer"]


def test_an_unknown_title_is_refused_with_suggestions_and_nothing_is_lost(client: Client) -> None:
    assessment = start(client)
    url = reverse("assessments:roles", args=[assessment.token])
    client.post(url, roles_post([("QA Engineer", "3", "0")]))
    page = client.post(url, roles_post([("QA Engineer", "3", "0"), ("Data Scientist", "2", "0")]))
    assert page.status_code == 200
    assert "did you mean" in page.content.decode()
    assert b"Data Analyst" in page.content
    assessment.refresh_from_db()
    assert [r["title"] for r in assessment.roles] == ["QA Engineer"]


@pytest.mark.parametrize(
    "years, message",
    [
        ("abc", "Enter a number"),
        ("61", "less than or equal to 60"),
        ("-1", "greater than or equal to 0"),
        ("", "How many years"),
    ],
)
def test_bad_years_redisplay_the_form_with_a_message(
    client: Client, years: str, message: str
) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", years, "0")]),
    )
    assert page.status_code == 200
    assert message in page.content.decode()


@pytest.mark.parametrize("title", ["QA\tEngineer", "QA\nEngineer", "QA Engineer\r", "QA\x00"])
def test_a_title_with_a_control_character_is_refused_as_the_api_refuses_it(
    client: Client, title: str
) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]), roles_post([(title, "3", "0")])
    )
    assert page.status_code == 200
    assert html.escape(TITLE_CONTROL) in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.roles == [] and assessment.step == Assessment.Step.ROLES


def test_a_tampered_formset_gets_a_form_error_not_a_crash(client: Client) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]), {"roles-TOTAL_FORMS": "oops"}
    )
    assert page.status_code == 200
    assert b"form-errors" in page.content or b"ManagementForm" in page.content


def test_questions_are_paged_with_progress(client: Client) -> None:
    assessment = start(client, mode="all")
    page = client.get(reverse("assessments:questions", args=[assessment.token, 1]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('type="radio"') == PAGE_SIZE * 5
    assert "<progress" in html and "Page 1 of" in html


def test_answers_are_saved_per_page_and_resume(client: Client) -> None:
    assessment = start(client, mode="all")
    first = client.get(reverse("assessments:questions", args=[assessment.token, 1]))
    item_ids = list(first.context["form"].fields)
    response = client.post(
        reverse("assessments:questions", args=[assessment.token, 1]),
        {item_ids[0]: "4", item_ids[1]: "2", "move": "save"},
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.answers == {item_ids[0]: 4, item_ids[1]: 2}
    again = client.get(reverse("assessments:questions", args=[assessment.token, 1]))
    assert again.context["form"].initial[item_ids[0]] == 4


def test_a_blank_answer_clears_an_earlier_one(client: Client) -> None:
    assessment = start(client, mode="all")
    url = reverse("assessments:questions", args=[assessment.token, 1])
    item_id = next(iter(client.get(url).context["form"].fields))
    client.post(url, {item_id: "5"})
    client.post(url, {"move": "next"})
    assessment.refresh_from_db()
    assert item_id not in assessment.answers


def test_back_goes_to_the_previous_page_then_to_the_roles(client: Client) -> None:
    assessment = start(client, mode="all")
    back_from_2 = client.post(
        reverse("assessments:questions", args=[assessment.token, 2]), {"move": "back"}
    )
    assert back_from_2["Location"] == reverse("assessments:questions", args=[assessment.token, 1])
    back_from_1 = client.post(
        reverse("assessments:questions", args=[assessment.token, 1]), {"move": "back"}
    )
    assert back_from_1["Location"] == reverse("assessments:roles", args=[assessment.token])


def test_an_off_scale_answer_redisplays_the_page(client: Client) -> None:
    assessment = start(client, mode="all")
    url = reverse("assessments:questions", args=[assessment.token, 1])
    item_id = next(iter(client.get(url).context["form"].fields))
    page = client.post(url, {item_id: "9"})
    assert page.status_code == 200
    assert b"Select a valid choice" in page.content
    assessment.refresh_from_db()
    assert assessment.answers == {}


def test_a_page_past_the_end_is_not_found(client: Client) -> None:
    assessment = start(client, mode="all")
    assert (
        client.get(reverse("assessments:questions", args=[assessment.token, 99])).status_code == 404
    )


def test_finishing_with_nothing_entered_explains_what_is_needed(client: Client) -> None:
    assessment = start(client)
    page = client.post(reverse("assessments:target", args=[assessment.token]), {"target": ""})
    assert page.status_code == 200
    assert b"Add at least one role" in page.content


def test_an_unknown_target_is_a_form_error(client: Client) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:target", args=[assessment.token]), {"target": "astronaut"}
    )
    assert page.status_code == 200 and b"Select a valid choice" in page.content


def test_the_whole_flow_gives_a_result_page(client: Client) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0"), ("Software Developer", "2", "0")]),
    )
    client.post(reverse("assessments:questions", args=[assessment.token, 1]), {"move": "finish"})
    response = client.post(
        reverse("assessments:target", args=[assessment.token]), {"target": "technical"}
    )
    assert response["Location"] == reverse("assessments:result", args=[assessment.token])
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    # Five years carry 5/7 of the shares, split 60/40; the rest shows as other origins.
    assert "47% Quality Assurance / 33% Software Development / 20% other origins" in html
    assert "<svg" in html and "<table" in html
    assert "Superpowers" in html and "Development Execution" in html
    assert "First 30 days" in html and "Days 61 to 90" in html
    assert "Why: what drove each score" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]
    assert "no-store" in page["Cache-Control"]


def test_a_finished_assessment_cannot_be_changed(client: Client) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "3", "0")]),
    )
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": ""})
    response = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("UX Designer", "3", "0")]),
    )
    assert response["Location"] == reverse("assessments:result", args=[assessment.token])
    assessment.refresh_from_db()
    assert assessment.roles[0]["title"] == "QA Engineer"


def test_exports_give_markdown_and_the_json_contract(client: Client) -> None:
    assessment = start(client)
    client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("QA Engineer", "5", "0")]),
    )
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": "technical"})
    as_json = client.get(reverse("assessments:export", args=[assessment.token, "json"]))
    data = json.loads(as_json.content)
    assert data["origins"][0]["id"] == "qa"
    assert {
        "framework_version",
        "profile",
        "origins",
        "superpowers",
        "gaps",
        "advice",
        "plan",
    } <= set(data)
    assert "attachment" in as_json["Content-Disposition"]
    as_md = client.get(reverse("assessments:export", args=[assessment.token, "md"]))
    assert as_md["Content-Type"].startswith("text/markdown")
    assert "Quality Assurance" in as_md.content.decode()


def test_htmx_is_vendored_and_configured_for_the_csp(client: Client) -> None:
    assessment = start(client)
    html = client.get(reverse("assessments:roles", args=[assessment.token])).content.decode()
    assert re.search(r'<script src="/static/vendor/htmx-[\d.]+\.min\.js" defer>', html)
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html


def test_adding_a_row_puts_focus_on_the_new_title(client: Client) -> None:
    assessment = start(client)
    page = client.post(
        reverse("assessments:roles", args=[assessment.token]),
        roles_post([("UX Designer", "4", "0")], add_role="1"),
    )
    assert re.search(r'<input[^>]*name="roles-1-title"[^>]*autofocus', page.content.decode())
    assert not re.search(r'<input[^>]*name="roles-0-title"[^>]*autofocus', page.content.decode())
