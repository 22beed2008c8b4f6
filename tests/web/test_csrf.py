"""Every form refuses a POST without a CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.series.models import Article

from .conftest import PASSWORD

ANONYMOUS_FORMS = [
    "/account/signup/",
    "/account/login/",
    "/account/password-reset/",
    "/account/password-reset/MQ/set-password/",
    "/series/feedback/",
    "/series/first-article/comment/",
]
SIGNED_IN_FORMS = [
    "/account/logout/",
    "/account/delete/",
    "/account/password/",
    "/admin/series/comment/",
]


@pytest.mark.parametrize("path", ANONYMOUS_FORMS)
def test_anonymous_forms_refuse_a_post_without_a_token(path: str, article: Article) -> None:
    response = Client(enforce_csrf_checks=True).post(path, {"email": "a@example.org"})
    assert response.status_code == 403
    assert "This form could not be checked" in response.content.decode()


@pytest.mark.parametrize("path", SIGNED_IN_FORMS)
def test_signed_in_forms_refuse_a_post_without_a_token(path: str, staff: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = client.post(path, {"password": PASSWORD})
    assert response.status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()


def test_a_form_with_its_token_goes_through(owner: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.get("/account/login/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/account/login/",
        {"email": owner.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
