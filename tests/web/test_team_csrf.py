"""Every unsafe team, invite, cohort, second-opinion and rating route refuses a POST
without a CSRF token, and changes nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pm_origins.web.teams.models import Cohort, Membership, SecondOpinion, Team

from .team_helpers import COHORT_CSV, OBJECT_ROUTES, World, make_world, snapshot

UNSAFE = sorted(name for name, route in OBJECT_ROUTES.items() if route[0] == "post")


@pytest.fixture
def world() -> World:
    return make_world()


@pytest.mark.parametrize("name", UNSAFE)
def test_object_routes_refuse_a_post_without_a_token(world: World, name: str) -> None:
    _, args, data, allowed, _ = OBJECT_ROUTES[name]
    persona = "lead" if "lead" in allowed else "member"
    before = snapshot(world)
    client = world.client(persona, enforce_csrf_checks=True)
    response = client.post(reverse(f"teams:{name}", args=args(world)), data)
    assert response.status_code == 403
    assert snapshot(world) == before


def test_creating_a_team_needs_the_token(world: World) -> None:
    client = world.client("outsider", enforce_csrf_checks=True)
    assert client.post(reverse("teams:list"), {"name": "Sneaky"}).status_code == 403
    assert not Team.objects.filter(name="Sneaky").exists()


def test_joining_needs_the_token(world: World) -> None:
    client = world.client("outsider", enforce_csrf_checks=True)
    url = reverse("teams:join", args=[world.invite.token])
    assert client.post(url, {"name": "Sneaky"}).status_code == 403
    assert not Membership.objects.filter(user=world.outsider).exists()


def test_importing_a_cohort_needs_the_token(world: World) -> None:
    client = world.client("lead", enforce_csrf_checks=True)
    upload = SimpleUploadedFile("c.csv", COHORT_CSV.encode())
    response = client.post(reverse("teams:cohorts"), {"name": "Sneaky", "file": upload})
    assert response.status_code == 403 and not Cohort.objects.filter(name="Sneaky").exists()


def test_asking_for_a_second_opinion_needs_the_token(world: World) -> None:
    before = SecondOpinion.objects.count()
    client = world.client("member", enforce_csrf_checks=True)
    assert client.post(reverse("teams:opinions"), {"relationship": "peer"}).status_code == 403
    assert SecondOpinion.objects.count() == before


def test_answering_as_a_rater_needs_the_token(world: World) -> None:
    client = world.client("anonymous", enforce_csrf_checks=True)
    url = reverse("teams:rate", args=[world.open_opinion.token])
    assert client.post(url, {"ux_01": "3"}).status_code == 403
    world.open_opinion.refresh_from_db()
    assert world.open_opinion.submitted_at is None
