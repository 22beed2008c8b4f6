"""Every unsafe assessment route refuses a POST without a CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import OBJECT_ROUTES, finished


@pytest.fixture
def strict(owner: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    return client


@pytest.mark.parametrize("name", [*sorted(OBJECT_ROUTES), "start"])
def test_posting_without_a_csrf_token_is_refused(strict: Client, owner: User, name: str) -> None:
    result = finished(owner)
    before = Assessment.objects.count()
    if name == "start":
        url = reverse("assessments:start")
    else:
        url = reverse(f"assessments:{name}", args=OBJECT_ROUTES[name][1](result))
    response = strict.post(url, OBJECT_ROUTES.get(name, ("", None, {}))[2])
    assert response.status_code == 403
    assert Assessment.objects.count() == before
    result.refresh_from_db()
    assert result.share_token is None and not result.progress.exists()
