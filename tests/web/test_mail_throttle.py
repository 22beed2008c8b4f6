"""Mail is throttled per recipient and per IP; the answer never changes."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client

from pm_origins.web.accounts.models import User

from .conftest import make_user


def _reset(email: str, ip: str = "198.51.100.1") -> Any:
    return Client().post("/account/password-reset/", {"email": email}, REMOTE_ADDR=ip)


def _signup(email: str, ip: str = "198.51.100.1") -> Any:
    password = "a sound passphrase 12"
    return Client().post(
        "/account/signup/",
        {"email": email, "password1": password, "password2": password},
        REMOTE_ADDR=ip,
    )


def test_twenty_reset_requests_send_at_most_the_per_address_limit(settings: Any) -> None:
    make_user("owner@example.org")
    answers = {
        (r.status_code, r["Location"]) for r in (_reset("owner@example.org") for _ in range(20))
    }
    assert answers == {(302, "/account/password-reset/sent/")}
    assert len(mail.outbox) == settings.MAILS_PER_ADDRESS_PER_HOUR


def test_the_address_limit_holds_whichever_ip_asks(settings: Any) -> None:
    make_user("owner@example.org")
    for n in range(20):
        _reset("owner@example.org", ip=f"198.51.100.{n}")
    assert len(mail.outbox) == settings.MAILS_PER_ADDRESS_PER_HOUR


def test_one_ip_cannot_mail_many_addresses_past_its_limit(settings: Any) -> None:
    settings.MAILS_PER_IP_PER_HOUR = 4
    for n in range(10):
        make_user(f"person{n}@example.org")
        _reset(f"person{n}@example.org")
    assert len(mail.outbox) == 4


def test_repeated_signups_for_one_address_send_at_most_the_limit(settings: Any) -> None:
    for n in range(12):
        assert _signup("new@example.org", ip=f"198.51.100.{n}").status_code == 302
    assert len(mail.outbox) == settings.MAILS_PER_ADDRESS_PER_HOUR
    assert User.objects.filter(email="new@example.org").count() == 1


def test_sign_up_and_reset_share_one_limit_per_address(settings: Any) -> None:
    settings.MAILS_PER_ADDRESS_PER_HOUR = 3
    make_user("owner@example.org")
    for _ in range(5):
        _reset("owner@example.org")
        _signup("owner@example.org")
    assert len(mail.outbox) == 3


def test_a_throttled_reset_answers_like_any_other(settings: Any) -> None:
    settings.MAILS_PER_ADDRESS_PER_HOUR = 1
    first, throttled = _reset("nobody@example.org"), _reset("nobody@example.org")
    assert (first.status_code, first["Location"]) == (throttled.status_code, throttled["Location"])
