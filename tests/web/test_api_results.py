"""The signed-in user's results over the API: create, list, get, delete, share, export."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment

from .api_helpers import QA_ROLE, ApiClient, error_of, token_for
from .assess_helpers import finished


@pytest.fixture
def client(owner: User) -> ApiClient:
    return ApiClient(token_for(owner))


def create(client: ApiClient, **body: Any) -> Any:
    return client.post("/results", {"roles": [QA_ROLE], "target": "technical", **body})


def test_creating_a_result_saves_it_for_the_caller(client: ApiClient, owner: User) -> None:
    response = create(client)
    assert response.status_code == 201
    body = response.json()
    saved = Assessment.objects.get(token=body["id"])
    assert saved.owner == owner and saved.is_complete
    assert body["result"] == saved.result
    assert body["top_origin"]["id"] == "qa"
    assert body["target"] == "technical"
    assert response["Location"] == body["url"]
    assert body["url"].endswith(f"/api/v1/results/{saved.token}")


def test_a_created_result_matches_a_stateless_evaluation(client: ApiClient) -> None:
    stored = create(client).json()["result"]
    assert stored == client.post("/evaluate", {"roles": [QA_ROLE], "target": "technical"}).json()


def test_creating_goes_through_the_assessment_service(
    client: ApiClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    real = services.assessment_submit
    monkeypatch.setattr(services, "assessment_submit", lambda **kw: calls.append(kw) or real(**kw))
    create(client)
    assert len(calls) == 1 and calls[0]["target"] == "technical"


@pytest.mark.parametrize(
    "body",
    [
        {"roles": []},
        {},
        {"roles": [{"title": "QA Engineer", "years": "3"}]},
        {"answers": {"innovation_01": 7}},
        {"roles": [{"title": "QA Engineer", "years": 3}], "target": "astronaut"},
    ],
)
def test_bad_input_saves_nothing(client: ApiClient, body: dict[str, Any]) -> None:
    response = client.post("/results", body)
    assert response.status_code == 422
    assert error_of(response) == "invalid"
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("raw", ["[]", '"x"', "null"])
def test_a_body_that_is_not_an_object_is_a_400_and_saves_nothing(
    client: ApiClient, raw: str
) -> None:
    response = client.post("/results", raw=raw)
    assert response.status_code == 400
    assert error_of(response) == "bad_request"
    assert not Assessment.objects.exists()


def test_an_unplaced_title_is_saved_as_unmatched_and_left_out(client: ApiClient) -> None:
    response = client.post(
        "/results", {"roles": [QA_ROLE, {"title": "Astronaut Pilot", "years": 3}]}
    )
    assert response.status_code == 201
    result = response.json()["result"]
    assert [r["matched"] for r in result["roles"]] == [True, False]
    assert result["origins"][0]["id"] == "qa"


def test_the_list_holds_only_the_callers_finished_results_newest_first(
    client: ApiClient, owner: User, other_user: User
) -> None:
    older, newer = finished(owner), finished(owner, title="Web Developer")
    finished(other_user)
    services.assessment_start(user=owner)  # unfinished: not a result yet
    body = client.get("/results").json()
    assert body["count"] == 2
    assert [item["id"] for item in body["items"]] == [newer.token, older.token]
    assert body["next"] is None and body["previous"] is None


def test_the_list_is_paginated(client: ApiClient, owner: User) -> None:
    tokens = [finished(owner).token for _ in range(5)][::-1]
    first = client.get("/results?limit=2").json()
    assert first["count"] == 5 and [i["id"] for i in first["items"]] == tokens[:2]
    second = client.get(first["next"].split("testserver")[1]).json()
    assert [i["id"] for i in second["items"]] == tokens[2:4]
    assert second["previous"].endswith("limit=2&offset=0")
    last = client.get("/results?limit=2&offset=4").json()
    assert [i["id"] for i in last["items"]] == tokens[4:] and last["next"] is None
    beyond = client.get("/results?offset=50").json()
    assert beyond["items"] == [] and beyond["count"] == 5


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=101", "offset=-1", "limit=x", "offset=99999999999999999999999"]
)
def test_bad_page_parameters_are_a_422(client: ApiClient, query: str) -> None:
    response = client.get(f"/results?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][0] == "query"


def test_getting_a_result_gives_it_in_full(client: ApiClient, owner: User) -> None:
    result = finished(owner)
    body = client.get(f"/results/{result.token}").json()
    assert body["id"] == result.token
    assert body["result"] == result.result
    assert body["shared"] is False and body["share_url"] is None
    assert body["show_answers"] is False


@pytest.mark.parametrize("result_id", ["nope", "x" * 65, "a%20b", "..", "%E2%82%AC"])
def test_an_unknown_result_is_a_404(client: ApiClient, result_id: str) -> None:
    response = client.get(f"/results/{result_id}")
    assert response.status_code == 404
    assert error_of(response) == "not_found"


def test_an_unfinished_assessment_is_not_a_result(client: ApiClient, owner: User) -> None:
    draft = services.assessment_start(user=owner)
    assert client.get(f"/results/{draft.token}").status_code == 404
    assert client.delete(f"/results/{draft.token}").status_code == 404
    assert Assessment.objects.filter(pk=draft.pk).exists()


def test_deleting_a_result_removes_it(client: ApiClient, owner: User) -> None:
    result = finished(owner)
    response = client.delete(f"/results/{result.token}")
    assert response.status_code == 204 and response.content == b""
    assert not Assessment.objects.filter(pk=result.pk).exists()
    assert client.delete(f"/results/{result.token}").status_code == 404


def test_sharing_makes_a_link_that_works_until_it_is_revoked(
    client: ApiClient, owner: User
) -> None:
    result = finished(owner)
    response = client.post(f"/results/{result.token}/share")
    assert response.status_code == 200
    link = response.json()["share_url"]
    assert client.post(f"/results/{result.token}/share").json()["share_url"] == link
    page = link.split("testserver")[1]
    assert Client().get(page).status_code == 200
    detail = client.get(f"/results/{result.token}").json()
    assert detail["shared"] is True and detail["share_url"] == link

    assert client.delete(f"/results/{result.token}/share").status_code == 204
    assert Client().get(page).status_code == 404
    assert client.get(f"/results/{result.token}").json()["share_url"] is None


def test_share_and_delete_go_through_the_services(
    client: ApiClient, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    called: list[str] = []
    for name in ("share_create", "share_revoke", "assessment_delete"):
        real = getattr(services, name)
        monkeypatch.setattr(
            services, name, lambda _real=real, _name=name, **kw: called.append(_name) or _real(**kw)
        )
    result = finished(owner)
    client.post(f"/results/{result.token}/share")
    client.delete(f"/results/{result.token}/share")
    client.delete(f"/results/{result.token}")
    assert called == ["share_create", "share_revoke", "assessment_delete"]


def test_the_export_holds_everything_the_account_page_exports(
    client: ApiClient, owner: User
) -> None:
    result = finished(owner)
    web = Client()
    web.force_login(owner)
    body = client.get("/export").json()
    assert body["account"]["email"] == owner.email
    assert [row["id"] for row in body["assessments"]] == [result.token]
    assert [t["name"] for t in body["api_tokens"]] == ["tests"]
    assert web.get("/account/export.json").json() == body


def test_me_says_who_the_token_belongs_to(client: ApiClient, owner: User) -> None:
    assert client.get("/me").json() == {"email": owner.email, "auth": "token"}


def test_private_answers_are_not_cached(client: ApiClient, owner: User) -> None:
    response = client.get("/results")
    assert "no-store" in response["Cache-Control"]
    assert "Authorization" in response["Vary"]
