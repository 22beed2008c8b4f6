"""Staff see teams, cohorts and second opinions in the admin, in a fixed number of
queries per page; nobody else opens them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pm_origins.web.teams.models import Membership, TeamInvite

from .conftest import make_user
from .team_helpers import World, join, make_world

MODELS = [
    "team",
    "membership",
    "teamshare",
    "teaminvite",
    "cohort",
    "cohortperson",
    "secondopinion",
]


@pytest.fixture
def world() -> World:
    return make_world()


@pytest.fixture
def staff_client() -> Client:
    client = Client()
    client.force_login(make_user("staff@example.org", staff=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_staff_see_every_list(world: World, staff_client: Client, model: str) -> None:
    response = staff_client.get(reverse(f"admin:teams_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", MODELS)
def test_people_who_are_not_staff_cannot_open_them(world: World, model: str) -> None:
    response = world.client("lead").get(reverse(f"admin:teams_{model}_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.mark.parametrize("model", ["membership", "teaminvite"])
def test_more_rows_cost_no_more_queries(world: World, staff_client: Client, model: str) -> None:
    url = reverse(f"admin:teams_{model}_changelist")
    staff_client.get(url)
    with CaptureQueriesContext(connection) as before:
        staff_client.get(url)
    for index in range(5):
        join(world.other_team, make_user(f"extra{index}@example.org"), f"Extra {index}")
    assert Membership.objects.count() > 5 and TeamInvite.objects.count() > 5
    with CaptureQueriesContext(connection) as after:
        staff_client.get(url)
    assert len(after) == len(before)
