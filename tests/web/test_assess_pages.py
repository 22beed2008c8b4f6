"""The framework's public pages: one per origin, one per competency, and the overview."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.framework import load_framework

FRAMEWORK = load_framework()


@pytest.mark.parametrize("origin", FRAMEWORK.origins, ids=lambda o: o.id)
def test_each_origin_has_a_page_with_story_superpowers_gaps_and_advice(
    client: Client, origin: object
) -> None:
    page = client.get(reverse("assessments:origin", args=[origin.id]))  # type: ignore[attr-defined]
    html = page.content.decode()
    assert page.status_code == 200
    assert origin.name.replace("&", "&amp;") in html  # type: ignore[attr-defined]
    first_sentence = origin.story.split(".")[0].replace("'", "&#x27;")  # type: ignore[attr-defined]
    assert first_sentence in html
    for advice in origin.advice:  # type: ignore[attr-defined]
        if advice.competency in origin.weaknesses:  # type: ignore[attr-defined]
            assert advice.text.replace("'", "&#x27;")[:40] in html


@pytest.mark.parametrize("competency", FRAMEWORK.competencies, ids=lambda c: c.id)
def test_each_competency_has_a_page_with_its_five_levels(
    client: Client, competency: object
) -> None:
    page = client.get(reverse("assessments:competency", args=[competency.id]))  # type: ignore[attr-defined]
    assert page.status_code == 200
    assert page.content.decode().count('<th scope="row">') == 5


@pytest.mark.parametrize(
    "url", ["/origins/astronaut/", "/competencies/juggling/", "/origins/Bad.Id/"]
)
def test_unknown_ids_are_404(client: Client, url: str) -> None:
    assert client.get(url).status_code == 404


def test_the_overview_lists_every_origin_and_competency(client: Client) -> None:
    html = client.get(reverse("assessments:overview")).content.decode()
    for record in (*FRAMEWORK.origins, *FRAMEWORK.competencies):
        assert (
            f'href="/{"origins" if record in FRAMEWORK.origins else "competencies"}/'
            f'{record.id}/"' in html
        )


def test_the_home_page_names_the_competencies_and_origins_and_a_way_in(client: Client) -> None:
    html = client.get("/").content.decode()
    assert reverse("assessments:start") in html
    for competency in FRAMEWORK.competencies:
        assert competency.name.replace("&", "&amp;") in html
    for origin in FRAMEWORK.origins:
        assert reverse("assessments:origin", args=[origin.id]) in html
