"""Signing up again with an address that already has an account changes nothing.

Finding 1 of issue 8: a second sign-up used to replace an unconfirmed account's
password, so whoever signed up last chose the password of the account its
owner then confirmed, filled and used.
"""

from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from pm_origins.web.accounts.models import User

VICTIM = "victim@example.org"
VICTIM_PASSWORD = "the victim's own passphrase 3"
ATTACKER_PASSWORD = "the attacker's chosen passphrase 5"


def _signup(client: Client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/account/signup/", {"email": email, "password1": password, "password2": password}
    )


def _confirm_links(to: str) -> list[str]:
    links = []
    for message in mail.outbox:
        match = re.search(r"https?://[^/\s]+(/account/signup/confirm/\S+/)", message.body)
        if message.to == [to] and match:
            links.append(match.group(1))
    return links


def _log_in(client: Client, email: str, password: str) -> bool:
    client.post("/account/login/", {"email": email, "password": password})
    return client.get("/account/").status_code == 200


def test_a_second_signup_never_changes_an_unconfirmed_accounts_password() -> None:
    _signup(Client(), VICTIM, VICTIM_PASSWORD)
    before = User.objects.get(email=VICTIM)
    _signup(Client(), VICTIM, ATTACKER_PASSWORD)
    after = User.objects.get(email=VICTIM)
    assert after.password == before.password
    assert after.check_password(VICTIM_PASSWORD)
    assert not after.check_password(ATTACKER_PASSWORD)
    assert not after.is_active
    assert User.objects.count() == 1


def test_the_owner_confirming_from_the_second_mail_keeps_the_attacker_out() -> None:
    victim = Client()
    _signup(victim, VICTIM, VICTIM_PASSWORD)
    _signup(Client(), VICTIM, ATTACKER_PASSWORD)
    links = _confirm_links(VICTIM)
    assert len(links) == 2, "the owner gets a fresh confirmation mail for the second sign-up"
    victim.get(links[-1])
    assert victim.get("/account/").status_code == 200, "the owner's own browser is logged in"
    assert not _log_in(Client(), VICTIM, ATTACKER_PASSWORD)
    assert _log_in(Client(), VICTIM, VICTIM_PASSWORD)


def test_the_second_mail_for_an_unconfirmed_address_says_nothing_changed() -> None:
    _signup(Client(), VICTIM, VICTIM_PASSWORD)
    _signup(Client(), VICTIM, ATTACKER_PASSWORD)
    second = mail.outbox[-1]
    assert second.to == [VICTIM]
    assert "/account/signup/confirm/" in second.body
    assert "nothing" in second.body.lower() and "changed" in second.body.lower()
    assert "/account/password-reset/" in second.body


def test_confirming_never_logs_a_browser_into_an_account_whose_password_it_did_not_choose() -> None:
    # The attacker starts the account first, with a password of their own; the
    # owner of the address then signs up in their browser and confirms.
    _signup(Client(), VICTIM, ATTACKER_PASSWORD)
    victim = Client()
    _signup(victim, VICTIM, VICTIM_PASSWORD)
    response = victim.get(_confirm_links(VICTIM)[-1])
    assert response.status_code == 302
    assert response["Location"] == "/account/login/"
    assert victim.get("/account/").status_code == 302, "not logged in"
    assert User.objects.get(email=VICTIM).is_active


def test_the_same_browser_signing_up_twice_is_still_logged_in_by_its_link() -> None:
    browser = Client()
    _signup(browser, VICTIM, VICTIM_PASSWORD)
    _signup(browser, VICTIM, VICTIM_PASSWORD)
    browser.get(_confirm_links(VICTIM)[-1])
    assert browser.get("/account/").status_code == 200


def test_a_second_signup_for_a_confirmed_account_changes_nothing_at_all() -> None:
    _signup(Client(), VICTIM, VICTIM_PASSWORD)
    Client().get(_confirm_links(VICTIM)[0])
    before = User.objects.values().get(email=VICTIM)
    _signup(Client(), VICTIM, ATTACKER_PASSWORD)
    assert User.objects.values().get(email=VICTIM) == before
    assert "already have one" in mail.outbox[-1].body


def test_every_signup_answers_alike_and_sets_a_session_cookie() -> None:
    _signup(Client(), "pending@example.org", VICTIM_PASSWORD)
    _signup(Client(), "active@example.org", VICTIM_PASSWORD)
    Client().get(_confirm_links("active@example.org")[0])
    answers = []
    for email in ("new@example.org", "pending@example.org", "active@example.org"):
        response = _signup(Client(), email, ATTACKER_PASSWORD)
        answers.append(
            (response.status_code, response["Location"], "sessionid" in response.cookies)
        )
    assert answers == [(302, "/account/signup/done/", True)] * 3
