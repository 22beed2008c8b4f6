"""Who may reach each assessment route: owner, other user, anonymous, share-link holder.

Anyone but the owner (or, for the read-only page, a valid share-link holder)
gets 404, so a stranger cannot even tell that a result exists.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services, urls
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import OBJECT_ROUTES, finished

SHARE_ROUTES = {"shared"}
LOGIN_ROUTES = {"mine", "compare"}
PUBLIC_ROUTES = {"home", "start", "overview", "origin", "competency"}


@pytest.fixture
def result(owner: User) -> Assessment:
    assessment = finished(owner)
    services.share_create(assessment=assessment)
    return assessment


def signed_in(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def call(client: Client, name: str, assessment: Assessment) -> Any:
    method, args, data = OBJECT_ROUTES[name]
    url = reverse(f"assessments:{name}", args=args(assessment))
    return client.post(url, data) if method == "post" else client.get(url)


def test_every_route_is_in_the_matrix() -> None:
    names = {p.name for p in urls.urlpatterns if isinstance(p, URLPattern)}
    covered = set(OBJECT_ROUTES) | SHARE_ROUTES | LOGIN_ROUTES | PUBLIC_ROUTES
    assert names == covered, f"add these routes to the access matrix: {names - covered}"


# What the owner gets from each object route of a finished result: the status, and
# for a redirect where it leads ({token} is the result's own token).
OWNER_OUTCOMES: dict[str, tuple[int, str | None]] = {
    "roles": (302, "/results/{token}/"),  # a finished result can no longer change
    "questions": (302, "/results/{token}/"),
    "target": (302, "/results/{token}/"),
    "result": (200, None),
    "export": (200, None),
    "share": (302, "/results/{token}/#share"),
    "delete": (302, "/me/results/"),
    "resume": (302, "/results/{token}/"),  # a finished result has nothing to carry on
    "saved": (302, "/results/{token}/"),
    "retake": (302, "/find/{new}/roles/"),
    "action": (302, "/results/{token}/#action-{action}"),
}


def test_every_object_route_has_an_owner_outcome() -> None:
    assert set(OWNER_OUTCOMES) == set(OBJECT_ROUTES)


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_the_owner_reaches_every_object_route(owner: User, result: Assessment, name: str) -> None:
    action = (result.result or {})["plan"]["phases"][0]["actions"][0]["id"]
    before = set(Assessment.objects.values_list("token", flat=True))
    response = call(signed_in(owner), name, result)
    status, location = OWNER_OUTCOMES[name]
    assert response.status_code == status
    if location is not None:
        new = set(Assessment.objects.values_list("token", flat=True)) - before
        expected = location.format(token=result.token, action=action, new=next(iter(new), ""))
        assert response["Location"] == expected


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_another_user_gets_404_on_every_object_route(
    other_user: User, result: Assessment, name: str
) -> None:
    response = call(signed_in(other_user), name, result)
    assert response.status_code == 404
    assert Assessment.objects.filter(pk=result.pk, share_token=result.share_token).exists()


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_anonymous_gets_404_on_every_object_route(result: Assessment, name: str) -> None:
    assert call(Client(), name, result).status_code == 404


@pytest.mark.parametrize("name", sorted(OBJECT_ROUTES))
def test_the_share_token_does_not_open_object_routes(result: Assessment, name: str) -> None:
    method, args, data = OBJECT_ROUTES[name]
    arguments = args(result)
    arguments[0] = result.share_token
    url = reverse(f"assessments:{name}", args=arguments)
    response = Client().post(url, data) if method == "post" else Client().get(url)
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["owner", "other", "anonymous"])
def test_a_valid_share_link_shows_the_result_read_only_to_anyone(
    owner: User,
    other_user: User,
    result: Assessment,
    persona: str,
) -> None:
    user = {"owner": owner, "other": other_user, "anonymous": None}[persona]
    page = signed_in(user).get(reverse("assessments:shared", args=[result.share_token]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "read-only copy" in html
    assert "Delete this result" not in html and "Mark as done" not in html
    assert "no-store" in page["Cache-Control"]


def test_a_revoked_share_link_gets_404(result: Assessment) -> None:
    old = result.share_token
    services.share_revoke(assessment=result)
    assert Client().get(reverse("assessments:shared", args=[old])).status_code == 404


def test_the_result_token_is_not_a_share_link(result: Assessment) -> None:
    assert Client().get(reverse("assessments:shared", args=[result.token])).status_code == 404


def test_an_unfinished_assessment_has_no_share_page(owner: User) -> None:
    draft = services.assessment_start(user=owner)
    draft.share_token = "draft-share-token-xyz"
    draft.save()
    assert Client().get(reverse("assessments:shared", args=[draft.share_token])).status_code == 404


@pytest.mark.parametrize("name", sorted(LOGIN_ROUTES))
def test_login_routes_send_anonymous_visitors_to_log_in(name: str) -> None:
    response = Client().get(reverse(f"assessments:{name}"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_another_users_results_cannot_be_compared(owner: User, other_user: User) -> None:
    mine = finished(other_user)
    theirs = finished(owner)
    response = signed_in(other_user).get(
        reverse("assessments:compare"), {"a": mine.token, "b": theirs.token}
    )
    assert response.status_code == 404


def test_my_results_lists_only_my_own(owner: User, other_user: User) -> None:
    finished(owner, title="UX Designer")
    finished(other_user, title="Account Executive")
    page = signed_in(owner).get(reverse("assessments:mine"))
    assert b"UX Design" in page.content and b"Sales" not in page.content.split(b"<main")[1]


def test_a_guest_result_belongs_to_its_secret_link_until_claimed(owner: User) -> None:
    guest = Client()
    response = guest.post(reverse("assessments:start"))
    token = response["Location"].split("/")[2]
    assert Client().get(reverse("assessments:roles", args=[token])).status_code == 200
    services.assessments_claim(user=owner, tokens=[token])
    assert Client().get(reverse("assessments:roles", args=[token])).status_code == 404
    assert signed_in(owner).get(reverse("assessments:roles", args=[token])).status_code == 200


def test_an_unknown_token_is_404() -> None:
    assert Client().get(reverse("assessments:result", args=["nope"])).status_code == 404
