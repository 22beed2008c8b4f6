"""Personas and objects for the team tests: two teams, a cohort, a second opinion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.teams import services
from pm_origins.web.teams.models import Cohort, Membership, SecondOpinion, Team, TeamInvite

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
