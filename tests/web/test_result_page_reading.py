"""The result page opens with a summary and a contents list; "why" speaks in answer
labels and explains reverse-scored questions; the framework has a human label."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from pm_origins.framework import load_framework
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.presenters import REVERSE_NOTE

from .assess_helpers import finished

ANSWERS = {"innovation_01": 4, "innovation_10": 5, "ux_01": 2, "execution_01": 5}


def _page(client: Client, token: str) -> str:
    response = client.get(reverse("assessments:result", args=[token]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_summary_comes_first_with_origin_superpower_gap_action_and_certainty(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner, answers=ANSWERS, target="technical")
    saved = result.result or {}
    first_action = saved["plan"]["phases"][0]["actions"][0]

    html = _page(owner_client, result.token)

    summary = html[html.index('id="summary-heading"') : html.index('id="contents-heading"')]
    for term in ("Closest origin", "Top superpower", "Top gap", "First action", "How sure"):
        assert term in summary
    assert "Quality Assurance" in summary
    assert f'href="#action-{first_action["id"]}"' in summary
    assert "90% band" in summary
    assert html.index('id="summary-heading"') < html.index('id="profile-heading"')


def test_every_entry_of_the_contents_list_leads_to_a_section_on_the_page(
    owner_client: Client, owner: User
) -> None:
    html = _page(owner_client, finished(owner, answers=ANSWERS).token)

    contents = html[
        html.index('id="contents-heading"') : html.index(
            "</nav>", html.index('id="contents-heading"')
        )
    ]
    anchors = re.findall(r'href="#([\w-]+)"', contents)
    assert {"profile", "why", "plan", "keep"} <= set(anchors)
    for anchor in anchors:
        assert f'id="{anchor}"' in html, anchor


def test_why_shows_the_answer_label_and_explains_reverse_scored_items(
    owner_client: Client, owner: User
) -> None:
    framework = load_framework()
    assert framework.item("innovation_10").reverse
    labels = framework.scale("frequency").labels

    html = _page(owner_client, finished(owner, answers=ANSWERS).token)

    why = html[html.index('id="why-heading"') :]
    assert f"<strong>{labels[3]}</strong>" in why  # innovation_01 answered 4: "Often"
    assert "answered 4" not in why
    assert why.count(REVERSE_NOTE) == 1  # only innovation_10 is reverse-scored here


def test_people_see_a_framework_label_and_the_hash_stays_in_the_details(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner)
    framework = load_framework()

    html = _page(owner_client, result.token)

    assert framework.label == "Framework 2026.1 (provisional items)"
    assert f"<summary>{framework.label}</summary>" in html
    assert f"Framework version {result.framework_id}" in html
    export = owner_client.get(reverse("assessments:export", args=[result.token, "json"]))
    assert export.json()["framework_version"] == result.framework_id
