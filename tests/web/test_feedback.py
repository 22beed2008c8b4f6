from __future__ import annotations

from django.test import Client

from pm_origins.web.series import services
from pm_origins.web.series.models import Article, Feedback

from .conftest import Clock, human_feedback, page_token


def test_a_reader_sends_feedback_a_topic_or_a_bug(clock: Clock) -> None:
    for n, kind in enumerate(["feedback", "topic", "bug"]):
        response = human_feedback(
            Client(),
            clock,
            kind=kind,
            message=f"Message number {n} here",
            email="me@example.org" if n else "",
        )
        assert response.status_code == 302
        assert response["Location"] == "/series/feedback/thanks/"
    assert sorted(Feedback.objects.values_list("kind", flat=True)) == ["bug", "feedback", "topic"]
    assert set(Feedback.objects.values_list("status", flat=True)) == {"new"}


def test_feedback_is_behind_the_same_spam_defences(clock: Clock) -> None:
    client = Client()
    token = page_token(client.get("/series/feedback/").content.decode())
    clock.advance(30)
    honeypot = client.post(
        "/series/feedback/",
        {"kind": "topic", "message": "Buy cheap things now", "website": "x", "token": token},
    )
    instant_token = page_token(client.get("/series/feedback/").content.decode())
    instant = client.post(
        "/series/feedback/",
        {"kind": "topic", "message": "Buy cheap things now", "token": instant_token},
    )
    assert honeypot["Location"] == instant["Location"] == "/series/feedback/thanks/"
    assert Feedback.objects.count() == 0


def test_a_comment_token_does_not_work_for_feedback(article: Article, clock: Clock) -> None:
    token = page_token(Client().get(article.get_absolute_url()).content.decode())
    clock.advance(30)
    Client().post("/series/feedback/", {"kind": "topic", "message": "Hello there", "token": token})
    assert Feedback.objects.count() == 0


def test_a_too_short_message_is_redisplayed_with_a_message(clock: Clock) -> None:
    response = human_feedback(Client(), clock, message="hi")
    assert response.status_code == 400
    assert "Ensure this value has at least" in response.content.decode()


def test_the_topics_page_lists_only_planned_and_done_topics() -> None:
    def make(message: str, kind: str, status: str) -> None:
        Feedback.objects.create(kind=kind, message=message, status=status, fingerprint=message)

    make("Planned topic", "topic", "planned")
    make("Done topic", "topic", "done")
    make("New topic", "topic", "new")
    make("Declined topic", "topic", "declined")
    make("Planned bug", "bug", "planned")
    html = Client().get("/series/topics/").content.decode()
    assert "Planned topic" in html and "Done topic" in html
    for hidden in ("New topic", "Declined topic", "Planned bug"):
        assert hidden not in html


def test_staff_triage_feedback_in_bulk(staff_client: Client) -> None:
    items = [
        Feedback.objects.create(kind="topic", message=f"topic {n}", fingerprint=str(n))
        for n in range(3)
    ]
    response = staff_client.post(
        "/admin/series/feedback/",
        {"action": "mark_planned", "_selected_action": [i.pk for i in items[:2]]},
    )
    assert response.status_code == 302
    assert list(Feedback.objects.order_by("pk").values_list("status", flat=True)) == [
        "planned",
        "planned",
        "new",
    ]


def test_an_unknown_triage_status_is_refused() -> None:
    try:
        services.feedback_triage(items=Feedback.objects.all(), status="maybe")
    except services.SeriesError as error:
        assert "Unknown feedback status" in error.message
    else:
        raise AssertionError("expected SeriesError")
