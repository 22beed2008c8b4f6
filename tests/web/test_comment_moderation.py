from __future__ import annotations

from django.test import Client

from pm_origins.web.accounts.models import User
from pm_origins.web.series import services
from pm_origins.web.series.models import Article, Comment, ModerationStatus

from .conftest import Clock, human_comment


def _comment(article: Article, body: str, status: str = ModerationStatus.PENDING) -> Comment:
    return Comment.objects.create(
        article=article,
        name="Reader",
        email="r@example.org",
        body=body,
        status=status,
        fingerprint=body,
    )


def test_a_new_comment_waits_for_moderation(article: Article, clock: Clock) -> None:
    client = Client()
    response = human_comment(client, article, clock, body="Hidden until approved")
    page = client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in page
    assert "Hidden until approved" not in page


def test_only_approved_comments_are_shown(article: Article) -> None:
    for status in ModerationStatus.values:
        _comment(article, f"status is {status}", status)
    html = Client().get(article.get_absolute_url()).content.decode()
    assert "status is approved" in html
    for hidden in ("pending", "rejected", "spam"):
        assert f"status is {hidden}" not in html


def test_the_email_address_is_never_shown(article: Article) -> None:
    _comment(article, "visible", ModerationStatus.APPROVED)
    assert "r@example.org" not in Client().get(article.get_absolute_url()).content.decode()


def test_staff_approve_reject_or_mark_spam_in_bulk_from_the_admin(
    article: Article, staff_client: Client
) -> None:
    comments = [_comment(article, f"comment {n}") for n in range(6)]
    for action, chosen, expected in (
        ("mark_approved", comments[:2], ModerationStatus.APPROVED),
        ("mark_rejected", comments[2:4], ModerationStatus.REJECTED),
        ("mark_spam", comments[4:], ModerationStatus.SPAM),
    ):
        response = staff_client.post(
            "/admin/series/comment/",
            {"action": action, "_selected_action": [c.pk for c in chosen]},
        )
        assert response.status_code == 302
        assert response["Location"] == "/admin/series/comment/"
        for comment in chosen:
            comment.refresh_from_db()
            assert comment.status == expected
            assert comment.moderated_at is not None


def test_staff_can_moderate_one_comment_on_its_page(article: Article, staff_client: Client) -> None:
    comment = _comment(article, "single")
    response = staff_client.post(
        f"/admin/series/comment/{comment.pk}/change/",
        {"name": "Reader", "email": "r@example.org", "body": "single", "status": "approved"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/series/comment/"
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.APPROVED


def test_non_staff_cannot_reach_the_moderation_admin(owner_client: Client) -> None:
    response = owner_client.get("/admin/series/comment/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/account/login/?next=")
    assert b'name="password"' in response.content


def test_a_signed_in_reader_with_an_approved_comment_is_published_at_once(
    article: Article, owner: User, owner_client: Client, clock: Clock
) -> None:
    first = human_comment(owner_client, article, clock, body="My first comment")
    assert first["Location"].endswith("?comment=received#comment-status")
    services.comments_moderate(comments=Comment.objects.all(), status=ModerationStatus.APPROVED)
    second = human_comment(owner_client, article, clock, body="My second comment")
    assert second["Location"].endswith("?comment=published#comment-status")
    assert Comment.objects.get(body="My second comment").status == ModerationStatus.APPROVED
    assert "My second comment" in owner_client.get(article.get_absolute_url()).content.decode()


def test_a_signed_in_reader_without_an_approved_comment_still_waits(
    article: Article, owner_client: Client, clock: Clock
) -> None:
    human_comment(owner_client, article, clock, body="first one")
    services.comments_moderate(comments=Comment.objects.all(), status=ModerationStatus.REJECTED)
    human_comment(owner_client, article, clock, body="second one")
    assert Comment.objects.get(body="second one").status == ModerationStatus.PENDING


def test_a_rejected_bot_sees_the_same_success_page_as_a_person(
    article: Article, clock: Clock
) -> None:
    person = human_comment(Client(), article, clock, body="person", ip="203.0.113.1")
    page = Client().get(article.get_absolute_url()).content.decode()
    from .conftest import page_token

    token = page_token(page)
    clock.advance(30)
    bot = Client().post(
        article.get_absolute_url() + "comment/",
        {"name": "b", "email": "b@example.org", "body": "bot", "website": "x", "token": token},
        REMOTE_ADDR="198.51.100.1",
    )
    assert (bot.status_code, bot["Location"]) == (person.status_code, person["Location"])


def test_an_unknown_status_is_refused(article: Article) -> None:
    try:
        services.comments_moderate(comments=Comment.objects.all(), status="published")
    except services.SeriesError as error:
        assert "Unknown moderation status" in error.message
    else:
        raise AssertionError("expected SeriesError")


def test_closed_comments_take_no_posts(article: Article, clock: Clock) -> None:
    from pm_origins.web.series import spam

    article.comments_open = False
    article.save()
    token = spam.make_token(target=services.comment_target(article))
    clock.advance(30)
    response = Client().post(
        article.get_absolute_url() + "comment/",
        {"name": "n", "email": "n@example.org", "body": "late comment", "token": token},
    )
    assert response.status_code == 400
    assert Comment.objects.count() == 0
