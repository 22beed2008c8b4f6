"""A result page is rendered once per situation and served from memory after that,
and never shows anything stale: ticks, share links, messages, who is signed in and
a new deploy each give a fresh page, and every visitor gets their own CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import presenters, views
from pm_origins.web.assessments.models import Assessment
from pm_origins.web.core import pagecache

from .assess_helpers import finished

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Counts how often a result page is built from its stored data."""
    built: list[str] = []
    real = presenters.result_context

    def counting(assessment: Assessment, *args: Any, **kwargs: Any) -> dict[str, Any]:
        built.append(assessment.token)
        return real(assessment, *args, **kwargs)

    monkeypatch.setattr(views, "result_context", counting)
    yield built


@pytest.fixture
def result(owner: User) -> Assessment:
    Client().get("/")  # a fresh site saves its settings on the first page, a side-area change
    return finished(owner)


def page(client: Client, assessment: Assessment) -> str:
    response = client.get(reverse("assessments:result", args=[assessment.token]))
    assert response.status_code == 200
    return response.content.decode()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_second_visit_is_served_without_building_the_page_again(
    owner: User, result: Assessment, renders: list[str]
) -> None:
    client = signed_in(owner)
    first, second = page(client, result), page(client, result)
    assert renders == [result.token]
    assert CSRF.sub("", first) == CSRF.sub("", second)


def test_each_visitor_gets_their_own_csrf_token_and_it_works(
    owner: User, result: Assessment, renders: list[str]
) -> None:
    one, two = signed_in(owner), signed_in(owner)
    one.get("/")  # sets the CSRF cookies
    two.get("/")
    tokens = [set(CSRF.findall(page(c, result))) for c in (one, two)]
    assert renders == [result.token]
    assert all(len(t) == 1 for t in tokens) and tokens[0] != tokens[1]
    assert pagecache.CSRF_PLACEHOLDER not in page(one, result)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(owner)
    token = CSRF.findall(page(strict, result))[0]
    response = strict.post(
        reverse("assessments:share", args=[result.token]),
        {"action": "create", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


def test_ticking_an_action_shows_at_once(owner: User, result: Assessment) -> None:
    client = signed_in(owner)
    assert "0 of" in page(client, result)
    action = (result.result or {})["plan"]["phases"][0]["actions"][0]["id"]
    client.post(reverse("assessments:action", args=[result.token, action]), {"done": "1"})
    html = page(client, result)
    assert "1 of" in html and "Done ✓ (undo)" in html


def test_a_new_or_revoked_share_link_shows_at_once(owner: User, result: Assessment) -> None:
    client = signed_in(owner)
    assert "Create a read-only share link" in page(client, result)
    client.post(reverse("assessments:share", args=[result.token]), {"action": "create"})
    html = page(client, result)
    result.refresh_from_db()
    assert result.share_token and result.share_token in html
    client.post(reverse("assessments:share", args=[result.token]), {"action": "revoke"})
    assert "Create a read-only share link" in page(client, result)


def test_a_message_is_shown_once_and_the_page_after_it_is_plain(
    owner: User, result: Assessment
) -> None:
    client = signed_in(owner)
    page(client, result)  # stored without a message
    response = client.post(
        reverse("assessments:share", args=[result.token]), {"action": "create"}, follow=True
    )
    assert "Anyone with the share link" in response.content.decode()
    assert "Anyone with the share link" not in page(client, result)


def test_the_owner_and_a_share_link_holder_see_different_pages(
    owner: User, result: Assessment
) -> None:
    client = signed_in(owner)
    client.post(reverse("assessments:share", args=[result.token]), {"action": "create"})
    result.refresh_from_db()
    own = page(client, result)
    shared = Client().get(reverse("assessments:shared", args=[result.share_token]))
    assert "Delete this result" in own
    assert "Delete this result" not in shared.content.decode()
    assert "read-only copy" in shared.content.decode()


def test_a_new_deploy_renders_the_page_again(
    owner: User, result: Assessment, renders: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    client = signed_in(owner)
    page(client, result)
    monkeypatch.setattr(pagecache, "DEPLOY_VERSION", "another-deploy")
    page(client, result)
    assert renders == [result.token, result.token]


def test_the_store_is_bounded() -> None:
    store = pagecache.PageStore(size=3)
    for n in range(5):
        store.put(("page", n), f"<p>{n}</p>")
    assert store.get(("page", 0)) is None and store.get(("page", 1)) is None
    assert store.get(("page", 4)) == "<p>4</p>"
