"""A team in Debian's Chromium: a lead creates it, a member joins from a second browser
context and shares a result, and both see the heat map and the suggested pairs."""

from __future__ import annotations

from typing import Any

import pytest

from .assess_helpers import finished
from .browser import Browsing, Problems, chromium, needs_chromium
from .conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, needs_chromium]


def log_in(browsing: Browsing, base: str, email: str) -> None:
    page = browsing.page
    page.goto(base + "/account/login/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    browsing.follow(page.locator("main").get_by_role("button", name="Log in"))


def share_first_result(browsing: Browsing) -> None:
    page = browsing.page
    page.locator("#share").get_by_role("radio").first.check()
    browsing.follow(page.get_by_role("button", name="Share this result"))
    assert "Your team now sees this result." in page.locator(".messages").inner_text()


def test_a_lead_and_a_member_build_a_team_and_see_the_heat_map_and_pairs(
    live_server: Any, request: pytest.FixtureRequest
) -> None:
    # Data first: the ORM may not run beside Playwright's event loop.
    lead = make_user("lead@example.org")
    member = make_user("member@example.org")
    finished(lead, title="UX Designer", answers={"ux_01": 5, "ux_02": 5, "execution_01": 1})
    finished(
        member, title="QA Engineer", answers={"ux_01": 1, "execution_01": 5, "execution_02": 5}
    )
    base = live_server.url

    with chromium(request.node.name) as browsing:
        page = browsing.page
        log_in(browsing, base, lead.email)
        page.goto(base + "/teams/")
        page.get_by_label("Team name").fill("Checkout squad")
        browsing.follow(page.get_by_role("button", name="Create team"))
        assert page.get_by_role("heading", level=1).inner_text() == "Checkout squad"
        browsing.follow(page.get_by_role("button", name="Make an invitation link"))
        link = page.locator(".invite-link").first.inner_text().strip()
        assert "/join/" in link
        share_first_result(browsing)
        browsing.screenshot("01-lead")

        # The member, in a second context of the same browser: separate cookies.
        context = page.context.browser.new_context(viewport={"width": 1280, "height": 900})
        problems = Problems()
        problems.watch(context)
        other = Browsing(page=context.new_page(), problems=problems, name=browsing.name + "-member")
        other.page.set_default_timeout(15_000)
        log_in(other, base, member.email)
        other.page.goto(link)
        assert other.page.get_by_role("heading", level=1).inner_text() == "Join Checkout squad"
        other.page.get_by_label("Your name as the team sees it").fill("Mia")
        other.follow(other.page.get_by_role("button", name="Join the team"))
        share_first_result(other)
        heatmap = other.page.locator(".heatmap-figure svg")
        assert heatmap.is_visible()
        assert heatmap.locator("title").text_content() == "Checkout squad: scores per member"
        other.screenshot("02-member")
        context.close()
        assert problems.take() == []

        # The lead sees both members, the heat map, its table and the pairs.
        page.reload()
        assert page.locator(".heatmap-figure svg").is_visible()
        table = page.locator("table.heatmap-table")
        assert table.locator("tbody tr").count() == 2
        assert "Mia" in table.inner_text()
        pairs = page.locator("#pairs .pair")
        assert pairs.count() >= 1
        heading = pairs.first.get_by_role("heading").inner_text()
        assert " mentors " in heading and "Mia" in heading
        assert "First joint action" in pairs.first.inner_text()
        assert "mentoring at most one person" in page.locator("#pairs").inner_text()
        browsing.screenshot("03-lead-pairs")
        assert browsing.problems.take() == []
