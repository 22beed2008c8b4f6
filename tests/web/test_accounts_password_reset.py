from __future__ import annotations

import re

from django.core import mail
from django.test import Client

from pm_origins.web.accounts.models import User


def test_known_and_unknown_addresses_get_the_same_answer(owner: User) -> None:
    known = Client().post("/account/password-reset/", {"email": owner.email})
    unknown = Client().post("/account/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [[owner.email]]


def test_the_reset_link_sets_a_new_password(owner: User) -> None:
    Client().post("/account/password-reset/", {"email": owner.email.upper()})
    path = re.search(r"https?://[^/\s]+(/account/password-reset/\S+/)", mail.outbox[0].body)
    assert path
    client = Client()
    form_page = client.get(path.group(1), follow=True)
    assert form_page.status_code == 200
    new = "a brand new passphrase 11"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.status_code == 302
    owner.refresh_from_db()
    assert owner.check_password(new)
