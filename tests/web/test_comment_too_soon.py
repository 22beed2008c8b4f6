"""A person who sends a comment or feedback quickly from a real browser is asked to wait
and send again; a script that does the same is still dropped without a word."""

from __future__ import annotations

from django.test import Client

from pm_origins.web.series import services
from pm_origins.web.series.models import Article, Comment, Feedback

from .conftest import Clock, page_token

BODY = "Quick thought: this matched my move from QA into product almost exactly."
# What a browser sends when a person submits a form on the page they are on.
BROWSER = {
    "HTTP_SEC_FETCH_MODE": "navigate",
    "HTTP_SEC_FETCH_SITE": "same-origin",
    "HTTP_SEC_FETCH_DEST": "document",
    "HTTP_SEC_FETCH_USER": "?1",
}


def _comment(client: Client, article: Article, token: str, **headers: str):  # type: ignore[no-untyped-def]
    fields = {
        "name": "Quick",
        "email": "quick@example.org",
        "body": BODY,
        "website": "",
        "token": token,
    }
    return client.post(article.get_absolute_url() + "comment/", fields, **headers)


def test_a_fast_person_in_a_browser_is_told_to_wait_and_keeps_the_text(
    article: Article, clock: Clock
) -> None:
    client = Client()
    token = page_token(client.get(article.get_absolute_url()).content.decode())
    clock.advance(1)

    response = _comment(client, article, token, **BROWSER)

    assert response.status_code == 400
    html = response.content.decode()
    assert services.SENT_TOO_SOON in html
    assert BODY in html
    assert page_token(html) == token
    assert Comment.objects.count() == 0


def test_sending_again_after_a_few_seconds_works(article: Article, clock: Clock) -> None:
    client = Client()
    token = page_token(client.get(article.get_absolute_url()).content.decode())
    clock.advance(1)
    first = _comment(client, article, token, **BROWSER)
    clock.advance(5)

    again = _comment(client, article, page_token(first.content.decode()), **BROWSER)

    assert again.status_code == 302
    assert "comment=received" in again["Location"]
    assert Comment.objects.get().body == BODY


def test_a_script_that_posts_as_fast_is_still_dropped_silently(
    article: Article, clock: Clock
) -> None:
    client = Client()
    token = page_token(client.get(article.get_absolute_url()).content.decode())
    clock.advance(1)

    response = _comment(client, article, token)

    assert response.status_code == 302
    assert "comment=received" in response["Location"]
    assert Comment.objects.count() == 0


def test_a_fast_bot_with_browser_headers_but_a_filled_trap_is_dropped(
    article: Article, clock: Clock
) -> None:
    client = Client()
    token = page_token(client.get(article.get_absolute_url()).content.decode())
    clock.advance(1)
    fields = {"name": "B", "email": "b@example.org", "body": BODY, "website": "x", "token": token}

    response = client.post(article.get_absolute_url() + "comment/", fields, **BROWSER)

    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_quick_feedback_from_a_browser_is_asked_to_wait_too(clock: Clock) -> None:
    client = Client()
    token = page_token(client.get("/series/feedback/").content.decode())
    clock.advance(1)
    fields = {
        "kind": "topic",
        "message": "Please write about moving from support.",
        "email": "q@example.org",
    }

    response = client.post(
        "/series/feedback/", {**fields, "website": "", "token": token}, **BROWSER
    )

    assert response.status_code == 400
    assert services.SENT_TOO_SOON in response.content.decode()
    assert Feedback.objects.count() == 0
