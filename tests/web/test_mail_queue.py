"""Mail leaves through the task queue: a request enqueues, the worker sends."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from pm_origins.web.worker import run_worker

from .conftest import make_user

# The worker runs outside any transaction, as in production (it closes a
# connection it finds inside one), so these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _database_queue(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _signup(email: str) -> Any:
    password = "a sound passphrase 12"
    return Client().post(
        "/account/signup/", {"email": email, "password1": password, "password2": password}
    )


def test_a_signup_enqueues_its_mail_and_sends_nothing_during_the_request() -> None:
    _signup("new@example.org")
    assert mail.outbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("send_signup_mail")
    assert queued.args_kwargs["kwargs"]["email"] == "new@example.org"


def test_the_queue_holds_the_address_but_never_a_live_link() -> None:
    _signup("new@example.org")
    Client().post("/account/password-reset/", {"email": "new@example.org"})
    stored = str(list(DBTaskResult.objects.values_list("args_kwargs", flat=True)))
    assert "/confirm/" not in stored and "password-reset/" not in stored


def test_running_the_worker_sends_the_queued_mail_once() -> None:
    _signup("new@example.org")
    run_worker(batch=True)
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    assert "/account/signup/confirm/" in mail.outbox[0].body
    run_worker(batch=True)
    assert len(mail.outbox) == 1
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_reset_for_a_known_address_is_mailed_by_the_worker() -> None:
    make_user("owner@example.org")
    Client().post("/account/password-reset/", {"email": "Owner@Example.org"})
    assert mail.outbox == []
    run_worker(batch=True)
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
    assert "/account/password-reset/" in mail.outbox[0].body


def test_a_reset_for_an_unknown_address_is_queued_the_same_and_sends_nothing() -> None:
    make_user("owner@example.org")
    known = Client().post("/account/password-reset/", {"email": "owner@example.org"})
    unknown = Client().post("/account/password-reset/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert DBTaskResult.objects.count() == 2, "the request does the same work for both"
    run_worker(batch=True)
    assert [m.to for m in mail.outbox] == [["owner@example.org"]]
