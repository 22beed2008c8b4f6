"""The roles step shows how each title reads before the questions, and offers a choice
for a title it cannot place: suggested titles to click and the closest origins."""

from __future__ import annotations

import json
import re

from django.test import Client
from django.urls import reverse

from pm_origins.web.assessments.models import Assessment

from .assess_helpers import roles_post, start


def _roles_url(assessment: Assessment) -> str:
    return reverse("assessments:roles", args=[assessment.token])


def test_new_titles_are_shown_as_read_before_anything_is_saved(client: Client) -> None:
    assessment = start(client)
    page = client.post(_roles_url(assessment), roles_post([("Sr. QA Eng", "3", "0")], seen=False))

    assert page.status_code == 200
    text = page.content.decode()
    assert "Read as <strong>QA Engineer</strong>: Quality Assurance" in text
    assert "Change it?" in text
    assessment.refresh_from_db()
    assert assessment.roles == []


def test_once_the_reading_was_shown_saving_goes_on_to_the_questions(client: Client) -> None:
    assessment = start(client)
    first = client.post(_roles_url(assessment), roles_post([("Sr. QA Eng", "3", "0")], seen=False))
    hidden = re.search(r'name="roles-0-read_title" value="([^"]*)"', first.content.decode())
    assert hidden is not None and hidden.group(1) == "Sr. QA Eng"

    response = client.post(_roles_url(assessment), roles_post([("Sr. QA Eng", "3", "0")]))

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert [r["title"] for r in assessment.roles] == ["Sr. QA Eng"]


def test_a_changed_title_is_shown_again_before_it_is_saved(client: Client) -> None:
    assessment = start(client)
    data = roles_post([("QA Engineer", "3", "0")])
    data["roles-0-title"] = "UX Designer"  # typed after the QA reading was shown

    page = client.post(_roles_url(assessment), data)

    assert page.status_code == 200
    assert "Read as <strong>UX Designer</strong>: UX Design" in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.roles == []


def test_saved_roles_show_their_reading_when_the_step_is_opened_again(client: Client) -> None:
    assessment = start(client)
    client.post(_roles_url(assessment), roles_post([("Sales Engineer", "4", "0")]))

    page = client.get(_roles_url(assessment)).content.decode()

    assert "Sales &amp; Account Management 70% / Software Development 30%" in page


def test_a_product_title_is_read_as_product_experience(client: Client) -> None:
    assessment = start(client)
    page = client.post(
        _roles_url(assessment), roles_post([("Product Owner", "3", "0")], seen=False)
    )
    assert "Read as <strong>product experience</strong>" in page.content.decode()

    response = client.post(_roles_url(assessment), roles_post([("Product Owner", "3", "0")]))

    assert response.status_code == 302  # product roles never stop the assessment
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": ""})
    data = json.loads(
        client.get(reverse("assessments:export", args=[assessment.token, "json"])).content
    )
    assert data["roles"][0]["kind"] == "product"
    assert data["product"] == {
        "name": "Product Management",
        "years": 3.0,
        "roles": 1,
        "only_product": True,
    }


def test_an_unplaced_title_offers_suggestions_and_its_closest_origins(client: Client) -> None:
    assessment = start(client)
    page = client.post(_roles_url(assessment), roles_post([("Growth Ninja", "2", "0")], seen=False))

    text = page.content.decode()
    assert "We could not place this title." in text
    assert 'name="use_title" value="0:Growth Hacker"' in text
    assert "Closest origin" in text
    options = re.findall(r'<option value="([a-z_]*)"', text)
    assert options[:2] == ["", "marketing"]  # read from the title, then the closest
    assert "Marketing (closest)" in text


def test_a_title_of_another_field_says_so_and_offers_a_choice(client: Client) -> None:
    assessment = start(client)
    page = client.post(_roles_url(assessment), roles_post([("Pharmacist", "4", "0")], seen=False))

    text = page.content.decode()
    assert "This reads as a job outside every origin" in text
    assert "We could not place this title." not in text
    assert "Closest origin" in text and "Remove this role" in text


def test_clicking_a_suggestion_puts_it_in_place_without_saving(client: Client) -> None:
    assessment = start(client)
    data = roles_post([("Growth Ninja", "2", "0")], seen=False, use_title="0:Growth Hacker")

    page = client.post(_roles_url(assessment), data)

    text = page.content.decode()
    assert 'value="Growth Hacker"' in text
    assert "Read as <strong>Growth Hacker</strong>: Marketing" in text
    assessment.refresh_from_db()
    assert assessment.roles == []


def test_choosing_an_origin_places_a_title_the_person_knows_best(client: Client) -> None:
    assessment = start(client)
    rows = [("Data Scientist", "3", "0", "business_analysis")]
    page = client.post(_roles_url(assessment), roles_post(rows, seen=False))
    assert (
        "Your choice: <strong>Business Analysis &amp; Consulting</strong>" in page.content.decode()
    )

    response = client.post(_roles_url(assessment), roles_post(rows))

    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.roles[0]["origin"] == "business_analysis"
    client.post(reverse("assessments:target", args=[assessment.token]), {"target": ""})
    data = json.loads(
        client.get(reverse("assessments:export", args=[assessment.token, "json"])).content
    )
    assert data["roles"][0]["kind"] == "chosen"
    assert data["blend"][0]["id"] == "business_analysis"


def test_an_unplaced_title_without_a_choice_is_refused_and_nothing_is_saved(
    client: Client,
) -> None:
    assessment = start(client)

    page = client.post(_roles_url(assessment), roles_post([("Astronaut", "3", "0")]))

    assert page.status_code == 200
    assert "choose the origin closest to that job" in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.roles == []


def test_a_title_mixing_alphabets_is_explained(client: Client) -> None:
    assessment = start(client)

    page = client.post(_roles_url(assessment), roles_post([("Q\u0410 Engineer", "3", "0")]))

    assert "mixes letters of different alphabets" in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.roles == []


def test_an_unknown_chosen_origin_is_refused_by_the_form(client: Client) -> None:
    assessment = start(client)

    page = client.post(_roles_url(assessment), roles_post([("QA Engineer", "3", "0", "astronaut")]))

    assert page.status_code == 200
    assert "Select a valid choice" in page.content.decode()
    assessment.refresh_from_db()
    assert assessment.roles == []
