"""One error body everywhere under /api/: 400, 401, 403, 404, 405, 413, 422, 429, 500.

Never an HTML page and never Django's traceback, whatever went wrong.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.api import api as api_module
from pm_origins.web.api import guard

from .api_helpers import QA_ROLE, ApiClient, error_of, session_client, token_for
from .conftest import Clock


@pytest.fixture
def client(owner: User) -> ApiClient:
    return ApiClient(token_for(owner))


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nothing",
        "/api/v1/results/abc/nothing",
        "/api/v1/",
        "/api/v1",
        "/api/",
        "/api/v2/results",
        "/api/v1/framework/items/",
        "/api/v1/%0Aline",
    ],
)
def test_unknown_urls_answer_a_json_404(client: ApiClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert error_of(response) == "not_found"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("put", "/results"),
        ("patch", "/results/abc"),
        ("post", "/framework/items"),
        ("delete", "/evaluate"),
        ("get", "/evaluate"),
        ("options", "/results"),
    ],
)
def test_a_wrong_method_answers_a_json_405(client: ApiClient, method: str, path: str) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert error_of(response) == "method_not_allowed"
    assert response["Allow"]


def test_a_body_over_the_cap_is_a_413_before_it_is_read(client: ApiClient) -> None:
    title = "x" * (settings.API_MAX_BODY_BYTES + 1)
    response = client.post("/evaluate", {"roles": [{"title": title, "years": 1}]})
    assert response.status_code == 413
    assert error_of(response) == "payload_too_large"
    assert "256 KB" in response.json()["detail"]


def test_a_body_just_under_the_cap_is_read(client: ApiClient) -> None:
    body = json.dumps({"roles": [QA_ROLE], "answers": {}})
    padded = body + " " * (settings.API_MAX_BODY_BYTES - len(body) - 1)  # JSON allows it
    response = client.post("/evaluate", raw=padded)
    assert response.status_code == 200


def test_a_chunked_body_is_refused_with_411_not_read_as_empty() -> None:
    response = Client().generic(
        "POST",
        "/api/v1/evaluate",
        json.dumps({"roles": [QA_ROLE]}).encode(),
        content_type="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
    )
    assert response.status_code == 411
    assert error_of(response) == "length_required"
    assert "Content-Length" in response.json()["detail"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/results", "/api/"])
def test_any_method_on_an_unknown_api_url_gets_the_json_404(method: str, path: str) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.generic(method, path, b"{}", content_type="application/json")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert error_of(response) == "not_found"


def test_a_bad_content_length_is_a_400() -> None:
    response = Client().generic(
        "POST", "/api/v1/evaluate", b"{}", content_type="application/json", CONTENT_LENGTH="lots"
    )
    assert response.status_code == 400
    assert error_of(response) == "bad_request"


def test_validation_errors_list_each_field(client: ApiClient) -> None:
    response = client.post("/evaluate", {"roles": [{"title": 3, "years": "x"}], "answers": []})
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "invalid"
    locations = {tuple(e["loc"]) for e in body["errors"]}
    assert {
        ("body", "roles", 0, "title"),
        ("body", "roles", 0, "years"),
        ("body", "answers"),
    } <= locations
    assert all(e["msg"] and e["type"] for e in body["errors"])


def test_an_unexpected_failure_is_a_json_500(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(api_module, "current_framework", broken)
    # A 500 is a bug, so the schema does not promise one: plain client, no schema check.
    response = Client(raise_request_exception=False).get("/api/v1/framework/version")
    assert response.status_code == 500
    assert error_of(response) == "server_error"
    assert "boom" not in response.content.decode()


# Rate limits ---------------------------------------------------------------------------


def test_anonymous_callers_are_limited_per_address(settings: Any, clock: Clock) -> None:
    settings.API_ANON_RATE_LIMIT = 3
    client = ApiClient()
    for _ in range(3):
        assert client.get("/framework/version").status_code == 200
    response = client.get("/framework/version")
    assert response.status_code == 429
    assert error_of(response) == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= guard.RATE_WINDOW
    other = ApiClient(client=Client(REMOTE_ADDR="198.51.100.9"))
    assert other.get("/framework/version").status_code == 200
    clock.advance(guard.RATE_WINDOW)
    assert client.get("/framework/version").status_code == 200


def test_a_token_has_its_own_limit(
    settings: Any, clock: Clock, owner: User, other_user: User
) -> None:
    settings.API_RATE_LIMIT = 2
    mine, theirs = ApiClient(token_for(owner)), ApiClient(token_for(other_user))
    assert [mine.get("/me").status_code for _ in range(3)] == [200, 200, 429]
    assert theirs.get("/me").status_code == 200


def test_the_limit_holds_for_every_operation_and_method(
    settings: Any, clock: Clock, client: ApiClient
) -> None:
    settings.API_RATE_LIMIT = 1
    assert client.get("/results").status_code == 200
    for method, path in [
        ("post", "/results"),
        ("delete", "/results/x"),
        ("get", "/export"),
        ("post", "/evaluate"),
    ]:
        response = client.request(method, path, {"roles": [QA_ROLE]})
        assert response.status_code == 429, (method, path)
        assert response["Retry-After"]


def test_guessing_tokens_locks_the_address_out(settings: Any, clock: Clock, owner: User) -> None:
    settings.API_AUTH_FAILURES = 3
    for _ in range(3):
        assert ApiClient("pmo_guess").get("/me").status_code == 401
    response = ApiClient(token_for(owner)).get("/me")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert ApiClient().get("/framework/version").status_code == 200  # no credentials: open
    clock.advance(guard.AUTH_FAILURE_WINDOW)
    assert ApiClient(token_for(owner, "later")).get("/me").status_code == 200


def test_limits_count_in_the_shared_cache(settings: Any, clock: Clock, owner: User) -> None:
    """Two clients (as two workers would see them) share one count."""
    settings.API_RATE_LIMIT = 2
    secret = token_for(owner)
    assert ApiClient(secret).get("/me").status_code == 200
    assert ApiClient(secret).get("/me").status_code == 200
    assert ApiClient(secret).get("/me").status_code == 429


@pytest.mark.parametrize(
    "content_type",
    [
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "text/plain",
        "application/x-www-form-urlencoded",
    ],
)
@pytest.mark.parametrize("by", ["token", "session"])
def test_a_form_body_is_a_400_for_tokens_and_sessions(
    owner: User, content_type: str, by: str
) -> None:
    client = ApiClient(token_for(owner)) if by == "token" else session_client(owner)
    response = client.client.generic(
        "POST",
        "/api/v1/results",
        b"--xyz\r\ngarbage",
        content_type=content_type,
        headers=client.headers,
    )
    assert response.status_code == 400
    assert error_of(response) == "bad_request"
