"""The assessment admin filters results by origin, target role and date, and names them."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from pm_origins.web.assessments.models import Assessment

from .assess_helpers import finished
from .conftest import make_user

LIST = "admin:assessments_assessment_changelist"


@pytest.fixture
def staff_client() -> Client:
    client = Client()
    client.force_login(make_user("staff@example.org", staff=True))
    return client


def _count(html: str) -> int:
    # "N assessments" in the admin's result counter (show_full_result_count)
    found = re.search(r"(\d+) assessments?\b", html)
    assert found, "no result count on the page"
    return int(found.group(1))


def test_it_filters_by_closest_origin(staff_client: Client) -> None:
    finished(None, title="UX Designer")
    finished(None, title="QA Engineer")
    finished(None, title="QA Engineer")

    html = staff_client.get(reverse(LIST), {"origin": "qa"}).content.decode()

    assert _count(html) == 2
    assert "closest origin" in html.lower()


def test_it_filters_by_target_role_and_shows_roles_by_name(staff_client: Client) -> None:
    finished(None, target="technical")
    finished(None, target="growth_data")
    finished(None, target=None)

    technical = staff_client.get(reverse(LIST), {"target_role": "technical"}).content.decode()
    without = staff_client.get(reverse(LIST), {"target_role": "-"}).content.decode()

    assert _count(technical) == 1
    assert "Technical PM" in technical
    assert ">technical<" not in technical, "the list shows the role's name, not its id"
    assert _count(without) == 1


def test_it_filters_by_date(staff_client: Client) -> None:
    old = finished(None)
    finished(None)
    Assessment.objects.filter(pk=old.pk).update(created=timezone.now() - dt.timedelta(days=40))

    html = staff_client.get(
        reverse(LIST), {"created__gte": (timezone.now() - dt.timedelta(days=7)).isoformat()}
    ).content.decode()

    assert _count(html) == 1


def test_the_admin_names_ticked_off_actions_properly(staff_client: Client) -> None:
    html = staff_client.get(reverse("admin:index")).content.decode()

    assert "progresss" not in html.lower()
    assert "Actions ticked off" in html
