"""Staff see the frameworks in use and usage counts in the admin; others do not."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User

from .assess_helpers import finished
from .conftest import make_user

PAGES = [
    "admin:assessments_assessment_changelist",
    "admin:assessments_frameworksnapshot_changelist",
    "admin:assessments_actionprogress_changelist",
]


@pytest.fixture
def staff_client() -> Client:
    client = Client()
    client.force_login(make_user("staff@example.org", staff=True))
    return client


@pytest.mark.parametrize("name", PAGES)
def test_staff_see_the_assessment_admin_pages(staff_client: Client, owner: User, name: str) -> None:
    finished(owner)
    assert staff_client.get(reverse(name)).status_code == 200


def test_the_assessment_list_counts_results_by_step_and_origin(
    staff_client: Client, owner: User
) -> None:
    finished(owner, title="UX Designer")
    finished(None, title="QA Engineer")
    page = staff_client.get(reverse(PAGES[0]), {"step": "complete"})
    html = page.content.decode()
    assert "2 assessments" in html
    assert "UX Design" in html and "Quality Assurance" in html


def test_the_framework_list_counts_results_per_version(staff_client: Client, owner: User) -> None:
    result = finished(owner)
    page = staff_client.get(reverse(PAGES[1]))
    assert result.framework_id in page.content.decode()
    detail = staff_client.get(
        reverse("admin:assessments_frameworksnapshot_change", args=[result.framework_id])
    )
    assert detail.status_code == 200 and b"competencies" in detail.content


@pytest.mark.parametrize("name", PAGES)
def test_people_who_are_not_staff_are_sent_to_log_in_and_never_see_them(
    owner: User, name: str
) -> None:
    client = Client()
    client.force_login(owner)
    response = client.get(reverse(name), follow=True)
    # The admin's own log-in page redirects to the site's throttled one, keeping "next".
    assert response.redirect_chain[-1][0].startswith(reverse("accounts:login") + "?next=")
    assert quote(reverse(name), safe="") in response.redirect_chain[-1][0]
    assert response.status_code == 200
    assert b'name="password"' in response.content  # the log-in form, not the list
