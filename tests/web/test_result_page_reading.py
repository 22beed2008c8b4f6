"""The result page opens with a summary and a contents list; "why" speaks in answer
labels and explains reverse-scored questions; the framework has a human label."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from pm_origins.framework import load_framework
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
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


def test_why_says_where_each_score_ended_and_explains_a_direction_the_reasons_do_not(
    owner_client: Client, owner: User
) -> None:
    from pm_origins.reports import read_result

    framework = load_framework()
    result = finished(owner, answers=ANSWERS)
    saved = read_result(result.result or {}, framework.competency_ids)
    stored = dict(result.result or {})
    # Keep only innovation's negative pull as the "listed" reason, while its score rose:
    # the page must say that the other answers moved it up.
    reason = next(r for r in stored["reasons"] if r["competency"] == "innovation")
    reason["answers"] = [dict(reason["answers"][0], points=-1.7)]
    score = saved.score("innovation")
    stored["profile"]["innovation"]["score"] = reason["prior"] + 10
    Assessment.objects.filter(pk=result.pk).update(result=stored)

    html = _page(owner_client, result.token)

    why = html[html.index('id="why-heading"') :]
    assert f"with your {score.answered} answers, {round(reason['prior'] + 10)}" in why
    assert "the other answer moved the score up overall" in why
