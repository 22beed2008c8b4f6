"""Personas and objects for the team tests: two teams, a cohort, a second opinion."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.teams import services
from pm_origins.web.teams.models import (
    Cohort,
    Membership,
    SecondOpinion,
    Team,
    TeamInvite,
    TeamShare,
)

from .assess_helpers import finished
from .conftest import make_user

PERSONAS = ("lead", "member", "other_lead", "outsider", "anonymous")
COHORT_CSV = "name,roles,ux_01,execution_01\nAna,QA Engineer=5,2,5\nBen,UX Designer=3,5,2\n"


@dataclass
class World:
    lead: User
    member: User
    other_lead: User
    outsider: User
    team: Team
    other_team: Team
    lead_membership: Membership
    membership: Membership
    invite: TeamInvite
    member_result: Assessment
    lead_result: Assessment
    cohort: Cohort
    opinion: SecondOpinion  # the member's, answered
    open_opinion: SecondOpinion  # the member's, waiting for a rater

    def user(self, persona: str) -> User | None:
        return None if persona == "anonymous" else getattr(self, persona)

    def client(self, persona: str, **kwargs: Any) -> Client:
        client = Client(**kwargs)
        user = self.user(persona)
        if user is not None:
            client.force_login(user)
        return client


def join(team: Team, user: User, name: str) -> Membership:
    invite = services.invite_create(team=team)
    return services.team_join(token=invite.token, user=user, name=name)


def make_world() -> World:
    lead = make_user("lead@example.org")
    member = make_user("member@example.org")
    other_lead = make_user("other-lead@example.org")
    outsider = make_user("outsider@example.org")
    team = services.team_create(user=lead, name="Checkout")
    other_team = services.team_create(user=other_lead, name="Search")
    membership = join(team, member, "Mia")
    lead_membership = Membership.objects.get(team=team, user=lead)
    member_result = finished(member, answers={"ux_01": 5, "execution_01": 4, "execution_02": 5})
    lead_result = finished(lead, title="UX Designer", answers={"ux_01": 2, "innovation_01": 5})
    services.share_set(membership=membership, assessment=member_result)
    services.share_set(membership=lead_membership, assessment=lead_result)
    cohort = services.cohort_import(coach=lead, name="Bootcamp", text=COHORT_CSV)
    opinion = services.opinion_invite(subject=member, relationship="peer")
    opinion = services.opinion_submit(
        opinion=opinion, answers={"ux_01": 1, "execution_01": 2}, rater_name="Zed", anonymous=False
    )
    open_opinion = services.opinion_invite(subject=member, relationship="mentor")
    return World(
        lead=lead,
        member=member,
        other_lead=other_lead,
        outsider=outsider,
        team=team,
        other_team=other_team,
        lead_membership=lead_membership,
        membership=membership,
        invite=services.invite_create(team=team),
        member_result=member_result,
        lead_result=lead_result,
        cohort=cohort,
        opinion=opinion,
        open_opinion=open_opinion,
    )


# The route tables of the access matrices -------------------------------------------

Args = Callable[[World], list[Any]]
# route -> (method, arguments, POST data, personas that reach it, their status)
OBJECT_ROUTES: dict[str, tuple[str, Args, dict[str, str], set[str], int]] = {
    "team": ("get", lambda w: [w.team.pk], {}, {"lead", "member"}, 200),
    "targets": ("post", lambda w: [w.team.pk], {"targets": "technical"}, {"lead"}, 302),
    "invite": ("post", lambda w: [w.team.pk], {}, {"lead"}, 302),
    "invite-revoke": ("post", lambda w: [w.team.pk, w.invite.pk], {}, {"lead"}, 302),
    "share": ("post", lambda w: [w.team.pk], {"action": "withdraw"}, {"lead", "member"}, 302),
    "leave": ("post", lambda w: [w.team.pk], {}, {"lead", "member"}, 302),
    "member-remove": ("post", lambda w: [w.team.pk, w.membership.pk], {}, {"lead"}, 302),
    "delete": ("post", lambda w: [w.team.pk], {}, {"lead"}, 302),
    "cohort": ("get", lambda w: [w.cohort.pk], {}, {"lead"}, 200),
    "cohort-targets": ("post", lambda w: [w.cohort.pk], {"targets": "technical"}, {"lead"}, 302),
    "cohort-export": ("get", lambda w: [w.cohort.pk], {}, {"lead"}, 200),
    "cohort-delete": ("post", lambda w: [w.cohort.pk], {}, {"lead"}, 302),
    "opinion": ("get", lambda w: [w.opinion.pk], {}, {"member"}, 200),
    "opinion-delete": ("post", lambda w: [w.opinion.pk], {}, {"member"}, 302),
}
LOGIN_ROUTES = {"list", "cohorts", "opinions", "join"}
TOKEN_ROUTES = {"rate"}


def snapshot(world: World) -> tuple[Any, ...]:
    """Everything an outsider's request must leave as it was."""
    return (
        Team.objects.count(),
        list(Membership.objects.order_by("pk").values_list("pk", "role")),
        TeamShare.objects.count(),
        list(TeamInvite.objects.order_by("pk").values_list("pk", "revoked_at")),
        list(Team.objects.order_by("pk").values_list("target_roles", flat=True)),
        list(Cohort.objects.order_by("pk").values_list("pk", "target_roles")),
        SecondOpinion.objects.count(),
    )


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
