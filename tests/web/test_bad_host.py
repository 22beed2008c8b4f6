"""A request for a host the site does not serve gets a plain 400, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.parametrize("path", ["/", "/find/", "/api/v1/framework/version", "/nope/"])
def test_an_unknown_host_gets_400(path: str) -> None:
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert b"could not be understood" in response.content or b'"error"' in response.content
