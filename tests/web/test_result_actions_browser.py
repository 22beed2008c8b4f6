"""In Chromium, with JavaScript on and off: deleting a result asks first; saving to finish
later gives a link that works when clicked, a copy button, a mail, and "carry on"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pm_origins.web.assessments.models import Assessment

from .assess_helpers import finished
from .browser import chromium, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_deleting_a_result_asks_first_and_keeping_it_is_one_click(
    live_server: Any, request: pytest.FixtureRequest, javascript: bool
) -> None:
    result = finished(answers={"ux_01": 3})  # a guest's result, opened by its link
    url = f"{live_server.url}/results/{result.token}/"
    with chromium(request.node.name, javascript=javascript) as browsing:
        page = browsing.page
        page.goto(url)
        browsing.follow(page.get_by_role("link", name="Delete this result…"))
        assert page.get_by_role("heading", level=1).inner_text() == "Delete this result?"
        browsing.screenshot("confirm")
        browsing.follow(page.get_by_role("link", name="No, keep it"))
        assert page.url == url

        browsing.follow(page.get_by_role("link", name="Delete this result…"))
        browsing.follow(page.get_by_role("button", name="Yes, delete it"))
        assert "The result is deleted." in page.locator(".messages").inner_text()
        assert page.goto(url).status == 404
        assert [p for p in browsing.problems.take() if "404" not in p] == []
    assert not Assessment.objects.filter(pk=result.pk).exists()


def _to_the_questions(browsing: Any, base: str) -> None:
    page = browsing.page
    page.goto(base + "/find/")
    browsing.follow(page.get_by_role("button", name="Start"))
    page.get_by_label("Job title").fill("QA Engineer")
    page.get_by_label("Years in the role").fill("4")
    browsing.follow(page.get_by_role("button", name="Save and continue"))
    if page.get_by_role("button", name="Save and continue").count():
        browsing.follow(page.get_by_role("button", name="Save and continue"))
    page.wait_for_url(re.compile(r"/questions/1/$"))


def test_save_and_finish_later_gives_a_link_a_copy_button_a_mail_and_carry_on(
    live_server: Any, mailoutbox: list[Any], request: pytest.FixtureRequest
) -> None:
    with chromium(request.node.name) as browsing:
        page = browsing.page
        page.context.grant_permissions(
            ["clipboard-read", "clipboard-write"], origin=live_server.url
        )
        _to_the_questions(browsing, live_server.url)
        page.locator("fieldset.question").first.locator("label.scale-option").get_by_text(
            "Often", exact=True
        ).click()
        browsing.follow(page.get_by_role("button", name="Save and finish later"))

        assert page.get_by_role("heading", level=1).inner_text() == "Saved. Finish later"
        link = page.locator("#resume-link")
        href = link.get_attribute("href")
        assert href is not None and href == link.inner_text()
        copy = page.get_by_role("button", name="Copy the link")
        assert copy.is_visible()
        copy.click()
        page.locator("[data-copy-status]").filter(has_text="Copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == href

        page.get_by_label("Your e-mail address").fill("me@example.org")
        browsing.follow(page.get_by_role("button", name="Send me the link"))
        assert "on its way" in page.locator(".messages").inner_text()
        assert len(mailoutbox) == 1 and href in mailoutbox[0].body
        browsing.screenshot("saved")

        # Back on /find/ in the same browser: carry on where you stopped.
        page.goto(live_server.url + "/find/")
        browsing.follow(page.get_by_role("link", name="Carry on where you stopped"))
        # Quick mode asks one question a page: carry on at the next one, the first
        # still kept as answered.
        assert re.search(r"/questions/2/$", page.url)
        browsing.follow(page.get_by_role("button", name="Back"))
        assert re.search(r"/questions/1/$", page.url)
        first = page.locator("fieldset.question").first
        assert first.get_by_label("Often", exact=True).is_checked()
        assert browsing.problems.take() == []

    # The link itself, clicked in another browser with no session: it carries on too.
    with chromium(f"{request.node.name}-elsewhere") as browsing:
        page = browsing.page
        page.set_content(f'<a href="{href}">Carry on</a>')
        browsing.follow(page.get_by_role("link", name="Carry on"))
        assert re.search(r"/questions/2/$", page.url)
        browsing.follow(page.get_by_role("button", name="Back"))
        assert (
            page.locator("fieldset.question").first.get_by_label("Often", exact=True).is_checked()
        )


def test_save_and_finish_later_works_with_javascript_off(
    live_server: Any, request: pytest.FixtureRequest
) -> None:
    with chromium(request.node.name, javascript=False) as browsing:
        page = browsing.page
        _to_the_questions(browsing, live_server.url)
        browsing.follow(page.get_by_role("button", name="Save and finish later"))
        assert not page.get_by_role("button", name="Copy the link").is_visible()
        href = page.locator("#resume-link").get_attribute("href")
        browsing.follow(page.locator("#resume-link"))
        assert re.search(r"/questions/1/$", page.url)
        page.goto(live_server.url + "/find/")
        assert page.get_by_role("link", name="Carry on where you stopped").get_attribute(
            "href"
        ) in (href, href.removeprefix(live_server.url) if href else None)
