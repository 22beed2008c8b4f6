from __future__ import annotations

import json

from django.test import Client

from pm_origins.web.accounts import exports, services
from pm_origins.web.accounts.models import User
from pm_origins.web.series.models import Article, Comment

from .conftest import PASSWORD


def _comment(article: Article, user: User, body: str) -> Comment:
    return Comment.objects.create(
        article=article, user=user, name="N", email=user.email, body=body, fingerprint=body
    )


def test_export_holds_my_account_and_my_comments_only(
    owner_client: Client, owner: User, other_user: User, article: Article
) -> None:
    _comment(article, owner, "mine")
    _comment(article, other_user, "not mine")
    response = owner_client.get("/account/export.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == owner.email
    assert [c["body"] for c in data["series"]["comments"]] == ["mine"]
    assert "other@example.org" not in response.content.decode()


def test_apps_plug_into_the_export_through_the_registry(owner_client: Client) -> None:
    exports.register("plugin-test", lambda user: {"hello": user.email})
    try:
        data = json.loads(owner_client.get("/account/export.json").content)
        assert data["plugin-test"] == {"hello": "owner@example.org"}
    finally:
        exports._exporters.pop("plugin-test")


def test_anonymous_visitors_cannot_export_or_delete() -> None:
    for path in ("/account/", "/account/export.json", "/account/delete/"):
        response = Client().get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")
    assert Client().post("/account/delete/", {"password": PASSWORD}).status_code == 302


def test_deletion_needs_the_right_password(owner_client: Client, owner: User) -> None:
    response = owner_client.post("/account/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert services.WRONG_PASSWORD in response.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()


def test_deletion_removes_me_and_what_i_wrote_but_nobody_else(
    owner_client: Client, owner: User, other_user: User, article: Article
) -> None:
    _comment(article, owner, "mine")
    _comment(article, other_user, "theirs")
    response = owner_client.post("/account/delete/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=owner.pk).exists()
    assert list(Comment.objects.values_list("body", flat=True)) == ["theirs"]
    assert owner_client.get("/account/").status_code == 302


def test_account_delete_service_refuses_a_wrong_password(owner: User) -> None:
    try:
        services.account_delete(user=owner, password="nope")
    except services.AccountError as error:
        assert error.message == services.WRONG_PASSWORD
    else:
        raise AssertionError("expected AccountError")


def test_private_pages_are_never_cached(owner_client: Client) -> None:
    for path in ("/account/", "/account/export.json", "/account/delete/", "/series/"):
        response = owner_client.get(path)
        assert "no-store" in response["Cache-Control"], path
