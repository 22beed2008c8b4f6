"""Every payload through every comment and feedback field, on every page that shows them."""

from __future__ import annotations

import pytest
from django.test import Client

from pm_origins.web.series.models import Article, Comment, Feedback, ModerationStatus

from .conftest import Clock, human_comment, human_feedback
from .xss import MARK, PAYLOADS, unescaped


def test_the_corpus_has_at_least_thirty_payloads() -> None:
    assert len(PAYLOADS) >= 30
    assert all(MARK in payload for payload in PAYLOADS)


def test_the_checker_catches_live_markup() -> None:
    assert unescaped(f"<p><img src=x onerror=alert('{MARK}')></p>")
    assert unescaped(f"<a href=\"javascript:alert('{MARK}')\">x</a>")
    assert unescaped(f"<script>{MARK}</script>")
    assert not unescaped(f"<p>&lt;script&gt;{MARK}&lt;/script&gt;</p>")


@pytest.fixture
def comments(article: Article, clock: Clock, settings) -> list[Comment]:  # type: ignore[no-untyped-def]
    settings.COMMENTS_PER_IP = 1000
    for n, payload in enumerate(PAYLOADS):
        response = human_comment(
            Client(),
            article,
            clock,
            name=payload[:80],
            body=f"{payload} #{n}",
            email=f"x{n}@example.org",
            ip="203.0.113.9",
        )
        assert response.status_code == 302, payload
    Comment.objects.update(status=ModerationStatus.APPROVED)
    return list(Comment.objects.all())


def test_comment_payloads_are_stored_and_all_shown(comments: list[Comment]) -> None:
    assert len(comments) == len(PAYLOADS)


def test_the_article_page_shows_every_comment_payload_escaped(
    article: Article, comments: list[Comment]
) -> None:
    html = Client().get(article.get_absolute_url()).content.decode()
    assert html.count('class="comment"') == len(PAYLOADS)
    assert unescaped(html) == []


def test_the_admin_moderation_pages_show_comment_payloads_escaped(
    staff_client: Client, comments: list[Comment]
) -> None:
    listing = staff_client.get("/admin/series/comment/").content.decode()
    assert unescaped(listing) == []
    for comment in comments:
        page = staff_client.get(f"/admin/series/comment/{comment.pk}/change/").content.decode()
        assert unescaped(page) == [], comment.body


def test_a_rejected_form_redisplays_payloads_escaped(article: Article, clock: Clock) -> None:
    for payload in PAYLOADS:
        response = human_comment(
            Client(), article, clock, name=payload, body=payload, email="bad", ip="203.0.113.10"
        )
        assert response.status_code == 400
        assert unescaped(response.content.decode()) == [], payload


@pytest.fixture
def feedback_items(clock: Clock, settings) -> list[Feedback]:  # type: ignore[no-untyped-def]
    settings.COMMENTS_PER_IP = 1000
    for n, payload in enumerate(PAYLOADS):
        response = human_feedback(Client(), clock, message=f"{payload} #{n}", kind="topic")
        assert response.status_code == 302, payload
    items = list(Feedback.objects.all())
    for n, item in enumerate(items):
        item.status = Feedback.Status.PLANNED if n % 2 else Feedback.Status.DONE
        item.public_title = PAYLOADS[n] if n % 3 == 0 else ""
        item.save()
    return items


def test_the_public_topics_page_shows_feedback_payloads_escaped(
    feedback_items: list[Feedback],
) -> None:
    html = Client().get("/series/topics/").content.decode()
    assert html.count(MARK) >= len(PAYLOADS)
    assert unescaped(html) == []


def test_the_admin_triage_pages_show_feedback_payloads_escaped(
    staff_client: Client, feedback_items: list[Feedback]
) -> None:
    assert unescaped(staff_client.get("/admin/series/feedback/").content.decode()) == []
    for item in feedback_items:
        page = staff_client.get(f"/admin/series/feedback/{item.pk}/change/").content.decode()
        assert unescaped(page) == []


def test_search_echoes_a_payload_escaped(article: Article) -> None:
    for payload in PAYLOADS:
        html = Client().get("/series/search/", {"q": payload}).content.decode()
        assert unescaped(html) == [], payload


def test_feedback_form_redisplays_payloads_escaped(clock: Clock) -> None:
    for payload in PAYLOADS:
        response = human_feedback(Client(), clock, message=payload, email=payload)
        assert response.status_code == 400  # the e-mail is invalid
        assert unescaped(response.content.decode()) == [], payload
