"""Staff see teams, cohorts and second opinions in the admin; nobody else opens them.
(Constant queries per list: tests/web/test_query_counts.py.)"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from .conftest import make_user
from .team_helpers import World, make_world

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
