"""Every page of the site in Debian's Chromium: no console errors, no broken links, no
unlabelled fields."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from pm_origins.framework import load_framework
from pm_origins.web.assessments import services
from pm_origins.web.series import initial_data
from pm_origins.web.series.models import Article
from pm_origins.web.teams import services as team_services

from .assess_helpers import finished
from .browser import Browsing, chromium, needs_chromium
from .conftest import PASSWORD, make_user
from .team_helpers import COHORT_CSV

pytestmark = [pytest.mark.browser, needs_chromium]

OWNER = "owner@example.org"

_UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea")]
  .filter((el) => el.type !== "hidden")
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.getAttribute("aria-labelledby") && !el.title)
  .map((el) => el.outerHTML.slice(0, 160))"""

_LINKS = """() => [...document.links].map((a) => a.href)
  .filter((href) => href.startsWith(location.origin))
  .map((href) => href.split("#")[0])"""


@dataclass(frozen=True)
class Visit:
    name: str
    path: str
    # The find-your-origin pages must be there; other apps' pages may not be yet.
    required: bool = True


@dataclass(frozen=True)
class Site:
    anonymous: list[Visit]
    signed_in: list[Visit]


@pytest.fixture
def site(live_server: Any) -> Site:
    """One of each kind of page, with the data behind it (made before the browser opens)."""
    framework = load_framework()
    initial_data.load()
    article = Article.objects.published().order_by("position").first()
    draft = services.assessment_start(user=None)
    answers = {"innovation_01": 4, "innovation_10": 2, "ux_01": 3, "execution_01": 5}
    guest_result = finished(answers=answers)
    share_token = services.share_create(assessment=guest_result)
    owner = make_user(OWNER)
    earlier, later = finished(owner, title="UX Designer"), finished(owner, target="growth_data")
    # A team the owner leads, with a member who shares a result, a cohort and an opinion.
    team = team_services.team_create(user=owner, name="Checkout")
    member = make_user("member@example.org")
    invite = team_services.invite_create(team=team)
    membership = team_services.team_join(token=invite.token, user=member, name="Mia")
    team_services.share_set(
        membership=membership, assessment=finished(member, answers={"ux_01": 5})
    )
    cohort = team_services.cohort_import(coach=owner, name="Bootcamp", text=COHORT_CSV)
    opinion = team_services.opinion_invite(subject=owner, relationship="peer")
    anonymous = [
        Visit("home", "/"),
        Visit("find", "/find/"),
        Visit("roles", f"/find/{draft.token}/roles/"),
        Visit("questions", f"/find/{draft.token}/questions/1/"),
        Visit("target", f"/find/{draft.token}/target/"),
        Visit("saved", f"/find/{draft.token}/saved/"),
        Visit("resume-step", f"/find/{draft.token}/resume/", required=False),
        Visit("join-team", f"/join/{team_services.invite_create(team=team).token}/"),
        Visit("rate", f"/rate/{opinion.token}/"),
        Visit("result", f"/results/{guest_result.token}/"),
        Visit("delete-confirmation", f"/results/{guest_result.token}/delete/"),
        Visit("shared-result", f"/shared/{share_token}/"),
        Visit("origins", "/origins/"),
        *[Visit(f"origin-{o.id}", f"/origins/{o.id}/") for o in framework.origins],
        *[Visit(f"competency-{c.id}", f"/competencies/{c.id}/") for c in framework.competencies],
        Visit("login", "/account/login/", required=False),
        Visit("signup", "/account/signup/", required=False),
        Visit("series", "/series/", required=False),
        Visit(
            "article",
            article.get_absolute_url() if article else "/series/no-article/",
            required=False,
        ),
        Visit("feedback", "/series/feedback/", required=False),
        Visit("topics", "/series/topics/", required=False),
        Visit("search", "/series/search/?q=sales", required=False),
    ]
    signed_in = [
        Visit("my-results", "/me/results/"),
        Visit("compare", f"/me/compare/?a={earlier.token}&b={later.token}"),
        Visit("own-result", f"/results/{later.token}/"),
        Visit("account", "/account/", required=False),
        Visit("teams", "/teams/"),
        Visit("team", f"/teams/{team.pk}/"),
        Visit("cohorts", "/cohorts/"),
        Visit("cohort", f"/cohorts/{cohort.pk}/"),
        Visit("second-opinions", "/me/second-opinions/"),
        Visit("api-tokens", "/account/api-tokens/", required=False),
    ]
    return Site(anonymous=anonymous, signed_in=signed_in)


def _visit_all(browsing: Browsing, site: Site, base: str) -> Iterator[Visit]:
    """Open each page, first as a guest and then signed in; yield those that exist.

    A page that must exist and does not fails the test here.
    """
    for visit in site.anonymous:
        if _open(browsing, base, visit):
            yield visit
    page = browsing.page
    page.goto(base + "/account/login/")
    page.get_by_label("E-mail address").fill(OWNER)
    page.get_by_label("Password").fill(PASSWORD)
    browsing.follow(page.get_by_role("button", name="Log in"))
    assert page.get_by_role("button", name="Log out").is_visible(), "logging in failed"
    browsing.problems.take()
    for visit in site.signed_in:
        if _open(browsing, base, visit):
            yield visit


def _open(browsing: Browsing, base: str, visit: Visit) -> bool:
    browsing.problems.take()
    response = browsing.page.goto(base + visit.path)
    assert response is not None
    if response.status == 404 and not visit.required:
        browsing.problems.take()  # the 404 itself shows as a failed resource in the console
        return False
    assert response.status == 200, f"{visit.name} ({visit.path}) answered {response.status}"
    return True


def test_no_page_logs_a_console_error_fails_a_request_or_breaks_the_csp(
    site: Site, live_server: Any, request: pytest.FixtureRequest
) -> None:
    problems: dict[str, list[str]] = {}
    visited = []
    with chromium(request.node.name) as browsing:
        for visit in _visit_all(browsing, site, live_server.url):
            visited.append(visit.name)
            browsing.screenshot(visit.name)
            if found := browsing.problems.take():
                problems[visit.path] = found
    assert problems == {}
    assert {"home", "result", "shared-result", "my-results", "compare"} <= set(visited)


def test_every_link_on_every_page_leads_somewhere(
    site: Site, live_server: Any, request: pytest.FixtureRequest
) -> None:
    links: dict[str, str] = {}
    with chromium(request.node.name) as browsing:
        for visit in _visit_all(browsing, site, live_server.url):
            for href in browsing.page.evaluate(_LINKS):
                links.setdefault(href, visit.path)
        # Followed signed in, with the browser's cookies: private links work too.
        broken = {}
        for href, found_on in sorted(links.items()):
            status = browsing.page.request.get(href, max_redirects=5).status
            if status >= 400:
                broken[href] = f"{status}, linked from {found_on}"
    assert broken == {}
    assert any(re.search(r"/origins/\w+/$", href) for href in links)


def test_every_form_field_on_every_page_has_a_label(
    site: Site, live_server: Any, request: pytest.FixtureRequest
) -> None:
    unlabelled: dict[str, list[str]] = {}
    with chromium(request.node.name) as browsing:
        for visit in _visit_all(browsing, site, live_server.url):
            if found := browsing.page.evaluate(_UNLABELLED):
                unlabelled[visit.path] = found
    assert unlabelled == {}
