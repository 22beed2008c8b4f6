"""The result page keeps what is typical for a background apart from what was measured."""

from __future__ import annotations

import html

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.framework import load_framework
from pm_origins.reports.markdown import NOTHING_MEASURED_TEXT

from .assess_helpers import finished

pytestmark = pytest.mark.django_db


def test_a_short_career_alone_shows_typical_scores_without_level_text(client: Client) -> None:
    framework = load_framework()
    assessment = finished(years=0.5, target=None)
    assert all(entry["level"] is None for entry in assessment.result["profile"].values())
    page = html.unescape(
        client.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    )
    assert NOTHING_MEASURED_TEXT in page
    assert "Typical gaps of your background" in page
    for competency in framework.competencies:
        assert not any(level in page for level in competency.levels)


def test_answers_give_measured_scores_with_their_level_text(client: Client) -> None:
    framework = load_framework()
    answers = {item.id: (1 if item.reverse else 5) for item in framework.items_for("ux")}
    assessment = finished(years=4, answers=answers, target=None)
    assert assessment.result["profile"]["ux"]["measured"] is True
    page = html.unescape(
        client.get(reverse("assessments:result", args=[assessment.token])).content.decode()
    )
    level = assessment.result["profile"]["ux"]["level"]
    assert framework.competency("ux").levels[level] in page
    assert NOTHING_MEASURED_TEXT not in page
