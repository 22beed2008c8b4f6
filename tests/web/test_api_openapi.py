"""The OpenAPI schema does not drift from the API.

Every route under /api/v1/ is in the schema and every operation in the schema has
a route; every response any API test sees is checked against the schema as it
arrives (``ApiClient`` calls ``assert_conforms``); the docs page works offline
under the site's CSP; docs/API.md covers every operation.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.contrib.staticfiles import finders
from django.http import JsonResponse
from django.test import Client
from django.urls import URLPattern

from pm_origins.web.api.api import api

from .api_helpers import API, assert_conforms, openapi

DOCS = Path(__file__).resolve().parents[2] / "docs" / "API.md"
NOT_OPERATIONS = {"openapi-json", "openapi-view", "api-root", "not-found"}


def routes() -> dict[str, str]:
    """URL name -> path template of every operation route ninja mounts."""
    patterns, _, _ = api.urls
    found = {}
    for pattern in patterns:
        assert isinstance(pattern, URLPattern)
        if pattern.name not in NOT_OPERATIONS:
            route = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(pattern.pattern))
            found[str(pattern.name)] = f"{API}/{route}"
    return found


def schema_operations() -> dict[str, tuple[str, str]]:
    return {
        operation["operationId"]: (method, path)
        for path, item in openapi()["paths"].items()
        for method, operation in item.items()
    }


def test_the_served_schema_is_the_apis_schema() -> None:
    response = Client().get(f"{API}/openapi.json")
    assert response.status_code == 200
    assert response.json() == openapi()
    assert response.json()["openapi"].startswith("3.1")


def test_every_route_is_in_the_schema_and_every_operation_has_a_route() -> None:
    mounted = routes()
    documented = schema_operations()
    assert set(mounted) == set(documented)
    for name, path in mounted.items():
        assert documented[name][1] == path, name


def test_every_operation_documents_its_errors_with_the_error_body() -> None:
    for name, (method, path) in schema_operations().items():
        operation = openapi()["paths"][path][method]
        codes = set(operation["responses"])
        assert {"400", "413", "422", "429"} <= codes, name
        if operation.get("security"):
            assert {"401", "403"} <= codes, name
        if "{" in path:
            assert "404" in codes, name
        for code, response in operation["responses"].items():
            if code.startswith("4"):
                schema = response["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (name, code)
        assert operation["summary"] and operation["tags"], name


def test_every_operation_is_in_the_api_guide() -> None:
    guide = DOCS.read_text()
    for method, path in schema_operations().values():
        assert f"{method.upper()} {path}" in guide, f"document {method.upper()} {path}"


def fake(status: int, body: Any) -> JsonResponse:
    return JsonResponse(body, status=status, safe=False)


def test_the_conformance_check_catches_drift() -> None:
    """The per-response check is what keeps the other tests honest; it must bite."""
    error = {"error": "not_found", "detail": "x"}
    assert_conforms("get", f"{API}/results/abc", fake(404, error))
    with pytest.raises(AssertionError, match="undocumented 418"):
        assert_conforms("get", f"{API}/results/abc", fake(418, error))
    with pytest.raises(AssertionError):
        assert_conforms("get", f"{API}/framework/version", fake(200, {"framework_version": 1}))
    with pytest.raises(AssertionError):
        assert_conforms("get", f"{API}/results/abc", fake(404, {"message": "gone"}))
    with pytest.raises(AssertionError):
        assert_conforms("get", f"{API}/nowhere", fake(404, "Not Found"))


# The docs page -------------------------------------------------------------------------


def test_the_docs_page_loads_only_this_sites_assets() -> None:
    response = Client().get(f"{API}/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, html
    for url in assets:
        assert url.startswith("/static/"), f"{url} is not served by this site"
        assert finders.find(url.removeprefix("/static/")), f"{url} is missing"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, f"inline script: {tag}"
    settings = json.loads(re.search(r'id="swagger-settings">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    assert settings["url"] == f"{API}/openapi.json"
    assert settings["validatorUrl"] is None  # the badge would load an image from elsewhere


def test_the_docs_page_gives_a_signed_in_browser_its_csrf_token(owner_client: Client) -> None:
    html = owner_client.get(f"{API}/docs").content.decode()
    assert re.search(r'data-csrf-token="[^"]{20,}"', html)
