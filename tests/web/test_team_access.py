"""Who may reach each team, invite, cohort and second-opinion page.

Every object route x (lead, member, lead of another team, outsider, anonymous):
the people it belongs to reach it; anyone else gets 404, so a stranger cannot
even tell that it exists, and nothing changes.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from pm_origins.web.teams import urls
from pm_origins.web.teams.models import (
    Membership,
)

from .team_helpers import (
    LOGIN_ROUTES,
    OBJECT_ROUTES,
    PERSONAS,
    TOKEN_ROUTES,
    World,
    make_world,
    snapshot,
)


@pytest.fixture
def world() -> World:
    return make_world()


def call(world: World, persona: str, name: str) -> Any:
    method, args, data, _, _ = OBJECT_ROUTES[name]
    url = reverse(f"teams:{name}", args=args(world))
    client = world.client(persona)
    return client.post(url, data) if method == "post" else client.get(url)


def test_every_route_is_in_the_matrix() -> None:
    names = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    covered = set(OBJECT_ROUTES) | LOGIN_ROUTES | TOKEN_ROUTES
    assert names == covered, f"add these routes to the access matrix: {names ^ covered}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_each_persona_reaches_only_what_is_theirs(world: World, name: str, persona: str) -> None:
    _, _, _, allowed, status = OBJECT_ROUTES[name]
    before = snapshot(world)
    response = call(world, persona, name)
    if persona in allowed:
        assert response.status_code == status
    else:
        assert response.status_code == 404
        assert snapshot(world) == before


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_object_pages_are_never_cached(world: World, name: str) -> None:
    _, _, _, allowed, _ = OBJECT_ROUTES[name]
    response = call(world, sorted(allowed)[0], name)
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["list", "cohorts", "opinions"])
def test_list_pages_send_anonymous_visitors_to_log_in(name: str) -> None:
    response = Client().get(reverse(f"teams:{name}"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_an_invite_link_sends_an_anonymous_visitor_to_log_in_and_back(world: World) -> None:
    url = reverse("teams:join", args=[world.invite.token])
    response = Client().get(url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert response["Location"].endswith("next=" + url)


def test_the_team_id_of_another_team_gets_404_even_for_its_members_routes(world: World) -> None:
    # A member of team A asking for team B's page, invites or members.
    client = world.client("member")
    assert client.get(reverse("teams:team", args=[world.other_team.pk])).status_code == 404
    other_invite = world.other_team.invites.create(expires_at=world.invite.expires_at)
    url = reverse("teams:invite-revoke", args=[world.team.pk, other_invite.pk])
    assert world.client("lead").post(url).status_code == 404
    other_member = Membership.objects.get(team=world.other_team)
    url = reverse("teams:member-remove", args=[world.team.pk, other_member.pk])
    assert world.client("lead").post(url).status_code == 404
    assert Membership.objects.filter(pk=other_member.pk).exists()


def test_a_lead_never_sees_a_members_second_opinion(world: World) -> None:
    assert (
        world.client("lead").get(reverse("teams:opinion", args=[world.opinion.pk])).status_code
        == 404
    )


def test_the_rating_link_is_the_only_way_in_for_a_rater(world: World) -> None:
    url = reverse("teams:rate", args=[world.open_opinion.token])
    for persona in PERSONAS:
        assert world.client(persona).get(url).status_code == 200
    assert Client().get(reverse("teams:rate", args=["not-a-token"])).status_code == 410
    answered = reverse("teams:rate", args=[world.opinion.token])
    assert Client().get(answered).status_code == 410
