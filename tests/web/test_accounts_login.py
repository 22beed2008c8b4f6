from __future__ import annotations

from django.test import Client

from pm_origins.web.accounts import services
from pm_origins.web.accounts.models import User

from .conftest import PASSWORD, Clock


def _login(client: Client, email: str, password: str, **extra: str):  # type: ignore[no-untyped-def]
    return client.post("/account/login/", {"email": email, "password": password}, **extra)


def test_the_right_password_logs_in_whatever_the_case_of_the_email(owner: User) -> None:
    client = Client()
    response = _login(client, "  OWNER@Example.org ", PASSWORD)
    assert response.status_code == 302
    assert client.get("/account/").status_code == 200


def test_login_follows_a_safe_next_and_ignores_an_offsite_one(owner: User) -> None:
    ok = Client().post(
        "/account/login/", {"email": owner.email, "password": PASSWORD, "next": "/series/"}
    )
    assert ok["Location"] == "/series/"
    evil = Client().post(
        "/account/login/",
        {"email": owner.email, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert evil["Location"] == "/account/"


def test_a_wrong_password_and_an_unknown_email_get_the_same_answer(owner: User) -> None:
    wrong = _login(Client(), owner.email, "wrong password")
    unknown = _login(Client(), "nobody@example.org", "wrong password")
    assert wrong.status_code == unknown.status_code == 200
    assert services.INVALID_LOGIN in wrong.content.decode()
    assert services.INVALID_LOGIN in unknown.content.decode()


def test_an_unconfirmed_account_cannot_log_in_and_is_not_revealed() -> None:
    User.objects.create_user(email="pending@example.org", password=PASSWORD, is_active=False)
    response = _login(Client(), "pending@example.org", PASSWORD)
    assert services.INVALID_LOGIN in response.content.decode()


def test_ten_failures_in_an_hour_answer_429_even_with_the_right_password(
    owner: User, clock: Clock
) -> None:
    for _ in range(10):
        assert _login(Client(), owner.email, "wrong").status_code == 200
    blocked = _login(Client(), owner.email, PASSWORD)
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) > 0
    assert "Too many failed log-ins" in blocked.content.decode()


def test_unknown_accounts_are_throttled_the_same_way(clock: Clock) -> None:
    for _ in range(10):
        _login(Client(), "nobody@example.org", "wrong")
    assert _login(Client(), "nobody@example.org", "wrong").status_code == 429


def test_the_throttle_is_per_account(owner: User, other_user: User, clock: Clock) -> None:
    for _ in range(10):
        _login(Client(), owner.email, "wrong")
    assert _login(Client(), other_user.email, PASSWORD).status_code == 302


def test_the_lock_lifts_when_the_hour_is_over(owner: User, clock: Clock) -> None:
    for _ in range(11):
        _login(Client(), owner.email, "wrong")
    assert _login(Client(), owner.email, PASSWORD).status_code == 429
    clock.advance(3601)
    assert _login(Client(), owner.email, PASSWORD).status_code == 302


def test_the_count_lives_in_shared_storage_not_in_the_process(owner: User, clock: Clock) -> None:
    from django.core.cache import cache

    from pm_origins.web.core.models import RateCounter

    for _ in range(10):
        _login(Client(), owner.email, "wrong")
    assert _login(Client(), owner.email, PASSWORD).status_code == 429
    RateCounter.objects.all().delete()  # what every worker reads: the database...
    cache.clear()  # ...or Redis, when configured
    assert _login(Client(), owner.email, PASSWORD).status_code == 302


def test_logout_is_a_post_and_ends_the_session(owner_client: Client) -> None:
    assert owner_client.get("/account/logout/").status_code == 405
    assert owner_client.post("/account/logout/").status_code == 302
    assert owner_client.get("/account/").status_code == 302


def test_the_admin_login_goes_through_the_throttled_login(owner: User) -> None:
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/account/login/?next=/admin/"


def test_the_per_address_lockout_names_the_address_not_an_account(clock: Clock) -> None:
    for number in range(services.LOGIN_ATTEMPTS_PER_IP_PER_HOUR):
        _login(Client(), f"sprayed-{number}@example.org", "wrong")
    response = _login(Client(), "fresh@example.org", "wrong")
    assert response.status_code == 429
    text = response.content.decode()
    assert "from your network address" in text
    assert "for this account" not in text
