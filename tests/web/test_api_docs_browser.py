"""The interactive API docs in Debian's Chromium: Swagger UI loads from this site under
its CSP (no CDN, no network), shows every operation, and a token works in "Try it out"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .api_helpers import openapi, token_for
from .browser import ARTIFACTS as BROWSER_ARTIFACTS
from .browser import chromium, needs_chromium
from .conftest import make_user

ARTIFACTS = BROWSER_ARTIFACTS / "api"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


@pytest.fixture
def page() -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium("api-docs") as browsing:
        yield browsing.page


def test_the_docs_page_works_offline_under_the_csp(page: Any, live_server: Any) -> None:
    problems: list[str] = []
    page.on(
        "console", lambda m: problems.append(m.text) if m.type in {"error", "warning"} else None
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None
        ),
    )

    page.goto(live_server.url + "/api/v1/docs")
    page.wait_for_selector(".opblock", state="attached")
    page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)

    shown = page.locator(".opblock").count()
    expected = sum(len(item) for item in openapi()["paths"].values())
    assert shown == expected
    assert outside == []
    assert problems == []


@pytest.fixture
def secret() -> str:
    # Made before the browser starts: Playwright's event loop forbids database calls.
    return token_for(make_user("docs@example.org"))


def test_a_token_works_from_the_docs_page(secret: str, page: Any, live_server: Any) -> None:
    page.goto(live_server.url + "/api/v1/docs")
    page.get_by_role("button", name="Authorize").click()
    bearer = page.locator(".dialog-ux form").first  # TokenAuth is the first scheme
    bearer.get_by_label("auth-bearer-value").fill(secret)
    bearer.get_by_role("button", name="Apply credentials").click()
    bearer.get_by_role("button", name="Close").click()
    operation = page.locator("#operations-account-me")
    operation.click()
    operation.get_by_role("button", name="Try it out").click()
    operation.get_by_role("button", name="Execute").click()
    status = operation.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    page.screenshot(path=str(ARTIFACTS / "docs-try-it-out.png"), full_page=False)
    assert status.inner_text().strip() == "200"
    assert "docs@example.org" in operation.locator(".live-responses-table").inner_text()
