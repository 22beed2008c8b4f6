"""End to end in Debian's Chromium: comment, moderate, publish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pm_origins.web.series import initial_data

from .browser import ARTIFACTS as BROWSER_ARTIFACTS
from .browser import chromium, needs_chromium
from .conftest import PASSWORD, make_user

ARTIFACTS = BROWSER_ARTIFACTS / "series"
ARTICLE = "/series/from-quality-assurance-to-product-management/"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
]


@pytest.fixture
def site(live_server: Any, settings: Any) -> Any:
    """Data first: Playwright's sync API runs an event loop, where the ORM may not."""
    settings.COMMENT_MIN_SECONDS = 1
    initial_data.load()
    make_user("editor@example.org", staff=True)
    return live_server


@pytest.fixture
def page(site: Any) -> Iterator[Any]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with chromium("series-comment-moderation") as browsing:
        yield browsing.page


def test_a_reader_comments_an_editor_approves_and_the_comment_goes_live(
    page: Any, site: Any
) -> None:
    live_server = site
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)

    # Read the article.
    page.goto(live_server.url + ARTICLE)
    assert page.get_by_role("heading", level=1).inner_text().startswith("From quality assurance")
    page.screenshot(path=str(ARTIFACTS / "01-article.png"), full_page=True)

    # Post a comment, the way a person does.
    page.get_by_label("Name", exact=True).fill("Grace Tester")
    page.get_by_label("E-mail address").fill("grace@example.org")
    comment = "Befriending sales was *exactly* what worked for me."
    page.get_by_label("Comment", exact=True).fill(comment)
    page.wait_for_timeout(1500)
    page.get_by_role("button", name="Post comment").click()
    page.wait_for_load_state()
    status = page.locator("#comment-status")
    assert "awaiting moderation" in status.inner_text()
    assert "Befriending sales" not in page.locator(".comments").inner_text()
    page.screenshot(path=str(ARTIFACTS / "02-awaiting-moderation.png"), full_page=True)
    assert console_errors == []

    # The editor logs in and approves it in the admin.
    page.goto(live_server.url + "/admin/series/comment/")
    page.get_by_label("E-mail address").fill("editor@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/series/comment/")
    page.locator("input[name=_selected_action]").first.check()
    page.select_option("select[name=action]", "mark_approved")
    page.locator("button[name=index]").first.click()
    page.wait_for_load_state()
    assert "1 comment(s) marked as approved" in page.content()
    page.screenshot(path=str(ARTIFACTS / "03-admin-approved.png"), full_page=True)

    # The comment is live.
    page.goto(live_server.url + ARTICLE)
    comments = page.locator(".comments")
    assert "Grace Tester" in comments.inner_text()
    assert comments.locator("em").inner_text() == "exactly"
    page.screenshot(path=str(ARTIFACTS / "04-comment-live.png"), full_page=True)


def test_the_side_area_collapses_on_a_phone_and_opens_by_keyboard(page: Any, site: Any) -> None:
    live_server = site
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/series/")
    details = page.locator(".side-details")
    assert details.get_attribute("open") is None
    page.locator(".side-details > summary").focus()
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    assert page.get_by_role("link", name="Take the assessment").is_visible()
    page.screenshot(path=str(ARTIFACTS / "05-side-area-phone.png"), full_page=True)
