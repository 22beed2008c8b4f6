"""Who may call each team and second-opinion API operation.

Every object operation x (lead, member, lead of another team, outsider, anonymous):
the people it belongs to succeed, anyone signed in but not entitled gets 404 (the
object might as well not exist), anonymous gets 401; nothing changes for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from .api_helpers import ApiClient, error_of, token_for
from .team_helpers import PERSONAS, World, make_world
from .test_team_access import snapshot

Body = Callable[[World], Any]
# (method, path template) -> (body, personas entitled, their status). The lead
# reaches "leave" too, where a rule then says no (422); sharing the member's result
# is 404 for the lead: it is no result of theirs.
TEAM_OBJECT_OPERATIONS: dict[tuple[str, str], tuple[Body, set[str], int]] = {
    ("get", "/api/v1/teams/{team_id}"): (lambda w: None, {"lead", "member"}, 200),
    ("delete", "/api/v1/teams/{team_id}"): (lambda w: None, {"lead"}, 204),
    ("put", "/api/v1/teams/{team_id}/targets"): (
        lambda w: {"targets": ["technical"]},
        {"lead"},
        200,
    ),
    ("post", "/api/v1/teams/{team_id}/invites"): (lambda w: None, {"lead"}, 201),
    ("delete", "/api/v1/teams/{team_id}/invites/{invite_id}"): (lambda w: None, {"lead"}, 204),
    ("put", "/api/v1/teams/{team_id}/share"): (
        lambda w: {"result_id": w.member_result.token},
        {"member"},
        200,
    ),
    ("delete", "/api/v1/teams/{team_id}/share"): (lambda w: None, {"lead", "member"}, 204),
    ("post", "/api/v1/teams/{team_id}/leave"): (lambda w: None, {"member"}, 204),
    ("delete", "/api/v1/teams/{team_id}/members/{member_id}"): (lambda w: None, {"lead"}, 204),
    ("get", "/api/v1/second-opinions/{opinion_id}"): (lambda w: None, {"member"}, 200),
    ("delete", "/api/v1/second-opinions/{opinion_id}"): (lambda w: None, {"member"}, 204),
}
# Private operations without an object id, with a body that succeeds.
TEAM_OWN_OPERATIONS: dict[tuple[str, str], Body] = {
    ("get", "/api/v1/teams"): lambda w: None,
    ("post", "/api/v1/teams"): lambda w: {"name": "New team"},
    ("post", "/api/v1/join"): lambda w: {"token": w.invite.token, "name": "Newcomer"},
    ("get", "/api/v1/second-opinions"): lambda w: None,
    ("post", "/api/v1/second-opinions"): lambda w: {"relationship": "peer"},
}
TEAM_MATRIX = {**{k: v[0] for k, v in TEAM_OBJECT_OPERATIONS.items()}, **TEAM_OWN_OPERATIONS}


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
