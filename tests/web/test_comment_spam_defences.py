"""The bot corpus: nothing a bot sends is published; every person is accepted."""

from __future__ import annotations

from django.core import signing
from django.test import Client

from pm_origins.web.series import services, spam
from pm_origins.web.series.models import Article, Comment, ModerationStatus, Series

from .conftest import Clock, human_comment, make_article, page_token

BODY = "Great article, this matched my move from QA into product."


def _post(client: Client, article: Article, data: dict[str, str], ip: str = "198.51.100.9"):  # type: ignore[no-untyped-def]
    fields = {"name": "Bot", "email": "bot@example.org", "body": BODY, "website": "", **data}
    return client.post(article.get_absolute_url() + "comment/", fields, REMOTE_ADDR=ip)


def _fresh_token(client: Client, article: Article) -> str:
    return page_token(client.get(article.get_absolute_url()).content.decode())


def _published() -> int:
    return Comment.objects.filter(status=ModerationStatus.APPROVED).count()


def _success(response, article: Article) -> bool:  # type: ignore[no-untyped-def]
    return response.status_code == 302 and response["Location"] == (
        f"{article.get_absolute_url()}?comment=received#comment-status"
    )


def test_people_are_accepted_every_time(article: Article, clock: Clock) -> None:
    for n in range(25):
        response = human_comment(
            Client(),
            article,
            clock,
            body=f"Comment number {n} from a real reader.",
            ip=f"203.0.113.{n + 1}",
        )
        assert _success(response, article)
    assert Comment.objects.filter(status=ModerationStatus.PENDING).count() == 25


def test_bots_that_fill_every_field_are_dropped(article: Article, clock: Clock) -> None:
    client = Client()
    for n, trap in enumerate(["http://spam.example", "x", "buy now"]):
        token = _fresh_token(client, article)
        clock.advance(30)
        response = _post(client, article, {"website": trap, "token": token}, ip=f"198.51.100.{n}")
        assert _success(response, article), "a bot must see the same success page"
    assert Comment.objects.count() == 0


def test_instant_submission_is_dropped(article: Article, clock: Clock) -> None:
    client = Client()
    for n in range(3):
        token = _fresh_token(client, article)
        clock.advance(1)
        assert _success(_post(client, article, {"token": token}, ip=f"198.51.100.{n}"), article)
    assert Comment.objects.count() == 0


def test_a_missing_or_forged_token_is_dropped(article: Article, clock: Clock) -> None:
    forged = signing.dumps({"t": f"comment:{article.pk}", "i": 0, "n": "x"}, salt="other-salt")
    good = _fresh_token(Client(), article)
    clock.advance(30)
    tampered = good[:-3] + ("aaa" if not good.endswith("aaa") else "bbb")
    for n, token in enumerate(["", "garbage", forged, tampered]):
        response = _post(Client(), article, {"token": token}, ip=f"198.51.100.{n}")
        assert response.status_code in {302, 400}
    assert Comment.objects.count() == 0


def test_a_token_for_another_article_is_dropped(series: Series, clock: Clock) -> None:
    first = make_article(series, "first", position=1)
    second = make_article(series, "second", position=2)
    token = _fresh_token(Client(), first)
    clock.advance(30)
    assert _success(_post(Client(), second, {"token": token}), second)
    assert Comment.objects.count() == 0


def test_a_replayed_token_is_dropped(article: Article, clock: Clock) -> None:
    token = _fresh_token(Client(), article)
    clock.advance(30)
    assert _success(_post(Client(), article, {"token": token}, ip="198.51.100.1"), article)
    for n in range(5):
        _post(
            Client(),
            article,
            {"token": token, "body": f"replay {n} body"},
            ip=f"198.51.100.{n + 2}",
        )
    assert Comment.objects.count() == 1
    assert _published() == 0


def test_the_same_comment_twice_is_stored_once(article: Article, clock: Clock) -> None:
    human_comment(Client(), article, clock, ip="203.0.113.1")
    response = human_comment(Client(), article, clock, ip="203.0.113.2")
    assert _success(response, article)
    assert Comment.objects.count() == 1


def test_a_flood_of_100_posts_a_minute_publishes_nothing(article: Article, clock: Clock) -> None:
    client = Client()
    statuses = []
    tokens = [_fresh_token(client, article) for _ in range(100)]
    clock.advance(5)
    for n, token in enumerate(tokens):
        response = _post(client, article, {"token": token, "body": f"Flood message {n} here."})
        statuses.append(response.status_code)
        clock.advance(0.6)
    assert _published() == 0
    assert Comment.objects.count() <= 5, "the per-IP limit caps what even waits for moderation"
    assert statuses.count(429) >= 95


def test_too_many_posts_from_one_address_answer_429_with_retry_after(
    article: Article, clock: Clock
) -> None:
    for n in range(5):
        human_comment(Client(), article, clock, body=f"Real comment {n}", ip="203.0.113.50")
    response = human_comment(Client(), article, clock, body="one more", ip="203.0.113.50")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_an_expired_form_asks_the_person_to_send_again(article: Article, clock: Clock) -> None:
    token = _fresh_token(Client(), article)
    clock.advance(86400 + 10)
    response = _post(Client(), article, {"token": token})
    assert response.status_code == 400
    html = response.content.decode()
    assert services.FORM_EXPIRED in html
    assert BODY in html, "what the person wrote is kept"
    assert page_token(html) != token


def test_length_limits_are_enforced(article: Article, clock: Clock) -> None:
    for body in ("x", "y" * 5001):
        response = human_comment(Client(), article, clock, body=body, ip="203.0.113.60")
        assert response.status_code == 400
    response = human_comment(Client(), article, clock, name="n" * 81, ip="203.0.113.61")
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_a_comment_full_of_links_is_kept_as_spam(article: Article, clock: Clock) -> None:
    body = " ".join(f"https://spam{n}.example" for n in range(5))
    response = human_comment(Client(), article, clock, body=body)
    assert _success(response, article)
    assert Comment.objects.get().status == ModerationStatus.SPAM


def test_tokens_only_verify_for_their_target() -> None:
    token = spam.make_token(target="comment:1", now=1000)
    verdict = spam.TokenVerdict
    assert spam.check_token(token=token, target="comment:2", now=1100) is verdict.WRONG_TARGET
    assert spam.check_token(token=token, target="comment:1", now=1001) is verdict.TOO_FAST
    assert spam.check_token(token=token, target="comment:1", now=1100) is verdict.OK


def test_odd_bytes_in_a_comment_are_a_form_error_not_a_crash(
    article: Article, clock: Clock
) -> None:
    response = human_comment(Client(), article, clock, body="null \x00 byte", name="\x00")
    assert response.status_code == 400
    assert Comment.objects.count() == 0
