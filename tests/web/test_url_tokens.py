"""Every token and id in a URL or query string is checked before it reaches the database.

PostgreSQL refuses text holding a NUL byte; such a request used to surface as a
500. Now a path or query string with NUL answers 400 before any view runs, and
a path value that does not have the shape of a token or id never matches its
route (404). The suite runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from pm_origins.web.accounts.models import User

from .conftest import make_user

PLACEHOLDER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
NUL_VALUES = ("%00", "x%00", "%00x", "abc%00def")


def routes_with_parameters() -> Iterator[str]:
    """Every `path()` route of the site with a text <parameter>, as route text."""

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = str(pattern.pattern)
            if route.startswith("^"):
                continue  # regular-expression routes are covered by name below
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + route)
            elif any(m.group("converter") != "int" for m in PLACEHOLDER.finditer(route)):
                yield prefix + route

    yield from walk(get_resolver().url_patterns, "/")


def with_value(route: str, value: str) -> str:
    return PLACEHOLDER.sub(lambda m: "1" if m.group("converter") == "int" else value, route)


ROUTES = sorted(set(routes_with_parameters()))
TOKEN_ROUTES = [r for r in ROUTES if "<token:" in r or "<fid:" in r]


@pytest.fixture
def staff_user() -> User:
    return make_user("staff-nul@example.org", staff=True)


def test_the_walk_finds_the_token_routes() -> None:
    assert "/shared/<token:share_token>/" in ROUTES
    assert "/find/<token:token>/questions/<int:page>/" in ROUTES
    assert "/results/<token:token>/actions/<fid:action_id>/" in ROUTES


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("value", NUL_VALUES)
def test_a_nul_in_any_path_parameter_answers_400_for_anyone(
    route: str, value: str, staff_user: User
) -> None:
    staff = Client()
    staff.force_login(staff_user)
    for client in (Client(), staff):
        for method in (client.get, client.post):
            response = method(with_value(route, value))
            assert response.status_code == 400, (route, value, response.status_code)


@pytest.mark.parametrize(
    "path",
    [
        "/results/x%00/export.json",
        "/results/x%00/export.md",
        "/me/compare/?a=%00",
        "/me/compare/?a=abc&b=%00",
        "/series/search/?q=%00",
        "/series/?page=%00",
        "/api/v1/results?limit=%00",
        "/?%00=1",
    ],
)
def test_a_nul_in_a_query_string_or_regex_route_answers_400(path: str, owner: User) -> None:
    client = Client()
    client.force_login(owner)
    assert client.get(path).status_code == 400


def test_the_api_answers_its_error_body_for_a_nul(owner: User) -> None:
    response = Client().get("/api/v1/results/%00")
    assert response.status_code == 400
    assert response.json()["error"] == "bad_request"


@pytest.mark.parametrize("route", TOKEN_ROUTES)
@pytest.mark.parametrize("value", ["a.b", "a%20b", "%E2%80%AE", "x" * 65, "a'b"])
def test_a_value_not_shaped_like_a_token_or_id_never_matches_its_route(
    route: str, value: str, owner: User
) -> None:
    client = Client()
    client.force_login(owner)
    assert client.get(with_value(route, value)).status_code == 404


def test_compare_refuses_tokens_of_the_wrong_shape_with_404(owner: User) -> None:
    client = Client()
    client.force_login(owner)
    assert client.get("/me/compare/?a=a.b&b=c.d").status_code == 404
