"""Personal API tokens: made and revoked on /account/api-tokens/, shown once, stored hashed."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from pm_origins.web.accounts.models import User
from pm_origins.web.api import services
from pm_origins.web.api.models import ApiToken

from .api_helpers import ApiClient, token_for

PAGE = "/account/api-tokens/"
SECRET_RE = re.compile(r'value="(pmo_[A-Za-z0-9_-]+)"')


def create(client: Client, name: str = "cohort script") -> str:
    response = client.post(PAGE, {"name": name})
    assert response.status_code == 200
    match = SECRET_RE.search(response.content.decode())
    assert match, "the new token is not on the page"
    return match.group(1)


def test_a_new_token_is_shown_once_and_works(owner_client: Client, owner: User) -> None:
    secret = create(owner_client)
    assert ApiClient(secret).get("/me").json()["email"] == owner.email
    again = owner_client.get(PAGE).content.decode()
    assert secret not in again
    assert "cohort script" in again and secret[:12] in again


def test_only_a_hash_of_the_secret_is_stored(owner_client: Client) -> None:
    secret = create(owner_client)
    token = ApiToken.objects.get()
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    stored = [str(v) for v in ApiToken.objects.values_list(named=False).get()]
    assert all(secret not in value for value in stored)
    assert token.prefix == secret[:12]


def test_secrets_are_long_and_different(owner: User) -> None:
    secrets = {token_for(owner, f"t{i}") for i in range(5)}
    assert len(secrets) == 5
    assert all(len(s) >= 40 and s.startswith("pmo_") for s in secrets)


def test_use_is_noted_at_most_once_a_minute(owner: User) -> None:
    secret = token_for(owner)
    token = ApiToken.objects.get()
    assert token.last_used is None
    ApiClient(secret).get("/me")
    token.refresh_from_db()
    first = token.last_used
    assert first is not None
    ApiClient(secret).get("/me")
    token.refresh_from_db()
    assert token.last_used == first
    ApiToken.objects.update(last_used=first - timedelta(minutes=2))
    ApiClient(secret).get("/me")
    token.refresh_from_db()
    assert token.last_used >= first
    assert timezone.now() - token.last_used < timedelta(minutes=1)


def test_the_page_lists_name_prefix_and_last_use(owner_client: Client, owner: User) -> None:
    secret = create(owner_client, "laptop")
    ApiClient(secret).get("/me")
    page = owner_client.get(PAGE).content.decode()
    assert "laptop" in page and secret[:12] in page and "Never" not in page


def test_revoking_a_token_stops_it(owner_client: Client) -> None:
    secret = create(owner_client)
    token = ApiToken.objects.get()
    response = owner_client.post(f"{PAGE}{token.pk}/revoke/")
    assert response.status_code == 302
    assert not ApiToken.objects.exists()
    assert ApiClient(secret).get("/me").status_code == 401


def test_nobody_revokes_another_users_token(owner: User, other_user: User) -> None:
    token_for(owner)
    token = ApiToken.objects.get()
    intruder = Client()
    intruder.force_login(other_user)
    assert intruder.post(f"{PAGE}{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_revoking_needs_post(owner_client: Client, owner: User) -> None:
    token_for(owner)
    token = ApiToken.objects.get()
    assert owner_client.get(f"{PAGE}{token.pk}/revoke/").status_code == 405
    assert ApiToken.objects.exists()


def test_the_pages_need_a_signed_in_user() -> None:
    response = Client().get(PAGE)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    assert Client().post(f"{PAGE}1/revoke/").status_code == 302
    assert not ApiToken.objects.exists()


def test_the_forms_need_the_csrf_token(owner: User) -> None:
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    assert browser.post(PAGE, {"name": "x"}).status_code == 403
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("name", ["", "   ", "x" * 101, "a\x00b"])
def test_a_token_needs_a_sensible_name(owner_client: Client, name: str) -> None:
    response = owner_client.post(PAGE, {"name": name})
    assert response.status_code == 200
    assert 'class="field field-error"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_account_has_at_most_so_many_tokens(owner_client: Client, owner: User) -> None:
    for i in range(services.MAX_TOKENS):
        token_for(owner, f"t{i}")
    response = owner_client.post(PAGE, {"name": "one more"})
    assert services.TOO_MANY_TOKENS in response.content.decode()
    assert ApiToken.objects.count() == services.MAX_TOKENS


def test_the_account_page_links_to_the_tokens(owner_client: Client) -> None:
    assert f'href="{PAGE}"' in owner_client.get("/account/").content.decode()


def test_the_export_lists_tokens_without_secrets(owner: User) -> None:
    secret = token_for(owner, "laptop")
    exported = services.tokens_export(owner)
    assert [t["name"] for t in exported] == ["laptop"]
    assert secret not in str(exported)
    assert ApiToken.objects.get().key_hash not in str(exported)


def test_deleting_the_account_deletes_its_tokens(owner: User) -> None:
    token_for(owner)
    owner.delete()
    assert not ApiToken.objects.exists()
