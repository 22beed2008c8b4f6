"""The team page and the API's team view cost the same number of queries for a team
of 10 as for a team of 200."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.series import side_cache
from pm_origins.web.teams import services
from pm_origins.web.teams.models import Cohort, CohortPerson, Membership, Team, TeamShare

from .api_helpers import ApiClient, token_for
from .assess_helpers import finished
from .conftest import make_user


def build_team(size: int, lead: User) -> Team:
    """A team of `size` members who each shared a result (rows copied, not re-scored)."""
    team = services.team_create(user=lead, name=f"Team of {size}")
    template = finished(lead, answers={"ux_01": 4, "execution_01": 5})
    services.share_set(membership=Membership.objects.get(team=team, user=lead), assessment=template)
    users = User.objects.bulk_create(
        [User(email=f"m{size}-{i}@example.org") for i in range(size - 1)]
    )
    memberships = Membership.objects.bulk_create(
        [Membership(team=team, user=u, name=f"Member {i}") for i, u in enumerate(users)]
    )
    results = Assessment.objects.bulk_create(
        [
            Assessment(
                owner=u,
                framework=template.framework,
                step=Assessment.Step.COMPLETE,
                result=template.result,
                completed_at=template.completed_at,
            )
            for u in users
        ]
    )
    TeamShare.objects.bulk_create(
        [TeamShare(membership=m, assessment=a) for m, a in zip(memberships, results, strict=True)]
    )
    return team


def count(call: Any) -> int:
    """The queries one call costs: the fewer of two tries, so that a rate-limit window
    or token stamp that happens to roll over during one of them is not counted (an
    N+1 costs more in both)."""
    costs = []
    for _ in range(2):
        side_cache.forget_version()  # the side area's version is read every time
        with CaptureQueriesContext(connection) as queries:
            response = call()
        assert response.status_code == 200
        costs.append(len(queries))
    return min(costs)


@pytest.fixture
def lead() -> User:
    return make_user("lead@example.org")


def test_the_team_page_costs_the_same_for_10_and_200(lead: User) -> None:
    small, large = build_team(10, lead), build_team(200, lead)
    client = Client()
    client.force_login(lead)
    for team in (small, large):  # warm the framework and side-area caches
        client.get(reverse("teams:team", args=[team.pk]))
    costs = [
        count(lambda t=t: client.get(reverse("teams:team", args=[t.pk]))) for t in (small, large)
    ]
    assert costs[0] == costs[1]


def test_the_api_team_view_costs_the_same_for_10_and_200(lead: User) -> None:
    small, large = build_team(10, lead), build_team(200, lead)
    api = ApiClient(token_for(lead))
    for team in (small, large):
        api.get(f"/teams/{team.pk}")
    costs = [count(lambda t=t: api.get(f"/teams/{t.pk}")) for t in (small, large)]
    assert costs[0] == costs[1]


def test_the_cohort_page_costs_the_same_for_10_and_200(lead: User) -> None:
    cohorts = []
    template = finished(lead).result
    for size in (10, 200):
        cohort = Cohort.objects.create(
            coach=lead, name=f"C{size}", framework_id=finished(lead).framework_id
        )
        CohortPerson.objects.bulk_create(
            [
                CohortPerson(cohort=cohort, name=f"P{i}", line=i + 2, result=template)
                for i in range(size)
            ]
        )
        cohorts.append(cohort)
    client = Client()
    client.force_login(lead)
    for cohort in cohorts:
        client.get(reverse("teams:cohort", args=[cohort.pk]))
    costs = [count(lambda c=c: client.get(reverse("teams:cohort", args=[c.pk]))) for c in cohorts]
    assert costs[0] == costs[1]
