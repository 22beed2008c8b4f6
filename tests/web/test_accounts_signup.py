from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from pm_origins.web.accounts import services
from pm_origins.web.accounts.models import User

from .conftest import PASSWORD, make_user

NEW_PASSWORD = "an entirely new passphrase 7"


def _signup(client: Client, email: str, password: str = NEW_PASSWORD):  # type: ignore[no-untyped-def]
    return client.post(
        "/account/signup/", {"email": email, "password1": password, "password2": password}
    )


def _link(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://[^/\s]+(/account/signup/confirm/\S+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_a_new_address_gets_an_inactive_account_and_a_confirmation_link() -> None:
    response = _signup(Client(), "New.Person@Example.org")
    assert response.status_code == 302
    assert response["Location"] == "/account/signup/done/"
    user = User.objects.get(email="new.person@example.org")
    assert not user.is_active
    assert len(mail.outbox) == 1
    assert "/account/signup/confirm/" in mail.outbox[0].body


def test_the_confirmation_link_logs_in_the_browser_that_signed_up() -> None:
    client = Client()
    _signup(client, "new@example.org")
    response = client.get(_link(mail.outbox[0]))
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert client.get("/account/").status_code == 200
    assert User.objects.get(email="new@example.org").is_active


def test_the_link_opened_elsewhere_confirms_but_asks_to_log_in() -> None:
    _signup(Client(), "new@example.org")
    other_browser = Client()
    response = other_browser.get(_link(mail.outbox[0]))
    assert response["Location"] == "/account/login/"
    assert other_browser.get("/account/").status_code == 302


def test_a_confirmation_link_works_only_once() -> None:
    _signup(Client(), "new@example.org")
    link = _link(mail.outbox[0])
    Client().get(link)
    response = Client().get(link)
    assert response.status_code == 400
    assert services.SIGNUP_LINK_INVALID in response.content.decode()


def test_signing_up_again_keeps_the_first_link_and_both_links_work_once() -> None:
    _signup(Client(), "new@example.org")
    _signup(Client(), "new@example.org", password="yet another passphrase 9")
    first, second = _link(mail.outbox[0]), _link(mail.outbox[1])
    assert Client().get(first).status_code == 302
    assert Client().get(second).status_code == 400, "the account is already confirmed"


def test_a_garbled_link_is_a_clear_error_not_a_crash() -> None:
    for path in ("/account/signup/confirm/zzz/abc/", "/account/signup/confirm/MTIzNDU2/x-y/"):
        assert Client().get(path).status_code == 400


def test_an_existing_address_gets_the_same_answer_and_a_warning_email() -> None:
    owner = make_user("owner@example.org")
    known = _signup(Client(), "owner@example.org")
    unknown = _signup(Client(), "nobody@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    warning = next(m for m in mail.outbox if m.to == ["owner@example.org"])
    assert "already have one" in warning.body
    assert "/account/password-reset/" in warning.body
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD), "the existing password must not change"


def test_the_check_your_email_page_is_the_same_for_everyone() -> None:
    make_user("owner@example.org")
    first, second = Client(), Client()
    _signup(first, "owner@example.org")
    _signup(second, "nobody@example.org")
    page_a = first.get("/account/signup/done/").content
    page_b = second.get("/account/signup/done/").content
    strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert strip.sub(b"", page_a) == strip.sub(b"", page_b)


def test_bad_signup_input_redisplays_the_form_with_messages() -> None:
    response = Client().post(
        "/account/signup/", {"email": "not-an-email", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert User.objects.count() == 0
