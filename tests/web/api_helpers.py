"""Helpers for the API tests: a JSON client that checks every answer against the
OpenAPI schema, tokens for personas, and the schema itself."""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import jsonschema_rs
from django.test import Client

from pm_origins.web.api import services as token_services
from pm_origins.web.api.api import api

API = "/api/v1"
QA_ROLE = {"title": "QA Engineer", "years": 5}


@cache
def openapi() -> dict[str, Any]:
    # Through JSON, as clients see it (status codes become strings).
    return dict(json.loads(json.dumps(api.get_openapi_schema(path_prefix=API + "/"))))


@cache
def _routes() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"), path)
        for path in openapi()["paths"]
    ]


def operation_for(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The schema's path template and operation that a request answers to, if any."""
    for pattern, template in _routes():
        if pattern.match(path):
            operation = openapi()["paths"][template].get(method.lower())
            return (template, operation) if operation else None
    return None


def _validate(schema: dict[str, Any], body: Any) -> list[str]:
    document = {**schema, "components": openapi()["components"]}
    validator = jsonschema_rs.validator_for(document)
    return [error.message for error in validator.iter_errors(body)]


def assert_conforms(method: str, path: str, response: Any) -> None:
    """The response is documented for its operation and its body fits the schema.

    Requests that no operation answers (unknown URLs, other methods) must answer
    the error body.
    """
    status = response.status_code
    body = json.loads(response.content) if response.content else None
    found = operation_for(method, path.split("?")[0])
    if found is None:
        assert status in {404, 405, 413, 429}, f"{method} {path}: {status}"
        assert not _validate({"$ref": "#/components/schemas/ErrorOut"}, body), body
        return
    template, operation = found
    documented = operation["responses"].get(str(status))
    assert documented is not None, f"{method} {template} answered undocumented {status}"
    content = documented.get("content")
    if content is None:
        assert not response.content, f"{method} {template} {status} should have no body"
        return
    assert response["Content-Type"].startswith("application/json")
    problems = _validate(content["application/json"]["schema"], body)
    assert not problems, f"{method} {template} {status}: {problems[:3]} in {body!r:.500}"


class ApiClient:
    """Django's test client speaking JSON to the API, checking each answer on the way."""

    def __init__(
        self, token: str | None = None, client: Client | None = None, *, csrf: str | None = None
    ) -> None:
        self.client = client or Client()
        self.headers = {"Authorization": f"Bearer {token}"} if token else {}
        if csrf:
            self.headers["X-CSRFToken"] = csrf

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        raw: bytes | str | None = None,
        **headers: str,
    ) -> Any:
        url = path if path.startswith("/api") else API + path
        data = raw if raw is not None else (json.dumps(body) if body is not None else "")
        response = self.client.generic(
            method.upper(),
            url,
            data,
            content_type="application/json",
            headers={**self.headers, **headers},
        )
        assert_conforms(method, url, response)
        return response

    def get(self, path: str, **headers: str) -> Any:
        return self.request("GET", path, **headers)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> Any:
        return self.request("POST", path, body, **kwargs)

    def delete(self, path: str, **headers: str) -> Any:
        return self.request("DELETE", path, **headers)


def session_client(user: Any, *, send_csrf: bool = True) -> ApiClient:
    """A signed-in browser; with ``send_csrf`` it sends the CSRF token as the docs page does."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    if not send_csrf:
        return ApiClient(client=browser)
    browser.get("/account/api-tokens/")  # any page with a form sets the CSRF cookie
    return ApiClient(client=browser, csrf=browser.cookies["csrftoken"].value)


def token_for(user: Any, name: str = "tests") -> str:
    _, secret = token_services.token_create(user=user, name=name)
    return secret


def error_of(response: Any) -> str:
    body = response.json()
    assert set(body) <= {"error", "detail", "errors"} and body["detail"], body
    return str(body["error"])
