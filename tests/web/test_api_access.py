"""Who may call each API operation: owner, other user, anonymous, bad credentials.

Another user's result answers 404 on every object operation and method, so a
stranger cannot even tell that it exists; without credentials every private
operation answers 401.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.api import services as token_services
from pm_origins.web.api.models import ApiToken
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

from .api_helpers import ApiClient, error_of, openapi, session_client, token_for
from .assess_helpers import finished
from .team_helpers import TEAM_MATRIX, TEAM_OBJECT_OPERATIONS

# (method, path template) -> the success status for the owner
OBJECT_OPERATIONS = {
    ("get", "/api/v1/results/{result_id}"): 200,
    ("delete", "/api/v1/results/{result_id}"): 204,
    ("post", "/api/v1/results/{result_id}/share"): 200,
    ("delete", "/api/v1/results/{result_id}/share"): 204,
}
# Private operations without an object, with a body that would succeed.
OWN_OPERATIONS: dict[tuple[str, str], Any] = {
    ("get", "/api/v1/me"): None,
    ("get", "/api/v1/results"): None,
    ("post", "/api/v1/results"): {"roles": [{"title": "QA Engineer", "years": 4}]},
    ("get", "/api/v1/export"): None,
}
MATRIX = {**dict.fromkeys(OBJECT_OPERATIONS), **OWN_OPERATIONS}


def operations(*, secured: bool) -> set[tuple[str, str]]:
    return {
        (method, path)
        for path, item in openapi()["paths"].items()
        for method, operation in item.items()
        if bool(operation.get("security")) == secured
    }


@pytest.fixture
def result(owner: User) -> Assessment:
    assessment = finished(owner)
    services.share_create(assessment=assessment)
    return assessment


def call(client: ApiClient, method: str, template: str, result: Assessment) -> Any:
    path = template.replace("{result_id}", result.token)
    return client.request(method, path, MATRIX[(method, template)])


# Question sessions: open to everyone but saving one as a result (test_api_sessions.py).
SESSION_PRIVATE = {("post", "/api/v1/sessions/{session_id}/result")}
SESSION_PUBLIC = {
    ("post", "/api/v1/sessions"),
    ("get", "/api/v1/sessions/{session_id}"),
    ("post", "/api/v1/sessions/{session_id}/answers"),
}


def test_every_private_operation_is_in_a_matrix() -> None:
    assert operations(secured=True) == set(MATRIX) | set(TEAM_MATRIX) | SESSION_PRIVATE
    assert operations(secured=False) >= SESSION_PUBLIC
    assert {op for op in MATRIX if "{result_id}" in op[1]} == set(OBJECT_OPERATIONS)
    assert {op for op in TEAM_MATRIX if "{" in op[1]} == set(TEAM_OBJECT_OPERATIONS)


@pytest.mark.parametrize(("method", "template"), sorted(OBJECT_OPERATIONS))
def test_the_owner_reaches_every_object_operation(
    owner: User, result: Assessment, method: str, template: str
) -> None:
    response = call(ApiClient(token_for(owner)), method, template, result)
    assert response.status_code == OBJECT_OPERATIONS[(method, template)]


@pytest.mark.parametrize(("method", "template"), sorted(OBJECT_OPERATIONS))
def test_another_user_gets_404_on_every_object_operation(
    other_user: User, result: Assessment, method: str, template: str
) -> None:
    response = call(ApiClient(token_for(other_user)), method, template, result)
    assert response.status_code == 404
    assert error_of(response) == "not_found"
    assert Assessment.objects.filter(pk=result.pk, share_token=result.share_token).exists()


@pytest.mark.parametrize(("method", "template"), sorted(OBJECT_OPERATIONS))
def test_another_users_session_gets_404_on_every_object_operation(
    other_user: User, result: Assessment, method: str, template: str
) -> None:
    response = call(session_client(other_user), method, template, result)
    assert response.status_code == 404
    assert Assessment.objects.filter(pk=result.pk, share_token=result.share_token).exists()


@pytest.mark.parametrize(("method", "template"), sorted(MATRIX))
def test_anonymous_gets_401_on_every_private_operation(
    result: Assessment, method: str, template: str
) -> None:
    response = call(ApiClient(), method, template, result)
    assert response.status_code == 401
    assert error_of(response) == "not_authenticated"
    assert Assessment.objects.filter(pk=result.pk, share_token=result.share_token).exists()


def test_the_other_users_list_and_export_hold_nothing_of_the_owners(
    other_user: User, result: Assessment
) -> None:
    client = ApiClient(token_for(other_user))
    assert client.get("/results").json()["count"] == 0
    assert client.get("/export").json()["assessments"] == []


@pytest.mark.parametrize(
    "header",
    [
        "Bearer pmo_not-a-real-token",
        "Bearer ",
        "Bearer",
        "Token pmo_x",
        "Basic dXNlcjpwYXNz",
        "Bearer " + "pmo_" + "a" * 500,
    ],
)
def test_wrong_credentials_get_401(result: Assessment, header: str) -> None:
    response = ApiClient().get("/results", Authorization=header)
    assert response.status_code == 401


def test_a_revoked_token_stops_working_at_once(owner: User, result: Assessment) -> None:
    secret = token_for(owner)
    client = ApiClient(secret)
    assert client.get("/results").status_code == 200
    token = ApiToken.objects.get(user=owner)
    assert token_services.token_revoke(user=owner, token_id=token.pk)
    assert client.get("/results").status_code == 401


def test_a_deactivated_users_token_stops_working(owner: User, result: Assessment) -> None:
    client = ApiClient(token_for(owner))
    owner.is_active = False
    owner.save()
    assert client.get("/results").status_code == 401


@pytest.mark.parametrize(("method", "template"), sorted(operations(secured=False) - SESSION_PUBLIC))
def test_public_operations_need_no_credentials(method: str, template: str) -> None:
    body = {"roles": [{"title": "QA Engineer", "years": 4}]} if method == "post" else None
    response = ApiClient().request(method, template, body)
    assert response.status_code == 200


# The browser's session ------------------------------------------------------------------


def test_a_session_reads_without_a_csrf_token(owner: User, result: Assessment) -> None:
    client = session_client(owner, send_csrf=False)
    assert client.get("/results").json()["count"] == 1
    assert client.get("/me").json() == {"email": owner.email, "auth": "session"}


def test_a_session_write_without_the_csrf_token_is_refused(owner: User, result: Assessment) -> None:
    response = session_client(owner, send_csrf=False).delete(f"/results/{result.token}")
    assert response.status_code == 403
    assert error_of(response) == "csrf_failed"
    assert Assessment.objects.filter(pk=result.pk).exists()


def test_a_session_write_with_the_csrf_token_works(owner: User, result: Assessment) -> None:
    response = session_client(owner).delete(f"/results/{result.token}")
    assert response.status_code == 204
    assert not Assessment.objects.filter(pk=result.pk).exists()


def test_a_token_needs_no_csrf_token_even_beside_a_session(owner: User, result: Assessment) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    response = ApiClient(token_for(owner), client=browser).delete(f"/results/{result.token}")
    assert response.status_code == 204
