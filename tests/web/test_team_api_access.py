"""Who may call each team and second-opinion API operation.

Every object operation x (lead, member, lead of another team, outsider, anonymous):
the people it belongs to succeed, anyone signed in but not entitled gets 404 (the
object might as well not exist), anonymous gets 401; nothing changes for them.
"""

from __future__ import annotations

import pytest

from .api_helpers import ApiClient, error_of, token_for
from .team_helpers import (
    PERSONAS,
    TEAM_OBJECT_OPERATIONS,
    TEAM_OWN_OPERATIONS,
    World,
    make_world,
    snapshot,
)


@pytest.fixture
def world() -> World:
    return make_world()


def path_of(world: World, template: str) -> str:
    return (
        template.replace("{team_id}", str(world.team.pk))
        .replace("{invite_id}", str(world.invite.pk))
        .replace("{member_id}", str(world.membership.pk))
        .replace("{opinion_id}", str(world.opinion.pk))
    )


def client_for(world: World, persona: str) -> ApiClient:
    user = world.user(persona)
    return ApiClient(token_for(user) if user is not None else None)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("method", "template"), sorted(TEAM_OBJECT_OPERATIONS))
def test_each_persona_reaches_only_what_is_theirs(
    world: World, method: str, template: str, persona: str
) -> None:
    body, allowed, status = TEAM_OBJECT_OPERATIONS[(method, template)]
    before = snapshot(world)
    response = client_for(world, persona).request(method, path_of(world, template), body(world))
    if persona in allowed:
        assert response.status_code == status
    elif persona == "lead" and template.endswith("/leave"):
        assert response.status_code == 422
        assert error_of(response) == "not_allowed"
    elif persona == "anonymous":
        assert response.status_code == 401
        assert snapshot(world) == before
    else:
        assert response.status_code == 404
        assert error_of(response) == "not_found"
        assert snapshot(world) == before


@pytest.mark.parametrize(("method", "template"), sorted(TEAM_OWN_OPERATIONS))
def test_private_operations_need_credentials(world: World, method: str, template: str) -> None:
    body = TEAM_OWN_OPERATIONS[(method, template)](world)
    assert ApiClient().request(method, template, body).status_code == 401
    assert client_for(world, "outsider").request(method, template, body).status_code in {200, 201}


def test_the_lists_hold_only_the_callers_own(world: World) -> None:
    outsider = client_for(world, "outsider")
    assert outsider.get("/teams").json() == []
    assert outsider.get("/second-opinions").json() == []
    assert [t["name"] for t in client_for(world, "member").get("/teams").json()] == ["Checkout"]
    assert len(client_for(world, "member").get("/second-opinions").json()) == 2


def test_a_member_cannot_share_someone_elses_result(world: World) -> None:
    path = path_of(world, "/api/v1/teams/{team_id}/share")
    response = client_for(world, "member").request(
        "put", path, {"result_id": world.lead_result.token}
    )
    assert response.status_code == 404 and error_of(response) == "not_found"
    assert not world.membership.shares.filter(assessment=world.lead_result).exists()


def test_the_lead_cannot_leave_but_can_delete(world: World) -> None:
    lead = client_for(world, "lead")
    response = lead.post(path_of(world, "/api/v1/teams/{team_id}/leave"))
    assert response.status_code == 422
    assert lead.delete(path_of(world, "/api/v1/teams/{team_id}")).status_code == 204
